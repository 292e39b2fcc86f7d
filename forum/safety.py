"""Safety checks for forum posts: crisis signposting and a privacy nudge.

Both are pure text functions (no models, no database) so views, forms and background jobs
can call them cheaply and they are easy to test. Neither blocks anything by itself: callers
use the results to show help-line information or to ask "do you really want to post this?".

* ``find_crisis_phrases`` spots editor-maintained phrases about suicide, self-harm and
  violence at home, tolerant of how people type on phones (case, accents, punctuation).
* ``find_personal_data`` spots phone numbers, email addresses, IBANs and BSNs. Checksums
  (IBAN mod-97, the BSN 11-test) keep random numbers from nagging people needlessly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

# --------------------------------------------------------------------------------------
# Crisis signposting
# --------------------------------------------------------------------------------------

# Starting list for the editor-maintained setting (same format as ``parse_phrases``).
# Matching is on whole words, so Dutch compounds such as "zelfmoordgedachten" need their own
# line. Deliberately left out: phrases common in everyday money or parenting talk, such as
# "ik kan niet meer", "ik zie het niet meer zitten", "dood" or "slaan".
DEFAULT_CRISIS_PHRASES = """\
# Eén zin per regel. Lege regels en regels die met # beginnen tellen niet mee.
# Hoofdletters, accenten en leestekens maken niet uit; er wordt op hele woorden gezocht.

# Suïcidale gedachten
zelfmoord
zelfmoordgedachten
zelfmoordpoging
zelfdoding
suïcide
suïcidaal
ik wil dood
wil niet meer leven
er een einde aan maken
er een eind aan maken
een einde aan mijn leven
mezelf van het leven beroven
ik zie het leven niet meer zitten

# Zelfbeschadiging
zelfbeschadiging
mezelf pijn doen
mezelf iets aandoen
ik snijd mezelf

# Huiselijk geweld en mishandeling
huiselijk geweld
hij slaat mij
hij slaat me
zij slaat mij
ik word geslagen
ik word mishandeld
mishandelt mij
seksueel misbruik
ik ben verkracht
bang voor mijn partner

# English
suicide
suicidal
kill myself
end my life
want to die
don't want to live
self harm
hurting myself
domestic violence
he hits me
she hits me
being abused
afraid of my partner
"""

_NON_WORD = re.compile(r"[\W_]+")


def _normalise(text: str) -> str:
    """Fold case and accents and turn every run of non-word characters into one space.

    NFKD first so compatibility forms (ligatures, full-width letters) become plain letters
    before casefolding; NFKD again because casefolding can produce decomposable characters.
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    without_marks = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", without_marks).strip()


def parse_phrases(raw: str) -> list[str]:
    """Split editor text into phrases: one per line, skipping blank lines and ``#`` comments."""
    phrases = []
    for line in raw.splitlines():
        phrase = line.strip()
        if phrase and not phrase.startswith("#"):
            phrases.append(phrase)
    return phrases


def find_crisis_phrases(text: str, phrases: Iterable[str]) -> list[str]:
    """Return the configured phrases that occur in ``text``, as configured and in that order.

    Both sides are normalised (see ``_normalise``), so "ZELFMOORD!!" matches "zelfmoord" and a
    phrase may span a line break. Padding with spaces makes the match whole-word: "slaan" does
    not match "slaapt". Phrases that normalise to the same words are reported once (the first
    spelling wins), so "suïcide" and "suicide" in one list do not double up.
    """
    haystack = f" {_normalise(text)} "
    found: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        needle = _normalise(phrase)
        if not needle or needle in seen:
            continue
        seen.add(needle)
        if f" {needle} " in haystack:
            found.append(phrase)
    return found


# --------------------------------------------------------------------------------------
# Privacy nudge
# --------------------------------------------------------------------------------------

PersonalDataKind = Literal["phone", "email", "iban", "bsn"]


@dataclass(frozen=True, slots=True)
class PersonalDataHit:
    """One piece of personal data: its kind and the text exactly as the user typed it."""

    kind: PersonalDataKind
    value: str


# [0-9] rather than \d throughout: \d also matches Arabic-Indic and other Unicode digits.
_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)

# Country code, check digits, then alphanumerics written solid or in groups of four.
_IBAN_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?"
    r"(?![A-Za-z0-9])"
)
_IBAN_COMPACT = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
_IBAN_MIN_LENGTH = 15  # Norway's IBANs are the shortest.

# Nine digits, solid or as 3-3-3 with dots or spaces; never part of a longer number (a grouped
# one must not continue as "111 222 333 444"), and not after a currency sign ("€ 111.222.333").
_BSN = re.compile(
    r"(?<![0-9])(?<!€)(?<!€ )"
    r"(?:(?<![0-9][.,])[0-9]{9}(?![.,][0-9])"
    r"|(?<![0-9][., ])[0-9]{3}(?P<sep>[. ])[0-9]{3}(?P=sep)[0-9]{3}(?![., ][0-9]))"
    r"(?![0-9])"
)
_SEPARATORS = re.compile(r"[\s.]")

