"""Local initiatives ("In de buurt"): a language café, a food bank, a debt buddy, a sports
club, the community centre. Editors and workers keep them in the Wagtail admin; a member
may suggest one, which waits for them (``Status.WAITING``). Only published ones are shown
on the site or found by search.

Where: a four-digit postcode (1000–9999: Dutch and Flemish postcodes alike) and a place
name are always given, an address only when there is one building to go to; otherwise the
initiative works in the area of the postcode. "Nearby" means the same first two digits of
the postcode (``selectors.area_of``).
"""

from django.conf import settings
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

POSTCODE_PATTERN = r"^[1-9][0-9]{3}$"
postcode_validator = RegexValidator(
    POSTCODE_PATTERN, _("Een postcode heeft vier cijfers, van 1000 tot en met 9999.")
)
# Digits with spaces, dashes or brackets, optionally starting with +: 6 to 20 characters.
phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{4,18}[0-9]$",
    _("Vul een telefoonnummer in met alleen cijfers, zoals 030 123 45 67."),
)
web_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Vul een webadres in dat begint met https:// of http://."),
)


class Status(models.TextChoices):
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    WAITING = "wacht", _("Wacht op beoordeling")
    REJECTED = "afgewezen", _("Afgewezen")


class Initiative(models.Model):
    """One local initiative. Every text is plain text (escaped on output)."""

    name = models.CharField(_("naam"), max_length=120)
    what = models.TextField(_("wat is het?"), max_length=1000)
    for_whom = models.CharField(_("voor wie?"), max_length=300)
    how_to_join = models.CharField(_("hoe doe je mee?"), max_length=500)
    cost = models.CharField(
        _("kosten"), max_length=120, blank=True, help_text=_("Leeg laten als het gratis is.")
    )
    opening_times = models.CharField(_("wanneer open?"), max_length=200, blank=True)
    address = models.CharField(
        _("adres"),
        max_length=200,
        blank=True,
        help_text=_("Straat en huisnummer. Leeg laten als het in de hele buurt is."),
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=4,
        validators=[postcode_validator],
        help_text=_("Alleen de vier cijfers, zoals 3511."),
    )
    place = models.CharField(_("plaats"), max_length=80)
    phone = models.CharField(
        _("telefoonnummer"), max_length=20, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True, validators=[web_validator])
    topics = models.ManyToManyField(
        "learning.Topic", verbose_name=_("onderwerpen"), related_name="initiatives", blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.WAITING
    )
    # Who suggested it (a member); emptied when their account goes, the initiative stays.
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now, editable=False)
    changed_at = models.DateTimeField(_("veranderd op"), auto_now=True)

    class Meta:
        verbose_name = _("initiatief in de buurt")
        verbose_name_plural = _("initiatieven in de buurt")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode__regex=POSTCODE_PATTERN), name="initiative_postcode"
            ),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="initiative_status"),
        ]
        indexes = [models.Index(fields=["status", "postcode"], name="initiative_status_pc")]

    def __str__(self):
        return f"{self.name} ({self.place})"

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def phone_link(self) -> str:
        """The phone number as a ``tel:`` address (digits and a leading +)."""
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
