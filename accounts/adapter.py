"""allauth adapter: failed-login throttling answers with HTTP 429, not a 200 form; a new
username may not pass for a role or for someone else."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.core.exceptions import ValidationError

from website.views import too_many_requests

from .forms import clean_public_name


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        # allauth signals "too many failed logins" as a form error with status 200;
        # clients and tests need a real 429 (allauth's AccountMiddleware returns it).
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if getattr(error, "code", None) == "too_many_login_attempts":
                raise ImmediateHttpResponse(too_many_requests(request)) from error
            raise

    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        # ``shallow``: allauth makes up a username and checks it without the database;
        # sign-up here always asks for one, which gets the full check.
        if shallow:
            return username
        return clean_public_name(username, user_id=None)
