"""Numbers written in words: which of them measure something, for the figures stage.

"six countries", "a third of users", "twice", "tens of thousands" are figures; "one of the",
"no one", "first half", "double down", "the two sides", "Big Three", "at six in the morning"
are not. figures.py finds the candidates; `is_word_figure` applies the rules below, which are
data (ordered word lists with why each is there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.editorial.units import load_units, unit_kind

U = load_units()


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- data ---------------------------------------------------------------------------------------

# Words before a bare number that make it a label, not a measure ("Section 230", "No. 1").
LABEL_WORDS: frozenset[str] = frozenset({
    "no", "no.", "number", "version", "v", "section", "chapter", "page", "article", "rule",
    "episode", "season", "level", "gen", "generation", "series", "model", "fiscal", "fy",
    "phase", "round", "step", "part", "stage", "tier", "grade", "class", "route", "room",
    "suite", "ch", "figure", "fig", "table", "issue", "vol", "volume", "top", "fortune",
})


# Number words that are no figure: "one" as a pronoun or article unless stressed or measured
# (below); idioms and compounds; the words before "half" that make it a period ("first half").
ONE_STRESS_WORDS: frozenset[str] = frozenset({"only", "just", "exactly"})
WORD_IDIOMS: tuple[str, ...] = (
    "one day", "one point", "one way", "one another", "one-time", "one-off", "one-stop",
    "one-on-one", "one-way", "one-size", "one-sided", "one-of-a-kind", "two-way", "two-factor",
    "double down", "double-check", "double-digit", "double-edged", "double duty",
    "double standard", "triple-a", "zero-day", "zero-sum", "zero-trust", "zero tolerance",
    "think twice", "thinking twice", "half the battle", "half the story", "half the fun",
    "doubling down", "doubled down", "doubles down", "one hand", "one thing", "one-to-one",
    "one-to-many",
)
HALF_PERIOD_WORDS: frozenset[str] = frozenset({
    "first", "second", "back", "front", "latter", "later", "earlier", "other", "bottom", "top",
    "better", "third", "fourth",
})
# "double", "triple", "quadruple" measure only before what they multiply ("double the price",
# "more than double"), not as adjectives ("a double whammy").
MULTIPLE_VERB_FOLLOWERS: frozenset[str] = frozenset({
    "the", "its", "their", "his", "her", "our", "that", "what", "this", "those", "these", "in",
    "from", "to", "over", "by", "since", "a", "an", "compared", "last", "previous",
})
MULTIPLE_VERB_LEADERS: frozenset[str] = frozenset({
    "than", "nearly", "almost", "roughly", "about", "to", "will", "would", "could", "may",
    "might", "can", "should", "expected", "set", "likely",
})
# Fractions in words after "a"/"one" other than "half" count only before "of" ("a third of
# users"); elsewhere they are ordinals or fiscal quarters ("a third party", "a quarter earlier").
FRACTIONS_NEEDING_OF: frozenset[str] = frozenset({"third", "quarter", "fifth", "tenth"})
# ... or before a comparative ("a third less energy", "a quarter more staff").
FRACTION_COMPARATIVES: frozenset[str] = frozenset({
    "less", "more", "fewer", "lower", "higher", "smaller", "larger", "bigger", "cheaper",
    "faster", "slower", "shorter", "longer",
})
# A number in words followed by one of these is a time of day ("at six in the morning").
TIME_OF_DAY_WORDS: tuple[str, ...] = ("in the morning", "in the afternoon", "in the evening",
                                      "at night", "o'clock", "o’clock", "tonight", "sharp")


# Words before a bare count in words that make it a reference to a set the reader knows ("the
# two sides", "the three sites"), not a measure.
REFERRING_WORDS: frozenset[str] = frozenset({"the", "these", "those", "both", "all", "its",
                                             "their", "his", "her", "our"})

# ... except after these, which may also introduce a count the reader has not seen ("the two
# entities", the gold rule): figures.py drops such a count when the same number came before.
ANAPHORIC_WORDS: frozenset[str] = frozenset({"the", "these", "those"})
# ... with a noun after it (a plural, or one of these); 'the two signed' names a pair.
PLURAL_NOUNS: frozenset[str] = frozenset({"people", "men", "women", "children", "companies"})

# --- patterns built from the data ---------------------------------------------------------------

_CARD = _alt([c for c in U.cardinals if c != "hundred"])
_WORD_NUMBER_RE = re.compile(r"\b(?i:(?:" + _CARD + r")(?:(?:-\s?|\s)(?:" + _CARD
                             + r"|hundred)\b){0,3})\b")
TIME_OF_DAY_AFTER = re.compile(r"^\s+(?:" + _alt(TIME_OF_DAY_WORDS) + r")\b", re.I)
_CAPITALISED_NEXT = re.compile(r"^\s[A-Z][a-z]")
_CAPITALISED_TWO_NEXT = re.compile(r"^\s[A-Z][a-z]+\s[A-Z][a-z]")
_IDIOM = re.compile(r"^(?:" + _alt(WORD_IDIOMS) + r")\b", re.I)
_MULTIPLE_VERB = re.compile(r"^(?:double|triple|quadruple)$", re.I)
# Word-number compounds count when their second part is a unit ("nine-acre", "two-year",
# "four-year-old"); others are idioms or descriptions ("three-legged", "two-way").
_WORD_COMPOUND = re.compile(r"-(?P<second>[a-z]+)")


def _sentence_start(sentence: str, s: int) -> bool:
    """True when only quotation marks and brackets stand before position `s`, or a colon
    ('a measurable payoff: Ninety-two percent of ...')."""
    head = sentence[:s].strip(" \"“‘'([—–-")
    return not head or head.endswith(":")


def is_word_figure(sentence: str, s: int, e: int, value: str) -> bool:
    """Rules for numbers written in words: names, idioms, 'one' as a pronoun, periods."""
    words = value.split()
    before = sentence[:s].split()
    prev = before[-1].lower().strip(",;:“\"(") if before else ""
    after = sentence[e:]
    nxt = after.split()[0].lower().strip(",.;:”\")") if after.split() else ""
    if value[:1].isupper() and not _sentence_start(sentence, s):
        return False  # "Big Three", "Formula One", "the Ten Commandments"
    if value[:1].isupper() and (_CAPITALISED_TWO_NEXT.match(after) or (
            (value == "Half" or (len(words) > 1 and value.istitle()))
            and _CAPITALISED_NEXT.match(after))):
        return False  # "Three Mile Island", "Half Dome": a name at the start of a sentence
    if _IDIOM.match(sentence[s:]) or (prev and _IDIOM.match(f"{prev} {sentence[s:]}")):
        return False
    if prev in LABEL_WORDS:
        return False  # "top ten", "number one"
    if prev in REFERRING_WORDS and _WORD_NUMBER_RE.fullmatch(value) and (
            prev not in ANAPHORIC_WORDS or not _plural(nxt)):
        return False  # "its three platforms", "the two signed": a set named, not a measure
    low = value.lower()
    seconds = _WORD_COMPOUND.findall(low)
    if seconds and seconds[-1] not in {*U.cardinals, *U.fractions} and not any(
            unit_kind(U, w) for w in seconds):
        return False  # 'three-legged', 'two-way'; not 'ninety-two', 'four-year-old'

    if low == "one":
        return prev in ONE_STRESS_WORDS
    if low == "half":
        return not (prev in HALF_PERIOD_WORDS or after.startswith("-"))
    if len(words) == 2 and words[0].lower() in {"a", "an", "one"} and (
            words[1].lower() in FRACTIONS_NEEDING_OF):
        return nxt == "of" or nxt in FRACTION_COMPARATIVES
    if TIME_OF_DAY_AFTER.match(after):
        return False  # "at six in the morning", "by nine o'clock": a time, not a measure
    if _MULTIPLE_VERB.match(low):
        return nxt in MULTIPLE_VERB_FOLLOWERS or prev in MULTIPLE_VERB_LEADERS or (
            " ".join(before[-2:]).lower() == "more than")
    if low.startswith("one ") and words[-1].lower() in {"day"}:
        return False
    return not (low == "zero" and nxt and not unit_kind(U, nxt))


_UNITS_VALUES: dict[str, int] = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"])}
_TENS_VALUES: dict[str, int] = {w: 10 * (i + 2) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}


def word_number_value(value: str) -> int | None:
    """The number a cardinal in words stands for ('Forty-five' -> 45, 'two hundred' -> 200);
    None for anything else ('a third', 'twice', 'six weeks')."""
    total = 0
    for word in value.lower().replace("-", " ").split():
        if word in _UNITS_VALUES:
            total += _UNITS_VALUES[word]
        elif word in _TENS_VALUES:
            total += _TENS_VALUES[word]
        elif word == "hundred" and total:
            total *= 100
        else:
            return None
    return total


def _plural(word: str) -> bool:
    """A plural noun after 'the two' makes it a count with a noun ('the two entities')."""
    return word in PLURAL_NOUNS or (len(word) > 3 and word.endswith("s")
                                    and not word.endswith(("ss", "us", "is")))


def refers_back(sentence: str, s: int) -> bool:
    """True when the word before position `s` is one of ANAPHORIC_WORDS ('the two ...')."""
    before = sentence[:s].split()
    return bool(before) and before[-1].lower().strip(",;:“\"(") in ANAPHORIC_WORDS
