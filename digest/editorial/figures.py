"""Numbers that measure something: paragraphs -> [Figure], most important first.

A figure is a number with its unit as written: digits ("40%", "$35.1 billion", "Rs 13,911 crore",
"46.4 cubic feet per minute", "2x to 3x", "8-GPU") or words ("six", "tens of thousands", "a
third", "one in ten", "twice", "four years"). Qualifiers such as "up to" or "more than" stay in
the context, not the value. The units, currencies, scales and number words are the table in
`data/units.yml` (see units.py); the context is the figure's own clause (figure_context.py).

Not figures: years and dates, times of day, quarters and fiscal periods, ordinals and ranks,
phone numbers, street addresses, ZIP codes, footnotes, digits that belong to a name ("M4",
"H100", "Gaudi 3", "Intel 4"), number words inside names ("Big Three") and in idioms ("one of
the", "no one", "double down", "first half").

All patterns and word lists are data below; `find_figures` only applies them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.editorial.figure_context import measure_context
from digest.editorial.figure_words import (
    LABEL_WORDS,
    is_word_figure,
    refers_back,
    word_number_value,
)
from digest.editorial.figures_kind import CURRENCY_START as _CURRENCY_START
from digest.editorial.figures_kind import FRAC as _FRAC
from digest.editorial.figures_kind import FigureKind as FigureKind  # public here too
from digest.editorial.figures_kind import U
from digest.editorial.figures_kind import alternation as _alt
from digest.editorial.figures_kind import figure_kind as figure_kind  # public here too
from digest.editorial.figures_kind import kind_of as _kind
from digest.editorial.units import unit_quantity
from digest.models import Figure
from digest.text.dates import MONTH_WORDS
from digest.text.normalize import collapse_whitespace, squeeze
from digest.text.sentences import ends_sentence, sentence_spans

# --- data ---------------------------------------------------------------------------------------

# A number joined to words by hyphens is one value ("12-high", "10-core", "8-GPU", "two-year",
# "7,500-square-foot", "four-year-old").
HYPHEN_COMPOUND = r"-[A-Za-z]{2,}(?:-[a-z]{2,}){0,2}(?![-\w])"
# What a rate is "per" after a unit ("10 million tons per year", "70 watts per hour"); "a year"
# stays out ("8 hours a day", "$250,000 a year": the period is context).
RATE_DENOMINATORS: tuple[str, ...] = ("year", "month", "week", "day", "hour", "minute",
                                      "second", "person", "capita", "acre", "kilowatt-hour",
                                      # energy per unit of data ("4.5 picojoules per bit")
                                      "bit", "byte", "token", "operation")
# Separators of a range written as one figure ("20% to 25%", "$2 or $3", "1 through 10").
RANGE_SEPARATORS: tuple[str, ...] = ("to", "through", "or", "and", "-", "–")
# "and" joins a range only after "between" ("between 22 and 25", "between the ages of 22 and
# 25", within this many words); elsewhere it joins two figures.
RANGE_AND_OPENER = "between"
RANGE_AND_REACH = 4
# Words before "X to Y" that make it a change between two figures, not a range.
CHANGE_WORDS: frozenset[str] = frozenset({"from", "by"})
# "from X to Y" of money, shares or counts is a change ("cut from $47bn to $8bn"); of a unit
# quantity a range ("from 10Hz to 120Hz") unless a word of change is close ("rose from 3 W").
CHANGE_MARKERS: frozenset[str] = frozenset((  # noqa: SIM905 (a word list read as prose)
    "rose rise rises rising fell fall falls falling grew grow grows growing jumped jump climbed "
    "climb dropped drop declined decline increased increase increases decreased decrease cut "
    "cuts raised raise raises lowered lower lowers up down went moved shrank shrink soared slid "
    "slipped surged plunged doubled tripled halved changed change boosted reduced reduce "
    "expanded widened narrowed improved growth gain gains hike hiked slashed trimmed lifted "
    "upgraded downgraded").split())
CHANGE_REACH = 6  # words before "from" searched for a change marker
MONTHS: tuple[str, ...] = tuple(sorted(word.capitalize() for word in MONTH_WORDS))
# Capitalised words that may precede a bare count without making it part of a product name.
CAPITALISED_NON_NAMES: frozenset[str] = frozenset({
    "about", "around", "nearly", "almost", "over", "some", "only", "just", "all", "the",
    "roughly", "another", "and", "but", "with", "by", "of", "to", "in", "at", "for", "up",
    "more", "less", "fewer", "than", "least", "approximately", "its", "their", "his", "her",
    "between", "after", "since", "from", "under", "within", "among", "across", "as", "when",
    "while", "if", "each", "every", "these", "those", "this", "that", "there", "many", "most",
})
# Words before a bare number followed by a singular noun that make it a name ("the 777 program").
DETERMINERS: frozenset[str] = frozenset({"the", "a", "an", "its", "their", "this", "that",
                                         "his", "her", "our", "each", "every"})
# Words after a number that make it a time, a period or an ordinal.
NOT_UNIT_FOLLOWERS: tuple[str, ...] = ("a.m.", "p.m.", "am", "pm", "o'clock", "GMT", "UTC", "ET",
                                       "PT", "CET", "BST", "st", "nd", "rd", "th")
# Kinds whose value, written again, names the same thing again (unless the noun after differs).
# Percentages and bare counts recur for different things ("grew 40% in Asia", "fell 40% in
# Europe") and are kept.
REPEAT_KINDS: frozenset[str] = frozenset({"unit", "money", "scaled"})
# Counts this large ("34,000", "6,300") written again count the same thing again; percentages
# and small counts written again with the same noun after them ("a 50% reduction") do too.
# A count in words at a sentence start from this size on is the same count as its digits.
SPELT_OUT_MIN = 10
# Rank weights: money and percentages lead a digest, multipliers and field units next, counts last.
KIND_WEIGHTS: dict[str, float] = {"money": 3.0, "percent": 2.5, "multiplier": 2.5, "unit": 1.5,
                                  "scaled": 1.5, "count": 0.5}
# Rank bonus by paragraph: the lead carries the figure a reader quotes first (news puts the key
# number in the first or second paragraph).
PARAGRAPH_WEIGHTS: tuple[float, ...] = (1.5, 0.75)
COMPARISON_WEIGHT = 0.5  # a figure the text compares ("up 84% from a year earlier") ranks higher
WORD_NUMBER_PENALTY = 0.25  # a count in words ("two") ranks below the same count in digits
# Words after a value that say nothing about what it measures (for telling repeats apart).
FUNCTION_WORDS: frozenset[str] = frozenset({
    "and", "or", "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "is", "was", "are", "were", "be", "that", "which", "than", "as", "version", "versions",
})

# A name written with a lower-case first letter and a capital inside ("iPhone", "iPad",
# "eSIM"): the number after it is part of the name ("iPhone 15"), like "Gaudi 3".
CAMEL_NAME = re.compile(r"^[a-z]{1,3}[A-Z][\w-]*$")
# A second model number after a connector ("GTX 1080 & 1070", "GTX 1050 / 1050 Ti").
SECOND_MODEL_NUMBER = re.compile(r"[A-Z][\w-]*\s+\d+(?:\s+[A-Z][a-z]?\w*)?\s*(?:&|/)\s*$")
# Compounds whose number names a year or a format, not a quantity ("2019-launched",
# "2024-era", "7.1-channel", "5.1-channel").
NAME_COMPOUND = re.compile(r"^(?:(?:1[5-9]|20)\d{2}-[a-z]+|\d\.\d-channel)$", re.I)

# --- patterns built from the data ---------------------------------------------------------------

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CARD = _alt([c for c in U.cardinals if c != "hundred"])
_WORD_NUMBER = r"\b(?i:(?:" + _CARD + r")(?:(?:-\s?|\s)(?:" + _CARD + r"|hundred)\b){0,3})\b"
# a number with its currency, scale and unit
_CORE = (r"(?:(?:" + U.currency_prefix + r")\s?(?:" + _DIGITS + r")"
         r"(?:[MBmk](?![A-Za-z0-9]))?"  # "$5m", "£1M", "$2B"
         r"|(?:" + _DIGITS + r")(?:\+|-ish|\s+plus(?=\s+(?:" + U.unit + r")\b))?|"
         + _WORD_NUMBER + r")")  # "80 plus percent": the hedge inside the figure stays
_ONE_VALUE = (
    _CORE + r"(?:\s?(?:" + U.scale + r")\b){0,2}"
    r"(?:" + HYPHEN_COMPOUND + r"|(?:\s|-)?(?:" + U.unit + r")(?![A-Za-z0-9])"
    r"(?:\sper\s(?:" + "|".join(RATE_DENOMINATORS) + r")\b)?)?"
)
_RANGE = r"(?:\s?(?:-|–|\+/-|±)\s?|\s(?:to|through|or|and)\s)"
# Dimensions ("100 x 100 pixels", "1920×1080", "30 x 40 x 10 cm"): one figure.
_DIMENSIONS = (
    r"(?:" + _DIGITS + r")(?:\s?[x×]\s?(?:" + _DIGITS + r")){1,2}"
    r"(?:\s?(?:" + U.unit + r")(?![A-Za-z0-9]))?"
)
_SPECIAL = (
    # "half a million years", "half a billion"
    r"\b(?i:half\s+an?\s+(?:" + _alt(U.after_article) + r"))\b"
    r"(?:\s(?:" + U.unit + r")(?![A-Za-z0-9]))?"
    # "one in ten", "1 in 5", "one out of four"
    r"|\b(?i:(?:" + _CARD + r"|\d{1,2})\s+(?:in|out\s+of)\s+(?:" + _CARD + r"|\d{1,3}(?![\d,])))\b"
    # "two-thirds", "one-half", "three quarters of"
    r"|\b(?i:(?:" + _CARD + r")(?:-(?:" + _FRAC + r")|\s+(?:" + _FRAC + r")(?=\s+of\b)))\b"
    # "a dozen", "a million", "a third", "a hundred percent"
    r"|\b(?i:an?\s+(?:" + _alt(U.after_article) + r"))\b"
    r"(?:\s(?:" + U.unit + r")(?![A-Za-z0-9]))?"
    # "tens of thousands", "hundreds", "billions"
    r"|\b(?i:" + _alt(U.vague_scales) + r")\b"
    # "half", "twice", "doubled"
    r"|\b(?i:half|" + _alt(U.multiples) + r")\b(?!-)"
)
_VALUE = re.compile(
    r"(?<![\w.,/:$€£¥₹-])"
    r"(?P<value>" + _DIMENSIONS + r"|" + _SPECIAL + r"|" + _ONE_VALUE + r"(?:" + _RANGE
    + _ONE_VALUE + r")?)"
    r"(?![\w])",
)
_MONTH = _alt(MONTHS)
_DATE = re.compile(
    r"(?=[\d" + "".join(sorted({m[0] for m in MONTHS})) + r"])"
    r"(?:\b(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r")\.?(?:,?\s+\d{4})?\b"
    r"|\b(?:" + _MONTH + r")\.?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
_TIME = re.compile(r"(?=\d)(?:\b\d{1,2}(?::\d{2})+\s?(?:a\.m\.|p\.m\.|am|pm)?"
                   r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)(?!\w))", re.I)
# Footnote marks ("[1]") and journal citations ("2015; 28: 685-690"): references, not measures.
_FOOTNOTE = re.compile(r"\[\s?\d{1,3}\s?\]")
_CITATION = re.compile(
    r"(?=[12])\b(?:19|20)\d{2}\s?;\s?\d+(?:\s?\(\d+\))?\s?:\s?\d+(?:\s?[-–]\s?\d+)?"
)
# Model numbers written with a hyphen ("787-9"): three or more digits, then a shorter part.
_MODEL_NUMBER = re.compile(r"(?=\d)(?<![\w.,$€£])\d{3,}-\d{1,2}(?![\w%,.]\d|[\w%])")
_PHONE = re.compile(
    r"(?=[+(\d])(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"
)
_QUARTER = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12]|FY)\s?'?\d{2,4}\b|\b(?:Q[1-4]|H[12])\b", re.I)
# Street addresses ("170 N. Dearborn St.", "1600 Amphitheatre Parkway"), ZIP codes after a state
# code ("CA 94043"), and the round-the-clock "24/7".
_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|"
    r"Parkway|Pkwy|Highway|Hwy|Square|Sq)\b\.?"
)
_ZIP = re.compile(r"\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b")
_ROUND_THE_CLOCK = re.compile(r"\b24/7\b")
# Sizes named by two numbers ("a 2-by-6", "a 2-by-4 board"): a name of the size, not a measure.
_BY_SIZE = re.compile(r"\b\d+-by-\d+\b")
# A bare four-digit number from 1500 to 2099 is a year ("in 1860", "2024"); a count that size
# is written with a comma ("1,860").
_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2}$")
_YEAR_RANGE = re.compile(r"^(?:1[5-9]|20)\d{2}\s?[-–]\s?(?:(?:1[5-9]|20)?\d{2})$")
_DIGIT = re.compile(r"\d")
_WORD_NUMBER_RE = re.compile(_WORD_NUMBER)
_LARGE_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d{4,}")
# A list number: a paragraph that is only a number, or a number with a period opening one.
_TRAILING_LIST_NUMBER = re.compile(r"\d{1,2}")
_LIST_NUMBER = re.compile(r"^\(?\d{1,2}(?:[.)](?:\s|$)|$)")
# A number followed by a capitalised function word belongs to a name ("7 On Your Side").
_NAME_AFTER = re.compile(
    r"^\s(?:(?:On|Of|In|The|And|For|To|At|With|By)\s+[A-Z]|[A-Z][A-Za-z]+\s+[A-Z][a-z]+\b)"
)
# ... unless the capitalised words modify a plural noun after them and the number is no bare
# code ('three Noise Control modes', 'over 1K App Store reviews'; not '503 Service Unavailable
# errors').
_MODIFIER_AFTER = re.compile(r"^\s[A-Z][A-Za-z]+\s+[A-Z][a-z]+\s+[a-z]+s\b")
# A list number inside a run-on paragraph: "Key results: 1. vLLM reduces ..." (the period does
# not end a sentence there, a lower-case word follows).
_INLINE_LIST_NUMBER = re.compile(r"^\.\s+[a-z]")
# A list mark inside a paragraph: a number of one or two digits, a period, a capitalised word.
_RUN_ON_LIST_MARK = re.compile(r"(?<![\d.,$€£])\b(\d{1,2})\.\s+(?=[A-Za-z])")
LIST_RUN_MIN = 3  # 'scored 2. Then 3.' is two scores; '1. ... 2. ... 3.' is a list
# The rate after a money value ("18 cents per day"): context, not value.
_RATE_TAIL = re.compile(r"\sper\s\S+$")
# A value assigned in code or a setting ("LIMIT= 1", "threads = 4").
_ASSIGNED = re.compile(r"=\s?$")
_SPLIT_RANGE = re.compile(r"(?P<a>.+?)(?P<sep>" + _RANGE + r")(?P<b>.+)")
_NOT_UNIT_CHARS = re.compile(r"[\d.,\s]+")
_MODEL_MULTIPLIER = re.compile(r"\d{3,}(?:\.\d+)?[xX]")
_PLURAL_OR_POSSESSIVE = re.compile(r"^(?:s\b|’s\b|'s\b)")
_NOT_UNIT_FOLLOWER = re.compile(r"^(?:" + _alt(NOT_UNIT_FOLLOWERS) + r")\b")
_ORDINAL_SUFFIX = re.compile(r"^[-–]?(?:st|nd|rd|th)\b")
_PRODUCT_SUFFIX = re.compile(r"^\s?(?:Gen|Pro|Max|Ultra|Plus|Mini)\b")
_VERSION_TAIL = re.compile(r"^[.:/]\d")
_LEADING_NUMBER = re.compile(r"^(?:" + U.currency_prefix + r")?\s?(?:" + _DIGITS + r")")
_WORD_START = re.compile(r"^(?i:" + _CARD + r"|half|an?\b|tens|hundreds|thousands|millions|"
                         r"billions|trillions|dozens|" + _alt(U.multiples) + r")")


@dataclass(frozen=True, slots=True)
class _Found:
    value: str
    context: str
    kind: str
    para: int
    pos: int
    comparison: bool
    words: bool  # written in words ("six", "a third")
    follower: str = ""  # the noun right after the value, to tell repeats from new measures
    anaphoric: bool = False  # "the two entities": a set that may have been counted before


# --- public API ---------------------------------------------------------------------------------


def find_figures(paragraphs: Sequence[str]) -> list[Figure]:
    """Every figure in `paragraphs`, most important first; each value once per thing measured."""
    found: list[_Found] = []
    for i, para in enumerate(paragraphs):
        found.extend(_figures_in_paragraph(i, collapse_whitespace(para)))
    found = _drop_repeats(found)
    # a count spelt out because it opens a sentence and given again in digits ('Forty-five
    # deals were announced ... of the 45 deals') is one figure, kept in digits
    digits = {squeeze(f.value).replace(",", "") for f in found if not f.words}
    found = [f for f in found if not (f.words and f.value[:1].isupper() and (
        (n := word_number_value(f.value)) or 0) >= SPELT_OUT_MIN and str(n) in digits)]
    found = _drop_anaphoric_repeats(found)
    ranked = sorted(found, key=_rank_key)
    seen: set[tuple[str, str]] = set()
    result: list[Figure] = []
    for f in ranked:
        key = (squeeze(f.value), f.context.lower())
        if key in seen:
            continue
        seen.add(key)
        result.append(Figure(value=f.value, context=f.context))
    return result


# --- finding ------------------------------------------------------------------------------------


def _drop_anaphoric_repeats(found: list[_Found]) -> list[_Found]:
    """'the two entities' counts the entities unless the same number came before in the
    article ('two partners ... the two entities'): then it points back to that count."""
    out: list[_Found] = []
    seen: set[int] = set()
    for f in sorted(found, key=lambda f: (f.para, f.pos)):
        n = word_number_value(f.value) if f.words else None
        if not (f.anaphoric and n is not None and n in seen):
            out.append(f)
        if n is not None:
            seen.add(n)
        elif f.value.replace(",", "").isdigit():
            seen.add(int(f.value.replace(",", "")))
    return out


def _drop_repeats(found: list[_Found]) -> list[_Found]:
    """A value with a unit, currency or scale written again ("3nm", "$250,000", "45 million")
    names the same thing again, unless the words right after the two mentions differ ("10-core
    CPU", "10-core GPU")."""
    first: dict[str, str] = {}
    kept: list[_Found] = []
    for f in found:
        key = squeeze(f.value)
        if key not in first:
            first[key] = f.follower
            kept.append(f)
            continue
        if f.kind in REPEAT_KINDS:
            if f.follower and first[key] and f.follower != first[key]:
                kept.append(f)  # "10-core CPU" and "10-core GPU"
        elif _LARGE_COUNT.fullmatch(f.value):
            if f.follower != first[key]:
                kept.append(f)  # "1,000 workers" after "1,000 stores"
        elif not f.follower or f.follower != first[key]:
            kept.append(f)  # "grew 40% in Asia", "fell 40% in Europe"
    return kept


def _follower(after: str) -> str:
    """The noun right after a value ('CPU' in '10-core CPU'), or '' for a function word."""
    words = after.split()
    word = words[0].strip(".,;:()“”\"").lower() if words else ""
    return "" if not word.isalpha() or word in FUNCTION_WORDS else word


def _figures_in_paragraph(para: int, text: str) -> list[_Found]:
    blocked = _blocked_ranges(text) if _DIGIT.search(text) else []
    blocked.extend(_list_numbers(text))
    out: list[_Found] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        candidates = [(m.start("value"), m.end("value"), m.group("value"))
                      for m in _VALUE.finditer(sentence)]
        candidates = [part for c in candidates for part in _split_range(sentence, *c)]
        for s, e, value in candidates:
            if any(b0 <= start + s < b1 for b0, b1 in blocked):
                continue
            if s == 0 and _LIST_NUMBER.match(sentence):
                continue  # "1", "2." opening a paragraph or sentence: a list number
            if _TRAILING_LIST_NUMBER.fullmatch(value) and not sentence[e:].strip() and (
                    not ends_sentence(sentence)):
                continue  # "... accuracy 3" before the next item of a list lost its line break
            if (_NAME_AFTER.match(sentence[e:]) and not (
                    _MODIFIER_AFTER.match(sentence[e:]) and not value.isdigit())) or (
                    _ASSIGNED.search(sentence[:s])):
                continue  # "7 On Your Side", "503 Service Unavailable", "FLAG= 1"
            if _TRAILING_LIST_NUMBER.fullmatch(value) and _INLINE_LIST_NUMBER.match(sentence[e:]):
                continue
            words = not _DIGIT.search(value)
            rate = _RATE_TAIL.search(value)
            if rate and _kind(value[: rate.start()]) == "money":
                value, e = value[: rate.start()], e - len(rate.group())  # "18 cents", per day
            if _CURRENCY_START.match(value) and value.split()[-1].lower() in (
                    U.currency_suffixes) and len(value.split()) > 1:
                # "$1,300 USD", "€2,500 euros": the currency is written twice; the value keeps
                # the symbol
                cut = value.rindex(" ")
                value, e = value[:cut], s + cut
            kind = _kind(value)
            if kind is None:
                continue
            if words and not is_word_figure(sentence, s, e, value):
                continue
            if not words and not _is_figure(sentence, s, e, value, kind):
                continue
            context, comparison = measure_context(sentence, s, e)
            out.append(_Found(value, context, kind, para, start + s, comparison, words,
                              _follower(sentence[e:]), words and refers_back(sentence, s)))
    return out


def _list_numbers(text: str) -> list[tuple[int, int]]:
    """Numbered items run into one paragraph ('... our models 2. Throughput improved ... 3.
    Some servers ...'): numbers written 'n. Word' in a run of LIST_RUN_MIN consecutive such
    marks are list numbers, wherever the sentence splitter puts them."""
    marks = [(int(m.group(1)), m.start(1), m.end(1)) for m in _RUN_ON_LIST_MARK.finditer(text)]
    values = {n for n, _, _ in marks}

    def in_run(n: int) -> bool:  # n belongs to LIST_RUN_MIN consecutive marks
        return any(all(k + j in values for j in range(LIST_RUN_MIN))
                   for k in range(n - LIST_RUN_MIN + 1, n + 1))

    return [(s, e) for n, s, e in marks if in_run(n)]


def _split_range(sentence: str, s: int, e: int, value: str) -> list[tuple[int, int, str]]:
    """'from $47 billion to $8 billion', '$2 billion or 40%': two figures, not one range; and
    'and' makes a range only after 'between'."""
    m = _SPLIT_RANGE.fullmatch(value)
    second = m.group("b").strip() if m else ""
    if not m or not (_LEADING_NUMBER.match(second) or _WORD_START.match(second)):
        return [(s, e, value)]
    sep = m.group("sep").strip()
    previous = sentence[:s].split()[-1:]
    prev = previous[0].lower() if previous else ""
    unit_a, unit_b = _unit_of(m.group("a")), _unit_of(m.group("b"))
    # "$40-50 billion": the currency and the scale are written once for both ends
    shared_unit = sep in {"-", "–"} and "$" in unit_a and "$" not in unit_b
    # "three seconds to 24 hours": two units of one quantity
    quantity_a = unit_quantity(U, m.group("a").split()[-1])
    same_quantity = quantity_a is not None and quantity_a == unit_quantity(
        U, m.group("b").split()[-1])
    same_kind = not unit_a or unit_a == unit_b or shared_unit or same_quantity
    opened = RANGE_AND_OPENER in (w.lower() for w in sentence[:s].split()[-RANGE_AND_REACH:])
    changed = prev == "by" or (prev == "from" and (_kind(m.group("a")) != "unit" or any(
        w.lower().strip(",") in CHANGE_MARKERS for w in sentence[:s].split()[-CHANGE_REACH - 1:])))
    split = not same_kind or changed or (sep == "and" and not opened)
    if not split:
        return [(s, e, value)]
    b_start = s + m.start("b")
    return [*_split_range(sentence, s, s + m.end("a"), m.group("a")),
            *_split_range(sentence, b_start, e, m.group("b"))]


def _unit_of(value: str) -> str:
    """The non-numeric part of a value: '$', '%', 'x', 'billion' ... ('' for 'four')."""
    return _NOT_UNIT_CHARS.sub("", _WORD_NUMBER_RE.sub("", value)).lower()


def _blocked_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges holding dates, times, phone numbers, quarters, references, addresses."""
    ranges: list[tuple[int, int]] = []
    for pattern in (_DATE, _TIME, _PHONE, _QUARTER, _FOOTNOTE, _CITATION, _MODEL_NUMBER,
                    _ADDRESS, _ZIP, _ROUND_THE_CLOCK, _BY_SIZE):
        ranges.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return ranges




def _is_figure(sentence: str, s: int, e: int, value: str, kind: str) -> bool:
    """False for years, decades, ordinals, labels and digits that belong to a name."""
    before = sentence[:s]
    after = sentence[e:]
    words_before = before.split()
    prev_word = words_before[-1].lower() if words_before else ""
    if kind == "multiplier" and _MODEL_MULTIPLIER.fullmatch(value):
        return False  # "777X", "802.1x": a model or a standard, not a multiplier
    if NAME_COMPOUND.match(value):
        return False  # "2019-launched", "7.1-channel": a year or a format
    if SECOND_MODEL_NUMBER.search(before):
        return False  # "GTX 1080 & 1070": the second of two model numbers
    if kind == "count":
        # "the 777 program", "five 787 Dreamliner sales": a model number used as a name
        nxt = after.split()[0] if after.split() else ""
        singular = nxt[:1].isalpha() and not nxt.rstrip(".,;:").endswith("s")
        if singular and (prev_word in DETERMINERS or _WORD_START.match(prev_word)) and (
                len(value) >= 3):
            return False
    if kind in {"count", "scaled"}:
        if _YEAR.match(value) or _YEAR_RANGE.match(value):  # "2,048" has a comma: no year
            return False
        if _PLURAL_OR_POSSESSIVE.match(after):  # "the 1990s", "2024's"
            return False
        if _NOT_UNIT_FOLLOWER.match(after.strip()):
            return False
        if _ORDINAL_SUFFIX.match(after):
            return False
        prev = before.split()[-1] if before.split() else ""
        prev_clean = prev.strip("(“\"'").lower()
        if prev_clean in LABEL_WORDS:
            return False
        # a number glued to a name by a space: "Gaudi 3", "Intel 4", "Snapdragon 8 Gen 3",
        # "iPhone 15"
        if (prev[:1].isupper() or CAMEL_NAME.match(prev.strip("(“\"'"))) and (
                prev_clean not in CAPITALISED_NON_NAMES) and not prev.endswith(
                    ("’s", "'s", ",", ":")):
            return False
        if _PRODUCT_SUFFIX.match(after) and kind == "count":
            return False  # "3 Pro", "8 Gen 3": part of a product name
        if _VERSION_TAIL.match(after):  # version numbers, ratios, dates
            return False
    return True


# --- ranking ------------------------------------------------------------------------------------


def _rank_key(f: _Found) -> tuple[float, int, int]:
    """Higher weight first; then reading order."""
    weight = KIND_WEIGHTS.get(f.kind, 0.0)
    if f.para < len(PARAGRAPH_WEIGHTS):
        weight += PARAGRAPH_WEIGHTS[f.para]
    if f.comparison:
        weight += COMPARISON_WEIGHT
    if f.words:
        weight -= WORD_NUMBER_PENALTY
    return (-weight, f.para, f.pos)
