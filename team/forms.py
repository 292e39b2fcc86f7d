"""Forms for ``team``: the client's choice of scope, a worker's code or request, a plan item."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ids import IdModelChoiceField, IdModelMultipleChoiceField
from learning.models import ModulePage, Topic

from .models import Encouragement, PlanItem


class ScopeForm(forms.Form):
    """What a worker may see: everything, or only chosen topics; the plan or not; counts of
    the network or not."""

    ALL, CHOSEN = "alles", "kiezen"
    scope = forms.ChoiceField(
        label=_("Wat mag je hulpverlener zien van wat je leert?"),
        choices=[
            (ALL, _("Alles wat ik leer")),
            (CHOSEN, _("Alleen de onderwerpen die ik hieronder kies")),
        ],
        widget=forms.RadioSelect,
        initial=ALL,
    )
    topics = IdModelMultipleChoiceField(
        label=_("Onderwerpen"),
        queryset=Topic.objects.order_by("sort_order", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    share_plan = forms.BooleanField(
        label=_("Mijn hulpverlener mag 'Ons plan' zien en er afspraken in zetten"),
        required=False,
        initial=True,
    )
    share_network = forms.BooleanField(
        label=_(
            "Mijn hulpverlener mag zien hoeveel mensen in mijn netwerk staan en hoeveel er"
            " meedenken in mijn plan, per soort hulp. Nooit namen."
        ),
        required=False,
        initial=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("scope") == self.CHOSEN and not data.get("topics"):
            self.add_error("topics", _("Kies minstens één onderwerp, of kies 'Alles wat ik leer'."))
        return data

    def scope_kwargs(self) -> dict:
        data = self.cleaned_data
        all_topics = data["scope"] == self.ALL
        return {
            "all_topics": all_topics,
            "topic_ids": [] if all_topics else [topic.pk for topic in data["topics"]],
            "share_plan": data["share_plan"],
            "share_network": data["share_network"],
        }

    @classmethod
    def initial_from(cls, scoped) -> dict:
        return {
            "scope": cls.ALL if scoped.all_topics else cls.CHOSEN,
            "topics": list(scoped.topics.all()),
            "share_plan": scoped.share_plan,
            "share_network": scoped.share_network,
        }


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code van je cliënt"),
        max_length=20,
        help_text=_("8 letters en cijfers, bijvoorbeeld ABCD-EFGH."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class LinkRequestForm(forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam van je cliënt"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


# A date input (type="date") is drawn in the browser's language, not the page's: a phone
# set to English shows mm/dd/yyyy on a Dutch page. So the plan's date is a text field,
# written the Dutch way (in English too) and read that way or as ISO (what such an input
# would send).
DUE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]


class AgreementForm(forms.ModelForm):
    """What a supporter takes on in a client's plan: what, and by when."""

    class Meta:
        model = PlanItem
        fields = ["text", "due"]
        widgets = {
            "due": forms.DateInput(
                format=DUE_FORMATS[0],
                # No inputmode="numeric": an iPhone's number pad has no "-".
                attrs={"autocomplete": "off"},
            ),
        }
        labels = {
            "text": _("Wat ga je doen?"),
            "due": _("Wanneer klaar (mag leeg blijven)"),
        }
        help_texts = {"due": _("Schrijf het zo: dd-mm-jjjj, bijvoorbeeld 31-12-2026.")}
        error_messages = {
            "text": {"required": _("Schrijf op wat er gedaan wordt.")},
            "due": {
                "invalid": _(
                    "Schrijf de datum als dd-mm-jjjj (dag-maand-jaar), bijvoorbeeld 31-12-2026."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due"].input_formats = DUE_FORMATS

    def clean_due(self):
        due = self.cleaned_data.get("due")
        if due is not None and due < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum vandaag of later."))
        return due


class PlanItemForm(AgreementForm):
    """A new agreement. On the client's page ``workers`` are the workers who share the
    plan, one of whom commits when "who" is the worker, and ``people`` the client's
    network, one of whom commits when "who" is someone from it; on a worker's page it is
    them, ``client_name`` names the client among the choices of who does it, and
    ``topic_ids`` (None: all) are the topics their link covers."""

    worker = IdModelChoiceField(
        label=_("Welke hulpverlener?"), queryset=None, required=False, empty_label=None
    )
    person = IdModelChoiceField(
        label=_("Wie uit je netwerk?"),
        queryset=None,
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("Kies iemand uit de lijst.")},
    )

    class Meta(AgreementForm.Meta):
        fields = ["text", "who", "due", "module"]
        widgets = {**AgreementForm.Meta.widgets, "who": forms.RadioSelect}
        labels = {
            **AgreementForm.Meta.labels,
            "text": _("Wat gaan we doen?"),
            "who": _("Wie doet het?"),
        }
        field_classes = {"module": IdModelChoiceField}

    def __init__(self, *args, workers=None, people=None, client_name="", topic_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        # No empty "---------" radio; on a worker's page the choices speak to the worker.
        self.fields["who"].choices = (
            PlanItem.Who.choices
            if workers is not None
            else [
                (PlanItem.Who.CLIENT, client_name),
                (PlanItem.Who.WORKER, _("ik (hulpverlener)")),
            ]
        )
        # Whoever writes it most likely does it.
        self.fields["who"].initial = PlanItem.Who.WORKER if workers is None else PlanItem.Who.CLIENT
        modules = ModulePage.objects.live().order_by("path")
        # A worker may only tie an agreement to the topics the client shares with them.
        if topic_ids is not None:
            modules = modules.filter(topic__in=topic_ids)
        self.fields["module"].queryset = modules
        self.fields["module"].required = False
        self.fields["module"].empty_label = _("(geen module)")
        if workers is None:
            del self.fields["worker"]
            del self.fields["person"]
        else:
            self.fields["worker"].queryset = workers
            self.fields["person"].queryset = people

    def clean(self):
        data = super().clean()
        who = data.get("who")
        if "worker" in self.fields and who == PlanItem.Who.WORKER and data.get("worker") is None:
            self.add_error("worker", _("Kies welke hulpverlener dit doet."))
        if "person" in self.fields and who == PlanItem.Who.PERSON and data.get("person") is None:
            self.add_error("person", _("Kies wie uit je netwerk dit doet."))
        return data


class StepHelpForm(AgreementForm):
    """ "Wie kan je hierbij helpen?" on a step: someone from the client's network (``people``)
    and what they help with, by when."""

    person = IdModelChoiceField(
        label=_("Wie vraag je?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies wie je om hulp vraagt."),
            "invalid_choice": _("Kies iemand uit de lijst."),
        },
    )

    class Meta(AgreementForm.Meta):
        labels = {**AgreementForm.Meta.labels, "text": _("Waarmee?")}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.order_fields(["person", "text", "due"])


class SupportInvitationForm(forms.Form):
    """What a supporter may see besides the plan: nothing, or the progress of chosen topics."""

    topics = IdModelMultipleChoiceField(
        label=_("Mag deze persoon ook zien hoe het gaat met deze onderwerpen? (mag leeg blijven)"),
        queryset=Topic.objects.order_by("sort_order", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class EncouragementForm(forms.ModelForm):
    # On the same page as a supporter's agreement form, whose text field has the same name.
    prefix = "bericht"

    class Meta:
        model = Encouragement
        fields = ["text"]
        labels = {"text": _("Een paar woorden om aan te moedigen")}
        error_messages = {"text": {"required": _("Schrijf eerst een paar woorden.")}}

    def __init__(self, *args, client_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _("Alleen %(name)s en jij zien dit bericht.") % {
            "name": client_name
        }


class GapFilterForm(forms.Form):
    """The gap view's topic and order, showing what the view understood: an unknown
    value there means all topics or by name, never an error (so this form is not bound)."""

    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"),
        required=False,
        choices=[("naam", _("naam")), ("voortgang", _("meeste modules klaar"))],
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


class ClientSearchForm(forms.Form):
    """A worker's search over their own clients (``search.selectors.client_matches``).
    Only topics (and their statements) some client shares are offered; each link's own
    scope is applied by the search itself."""

    niet_begonnen = forms.ChoiceField(label=_("Nog niet begonnen met"), required=False)
    bezig = forms.ChoiceField(label=_("Bezig met onderwerp"), required=False)
    kan = forms.TypedChoiceField(label=_("Kan al"), required=False, coerce=int, empty_value=None)
    inactief = forms.BooleanField(label=_("30 dagen of langer niet actief"), required=False)

    def __init__(self, *args, catalog, topic_ids, **kwargs):
        super().__init__(*args, **kwargs)
        topics = [topic for topic in catalog.topics if topic.id in topic_ids]
        self.topics = {topic.slug: topic for topic in topics}
        topic_choices = [("", _("Maakt niet uit"))] + [(topic.slug, topic.name) for topic in topics]
        self.fields["niet_begonnen"].choices = topic_choices
        self.fields["bezig"].choices = topic_choices
        self.fields["kan"].choices = [("", _("Maakt niet uit"))] + [
            (
                catalog.modules[module_id].title,
                [
                    (statement.id, statement.text)
                    for statement in catalog.modules[module_id].statements
                ],
            )
            for topic in topics
            for module_id in topic.module_ids
            if catalog.modules[module_id].statements
        ]
        for name in ("niet_begonnen", "bezig", "kan"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Deze keuze kennen we niet. Kies uit de lijst."
            )

    def topic_id(self, name: str) -> int | None:
        topic = self.topics.get(self.cleaned_data.get(name) or "")
        return topic.id if topic else None

    @property
    def filtering(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)
