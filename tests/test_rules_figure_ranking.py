"""How figures are classified, ranked and merged (digest/editorial/figures.py), one rule a test:
the one kind classifier the ranking and the site's figures index share, the comparison bonus,
list numbers, ranges joined by "and" only after "between", changes "by" X to Y, and a count
spelt out at a sentence start that is given again in digits. Sentences are our own. Each test
fails when its rule is removed."""

from __future__ import annotations

import pytest

from digest.editorial.figures import figure_kind, find_figures


def values(*paragraphs: str) -> list[str]:
    return [f.value for f in find_figures(list(paragraphs))]


@pytest.mark.parametrize(
    ("value", "kind", "quantity"),
    [("46.4 cubic feet per minute", "unit", "volume"),
     ("3 nm", "unit", "length"),
     ("$3 billion", "money", None),
     ("40%", "percent", None),
     ("a third", "percent", None),  # a share in words
     ("3x", "multiplier", None),
     ("twice", "multiplier", None),
     ("5 million", "scaled", None),
     ("500", "count", None),
     ("Q3", "other", None),  # a label with a digit in it, not a count
     ("", "other", None)],
)
def test_figure_kind(value: str, kind: str, quantity: str | None) -> None:
    found = figure_kind(value)
    assert (found.kind, found.quantity) == (kind, quantity)


def test_a_compared_figure_ranks_above_one_of_its_kind_before_it() -> None:
    """Same kind, same paragraph: the comparison bonus puts the later figure first."""
    assert values("Margins were 40%. Sales were 84% higher than a year earlier.") == ["84%", "40%"]


def test_without_a_comparison_reading_order_decides() -> None:
    assert values("Margins were 40%. Sales were 84% of the total.") == ["40%", "84%"]


def test_a_list_number_opening_a_paragraph_is_skipped_not_the_rest() -> None:
    assert values("2. Sales rose 30% in March and 40% in April.") == ["30%", "40%"]


def test_and_joins_a_range_only_after_between() -> None:
    assert values("The firm hired between 500 and 700 people.") == ["500 and 700"]
    assert values("The firm shipped 500 and 700 units.") == ["500", "700"]


def test_by_x_to_y_is_a_change_between_two_figures() -> None:
    assert values("Revenue fell by $2 to $3.") == ["$2", "$3"]
    assert values("The range is 20% to 25%.") == ["20% to 25%"]


def test_a_count_spelt_out_at_a_sentence_start_and_given_in_digits_is_one() -> None:
    """From ten on (SPELT_OUT_MIN): 'Ten' and '10' are one count, kept in digits."""
    assert values("Ten deals were announced. Of the 10 deals, 3 closed.") == ["10", "3"]


def test_a_small_count_spelt_out_at_a_sentence_start_is_kept_below_digits() -> None:
    assert values("Nine deals were announced. Of the 9 deals, 3 closed.") == ["9", "3", "Nine"]


@pytest.mark.parametrize(
    "sentence",
    [pytest.param("Doors open at 9 GMT and sales rose 30%.", id="time-zone"),
     pytest.param("It is 5 o'clock and sales rose 30%.", id="o-clock"),
     pytest.param("The 16:9 screen sold and sales rose 30%.", id="ratio"),
     pytest.param("Firmware 3.5.1 shipped and sales rose 30%.", id="dotted-version")],
)
def test_times_and_version_tails_are_not_figures(sentence: str) -> None:
    assert values(sentence) == ["30%"]


def test_an_inline_list_number_is_skipped_not_the_rest_of_the_sentence() -> None:
    assert values("See note 3. then costs fell 10% and sales rose 30%.") == ["10%", "30%"]


def test_a_large_count_written_again_counts_the_same_thing_unless_the_noun_differs() -> None:
    assert values("The firm has 1,000 stores. Its 1,000 stores sell chips.") == ["1,000"]
    assert values("The firm has 1,000 stores. It employs 1,000 workers.") == ["1,000", "1,000"]
