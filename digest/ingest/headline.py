"""The headline of a plain-text scrape, recognised by its shape and its place.

A headline opens the article: the body's prose follows it, its byline and dateline sit next to
it, it shares its words with the body, and the page often states it once more near the top
(a breadcrumb, a <title>-like first line). What is not a headline: captions and credits (their
own line kinds), standfirsts (they follow the headline), labels ending in a colon, bare names,
menu items, calls to action (they share no words with the body), share and listen lines (page
controls, never candidates), subheads (body prose above them).

HEADLINE_RULES are the signals, ordered by strength, each with its weight; `find_headline`
scores the title-shaped lines before the body's first paragraph and takes the best.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from digest.ingest.lines import STOPWORDS, WORD, Kind, Line
from digest.ingest.scrapemeta import NAME_ONLY
from digest.text.dates import parse_date

# Where the headline is looked for, relative to the body's first line.
HEADLINE_LOOKBACK = 40  # lines before the body
HEADLINE_LOOKAHEAD = 8  # lines into the body (a cookie notice or dek may open the stretch)
PARAGRAPH_WORDS = 20  # a line this long opens the body: the headline is above it
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
HEADLINE_KINDS = frozenset(
    {Kind.HEADING, Kind.SENTENCE, Kind.PROSE, Kind.REPEATED, Kind.SHORT, Kind.MENU}
)
META_NEAR = 4  # a byline or dateline this close after a line marks it as the headline
ECHO_F1 = 0.8  # token F1 at which another line of the page repeats the headline
ECHO_NEAR_LINES = 5  # the breadcrumb just above a headline may repeat it
ECHO_TOP_LINES = 15  # the page's first lines, where a <title>-like copy of the headline sits
DEEP_PROSE_WORDS = 150  # below this much prose into the body a line with a byline is a candidate



@dataclass(frozen=True, slots=True)
class Page:
    """What the rules look at besides the candidate line."""

    lines: list[Line]
    body_start: int  # first line of the body stretch
    body_words: frozenset[str]  # content-word stems of the body's prose
    # The rules look at the same few lines' words again and again (every candidate is compared
    # with the page's first lines, three rules take its stems): worked out once per text.
    stems_of: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    words_of: dict[str, tuple[Counter[str], int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def stems(self, text: str) -> tuple[str, ...]:
        """`stems(text)`, remembered."""
        found = self.stems_of.get(text)
        if found is None:
            found = self.stems_of[text] = tuple(stems(text))
        return found

    def token_f1(self, a: str, b: str) -> float:
        """`token_f1(a, b)`, each text's words counted once."""
        return _f1(self._words(a), self._words(b))

    def _words(self, text: str) -> tuple[Counter[str], int]:
        found = self.words_of.get(text)
        if found is None:
            found = self.words_of[text] = _word_counts(text)
        return found


@dataclass(frozen=True, slots=True)
class HeadlineRule:
    """One thing that makes a line more (weight > 0) or less likely the headline."""

    name: str
    weight: float
    applies: Callable[[Line, Page], bool]


def _meta_after(line: Line, page: Page) -> bool:
    following = page.lines[line.index + 1 : line.index + 1 + META_NEAR]
    return any(x.kind in (Kind.BYLINE, Kind.DATE) for x in following)


def _meta_before(line: Line, page: Page) -> bool:
    before = page.lines[max(0, line.index - 2) : line.index]
    return any(x.kind in (Kind.BYLINE, Kind.DATE) for x in before)


def _echoed(line: Line, page: Page) -> bool:
    """The page states the headline earlier too: in its first lines (where a <title>-like copy
    sits) or in the breadcrumb above it. (A name repeated further down is an author box.)"""
    lines = page.lines
    earlier = lines[:ECHO_TOP_LINES] + lines[max(0, line.index - ECHO_NEAR_LINES) : line.index]
    return any(
        x.index < line.index and x.words >= 2 and page.token_f1(x.text, line.text) >= ECHO_F1
        for x in earlier
    )


