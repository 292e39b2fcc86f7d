"""Account views of our own (allauth provides sign-up, login and password reset)."""

from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .services import user_set_language


@require_POST
def set_language(request):
    """Django's set_language (cookie), and remembered on the account when signed in."""
    response = django_set_language(request)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response
