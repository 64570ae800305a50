"""The one sentence splitter: where sentences of a paragraph end, with one abbreviation table.

A sentence ends at ".", "!" or "?" (with any closing quotation marks or brackets after it) when
white space and something that can open a sentence follow: a capital letter, a digit, a currency
sign, optionally behind an opening quotation mark or bracket. The end of the text is an end too.
A period after an abbreviation is looked up in the tables below: titles, months and "No." never
end a sentence ("Dr. Lisa Su", "Dec. 12", "No. 1"), nor do initials ("Jensen H. Huang",
"J.R. Smith"); company suffixes and place abbreviations usually sit inside a sentence ("Apple
Inc. said", "U.S. officials") and end one only when a typical sentence opener follows ("... in
the U.S. The company ...").

Every stage that needs sentences calls this module: the summary picks sentences, figures build
contexts from them, quotes look for the attribution in the sentence around a quotation.
"""

from __future__ import annotations

import re

# --- data ---------------------------------------------------------------------------------------

# Abbreviations after which a period never ends a sentence: titles before a name, months before a
# day, "No." before a number, "vs." and Latin abbreviations inside a sentence. Lower case.
# fmt: off
NEVER_SENTENCE_END: frozenset[str] = frozenset((
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.",
    "capt.", "sgt.", "no.", "nos.", "vs.", "v.", "e.g.", "i.e.", "approx.", "fig.", "figs.",
    "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "est.", "cf.", "pres.",
))
# fmt: on
# Abbreviations that usually sit inside a sentence ("Apple Inc. said", "U.S. officials") but can
# end one: the period ends the sentence only when a typical opener (below) or a quotation follows.
# fmt: off
MAYBE_SENTENCE_END: frozenset[str] = frozenset((
    "inc.", "corp.", "co.", "ltd.", "plc.", "llc.", "u.s.", "u.k.", "e.u.", "u.n.", "jr.",
    "sr.", "a.m.", "p.m.", "etc.", "bros.",
))
# fmt: on
# Words that open a new sentence after such an abbreviation ("... in the U.S. The company ...").
# fmt: off
SENTENCE_OPENERS: frozenset[str] = frozenset((
    "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "This", "That", "These",
    "Those", "In", "On", "At", "By", "For", "From", "With", "But", "And", "As", "After",
    "Before", "While", "When", "However", "Meanwhile", "Still", "Yet", "Separately", "Also",
    "Shares", "Analysts", "His", "Her", "Their", "Our", "There", "Some", "Many", "Most",
))
# fmt: on
# Opening quotation marks: after an abbreviation that may end a sentence, a quotation that
# opens next starts a new sentence ('said Jane Roe, chief executive of Acme Inc. "We ...').
OPENING_QUOTES = "\"“‘„«"
# Characters stripped from a word before it is looked up in the tables.
WORD_PUNCTUATION = "\"'“‘„«([{—–-"

# A candidate end: terminal punctuation with any closing marks, then white space and a character
# that can open a sentence, or the end of the text. The abbreviation tables decide the rest.
_CANDIDATE = re.compile(
    r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘„«(\[]?[A-Z0-9$£€¥₹]|\s*$)"
)
_LAST_WORD = re.compile(r"(\S+)$")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’»)\]]*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")  # "J." or "J.R." in a name


# --- public API ---------------------------------------------------------------------------------


def sentence_ends(text: str) -> list[int]:
    """Offsets just past the end of each sentence of `text` (after its closing punctuation and
    quotation marks), in order. Text after the last offset is an unfinished sentence."""
    ends: list[int] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if _is_end(text, start, m):
            ends.append(m.end())
            start = m.end()
    return ends


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, white space around it left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*sentence_ends(text), len(text)]:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start = end
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, keeping "Inc.", "U.S.", "Dr. Lisa Su" and "$2.1 billion" whole."""
    return [text[s:e] for s, e in sentence_spans(text)]


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding offset `pos` begins (just past the previous sentence end)."""
    start = 0
    for end in sentence_ends(text[:pos]):
        start = end
    return start


def sentence_end(text: str, pos: int = 0) -> int | None:
    """Offset just past the first sentence end at or after `pos`, or None when the text after
    `pos` finishes no sentence."""
    for end in sentence_ends(text[pos:]):
        return pos + end
    return None


def ends_sentence(text: str) -> bool:
    """True when `text` ends as a sentence does: terminal punctuation, then any closing
    quotation marks or brackets (headings, captions and list labels do not)."""
    return _ENDS_SENTENCE.search(text.rstrip()) is not None


def count_sentences(text: str) -> int:
    """How many sentences `text` holds (an unfinished last one counts)."""
    return len(sentence_spans(text))


# --- rules --------------------------------------------------------------------------------------


def _is_end(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the candidate `m` ends a sentence, given the abbreviation tables."""
    if not m.group().startswith(".") or m.group().startswith(".."):
        return True  # "!", "?" and ellipses always end
    last = _LAST_WORD.search(text, start, m.start() + 1)
    raw = last.group(1).lstrip(WORD_PUNCTUATION) if last else ""
    token = raw.lower()
    if token in MAYBE_SENTENCE_END:
        following = text[m.end() :].split(maxsplit=1)
        if not following:
            return True
        nxt = following[0]
        return nxt[:1] in OPENING_QUOTES or nxt.strip(WORD_PUNCTUATION) in SENTENCE_OPENERS
    return token not in NEVER_SENTENCE_END and not _INITIALS.match(raw)
