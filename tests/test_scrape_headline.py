"""Headline detection in plain-text scrapes (digest.ingest.headline): every rule on a line it must
take and a line it must leave, and whole scrapes where the headline has look-alikes around it.
All text is our own invention."""

from __future__ import annotations

import pytest

from digest.ingest.headline import (
    HEADLINE_RULES,
    Page,
    clean_headline,
    find_headline,
    is_headline_shaped,
    stems,
)
from digest.ingest.lines import Kind, Line, classify
from digest.ingest.plaintext import body_region, extract_text

HEADLINE = "Samsung ships 12-layer HBM3E stacks to its first customers"
DEK = "The memory maker says volume shipments start next quarter, ahead of its rivals."

SCRAPE = f"""\
Samsung ships 12-layer HBM3E stacks to its first customers | Fabline
Menu
Chips
Memory
Foundry
Policy
Fabline News
{HEADLINE}
{DEK}
By Mariko Tanaka
December 3, 2024
Photo: Fabline archive

Samsung Electronics said on Tuesday that it has begun shipping its 12-layer HBM3E memory stacks to \
customers, a quarter before the date it gave investors in the spring.

The stacks hold 36GB each, and the company says the extra layers come from thinner bonding film \
rather than from a taller package, which keeps them inside the height limit of current sockets.

HBM demand keeps growing

Analysts expect demand for HBM to double next year as accelerators for data centres ship in volume \
and each of them carries more stacks than the one before.

Related stories

Memory prices climb for a third month
"""


def _page(text: str) -> Page:
    lines = classify(text)
    region = body_region(lines)
    prose = " ".join(x.text for x in lines[region.start : region.end] if x.kind is Kind.PROSE)
    return Page(lines, region.start, frozenset(stems(prose)))


def _line(page: Page, text: str) -> Line:
    return next(x for x in page.lines if x.text == text)


def _extra(text: str) -> Page:
    """The scrape with one more line right after the headline block, to test shapes on."""
    return _page(SCRAPE.replace("Photo: Fabline archive", f"Photo: Fabline archive\n{text}"))


RULES = {rule.name: rule for rule in HEADLINE_RULES}

# (rule, page, line it applies to, line it does not apply to)
RULE_CASES = [
    ("byline or dateline follows", SCRAPE, HEADLINE, "Chips"),
    ("echoed in the page", SCRAPE, HEADLINE, DEK),
    ("standfirst follows", SCRAPE, HEADLINE, DEK),
    ("byline or dateline just before", SCRAPE, "Photo: Fabline archive", HEADLINE),
    ("header lines follow", SCRAPE, DEK, "Chips"),
    ("menu just above", SCRAPE, "Fabline News", "HBM demand keeps growing"),
    ("shares its words with the lead", SCRAPE, HEADLINE, "Fabline News"),
    ("longest title-shaped line near the body", SCRAPE,
     "Samsung ships 12-layer HBM3E stacks to its first customers | Fabline", HEADLINE),
    ("shares its words with the body", SCRAPE, HEADLINE, "Fabline News"),
    ("shares two words or more with the body", SCRAPE, HEADLINE,
     "Memory prices climb for a third month"),
    ("shares no word with the body", SCRAPE, "Fabline News", HEADLINE),
    ("four to twenty words", SCRAPE, HEADLINE, "Chips"),
    ("six words or more", SCRAPE, HEADLINE, "By Mariko Tanaka"),
    ("reads like a sentence", SCRAPE, DEK, HEADLINE),
    ("one or two words", SCRAPE, "Fabline News", HEADLINE),
    ("in a list of short lines", SCRAPE, "Memory", HEADLINE),
    ("inside the body", SCRAPE, "HBM demand keeps growing", HEADLINE),
    ("prose just above", SCRAPE, "HBM demand keeps growing", HEADLINE),
    ("right after a title-shaped line", SCRAPE, DEK, HEADLINE),
]

# Rules about a line's own shape, each tested on an extra line of our own.
SHAPE_CASES = [
    ("in Title Case", "Samsung Ships Stacks To Its First Customers", HEADLINE),
    ("prose-length line", "Samsung also said that it would build a second packaging line "
     "in Cheonan to keep up with orders from accelerator makers.", HEADLINE),
    ("all capitals", "BREAKING NEWS FROM SEOUL", HEADLINE),
    ("a bare name", "Mariko Tanaka", HEADLINE),
    ("labels between separators", "Home / Memory / HBM", HEADLINE),
    ("a call to action", "Try our wafer cost calculator", HEADLINE),
    ("cut short with an ellipsis", "Samsung ships 12-layer HBM3E stacks to its first…", HEADLINE),
    ("words glued together", "NewsMemoryFoundryPolicy Opinion", HEADLINE),
]


