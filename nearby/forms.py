"""The forms of ``nearby``: the list's filter (a GET form: words, a place or postcode, a
topic) and a member's suggestion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import one_line
from learning.models import Topic
from learning.selectors import catalog

from .models import Initiative, web_validator
from .selectors import postcode_in
from .services import SUGGESTED_FIELDS, plain

MAX_WORDS_LENGTH = 200


class FilterForm(forms.Form):
    q = forms.CharField(
        label=_("Wat zoek je?"),
        help_text=_("Bijvoorbeeld: taalcafé, voedselbank of sport."),
        required=False,
        max_length=MAX_WORDS_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    plaats = forms.CharField(
        label=_("Waar?"),
        help_text=_(
            "Een plaats, zoals Zwolle, of je postcode, zoals 3511. Met een postcode zie je "
            "ook wat in de buurt is: alle postcodes die met dezelfde twee cijfers beginnen."
        ),
        required=False,
        max_length=80,
    )
    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)
    pagina = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {topic.slug: topic for topic in catalog().topics}
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + [
            (topic.slug, topic.name) for topic in self.topics.values()
        ]
        self.fields["onderwerp"].error_messages["invalid_choice"] = _(
            "Dit onderwerp kennen we niet. Kies een onderwerp uit de lijst."
        )

    def clean_q(self) -> str:
        return one_line(self.cleaned_data["q"])

    def clean_plaats(self) -> str:
        place = one_line(self.cleaned_data["plaats"])
        if postcode_in(place) is None:
            raise forms.ValidationError(
                _("Een postcode heeft vier cijfers, van 1000 tot en met 9999, zoals 3511.")
            )
        return place

    @property
    def topic_id(self) -> int | None:
        topic = self.topics.get(self.cleaned_data.get("onderwerp") or "")
        return topic.id if topic else None

    def filters(self) -> dict:
        """The cleaned filters as ``selectors.initiatives_found`` takes them."""
        place = self.cleaned_data["plaats"]
        postcode = postcode_in(place) or ""
        return {
            "text": self.cleaned_data["q"],
            "postcode": postcode,
            "place": "" if postcode else place,
            "topic_id": self.topic_id,
            "page": self.cleaned_data["pagina"] or 1,
        }


class SuggestForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"),
        required=False,
        assume_scheme="https",
        validators=[web_validator],
        max_length=200,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Bij welke onderwerpen past het?"),
        help_text=_("Kies wat past. Niets kiezen mag ook."),
        queryset=Topic.objects.order_by("sort_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Initiative
        fields = [*SUGGESTED_FIELDS, "topics"]
        widgets = {"what": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "what", "for_whom", "how_to_join", "place"):
            if name in cleaned and not plain(cleaned[name]):
                self.add_error(name, _("Vul dit in met gewone tekst."))
        return cleaned
