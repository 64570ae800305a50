"""Summary: sentence splitting, length, figure carrying, boilerplate skipping, determinism."""

from __future__ import annotations

import re

import pytest

from digest.editorial.summary import MAX_WORDS, summarize
from digest.models import Figure
from digest.text.sentences import split_sentences
from tests.conftest import SEED_HEADLINE

SPLIT_CASES = [
    pytest.param(
        "Apple Inc. said the chip ships soon. Analysts agreed.",
        ["Apple Inc. said the chip ships soon.", "Analysts agreed."],
        id="inc-inside-sentence",
    ),
    pytest.param(
        "The deal is worth $2.1 billion. It closes in March.",
        ["The deal is worth $2.1 billion.", "It closes in March."],
        id="decimal-money",
    ),
    pytest.param(
        "U.S. officials met on Monday. The talks ran late.",
        ["U.S. officials met on Monday.", "The talks ran late."],
        id="us-at-start",
    ),
    pytest.param(
        "The rules came from the U.S. Commerce Department on Friday.",
        ["The rules came from the U.S. Commerce Department on Friday."],
        id="us-before-a-name",
    ),
    pytest.param(
        "Sales rose in the U.S. The company did not comment.",
        ["Sales rose in the U.S.", "The company did not comment."],
        id="us-ending-a-sentence",
    ),
    pytest.param(
        "Dr. Lisa Su spoke first. Mr. Tan followed on Dec. 12 at noon.",
        ["Dr. Lisa Su spoke first.", "Mr. Tan followed on Dec. 12 at noon."],
        id="titles-and-months",
    ),
    pytest.param(
        "“We are sold out,” she said. “Next year too.” Shares rose.",
        ["“We are sold out,” she said.", "“Next year too.”", "Shares rose."],
        id="curly-quotes",
    ),
    pytest.param(
        'He asked "Is it ready?" and left. Nobody answered.',
        ['He asked "Is it ready?" and left.', "Nobody answered."],
        id="question-inside-quote",
    ),
    pytest.param(
        "The chip runs at 4.3 GHz. Version 2.0 ships later.",
        ["The chip runs at 4.3 GHz.", "Version 2.0 ships later."],
        id="decimals-and-versions",
    ),
    pytest.param(
        "Jensen H. Huang opened the show. It ran long.",
        ["Jensen H. Huang opened the show.", "It ran long."],
        id="middle-initial",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


# An article written for these tests (invented numbers, real shape of a chip news story).
TITLE = "Lumen Silicon ships its second AI accelerator to cloud customers"
PARAGRAPHS = [
    "Skip to main content",
    "Lumen Silicon said on Tuesday that it has started shipping its second-generation AI "
    "accelerator to three cloud providers, a year after its first chip reached customers.",
    "The new part is built on a 3nm process and delivers up to 2.5x the training throughput "
    "of its predecessor at the same power, the company said.",
    "“This is the chip our customers asked for,” said Mara Quint, Lumen's chief executive.",
    "The start-up raised $400 million last spring and now employs about 600 people in Austin "
    "and Toronto.",
    "Analysts at Northfield Research expect the accelerator market to keep growing through "
    "2026 as cloud providers add capacity for inference.",
    "Sign up for our newsletter to get the latest chip news every morning.",
]
FIGURES = (
    Figure("2.5x", "training throughput versus the predecessor"),
    Figure("$400 million", "funding raised"),
)


def _words(text: str) -> int:
    return len(text.split())


def _sentence_count(text: str) -> int:
    return len(split_sentences(text))


def test_summary_shape() -> None:
    summary = summarize(TITLE, PARAGRAPHS, FIGURES)
    assert _words(summary) <= MAX_WORDS
    assert 2 <= _sentence_count(summary) <= 3
    assert summary.startswith("Lumen Silicon said on Tuesday")


def test_summary_carries_key_figure() -> None:
    assert "2.5x" in summarize(TITLE, PARAGRAPHS, FIGURES)


def test_summary_carries_figure_from_late_sentence() -> None:
    figures = (Figure("2026", "horizon of the market forecast"),)
    summary = summarize(TITLE, PARAGRAPHS, figures)
    assert "2026" in summary
    assert _words(summary) <= MAX_WORDS


@pytest.mark.parametrize(
    "unwanted",
    [
        pytest.param("Skip to main content", id="page-chrome"),
        pytest.param("newsletter", id="call-to-action"),
        pytest.param("asked for", id="quote-only-sentence"),
    ],
)
def test_summary_skips_boilerplate_and_quotes(unwanted: str) -> None:
    assert unwanted not in summarize(TITLE, PARAGRAPHS, FIGURES)


def test_summary_is_deterministic() -> None:
    results = {summarize(TITLE, PARAGRAPHS, FIGURES) for _ in range(5)}
    assert len(results) == 1


def test_summary_is_extractive() -> None:
    body = " ".join(PARAGRAPHS)
    for sentence in split_sentences(summarize(TITLE, PARAGRAPHS, FIGURES)):
        assert sentence in body


def test_wire_dateline_and_attribution_lead_in_are_cut() -> None:
    paragraphs = [
        "SAN JOSE (Reuters) - Orbit Chips agreed on Monday to buy a packaging start-up for "
        "$120 million in cash, expanding its work on chiplets.",
        "The deal is expected to close in the first quarter, pending regulatory approval.",
    ]
    summary = summarize("Orbit Chips buys a packaging start-up", paragraphs)
    assert summary.startswith("Orbit Chips agreed on Monday")
    summary = summarize(
        "Orbit Chips buys a packaging start-up",
        [
            "As reported by a trade paper, Orbit Chips agreed to buy a packaging start-up for "
            "$120 million.",
            paragraphs[1],
        ],
    )
    assert summary.startswith("Orbit Chips agreed")


def test_long_lead_is_trimmed_to_the_limit() -> None:
    long_sentence = "Orbit Chips said " + " ".join(["very"] * 90) + " good things."
    summary = summarize("Orbit Chips", [long_sentence])
    assert 0 < _words(summary) <= MAX_WORDS


ODD_INPUTS = [
    pytest.param("Title only", [], id="no-paragraphs"),
    pytest.param("", ["One short line"], id="fragment-only"),
    pytest.param("Chrome", ["Skip to main content", "Comments"], id="boilerplate-only"),
    pytest.param("Quotes", ["“Everything is great,” she said."], id="quote-only"),
    pytest.param("Weird", ["..."], id="punctuation"),
    pytest.param("Unicode", ["Ünïcödé chips — “quoted” … ✓ shipped at 3 nm."], id="unicode"),
]


@pytest.mark.parametrize(("title", "paragraphs"), ODD_INPUTS)
def test_odd_input_never_raises_and_never_empty(title: str, paragraphs: list[str]) -> None:
    summary = summarize(title, paragraphs, (Figure("9x", "nothing"),))
    assert isinstance(summary, str)
    if title.strip() or any(p.strip() for p in paragraphs):
        assert summary.strip()
    assert _words(summary) <= MAX_WORDS


def test_empty_article_gives_empty_summary() -> None:
    assert summarize("", []) == ""


def test_seed_summary(seed_body: list[str]) -> None:
    summary = summarize(
        SEED_HEADLINE, seed_body, (Figure("40%", "efficiency gain versus x86 chips"),)
    )
    assert "Apple" in summary
    assert re.search(r"\bAWS\b|Amazon", summary)
    assert "Trainium2" in summary or "40%" in summary
    assert _words(summary) <= MAX_WORDS
    assert 2 <= _sentence_count(summary) <= 3
    for unwanted in ("FTC", "9to5Mac", "Follow", "notifications"):
        assert unwanted not in summary