@pytest.mark.parametrize(
    ("name", "text", "yes", "no"), [pytest.param(*case, id=case[0]) for case in RULE_CASES]
)
def test_rule(name: str, text: str, yes: str, no: str) -> None:
    page = _page(text)
    rule = RULES[name]
    assert rule.applies(_line(page, yes), page)
    assert not rule.applies(_line(page, no), page)


@pytest.mark.parametrize(
    ("name", "yes", "no"), [pytest.param(*case, id=case[0]) for case in SHAPE_CASES]
)
def test_shape_rule(name: str, yes: str, no: str) -> None:
    page = _extra(yes)
    rule = RULES[name]
    assert rule.applies(_line(page, yes), page)
    assert not rule.applies(_line(page, no), page)


def test_rule_weights_point_the_right_way() -> None:
    """What makes a headline adds, what marks a look-alike takes away."""
    positive = {"byline or dateline follows", "echoed in the page", "standfirst follows",
                "shares its words with the body", "four to twenty words", "in Title Case"}
    negative = {"reads like a sentence", "in a list of short lines", "inside the body",
                "labels between separators", "a bare name", "shares no word with the body",
                "a call to action", "words glued together", "cut short with an ellipsis"}
    assert all(RULES[n].weight > 0 for n in positive)
    assert all(RULES[n].weight < 0 for n in negative)


def _headline(text: str) -> str:
    return extract_text(text, source="scrape.txt").title


def test_headline_of_the_sample_scrape() -> None:
    assert _headline(SCRAPE) == HEADLINE


# Look-alikes placed where a naive rule would take them; the headline must still win.
TEASER = "Samsung Ships 12-Layer HBM3E Stacks To Its First Customers In..."
LOOKALIKES = [
    pytest.param(SCRAPE.replace("Fabline News\n", "Listen to this story\nGift this article\n"),
                 id="listen-and-gift-lines-above"),
    pytest.param(SCRAPE.replace("Photo: Fabline archive", "Share on X\nSave\n3 free articles left "
                                "this month"), id="share-save-counter-below"),
    pytest.param(SCRAPE.replace("Photo: Fabline archive",
                                "Stacks of HBM3E dies on a test board at the Cheonan plant.\n"
                                "Photo: Fabline archive"), id="caption-and-credit"),
    pytest.param(SCRAPE.replace("Fabline News\n", "Speak to an advisor today\n"),
                 id="call-to-action-above"),
    pytest.param(SCRAPE.replace("Fabline News\n", "Home / Memory / HBM\n"), id="breadcrumb"),
    pytest.param(SCRAPE.replace("Fabline News\n", "MEMORY\n"), id="kicker"),
    pytest.param(SCRAPE.replace("Fabline News\n",
                                "Get the Samsung HBM3E Stacks Report for Customers\n"),
                 id="call-to-action-sharing-the-headline-words"),
    pytest.param(SCRAPE.replace("Fabline News\n", "ChipsMemorySamsung HBM3E StacksShips\n"),
                 id="glued-link-labels"),
    pytest.param(SCRAPE.replace("Fabline News\n", TEASER + "\n"), id="teaser-cut-short"),

]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_headline_beats_lookalikes(text: str) -> None:
    assert _headline(text) == HEADLINE


def test_no_headline_shape_gives_first_sentence_and_low_confidence() -> None:
    text = (
        "Rapidus switched on the first tools of its 2nm pilot line in Chitose this week. It is a "
        "milestone for Japan's effort to make leading-edge logic at home again after decades.\n"
    )
    article = extract_text(text, source="s.txt")
    assert article.title.startswith("Rapidus switched on the first tools")
    assert article.low_confidence


def test_find_headline_returns_none_without_candidates() -> None:
    long = "Rapidus switched on the first tools of its pilot line in Chitose today, " * 3
    lines = classify(long + "\n")
    assert find_headline(lines, 0, len(lines)) is None


# --- where candidates are looked for, and what is cut off the headline ---------------------------

NAV = "Home\nChips\nMemory\nPolicy\n"
LEAD = (
    "TSMC said on Tuesday that its second fab in Arizona has started volume production of 3nm "
    "wafers, two quarters ahead of the plan it gave customers last year.\n"
    "The company expects the site to reach full output by the end of next year, when a third "
    "building now under construction is due to follow.\n"
    "Analysts said the early start reflects strong demand from accelerator makers, which have "
    "booked most of the new capacity for the next two years.\n"
)


