"""What ``accounts`` does when other parts of the system act. Every signal it handles:

- ``user_logged_in`` (Django), ``password_changed`` and ``password_set`` (allauth): record
  the session someone is signed in with (``UserSession``), so deleting the account can
  end it.
- ``user_logged_out`` (Django): forget that session.
"""

from allauth.account.signals import password_changed, password_set
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from .services import user_session_forget, user_session_record


@receiver(user_logged_in)
@receiver(password_changed)  # the session got a new key (update_session_auth_hash)
@receiver(password_set)
def _session_signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        user_session_record(user=user, session_key=request.session.session_key)


@receiver(user_logged_out)
def _session_signed_out(sender, request, **kwargs):
    if request is not None and hasattr(request, "session"):
        user_session_forget(session_key=request.session.session_key)
