"""Account views of our own (allauth provides sign-up, login and password reset):
the profile, the download of one's own data and deleting one's account. Each only ever
acts on the signed-in person. Sign-up is allauth's view, answering a form that looks
sent by a bot with status 400."""

import logging

from allauth.account.views import SignupView as AllauthSignupView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from core.ratelimits import rate_limited

from . import selectors
from .forms import AUTOMATED, AccountDeleteForm, ProfileForm
from .services import account_delete, user_set_language

logger = logging.getLogger(__name__)

# Password attempts on the delete page, per person and per address ("count/period").
DELETE_RATE_LIMITS = {"user": "5/h", "ip": "20/h"}


class SignupView(AllauthSignupView):
    """/account/signup/: allauth's sign-up; a form refused as sent by a bot
    (``forms.SignupForm.clean``) is bad input, so its page comes with status 400."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, AUTOMATED):
            response.status_code = 400
        return response


signup = SignupView.as_view()


@require_POST
def set_language(request):
    """Django's set_language (cookie), and remembered on the account when signed in."""
    response = django_set_language(request)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response


@login_required
def profile(request):
    """/account/profiel/: the name others see, email preferences and language."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je gegevens zijn bewaard."))
        response = redirect("account_profile")
        # Keep the choice after logging out, like the header's language switch does.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, form.cleaned_data["language"], samesite="Lax"
        )
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def export(request):
    """/account/mijn-gegevens/: what the download holds (GET) and the download (POST)."""
    if request.method == "POST":
        response = HttpResponse(
            selectors.account_export_json(user=request.user),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{selectors.export_filename()}"'
        return response
    sections = {section.name for section in selectors.export_sections()}
    return render(request, "accounts/export.html", {"sections": sections})


def _delete_rate_limited(request) -> bool:
    """Every attempt counts, right or wrong."""
    return rate_limited(request, "account-delete", DELETE_RATE_LIMITS)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request):
    """/account/verwijderen/: what deleting means, the choice for forum posts and the
    password again; then the deletion, all or nothing."""
    data = request.POST if request.method == "POST" else None
    form = AccountDeleteForm(data, user=request.user)
    if request.method == "GET":
        return render(request, "accounts/delete.html", {"form": form})
    if _delete_rate_limited(request):
        context = {"form": form, "rate_limited": True}
        return render(request, "accounts/delete.html", context, status=429)
    if not form.is_valid():
        return render(request, "accounts/delete.html", {"form": form}, status=400)
    try:
        account_delete(user=request.user, keep_posts=form.keep_posts)
    except DatabaseError:
        logger.exception("Deleting account %s failed; nothing was deleted", request.user.pk)
        return render(request, "accounts/delete.html", {"form": form, "failed": True}, status=503)
    logout(request)
    # After logout: the message lives in the new, anonymous session.
    messages.success(request, _("Je account is verwijderd. Bedankt dat je er was."))
    return redirect("/")
