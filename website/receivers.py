"""What the shell does when other parts of the system act. Every signal it handles:

- ``user_logged_in`` and ``user_logged_out`` (Django; allauth's sign-up logs in, account
  deletion logs out): the response tells the browser to forget its offline copies
  (``website.middleware.ClearSiteDataMiddleware``).
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver


@receiver(user_logged_in)
@receiver(user_logged_out)
def _signed_in_person_changed(sender, request, **kwargs):
    if request is not None:
        request.signed_in_person_changed = True
