"""Numbers that measure something: paragraphs -> [Figure], most important first.

A figure is a number with its unit as written ("40%", "$35.1 billion", "2x to 3x", "3nm",
"5.3 TB/s", "208 billion", "6,000"); qualifiers such as "up to" or "more than" stay in the context,
not the value. The context is a short phrase of the sentence around the number, extended to keep
a comparison the text makes ("compared to x86 chips from Intel and AMD").

Not figures: years and dates, times of day, quarters and fiscal periods, ordinals, phone numbers,
and digits that belong to a name ("M4", "H100", "Trainium2", "18A", "Gaudi 3", "Intel 4").

All patterns and word lists are data below; `find_figures` only applies them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.models import Figure
from digest.text.normalize import collapse_whitespace, squeeze
from digest.text.sentences import sentence_spans

# --- data ---------------------------------------------------------------------------------------

# Currency signs and codes written before an amount.
CURRENCY_PREFIXES: tuple[str, ...] = ("US$", "A$", "C$", "NT$", "HK$", "S$", "$", "€", "£", "¥",
                                      "₩", "₹", "USD ", "EUR ", "RMB ", "CNY ")
# Scale words after a number ("208 billion", "$2.1bn"). Longest first so "bn" beats "b".
SCALE_WORDS: tuple[str, ...] = ("septillion", "quadrillion", "trillion", "billion", "million",
                                "thousand", "tn", "bn", "mn",
                                "B", "M", "K", "k")
# Units of the field, longest first so "TB/s" beats "TB". Matched case-sensitively where the
# case carries meaning (W vs w); a unit must end at a word boundary.
UNITS: tuple[str, ...] = (
    # percentages and multipliers
    "percentage points", "percentage point", "per cent", "percent", "pct", "%",
    "times", "-fold", "fold", "x", "X", "×",
    # process nodes and lengths
    "nanometers", "nanometres", "nanometer", "nanometre", "-nanometer", "-nanometre", "nm",
    "angstroms", "angstrom", "Å", "millimeters", "millimetres", "mm²", "mm2", "mm", "-inch",
    "inches", "inch",
    # bandwidth and data rates
    "tokens per second", "tokens/s", "tokens/sec", "TB/s", "GB/s", "MB/s", "Tb/s", "Gb/s",
    "Tbps", "Gbps", "Mbps", "GT/s", "MT/s",
    # capacity and link speeds written in bits ("200 Gb Ethernet")
    "PB", "TB", "GB", "MB", "Tb", "Gb", "terabytes", "gigabytes", "megabytes",
    # display: frame rates and resolutions ("60fps", "1440p")
    "fps", "p",
    # durations ("built in 122 days", "under 5 minutes"); bare years stay dates
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
    "minutes", "minute", "seconds", "second", "milliseconds", "microseconds", "nanoseconds",
    # compute
    "exaflops", "petaflops", "teraflops", "exaflop", "petaflop", "teraflop",
    "EFLOPS", "PFLOPS", "TFLOPS", "GFLOPS", "TOPS",
    "exaFLOPS", "petaFLOPS", "teraFLOPS",
    # frequency and power
    "GHz", "MHz", "kHz", "gigawatts", "megawatts", "kilowatts", "watts", "GW", "MW", "kW", "W",
    # rates written out
    "operations per second", "trillion operations per second",
    # currencies written after the amount ("9.1 trillion won")
    "won", "yen", "yuan", "euros", "euro", "dollars", "rupees", "pounds", "renminbi",
)
# A number joined to a word by a hyphen is one value ("12-high", "10-core", "13-inch", "5-year").
HYPHEN_COMPOUND = r"-[a-z]{2,}(?![-\w])"
# Currencies written after the amount: a value ending in one of these is money.
CURRENCY_SUFFIXES: tuple[str, ...] = ("won", "yen", "yuan", "euros", "euro", "dollars", "rupees",
                                      "pounds", "renminbi")
# Spelled-out numbers that count only as multipliers ("three times faster").
NUMBER_WORDS: tuple[str, ...] = ("two", "three", "four", "five", "six", "seven", "eight", "nine",
                                 "ten", "twenty", "hundred")
# Qualifiers in front of a value: kept out of the value, left in the context.
QUALIFIERS: tuple[str, ...] = ("up to", "more than", "less than", "fewer than", "over",
                               "nearly", "almost", "about", "around", "roughly", "approximately",
                               "at least", "at most", "as much as", "as many as", "some",
                               "just over", "just under", "close to", "upwards of")
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
)
# Words before a bare number that make it a label, not a measure ("Section 230", "No. 1").
LABEL_WORDS: frozenset[str] = frozenset({
    "no", "no.", "number", "version", "v", "section", "chapter", "page", "article", "rule",
    "episode", "season", "level", "gen", "generation", "series", "model", "fiscal", "fy",
    "phase", "round", "step", "part", "stage", "tier", "grade", "class", "route", "room",
    "suite", "ch", "figure", "fig", "table", "issue", "vol", "volume", "top", "fortune",
})
# Capitalised words that may precede a bare count without making it part of a product name.
CAPITALISED_NON_NAMES: frozenset[str] = frozenset({
    "about", "around", "nearly", "almost", "over", "some", "only", "just", "all", "the",
    "roughly", "another", "and", "but", "with", "by", "of", "to", "in", "at", "for", "up",
    "more", "less", "fewer", "than", "least", "approximately", "its", "their", "his", "her",
})
# Words before a bare number followed by a singular noun that make it a name ("the 777 program").
DETERMINERS: frozenset[str] = frozenset({"the", "a", "an", "its", "their", "this", "that",
                                         "his", "her", "our", "each", "every"})
# Words before "X to Y" that make it a change between two figures, not a range.
CHANGE_WORDS: frozenset[str] = frozenset({"from", "by"})
# Words that mark a comparison: a context keeps them, and they raise a figure's rank.
COMPARISON_WORDS: tuple[str, ...] = (
    "compared", "versus", "vs", "vs.", "than", "from", "over", "against", "relative",
    "year-on-year", "year-over-year", "increase", "decrease", "rise", "rose", "fell", "fall",
    "gain", "growth", "faster", "slower", "improvement", "better", "more", "less", "up", "down",
    "jump", "drop", "cut", "higher", "lower",
)
# Words after a number that make it a time, a period or an ordinal.
NOT_UNIT_FOLLOWERS: tuple[str, ...] = ("a.m.", "p.m.", "am", "pm", "o'clock", "GMT", "UTC", "ET",
                                       "PT", "CET", "BST", "st", "nd", "rd", "th")
# Rank weights: money and percentages lead a digest, multipliers and field units next, counts last.
KIND_WEIGHTS: dict[str, float] = {"money": 3.0, "percent": 2.5, "multiplier": 2.5, "unit": 1.5,
                                  "scaled": 1.5, "count": 0.5}
# Rank bonus by paragraph: the lead carries the figure a reader quotes first (news puts the key
# number in the first or second paragraph). Measured on the gold set as the share of articles
# whose first-listed gold figure we rank first.
PARAGRAPH_WEIGHTS: tuple[float, ...] = (1.5, 0.75)
COMPARISON_WEIGHT = 0.5  # a figure the text compares ("up 84% from a year earlier") ranks higher
CONTEXT_WORDS_BEFORE = 8  # words of the sentence kept before the value
CONTEXT_WORDS_AFTER = 8  # ... and after it; together about twelve words
COMPARISON_EXTRA_WORDS = 8  # extra words allowed to finish a comparison
PREVIOUS_CLAUSE_WORDS = 4  # words borrowed from the clause before when the value's clause is bare
# The sentence's subject (its first words, up to a comma) is put in front of a context that does
# not reach back to it: in "Broadcom's AI revenue for the fiscal year rose 220% to $12.2 billion"
# the measured noun sits far from the numbers. At most this many words are borrowed.
SUBJECT_WORDS = 4
# Sentence openers that are circumstances, not subjects: no subject is borrowed after them.
NON_SUBJECT_OPENERS: frozenset[str] = frozenset({
    "in", "on", "at", "by", "for", "from", "with", "after", "before", "during", "since", "as",
    "when", "while", "if", "but", "and", "yet", "so", "still", "however", "meanwhile", "that",
    "this", "it", "he", "she", "they", "we", "i", "there", "not", "to", "of", "about", "over",
})
# Clause openers that describe a change of something named in the clause before.
CHANGE_OPENERS: frozenset[str] = frozenset({"up", "down", "rising", "falling", "compared",
                                            "versus", "plus", "or", "roughly", "about",
                                            "nearly", "an", "a", "and", "while"})

# Words after a value that say nothing about what it measures (for telling repeats apart).
FUNCTION_WORDS: frozenset[str] = frozenset({
    "and", "or", "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "is", "was", "are", "were", "be", "that", "which", "than", "as", "version", "versions",
})

# --- patterns built from the data ---------------------------------------------------------------


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CURRENCY = _alternation(CURRENCY_PREFIXES)
_SCALE = _alternation(SCALE_WORDS)
_UNIT = _alternation(UNITS)
_ONE_VALUE = (
    r"(?:(?:" + _CURRENCY + r")\s?)?(?:" + _NUMBER + r")"
    r"(?:\s?(?:" + _SCALE + r")\b)?"
    r"(?:\s?(?:" + _UNIT + r")(?![A-Za-z0-9])|" + HYPHEN_COMPOUND + r")?"
)
# Each pattern below opens with a look-ahead for the characters a match can start with: it fails
# at most positions before the costlier look-behinds and alternations are tried (the matches are
# the same; 1.5-2x faster on real pages).
_VALUE = re.compile(
    r"(?=[" + re.escape("".join(sorted({c[0] for c in CURRENCY_PREFIXES}))) + r"\d.])"
    r"(?<![\w.,/:$€£¥-])(?P<value>" + _ONE_VALUE + r"(?:\s?(?:to|-|–)\s?" + _ONE_VALUE + r")?)"
    r"(?![\w])",
)
_WORD_MULTIPLIER = re.compile(
    r"\b(?P<value>(?:" + "|".join(NUMBER_WORDS) + r")\s(?:times|-fold)|(?:"
    + "|".join(NUMBER_WORDS) + r")-fold)\b", re.I,
)
_MONTH = _alternation(MONTHS)
_DATE = re.compile(
    r"(?=[\d" + "".join(sorted({m[0] for m in MONTHS})) + r"])"
    r"(?:\b(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r")\.?(?:,?\s+\d{4})?\b"
    r"|\b(?:" + _MONTH + r")\.?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
_TIME = re.compile(r"(?=\d)(?:\b\d{1,2}(?::\d{2})+\s?(?:a\.m\.|p\.m\.|am|pm)?"
                   r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)(?!\w))", re.I)
# Footnote marks ("[1]", "[ 2]") and journal citations ("2015; 28: 685-690"): references, not
# measures.
_FOOTNOTE = re.compile(r"\[\s?\d{1,3}\s?\]")
_CITATION = re.compile(
    r"(?=[12])\b(?:19|20)\d{2}\s?;\s?\d+(?:\s?\(\d+\))?\s?:\s?\d+(?:\s?[-–]\s?\d+)?"
)
# Model numbers written with a hyphen ("787-9", "A350-1000" is caught as a name): a first part
# of three or more digits and a shorter second part with no unit is an identifier, not a range.
_MODEL_NUMBER = re.compile(r"(?=\d)(?<![\w.,$€£])\d{3,}-\d{1,2}(?![\w%,.]\d|[\w%])")
_PHONE = re.compile(
    r"(?=[+(\d])(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"
)
_QUARTER = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12]|FY)\s?'?\d{2,4}\b|\b(?:Q[1-4]|H[12])\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_DECADE = re.compile(r"^(?:19|20)\d0s$|^'\d0s$")
_DATE_WORD = re.compile(r"^(?:\d{1,2},?|(?:19|20)\d{2},?|(?:" + _MONTH + r")\.?,?|on)$")
# Cheap tests that let a paragraph or sentence skip the patterns above: every value, date, time,
# phone number, quarter and reference holds a digit, and a spelled-out multiplier holds "times"
# or "fold" (the same flag as _WORD_MULTIPLIER, so the same letters match).
_DIGIT = re.compile(r"\d")
_MULTIPLIER_HINT = re.compile(r"times|fold", re.I)
# Patterns the helpers below apply, compiled once (they used to be rebuilt from strings per call).
_CHANGE = re.compile(r"(?P<a>.+?)(?P<sep>\s?(?:to|-|–)\s?)(?P<b>.+)")
_NOT_UNIT_CHARS = re.compile(r"[\d.,\s]+")
_CURRENCY_START = re.compile(r"^(?:" + _CURRENCY + r")")
_PERCENT = re.compile(r"%|percent|per cent|pct|percentage point")
_MULTIPLIER_END = re.compile(r"(?:\d|\s)(?:x|×|times|-?fold)$")
_MULTIPLIER_RANGE = re.compile(r"x\s?(?:to|-|–)")
_UNIT_END = re.compile(r"(?:" + _UNIT + r")$")
_HYPHEN_COMPOUND_END = re.compile(HYPHEN_COMPOUND + "$")
_SCALE_END = re.compile(r"(?:" + _SCALE + r")$")
_NUMBER_ONLY = re.compile(_NUMBER)
_NUMBER_RANGE = re.compile(r"(?:" + _NUMBER + r")\s?(?:to|-|–)\s?(?:" + _NUMBER + r")")
_MODEL_MULTIPLIER = re.compile(r"\d{3,}[xX]")
_PLURAL_OR_POSSESSIVE = re.compile(r"^(?:s\b|’s\b|'s\b)")
_NOT_UNIT_FOLLOWER = re.compile(r"^(?:" + _alternation(NOT_UNIT_FOLLOWERS) + r")\b")
_ORDINAL_SUFFIX = re.compile(r"^[-–]?(?:st|nd|rd|th)\b")
_PRODUCT_SUFFIX = re.compile(r"^\s?(?:Gen|Pro|Max|Ultra|Plus|Mini)\b")
_VERSION_TAIL = re.compile(r"^[.:/]\d")
_AGE = re.compile(r"^-(?:[A-Za-z]+-)*(?:year|month|week|day|hour|minute)s?-old\b")
_ABBREVIATION_END = re.compile(r"\b(?:vs|U\.S)\.$")
_COMPARISON_START = re.compile(
    r"^\s*,?\s*(?:compared (?:to|with)|versus|vs\.?|than|from|up from|down from|over|against|"
    r"relative to|a year (?:earlier|ago)|year[- ]on[- ]year|year[- ]over[- ]year)\b", re.I,
)


@dataclass(frozen=True, slots=True)
class _Found:
    value: str
    context: str
    kind: str
    para: int
    pos: int
    comparison: bool
    follower: str = ""  # the noun right after the value, to tell repeats from new measures


# --- public API ---------------------------------------------------------------------------------


def find_figures(paragraphs: Sequence[str]) -> list[Figure]:
    """Every figure in `paragraphs`, most important first; each value once (first mention)."""
    found: list[_Found] = []
    for i, para in enumerate(paragraphs):
        found.extend(_figures_in_paragraph(i, collapse_whitespace(para)))
    found = _drop_repeats(found)
    ranked = sorted(found, key=_rank_key)
    seen: set[tuple[str, str]] = set()
    result: list[Figure] = []
    for f in ranked:
        key = (_norm(f.value), f.context.lower())
        if key in seen:
            continue
        seen.add(key)
        result.append(Figure(value=f.value, context=f.context))
    return result


# --- finding ------------------------------------------------------------------------------------


def _drop_repeats(found: list[_Found]) -> list[_Found]:
    """A unit value written again ("3nm", "12-high", "4K") names the same thing again, unless
    the words right after the two mentions differ ("10-core CPU", "10-core GPU")."""
    first: dict[str, str] = {}
    kept: list[_Found] = []
    for f in found:
        key = _norm(f.value)
        if f.kind != "unit" or key not in first:
            first.setdefault(key, f.follower)
            kept.append(f)
            continue
        if f.follower and first[key] and f.follower != first[key]:
            kept.append(f)
    return kept


def _follower(after: str) -> str:
    """The noun right after a value ('CPU' in '10-core CPU'), or '' for a function word."""
    words = after.split()
    word = words[0].strip(".,;:()“”\"").lower() if words else ""
    return "" if not word.isalpha() or word in FUNCTION_WORDS else word


def _figures_in_paragraph(para: int, text: str) -> list[_Found]:
    digits = _DIGIT.search(text) is not None
    if not digits and not _MULTIPLIER_HINT.search(text):
        return []  # nothing below can match
    blocked = _blocked_ranges(text) if digits else []
    out: list[_Found] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        candidates: list[tuple[int, int, str]] = []
        if digits and _DIGIT.search(sentence):
            candidates += [(m.start("value"), m.end("value"), m.group("value"))
                           for m in _VALUE.finditer(sentence)]
        if _MULTIPLIER_HINT.search(sentence):
            candidates += [(m.start("value"), m.end("value"), m.group("value"))
                           for m in _WORD_MULTIPLIER.finditer(sentence)]
        if not candidates:
            continue
        candidates = [part for c in candidates for part in _split_change(sentence, *c)]
        for s, e, value in sorted(candidates):
            if any(b0 <= start + s < b1 for b0, b1 in blocked):
                continue
            value = value.strip()
            kind = _kind(value)
            if kind is None or not _is_figure(sentence, s, e, value, kind):
                continue
            context, comparison = _context(sentence, s, e)
            out.append(_Found(value, context, kind, para, start + s, comparison,
                              _follower(sentence[e:])))
    return out


def _split_change(sentence: str, s: int, e: int, value: str) -> list[tuple[int, int, str]]:
    """'from $47 billion to $8 billion', 'by 30 to 126': a change, so two figures, not a range."""
    m = _CHANGE.fullmatch(value)
    if not m:
        return [(s, e, value)]
    previous = sentence[:s].split()[-1:] if sentence[:s].split() else []
    unit_a, unit_b = _unit_of(m.group("a")), _unit_of(m.group("b"))
    # "$40-50 billion": the currency and the scale are written once for both ends
    shared_unit = m.group("sep").strip() in {"-", "–"} and "$" in unit_a and "$" not in unit_b
    same_kind = not unit_a or unit_a == unit_b or shared_unit
    if same_kind and (not previous or previous[0].lower() not in CHANGE_WORDS):
        return [(s, e, value)]
    b_start = s + m.start("b")
    return [(s, s + m.end("a"), m.group("a")), (b_start, e, m.group("b"))]


def _unit_of(value: str) -> str:
    """The non-numeric part of a value: '$', '%', 'x', 'billion' ..."""
    return _NOT_UNIT_CHARS.sub("", value).lower()


def _blocked_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges holding dates, times, phone numbers and quarters."""
    ranges: list[tuple[int, int]] = []
    for pattern in (_DATE, _TIME, _PHONE, _QUARTER, _FOOTNOTE, _CITATION, _MODEL_NUMBER):
        ranges.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return ranges


