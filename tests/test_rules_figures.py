"""What is not a figure, and how ages are written (digest/editorial/figures.py), one rule a
test. Each sentence also holds a real figure, which must still be found: a test fails when its
exclusion rule is removed (the excluded number then shows up among the values) and cannot pass
by finding nothing. Sentences are our own; the rules follow tests/gold/README.md."""

from __future__ import annotations

import pytest

from digest.editorial.figures import find_figures


def values(sentence: str) -> list[str]:
    return [f.value for f in find_figures([sentence])]


EXCLUSIONS = [
    # phone numbers
    pytest.param("Call 555-201-3344 for details about the 12 plants.", "12", id="phone-dashes"),
    pytest.param("Call +1 (408) 555-0199 about the 12 plants.", "12", id="phone-international"),
    pytest.param("Call 408.555.0199 about the 12 plants.", "12", id="phone-dots"),
    # dates and years
    pytest.param("On March 3, 2025 the firm shipped 500 units.", "500", id="month-day-year"),
    pytest.param("On 3 March 2025 the firm shipped 500 units.", "500", id="day-month-year"),
    pytest.param("On 12/05/2024 the firm shipped 500 units.", "500", id="numeric-date"),
    pytest.param("In 2023 the firm shipped 500 units.", "500", id="year"),
    pytest.param("Since the 1990s the firm has shipped 500 units.", "500", id="decade"),
    pytest.param("From 2019-2023 the firm shipped 500 units.", "500", id="year-range"),
    pytest.param("At 9:30 a.m. the firm shipped 500 units.", "500", id="time-of-day"),
    pytest.param("At 4 p.m. the firm shipped 500 units.", "500", id="hour"),
    pytest.param("In Q3 2024 the firm shipped 500 units.", "500", id="quarter"),
    pytest.param("In FY2025 the firm shipped 500 units.", "500", id="fiscal-year"),
    # model and product names
    pytest.param("The H100 beat its rival by 30%.", "30%", id="letter-digits"),
    pytest.param("The Gaudi 3 beat its rival by 30%.", "30%", id="name-space-digit"),
    pytest.param("The Intel 4 process beat its rival by 30%.", "30%", id="process-name"),
    pytest.param("The Snapdragon 8 Gen 3 beat its rival by 30%.", "30%", id="product-suffix"),
    pytest.param("Boeing said the 777 program added 30% more jobs.", "30%", id="model-as-name"),
    pytest.param("The 777X beat its rival by 30%.", "30%", id="model-multiplier"),
    pytest.param("Part 4410-12 beat its rival by 30%.", "30%", id="part-number"),
    # ordinals, references, places
    pytest.param("The firm ranked 3rd after sales rose 30%.", "30%", id="ordinal"),
    pytest.param("The report [3] said sales rose 30%.", "30%", id="footnote"),
    pytest.param("The office at 1600 Main Street grew 30%.", "30%", id="street-address"),
    pytest.param("The site in Austin, TX 78701 grew 30%.", "30%", id="zip-code"),
    pytest.param("Support runs 24/7 and sales rose 30%.", "30%", id="round-the-clock"),
    pytest.param("Version 2.1 shipped and sales rose 30%.", "30%", id="version"),
    pytest.param("The top ten firms grew 30%.", "30%", id="rank-label"),
]


@pytest.mark.parametrize(("sentence", "kept"), EXCLUSIONS)
def test_not_a_figure(sentence: str, kept: str) -> None:
    assert values(sentence) == [kept]


def test_control_the_same_numbers_measuring_something_are_figures() -> None:
    """Digits of a phone number, a year or a model are figures where they count things."""
    assert values("The firm shipped 3,344 units and 2,025 wafers to 777 customers.") == [
        "3,344", "2,025", "777"]


# --- ages: figures, written with their unit (tests/gold/README.md) ---------------------------

def test_age_as_a_compound_is_one_figure_with_its_unit() -> None:
    assert "45-year-old" in values("The 45-year-old engineer joined with 300 colleagues.")


def test_age_in_words_is_one_figure_with_its_unit() -> None:
    assert "four-year-old" in values("The four-year-old company employs 300 people.")


def test_age_in_apposition_is_a_count_of_years() -> None:
    assert "52" in values("Maria Lindqvist, 52, said the firm employs 300 people.")


