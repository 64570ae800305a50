"""Plain-text scrapes: the same Article as the HTML extractor, found from the shape of lines.

A scrape is what a reader copied of a page as text: the headline and body paragraphs surrounded
by the page's chrome. `extract_text` works in four steps, each a function below:

1. classify every line by general features (digest.ingest.lines): prose, headings, short
   lines, menus, repeated lines, page controls, credits, bylines, datelines, section ends;
2. the body is the densest stretch of prose: the contiguous run of lines with the highest total
   score (REGION_WEIGHTS), which bridges a subhead or an ad label but not a menu or a trailing
   "Related stories" section;
3. the headline is the best title-shaped line before the body (digest.ingest.headline): close to it,
   next to the byline and dateline, echoed elsewhere in the page; captions, credits,
   standfirsts and share lines are not headlines;
4. byline and date come from the lines around the headline, author and site from the trailing
   chrome when the top does not name them (digest.ingest.scrapemeta).

A page with prose but no clear article comes back marked `low_confidence`; only a page without
any prose at all raises ExtractionError.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.errors import ExtractionError
from digest.ingest.headline import find_headline, split_headline
from digest.ingest.lines import PROSE_MIN_WORDS, Kind, Line, classify
from digest.ingest.scrapemeta import (
    author_from_chrome,
    byline_and_date,
    clean_name,
    first_date,
    lowercase_words,
    site_from_chrome,
)
from digest.models import Article
from digest.text.dates import parse_date
from digest.text.sentences import sentence_end

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

FALLBACK_MIN_WORDS = 6  # repeated lines this long count as text when nothing else does

# A dateline this many lines under the body's end still dates it ("Posted on ..." closing the
# article) when none stands above.
DATE_AFTER_BODY = 6

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
    weak = not any(line.kind in (Kind.PROSE, Kind.SENTENCE) for line in lines)
    if weak:
        # no line reads like prose: a page whose every sentence repeats (a portfolio, a teaser
        # grid) still has text; a page of menus and labels has none
        for line in lines:
            if line.kind is Kind.REPEATED and line.words >= FALLBACK_MIN_WORDS:
                line.kind = Kind.PROSE if line.words >= PROSE_MIN_WORDS else Kind.SENTENCE
    if not any(line.kind in (Kind.PROSE, Kind.SENTENCE) for line in lines):
        raise ExtractionError(source, "no article text found (no line reads like prose)")
    region = body_region(lines)
    headline = find_headline(lines, region.start, region.end)
    start = region.start
    if headline is not None and headline >= start:
        start = headline + 1
    body = body_lines(lines[start : region.end])
    if not body:  # the stretch held only the headline: take the prose after it, or the stretch
        weak = True
        body = [line for line in lines[start:] if line.kind is Kind.PROSE][:1]
        body = body or body_lines(lines[region.start : region.end])
    if not body:
        raise ExtractionError(source, "no article text found (no paragraph after the headline)")
    author, published = byline_and_date(lines, headline, start, region.end)
    trailing = [line.text for line in lines[region.end :]]
    everything = [line.text for line in lines]
    byline_in_title: str | None = None
    if headline is not None:
        title, byline_in_title = split_headline(lines[headline].text)
    else:
        title = _fallback_title(lines, body)
    if byline_in_title:  # "The headline by Jane Doe on May 2, 2025"
        author = author or clean_name(byline_in_title)
        published = published or parse_date(byline_in_title)
    prose_words = sum(line.words for line in body if line.kind is Kind.PROSE)
    return Article(
        source=source,
        title=title,
        paragraphs=[line.text for line in body],
        author=author or _author_from_chrome(trailing, everything, body),
        published=published or first_date(lines[: region.end + DATE_AFTER_BODY]),
        site_name=site_from_chrome(trailing) or site_from_chrome(everything),
        url=url,
        low_confidence=weak or headline is None or prose_words < LOW_CONFIDENCE_WORDS,
    )


def _author_from_chrome(trailing: list[str], everything: list[str], body: list[Line]) -> str | None:
    """The author named in the chrome after the body, or anywhere on the page (a name is not
    a run of words the body writes in lower case)."""
    body_lower = lowercase_words(body)
    return author_from_chrome(trailing, body_lower) or author_from_chrome(everything, body_lower)


# --- step 2: the body -------------------------------------------------------------------------


def line_weight(line: Line, english: bool = True) -> float:
    """What a line adds to a body stretch (REGION_WEIGHTS). Function words are English ones, so
    they only count on a page whose prose is English."""
    weight = REGION_WEIGHTS[line.kind]
    if line.kind is Kind.PROSE:
        weight += min(line.words, PROSE_WORD_CAP) * PROSE_PER_WORD
        if english and line.stop_ratio < LOW_STOPWORD_RATIO:
            weight *= LOW_STOPWORD_FACTOR
    return weight


def reads_english(lines: list[Line]) -> bool:
    """Most prose lines hold English function words (the median line's share is not low)."""
    ratios = sorted(x.stop_ratio for x in lines if x.kind is Kind.PROSE)
    return not ratios or ratios[len(ratios) // 2] >= LOW_STOPWORD_RATIO


def body_region(lines: list[Line]) -> Region:
    """The contiguous stretch of lines with the highest total weight (Kadane's maximum subarray
    over runs of lines): a run of negative lines costs at most GAP_CAP, so a product box or an
    embedded link list inside the article does not split it, unless the run holds a section end
    (END), which costs in full. The stretch starts and ends on a positive line."""
    runs: list[tuple[int, int, float]] = []  # (start, end, weight) of same-sign runs
    english = reads_english(lines)
    for i, line in enumerate(lines):
        weight = line_weight(line, english)
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


def _fallback_title(lines: list[Line], body: list[Line]) -> str:
    """A title when no line is shaped like a headline: the first sentence of the body."""
    first = body[0].text
    sentence = first[: sentence_end(first) or len(first)]
    words = sentence.split()
    return " ".join(words[:20]) + ("…" if len(words) > 20 else "")