# A stretch of digits, spaces, brackets and the separators people put in phone numbers; it is
# cut into digit groups and the groups are tried as phone numbers (see ``_find_phones``).
_NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?[0-9](?:[0-9()./\-\u2010-\u2015]|[^\S\r\n])*")
_DIGITS = re.compile(r"[0-9]+")
# What may separate two groups of one phone number: one dash, dot or slash, with optional
# spaces around it, or just spaces (brackets are stripped before this check).
_PHONE_GAP = re.compile(r"[^\S\r\n]{0,2}(?:[-./\u2010-\u2015][^\S\r\n]{0,2})?")
_DATE_SEPARATORS = frozenset("-/.")
_MAX_PHONE_GROUPS = 8  # "+31 (0)6 12 34 56 78" is seven groups.

# Dutch numbers are 10 digits: geographic 01x-05x and 07x, mobile 06, and the personal/company
# 084, 085, 087 and 088 ranges. 0800 and 090x are help and service lines.
_NL_NUMBER = re.compile(r"0(?:[1-7][0-9]|8[4578])[0-9]{7}")
# Belgian numbers: mobiles are 04xx plus six digits, landlines nine digits in all.
_BE_MOBILE = re.compile(r"04[5-9][0-9]{7}")
_BE_LANDLINE = re.compile(r"0[1-9][0-9]{7}")
_SERVICE_PREFIXES = ("0800", "090")
_BE_SERVICE_PREFIXES = ("070", "078")  # Belgian paid/shared-cost lines, also not personal.


def is_valid_iban(value: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    compact = re.sub(r"\s+", "", value).upper()
    if not _IBAN_COMPACT.fullmatch(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def is_valid_bsn(digits: str) -> bool:
    """Dutch 11-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and not all zeros).

    Dots and spaces are ignored so "111.222.333" can be passed as typed.
    """
    compact = _SEPARATORS.sub("", digits)
    if not re.fullmatch(r"[0-9]{9}", compact) or compact == "0" * 9:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, compact, strict=True)) % 11 == 0


def _phone_kind(digits: str, plus: bool) -> Literal["phone", "service"] | None:
    """Classify a digit string: a personal phone number, a service line, or neither.

    ``plus`` says the number was written with a leading "+". Dutch and Belgian numbers are
    checked in detail; other countries only when written with "+" (E.164: at most 15 digits).
    """
    international = plus
    if not plus and digits.startswith("00"):
        digits, international = digits[2:], True
    if international:
        country, rest = digits[:2], digits[2:]
        if country not in ("31", "32"):
            return "phone" if plus and 9 <= len(digits) <= 15 and digits[0] != "0" else None
        # "+31 (0)6 ..." and "+31 06 ..." keep the national trunk 0; drop it once.
        national = "0" + rest.removeprefix("0")
    else:
        country, national = None, digits

    if national.startswith(_SERVICE_PREFIXES) and 8 <= len(national) <= 11:
        return "service"
    if country != "32" and _NL_NUMBER.fullmatch(national):
        return "phone"
    if country != "31":
        if _BE_MOBILE.fullmatch(national):
            return "phone"
        if _BE_LANDLINE.fullmatch(national):
            return "service" if national.startswith(_BE_SERVICE_PREFIXES) else "phone"
    return None


def _is_day_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _blocked_dates(groups: list[str], gaps: list[str]) -> set[int]:
    """Indexes of digit groups that form a date such as 12-03-2024, 1/3/24 or 2024-03-12.

    Three groups joined by the same dash, slash or dot, not continued by that separator (so a
    phone written "06-12-34-56-78" is not mistaken for a date).
    """
    blocked: set[int] = set()
    for i in range(len(groups) - 2):
        sep = gaps[i].strip()
        if sep not in _DATE_SEPARATORS or gaps[i + 1].strip() != sep:
            continue
        if (i > 0 and gaps[i - 1].strip() == sep) or (
            i + 3 < len(groups) and gaps[i + 2].strip() == sep
        ):
            continue
        a, b, c = groups[i : i + 3]
        day_month_year = len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4)
        year_month_day = len(a) == 4 and len(b) <= 2 and len(c) <= 2
        if (day_month_year and _is_day_month(a, b)) or (year_month_day and _is_day_month(c, b)):
            blocked.update((i, i + 1, i + 2))
    return blocked


