"""Pinned outputs of the editorial stages on hand-written text.

The stages were sped up (precompiled patterns, cheap pre-checks, per-article caches, libyaml for
entry rendering) with their outputs kept byte for byte. These cases pin what each stage gives
for short texts written for this file, so a later optimisation that changes behaviour fails here
and not only on the corpus. The texts are our own sentences about invented companies.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from digest.archive import entry as entry_module
from digest.archive.entry import render_entry
from digest.editorial.figures import find_figures
from digest.editorial.quotes import find_quotes
from digest.editorial.summary import summarize
from digest.editorial.tagging import tag_article, tags_and_mentions
from digest.models import Entry, Figure, Quote
from digest.text.sentences import split_sentences

QUOTE_CASES = [
    pytest.param(
        ['"We are shipping the new parts to every cloud customer this quarter," said Maria '
         "Lindqvist, chief executive of Northwind Semiconductor."],
        [("We are shipping the new parts to every cloud customer this quarter",
          "Maria Lindqvist", "chief executive of Northwind Semiconductor")],
        id="said-name-role",
    ),
    pytest.param(
        ["Ravi Okonkwo runs the packaging line in Penang.",
         "Mr. Okonkwo walked reporters through the plant on Tuesday.",
         '"The bottleneck moved from wafers to substrates months ago," he said.'],
        [("The bottleneck moved from wafers to substrates months ago", "Ravi Okonkwo", None)],
        id="pronoun-resolved-through-honorific",
    ),
    pytest.param(
        ["Helena Brandt, an analyst at Copperline Research, said: \"Nobody expected the memory "
         'shortage to last into the second half."'],
        [("Nobody expected the memory shortage to last into the second half.",
          "Helena Brandt", "analyst at Copperline Research")],
        id="name-said-colon",
    ),
    pytest.param(
        ['The company calls the design a "chiplet fabric" in its marketing material.'],
        [],
        id="scare-quote-dropped",
    ),
    pytest.param(
        ["“The first reason is cost, and it is not close.",
         "“The second is power,” said Tomas Eriksen, who leads the data center team."],
        [("The first reason is cost, and it is not close. The second is power",
          "Tomas Eriksen", "leads the data center team")],
        id="open-quote-continues-next-paragraph",
    ),
    pytest.param(["Shipments rose in every region except Europe."], [], id="no-quote-marks"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), QUOTE_CASES)
def test_quotes_pinned(paragraphs: list[str], expected: list[tuple]) -> None:
    assert [(q.text, q.speaker, q.role) for q in find_quotes(paragraphs)] == expected


FIGURE_CASES = [
    pytest.param(
        ["Northwind reported revenue of $4.2 billion, up 38% from a year earlier, on March 3, "
         "2025."],
        [("$4.2 billion", "Northwind reported revenue of $4.2 billion"),
         ("38%", "Northwind reported revenue of $4.2 billion, up 38% from a year earlier")],
        id="money-and-percent-date-blocked",
    ),
    pytest.param(
        ["Call 555-201-3344 before 9:30 a.m. on 12/05/2024 to discuss Q3 2024 results."],
        [],
        id="phone-time-date-quarter-blocked",
    ),
    pytest.param(
        ["The new accelerator trains models three times faster than the last one."],
        [("three times", "The new accelerator trains models three times faster than the last one")],
        id="spelled-multiplier-without-digits",
    ),
    pytest.param(
        ["The 3nm chip draws 700 W and moves data at 8 TB/s, while older parts managed 2x to 3x "
         "less."],
        [("2x to 3x", "older parts managed 2x to 3x less"),
         ("3nm", "The 3nm chip draws 700 W and moves data"),
         ("700 W", "The 3nm chip draws 700 W and moves data at 8 TB/s"),
         ("8 TB/s", "The 3nm chip draws 700 W and moves data at 8 TB/s")],
        id="units-and-multiplier-range",
    ),
    pytest.param(["Nothing in this sentence measures anything at all."], [], id="no-numbers"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), FIGURE_CASES)
def test_figures_pinned(paragraphs: list[str], expected: list[tuple[str, str]]) -> None:
    assert [(f.value, f.context) for f in find_figures(paragraphs)] == expected


TAG_CASES = [
    pytest.param(
        "TSMC ramps 3nm output for Apple",
        ["TSMC said its 3nm lines are running at full load, driven by Apple and Nvidia orders.",
         "The foundry also expects HBM packaging demand to stay strong."],
        ["TSMC", "3nm", "Apple", "Nvidia", "Foundry", "HBM"],
        id="title-first-then-mentions",
    ),
    pytest.param(
        "Orchard news", ["The Apple pie contest drew a record crowd at the county fair."], [],
        id="fruit-not-company",
    ),
    pytest.param(
        "ΣΑΣ note on İstanbul",
        ["The İstanbul office of TSMC said ΟΔΥΣΣΕΑΣ shipments of 3nm parts rose."],
        ["TSMC", "3nm"],
        id="text-whose-lower-case-changes-length",
    ),
]


def test_tags_and_mentions_pinned() -> None:
    title, paragraphs = TAG_CASES[0].values[:2]
    assert tags_and_mentions(title, paragraphs) == (["TSMC", "3nm", "Apple", "Nvidia"], ["HBM"])


@pytest.mark.parametrize(("title", "paragraphs", "expected"), TAG_CASES)
def test_tags_pinned(title: str, paragraphs: list[str], expected: list[str]) -> None:
    """The same names; their order is pinned only where the ranking rule decides it (names in
    the headline before the others), not among names the rule ties."""
    got = tag_article(title, paragraphs)
    assert sorted(got) == sorted(expected)
    in_title = [name for name in got if name in tag_article(title, [])]
    assert got[: len(in_title)] == in_title


def test_tag_named_more_often_ranks_before_one_named_first() -> None:
    paragraphs = ["Nvidia supplied the GPUs for the new cluster.",
                  "Intel said its own parts would follow.", "Intel expects orders to grow.",
                  "Analysts said Intel is behind."]
    got = tag_article("Builders pick their suppliers", paragraphs)
    assert got.index("Intel") < got.index("Nvidia")


SUMMARY_PARAGRAPHS = [
    "Northwind Semiconductor said on Monday that quarterly profit more than doubled as cloud "
    "companies bought its accelerators.",
    "Revenue reached $4.2 billion, up 38% from a year earlier, the company said in a statement.",
    "Subscribe to our newsletter for more chip news every morning.",
    '"We cannot build them fast enough," the chief executive told analysts on a call.',
]
SUMMARY_EXPECTED = (
    "Northwind Semiconductor said on Monday that quarterly profit more than doubled as cloud "
    "companies bought its accelerators. Revenue reached $4.2 billion, up 38% from a year "
    "earlier, the company said in a statement."
)


@pytest.mark.parametrize("with_figures", [pytest.param(True, id="figures-passed"),
                                          pytest.param(False, id="no-figures")])
def test_summary_pinned(with_figures: bool) -> None:
    figures = find_figures(SUMMARY_PARAGRAPHS) if with_figures else ()
    title = "Northwind profit jumps on AI demand"
    assert summarize(title, SUMMARY_PARAGRAPHS, figures) == SUMMARY_EXPECTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Apple Inc. said sales rose. The U.S. market led. Mr. Cook spoke in Jan. 2025 to "
            "staff.",
            ["Apple Inc. said sales rose.", "The U.S. market led.",
             "Mr. Cook spoke in Jan. 2025 to staff."],
            id="abbreviations",
        ),
        pytest.param(
            'Shares fell 3.5%. "Why now?" asked one analyst. J.R. Smith disagreed.',
            ["Shares fell 3.5%.", '"Why now?" asked one analyst.', "J.R. Smith disagreed."],
            id="decimals-questions-initials",
        ),
    ],
)
def test_sentence_split_pinned(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def _entry(**overrides: object) -> Entry:
    fields: dict = {
        "title": "Northwind profit jumps: “AI demand” holds — for now",
        "date": dt.date(2025, 3, 3),
        "source_name": "Example News",
        "url": "https://example.com/northwind",
        "author": "Jo Park",
        "summary": "Revenue reached $4.2 billion, up 38%. " * 6,
        "tags": ["TSMC", "3nm", "yes", "#1"],
        "categories": ["Foundry"],
        "quotes": [Quote("'Quoted' text: with a colon", "Maria Lindqvist", None)],
        "figures": [Figure("$4.2 billion", "Revenue reached $4.2 billion")],
    }
    fields.update(overrides)
    return Entry(**fields)


def _pure_python_render(entry: Entry) -> str:
    front = yaml.dump(entry_module.entry_to_dict(entry), Dumper=entry_module._Dumper,
                      sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    notes = entry.notes.strip()
    return f"---\n{front}---\n" + (f"\n{notes}\n" if notes else "")


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(_entry(), id="plain-text-libyaml-path"),
        pytest.param(_entry(title="Chip names in 中文 and ü", notes="A note."), id="bmp-unicode"),
        pytest.param(_entry(summary="An emoji 🚀 leaves the libyaml path"), id="astral-fallback"),
        pytest.param(_entry(summary="Tab\tand line\nbreak " * 12), id="controls-fallback"),
        pytest.param(_entry(author=None, url=None, quotes=[], figures=[]), id="optional-empty"),
    ],
)
def test_render_entry_matches_pure_python_dumper(entry: Entry) -> None:
    assert render_entry(entry) == _pure_python_render(entry)


def test_render_entry_pinned() -> None:
    entry = _entry(summary="Revenue reached $4.2 billion.", tags=["TSMC", "yes"])
    assert render_entry(entry) == (
        "---\n"
        "title: 'Northwind profit jumps: “AI demand” holds — for now'\n"
        "date: 2025-03-03\n"
        "slug: northwind-profit-jumps-ai-demand-holds-for-now\n"
        "source: Example News\n"
        "url: https://example.com/northwind\n"
        "author: Jo Park\n"
        "tags: [TSMC, 'yes']\n"
        "categories: [Foundry]\n"
        "summary: Revenue reached $4.2 billion.\n"
        "quotes:\n"
        "- text: '''Quoted'' text: with a colon'\n"
        "  speaker: Maria Lindqvist\n"
        "figures:\n"
        "- value: $4.2 billion\n"
        "  context: Revenue reached $4.2 billion\n"
        "---\n"
    )
