"""Figures stage: values as written, what they measure, and numbers that are not figures."""

from __future__ import annotations

import pytest

from digest.editorial.figures import find_figures


def _values(text: str) -> list[str]:
    return [f.value for f in find_figures([text])]


# (sentence, value expected, a word its context must hold)
FIGURES = [
    pytest.param("Data center sales rose 38% on the year.", "38%", "data center", id="percent"),
    pytest.param("Margins widened by 4 percentage points.", "4 percentage points", "margins",
                 id="percentage-points"),
    pytest.param("Operating costs fell 12 percent in the quarter.", "12 percent", "costs",
                 id="percent-word"),
    pytest.param("The group booked revenue of $35.1 billion for the period.", "$35.1 billion",
                 "revenue", id="money-billion"),
    pytest.param("It will spend €2.4bn on a new plant.", "€2.4bn", "plant", id="money-euro-bn"),
    pytest.param("Profit reached 9.3 trillion won.", "9.3 trillion won", "profit",
                 id="money-suffix-currency"),
    pytest.param("The accelerator trains models 2x faster than the old card.", "2x", "faster",
                 id="multiplier-x"),
    pytest.param("Inference runs 1.5 times faster on the new part.", "1.5 times", "inference",
                 id="multiplier-times"),
    pytest.param("Throughput improves 2x to 3x over the earlier design.", "2x to 3x",
                 "throughput", id="range-multiplier"),
    pytest.param("Analysts expect 20% to 25% growth next year.", "20% to 25%", "growth",
                 id="range-percent"),
    pytest.param("The chip is built on a 3nm process.", "3nm", "process", id="node-nm"),
    pytest.param("Each package carries 192 GB of stacked memory.", "192 GB", "memory",
                 id="capacity-gb"),
    pytest.param("Memory bandwidth reaches 5.3 TB/s per socket.", "5.3 TB/s", "bandwidth",
                 id="bandwidth"),
    pytest.param("The cores boost to 4.2 GHz under load.", "4.2 GHz", "cores", id="frequency"),
    pytest.param("The card draws 700 W at full load.", "700 W", "card", id="power-watts"),
    pytest.param("The pod delivers 42 exaflops of compute.", "42 exaflops", "compute",
                 id="exaflops"),
    pytest.param("The engine is rated at 45 TOPS for local models.", "45 TOPS", "engine",
                 id="tops"),
    pytest.param("The cluster will hold 400,000 chips when finished.", "400,000", "chips",
                 id="count-with-comma"),
    pytest.param("The die holds 208 billion transistors.", "208 billion", "transistors",
                 id="scaled-count"),
    pytest.param("It ships a 12-high stack of DRAM dies.", "12-high", "stack",
                 id="hyphen-compound"),
    pytest.param("The laptop is just 5.1 mm thick.", "5.1 mm", "thick", id="thickness"),
    pytest.param("The new card is three times faster at inference.", "three times", "faster",
                 id="spelled-multiplier"),
]


@pytest.mark.parametrize(("sentence", "value", "context_word"), FIGURES)
def test_figure_value_and_context(sentence: str, value: str, context_word: str) -> None:
    figures = find_figures([sentence])
    matching = [f for f in figures if f.value == value]
    assert matching, [f.value for f in figures]
    assert context_word.lower() in matching[0].context.lower()
    assert len(matching[0].context.split()) <= 16


def test_up_to_stays_out_of_the_value_and_in_the_context() -> None:
    (figure,) = find_figures(["The vendor promises up to 50% lower power draw."])
    assert figure.value == "50%"
    assert "up to 50%" in figure.context


def test_context_keeps_the_comparison() -> None:
    (figure,) = find_figures(
        ["Customers saw a 40% gain in throughput compared to the servers from Rival Corp."]
    )
    assert figure.value == "40%"
    assert "compared to the servers from Rival Corp" in figure.context