def _after_title_line(line: Line, page: Page) -> bool:
    """A standfirst or caption: it follows a clean title-shaped line directly (the headline
    comes first). A kicker above a headline is not such a line: it is short, ends in a colon,
    carries labels between separators or words glued together, is a trail ending with the
    headline's own text, or is a numbered item."""
    if line.index == 0:
        return False
    previous = page.lines[line.index - 1]
    return (
        previous.kind in TITLE_KINDS
        and previous.words >= 4
        and not previous.text.endswith(":")
        and not LABEL_SEPARATOR.search(previous.text)
        and not GLUED_WORDS.search(previous.text)
        and not previous.text.casefold().endswith(line.text.casefold())
        and not NUMBERED_ITEM.match(previous.text)
    )


def title_case(text: str) -> bool:
    """Most words that are not function words start with a capital."""
    words = [w for w in WORD.findall(text) if w.lower() not in STOPWORDS and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _good_length(line: Line, page: Page) -> bool:
    return 4 <= line.words <= 20


def _too_short(line: Line, page: Page) -> bool:
    return line.words <= 2


def _sentence_like(line: Line, page: Page) -> bool:
    """A standfirst or caption: it ends like a sentence, runs long, and is not in Title Case."""
    return line.text.endswith((".", ",", ";")) and line.words > 8 and not title_case(line.text)


def _shouted(line: Line, page: Page) -> bool:
    return line.text.isupper()


def _name_shaped(line: Line, page: Page) -> bool:
    """A byline without "By": two to four capitalised words and nothing else."""
    return line.words <= 4 and bool(NAME_ONLY.fullmatch(line.text))


def _prose_before(line: Line, page: Page) -> bool:
    """A subhead: body prose just above it."""
    before = page.lines[max(0, line.index - PROSE_NEAR) : line.index]
    return sum(x.words for x in before if x.kind is Kind.PROSE) >= PROSE_NEAR_WORDS


def _shares_body_words(line: Line, page: Page) -> bool:
    """Most of its content words occur in the body: a headline speaks of what the article
    speaks of."""
    words = page.stems(line.text)
    return bool(words) and sum(w in page.body_words for w in words) >= SHARED_SHARE * len(words)


def _foreign_to_body(line: Line, page: Page) -> bool:
    """None of its content words occur in the body: a call to action, a category, a teaser."""
    words = page.stems(line.text)
    return len(words) >= 2 and not any(w in page.body_words for w in words)


def _label_list(line: Line, page: Page) -> bool:
    """A breadcrumb or a list of categories: labels between separators."""
    return len(LABEL_SEPARATOR.findall(line.text)) >= 2


def _standfirst_follows(line: Line, page: Page) -> bool:
    """The next line is a standfirst: a sentence under the headline."""
    following = page.lines[line.index + 1 : line.index + 2]
    return bool(following) and following[0].kind in (Kind.SENTENCE, Kind.PROSE) and (
        following[0].words <= STANDFIRST_MAX_WORDS
    )


def _shares_two_body_words(line: Line, page: Page) -> bool:
    return sum(w in page.body_words for w in page.stems(line.text)) >= 2


def _six_words(line: Line, page: Page) -> bool:
    return line.words >= 6


def _in_title_case(line: Line, page: Page) -> bool:
    return line.words >= 3 and title_case(line.text)


def _prose_kind(line: Line, page: Page) -> bool:
    return line.kind is Kind.PROSE


def _header_block(line: Line, page: Page) -> bool:
    """Header lines under it: bylines, datelines, share bars, picture credits."""
    following = page.lines[line.index + 1 : line.index + 1 + HEADER_LINES]
    return sum(x.kind in HEADER_KINDS for x in following) >= 2


def _after_menu(line: Line, page: Page) -> bool:
    """Menus or page controls just above: the navigation ends where the article starts."""
    before = page.lines[max(0, line.index - MENU_ABOVE_LINES) : line.index]
    return sum(x.kind in (Kind.MENU, Kind.CHROME) for x in before) >= 2


def _shares_lead_words(line: Line, page: Page) -> bool:
    """Half its content words occur in the first two paragraphs after it (the lead)."""
    after = islice((x for x in page.lines[line.index + 1 :] if x.kind is Kind.PROSE), 2)
    lead = set(page.stems(" ".join(x.text for x in after)))
    words = page.stems(line.text)
    return bool(words) and sum(w in lead for w in words) >= SHARED_SHARE * len(words)


def _longest(line: Line, page: Page) -> bool:
    """No title-shaped line around the body's start is longer (SEO headlines run long, section
    labels and calls to action are short)."""
    lo = max(0, page.body_start - HEADLINE_LOOKBACK)
    near = [x for x in page.lines[lo : page.body_start + 3] if x.kind in TITLE_KINDS]
    return bool(near) and line.words >= max(x.words for x in near)


def _cut_short(line: Line, page: Page) -> bool:
    """A teaser cut short with an ellipsis: the page's headline is its full text elsewhere."""
    return line.text.rstrip().endswith(("...", "…"))


def _call_to_action(line: Line, page: Page) -> bool:
    """A short line opening with an imperative verb of page chrome: "Try our calculator",
    "Get the newsletter", "Join the club"."""
    first = line.text.split(maxsplit=1)[0].casefold() if line.text.strip() else ""
    return line.words <= CALL_TO_ACTION_MAX_WORDS and first in CALL_TO_ACTION_VERBS


def _glued_words(line: Line, page: Page) -> bool:
    """Link labels run together where the page had no separator ("NewsMarketsOpinion")."""
    return bool(GLUED_WORDS.search(line.text))


def _in_menu(line: Line, page: Page) -> bool:
    return line.kind is Kind.MENU


def _inside_body(line: Line, page: Page) -> bool:
    return line.index > page.body_start


# Ordered by strength (the absolute weight). The weights were fitted as a conditional logit over
# the candidates of the dev text scrapes (one choice per page), checked corpus by corpus with
# the other corpora held out, and rounded; each rule is a general fact about page layout.
# Later changes are checked the same way: a weight moves only when, chosen on two corpora, it
# leaves the third no worse ("right after a title-shaped line" -0.25 -> -0.75, "prose just
# above" -0.25 -> -0.75, "inside the body" -0.5 -> -1.5, "byline or dateline follows" 1.75 ->
# 2.0); the shape rules added since (a call to action, words glued together: the default -0.5;
# cut short with an ellipsis: -1.0) change no page of news2023 or Readability.
HEADLINE_RULES = (
    # where it stands: the byline/dateline comes right under the headline, with the other
    # header lines (share bar, picture credit); menus end above it; the page's top lines or
    # breadcrumb repeat it
    HeadlineRule("byline or dateline follows", 2.0, _meta_after),
    HeadlineRule("header lines follow", 0.5, _header_block),
    HeadlineRule("standfirst follows", 1.0, _standfirst_follows),
    HeadlineRule("menu just above", 0.75, _after_menu),
    HeadlineRule("echoed in the page", 0.5, _echoed),
    HeadlineRule("byline or dateline just before", 0.25, _meta_before),
    # what it says: the article's subject, above all its lead's
    HeadlineRule("shares its words with the lead", 1.25, _shares_lead_words),
    HeadlineRule("shares its words with the body", 1.25, _shares_body_words),
    HeadlineRule("shares two words or more with the body", 1.25, _shares_two_body_words),
    HeadlineRule("shares no word with the body", -0.5, _foreign_to_body),
    # its shape
    HeadlineRule("four to twenty words", 1.0, _good_length),
    HeadlineRule("six words or more", 1.0, _six_words),
    HeadlineRule("in Title Case", 0.75, _in_title_case),
    HeadlineRule("longest title-shaped line near the body", 0.25, _longest),
    HeadlineRule("reads like a sentence", -1.0, _sentence_like),
    HeadlineRule("prose-length line", -0.25, _prose_kind),
    HeadlineRule("one or two words", -0.5, _too_short),
    HeadlineRule("all capitals", -0.25, _shouted),
    HeadlineRule("a bare name", -0.25, _name_shaped),
    # what it is not: a menu item, a breadcrumb, a subhead, a standfirst
    HeadlineRule("in a list of short lines", -0.25, _in_menu),
    HeadlineRule("labels between separators", -0.5, _label_list),
    HeadlineRule("cut short with an ellipsis", -1.0, _cut_short),
    HeadlineRule("a call to action", -0.5, _call_to_action),
    HeadlineRule("words glued together", -0.5, _glued_words),
    HeadlineRule("inside the body", -1.5, _inside_body),
    HeadlineRule("prose just above", -0.75, _prose_before),
    HeadlineRule("right after a title-shaped line", -0.75, _after_title_line),
)
STANDFIRST_MAX_WORDS = 40
HEADER_LINES = 5  # lines under a candidate looked at for header lines
HEADER_KINDS = (Kind.BYLINE, Kind.DATE, Kind.CHROME, Kind.CREDIT)
MENU_ABOVE_LINES = 4
LABEL_SEPARATOR = re.compile(r"\s[|/>»•·]\s?|[|/>»•·]\s|,\s(?=[A-Z])")
# Words run together where the page had separate links ("NewsMarketsOpinion"): a lower-case
# letter pair, then a capital starting a new word (one such join is a brand name, "YouTube").
GLUED_WORDS = re.compile(r"[a-z]{2}[A-Z][a-z].*[a-z]{2}[A-Z][a-z]")
BARE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")  # a link's address shown as its text
# Calls to action: a short line opening with one of these verbs is a button or a promotion.
CALL_TO_ACTION_VERBS = frozenset(
    [
        "add", "book", "buy", "call", "contact", "download", "explore", "follow", "get", "join",
        "order", "register", "search", "see", "sell", "shop", "sign", "subscribe", "support",
        "try", "view", "watch",
    ]
)
CALL_TO_ACTION_MAX_WORDS = 6
# A numbered item or step of a list ("3. Check the board", "#2 Mind the heat", "Step 4: ...").
NUMBERED_ITEM = re.compile(r"^(?:#\s?\d{1,3}\b|\d{1,3}[.)]\s|step\s+\d+\b)", re.I)
SHARED_SHARE = 0.5  # share of content words found in the body that makes a headline's
STEM_CHARS = 6  # characters kept of each word when comparing vocabularies
PROSE_NEAR = 8  # lines looked at before and after a candidate
PROSE_NEAR_WORDS = 30  # words of prose that make "prose follows" / "prose just above"
NOT_COUNTED = (Kind.CHROME, Kind.DATE, Kind.BYLINE, Kind.CREDIT)  # for the distance penalty
TITLE_KINDS = (Kind.HEADING, Kind.SENTENCE)
TITLE_CASE_SHARE = 0.8
DISTANCE_PENALTY = 0.1  # per line between the candidate and the body
DISTANCE_PENALTY_CAP = 2.5


def headline_score(line: Line, page: Page) -> float:
    """The sum of the weights of the rules that apply, less the distance penalty."""
    score = sum(rule.weight for rule in HEADLINE_RULES if rule.applies(line, page))
    between = page.lines[line.index + 1 : page.body_start]
    counted = [x for x in between if x.kind not in NOT_COUNTED]
    return score - min(DISTANCE_PENALTY * len(counted), DISTANCE_PENALTY_CAP)


def is_headline_shaped(line: Line) -> bool:
    """A line of a kind and length a headline has, and not a bare web address."""
    return (
        line.kind in HEADLINE_KINDS
        and line.words <= HEADLINE_MAX_WORDS
        and len(line.text) <= HEADLINE_MAX_CHARS
        and not BARE_ADDRESS.fullmatch(line.text.strip())
    )


def find_headline(lines: list[Line], body_start: int, body_end: int) -> int | None:
    """The index of the headline line, or None when no line near the body's start is shaped
    like one. Ties go to the line nearer the body."""
    candidates, page = headline_candidates(lines, body_start, body_end)
    if not candidates:
        return None
    best = max(candidates, key=lambda x: (headline_score(x, page), x.index))
    return best.index


def headline_candidates(
    lines: list[Line], body_start: int, body_end: int
) -> tuple[list[Line], Page]:
    """The title-shaped lines where a headline may stand, and the page they are scored on:
    HEADLINE_LOOKBACK lines above the body up to its first real paragraph; above those, any line
    with its byline or dateline under it (a long table of contents or a product box can sit
    between the header and the stretch found as the body; the distance penalty still counts);
    and further into the body stretch a line with its byline or dateline under it while little
    prose precedes it (the stretch opened on a promotion or a notice above the article, or on a
    long headline)."""
    lo = max(0, body_start - HEADLINE_LOOKBACK)
    hi = min(body_end, body_start + HEADLINE_LOOKAHEAD)
    prose = [x.text for x in lines[body_start:body_end] if x.kind is Kind.PROSE]
    page = Page(lines, body_start, frozenset(stems(" ".join(prose))))
    # never past the first real paragraph: a line below it is a subhead
    hi = next((x.index for x in lines[body_start:hi] if x.words >= PARAGRAPH_WORDS), hi)
    candidates = [x for x in lines[lo:hi] if is_headline_shaped(x)]
    candidates[:0] = [x for x in lines[:lo] if is_headline_shaped(x) and _meta_after(x, page)]
    prose_words = sum(x.words for x in lines[body_start:hi] if x.kind is Kind.PROSE)
    for line in lines[hi:body_end]:
        if prose_words > DEEP_PROSE_WORDS:
            break
        if is_headline_shaped(line) and _meta_after(line, page):
            candidates.append(line)
        if line.kind is Kind.PROSE:
            prose_words += line.words
    return candidates, page


# What a headline line may carry that is not the headline, cut off by `clean_headline`:
# 1. a trail of section links before it ("Home › Guides › The headline"): the last crumb is the
#    headline when it has at least TRAIL_MIN_WORDS words (a breadcrumb's separators, spaced);
TRAIL_SEPARATOR = re.compile(r"\s+[›»>/]\s+")
TRAIL_MIN_CRUMBS = 3
TRAIL_MIN_WORDS = 3
# 2. a byline and date glued after it ("The headline by Jane Doe on May 2, 2025"): cut when what
#    follows "by" holds a date within BYLINE_TAIL_MAX_WORDS words.
BYLINE_TAIL = re.compile(r"\s+by\s+(?P<tail>\S.*)$", re.I)
BYLINE_TAIL_MAX_WORDS = 12


def clean_headline(text: str) -> str:
    """The headline without a trail of section links before it or a byline and date after it."""
    return split_headline(text)[0]


def split_headline(text: str) -> tuple[str, str | None]:
    """(the headline, the byline and date cut off its end or None): see `clean_headline`."""
    crumbs = TRAIL_SEPARATOR.split(text)
    if len(crumbs) >= TRAIL_MIN_CRUMBS and len(crumbs[-1].split()) >= TRAIL_MIN_WORDS:
        text = crumbs[-1]
    tail = BYLINE_TAIL.search(text)
    if (
        tail
        and len(tail.group("tail").split()) <= BYLINE_TAIL_MAX_WORDS
        and parse_date(tail.group("tail")) is not None
        and len(text[: tail.start()].split()) >= TRAIL_MIN_WORDS
    ):
        return text[: tail.start()], tail.group("tail")
    return text, None


def stems(text: str) -> list[str]:
    """Content words of `text`, case-folded and cut to STEM_CHARS (a crude, language-blind
    stemmer: "processors" and "processor" meet)."""
    return [
        w[:STEM_CHARS]
        for w in WORD.findall(text.casefold())
        if w not in STOPWORDS and not w.isdigit() and len(w) > 1
    ]


def _word_counts(text: str) -> tuple[Counter[str], int]:
    """The case-folded word tokens of `text` counted, and their number."""
    counts = Counter(WORD.findall(text.casefold()))
    return counts, sum(counts.values())


def token_f1(a: str, b: str) -> float:
    """Token overlap of two lines (case-folded word tokens), as F1."""
    return _f1(_word_counts(a), _word_counts(b))


def _f1(a: tuple[Counter[str], int], b: tuple[Counter[str], int]) -> float:
    """F1 of two texts' counted words (`_word_counts`)."""
    (ta, na), (tb, nb) = a, b
    matched = sum((ta & tb).values())
    if not matched:
        return 0.0
    precision, recall = matched / na, matched / nb
    return 2 * precision * recall / (precision + recall)



