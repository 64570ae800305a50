"""The one sentence splitter (digest/text/sentences.py) and the text normaliser (normalize.py).

Each abbreviation rule has a case that fails when the rule is removed; the texts are our own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digest.text.normalize import collapse_whitespace, comparison_key, squeeze, straighten_quotes
from digest.text.sentences import (
    count_sentences,
    ends_sentence,
    sentence_end,
    sentence_ends,
    sentence_start,
    split_sentences,
)

SPLIT_CASES = [
    pytest.param("Dr. Lisa Su spoke first. Analysts listened.",
                 ["Dr. Lisa Su spoke first.", "Analysts listened."], id="title-before-name"),
    pytest.param("Mr. Tan spoke on Dec. 12 at noon. It ran long.",
                 ["Mr. Tan spoke on Dec. 12 at noon.", "It ran long."], id="month-before-day"),
    pytest.param("It ranked No. 1 in sales. Rivals trailed.",
                 ["It ranked No. 1 in sales.", "Rivals trailed."], id="number-abbreviation"),
    pytest.param("Jensen H. Huang opened. J.R. Smith closed.",
                 ["Jensen H. Huang opened.", "J.R. Smith closed."], id="initials"),
    pytest.param("Sales rose in the U.S. The company did not comment.",
                 ["Sales rose in the U.S.", "The company did not comment."],
                 id="maybe-abbreviation-then-opener"),
    pytest.param("Officials of the U.S. Commerce Department met.",
                 ["Officials of the U.S. Commerce Department met."],
                 id="maybe-abbreviation-inside"),
    pytest.param('It was made by Orbis Inc. "We ship soon," a manager said.',
                 ["It was made by Orbis Inc.", '"We ship soon," a manager said.'],
                 id="maybe-abbreviation-then-quotation"),
    pytest.param("“We are sold out,” she said. “Next year too.” Shares rose.",
                 ["“We are sold out,” she said.", "“Next year too.”", "Shares rose."],
                 id="closing-marks-stay-with-their-sentence"),
    pytest.param("The deal is worth $2.1 billion. 2025 will tell.",
                 ["The deal is worth $2.1 billion.", "2025 will tell."], id="decimal-then-digit"),
    pytest.param("Is it ready? Nobody knows! Wait... Then it shipped.",
                 ["Is it ready?", "Nobody knows!", "Wait...", "Then it shipped."],
                 id="question-exclamation-ellipsis"),
    pytest.param("The result was good. the next line is lower case.",
                 ["The result was good. the next line is lower case."], id="lower-case-after"),
    pytest.param("“A fine quarter,” —J. Doe. Next came shares.",
                 ["“A fine quarter,” —J. Doe.", "Next came shares."], id="initial-after-dash"),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_offsets_agree_with_split() -> None:
    text = "Dr. Lisa Su spoke. Then Mr. Tan spoke. And more"
    ends = sentence_ends(text)
    assert [text[e - 6 : e] for e in ends] == ["spoke.", "spoke."]
    assert sentence_start(text, text.index("Mr.")) == ends[0]
    assert sentence_start(text, text.index("And")) == ends[1]
    assert sentence_end(text, 0) == ends[0]
    assert sentence_end(text, ends[1]) is None  # "And more" finishes no sentence
    assert count_sentences(text) == 3


def test_normaliser() -> None:
    assert collapse_whitespace("  a\u00a0 b\n\tc ") == "a b c"
    assert squeeze("3 nm") == squeeze("3nm") == "3nm"
    assert straighten_quotes("“It’s”") == "\"It's\""
    assert comparison_key(" “Big”  Chip ") == '"big" chip'


def test_ends_sentence() -> None:
    assert ends_sentence("Shares rose.") and ends_sentence("“We are sold out.”")
    assert not ends_sentence("Related stories") and not ends_sentence("Revenue: $4 billion")


EDITORIAL = Path(__file__).resolve().parents[1] / "digest" / "editorial"
# Copies of the shared primitives that must not come back into the editorial stages: a sentence
# splitter of their own, or whitespace collapsed by hand.
DUPLICATES = [
    re.compile(r"\bre\.split\(.*[.!?]"),  # splitting text at sentence punctuation
    re.compile(r"SENTENCE_(?:END|BREAK)\s*="),  # a sentence-end pattern
    re.compile(r"def _?split_sentences"),
    re.compile(r'" "\.join\([^)]*\.split\(\)\)'),  # whitespace collapsing
]


@pytest.mark.parametrize("path", sorted(EDITORIAL.glob("*.py")), ids=lambda p: p.name)
def test_editorial_modules_use_the_shared_splitter_and_normaliser(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    found = [p.pattern for p in DUPLICATES if p.search(source)]
    assert not found, f"{path.name} has its own copy of a shared primitive: {found}"
