"""Plain-text scrapes: the same Article as the HTML extractor, found from the shape of lines.

A scrape is what a reader copied of a page as text: the headline and body paragraphs surrounded
by the page's chrome. `extract_text` works in four steps, each a function below:

1. classify every line by general features (digest.ingest.lines): prose, headings, short
   lines, menus, repeated lines, page controls, credits, bylines, datelines, section ends;
2. the body is the densest stretch of prose: the contiguous run of lines with the highest total
   score (REGION_WEIGHTS), which bridges a subhead or an ad label but not a menu or a trailing
   "Related stories" section;
3. the headline is the best title-shaped line before the body (HEADLINE_RULES): close to it,
   next to the byline and dateline, echoed elsewhere in the page; captions, credits,
   standfirsts and share lines are not headlines;
4. byline and date come from the lines around the headline, author and site from the trailing
   chrome when the top does not name them (digest.ingest.scrapemeta).

A page with prose but no clear article comes back marked `low_confidence`; only a page without
any prose at all raises ExtractionError.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from digest.errors import ExtractionError
from digest.ingest.lines import STOPWORDS, WORD, Kind, Line, classify
from digest.ingest.scrapemeta import (
    NAME_ONLY,
    author_from_chrome,
    byline_and_date,
    first_date,
    site_from_chrome,
)
from digest.models import Article

# Step 2: what each kind of line adds to (or takes from) a stretch of body. Prose earns in
# proportion to its length, so one long paragraph outweighs a few stray short lines.
REGION_WEIGHTS: dict[Kind, float] = {
    Kind.PROSE: 1.0,  # plus PROSE_PER_WORD for each word, up to PROSE_WORD_CAP
    Kind.SENTENCE: 0.5,  # a short sentence: a one-line paragraph, or a caption
    Kind.HEADING: -0.5,  # a subhead costs little; a list of teaser titles adds up
    Kind.SHORT: -1.0,
    Kind.DATE: -1.0,
    Kind.BYLINE: -1.0,
    Kind.CREDIT: -1.0,
    Kind.CHROME: -1.5,
    Kind.REPEATED: -2.0,
    Kind.MENU: -2.0,
    Kind.END: -12.0,  # "Related stories", "Comments": the article is over
}
GAP_CAP = 6.0  # the most a run of non-body lines without a section end costs
PROSE_PER_WORD = 1 / 8
PROSE_WORD_CAP = 80
LOW_STOPWORD_RATIO = 0.12  # prose with fewer function words (lists of names, keywords) ...
LOW_STOPWORD_FACTOR = 0.3  # ... earns this share of its weight

# What a body stretch keeps: body-shaped lines; captions (a line right before a credit) go.
KEEP_KINDS = frozenset({Kind.PROSE, Kind.SENTENCE, Kind.HEADING, Kind.SHORT})

# Step 3: where the headline is looked for, relative to the body's first line.
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
ECHO_TOP_LINES = 15  # the page's first lines, where a <title>-like copy of the headline sits

# Confidence: below this many words of prose in the body the result is marked low-confidence.
LOW_CONFIDENCE_WORDS = 60


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # first line of the body stretch
    end: int  # one past its last line
    score: float


def extract_text(text: str, *, source: str, url: str | None = None) -> Article:
    """Extract headline, byline, date, site name and body paragraphs from a text scrape."""
    lines = classify(text)
    if not any(line.kind in (Kind.PROSE, Kind.SENTENCE) for line in lines):
        raise ExtractionError(source, "no article text found (no line reads like prose)")
    region = body_region(lines)
    headline = find_headline(lines, region)
    start = region.start
    if headline is not None and headline >= start:
        start = headline + 1
    body = [line for line in body_lines(lines[start : region.end])]
    if not body:  # the stretch held only the headline: take what follows it
        body = [line for line in lines[start:] if line.kind is Kind.PROSE][:1]
    if not body:
        raise ExtractionError(source, "no article text found (no paragraph after the headline)")
    author, published = byline_and_date(lines, headline, start)
    trailing = [line.text for line in lines[region.end :]]
    everything = [line.text for line in lines]
    title = lines[headline].text if headline is not None else _fallback_title(lines, body)
    prose_words = sum(line.words for line in body if line.kind is Kind.PROSE)
    return Article(
        source=source,
        title=title,
        paragraphs=[line.text for line in body],
        author=author or author_from_chrome(trailing) or author_from_chrome(everything),
        published=published or first_date(lines[: region.end]),
        site_name=site_from_chrome(trailing) or site_from_chrome(everything),
        url=url,
        low_confidence=headline is None or prose_words < LOW_CONFIDENCE_WORDS,
    )


# --- step 2: the body -------------------------------------------------------------------------


def line_weight(line: Line) -> float:
    """What a line adds to a body stretch (REGION_WEIGHTS)."""
    weight = REGION_WEIGHTS[line.kind]
    if line.kind is Kind.PROSE:
        weight += min(line.words, PROSE_WORD_CAP) * PROSE_PER_WORD
        if line.stop_ratio < LOW_STOPWORD_RATIO:
            weight *= LOW_STOPWORD_FACTOR
    return weight


def body_region(lines: list[Line]) -> Region:
    """The contiguous stretch of lines with the highest total weight (Kadane's maximum subarray
    over runs of lines): a run of negative lines costs at most GAP_CAP, so a product box or an
    embedded link list inside the article does not split it, unless the run holds a section end
    (END), which costs in full. The stretch starts and ends on a positive line."""
    runs: list[tuple[int, int, float]] = []  # (start, end, weight) of same-sign runs
    for i, line in enumerate(lines):
        weight = line_weight(line)
        positive = weight > 0
        if runs and (runs[-1][2] > 0) == positive and not (runs[-1][2] == 0 and positive):
            start, _, total = runs[-1]
            runs[-1] = (start, i + 1, total + weight)
        else:
            runs.append((i, i + 1, weight))
    best = Region(0, 0, float("-inf"))
    total, start = 0.0, 0
    for run_start, run_end, weight in runs:
        if weight <= 0 and not any(x.kind is Kind.END for x in lines[run_start:run_end]):
            weight = max(weight, -GAP_CAP)
        if total <= 0:
            total, start = weight, run_start
        else:
            total += weight
        if total > best.score:
            best = Region(start, run_end, total)
    return best


def body_lines(stretch: list[Line]) -> list[Line]:
    """The lines of a body stretch that are article text: body-shaped kinds, minus captions
    (a line directly followed by a credit line)."""
    kept: list[Line] = []
    for i, line in enumerate(stretch):
        if line.kind not in KEEP_KINDS:
            continue
        following = stretch[i + 1] if i + 1 < len(stretch) else None
        if following is not None and following.kind is Kind.CREDIT and line.words <= 40:
            continue  # a caption: its credit follows it
        kept.append(line)
    return kept


# --- step 3: the headline ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeadlineRule:
    """One thing that makes a line more (weight > 0) or less likely the headline."""

    name: str
    weight: float
    applies: Callable[[Line, list[Line], int], bool]  # (candidate, all lines, body start)


def _meta_after(line: Line, lines: list[Line], body_start: int) -> bool:
    following = lines[line.index + 1 : line.index + 1 + META_NEAR]
    return any(x.kind in (Kind.BYLINE, Kind.DATE) for x in following)


def _meta_before(line: Line, lines: list[Line], body_start: int) -> bool:
    before = lines[max(0, line.index - 2) : line.index]
    return any(x.kind in (Kind.BYLINE, Kind.DATE) for x in before)


def _echoed(line: Line, lines: list[Line], body_start: int) -> bool:
    """The page states the headline earlier too: in its first lines (where a <title>-like copy
    sits) or in the breadcrumb above it. (A name repeated further down is an author box.)"""
    earlier = lines[: line.index]
    return any(x.words >= 2 and token_f1(x.text, line.text) >= ECHO_F1 for x in earlier)


def _after_title_line(line: Line, lines: list[Line], body_start: int) -> bool:
    """A standfirst or caption: it follows a title-shaped line directly (the headline comes
    first; kickers above a headline are short or end in a colon)."""
    if line.index == 0:
        return False
    previous = lines[line.index - 1]
    return (
        previous.kind in TITLE_KINDS
        and previous.words >= 4
        and not previous.text.endswith(":")
    )


def title_case(text: str) -> bool:
    """Most words that are not function words start with a capital."""
    words = [w for w in WORD.findall(text) if w.lower() not in STOPWORDS and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _good_length(line: Line, lines: list[Line], body_start: int) -> bool:
    return 4 <= line.words <= 20


def _too_short(line: Line, lines: list[Line], body_start: int) -> bool:
    return line.words <= 2


def _sentence_like(line: Line, lines: list[Line], body_start: int) -> bool:
    """A standfirst or caption: it ends like a sentence and runs long."""
    return line.text.endswith((".", ",", ";")) and line.words > 8


def _ends_with_colon(line: Line, lines: list[Line], body_start: int) -> bool:
    return line.text.endswith(":")


def _lowercase_start(line: Line, lines: list[Line], body_start: int) -> bool:
    first = line.text[:1]
    return first.isalpha() and first.islower()


def _shouted(line: Line, lines: list[Line], body_start: int) -> bool:
    return line.text.isupper()


def _name_shaped(line: Line, lines: list[Line], body_start: int) -> bool:
    """A byline without "By": two to four capitalised words and nothing else."""
    return line.words <= 4 and bool(NAME_ONLY.fullmatch(line.text))


def _prose_after(line: Line, lines: list[Line], body_start: int) -> bool:
    """The article follows: prose within the next few lines."""
    following = lines[line.index + 1 : line.index + 1 + PROSE_NEAR]
    return sum(x.words for x in following if x.kind is Kind.PROSE) >= PROSE_NEAR_WORDS


def _prose_before(line: Line, lines: list[Line], body_start: int) -> bool:
    """A subhead: body prose just above it."""
    before = lines[max(0, line.index - PROSE_NEAR) : line.index]
    return sum(x.words for x in before if x.kind is Kind.PROSE) >= PROSE_NEAR_WORDS


def _in_menu(line: Line, lines: list[Line], body_start: int) -> bool:
    return line.kind is Kind.MENU


def _inside_body(line: Line, lines: list[Line], body_start: int) -> bool:
    return line.index > body_start


# Ordered by strength. A headline opens the article: the prose follows it, its byline and
# dateline sit next to it, the page often repeats it at the top; what is not a headline is too
# short, a sentence (standfirst, caption), a label ending in a colon, a bare name, or a subhead
# with body prose above it.
HEADLINE_RULES = (
    HeadlineRule("byline or dateline follows", 3.0, _meta_after),
    HeadlineRule("echoed in the page", 2.0, _echoed),
    HeadlineRule("prose follows", 1.5, _prose_after),
    HeadlineRule("byline or dateline just before", 1.0, _meta_before),
    HeadlineRule("four to twenty words", 1.0, _good_length),
    HeadlineRule("one or two words", -3.0, _too_short),
    HeadlineRule("reads like a sentence", -2.5, _sentence_like),
    HeadlineRule("ends with a colon", -3.0, _ends_with_colon),
    HeadlineRule("starts in lower case", -2.0, _lowercase_start),
    HeadlineRule("prose just above", -2.0, _prose_before),
    HeadlineRule("a bare name", -2.5, _name_shaped),
    HeadlineRule("right after a title-shaped line", -1.5, _after_title_line),
    HeadlineRule("all capitals", -1.0, _shouted),
    HeadlineRule("in a list of short lines", -1.5, _in_menu),
    HeadlineRule("inside the body", -1.0, _inside_body),
)
PROSE_NEAR = 8  # lines looked at before and after a candidate
PROSE_NEAR_WORDS = 30  # words of prose that make "prose follows" / "prose just above"
NOT_COUNTED = (Kind.CHROME, Kind.DATE, Kind.BYLINE, Kind.CREDIT)  # for the distance penalty
TITLE_KINDS = (Kind.HEADING, Kind.SENTENCE)
TITLE_CASE_SHARE = 0.8
DISTANCE_PENALTY = 0.15  # per line between the candidate and the body
DISTANCE_PENALTY_CAP = 4.0


def headline_score(line: Line, lines: list[Line], body_start: int) -> float:
    score = sum(rule.weight for rule in HEADLINE_RULES if rule.applies(line, lines, body_start))
    between = [x for x in lines[line.index + 1 : body_start] if x.kind not in NOT_COUNTED]
    return score - min(DISTANCE_PENALTY * len(between), DISTANCE_PENALTY_CAP)


def is_headline_shaped(line: Line) -> bool:
    return (
        line.kind in HEADLINE_KINDS
        and line.words <= HEADLINE_MAX_WORDS
        and len(line.text) <= HEADLINE_MAX_CHARS
    )


def find_headline(lines: list[Line], region: Region) -> int | None:
    """The index of the headline line, or None when no line near the body's start is shaped
    like one. Ties go to the line nearer the body."""
    lo = max(0, region.start - HEADLINE_LOOKBACK)
    hi = min(region.end, region.start + HEADLINE_LOOKAHEAD)
    # never past the first real paragraph: a line below it is a subhead
    hi = next((x.index for x in lines[region.start : hi] if x.words >= PARAGRAPH_WORDS), hi)
    candidates = [x for x in lines[lo:hi] if is_headline_shaped(x)]
    if not candidates:
        return None
    best = max(candidates, key=lambda x: (headline_score(x, lines, region.start), x.index))
    return best.index


def _fallback_title(lines: list[Line], body: list[Line]) -> str:
    """A title when no line is shaped like a headline: the first sentence of the body."""
    first = body[0].text
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:20]) + ("…" if len(words) > 20 else "")


def token_f1(a: str, b: str) -> float:
    """Token overlap of two lines (case-folded word tokens), as F1."""
    ta, tb = Counter(WORD.findall(a.casefold())), Counter(WORD.findall(b.casefold()))
    matched = sum((ta & tb).values())
    if not matched:
        return 0.0
    precision, recall = matched / sum(ta.values()), matched / sum(tb.values())
    return 2 * precision * recall / (precision + recall)