def test_headline_under_a_promotion_that_opens_the_body_stretch() -> None:
    """The body stretch opens on a paragraph-long promotion; the line under it with its byline
    right below is still a candidate (DEEP_PROSE_WORDS)."""
    text = (
        NAV + "Sign up for our weekly letter and get the best stories on chips, fabs and the "
        "people who run them in your inbox every Friday.\n"
        "TSMC opens its second Arizona fab ahead of schedule\nBy Dana Whitfield\nMarch 4, 2025\n"
        + LEAD
    )
    assert _headline(text) == "TSMC opens its second Arizona fab ahead of schedule"


def test_a_long_headline_with_its_byline_right_under_it_is_not_the_first_paragraph() -> None:
    title = (
        "After three years of delays and two changes of plan, the European Union finally "
        "approves the state aid package for the Dresden fab that chip makers had asked for"
    )
    assert _headline(NAV + title + "\nBy Dana Whitfield\nMarch 4, 2025\n" + LEAD) == title


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        pytest.param("Home › Guides › Packaging › How chiplets are bonded",
                     "How chiplets are bonded", id="trail-of-links"),
        pytest.param("News » Memory » Samsung ships HBM3E stacks",
                     "Samsung ships HBM3E stacks", id="trail-with-guillemets"),
        pytest.param("Samsung ships HBM3E stacks by Dana Whitfield on March 4, 2025",
                     "Samsung ships HBM3E stacks", id="byline-and-date-glued"),
        pytest.param("Samsung ships HBM3E stacks by Dana Whitfield, Mar 4th 2025",
                     "Samsung ships HBM3E stacks", id="byline-comma-date"),
        # kept whole: no date after "by"; two crumbs; a last crumb too short to be a headline
        pytest.param("Chip of the year chosen by readers", "Chip of the year chosen by readers",
                     id="by-without-a-date"),
        pytest.param("Input / output chips get faster", "Input / output chips get faster",
                     id="one-slash"),
        pytest.param("Home › Guides › Packaging", "Home › Guides › Packaging", id="short-crumb"),
    ],
)
def test_clean_headline(line: str, headline: str) -> None:
    assert clean_headline(line) == headline


def test_headline_far_above_the_body_with_its_byline_under_it() -> None:
    """A table of contents longer than HEADLINE_LOOKBACK lines sits between the header and the
    body: the line with the byline under it is still a candidate, and wins."""
    contents = "".join(f"Section {n}: wafer step {n}\n" for n in range(1, 46))
    text = (
        NAV + "How a wafer becomes a chip, step by step\nBy Dana Whitfield\nMarch 4, 2025\n"
        "Contents\n" + contents + LEAD
    )
    assert _headline(text) == "How a wafer becomes a chip, step by step"


@pytest.mark.parametrize(
    "kicker",
    [
        pytest.param("Memory news | Week 49 roundup", id="labels-between-separators"),
        pytest.param("ChipsMemoryFoundry and the PolicyDesk weekly", id="glued-words"),
        pytest.param(f"Home Memory {HEADLINE}", id="trail-ending-with-the-headline"),
        pytest.param("3. Check the wafer map", id="numbered-item"),
        pytest.param("Memory makers and their plans:", id="ends-in-a-colon"),
    ],
)
def test_a_kicker_above_the_headline_does_not_make_it_a_standfirst(kicker: str) -> None:
    page = _page(SCRAPE.replace("Fabline News\n", kicker + "\n"))
    rule = RULES["right after a title-shaped line"]
    assert not rule.applies(_line(page, HEADLINE), page)
    assert rule.applies(_line(page, DEK), page)


def test_a_long_title_shaped_standfirst_under_the_headline_loses() -> None:
    """The standfirst runs longer than the headline and does not end like a sentence: being
    right under a clean title-shaped line is what gives it away."""
    dek = "Here is what the memory maker told investors about its plans for the coming year"
    assert _headline(SCRAPE.replace(DEK, dek)) == HEADLINE


def test_a_subhead_with_a_dateline_under_it_inside_the_body_loses_to_a_short_headline() -> None:
    """A subhead below the lead, even with an "Updated" stamp under it, is inside the body with
    prose just above it: those two rules outweigh the stamp and its length."""
    headline = "TSMC opens second Arizona fab"
    more = LEAD.replace("Tuesday", "Wednesday").replace("Analysts", "Economists")
    text = (
        NAV + headline + "\n" + LEAD
        + "What the second Arizona fab means for TSMC customers\nUpdated March 5, 2025\n" + more
    )
    assert _headline(text) == headline


def test_a_bare_web_address_is_never_a_candidate() -> None:
    """A link's address shown as its text carries the headline's words but is no headline."""
    url = "https://fabline.example/2024/12/03/samsung-ships-12-layer-hbm3e-stacks-to-customers"
    page = _page(SCRAPE.replace("Fabline News\n", url + "\n"))
    assert not is_headline_shaped(_line(page, url))
    assert is_headline_shaped(_line(page, HEADLINE))
