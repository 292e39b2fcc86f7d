"""The client's own network ("Mijn netwerk"): the people around them, drawn by the client
and seen by no one else. A person is a name or nickname, how the client knows them, how
close they are (three circles) and what they could help with; nothing more (no phone, no
address). ``NetworkCount`` keeps how many people there were per day, never who, so the
page can tell how the network grew after a person has been deleted for real.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 40


class Relation(models.TextChoices):
    """How the client knows someone."""

    FAMILY = "familie", _("Familie")
    FRIEND = "vriend", _("Vriend of vriendin")
    NEIGHBOUR = "buur", _("Buurman of buurvrouw")
    COLLEAGUE = "collega", _("Collega of oud-collega")
    FORUM = "forum", _("Iemand van het forum")
    PROFESSIONAL = "professional", _("Iemand die er voor zijn werk is")


class Circle(models.IntegerChoices):
    """How close someone is: the three circles of the picture, 1 the closest."""

    CLOSEST = 1, _("Heel dichtbij")
    MIDDLE = 2, _("Dichtbij")
    OUTER = 3, _("Wat verder weg")


class Help(models.TextChoices):
    """What someone could help with."""

    PRACTICAL = "praktisch", _("Praktische hulp")
    COMPANY = "gezelschap", _("Gezelschap")
    ADVICE = "advies", _("Advies")
    LISTENING = "luisteren", _("Een luisterend oor")
    MONEY = "geld", _("Geldzaken")
    CHILDREN = "kinderen", _("Kinderen")


# Which column of ``Person`` holds which kind of help, in the order the choices are shown.
HELP_FIELDS = {
    Help.PRACTICAL: "help_practical",
    Help.COMPANY: "help_company",
    Help.ADVICE: "help_advice",
    Help.LISTENING: "help_listening",
    Help.MONEY: "help_money",
    Help.CHILDREN: "help_children",
}


class Person(models.Model):
    """Someone in a client's network."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_people"
    )
    name = models.CharField(_("naam of bijnaam"), max_length=NAME_MAX_LENGTH)
    relation = models.CharField(_("hoe ken je deze persoon?"), max_length=12, choices=Relation)
    circle = models.PositiveSmallIntegerField(_("hoe dichtbij?"), choices=Circle)
    # One column per kind of help (not a list in one column), so that counting the people
    # who could help with something stays a plain, indexable count on every database.
    help_practical = models.BooleanField(default=False)
    help_company = models.BooleanField(default=False)
    help_advice = models.BooleanField(default=False)
    help_listening = models.BooleanField(default=False)
    help_money = models.BooleanField(default=False)
    help_children = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["circle", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(circle__in=Circle.values), name="network_person_circle"
            ),
            models.CheckConstraint(
                condition=Q(relation__in=Relation.values),
                name="network_person_relation",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="network_person_named"),
        ]
        indexes = [models.Index(fields=["owner", "circle"], name="network_person_owner")]
        verbose_name = _("persoon in je netwerk")
        verbose_name_plural = _("mensen in je netwerk")

    def __str__(self):
        return self.name

    @property
    def helps(self) -> list[str]:
        """The kinds of help (``Help`` values) this person could give, in the usual order."""
        return [str(kind) for kind, field in HELP_FIELDS.items() if getattr(self, field)]

    @property
    def help_labels(self) -> list[str]:
        return [str(Help(kind).label) for kind in self.helps]

    @property
    def initial(self) -> str:
        """The first letter (or sign) of the name, drawn in the picture."""
        return self.name[:1].upper()


class NetworkCount(models.Model):
    """How many people were in a client's network at the end of ``day``: written by the
    services whenever the network changes, one row per client and day. A count only."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_counts"
    )
    day = models.DateField()
    people = models.PositiveIntegerField()

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="network_count_one_per_day")
        ]
        verbose_name = _("aantal mensen in je netwerk")
        verbose_name_plural = _("aantallen mensen in je netwerk")

    def __str__(self):
        return f"{self.owner_id} · {self.day} · {self.people}"
