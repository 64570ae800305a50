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
