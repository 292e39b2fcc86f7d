"""Account views of our own (allauth provides sign-up, login and password reset)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .forms import ProfileForm
from .services import user_set_language


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
