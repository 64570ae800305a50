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


# Units, currencies, scales and numbers in words from the units table (data/units.yml); each
# case fails when its entry or rule is removed. Our own sentences.
FIGURES += [
    pytest.param("The state cleared Rs 13,911 crore for the new fab.", "Rs 13,911 crore", "fab",
                 id="rupees-crore"),
    pytest.param("Orders reached one lakh units in the first month.", "one lakh", "units",
                 id="lakh-in-words"),
    pytest.param("The workstation sells for AU$6,899 at launch.", "AU$6,899", "workstation",
                 id="australian-dollars"),
    pytest.param("The plant burns 480 million kilograms of coal a year.", "480 million kilograms",
                 "coal", id="mass-with-scale"),
    pytest.param("The cooler moves 46.4 cubic feet per minute of air.",
                 "46.4 cubic feet per minute", "cooler", id="multi-word-flow-unit"),
    pytest.param("The modem peaks at 1.2 gigabits-per-second downstream.",
                 "1.2 gigabits-per-second", "modem", id="hyphenated-rate-unit"),
    pytest.param("The switch fabric carries 4.8 terabits per second.", "4.8 terabits per second",
                 "switch", id="rate-in-words"),
    pytest.param("The fans spin at 2,000 RPM when the rack is full.", "2,000 RPM", "fans",
                 id="rpm"),
    pytest.param("The panel reaches 600 nits in sunlight.", "600 nits", "panel", id="nits"),
    pytest.param("Nights in the valley warmed by 2°C over a decade.", "2°C", "warmed",
                 id="celsius-symbol"),
    pytest.param("The wafer-scale die covers 46,225 square millimeters of silicon.",
                 "46,225 square millimeters", "silicon", id="area-in-words"),
    pytest.param("The campus sits on 1,100 acres east of the river.", "1,100 acres", "campus",
                 id="acres"),
    pytest.param("Regulators logged 142 cases of overheating last year.", "142", "cases",
                 id="count-with-noun"),
    pytest.param("The carrier now sells the phone in six countries.", "six", "countries",
                 id="count-in-words"),
    pytest.param("Tens of thousands of engineers attended the show.", "Tens of thousands",
                 "engineers", id="vague-scale-at-sentence-start"),
    pytest.param("About half of the wafers failed inspection.", "half", "wafers",
                 id="half-of"),
    pytest.param("Only one in ten designs reaches tape-out.", "one in ten", "designs",
                 id="ratio-in-words"),
    pytest.param("A dozen suppliers bid for the contract.", "A dozen", "suppliers",
                 id="a-dozen"),
    pytest.param("The team finished the port in six weeks.", "six weeks", "port",
                 id="duration-in-words"),
    pytest.param("Shipments of the board doubled from the spring.", "doubled", "shipments",
                 id="doubled"),
    pytest.param("The lab hired more than 40 engineers this year.", "40", "engineers",
                 id="bound-stays-out-of-value"),
    pytest.param("Each 8-GPU server ships with liquid cooling.", "8-GPU", "server",
                 id="compound-with-acronym"),
    pytest.param("The contract covers a nine-acre lot beside the fab.", "nine-acre", "lot",
                 id="compound-in-words"),
    pytest.param("Forty-\nfive suppliers signed the pledge.", "Forty- five", "suppliers",
                 id="word-number-over-a-line-break"),
    pytest.param("The firm bought a third of the shares.", "a third", "shares",
                 id="fraction-a-third"),
    pytest.param("Between 22 and 25 teams entered the contest.", "22 and 25", "teams",
                 id="between-range"),
    pytest.param("The contest drew four or five entries per school.", "four or five", "entries",
                 id="word-range-with-or"),
    pytest.param("A 35-year-old engineer led the design.", "35-year-old", "engineer",
                 id="age-is-a-figure"),
    pytest.param("The reactor ran at 56℃ through the test.", "56℃", "reactor",
                 id="celsius-sign"),
    pytest.param("Some model servers saw latency drop by 60+ ms.", "60+ ms", "latency",
                 id="number-with-plus"),
    pytest.param("The region throws away 10 million tons per year of old devices.",
                 "10 million tons per year", "devices", id="rate-per-year"),
    pytest.param("Driver sensitivity is 106 +/- 1 mW across the range.", "106 +/- 1 mW",
                 "sensitivity", id="tolerance"),
    pytest.param("Slideshow intervals run three seconds to 24 hours on the frame.",
                 "three seconds to 24 hours", "intervals", id="range-over-two-time-units"),
    pytest.param("Use an image of at least 100 x 100 pixels in the feed.", "100 x 100 pixels",
                 "image", id="dimensions"),
    pytest.param("Two Nvidia engineers presented the design.", "Two", "engineers",
                 id="count-before-a-company-name"),
    pytest.param("Temperatures hit a record 10 septillion years of compute.",
                 "10 septillion years", "compute", id="septillion"),
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


# Numbers in words and digits that are no figure under the rules of issue 13.
NOT_FIGURES += [
    pytest.param("No one expected one of the rivals to win one day.", id="one-as-pronoun"),
    pytest.param("Sales in the first half were weak.", id="half-as-period"),
    pytest.param("The Big Three carmakers met in Detroit.", id="word-number-in-a-name"),
    pytest.param("The company will double down on memory.", id="double-down-idiom"),
    pytest.param("A third party audited the plant.", id="a-third-as-ordinal"),
    pytest.param("Buyers should think twice before upgrading.", id="think-twice-idiom"),
    pytest.param("The panel called it a three-legged stool.", id="word-compound-not-a-unit"),
    pytest.param("Visit us at 170 N. Dearborn St. for the demo.", id="street-address"),
    pytest.param("The office is in Sunnyvale, CA 94085 near the park.", id="zip-code"),
    pytest.param("Support is available 24/7 for enterprise buyers.", id="round-the-clock"),
    pytest.param("The 802.1x standard covers port access.", id="standard-name-with-x"),
    pytest.param("Staff spoke to 7 On Your Side about the delays.", id="number-in-a-name"),
    pytest.param("The project ran from 2007-2009 at the old site.", id="year-range"),
    pytest.param("That was in 1860, long before the railway.", id="nineteenth-century-year"),
    pytest.param("Trim a 2-by-6 down before you cut.", id="size-by-size"),
    pytest.param("Half Dome rises above the valley floor.", id="half-in-a-name"),
    pytest.param("Three Mile Island stayed closed for years.", id="word-number-opening-a-name"),
    pytest.param("Deliver higher accuracy 3", id="list-number-left-at-a-line-end"),
]


def test_numbers_in_names_codes_and_list_items_are_not_figures() -> None:
    assert _values("Users may see 503 Service Unavailable errors and retry.") == []
    assert _values("Set the variable MAX_THREADS= 4 before the run.") == []
    assert _values("The model runs fast. 2. Throughput improved a lot.") == []
    assert _values("Key results: 1. vLLM cut the wait.") == []
    assert _values("Buyers picked the ecobee 4 WiFi Thermostat over rivals.") == []


def test_a_rate_after_money_stays_in_the_context() -> None:
    (figure,) = find_figures(["That comes to about 18 cents per day for the laptop."])
    assert figure.value == "18 cents" and "per day" in figure.context


def test_large_count_written_again_for_the_same_thing_is_listed_once() -> None:
    paragraphs = ["Regulators shut down 34,000 accounts in December.",
                  "The 34,000 accounts had spread false claims."]
    assert [f.value for f in find_figures(paragraphs)] == ["34,000"]


def test_percentage_with_the_same_noun_again_is_listed_once() -> None:
    paragraphs = ["Batching gave a 50% reduction in latency.",
                  "We saw a 50% reduction in latency on every model."]
    assert [f.value for f in find_figures(paragraphs)] == ["50%"]


def test_list_numbers_are_not_figures() -> None:
    assert [f.value for f in find_figures(["1", "Fast patching of images.", "2.",
                                           "3. Smaller images load faster."])] == []


def test_same_money_value_written_again_is_listed_once() -> None:
    paragraphs = ["The ban covers workers earning under $250,000.",
                  "Lawmakers kept the $250,000 limit in the final bill."]
    assert [f.value for f in find_figures(paragraphs)] == ["$250,000"]


def test_count_in_words_after_the_is_a_reference() -> None:
    """'The three sites' points back to 'Three sites' (one figure); 'The two sides', with no
    two before it, counts the sides (the gold README: 'the two entities' is a count)."""
    paragraphs = ["Three sites were named on Monday.", "The three sites must now file reports.",
                  "The two sides sketched a deal in March."]
    assert sorted(f.value for f in find_figures(paragraphs)) == ["Three", "two"]


def test_context_is_the_figures_own_clause_in_one_piece() -> None:
    (money, percent) = find_figures(
        ["Revenue reached $4.2 billion, up 38% from a year earlier, the company said."])
    assert money.context == "Revenue reached $4.2 billion"
    assert percent.context == "Revenue reached $4.2 billion, up 38% from a year earlier"
    assert all("…" not in f.context for f in (money, percent))


def test_context_stops_at_a_new_clause() -> None:
    figures = find_figures(["The fan moves 46 cubic feet per minute and the link runs at "
                            "1.2 Gbps over copper."])
    by_value = {f.value: f.context for f in figures}
    assert by_value["1.2 Gbps"] == "the link runs at 1.2 Gbps over copper"


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


# --- names, formats and currencies (issue 13, second pass); our own sentences --------------------
NAME_AND_FORMAT_NUMBERS = [
    pytest.param("The new iPhone 15 has a 48MP camera.", "15", id="number-after-a-camel-case-name"),
    pytest.param("The Zotac GTX 1080 & 1070 cards ship today.", "1070",
                 id="second-model-number-after-ampersand"),
    pytest.param("The GTX 1050 / 1050 Ti cards ship today.", "1050",
                 id="second-model-number-after-slash"),
    pytest.param("The 2019-launched phone shot 4K video.", "2019-launched",
                 id="year-as-compound-adjective"),
    pytest.param("It has a 7.1-channel analog output.", "7.1-channel",
                 id="audio-channel-format"),
]


@pytest.mark.parametrize(("sentence", "not_value"), NAME_AND_FORMAT_NUMBERS)
def test_numbers_in_names_and_formats_are_not_figures(sentence: str, not_value: str) -> None:
    assert not_value not in _values(sentence)


def test_a_real_count_after_a_camel_case_name_and_a_comma_stays() -> None:
    assert "15" in _values("For the iPhone, 15 suppliers ship parts.")


def test_currency_written_before_and_after_keeps_the_symbol() -> None:
    assert _values("The case costs £1200 ($1,300 USD) in May.") == ["£1200", "$1,300"]
    assert _values("At €2,500 euros, it is not cheap.") == ["€2,500"]


def test_a_ticker_in_brackets_does_not_cut_the_context() -> None:
    figures = find_figures(["Shares of Northwind (NYSE: NW) fell 8% after the outlook cut."])
    assert figures[0].value == "8%"
    assert figures[0].context.startswith("Shares of Northwind")


def test_numbers_of_a_list_run_into_one_paragraph_are_not_figures() -> None:
    text = ("Key results: 1. vLLM cuts latency by up to 20 ms for most of our models 2. "
            "Throughput improved by up to 8X by batching 3. Some servers saw latency drop by "
            "60 ms.")
    assert sorted(_values(text)) == ["20 ms", "60 ms", "8X"]
    # two numbers closing sentences are not yet a list
    assert _values("The team scored 2. Then it scored 3. Fans left.") == ["2", "3"]


def test_from_to_with_a_unit_is_a_range_unless_something_changed() -> None:
    assert _values("The screen refreshes at rates from 10Hz to 120Hz.") == ["10Hz to 120Hz"]
    assert sorted(_values("Board power rose from 300 W to 700 W in two years.")) == [
        "300 W", "700 W", "two years"]
    assert sorted(_values("The valuation went from $47 billion to $8 billion.")) == [
        "$47 billion", "$8 billion"]


def test_a_hedge_word_inside_the_figure_stays_in_its_value() -> None:
    assert _values("Some 80 plus percent of the firms say so.") == ["80 plus percent"]
