"""Wagtail admin hooks of the shell: the accessibility checker editors see."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


class ContentChecker(ContentCheckerItem):
    """Wagtail's content checker (axe-core in the preview, shown in the editor's checks
    panel) with the rules that matter for what our editors write: alt text (missing, or a
    file name), heading order, empty headings and paragraphs posing as headings, link
    text, plus Wagtail's own. It checks the page's main content only: the site's frame
    around it is not the editor's to change (our browser tests check it)."""

    axe_include = ["main"]
    axe_run_only = ["image-alt", *ContentCheckerItem.axe_run_only]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Afbeelding zonder alt-tekst"),
            "help_text": _("Zeg in de alt-tekst wat de afbeelding laat zien"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_our_content_checker(request, items, page):
    items[:] = [
        ContentChecker(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
