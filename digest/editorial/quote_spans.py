"""Quoted spans of a paragraph and how they join into quotations, for the quotes stage.

A span runs from an opening quotation mark to its closing one (curly, straight and low-high
marks), or to the paragraph end when left open (a quotation continued in the next paragraph).
Spans form one quotation when a paragraph continues an open one, or when only an attribution
('," he said. "') or a few words joining two partial quotes separate them. quotes.py attributes
the groups; the marks and thresholds are data below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.editorial.quote_attribution import (
    ATTRIBUTION_DASHES,
    SUBJECT_VERB_WORD,
    WORD,
    Attribution,
    dash_attribution,
    subject_verb,
    verb_first,
)
from digest.text.normalize import collapse_whitespace
from digest.text.sentences import sentence_end, sentence_ends, sentence_start

# --- data ---------------------------------------------------------------------------------------

# Marks that open / close a quotation. "“" closes in German/Czech style („...“); that case is
# handled when a paragraph uses „. Straight double quotes toggle. Single quotes are left out on
# purpose: they are indistinguishable from apostrophes in scraped text.
OPENING_MARKS: frozenset[str] = frozenset("“„«")
CLOSING_MARKS: frozenset[str] = frozenset("”»")
STRAIGHT_MARK = '"'

# Two spans of one paragraph are one quotation when only an attribution of at most this many
# words separates them ('"A," said Name, role at Company. "B."').
MERGE_MAX_ATTRIBUTION_WORDS = 30
# Two partial quotes of one sentence joined by at most this many words are one quotation.
PARTIAL_JOIN_MAX_WORDS = 12

# Quoted text that is not speech whatever verb is near, by the words just before the mark (the
# writer's sentence, lower case), each with why it is there:
NOT_SPEECH_LEADS: tuple[str, ...] = (
    # a request typed to a machine: people are not addressed as 'it' ('we asked it to "..."',
    # 'told the chatbot to "..."', 'prompted the model with "..."')
    r"\b(?:asked|told|instructed|prompted|commanded|got)\s+(?:it|the\s+(?:[\w-]+\s+)?(?:"
    r"chatbot|bot|assistant|model|app|tool|system|ai))\s*(?:to|with|for)?",
    # input typed or searched for ('typed "..."', 'search for "..."', 'enter "..." in the box')
    r"\b(?:typed|type|typing|enter|entered|entering|input|paste|pasted|searched|search|"
    r"searching|googled|query|queried)(?:\s+(?:in|into|for))?",
    # what a screen shows ('it showed the message "..."', 'an error reading "..."', 'a sign
    # that reads "..."'): a display, not a speaker
    r"\b(?:show(?:s|ed|ing)?|display(?:s|ed|ing)?|flash(?:es|ed|ing)?|pop(?:s|ped)?\s+up)"
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?(?:message|error|warning|notification|alert|"
    r"banner|label|screen|text)",
    r"\b(?:message|error|warning|notification|alert|banner|label|screen|sign|button|menu|"
    r"option|setting|toggle|tab|field|link)s?\s+(?:reading|that\s+reads?|that\s+said|saying)",
    # interface elements named by their label ('the "Share" menu' is a name; 'the button
    # "Ask Larkspur"', 'open the menu "..."')
    r"\b(?:the|a)\s+(?:button|menu|option|setting|toggle|tab|field|checkbox|link|folder|file)",
)
# A person's own words after a verb of naming, not a title: 'which she called "the real threat
# here"', 'they dubbed it "..."' (a pronoun subject right before the verb).
PERSON_NAMING = re.compile(r"\b(?:he|she|they|we|i)\s+(?:called|calls|dubbed|labelled|labeled|"
                           r"branded|described)(?:\s+(?:it|them|this|that))?(?:\s+as)?$")
# Separators of a menu path or breadcrumb ('Settings > Privacy > On-device AI').
MENU_PATH = re.compile(r"\S\s*(?:>|›|→|»)\s*\S")

# --- patterns built from the data ---------------------------------------------------------------

OPENING_MARK = re.compile("[" + re.escape("".join(sorted(OPENING_MARKS)) + STRAIGHT_MARK) + "]")
# Characters that open or close a quoted span: only these positions are visited.
MARK = re.compile("[" + re.escape("".join(sorted(OPENING_MARKS | CLOSING_MARKS)) + STRAIGHT_MARK)
                  + "]")


@dataclass(slots=True)
class Span:
    """One quoted span: where it sits and what is around it."""

    para: int
    start: int  # index of the opening mark
    end: int  # index just past the closing mark (or the paragraph end when left open)
    text: str
    closed: bool


# --- spans --------------------------------------------------------------------------------------


def find_spans(para: int, text: str) -> list[Span]:
    """Quoted spans of one paragraph; a span still open at the end runs to the paragraph end."""
    low_high = "„" in text  # „...“ style: the high mark closes
    spans: list[Span] = []
    open_at: int | None = None
    for mark in MARK.finditer(text):  # other characters neither open nor close a span
        i, ch = mark.start(), mark.group()
        opens = ch in OPENING_MARKS and not (low_high and ch == "“")
        closes = ch in CLOSING_MARKS or (low_high and ch == "“")
        if ch == STRAIGHT_MARK:
            opens, closes = open_at is None, open_at is not None
        elif open_at is not None and opens and _closes_by_position(text, i):
            opens, closes = False, True  # 'a “pivotal moment“ to help': a mistyped closing mark
        if open_at is None and opens:
            open_at = i
        elif open_at is not None and closes:
            spans.append(Span(para, open_at, i + 1, text[open_at + 1 : i], True))
            open_at = None
    if open_at is not None:
        spans.append(Span(para, open_at, len(text), text[open_at + 1 :], False))
    return spans


# A press-release statement set off without quotation marks is a quotation when the next
# paragraph is a short attribution line naming someone ('— Ada Roe, Chief Executive Officer').
DASH_LINE_MAX_WORDS = 16
# Only a long dash opens such a line ('-' opens list items), after a statement of a few words.
BLOCK_DASHES: tuple[str, ...] = ("—", "–", "--")
BLOCK_MIN_WORDS = 6


def unmarked_blocks(paras: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """`spans` with a whole-paragraph span added for each paragraph that has no quotation mark
    and is followed by a '— Name, Title' line (the statement that line attributes)."""
    out = [list(s) for s in spans]
    for i in range(len(paras) - 1):
        line, block = paras[i + 1], paras[i]
        after = paras[i + 2] if i + 2 < len(paras) else ""
        if (out[i] or not block.rstrip().endswith((".", "!", "?"))
                or len(WORD.findall(block)) < BLOCK_MIN_WORDS
                or block[:1] in ATTRIBUTION_DASHES or not line.startswith(BLOCK_DASHES)
                or after.startswith(tuple(ATTRIBUTION_DASHES))  # a list of dashed items
                or len(WORD.findall(line)) > DASH_LINE_MAX_WORDS):
            continue
        found = dash_attribution(line)
        if found is not None and found.speaker and len(found.speaker.split()) > 1:
            out[i] = [Span(i, 0, len(block), block, True)]
    return out


def _closes_by_position(text: str, i: int) -> bool:
    """True when an opening mark at `i` stands where a closing one belongs: right after a word
    or punctuation, and before a space, punctuation or the end."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?")


