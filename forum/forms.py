"""Forum forms: a new topic, a reply, a report, the topic filter of "Help iemand vandaag".
Plain words, limits from settings."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.text import one_line

from .models import Report


class ReplyForm(forms.Form):
    content = forms.CharField(
        label=_("Je bericht"),
        max_length=settings.FORUM_POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Je bericht is nog leeg. Schrijf eerst iets."),
            "max_length": _(
                "Je bericht is te lang: maximaal %(limit_value)d tekens, nu %(show_value)d."
            ),
        },
        help_text=_("Schrijf geen naam, adres, telefoonnummer of BSN. Dit kan iedereen lezen."),
    )
    # Set after the privacy check warned, when the writer chose to publish as it is.
    publish_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_content(self):
        content = self.cleaned_data["content"].strip()
        if not content:
            raise forms.ValidationError(self.fields["content"].error_messages["required"])
        return content


class TopicForm(ReplyForm):
    subject = forms.CharField(
        label=_("Je vraag in één zin"),
        max_length=120,
        error_messages={
            "required": _("Schrijf je vraag in één zin."),
            "max_length": _("Maak je vraag korter: maximaal %(limit_value)d tekens."),
        },
    )
    step = forms.IntegerField(required=False, widget=forms.HiddenInput)

    field_order = ["subject", "content", "step", "publish_anyway"]

    def clean_subject(self):
        subject = one_line(self.cleaned_data["subject"])
        if not subject:
            raise forms.ValidationError(self.fields["subject"].error_messages["required"])
        return subject


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "text"]
        widgets = {"reason": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"reason": {"required": _("Kies wat er aan de hand is.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The reasons only: no empty "---------" radio, which was chosen beforehand.
        self.fields["reason"].choices = Report.Reason.choices


class HelpTodayFilterForm(forms.Form):
    """The topic (forum category) of "Help iemand vandaag", showing the one chosen; the
    view reads the choice itself (an id, 404 when it is not one), so this form is not
    bound."""

    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + [
            (entry.category.pk, entry.category.name) for entry in categories
        ]
