"""What kind of number a figure is (money, percent, multiplier, unit, scaled, count, other):
the one classifier, used by the figure ranking (digest.editorial.figures) and by the site's
figures index (digest.pages.indexes).

Apart from figures.py so that the site build, which only classifies figures it already has,
loads the units table and the few patterns below, not the patterns that find figures in text
(about 50 ms of compiling on every build)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.editorial.units import Units, load_units, unit_kind, unit_quantity

U: Units = load_units()


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of `words`, longest first (so "billion" is tried before "bn")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


FRAC = alternation(U.fractions)
CURRENCY_START = re.compile(r"^(?:" + U.currency_prefix + r")")
_MULTIPLE_WORDS = frozenset(m.lower() for m in U.multiples)
_UNIT_SYMBOL_END = re.compile(r"[\d+](\D+)$")
_FRACTION_END = re.compile(r"(?i)(?:" + FRAC + r")$")
_RATIO = re.compile(r"\s(?:in|out of)\s")
_SCALE_END = re.compile(r"(?:" + U.scale + r"|(?i:dozens?|" + alternation(U.vague_scales)
                        + r"))$")
_COMPOUND_END = re.compile(r"-[A-Za-z]+$")
# A count is a number: digits, or a number word ("two", "a dozen", "tens of thousands").
_READS_AS_NUMBER = re.compile(
    r"(?:[\d.,]|(?i:" + alternation([*U.cardinals, *U.vague_scales, "a", "an"]) + r")\b)"
)


@dataclass(frozen=True, slots=True)
class FigureKind:
    """What kind of number a figure is: `kind` one of money, percent, multiplier, unit, scaled,
    count or other (no number to read); `quantity` what a unit measures ("time", "memory", ...
    the quantities of data/units.yml), else None."""

    kind: str
    quantity: str | None = None


def figure_kind(value: str) -> FigureKind:
    """The one figure-kind classifier: the ranking and the site's figures index use it."""
    v = value.strip()
    if not v:
        return FigureKind("other")
    kind = kind_of(v) or "count"
    if kind == "count" and not _READS_AS_NUMBER.match(v):
        return FigureKind("other")  # "Q3": a label with a digit in it, not a count
    unit = unit_at_end(v) if kind == "unit" else None
    return FigureKind(kind, unit_quantity(U, unit) if unit is not None else None)


def unit_at_end(value: str) -> str | None:
    """The unit a value ends with, as written: the longest unit word or symbol after the number
    ("cubic feet per minute"), or a symbol glued to it ("3nm", "5.3TB/s", "2°C")."""
    words = value.replace("-", " ").split()
    for size in (4, 3, 2, 1):
        if len(words) >= size and unit_kind(U, " ".join(words[-size:])):
            return " ".join(words[-size:])
    if (symbol := _UNIT_SYMBOL_END.search(value)) and unit_kind(U, symbol.group(1)):
        return symbol.group(1)
    return None


def kind_of(value: str) -> str | None:
    """money, percent, multiplier, unit, scaled or count."""
    v = value.strip()
    words = v.replace("-", " ").split()
    low = v.lower()
    if CURRENCY_START.match(v) or words[-1].lower() in U.currency_suffixes:
        return "money"
    if (unit := unit_at_end(v)) is not None:
        return unit_kind(U, unit)
    if low in _MULTIPLE_WORDS:
        return "multiplier"
    if _FRACTION_END.search(v) or _RATIO.search(low):
        return "percent"  # a share: "a third", "two-thirds", "one in ten"
    if _SCALE_END.search(v):
        return "scaled"
    if _COMPOUND_END.search(v):
        return "unit"  # "12-high", "8-GPU"
    return "count"
