"""Learning content (Wagtail pages and the Topic snippet) and learner progress.

Tree shape: HomePage → LearningIndexPage (/leren/) → ModulePage → StepPage.
Progress is one row per (learner, step); what a learner sees as module progress
is always derived from the module's *live* steps (see ``selectors``), so editing
content can't corrupt it. ``ModuleSummary`` and ``StatementAchieved`` are a derived
copy for reports over many learners, rebuilt from those rows whenever they change.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import StepBodyBlock
from .panels import ReadabilityPanel


class LifeDomain(models.TextChoices):
    """Domains of the Zelfredzaamheid-Matrix, so workers can relate topics to it."""

    FINANCES = "financien", _("Financiën")
    DAYTIME = "dagbesteding", _("Dagbesteding en werk")
    HOUSING = "huisvesting", _("Huisvesting")
    HOUSEHOLD = "huiselijke_relaties", _("Huiselijke relaties")
    MENTAL_HEALTH = "geestelijke_gezondheid", _("Geestelijke gezondheid")
    PHYSICAL_HEALTH = "lichamelijke_gezondheid", _("Lichamelijke gezondheid")
    PARENTING = "opvoeding", _("Opvoeding")
    SOCIAL_NETWORK = "sociaal_netwerk", _("Sociaal netwerk")


class TopicIcon(models.TextChoices):
    """The small pictures a topic can have (drawn in ``learning/icons.py``)."""

    HAND_COIN = "hand-coin", _("Hand met munt (uitkeringen, toeslagen)")
    WALLET = "wallet", _("Portemonnee (geld, budget)")
    FAMILY = "family", _("Ouder en kind (opvoeden)")
    APPLE = "apple", _("Appel (gezond eten)")
    BRIEFCASE = "briefcase", _("Koffer (werk)")
    HOUSE = "house", _("Huis (wonen)")


class TopicColour(models.TextChoices):
    """Calm, warm colours, each with AA contrast on white and on its own tint (the
    tokens and their contrast figures are in ``website/static/css/theme.css``)."""

    TEAL = "teal", _("Groenblauw")
    TERRACOTTA = "terracotta", _("Terracotta")
    PLUM = "plum", _("Pruim")
    OCHRE = "ochre", _("Oker")
    MOSS = "moss", _("Mosgroen")
    BLUE = "blue", _("Blauw")


@register_snippet
class Topic(models.Model):
    """A theme of modules, such as "Geld & budget"."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("korte uitleg"), max_length=200, blank=True)
    life_domain = models.CharField(
        _("leefgebied (ZRM)"), max_length=40, choices=LifeDomain.choices, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # Shown beside the topic and its modules; empty: no picture.
    icon = models.CharField(_("plaatje"), max_length=20, choices=TopicIcon.choices, blank=True)
    colour = models.CharField(
        _("kleur"), max_length=20, choices=TopicColour.choices, default=TopicColour.TEAL
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("life_domain"),
        FieldPanel("icon"),
        FieldPanel("colour"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self):
        return self.name


class Level(models.TextChoices):
    START = "start", _("Om te beginnen")
    NEXT = "verder", _("Een stap verder")


class LearningIndexPage(Page):
    """/leren/: all topics with their modules."""

    intro = RichTextField(_("inleiding"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["learning.ModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht van modules")

    def serve(self, request, *args, **kwargs):
        from . import views

        return views.learning_index(request, page=self)


class CatalogRestrictionsMixin:
    """Wagtail asks a page for its view restrictions on every view: two queries (its
    ancestors, then their restrictions). The catalog knows every restricted page and
    every alias (restrictions bump the content version), so a page with neither above it
    answers "none" without a query; the others ask Wagtail."""

    def get_view_restrictions(self):
        from .selectors import catalog  # the catalog is built from these models

        if self.alias_of_id is None and not catalog().may_be_private(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class ModulePage(CatalogRestrictionsMixin, Page):
    """A module: a short course of steps on one topic."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("onderwerp"), on_delete=models.PROTECT, related_name="modules"
    )
    intro = RichTextField(_("inleiding"), features=["bold", "italic", "link"])
    estimated_minutes = models.PositiveSmallIntegerField(_("tijd in minuten"), default=15)
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices, default=Level.START)

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("level"),
        InlinePanel(
            "can_do_statements",
            label=_("Wat kun je hierna? (begin met 'Ik kan …')"),
            min_num=1,
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("topic", [index.SearchField("name")]),
        index.RelatedFields("can_do_statements", [index.SearchField("text")]),
        index.FilterField("topic"),
    ]
    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = ["learning.StepPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        from . import views

        return views.module_detail(request, page=self)

    def serve_preview(self, request, mode_name):
        from . import views

        return views.module_preview(request, page=self)


class CanDoStatement(Orderable):
    """Something a learner can do after the module: "Ik kan mijn vaste lasten op een rij zetten"."""

    module = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="can_do_statements")
    text = models.CharField(_("ik kan …"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("wat je kunt")
        verbose_name_plural = _("wat je kunt")

    def __str__(self):
        return self.text


class StepPageForm(WagtailAdminPageForm):
    """Offers only the can-do statements of the step's own module."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        module = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        self.fields["teaches"].queryset = CanDoStatement.objects.filter(module_id=module.pk)


class StepPage(CatalogRestrictionsMixin, RoutablePageMixin, Page):
    """One step of a module: a short read with things to do, ending with "Klaar"."""

    body = StreamField(StepBodyBlock(), verbose_name=_("inhoud"))
    teaches = ParentalManyToManyField(
        CanDoStatement,
        blank=True,
        related_name="taught_by",
        verbose_name=_("in deze stap leer je"),
    )

    base_form_class = StepPageForm
    content_panels = Page.content_panels + [
        FieldPanel("body"),
        FieldPanel("teaches", widget=forms.CheckboxSelectMultiple),
        ReadabilityPanel(heading=_("Leesbaarheid (B1)")),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["learning.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    # --- lookups into the body, used to validate what a learner submits ---

    def checklist_item_ids(self, block_id: str) -> set[str] | None:
        """The item ids of checklist ``block_id``, or None if there is no such checklist."""
        for child in self.body:
            if child.block_type == "checklist" and child.id == block_id:
                return {item.id for item in child.value["items"].bound_blocks}
        return None

    def question_option_ids(self, block_id: str) -> set[str] | None:
        """The option ids of question ``block_id``, or None if there is no such question."""
        for child in self.body:
            if child.block_type == "question" and child.id == block_id:
                return {option.id for option in child.value["options"].bound_blocks}
        return None

    # --- views: the page itself and its POST-only actions ---

    def serve_preview(self, request, mode_name):
        from . import views

        return views.step_preview(request, page=self)

    @path("")
    def step(self, request):
        from . import views

        return views.step_detail(request, page=self)

    @path("klaar/")
    def complete(self, request):
        from . import views

        return views.step_complete(request, page=self)

    @path("afvinken/")
    def tick(self, request):
        from . import views

        return views.step_tick(request, page=self)

    @path("antwoord/")
    def answer(self, request):
        from . import views

        return views.step_answer(request, page=self)


class StepProgress(models.Model):
    """What one signed-in learner did on one step.

    Anonymous learners keep the same data in their session until they sign up
    or log in (``services.session_progress_merge``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="step_progress"
    )
    step = models.ForeignKey(StepPage, on_delete=models.CASCADE, related_name="progress")
    # When the learner first and most recently opened the step.
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    # When the learner first said "Klaar met deze stap"; stamped once, never moved.
    completed_at = models.DateTimeField(null=True, blank=True)
    # Ticked checklist items, as "<checklist block id>:<item id>".
    checklist = models.JSONField(default=list, blank=True)
    # Chosen answer per question: {"<question block id>": "<option id>"}.
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "step"], name="step_progress_one_per_step"),
            models.CheckConstraint(
                condition=Q(last_seen_at__gte=models.F("first_seen_at")),
                name="step_progress_seen_in_order",
            ),
        ]
        indexes = [models.Index(fields=["user", "-last_seen_at"], name="step_progress_recent")]
        verbose_name = _("voortgang in een stap")
        verbose_name_plural = _("voortgang in stappen")

    def __str__(self):
        return f"{self.user_id} · {self.step_id}"


class ModuleCompletion(models.Model):
    """The moment a learner had done every live step of a module.

    Kept because it is a fact worth a congratulation (``tasks``); what the
    learner sees as progress is still derived from live steps.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(default=timezone.now)
    # When the congratulation email went out; null while pending or when not sent
    # because the learner has no email address (then ``notified_at`` stays null
    # and ``notification_skipped`` says why the sweep can leave it alone).
    notified_at = models.DateTimeField(null=True, blank=True)
    notification_skipped = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="module_completion_once"),
        ]
        indexes = [
            models.Index(
                fields=["completed_at"],
                condition=Q(notified_at__isnull=True, notification_skipped=False),
                name="module_completion_pending",
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.module_id}"


class ModuleSummary(models.Model):
    """One learner's standing in one module, kept up to date on every completion (and
    rebuilt when the module's live steps change), so reports over thousands of learners
    read one row per learner and module instead of every step they did.

    The learner's own pages still derive progress from ``StepProgress``; this is a
    derived copy for workers' and team leads' overviews (``team``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_summaries"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="summaries")
    # The module's topic, copied so reports filter and scope by topic without the page table.
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    steps_done = models.PositiveSmallIntegerField(default=0)
    steps_total = models.PositiveSmallIntegerField(default=0)
    completed = models.BooleanField(default=False)
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="module_summary_once"),
            models.CheckConstraint(
                condition=Q(steps_done__lte=models.F("steps_total")),
                name="module_summary_done_within_total",
            ),
        ]
        indexes = [models.Index(fields=["module", "completed"], name="module_summary_module")]

    def __str__(self):
        return f"{self.user_id} · {self.module_id}: {self.steps_done}/{self.steps_total}"


class StatementAchieved(models.Model):
    """A can-do statement a learner has achieved (every live step teaching it done; see
    ``selectors.module_progress``); kept with ``ModuleSummary``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statements_achieved"
    )
    statement = models.ForeignKey(CanDoStatement, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "statement"], name="statement_achieved_once")
        ]

    def __str__(self):
        return f"{self.user_id} · {self.statement_id}"