NOT_FIGURES = [
    pytest.param("The founder joined the company in 2014.", id="year"),
    pytest.param("The event opened on December 3 in the desert.", id="month-day"),
    pytest.param("Results arrive on 3 December, the company said.", id="day-month"),
    pytest.param("It shipped on March 18, 2024 to partners.", id="full-date"),
    pytest.param("The M4 and the A17 share a design team.", id="chip-names"),
    pytest.param("Buyers still want the H100 and the MI300X.", id="gpu-names"),
    pytest.param("The Trainium2 instances are in preview.", id="digit-glued-to-name"),
    pytest.param("Intel 18A is the node it bets on.", id="process-name-18A"),
    pytest.param("Gaudi 3 is the newest accelerator.", id="name-then-number"),
    pytest.param("It was the third quarter in a row of losses.", id="ordinal-quarter-word"),
    pytest.param("Guidance for Q3 was unchanged.", id="quarter-q3"),
    pytest.param("The keynote starts at 9:30 a.m. local time.", id="time-of-day"),
    pytest.param("The firm finished 2nd in the ranking.", id="ordinal-digits"),
    pytest.param("Call the press office on 555-010-4477 for details.", id="phone-number"),
    pytest.param("Chip demand boomed in the 1990s.", id="decade"),
    pytest.param("The plan runs through fiscal 2026.", id="fiscal-year"),
    pytest.param("Nurses face alarm fatigue [1] on busy wards [ 2].", id="footnote-marks"),
    pytest.param("See Crit Care Med. 2015; 28: 685-690 for the trial.", id="journal-citation"),
    pytest.param("The airline ordered the 787-9 Dreamliner instead.", id="hyphenated-model-number"),
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_figures(sentence: str) -> None:
    assert _values(sentence) == []


def test_ranking_puts_headline_money_and_percent_before_counts() -> None:
    paragraphs = [
        "Example Chips reported revenue of $4.2 billion, up 31% from a year earlier.",
        "The company now runs 14 offices and employs 2,300 engineers.",
    ]
    values = [f.value for f in find_figures(paragraphs)]
    assert values[:2] == ["31%", "$4.2 billion"] or values[:2] == ["$4.2 billion", "31%"]
    assert set(values[2:]) == {"14", "2,300"}


def test_same_value_in_two_places_is_listed_twice() -> None:
    paragraphs = ["Output grew 40% in Asia.", "Costs fell 40% in Europe."]
    assert [f.value for f in find_figures(paragraphs)] == ["40%", "40%"]


def test_unit_value_repeated_for_the_same_thing_is_listed_once() -> None:
    paragraphs = ["The chip is built on a 3nm process.", "Rivals will reach 3nm in 2026."]
    assert [f.value for f in find_figures(paragraphs)] == ["3nm"]


def test_unit_value_repeated_for_different_things_is_listed_twice() -> None:
    paragraphs = ["It has a 10-core CPU.", "It also has a 10-core GPU."]
    assert [f.value for f in find_figures(paragraphs)] == ["10-core", "10-core"]


def test_currency_and_scale_written_once_make_one_range() -> None:
    assert _values("Buyers promised $40-50 billion in purchases.") == ["$40-50 billion"]


def test_context_borrows_the_sentence_subject_when_the_number_is_far_from_it() -> None:
    (figure, *_rest) = find_figures(
        ["Example Chips' AI revenue for the full fiscal year that ended in November rose 220%."]
    )
    assert figure.value == "220%"
    assert "AI revenue" in figure.context




def test_seed_article_figures(seed_body: list[str]) -> None:
    figures = find_figures(seed_body)
    by_value = {f.value: f for f in figures}
    assert "40%" in by_value
    context = by_value["40%"].context.lower()
    assert "efficiency" in context and "x86" in context
    fifty = by_value.get("up to 50%") or by_value.get("50%")
    assert fifty is not None
    assert "pre-training" in fifty.context or "efficiency" in fifty.context
    assert all("2014" not in f.value for f in figures)
    assert [f.value for f in figures][:1] == ["40%"]
