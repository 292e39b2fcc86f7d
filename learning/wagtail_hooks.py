"""Wagtail admin hooks of the learning app."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import StepPage
from .readability import step_readability


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_hard_to_read(request, page):
    """A step saved or published below the house reading ease gets a warning, never a
    refusal: the editor decides what to change."""
    if not isinstance(page, StepPage):
        return
    readability = step_readability(page)
    if readability.too_hard:
        messages.warning(
            request,
            _(
                "Deze stap is moeilijk te lezen: leesgemak %(score)s, de grens is "
                "%(threshold)s. Maak de langste zinnen korter en kies kortere woorden."
            )
            % {"score": round(readability.score), "threshold": round(readability.threshold)},
        )
