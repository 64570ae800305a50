"""The one text normaliser: white space, quotation marks and comparison keys.

Every stage that tidies or compares text calls these instead of writing its own
`" ".join(text.split())`: one definition of "white space" (Python's, which covers non-breaking
and other Unicode spaces) and one mapping of curly quotation marks.
"""

from __future__ import annotations

import re
import unicodedata

# Curly and typographic quotation marks and apostrophes -> their straight forms.
QUOTE_MARKS: dict[str, str] = {
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
}
_QUOTE_TABLE = str.maketrans(QUOTE_MARKS)
# Dashes and hyphens of every width -> "-" (for finding a quotation in its source text).
DASHES: dict[str, str] = {"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"}
_FOLD_TABLE = str.maketrans({**QUOTE_MARKS, **DASHES})
# Characters that must never reach an entry: C0/C1 controls (except tab/newline), bidi overrides,
# zero-width characters used to hide text.
UNSAFE_CHARS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Tag-like sequences in scraped text ("<script>", "</title>", "<img src=x onerror=...>").
TAG_LIKE = re.compile(r"</?[A-Za-z!?/][^<>]*>")
# What stray angle brackets become: look-alikes that no HTML parser reads as markup. Some theme
# templates unescape titles (Jinja's striptags), so escaping alone is not enough for titles.
ANGLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›"})
_SPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    """Runs of white space (any kind, line breaks included) become one space; ends trimmed."""
    return " ".join(text.split())


def squeeze(text: str) -> str:
    """`text` lower-cased with all white space removed: a key that matches a value however it is
    spaced ("3 nm" and "3nm", "$2.1 billion" and "$2.1billion")."""
    return _SPACE.sub("", text).lower()


def straighten_quotes(text: str) -> str:
    """Curly quotation marks and apostrophes replaced by straight ones."""
    return text.translate(_QUOTE_TABLE)


def comparison_key(text: str) -> str:
    """Lower case, straight quotation marks, white space collapsed: for comparing two spellings
    of the same words."""
    return collapse_whitespace(straighten_quotes(text)).lower()


def clean_text(value: str) -> str:
    """One line of plain text for an entry: controls removed, white space collapsed, Unicode
    NFC, and no markup: tag-like sequences dropped, stray angle brackets replaced by
    look-alikes."""
    value = unicodedata.normalize("NFC", UNSAFE_CHARS.sub("", value))
    return collapse_whitespace(TAG_LIKE.sub("", value).translate(ANGLE_LOOKALIKES))


def search_key(text: str) -> str:
    """`text` folded for finding one text inside another however it was typed: Unicode NFKC,
    straight quotation marks, one kind of dash, white space collapsed, case folded."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    return collapse_whitespace(folded).casefold()