def _segment_phones(
    groups: list[str], gaps: list[str], plus: bool
) -> Iterator[tuple[int, int, Literal["phone", "service"]]]:
    """Yield ``(first, stop, kind)`` group ranges of one segment that form phone numbers.

    From every group that could begin a number (a leading 0, or the "+" that opens the run)
    the longest stretch of groups that classifies wins; dates never take part.
    """
    blocked = _blocked_dates(groups, gaps)
    i = 0
    while i < len(groups):
        has_plus = plus and i == 0
        if i not in blocked and (has_plus or groups[i].startswith("0")):
            for j in range(min(len(groups), i + _MAX_PHONE_GROUPS), i, -1):
                if blocked.isdisjoint(range(i, j)):
                    kind = _phone_kind("".join(groups[i:j]), has_plus)
                    if kind:
                        yield i, j, kind
                        i = j
                        break
            else:
                i += 1
        else:
            i += 1


def _find_phones(text: str) -> Iterator[tuple[int, int, bool]]:
    """Yield ``(start, end, is_personal)`` for phone-like numbers, service lines included.

    A run of digits and separators may hold more than one number (or a date and a number):
    it is cut into digit groups, split where the gap is not a phone separator, and each
    segment is searched by ``_segment_phones``.
    """
    for run in _NUMBER_RUN.finditer(text):
        chunk = run.group()
        matches = list(_DIGITS.finditer(chunk))
        # Digits glued to a following letter ("0612345678abc") are part of a code, not a number.
        if matches[-1].end() == len(chunk) and re.match(r"\w", text[run.end() :]):
            matches.pop()
        segments: list[list[re.Match[str]]] = []
        for prev, cur in zip([None, *matches], matches, strict=False):
            gap = chunk[prev.end() : cur.start()] if prev else ""
            if prev and _PHONE_GAP.fullmatch(gap.replace("(", "").replace(")", "")):
                segments[-1].append(cur)
            else:
                segments.append([cur])
        for segment_no, segment in enumerate(segments):
            groups = [m.group() for m in segment]
            gaps = [chunk[a.end() : b.start()] for a, b in zip(segment, segment[1:], strict=False)]
            plus = segment_no == 0 and chunk.startswith("+")
            for i, j, kind in _segment_phones(groups, gaps, plus):
                start = run.start() + segment[i].start()
                end = run.start() + segment[j - 1].end()
                # Report a "+" or opening bracket typed just before the first group, and a
                # closing bracket just after the last one, as part of the number.
                while start > run.start() and text[start - 1] in "+(":
                    start -= 1
                if end < run.end() and text[end] == ")" and "(" in text[start:end]:
                    end += 1
                yield start, end, kind == "phone"


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out ``spans`` so later searches skip them.

    Same length, so offsets still point into the original text; NUL is neither a digit nor a
    word character, so nothing later matches across or into a masked span.
    """
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "\0" * (end - start)
    return "".join(chars)


def _iban_candidates(text: str) -> Iterator[tuple[int, int, bool]]:
    """Yield ``(start, end, is_valid)`` for IBAN-shaped text.

    An over-long match is shortened one group at a time, so "NL91 ABNA 0417 1643 00 1234 AB"
    still finds the IBAN before the postcode. A mistyped IBAN (upper-case country code, long
    enough, failing mod-97) is yielded as invalid: not reported, but its digits must not come
    back as a phone number or BSN either.
    """
    for match in _IBAN_SHAPE.finditer(text):
        value = match.group()
        ends = [m.start() for m in re.finditer(" ", value)] + [len(value)]
        for end in reversed(ends):
            if is_valid_iban(value[:end]):
                yield match.start(), match.start() + end, True
                break
        else:
            if value[:2].isupper() and len(value.replace(" ", "")) >= _IBAN_MIN_LENGTH:
                yield match.start(), match.end(), False


def find_personal_data(text: str) -> list[PersonalDataHit]:
    """Find phone numbers, email addresses, IBANs and BSNs, in order of appearance, each once.

    Kinds are searched from most to least specific (email, IBAN, phone, BSN) and each found
    span is masked, so the digits of an IBAN or phone number are never reported as a BSN too.
    Help lines (0800, 0900, 112, 113, 1813) are not personal data and are not reported.
    """
    hits: list[tuple[int, PersonalDataHit]] = []

    emails = [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    hits += [(start, PersonalDataHit("email", text[start:end])) for start, end in emails]
    masked = _mask(text, emails)

    ibans = list(_iban_candidates(masked))
    hits += [(start, PersonalDataHit("iban", text[start:end])) for start, end, ok in ibans if ok]
    masked = _mask(masked, [(start, end) for start, end, _ in ibans])

    phones = list(_find_phones(masked))
    hits += [(start, PersonalDataHit("phone", text[start:end])) for start, end, ok in phones if ok]
    masked = _mask(masked, [(start, end) for start, end, _ in phones])

    for match in _BSN.finditer(masked):
        if is_valid_bsn(match.group()):
            hits.append((match.start(), PersonalDataHit("bsn", match.group())))

    hits.sort(key=lambda hit: hit[0])
    # dict keeps first-seen order, so each (kind, value) is reported once, where it first occurs.
    return list(dict.fromkeys(hit for _, hit in hits))
