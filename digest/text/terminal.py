"""Text bound for a terminal or a log: one line, no control or escape sequences.

Servers, pages and entry files control much of what the CLI prints (an HTTP reason phrase, a
header, a file name, a title). A terminal obeys escape sequences in that text: colours, cursor
moves, a changed window title, OSC 8 hyperlinks, even (on some terminals) answer-back that types
into the shell. `terminal_safe` drops every such sequence and every control character.
"""

from __future__ import annotations

import re

# Escape sequences, most specific first (ECMA-48): CSI (ESC [ ... final byte), OSC (ESC ] ...
# BEL or ST), DCS/SOS/PM/APC strings (ESC P/X/^/_ ... ST), then any other two-byte escape.
# The C1 forms (U+009B CSI, U+009D OSC...) are matched too: some terminals obey them.
ESCAPE_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI ... final byte
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # strings
    r"|\x1b[ -/]*[0-~]?"  # ESC with intermediates: charset selection, resets
)
# What is left after the sequences: C0 and C1 controls (tab and newline included: one line),
# DEL, bidi overrides and isolates (they reorder what the reader sees), zero-width characters.
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
DEFAULT_LIMIT = 300  # characters: a reason phrase or header is short; a longer one is cut


def terminal_safe(text: str, limit: int = DEFAULT_LIMIT) -> str:
    """`text` as one printable line: escape sequences removed, other controls (line breaks
    included) turned into spaces, runs of spaces collapsed, cut to `limit` characters."""
    text = ESCAPE_SEQUENCES.sub("", text)
    text = CONTROL_CHARS.sub(" ", text)
    text = re.sub(r" {2,}", " ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
