"""The home page: "continue where you left off" and suggested modules."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(_("welkomsttekst"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["learning.LearningIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def serve(self, request, *args, **kwargs):
        from learning.views import home

        return home(request, page=self)
