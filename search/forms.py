"""The search form: everything optional; what cannot be understood is refused with a
message, a long query is cut (in ``selectors``), never an error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.selectors import catalog

from .backends.base import clean_text
from .models import Kind
from .selectors import CleanQuery

# The group names in the address: Dutch, like every URL.
GROUPS = {"leren": Kind.PAGE, "forum": Kind.POST, "buurt": Kind.INITIATIVE}


class QueryInput(forms.SearchInput):
    """The search box shows the query as it was searched (``CleanQuery``: collapsed, cut),
    not the whole of a very long paste."""

    def format_value(self, value):
        return super().format_value(CleanQuery.of(value).text)


class QueryField(forms.CharField):
    """Takes whatever was typed: control characters (even NUL, which Django's CharField
    refuses) are dropped before validation instead of failing the search."""

    widget = QueryInput(attrs={"autocomplete": "off"})

    def to_python(self, value):
        return clean_text(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(label=_("Waar zoek je naar?"), required=False)
    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)
    # Set by the links to one group's results, not typed: its error is named, not linked.
    soort = forms.ChoiceField(
        required=False,
        choices=[
            ("", ""),
            ("leren", _("Leren")),
            ("forum", _("Forum")),
            ("buurt", _("In de buurt")),
        ],
        widget=forms.HiddenInput,
    )
    forum = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    pagina = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.slug: topic for topic in catalog().topics}
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + [
            (topic.slug, topic.name) for topic in self.topics.values()
        ]
        self.fields["onderwerp"].error_messages["invalid_choice"] = _(
            "Dit onderwerp kennen we niet. Kies een onderwerp uit de lijst."
        )

    @property
    def topic_id(self) -> int | None:
        topic = self.topics.get(self.cleaned_data.get("onderwerp") or "")
        return topic.id if topic else None

    @property
    def only(self) -> str | None:
        return GROUPS.get(self.cleaned_data.get("soort") or "")
