"""Words and phrases that mean the same, as editors keep them in the "Zoeken: woorden die
hetzelfde betekenen" setting (``search.models.SearchSynonyms``): one group per line,
comma-separated. Pure functions: parsing the setting and finding the groups a query
uses; ``search.selectors.query_synonyms`` reads the setting."""

from __future__ import annotations

import re

Groups = tuple[tuple[str, ...], ...]


def _normal(phrase: str) -> str:
    return " ".join(re.findall(r"\w+", phrase.casefold()))


def parse_groups(raw: str) -> Groups:
    """The groups in the editors' text: one per line, phrases separated by commas,
    lower case; blank lines, lines starting with ``#`` and groups of one are skipped."""
    groups = []
    for line in raw.splitlines():
        if line.strip().startswith("#"):
            continue
        phrases = tuple(dict.fromkeys(p for p in (_normal(part) for part in line.split(",")) if p))
        if len(phrases) > 1:
            groups.append(phrases)
    return tuple(groups)


def groups_in(text: str, groups: Groups) -> Groups:
    """Per phrase of ``text`` that is in a group (as whole words, case and punctuation
    ignored): the phrase as found in the text, then the group's other phrases. Longer
    phrases win over the shorter ones inside them ("rond komen" before "komen")."""
    words = re.findall(r"\w+", text)
    lowered = [word.casefold() for word in words]
    candidates = sorted(
        ((phrase.split(), group) for group in groups for phrase in group),
        key=lambda item: -len(item[0]),
    )
    taken = [False] * len(words)
    found: list[tuple[int, tuple[str, ...]]] = []
    for phrase, group in candidates:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if lowered[start : start + size] == phrase and not any(taken[i] for i in span):
                for i in span:
                    taken[i] = True
                as_typed = " ".join(words[start : start + size])
                others = tuple(p for p in group if p != " ".join(phrase))
                found.append((start, (as_typed, *others)))
    return tuple(synonyms for _start, synonyms in sorted(found))
