"""The article's title when the visible headline (<h1>) and the declared title (JSON-LD headline,
og:title, <title>) differ: one case per relation of digest.ingest.pagetitles._prefer_h1, plus the
text of the h1 itself. Removing a relation (or the inline-text rule) makes its case fail; each
case with a declared title that wins has a twin where the h1 wins, so no case passes by always
picking the same source. The prose is ours."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from digest.ingest.extraction import extract_html

BODY = (
    "<p>The memory maker said on Monday that its newest stacked chips had passed qualification "
    "at two accelerator vendors, and that volume shipments would start in the autumn.</p>"
    "<p>Rivals have struggled with the heat of twelve-high stacks, and analysts said the lead "
    "could be worth several points of share in a market that doubled last year.</p>"
)


def page(h1: str, head: str) -> str:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><article><h1>{h1}</h1>"
            f"{BODY}</article></body></html>")


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


def site(name: str) -> str:
    return f'<meta property="og:site_name" content="{name}">'


@dataclass(frozen=True)
class Case:
    id: str
    html: str
    expected: str


CASES = [
    # inline elements run on: "<i>Name</i>'s" is "Name's", not "Name 's"
    Case("h1-inline-text-runs-on",
         page("Why <i>Stackwell</i>'s chips run cool", og("Why Stackwell's chips run cool")),
         "Why Stackwell's chips run cool"),
    # same words: the page's typography (curly quotes) beats the straight-quoted meta copy
    Case("same-words-take-the-h1",
         page("Memory maker\u2019s \u2018cool\u2019 stacks ship",
              og("Memory maker's 'cool' stacks ship")),
         "Memory maker\u2019s \u2018cool\u2019 stacks ship"),
    # a section label printed in the h1 before the headline is not part of it
    Case("label-before-headline-takes-the-declared-title",
         page("Market Analysis | Memory maker ships cool stacks",
              og("Memory maker ships cool stacks")),
         "Memory maker ships cool stacks"),
    # ...but a leading article or year is the headline's own word: the h1 (another headline)
    Case("leading-article-is-no-label",
         page("The twelve-high stacks that run cool at last and ship this autumn",
              og("Twelve-high stacks that run cool at last")),
         "The twelve-high stacks that run cool at last and ship this autumn"),
    # the declared title adds the site's name, known from og:site_name
    Case("title-plus-site-name-takes-the-h1",
         page("Memory maker ships cool stacks",
              og("Memory maker ships cool stacks | Wafer Weekly Online") + site("Wafer Weekly")),
         "Memory maker ships cool stacks"),
    # ...or from the <title>, which repeats the same suffix after a separator
    Case("site-name-repeated-in-the-title-element",
         page("Memory maker ships cool stacks",
              og("Memory maker ships cool stacks \u2022 Memory Desk")
              + "<title>Memory maker ships cool stacks \u2022 Memory Desk \u2022 Wafer Weekly"
                "</title>"),
         "Memory maker ships cool stacks"),
    # a suffix that is not the site's name (a columnist's) is part of the declared title
    Case("title-plus-other-name-stays",
         page("Memory maker ships cool stacks",
              og("Memory maker ships cool stacks | Dana Whitfield") + site("Wafer Weekly")),
         "Memory maker ships cool stacks | Dana Whitfield"),
    # a label before the headline in the declared title ("Column: Headline") never belongs to it
    Case("label-in-declared-title-takes-the-h1",
         page("Memory maker ships cool stacks",
              og("Chip Notes: Memory maker ships cool stacks") + site("Wafer Weekly")),
         "Memory maker ships cool stacks"),
    # a declared title cut short, even inside a word, is the start of the h1
    Case("cut-declared-title-takes-the-h1",
         page("Memory maker ships cool stacks to two accelerator vendors this autumn",
              og("Memory maker ships cool stacks to two accelerator vendors this aut...")),
         "Memory maker ships cool stacks to two accelerator vendors this autumn"),
    # an h1 that is the start of the declared title: the declared title (no separator, no site)
    Case("h1-is-the-start-of-the-declared-title",
         page("Memory Weekly for May 2, 2025",
              og("Memory Weekly for May 2, 2025 [Wafer Desk Archive]")),
         "Memory Weekly for May 2, 2025 [Wafer Desk Archive]"),
    # a word or a mark changed: a variant, not an SEO headline, so the declared title stays
    Case("near-variant-keeps-the-declared-title",
         page("How we built Stackwell's tester: a field report",
              og("How we built Stackwell tester - a field report")),
         "How we built Stackwell tester - a field report"),
    # another headline sharing enough words: the h1 (an SEO headline in the meta tags)
    Case("another-headline-takes-the-h1",
         page("Memory maker finally ships its cool stacks",
              og("Twelve-high HBM stacks 2025: memory maker ships")),
         "Memory maker finally ships its cool stacks"),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_title(case: Case) -> None:
    assert extract_html(case.html, source="title.html").title == case.expected
