"""The units table (`data/units.yml`) as regular-expression fragments for the figures stage.

The table is data: quantities with their unit words and symbols, currencies written before and
after an amount, scale words and number words. This module reads it once (it ships with the
package and never changes at run time) and turns each list into an alternation, longest first
so "TB/s" beats "TB" and "square feet" beats "feet". Words match case-insensitively with a space
or a hyphen between their parts; symbols match exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from digest.errors import DigestError
from digest.text.normalize import collapse_whitespace

UNITS_PATH = "data/units.yml"


@dataclass(frozen=True, slots=True)
class Units:
    """The table, as lists (for code that looks words up) and pattern fragments."""

    unit_kinds: dict[str, str]  # lower-cased word or exact symbol -> kind ("unit", "percent" ...)
    unit_quantities: dict[str, str]  # the same keys -> quantity ("time", "power", "length" ...)
    unit: str  # any unit word or symbol
    currency_prefix: str
    currency_suffix: str
    currency_suffixes: frozenset[str]  # lower case
    scale: str
    cardinals: tuple[str, ...]
    vague_scales: tuple[str, ...]
    after_article: tuple[str, ...]
    fractions: tuple[str, ...]
    multiples: tuple[str, ...]
    duration_words: frozenset[str]  # lower case: the time quantity's words


def _words_fragment(words: Iterable[str]) -> str:
    """Case-insensitive alternation of unit words, spaces matching a space or a hyphen."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [r"[\s-]".join(re.escape(p) for p in w.split()) for w in ordered]
    return "(?i:" + "|".join(parts) + ")" if parts else "(?!)"


def _symbols_fragment(symbols: Iterable[str]) -> str:
    ordered = sorted(set(symbols), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(s) for s in ordered) + ")" if ordered else "(?!)"


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DigestError(UNITS_PATH, f"{where}: expected a list of strings")
    return list(value)


def parse_units(text: str) -> Units:
    """Build the patterns from the YAML text of a units table; DigestError when malformed."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or not isinstance(data.get("quantities"), dict):
        raise DigestError(UNITS_PATH, "quantities: missing")
    kinds: dict[str, str] = {}
    quantities: dict[str, str] = {}
    words: list[str] = []
    symbols: list[str] = []
    durations: set[str] = set()
    for name, quantity in data["quantities"].items():
        kind = str(quantity.get("kind", "unit"))
        q_words = _strings(quantity.get("words", []), f"{name}.words")
        q_symbols = _strings(quantity.get("symbols", []), f"{name}.symbols")
        for w in q_words:
            kinds.setdefault(w.lower(), kind)
            quantities.setdefault(w.lower(), str(name))
        for s in q_symbols:
            kinds.setdefault(s, kind)
            quantities.setdefault(s, str(name))
        if name == "time":
            durations.update(w.lower() for w in q_words)
        words += q_words
        symbols += q_symbols
    prefixes = _strings(data.get("currency_prefixes", []), "currency_prefixes")
    suffixes = _strings(data.get("currency_suffixes", []), "currency_suffixes")
    for s in suffixes:
        kinds.setdefault(s.lower(), "money")
    scales = data.get("scales") or {}
    numbers = data.get("number_words") or {}
    unit = "(?:" + _words_fragment([*words, *suffixes]) + "|" + _symbols_fragment(symbols) + ")"
    return Units(
        unit_kinds=kinds,
        unit_quantities=quantities,
        unit=unit,
        currency_prefix=_symbols_fragment(prefixes),
        currency_suffix=_words_fragment(suffixes),
        currency_suffixes=frozenset(s.lower() for s in suffixes),
        scale="(?:" + _words_fragment(_strings(scales.get("words", []), "scales.words")) + "|"
        + _symbols_fragment(_strings(scales.get("symbols", []), "scales.symbols")) + ")",
        cardinals=tuple(_strings(numbers.get("cardinals", []), "number_words.cardinals")),
        vague_scales=tuple(_strings(numbers.get("vague_scales", []), "number_words.vague_scales")),
        after_article=tuple(_strings(numbers.get("after_article", []),
                                     "number_words.after_article")),
        fractions=tuple(_strings(numbers.get("fractions", []), "number_words.fractions")),
        multiples=tuple(_strings(numbers.get("multiples", []), "number_words.multiples")),
        duration_words=frozenset(durations),
    )


@cache
def load_units() -> Units:
    """The packaged units table (read once: it is part of the code, not user data)."""
    text = resources.files("digest.editorial").joinpath(UNITS_PATH).read_text(encoding="utf-8")
    return parse_units(text)


def unit_quantity(units: Units, unit: str) -> str | None:
    """What a unit as written measures ("hours" -> "time", "GB" -> "memory"), or None."""
    spaced = collapse_whitespace(unit.replace("-", " "))
    return units.unit_quantities.get(unit) or units.unit_quantities.get(spaced.lower())


def unit_kind(units: Units, unit: str) -> str | None:
    """The kind of a unit as written ("GB" -> "unit", "percent" -> "percent"), or None."""
    spaced = collapse_whitespace(unit.replace("-", " "))
    return units.unit_kinds.get(unit) or units.unit_kinds.get(spaced.lower())
