"""The one text normaliser: white space, quotation marks and comparison keys.

Every stage that tidies or compares text calls these instead of writing its own
`" ".join(text.split())`: one definition of "white space" (Python's, which covers non-breaking
and other Unicode spaces) and one mapping of curly quotation marks.
"""

from __future__ import annotations

import re

# Curly and typographic quotation marks and apostrophes -> their straight forms.
QUOTE_MARKS: dict[str, str] = {
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
}
_QUOTE_TABLE = str.maketrans(QUOTE_MARKS)
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
