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

    def route(self, request, path_components):
        # Learning pages are found through the cached catalog: one query for the
        # page instead of two per tree level (the hot path of every step view).
        from learning.selectors import route_from_catalog

        found = route_from_catalog(path_components) if path_components else None
        if found is not None:
            page, remaining = found
            return page.route(request, remaining)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        from learning.views import home

        return home(request, page=self)
