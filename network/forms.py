"""The one form of ``network``: a person in plain steps (who, how you know them, how close,
what they could help with), each step its own fieldset on the page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX_LENGTH, Circle, Help, Person, Relation
from .services import clean_name


class PersonForm(forms.Form):
    name = forms.CharField(
        label=_("Naam of bijnaam"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Alleen een naam of bijnaam, zoals 'Tante Gerda' of 'Mo van hiernaast'."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    relation = forms.ChoiceField(
        label=_("Hoe ken je deze persoon?"), choices=Relation.choices, widget=forms.RadioSelect
    )
    circle = forms.TypedChoiceField(
        label=_("Hoe dichtbij is deze persoon?"),
        help_text=_("Heel dichtbij is de binnenste cirkel."),
        choices=Circle.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    helps = forms.MultipleChoiceField(
        label=_("Waarmee zou deze persoon kunnen helpen?"),
        help_text=_("Kies wat past. Niets kiezen mag ook."),
        choices=Help.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_name(self) -> str:
        name = clean_name(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Vul een naam of bijnaam in."))
        return name

    def person_kwargs(self) -> dict:
        """The cleaned fields as the services take them."""
        return {
            field: self.cleaned_data[field] for field in ("name", "relation", "circle", "helps")
        }

    @staticmethod
    def initial_from(person: Person) -> dict:
        return {
            "name": person.name,
            "relation": person.relation,
            "circle": person.circle,
            "helps": person.helps,
        }
