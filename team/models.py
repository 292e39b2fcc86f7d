"""Client and worker as one team. The client decides: who is linked (``TeamLink``, made
from the client's ``Invitation`` or by accepting a worker's ``LinkRequest``), what each
worker may see (``Scope``), and sees every look (``AccessLog``) and every agreement in
the shared plan (``PlanItem`` with its ``PlanEvent`` history). Nothing here is hidden
from the client.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import ModulePage, Topic
from network.models import Person

ENCOURAGEMENT_MAX_LENGTH = 280


class Team(models.Model):
    """A team of workers (set up by an admin); its leads see aggregated counts only."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="teams", blank=True, verbose_name=_("hulpverleners")
    )
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="led_teams",
        blank=True,
        verbose_name=_("teamleiders"),
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class TopicScope(models.Model):
    """Which topics' learning progress someone may see of a client: all, or the chosen
    ``topics`` (none chosen: no progress at all, a supporter's "only the plan")."""

    all_topics = models.BooleanField(_("alle onderwerpen"), default=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")

    class Meta:
        abstract = True


class Scope(TopicScope):
    """What a worker may see of a client: the topics, whether the shared plan, and whether
    counts of their network (never names). Shared by invitations (the scope on offer) and
    links."""

    share_plan = models.BooleanField(_("ons plan delen"), default=True)
    share_network = models.BooleanField(_("aantallen uit mijn netwerk delen"), default=False)

    class Meta:
        abstract = True


class Invitation(Scope):
    """A one-time code a client gives their worker, or (with ``person``) someone from
    their network who becomes a supporter in the plan; valid for a week."""

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_invitations"
    )
    # Set for a supporter's code: who in the client's network it is meant for. Removing
    # that person from the network takes the code with them.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code = models.CharField(max_length=16, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.client_id} · {self.code}"

    @property
    def is_open(self) -> bool:
        return (
            self.redeemed_at is None
            and self.cancelled_at is None
            and self.expires_at > timezone.now()
        )


class TeamLink(Scope):
    """A client and a worker as a team, within the client's scope, until either ends it."""

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worker_links"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_links"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "worker"],
                condition=Q(ended_at__isnull=True),
                name="team_link_one_active_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(client=models.F("worker")), name="team_link_not_with_oneself"
            ),
        ]
        indexes = [models.Index(fields=["worker", "ended_at"], name="team_link_worker")]
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")

    def __str__(self):
        return f"{self.client_id} ↔ {self.worker_id}"

    @property
    def active(self) -> bool:
        return self.ended_at is None


class SupportLink(TopicScope):
    """Someone from the client's network as a supporter in "Ons plan": they see the plan
    (and the progress of the topics the client chose), take on agreements, mark them done
    and encourage; nothing else. Either side ends it; removing the person from the network
    removes the link."""

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supporter_links"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supported_links"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="support_links")
    # A supporter sees no learning unless the client chose topics for them.
    all_topics = models.BooleanField(_("alle onderwerpen"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "supporter"],
                condition=Q(ended_at__isnull=True),
                name="support_link_one_active_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(client=models.F("supporter")), name="support_link_not_with_oneself"
            ),
        ]
        indexes = [models.Index(fields=["supporter", "ended_at"], name="support_link_supporter")]
        verbose_name = _("steunpersoon")
        verbose_name_plural = _("steunpersonen")

    def __str__(self):
        return f"{self.client_id} ← {self.supporter_id}"

    @property
    def active(self) -> bool:
        return self.ended_at is None


class LinkRequest(models.Model):
    """A worker asks a client to become a team; nothing is visible until the client says yes."""

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_link_requests"
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="link_requests"
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted = models.BooleanField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "client"],
                condition=Q(answered_at__isnull=True),
                name="link_request_one_open_per_pair",
            )
        ]
        verbose_name = _("verzoek om te koppelen")
        verbose_name_plural = _("verzoeken om te koppelen")

    def __str__(self):
        return f"{self.worker_id} → {self.client_id}"


class AccessLog(models.Model):
    """One look by a worker or a supporter at a client's data; the client sees them all
    ("Wie keek mee"). ``worker`` is whoever looked, ``role`` in what capacity."""

    class Role(models.TextChoices):
        WORKER = "worker", _("hulpverlener")
        SUPPORTER = "supporter", _("steunpersoon")

    class What(models.TextChoices):
        CLIENT_LIST = "client_list", _("je naam en voortgang in de lijst 'Mijn cliënten'")
        CLIENT_PAGE = "client_page", _("je voortgang per module")
        PLAN = "plan", _("ons plan")
        GAP_VIEW = "gap_view", _("je voortgang in het overzicht van alle cliënten")
        EXPORT = "export", _("je voortgang in een download (CSV)")
        NETWORK = "network", _("hoeveel mensen in je netwerk staan en meedenken (aantallen)")

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_logs"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The worker's name at the time, so the client still sees who looked if the
    # worker's account is gone.
    worker_name = models.CharField(max_length=150)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.WORKER)
    what = models.CharField(max_length=20, choices=What.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["client", "-at"], name="access_log_client_recent")]
        verbose_name = _("wie keek mee")
        verbose_name_plural = _("wie keek mee")

    def __str__(self):
        return f"{self.worker_name} · {self.client_id} · {self.what}"


class PlanItem(models.Model):
    """One agreement in a client's plan ("Ons plan"): what, who does it, by when."""

    class Who(models.TextChoices):
        CLIENT = "client", _("ik (cliënt)")
        WORKER = "worker", _("hulpverlener")
        PERSON = "person", _("iemand uit mijn netwerk")

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_items"
    )
    text = models.CharField(_("wat"), max_length=300)
    who = models.CharField(_("wie"), max_length=10, choices=Who.choices)
    # Who committed to it: the worker (who == WORKER) or the person from the client's
    # network (who == PERSON), kept by name if their account or their place in the
    # network goes.
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_items"
    )
    doer_name = models.CharField(max_length=150, blank=True)
    due = models.DateField(_("wanneer klaar"), null=True, blank=True)
    module = models.ForeignKey(
        ModulePage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("module om te doen"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(who="client") | ~Q(doer_name=""), name="plan_item_doer_named"
            )
        ]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self):
        return self.text


class Encouragement(models.Model):
    """A few warm words from a supporter to the client, shown on the client's plan. Only
    the client and the writer see it; the client may remove it."""

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="encouragements"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The name the client knows the writer by (their network entry), kept if the writer goes.
    author_name = models.CharField(max_length=150)
    text = models.CharField(_("je bericht"), max_length=ENCOURAGEMENT_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("aanmoediging")
        verbose_name_plural = _("aanmoedigingen")

    def __str__(self):
        return f"{self.author_name} → {self.client_id}"


class PlanEvent(models.Model):
    """The history of a plan item: who added it, changed it, marked it done or reopened it."""

    class Kind(models.TextChoices):
        ADDED = "added", _("toegevoegd")
        DONE = "done", _("klaar gemeld")
        REOPENED = "reopened", _("weer open gezet")

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.actor_name}"
