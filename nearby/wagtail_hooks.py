"""The initiatives in the Wagtail admin ("In de buurt"), for editors and workers alike
(both groups hold the model's permissions: migration 0002). The list opens on every
initiative and filters by status, so "Wacht op beoordeling" shows the members'
suggestions to publish (status "Gepubliceerd") or reject ("Afgewezen")."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Initiative


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "site"
    menu_label = _("In de buurt")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "place", "postcode", "status", "changed_at"]
    list_filter = ["status", "place"]
    ordering = ["-changed_at"]
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("what"), FieldPanel("for_whom")], heading=_("Wat")
        ),
        MultiFieldPanel(
            [FieldPanel("how_to_join"), FieldPanel("cost"), FieldPanel("opening_times")],
            heading=_("Meedoen"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("place")],
            heading=_("Waar"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("topics"),
    ]


register_snippet(InitiativeViewSet)