def test_word_compound_that_is_no_unit_is_not_a_figure() -> None:
    assert values("A three-legged stool and a two-way street cost 30% more.") == ["30%"]


# --- ranking: most important first ------------------------------------------------------------

def test_money_then_percent_then_multiplier_then_count() -> None:
    """KIND_WEIGHTS: money and percentages lead a digest, multipliers next, counts last."""
    sentence = ("The plant employs 300 people and cost $2 billion, a 40% rise, and runs three "
                "times faster.")
    assert values(sentence) == ["$2 billion", "40%", "three times", "300"]


def test_a_later_paragraph_does_not_outrank_its_kind() -> None:
    assert [f.value for f in find_figures(["The plant employs 300 people.",
                                           "It cost $2 billion."])] == ["$2 billion", "300"]


def test_a_count_in_words_ranks_below_the_same_count_in_digits() -> None:
    """WORD_NUMBER_PENALTY; and a count written again is the same figure, kept once."""
    assert [f.value for f in find_figures(["It sold 12 chips.",
                                           "It sold two more chips and then 12 chips again."])
            ] == ["12", "two"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sales rose 20% to 25% and between 22 and 25 units shipped.", ["20% to 25%", "22 and 25"]),
        ("The $2-$3 range and 5-10 GW plants.", ["$2-$3", "5-10 GW"]),
        ("Costs were 10 cents per day and 18 cents a week.", ["10 cents", "18 cents"]),
        ("It is more than double the price.", ["double"]),
        ("The 40 EUR and 50 yuan plans.", ["40 EUR", "50 yuan"]),
    ],
)
def test_ranges_rates_multiples_and_currencies(sentence: str, expected: list[str]) -> None:
    assert values(sentence) == expected


# --- numbers in words (digest/editorial/figure_words.py) ------------------------------------

@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The new design uses about a third less energy than the old one.",
                     ["a third"], id="fraction-before-comparative"),
        pytest.param("A third party audited the plant and 40 workers were hired.", ["40"],
                     id="fraction-as-ordinal-stays-out"),
        pytest.param("We scrapped almost a fifth of the first batches of 300 chips.",
                     ["a fifth", "300"], id="fifth-after-article"),
        pytest.param("If the paste is off at six in the morning, 12 boards fail by noon.",
                     ["12"], id="time-of-day-in-words"),
        pytest.param("The line ran six shifts and 12 boards failed.", ["six", "12"],
                     id="count-in-words-stays"),
    ],
)
def test_word_number_rules(sentence: str, expected: list[str]) -> None:
    """FRACTION_COMPARATIVES, TIME_OF_DAY_WORDS and the after-article fractions of units.yml:
    each case holds the figure the rule adds or keeps out, beside one that must stay."""
    assert sorted(values(sentence)) == sorted(expected)


def test_small_currents_are_a_unit() -> None:
    """units.yml power: 'microamps' is a unit, so the value keeps it."""
    assert values("The chip draws 1.2 microamps while asleep.") == ["1.2 microamps"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(["Forty-five chip deals were announced in October.",
                      "Of the 45 deals, a dozen were large."], ["45", "a dozen"],
                     id="spelt-out-at-sentence-start-then-digits-is-one"),
        pytest.param(["Five plants opened in May.", "The firm spent $5 on each of 300 kits."],
                     ["Five", "$5", "300"], id="small-word-count-is-kept"),
        pytest.param(["The survey found a payoff: Ninety-two percent of engineers agreed, and "
                      "40 firms took part."], ["Ninety-two percent", "40"],
                     id="capitalised-after-a-colon-opens-a-sentence"),
        pytest.param(["The chip has twenty-two cores and a three-legged stand for 12 boards."],
                     ["twenty-two", "12"], id="compound-of-cardinals-is-a-number"),
        pytest.param(["A four-year-old can stack 12 blocks."], ["four-year-old", "12"],
                     id="age-compound-stays"),
    ],
)
def test_spelt_out_numbers(paragraphs: list[str], expected: list[str]) -> None:
    """SPELT_OUT_MIN and word_number_value (figures.py), the colon in _sentence_start and the
    compound rule of figure_words.py."""
    assert sorted(f.value for f in find_figures(paragraphs)) == sorted(expected)


