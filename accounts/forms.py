"""Sign-up asks for a username and a password; email is optional."""

import time

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.ratelimits import rate_limited
from core.views import too_many_requests

from . import selectors
from .models import User
from .names import is_reserved

SIGNUP_STARTED_SALT = "accounts.signup.started"
# The code of the error a sign-up gets when it looks sent by a bot (``views.SignupView``
# answers it with status 400).
AUTOMATED = "automated"


def _signed_now() -> str:
    return signing.dumps(time.time(), salt=SIGNUP_STARTED_SALT)


class HoneypotInput(forms.TextInput):
    """A text box for bots: people never see it (off screen), screen readers skip it
    (an aria-hidden wrapper), the Tab key passes it by and browsers don't fill it in. Its
    label tells anyone who does meet it, say with styles switched off, to leave it empty."""

    template_name = "accounts/widgets/honeypot.html"

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["label"] = _("Laat dit veld leeg")
        return context


class OffScreenBoundField(forms.BoundField):
    """The whole form row off screen, so the honeypot's row leaves no gap."""

    def css_classes(self, extra_classes=None):
        return super().css_classes(extra_classes=f"visually-hidden {extra_classes or ''}")


class SignupForm(AllauthSignupForm):
    email_progress = forms.BooleanField(
        required=False,
        label=_("Mail me een felicitatie als ik een module af heb"),
        help_text=_("Alleen als je een e-mailadres hebt opgegeven. Je kunt dit altijd uitzetten."),
    )
    # A cheap brake on bots, no third party: a field only bots fill in, and the time the
    # form was shown, signed so it can't be made up; sent sooner than a person can, or
    # without that time, the form is refused.
    referentie = forms.CharField(
        required=False, label="", widget=HoneypotInput, bound_field_class=OffScreenBoundField
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = _signed_now()
        self.fields["username"].help_text = _(
            "Kies een naam die anderen mogen zien. Je echte naam is niet nodig."
        )
        self.fields["email"].required = False
        self.fields["email"].label = _("E-mailadres (mag leeg blijven)")
        self.fields["email"].help_text = _(
            "Alleen nodig als je je wachtwoord wilt kunnen herstellen."
        )
        self.fields["password1"].help_text = _(
            "Minstens 8 tekens. Niet alleen cijfers en niet te makkelijk te raden."
        )

    def clean(self):
        cleaned_data = super().clean()
        if self._looks_automated():
            # A person who was just quick sends it again: the page carries a new start time.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = _signed_now()
            raise forms.ValidationError(
                _(
                    "We konden je aanmelding niet verwerken: het ging sneller dan iemand "
                    "meestal typt. Vul je wachtwoord nog een keer in en klik dan opnieuw "
                    "op Registreren."
                ),
                code=AUTOMATED,
            )
        return cleaned_data

    def try_save(self, request):
        # allauth's own limit counts every sign-up attempt per address; the site-wide one
        # counts only sign-ups that would create an account.
        if rate_limited(request, "signup", settings.SIGNUP_RATE_LIMITS):
            return None, too_many_requests(request)
        return super().try_save(request)

    def _looks_automated(self) -> bool:
        if self.cleaned_data.get("referentie"):
            return True
        try:
            started = signing.loads(self.cleaned_data.get("started", ""), salt=SIGNUP_STARTED_SALT)
        except signing.BadSignature:
            return True
        return time.time() - started < settings.SIGNUP_MIN_SECONDS

    def save(self, request):
        user = super().save(request)
        if self.cleaned_data.get("email_progress") and user.email:
            user.email_progress = True
            user.save(update_fields=["email_progress"])
        return user


def clean_public_name(name: str, *, user_id: int | None) -> str:
    """``name`` if others may see it as the name of ``user_id`` (None: someone signing up):
    not a role, the site or the deleted-user label (``names.is_reserved``), and not read
    the same as anyone else's username or display name. Raises ``ValidationError``."""
    if is_reserved(name):
        raise forms.ValidationError(
            _(
                "Deze naam kun je niet kiezen: hij lijkt op een rol op Samenredzaam, zoals "
                "moderator of hulpverlener. Kies een andere naam."
            ),
            code="reserved_name",
        )
    if selectors.name_taken(name=name, exclude_user_id=user_id):
        raise forms.ValidationError(
            _(
                "Iemand anders heeft deze naam al, of een naam die er bijna hetzelfde uitziet. "
                "Kies een andere naam."
            ),
            code="name_taken",
        )
    return name


class ProfileForm(forms.ModelForm):
    """What a person can change about themselves without allauth's pages."""

    class Meta:
        model = User
        fields = ["display_name", "email_progress", "forum_email", "language"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"]
        # Unchanged names stay: one chosen before these rules came is not taken away here.
        if not name or name == self.initial.get("display_name"):
            return name
        return clean_public_name(name, user_id=self.instance.pk)


class AccountDeleteForm(forms.Form):
    """Deleting one's own account: what happens with the forum posts, and the password
    again, so nobody else at an unlocked phone can do it."""

    KEEP = "keep"
    REMOVE = "remove"

    posts = forms.ChoiceField(
        label=_("Wat gebeurt er met je berichten op het forum?"),
        choices=[
            (KEEP, _('Laat mijn berichten staan, met "verwijderde gebruiker" als naam')),
            (REMOVE, _("Haal al mijn berichten weg")),
        ],
        initial=KEEP,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er met je berichten gebeurt.")},
    )
    password = forms.CharField(
        label=_("Je wachtwoord"),
        help_text=_("Zo weten we zeker dat jij het bent."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Vul je wachtwoord in.")},
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Dit wachtwoord klopt niet. Probeer het nog eens."), code="wrong_password"
            )
        return password

    @property
    def keep_posts(self) -> bool:
        return self.cleaned_data["posts"] == self.KEEP