def _kind(value: str) -> str | None:
    v = value.strip()
    if _CURRENCY_START.match(v) or v.endswith(CURRENCY_SUFFIXES):
        return "money"
    low = v.lower()
    if _PERCENT.search(low):
        return "percent"
    if _MULTIPLIER_END.search(low) or _MULTIPLIER_RANGE.search(low):
        return "multiplier"
    if _UNIT_END.search(v) or _HYPHEN_COMPOUND_END.search(v):
        return "unit"
    if _SCALE_END.search(v):
        return "scaled"
    if _NUMBER_ONLY.fullmatch(v) or _NUMBER_RANGE.fullmatch(v):
        return "count"
    return None


def _is_figure(sentence: str, s: int, e: int, value: str, kind: str) -> bool:
    """False for years, decades, ordinals, labels and digits that belong to a name."""
    before = sentence[:s]
    after = sentence[e:]
    words_before = before.split()
    prev_word = words_before[-1].lower() if words_before else ""
    if kind == "multiplier" and _MODEL_MULTIPLIER.fullmatch(value):
        return False  # "777X", "777x jets": a model number, not a multiplier
    if kind == "count":
        # "the 777 program", "five 787 Dreamliner sales": a model number used as a name
        nxt = after.split()[0] if after.split() else ""
        singular = nxt[:1].isalpha() and not nxt.rstrip(".,;:").endswith("s")
        if singular and (prev_word in DETERMINERS or prev_word in NUMBER_WORDS):
            return False
    if kind in {"count", "scaled"}:
        if _YEAR.match(value):  # "2,048" has a thousands comma, so it is no year
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
        # a number glued to a name by a space: "Gaudi 3", "Intel 4", "Snapdragon 8 Gen 3"
        if prev[:1].isupper() and prev_clean not in CAPITALISED_NON_NAMES and not prev.endswith(
            ("’s", "'s", ",", ":")
        ) and len(before.split()) >= 1:
            return False
        if _PRODUCT_SUFFIX.match(after) and kind == "count":
            # "3 Pro", "8 Gen 3": part of a product name
            return False
        if _VERSION_TAIL.match(after):  # version numbers, ratios, dates
            return False
    # ages: "a 35-year-old engineer"
    return not _AGE.match(after)