# --- what a figure measures (digest/editorial/figure_context.py) ------------------------------

def _context(paragraph: str, value: str) -> str:
    (found,) = [f for f in find_figures([paragraph]) if f.value == value]
    return found.context


def test_a_clause_opening_with_an_adverb_or_participle_continues_the_clause_before() -> None:
    """CONTINUING_SUFFIXES: 'typically using 30 to 70 watts' says nothing of what draws them;
    the clause before, 'Laptops draw little power', does. A clause opening with a noun keeps to
    itself."""
    assert "Laptops" in _context("Laptops draw little power, typically using 30 to 70 watts.",
                                 "30 to 70 watts")
    assert "Laptops" not in _context("Laptops draw little power, desktop towers use 300 watts.",
                                     "300 watts")


def test_an_opening_phrase_takes_the_main_clause_after_it() -> None:
    """opening_phrase: 'At over 10 million tons a year, e-waste is ...' measures e-waste; a
    value in the main clause ('Revenue was $5 billion, up 4%, helped by ...') does not reach
    into the clause after."""
    assert "e-waste" in _context("At over 10 million tons per year, e-waste is the fastest "
                                 "growing waste stream.", "10 million tons per year")
    assert "helped" not in _context("Revenue for the year was $5 billion, up 4%, helped by a "
                                    "strong quarter.", "4%")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Data centers make up nearly two-thirds of its 40 product lines.",
                     ["two-thirds", "40"], id="fraction-compound"),
        pytest.param("The modules draw 4.5 picojoules per bit over 12 links.",
                     ["4.5 picojoules per bit", "12"], id="energy-per-bit"),
    ],
)
def test_fractions_and_energy_per_bit(sentence: str, expected: list[str]) -> None:
    """figure_words: a compound whose last part is a fraction is a number; units.yml energy
    and RATE_DENOMINATORS: 'picojoules per bit' is one unit."""
    assert sorted(values(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The earbuds come with three Noise Control modes and 12 tips.",
                     ["three", "12"], id="count-before-capitalised-modifier"),
        pytest.param("The app has over 1K App Store reviews from 12 countries.", ["1K", "12"],
                     id="scaled-before-capitalised-modifier"),
        pytest.param("Users may get 503 Service Unavailable errors on 12 sites.", ["12"],
                     id="bare-code-stays-a-name"),
    ],
)
def test_capitalised_words_after_a_number(sentence: str, expected: list[str]) -> None:
    """_MODIFIER_AFTER: capitalised words modifying a plural noun after a count in words or a
    scaled number make no name; a bare code before them still does ('503 Service ...')."""
    assert sorted(values(sentence)) == sorted(expected)


def test_a_long_participle_clause_and_a_quoted_clause_keep_to_themselves() -> None:
    """OPENING_PHRASE_MAX_WORDS: 'lifting the company's market value above $1 trillion' says
    what it measures, so the clause before (with another figure) stays out; a comma closing a
    quotation ('... in two," he added') does not open a main clause."""
    ctx = _context("Shares rose 24% on Friday, lifting the company's market value above $1 "
                   "trillion for the first time.", "$1 trillion")
    assert "24%" not in ctx and "market value" in ctx
    said = _context('"For now the board has split the job in two," he added.', "two")
    assert "added" not in said


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(["The deal joins the two entities under one board of 12 members."],
                     ["two", "12"], id="anaphoric-count-is-a-count"),
        pytest.param(["Two partners signed the deal.",
                      "The deal joins the two entities under one board of 12 members."],
                     ["Two", "12"], id="pointing-back-to-a-count-given-before"),
        pytest.param(["The firm moved its three platforms to one cloud for 12 clients."],
                     ["12"], id="possessive-set-stays-out"),
        pytest.param(["In 2023 the two signed an agreement with 12 banks."], ["12"],
                     id="the-two-without-a-noun-is-a-pair"),
    ],
)
def test_counts_after_the(paragraphs: list[str], expected: list[str]) -> None:
    """ANAPHORIC_WORDS, PLURAL_NOUNS and _drop_anaphoric_repeats: 'the two entities' is a
    count (the gold rule: a count with a noun), unless the same number was given before ('Two
    partners ... the two entities'); 'the two signed' names a pair."""
    assert sorted(f.value for f in find_figures(paragraphs)) == sorted(expected)
