"""Panels of our own in Wagtail's edit forms."""

from wagtail.admin.panels import Panel

from .readability import step_readability


class ReadabilityPanel(Panel):
    """Read-only, in a step's edit form: the plain-language check of the step as last
    saved (its reading ease against the house threshold, its longest sentences, its long
    words), so the editor sees what to shorten before anyone publishes."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "learning/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = step_readability(self.instance)
            return context
