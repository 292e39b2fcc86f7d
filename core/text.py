"""Plain text as people type it, made safe for one line (a subject, a name)."""

import unicodedata

# The zero-width joiner (format category) glues emoji such as families together.
_KEPT_FORMAT_CHARACTERS = {"\u200d"}


def one_line(text: str) -> str:
    """``text`` as a single plain line: every control or format character (newlines,
    tabs, direction overrides, zero-width spaces) becomes a space, runs of whitespace
    become one space, and the ends are trimmed. A subject goes into email headers,
    where a newline starts a header of its own."""
    characters = (
        " "
        if unicodedata.category(ch) in ("Cc", "Cf") and ch not in _KEPT_FORMAT_CHARACTERS
        else ch
        for ch in text or ""
    )
    return " ".join("".join(characters).split())
