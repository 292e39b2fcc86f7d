"""What the forum adds to machina's models: the tie to the learning content, peer
signals (helpful, best answer), reports and moderation log, subscriptions and their
emails, and the editor-maintained crisis help lines.

Machina's own tables are not changed; everything here points at them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from machina.core.db.models import get_model
from wagtail import blocks
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from .safety import DEFAULT_CRISIS_PHRASES

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


class TopicCategory(models.Model):
    """The machina category that holds the forums of one learning Topic."""

    topic = models.OneToOneField(
        "learning.Topic", on_delete=models.SET_NULL, null=True, related_name="forum_category"
    )
    forum = models.OneToOneField(Forum, on_delete=models.CASCADE, related_name="topic_category")

    class Meta:
        verbose_name = _("forumcategorie")
        verbose_name_plural = _("forumcategorieën")

    def __str__(self):
        return str(self.forum)


class ModuleForum(models.Model):
    """The forum of one learning module. Archived (read-only, off the index) when the
    module is unpublished or deleted: posts are never deleted with it."""

    module = models.OneToOneField(
        "learning.ModulePage", on_delete=models.SET_NULL, null=True, related_name="module_forum"
    )
    forum = models.OneToOneField(Forum, on_delete=models.CASCADE, related_name="module_forum")
    archived_at = models.DateTimeField(_("gearchiveerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("moduleforum")
        verbose_name_plural = _("moduleforums")

    def __str__(self):
        return str(self.forum)


class TopicMeta(models.Model):
    """Per forum topic: the step it was started from, the answer its starter marked as
    most helpful, and the sum of "Dit hielp mij" on its posts (for "most helpful")."""

    topic = models.OneToOneField(
        Topic, on_delete=models.CASCADE, primary_key=True, related_name="meta"
    )
    step = models.ForeignKey(
        "learning.StepPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answer = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    helpful_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("onderwerpgegevens")
        verbose_name_plural = _("onderwerpgegevens")

    def __str__(self):
        return str(self.topic)


class PostMeta(models.Model):
    """Per post: how many people said "Dit hielp mij"."""

    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, primary_key=True, related_name="meta"
    )
    helpful_count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.post)


class HelpfulVote(models.Model):
    """One "Dit hielp mij" by one person on one post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="helpful_once_per_user"),
        ]

    def __str__(self):
        return f"{self.user} → {self.post}"


class Report(models.Model):
    """Someone flagged a post for the moderators."""

    class Reason(models.TextChoices):
        UNKIND = "unkind", _("Onvriendelijk of kwetsend")
        PRIVATE = "private", _("Er staan persoonlijke gegevens in")
        SPAM = "spam", _("Reclame of spam")
        WRONG = "wrong", _("Klopt niet of is gevaarlijk advies")
        WORRIED = "worried", _("Ik maak me zorgen om iemand")
        OTHER = "other", _("Iets anders")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("wat is er aan de hand?"), max_length=12, choices=Reason.choices)
    text = models.TextField(
        _("wil je er iets over vertellen? (mag leeg)"), max_length=1000, blank=True
    )
    created = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_report_per_reporter",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class ModerationAction(models.Model):
    """The log of every moderation step on a post: hide, restore or warn."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("verborgen")
        RESTORE = "restore", _("teruggezet")
        WARN = "warn", _("gewaarschuwd")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="moderation_actions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    note = models.TextField(_("toelichting"), max_length=1000, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)  # warnings only

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.post}"


class CrisisSignal(models.Model):
    """A post that contained crisis phrases; moderators are alerted once per post."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="crisis_signal")
    phrases = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    alerted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return str(self.post)


class Subscription(models.Model):
    """Someone follows a topic or a whole forum (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=True) ^ Q(forum__isnull=True),
                name="subscription_topic_xor_forum",
            ),
            models.UniqueConstraint(fields=["user", "topic"], name="follow_topic_once"),
            models.UniqueConstraint(fields=["user", "forum"], name="follow_forum_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.topic or self.forum}"


class PostNotification(models.Model):
    """One email-worthy new post for one follower. The unique pair and ``sent_at`` make
    sending idempotent: a task that runs twice finds the row already sent. A row that
    fails to send on its own (not because the mail server is down) counts ``attempts``
    and is given up after ``FORUM_NOTIFICATION_ATTEMPTS``, so it holds up no one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Tries that failed because of this email itself, the last one's error, and when
    # the tries were given up (the row is then never sent).
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    given_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="notify_once_per_post"),
        ]
        indexes = [models.Index(fields=["sent_at", "user"], name="notification_pending")]

    def __str__(self):
        return f"{self.user} → {self.post}"


class HelpLineBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("naam"), max_length=80)
    phone = blocks.CharBlock(label=_("telefoonnummer"), max_length=30, required=False)
    url = blocks.URLBlock(label=_("website of chat"), required=False)
    text = blocks.CharBlock(label=_("waarvoor"), max_length=200, required=False)
    region = blocks.ChoiceBlock(
        label=_("waar"),
        choices=[("nl", _("Nederland")), ("be", _("Vlaanderen")), ("all", _("overal"))],
        default="nl",
    )

    class Meta:
        icon = "help"
        label = _("hulplijn")


def default_help_lines():
    return [
        (
            "help_line",
            {
                "name": "113 Zelfmoordpreventie",
                "phone": "113 of 0800-0113",
                "url": "https://www.113.nl",
                "text": "Praten over zelfmoordgedachten, dag en nacht, gratis. "
                "Chatten kan op 113.nl.",
                "region": "nl",
            },
        ),
        (
            "help_line",
            {
                "name": "Veilig Thuis",
                "phone": "0800-2000",
                "url": "https://www.veiligthuis.nl",
                "text": "Bij huiselijk geweld of kindermishandeling, dag en nacht, gratis.",
                "region": "nl",
            },
        ),
        (
            "help_line",
            {
                "name": "Zelfmoordlijn",
                "phone": "1813",
                "url": "https://www.zelfmoord1813.be",
                "text": "Praten over zelfmoordgedachten in Vlaanderen, dag en nacht, gratis.",
                "region": "be",
            },
        ),
        (
            "help_line",
            {
                "name": "Noodnummer",
                "phone": "112",
                "url": "",
                "text": "Bij direct gevaar: bel 112.",
                "region": "all",
            },
        ),
    ]


@register_setting(icon="help")
class CrisisSupport(BaseGenericSetting):
    """Crisis signposting, kept by editors: the phrases that show the help box under a
    post (and alert the moderators) and the help lines in that box."""

    title = models.CharField(_("kop"), max_length=120, default="Gaat het niet goed met je?")
    intro = models.TextField(
        _("tekst"),
        max_length=600,
        default=(
            "Je staat er niet alleen voor. Praten helpt. Deze hulplijnen zijn er voor je, "
            "gratis en anoniem. Een moderator van het forum leest ook met."
        ),
    )
    help_lines = StreamField(
        [("help_line", HelpLineBlock())], default=default_help_lines, verbose_name=_("hulplijnen")
    )
    phrases = models.TextField(
        _("signaalwoorden"),
        default=DEFAULT_CRISIS_PHRASES,
        help_text=_(
            "Eén woord of zin per regel, Nederlands en Engels. Hoofdletters en accenten maken "
            "niet uit. Regels die met # beginnen tellen niet mee."
        ),
    )

    @property
    def first_line_to_call(self):
        """The first help line with a phone number (None without one): the help page offers
        it at its top, so it can be called without scrolling to the full list."""
        return next((line.value for line in self.help_lines if line.value.get("phone")), None)

    class Meta:
        verbose_name = _("hulp bij crisis")


class PeerOffer(models.Model):
    """A member who finished a module and said others busy with it may ask them to think
    along ("meedenken"). Their name is never shown for it: a question from one of the
    module's steps asks a few of them (``PeerAsk``), and they answer in the topic if
    they want to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_offers"
    )
    module = models.ForeignKey("learning.ModulePage", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="peer_offer_once"),
        ]
        indexes = [models.Index(fields=["module", "created"], name="peer_offer_module")]
        verbose_name = _("aanbod om mee te denken")
        verbose_name_plural = _("aanbiedingen om mee te denken")

    def __str__(self):
        return f"{self.user} → {self.module_id}"


class PeerAsk(models.Model):
    """One peer asked to think along with one topic: what the per-peer weekly limit and
    the fair spread (least recently asked first) count with, what the peer sees under
    "Mijn forum", and the email's idempotence (``sent_at``, as ``PostNotification``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="peer_ask_once_per_topic"),
        ]
        indexes = [models.Index(fields=["user", "-created"], name="peer_ask_recent")]

    def __str__(self):
        return f"{self.user} → {self.topic_id}"
