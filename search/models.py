"""The indexing outbox and the database backend's own index.

PostgreSQL is the truth; a search index is derived from it. Every change that affects
a search document writes an ``OutboxEntry`` in the same transaction, and a task drains
the entries into each backend, so a down Elasticsearch or Redis loses nothing.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Kind(models.TextChoices):
    """The kinds of search documents (one Elasticsearch index each)."""

    PAGE = "page", "page"  # a live module or step
    POST = "post", "post"  # a readable, approved forum post
    PROGRESS = "progress", "progress"  # a linked client's progress, one document per topic
    INITIATIVE = "initiative", "initiative"  # a published local initiative ("In de buurt")


class OutboxEntry(models.Model):
    """ "Document ``kind``/``object_id`` may have changed: index it again (or delete it)."

    Entries are not deleted when drained but marked per backend, and swept after a day,
    so a rebuild can replay what changed while it ran (``services.search_rebuild``).
    An entry that keeps failing by itself is parked, so the entries after it drain.
    """

    kind = models.CharField(max_length=10, choices=Kind.choices)
    # A page id, post id, client (user) id or initiative id, by kind; for kind "post" with
    # ``scope`` set, the id of a forum topic or of a writer whose posts all changed.
    object_id = models.BigIntegerField()
    scope = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When the database backend's index / Elasticsearch took it in.
    database_done_at = models.DateTimeField(null=True, blank=True)
    elasticsearch_done_at = models.DateTimeField(null=True, blank=True)
    # Tries that failed, for any reason (a backend that is down included).
    attempts = models.PositiveSmallIntegerField(default=0)
    # Tries that failed because of this entry itself, the last one's error, and when it
    # was parked after ``SEARCH_OUTBOX_ATTEMPTS`` of them (no backend takes it then).
    failures = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    parked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["id"], condition=Q(database_done_at__isnull=True), name="outbox_db_pending"
            ),
            models.Index(
                fields=["id"],
                condition=Q(elasticsearch_done_at__isnull=True),
                name="outbox_es_pending",
            ),
            models.Index(fields=["created_at"], name="outbox_created"),
        ]

    def __str__(self):
        return f"{self.kind}:{self.scope or ''}{self.object_id}"


class IndexEntry(models.Model):
    """One document in the database backend's index (pages, posts and initiatives).

    ``search_vector`` is filled on PostgreSQL (Dutch text search configuration, title
    weighted above text) and stays empty on SQLite, where the backend matches words.
    """

    kind = models.CharField(max_length=10, choices=Kind.choices)
    doc_id = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    # Filters: the learning topic, the module, the machina forum.
    topic_id = models.BigIntegerField(null=True, blank=True)
    module_id = models.BigIntegerField(null=True, blank=True)
    forum_id = models.BigIntegerField(null=True, blank=True)
    # Everything else a result shows (url, author, dates), as prepared.
    data = models.JSONField(default=dict)
    search_vector = SearchVectorField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "doc_id"], name="index_entry_once"),
        ]
        indexes = [models.Index(fields=["kind", "topic_id"], name="index_entry_topic")]

    def __str__(self):
        return f"{self.kind}:{self.doc_id}"


class IndexWord(models.Model):
    """A word that occurs in the database backend's index of ``kind`` (lower case,
    letters only): the vocabulary that typos are corrected to and that compounds are
    split into. Added as documents are indexed, made anew by a rebuild (a word whose
    documents were all deleted stays until then: a correction to it finds nothing and
    is not used). On PostgreSQL a trigram index (``pg_trgm``) serves the similarity
    and the ``LIKE`` lookups. ``stem``: the word's Dutch stem (``backends.words.stem``),
    so a query word finds the indexed words that are forms of it ("brief": "brieven")."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    word = models.CharField(max_length=40)
    stem = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "word"], name="index_word_once")]
        indexes = [models.Index(fields=["kind", "stem"], name="index_word_stem")]

    def __str__(self):
        return f"{self.kind}:{self.word}"


# What the setting holds until an editor changes it (``parse_groups`` reads it).
DEFAULT_SYNONYMS = """\
baan, werk, job
rondkomen, rond komen, de eindjes aan elkaar knopen, geld tekort
cv, curriculum vitae
kinderopvang, opvang
sterke kanten, sterke punten
"""


@register_setting(icon="search")
class SearchSynonyms(BaseGenericSetting):
    """Words and phrases that mean the same to the people who search, kept by editors:
    a document that has any phrase of a group matches that part of a query
    (``search.synonyms``)."""

    groups = models.TextField(
        _("woordgroepen"),
        default=DEFAULT_SYNONYMS,
        help_text=_(
            "Eén groep per regel: woorden of zinnen die hetzelfde betekenen, gescheiden door "
            "komma's. Bijvoorbeeld: baan, werk, job. Hoofdletters maken niet uit. Regels die "
            "met # beginnen tellen niet mee."
        ),
    )

    class Meta:
        verbose_name = _("zoeken: woorden die hetzelfde betekenen")
