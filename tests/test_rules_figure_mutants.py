"""Rules of the figures stage's helpers that a mutation run found unpinned (digest/editorial/
figure_words.py: numbers written in words), one small test each on the helper itself. The
sentences are our own."""

from __future__ import annotations

import pytest

from digest.editorial.figure_context import measure_context
from digest.editorial.figure_words import (
    _plural,
    _sentence_start,
    is_word_figure,
    refers_back,
    word_number_value,
)
from digest.editorial.units import Units, parse_units, unit_kind, unit_quantity
from digest.errors import DigestError


def word_figure(sentence: str, value: str) -> bool:
    s = sentence.index(value)
    return is_word_figure(sentence, s, s + len(value), value)


@pytest.mark.parametrize(("words", "number"), [
    ("two hundred", 200), ("three hundred twelve", 312), ("Forty-five", 45),
    ("hundred", None), ("two dozen", None), ("a third", None),
])
def test_the_number_a_cardinal_in_words_stands_for(words: str, number: int | None) -> None:
    assert word_number_value(words) == number


@pytest.mark.parametrize(("word", "plural"), [
    ("entities", True), ("bits", True), ("people", True),
    ("gas", False), ("boss", False), ("bonus", False), ("analysis", False),
])
def test_a_plural_noun_after_the_two(word: str, plural: bool) -> None:
    assert _plural(word) is plural


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Sales will double the price.", True),  # before what it multiplies
    ("Sales could double soon.", True),  # after a modal
    ("Sales rose more than double.", True),
    ("It was a double whammy.", False),  # an adjective
])
def test_double_measures_only_as_a_verb_or_a_comparison(sentence: str, figure: bool) -> None:
    assert word_figure(sentence, "double") is figure


@pytest.mark.parametrize(("sentence", "figure"), [
    ("There were zero defects.", False),  # 'no defects', not a count of zero
    ("It rose zero percent.", True),  # zero of a unit
    ("The count hit zero.", True),  # nothing after it
    ("The count hit zero", True),
])
def test_zero_is_a_figure_with_a_unit_or_alone(sentence: str, figure: bool) -> None:
    assert word_figure(sentence, "zero") is figure


def test_half_before_a_hyphen_is_a_compound() -> None:
    assert not word_figure("He agreed half-heartedly.", "half")
    assert word_figure("He lost half of it.", "half")


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The users were one third of the base.", True),
    ("The plant hired one third party.", False),  # an ordinal, not a fraction
])
def test_one_third_is_a_fraction_only_before_of(sentence: str, figure: bool) -> None:
    assert word_figure(sentence, "one third") is figure


@pytest.mark.parametrize("sentence", ["“Six countries signed.", "(Six countries signed."])
def test_a_capitalised_number_after_an_opening_mark_starts_its_sentence(sentence: str) -> None:
    assert _sentence_start(sentence, 1)
    assert word_figure(sentence, "Six")


def test_the_word_before_may_stand_after_a_bracket() -> None:
    assert refers_back("Of (the two", 8)
    assert not refers_back("Of two", 3)


# --- what a figure measures (figure_context.measure_context) ----------------------------------

def context(sentence: str, value: str) -> tuple[str, bool]:
    s = sentence.index(value)
    return measure_context(sentence, s, s + len(value))


LONG = "Revenue from the new line of AI accelerator chips sold by the company in Asia rose 220%"


