"""allauth adapter: failed-login throttling answers with HTTP 429, not a 200 form; a new
username may not pass for a role or for someone else; an address without an account gets
at most one "unknown account" mail a day; a worker who signs in starts at their clients."""

import hashlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.utils import timezone

from core.views import too_many_requests

from . import roles
from .forms import clean_public_name

UNKNOWN_ACCOUNT_MAIL = "account/email/unknown_account"


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

    def get_login_redirect_url(self, request):
        # Only when the login carries no (safe) ``next``: allauth checks that one first.
        # A worker's day starts with their own clients, not at the learner's home page
        # everyone else lands on; the shell names that page (accounts knows no team URLs).
        if request.user.groups.filter(name=roles.WORKER).exists():
            return resolve_url(settings.WORKER_LOGIN_REDIRECT_URL)
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        # A password reset for an address without an account mails "unknown account";
        # anyone can ask that for anyone's address, so it goes out once a day at most.
        if template_prefix == UNKNOWN_ACCOUNT_MAIL and not _claim_unknown_account_mail(email):
            return
        super().send_mail(template_prefix, email, context)

    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        # ``shallow``: allauth makes up a username and checks it without the database;
        # sign-up here always asks for one, which gets the full check.
        if shallow:
            return username
        return clean_public_name(username, user_id=None)


def _claim_unknown_account_mail(email: str) -> bool:
    """Whether today's one "unknown account" mail to ``email`` may go out (and claims it).
    Keyed on the day and a hash of the address, not the address; ``cache.add`` is atomic
    in Redis, and the key outlives the rest of its day."""
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    key = f"unknown-account-mail:{timezone.localdate().isoformat()}:{digest}"
    return cache.add(key, True, timeout=24 * 60 * 60)
