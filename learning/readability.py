"""The plain-language check editors see on every step: how easy its Dutch is to read,
which sentences are longest and which words are long.

Reading ease is Flesch-Douma, Flesch's formula fitted to Dutch (textstat with its Dutch
setting: 206.835 - 0.93 x words per sentence - 77 x syllables per word, syllables from
pyphen's Dutch hyphenation): about 60-70 is plain Dutch, higher is easier. The house
threshold is the setting ``LEARNING_READING_EASE_THRESHOLD`` (B1, the level our clients
read, is 65). The check advises; it never stops a save or a publish.
"""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue

if TYPE_CHECKING:
    from .models import StepPage

# A word of five syllables or more is one to look at again: everyday Dutch compounds
# such as "kinderbijslag" have four.
LONG_WORD_SYLLABLES = 5


@cache
def _dutch() -> Any:
    """textstat, set to Dutch: an instance of our own (its module-level one is shared with
    whoever sets another language), imported on first use, since only editors' pages
    measure and textstat (with nltk) costs every process about 0.3 s to import."""
    from textstat.textstat import textstatistics

    measure = textstatistics()
    measure.set_lang("nl")
    return measure


# How textstat finds sentences (its sentence count), so the longest ones are its own.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
# Where one piece of rich text ends and the next begins.
_PIECE_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TERMINATED = re.compile(r"[.!?:;]$")


@dataclass(frozen=True)
class Readability:
    """What the check found in one text."""

    score: float | None  # Flesch-Douma reading ease; None when there are no words
    threshold: float  # the house threshold it was measured against
    longest_sentences: tuple[str, ...]  # longest first
    long_words: tuple[str, ...]  # most syllables first, each once (lower case)

    @property
    def too_hard(self) -> bool:
        """Harder to read than the house threshold allows."""
        return self.score is not None and self.score < self.threshold


def check_readability(text: str, *, threshold: float, sentences: int = 3) -> Readability:
    """The reading ease of ``text`` (plain text, sentences ending in ``.``, ``!`` or
    ``?``), its ``sentences`` longest sentences by words and its long words. Pure: the
    same text and threshold give the same answer."""
    dutch = _dutch()
    if not dutch.lexicon_count(text):
        return Readability(score=None, threshold=threshold, longest_sentences=(), long_words=())
    found = [sentence.strip() for sentence in _SENTENCE.findall(text)]
    longest = sorted(found, key=dutch.lexicon_count, reverse=True)[:sentences]
    words = dutch.remove_punctuation(text.lower()).split()
    syllables = {word: dutch.syllable_count(word) for word in words}
    long_words = sorted(
        (word for word, count in syllables.items() if count >= LONG_WORD_SYLLABLES),
        key=lambda word: -syllables[word],
    )
    return Readability(
        score=dutch.flesch_reading_ease(text),
        threshold=threshold,
        longest_sentences=tuple(longest),
        long_words=tuple(long_words),
    )


def step_plain_text(*, title: str, body: StreamValue) -> str:
    """A step's text as a reader reads it: the title, then every piece of text in the
    body (paragraphs, list items, headings, checklist items, questions, answers) as a
    sentence of its own; addresses and numbers left out."""
    pieces = [title, *_texts(body.stream_block, body)]
    return " ".join(
        piece if _TERMINATED.search(piece) else f"{piece}."
        for piece in (" ".join(piece.split()) for piece in pieces)
        if piece
    )


def _texts(block: blocks.Block, value: object) -> Iterator[str]:
    if isinstance(block, blocks.StreamBlock):
        for child in value:  # type: ignore[attr-defined]
            yield from _texts(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:  # type: ignore[attr-defined]
            yield from _texts(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _texts(child, value[name])  # type: ignore[index]
    elif isinstance(block, blocks.RichTextBlock):
        for piece in _PIECE_END.split(value.source):  # type: ignore[attr-defined]
            yield html.unescape(strip_tags(piece))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and value:
        yield str(value)


def step_readability(step: "StepPage") -> Readability:
    """The check of ``step`` as it is (saved, or as being edited) against the house
    threshold, the setting ``LEARNING_READING_EASE_THRESHOLD``."""
    return check_readability(
        step_plain_text(title=step.title, body=step.body),
        threshold=settings.LEARNING_READING_EASE_THRESHOLD,
    )
