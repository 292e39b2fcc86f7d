"""StreamField blocks for a step. Each has an icon, a template and a preview for editors.

Checklist items and question options are ListBlock children: their stable
``id`` is what a learner's ticks and answers refer to, so editing the text of
an item never loses a tick, and removing an item simply drops it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link"]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "learning/blocks/text.html"
        preview_value = "<p>Een toeslag is geld van de overheid als je weinig verdient.</p>"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=80, label=_("Kop (mag leeg)"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Tekst"))


class TipBlock(CalloutBlock):
    class Meta:
        icon = "help"
        label = _("Tip")
        template = "learning/blocks/tip.html"
        preview_value = {"title": "", "text": "<p>Zet de datum in je agenda.</p>"}


class WarningBlock(CalloutBlock):
    class Meta:
        icon = "warning"
        label = _("Let op")
        template = "learning/blocks/warning.html"
        preview_value = {"title": "", "text": "<p>Geef wijzigingen binnen 4 weken door.</p>"}


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Kop"))
    items = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Punten om af te vinken"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "learning/blocks/checklist.html"
        preview_value = {"title": "Dit heb ik klaar", "items": ["Mijn DigiD", "Mijn loonstrook"]}


class VideoBlock(blocks.StructBlock):
    """A link to a video plus its full transcript.

    A link, not an embedded player: an embed loads the platform's trackers for
    every visitor before they chose to watch, and the transcript serves people
    who cannot or would rather not play sound.
    """

    title = blocks.CharBlock(max_length=120, label=_("Titel"))
    url = blocks.URLBlock(label=_("Adres van de video"))
    duration_minutes = blocks.IntegerBlock(required=False, min_value=1, label=_("Minuten"))
    transcript = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Uitgeschreven tekst"))

    class Meta:
        icon = "media"
        label = _("Video met uitgeschreven tekst")
        template = "learning/blocks/video.html"
        preview_value = {
            "title": "Zo vraag je zorgtoeslag aan",
            "url": "https://www.toeslagen.nl",
            "duration_minutes": 3,
            "transcript": "<p>In deze video zie je hoe je inlogt met DigiD.</p>",
        }


class AnswerOptionBlock(blocks.StructBlock):
    answer = blocks.CharBlock(max_length=200, label=_("Antwoord"))
    correct = blocks.BooleanBlock(required=False, label=_("Dit antwoord klopt"))
    feedback = blocks.TextBlock(label=_("Reactie als iemand dit kiest (vriendelijk)"))


class QuestionBlock(blocks.StructBlock):
    """A "check yourself" question: feedback for every choice, never a grade."""

    question = blocks.CharBlock(max_length=300, label=_("Vraag"))
    options = blocks.ListBlock(AnswerOptionBlock(), min_num=2, label=_("Antwoorden"))

    class Meta:
        icon = "doc-full"
        label = _("Test jezelf")
        template = "learning/blocks/question.html"
        preview_value = {
            "question": "Waar vraag je zorgtoeslag aan?",
            "options": [
                {"answer": "Bij Dienst Toeslagen", "correct": True, "feedback": "Ja, dat klopt."},
                {
                    "answer": "Bij de gemeente",
                    "correct": False,
                    "feedback": "Bijna: het is Dienst Toeslagen.",
                },
            ],
        }


class ActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Wat ga je doen?"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Uitleg"))

    class Meta:
        icon = "pick"
        label = _("Doe het nu")
        template = "learning/blocks/action.html"
        preview_value = {"title": "Log in op Mijn toeslagen", "text": "<p>Pak je DigiD erbij.</p>"}


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Titel van de pagina"))
    organisation = blocks.CharBlock(max_length=80, label=_("Organisatie"))
    url = blocks.URLBlock(label=_("Adres"))
    description = blocks.CharBlock(required=False, max_length=200, label=_("Wat vind je daar?"))

    class Meta:
        icon = "link-external"
        label = _("Officiële bron")
        template = "learning/blocks/source.html"
        preview_value = {
            "title": "Zorgtoeslag",
            "organisation": "Dienst Toeslagen",
            "url": "https://www.belastingdienst.nl/toeslagen",
            "description": "Kijk of je recht hebt op zorgtoeslag.",
        }


class StepBodyBlock(blocks.StreamBlock):
    text = TextBlock()
    tip = TipBlock()
    warning = WarningBlock()
    checklist = ChecklistBlock()
    video = VideoBlock()
    question = QuestionBlock()
    action = ActionBlock()
    source = SourceBlock()