def group_spans(paras: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """Group spans that form one quotation: an open span continued by the next paragraph, and
    spans of one paragraph separated only by their attribution ("A," he said. "B.")."""
    groups: list[list[Span]] = []
    carry: list[Span] | None = None
    for i, para_spans in enumerate(spans):
        for j, span in enumerate(para_spans):
            if carry is not None and j == 0 and span.start == 0:
                carry.append(span)
            elif groups and j > 0 and _only_attribution_between(paras[i], para_spans[j - 1], span):
                groups[-1].append(span)
            else:
                groups.append([span])
            carry = None
        carry = groups[-1] if para_spans and not para_spans[-1].closed else None
    return groups


def _only_attribution_between(text: str, left: Span, right: Span) -> bool:
    """True when the text between two spans is a bare attribution ('," he said. "'), or a few
    words joining two partial quotes of one sentence ('"mostly painless" but still "real work"')."""
    between = text[left.end : right.start].strip()
    if not between or between in {",", ".", ":"}:
        return True
    if _joins_partials(text, left, right, between):
        return True
    own = _attributed_after(text, right)
    between_found = verb_first(between) or subject_verb(between.rstrip(".,:; "))
    if own is not None and not _same_speaker(own, between_found):
        # '"A," said Maria. "B," said Tom.': the words between attribute the first span; the
        # second has an attribution of its own, so it is another quotation ('"A," he said.
        # "B," he added.' stays one)
        return False
    words = WORD.findall(between)
    if len(words) > MERGE_MAX_ATTRIBUTION_WORDS or not _ends_sentence_or_comma(between):
        return False
    if sentence_ends(between.rstrip().rstrip(".!?")):
        return False  # more than one sentence between the spans
    if left.text[:1].islower() and sentence_before(text, left.start).strip() and (
            left.text.rstrip()[-1:] in ".!?"):
        # '... was "compelled by hope." Ivo Brandt once said, "...": the first quotation ends
        # the writer's sentence it is built into; the words after introduce another one
        return False
    return verb_first(between) is not None or subject_verb(between.rstrip(".,:; ")) is not None


def _same_speaker(a: Attribution, b: Attribution | None) -> bool:
    """Whether the attribution after a second span (`a`) may be the speaker of the first's
    (`b`): a pronoun may ('"A," said Ada Roe. "B," she added.'), a different name may not."""
    return a.speaker is None or (b is not None and a.speaker == b.speaker)


def _attributed_after(text: str, span: Span) -> Attribution | None:
    """The attribution naming a speaker right after a closed span ('," said Tom Roe', '," Tom
    Roe said', '," she said'), else None."""
    if not span.closed or span.text.rstrip()[-1:] not in ",?!":
        return None
    after = text[span.end :]
    opening = OPENING_MARK.search(after)
    after = after[: opening.start()] if opening else after
    end = sentence_end(after)
    after = (after[:end] if end is not None else after).strip().rstrip(".!?")
    if not after:
        return None
    found = verb_first(after) or subject_verb(after, at_start=True)
    return found if found is not None and (found.speaker is not None or found.pronoun) else None


def _joins_partials(text: str, left: Span, right: Span, between: str) -> bool:
    if left.text.rstrip()[-1:] in ".!?," or right.text[:1].isupper():
        return False
    if len(WORD.findall(between)) > PARTIAL_JOIN_MAX_WORDS or sentence_ends(between):
        return False
    return not SUBJECT_VERB_WORD.search(between)


def _ends_sentence_or_comma(text: str) -> bool:
    return text.rstrip().endswith((".", ",", ":", ";"))


def join_text(group: list[Span]) -> str:
    parts = [collapse_whitespace(s.text) for s in group]
    parts = [p for p in parts if p]
    for k in range(len(parts) - 1):
        if parts[k].endswith(",") and parts[k + 1][:1].isupper():
            parts[k] = parts[k][:-1] + "."
        elif group[k].para == group[k + 1].para and parts[k][-1:].isalnum():
            parts[k] += " …"  # words between two partial quotes were left out
    text = " ".join(parts)
    return text.rstrip(" ,").strip()


_NOT_SPEECH_LEAD = re.compile(r"(?:" + "|".join(NOT_SPEECH_LEADS) + r")\s*[:,]?\s*$")


def not_speech(text: str, span: Span) -> bool:
    """True for quoted text that is input, a screen's words, an interface label or a menu
    path, not anyone's speech: by the words just before the opening mark, or by the text."""
    if MENU_PATH.search(span.text) and len(span.text.split()) <= 12:
        return True
    before = text[max(0, span.start - 80) : span.start].lower()
    return _NOT_SPEECH_LEAD.search(before) is not None


def sentence_before(text: str, pos: int) -> str:
    """The part of the sentence before `pos` (from the last sentence end outside quotes)."""
    return text[sentence_start(text, pos) : pos]


def sentence_after(text: str, pos: int) -> str:
    """The text after `pos` up to the end of the sentence or the next opening quote mark."""
    tail = text[pos:]
    opening = OPENING_MARK.search(tail)
    if opening is not None:
        tail = tail[: opening.start()]
    end = sentence_end(tail)
    return tail[:end] if end is not None else tail


def outside_quotes(text: str, spans: list[Span]) -> str:
    """`text` with its quoted spans blanked out (same length, so positions still hold)."""
    if not spans:
        return text
    out = list(text)
    for s in spans:
        for j in range(s.start, min(s.end, len(out))):
            out[j] = " "
    return "".join(out)
