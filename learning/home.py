"""What the home page does, which is learning's: it routes the learning URLs below it and
shows "continue where you left off". The page model itself is the shell's
(``website.HomePage``: its table and migrations stay there) and takes this in as a mixin,
so the shell imports learning and learning never imports the shell."""

from .selectors import route_from_catalog
from .views import home


class LearningHome:
    """Mixed into the site's root page (a Wagtail ``Page``)."""

    def route(self, request, path_components):
        # Learning pages are found through the cached catalog: one query for the
        # page instead of two per tree level (the hot path of every step view).
        found = route_from_catalog(path_components) if path_components else None
        if found is not None:
            page, remaining = found
            return page.route(request, remaining)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        return home(request, page=self)
