"""The home page: "continue where you left off" and suggested modules (learning.home)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from learning.home import LearningHome


class HomePage(LearningHome, Page):
    intro = RichTextField(_("welkomsttekst"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["learning.LearningIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")