def _context(sentence: str, s: int, e: int) -> tuple[str, bool]:
    """A short phrase around the value; extended to keep a comparison the sentence makes."""
    before_words = sentence[:s].split()
    after_text = sentence[e:]
    # start at the clause that holds the value
    clause_start = 0
    for i, w in enumerate(before_words):
        if w.endswith((",", ";", ":")):
            clause_start = i + 1
    lead = before_words[clause_start:][-CONTEXT_WORDS_BEFORE:]
    if clause_start and (len(lead) < 2 or lead[0].lower() in CHANGE_OPENERS):
        # "revenue of $12.8 billion, down 1% ...": the measure is in the clause before
        previous = [w for w in before_words[:clause_start] if not _DATE_WORD.match(w)]
        lead = previous[-PREVIOUS_CLAUSE_WORDS:] + lead
    after_words = after_text.split()
    tail: list[str] = []
    comparison = False
    budget = CONTEXT_WORDS_AFTER
    for i, w in enumerate(after_words):
        if len(tail) >= budget:
            break
        tail.append(w)
        if w.endswith((".", ";", ":", "!", "?")) and not _ABBREVIATION_END.search(w):
            break
        if w.endswith(","):
            rest = " ".join(after_words[i + 1 :])
            if _COMPARISON_START.match(rest):
                continue
            break
    joined_tail = " ".join(tail)
    if any(_is_comparison_word(w) for w in [*lead, *tail]):
        comparison = True
    # finish a comparison that the budget cut ("compared to x86 chips from Intel and AMD")
    cmp_at = next((k for k, w in enumerate(tail) if _COMPARISON_START.match(w)), None)
    if cmp_at is not None and len(tail) == budget and not tail[-1].endswith((".", ",", ";")):
        for w in after_words[len(tail) : len(tail) + COMPARISON_EXTRA_WORDS]:
            tail.append(w)
            if w.endswith((".", ",", ";", ":")):
                break
        joined_tail = " ".join(tail)
    value = sentence[s:e]
    glue = "" if after_text[:1] not in " " else " "
    subject = _subject(before_words, len(before_words) - len(lead))
    if subject:
        lead = [*subject, "…", *lead]
    phrase = (" ".join([*lead, value]) + glue + joined_tail).strip()
    phrase = phrase.strip(" ,;:.—–-“”\"()")
    return phrase, comparison


def _subject(before_words: list[str], cut: int) -> list[str]:
    """The first words of the sentence when the context starts after them, else nothing."""
    if cut <= SUBJECT_WORDS or not before_words:
        return []
    if before_words[0].lower().strip(",") in NON_SUBJECT_OPENERS:
        return []
    picked: list[str] = []
    for w in before_words[:SUBJECT_WORDS]:
        if _DIGIT.search(w):
            break
        picked.append(w.rstrip(",;:"))
        if w.endswith((",", ";", ":")):
            break
    return picked


def _is_comparison_word(word: str) -> bool:
    return word.lower().strip(".,;:") in COMPARISON_WORDS


# --- ranking ------------------------------------------------------------------------------------


def _rank_key(f: _Found) -> tuple[float, int, int]:
    """Higher weight first; then reading order."""
    weight = KIND_WEIGHTS.get(f.kind, 0.0)
    if f.para < len(PARAGRAPH_WEIGHTS):
        weight += PARAGRAPH_WEIGHTS[f.para]
    if f.comparison:
        weight += COMPARISON_WEIGHT
    return (-weight, f.para, f.pos)


def _norm(value: str) -> str:
    return squeeze(value)