@pytest.mark.parametrize(("sentence", "value", "expected"), [
    # an opening phrase runs on to the main clause after its comma
    ("At over 10 million tons a year, e-waste is the fastest-growing waste stream, the agency "
     "said.", "10 million tons",
     ("At over 10 million tons a year, e-waste is the fastest-growing waste stream", True)),
    # ... but not into a quotation
    ("At 10 million tons, “e-waste grows,” she said.", "10 million tons",
     ("At 10 million tons, “e-waste grows", False)),
    # a comparison after a comma is kept
    ("Revenue reached $4.2 billion, compared with $3.1 billion a year earlier, the company "
     "said.", "$4.2 billion",
     ("Revenue reached $4.2 billion, compared with $3.1 billion a year earlier", True)),
    # nothing after the value: a longer budget before it (13 words, not 9)
    (LONG + ".", "220%",
     ("new line of AI accelerator chips sold by the company in Asia rose 220%", True)),
    (LONG + " in May.", "220%",
     ("accelerator chips sold by the company in Asia rose 220% in May", True)),
    # an adverb of five letters opening the clause continues the clause before
    ("Laptops draw little power, daily 30 watts in use.", "30 watts",
     ("Laptops draw little power, daily 30 watts in use", False)),
    # no space is put between a value and what is glued to it
    ("The unit has 40%-owned plants.", "40%", ("The unit has 40%-owned plants", False)),
    # a context never opens with a conjunction
    ("Revenue rose, and the margin hit 40% last year.", "40%",
     ("the margin hit 40% last year", False)),
    ("(40%)", "40%", ("40%", False)),
])
def test_what_a_figure_measures(sentence: str, value: str, expected: tuple[str, bool]) -> None:
    assert context(sentence, value) == expected


# --- the units table (units.parse_units) -------------------------------------------------------
# parse_units runs once at import on the packaged table, before a test can change anything, so
# its rules are pinned here on a small table of our own.

TABLE = """
quantities:
  percent: {kind: percent, words: [per cent, percent], symbols: ["%"]}
  time: {words: [Hours, hour], symbols: [h]}
  memory: {words: [gigabytes], symbols: [GB, TB/s, TB]}
currency_prefixes: [$, US$]
currency_suffixes: [Euros]
scales: {words: [billion, million], symbols: [bn]}
number_words: {cardinals: [one, two], vague_scales: [dozens], after_article: [dozen],
               fractions: [third], multiples: [twice]}
"""


def test_the_units_table_becomes_patterns_longest_first() -> None:
    """Words match case-insensitively with a space or hyphen between their parts, symbols
    exactly; a quantity's kind is "unit" unless it says, a currency after the amount is money,
    and the time quantity's words are the duration words."""
    assert parse_units(TABLE) == Units(
        unit_kinds={"per cent": "percent", "percent": "percent", "%": "percent",
                    "hours": "unit", "hour": "unit", "h": "unit", "gigabytes": "unit",
                    "GB": "unit", "TB/s": "unit", "TB": "unit", "euros": "money"},
        unit_quantities={"per cent": "percent", "percent": "percent", "%": "percent",
                         "hours": "time", "hour": "time", "h": "time", "gigabytes": "memory",
                         "GB": "memory", "TB/s": "memory", "TB": "memory"},
        unit=r"(?:(?i:gigabytes|per[\s-]cent|percent|Euros|Hours|hour)|(?:TB/s|GB|TB|%|h))",
        currency_prefix=r"(?:US\$|\$)",
        currency_suffix="(?i:Euros)",
        currency_suffixes=frozenset({"euros"}),
        scale="(?:(?i:billion|million)|(?:bn))",
        cardinals=("one", "two"), vague_scales=("dozens",), after_article=("dozen",),
        fractions=("third",), multiples=("twice",),
        duration_words=frozenset({"hour", "hours"}),
    )


def test_an_empty_units_table_matches_nothing() -> None:
    units = parse_units("quantities: {}")
    assert (units.unit, units.currency_prefix, units.currency_suffix, units.scale) == (
        "(?:(?!)|(?!))", "(?!)", "(?!)", "(?:(?!)|(?!))")


@pytest.mark.parametrize(("text", "message"), [
    ("scales: {}", "quantities: missing"),
    ("quantities: {time: {words: hours}}", "time.words: expected a list of strings"),
    ("quantities: {time: {symbols: [h, 1]}}", "time.symbols: expected a list of strings"),
])
def test_a_malformed_units_table_is_named(text: str, message: str) -> None:
    with pytest.raises(DigestError) as caught:
        parse_units(text)
    assert str(caught.value) == f"data/units.yml: {message}"


def test_a_unit_is_looked_up_as_written_then_spaced_and_lower_cased() -> None:
    units = parse_units(TABLE)
    assert unit_kind(units, "GB") == "unit"
    assert unit_kind(units, "gb") is None  # symbols are case-sensitive
    assert unit_quantity(units, "HOURS") == "time"
    assert unit_quantity(units, "per-cent") == "percent"
