"""Title, author and date of hand-written pages: every place a page states them, in order of trust.

Each case names the rule it checks; removing that rule from digest/ingest/metadata.py (or the
date patterns of digest/text/dates.py) makes the case fail. The prose is ours.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from digest.ingest.extraction import extract_html
from digest.text.dates import parse_date, parse_url_date

BODY = (
    "<p>Samsung said on Tuesday that its second-generation three-nanometre process had reached "
    "yields good enough for a smartwatch chip, and that a phone processor would follow.</p>"
    "<p>Analysts had doubted the gate-all-around transistors would be ready this year, since the "
    "first generation found few customers beyond the company's own designers.</p>"
    "<p>The foundry business has lost money for several quarters while its larger rival ran its "
    "plants at full load, and the company hopes the new node will win back orders.</p>"
)


def page(body: str, head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def ld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(key: str, value: str, attr: str = "property") -> str:
    return f'<meta {attr}="{key}" content="{value}">'


@dataclass(frozen=True)
class Case:
    id: str
    html: str
    field: str
    expected: object


D = dt.date
CASES = [
    # --- authors ---
    Case("role-after-comma-dropped",
         page(f"<article>{BODY}</article>", meta("author", "Jane Roe, Senior Editor", "name")),
         "author", "Jane Roe"),
    Case("role-after-name-dropped",
         page(f"<article>{BODY}</article>", meta("author", "By Jane Roe Staff Writer", "name")),
         "author", "Jane Roe"),
    Case("author-prefix-dropped",
         page(f"<article>{BODY}</article>", meta("author", "Author: Jane Roe", "name")),
         "author", "Jane Roe"),
    Case("site-name-dropped-from-names",
         page(f"<article>{BODY}</article>",
              meta("og:site_name", "Chip Ledger")
              + meta("author", "Jane Roe, Chip Ledger", "name")),
         "author", "Jane Roe"),
    Case("site-as-only-author-kept",
         page(f"<article>{BODY}</article>",
              meta("og:site_name", "Chip Ledger") + meta("author", "Chip Ledger", "name")),
         "author", "Chip Ledger"),
    Case("team-as-only-author-kept",
         page(f"<article>{BODY}</article>", meta("author", "Editorial Team", "name")),
         "author", "Editorial Team"),
    Case("names-keep-their-separators",
         page(f"<article>{BODY}</article>", meta("author", "Maria & Katerina", "name")),
         "author", "Maria & Katerina"),
    # --- titles ---
    Case("entities-escaped-twice-are-decoded",
         page(f"<article>{BODY}</article>",
              meta("og:title", "Samsung&amp;#8217;s yields &amp;amp; margins")),
         "title", "Samsung\u2019s yields & margins"),
    Case("visible-headline-beats-seo-title",
         page(f"<article><h1>Samsung finally gets its 3nm yields up</h1>{BODY}</article>",
              "<title>Samsung finally gets its 3nm yields up | Chip Ledger</title>"
              + meta("og:title", "Samsung 3nm yield 2025: GAA process news and analysis")),
         "title", "Samsung finally gets its 3nm yields up"),
    Case("visible-headline-keeps-its-typography",
         page(f"<article><h1>Samsung\u2019s \u2018good enough\u2019 yields</h1>{BODY}</article>",
              meta("og:title", "Samsung's 'good enough' yields")),
         "title", "Samsung\u2019s \u2018good enough\u2019 yields"),
    Case("headline-without-site-suffix",
         page(f"<article><h1>Samsung gets its yields up</h1>{BODY}</article>",
              meta("og:title", "Samsung gets its yields up - Chip Ledger")),
         "title", "Samsung gets its yields up"),
    Case("section-name-h1-is-not-the-headline",
         page(f"<div><h1>Foundry news and analysis</h1><article>{BODY}</article></div>",
              meta("og:title", "Samsung gets its yields up")),
         "title", "Samsung gets its yields up"),
    Case("site-name-h1-is-not-the-headline",
         page(f"<div><h1>The Chip Ledger Daily</h1><article>{BODY}</article></div>",
              meta("og:site_name", "The Chip Ledger Daily")
              + meta("og:title", "Samsung gets its yields up | The Chip Ledger Daily")),
         "title", "Samsung gets its yields up"),
    Case("several-different-h1s-leave-the-declared-title",
         page(f"<h1>Samsung gets yields up</h1><h1>Intel opens its Ohio fab</h1>{BODY}",
              meta("og:title", "Samsung gets its 3nm yields up at last")),
         "title", "Samsung gets its 3nm yields up at last"),
    # --- dates ---
    Case("json-ld-published-beats-modified",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              ld(dateModified="2025-03-02T10:00:00Z", datePublished="2024-11-05T10:00:00Z")),
         "published", D(2024, 11, 5)),
    Case("meta-published-beats-visible-updated-stamp",
         page(f"<article><h1>Yields up</h1><p>Updated March 2, 2025</p>{BODY}</article>",
              meta("article:published_time", "2024-11-05T10:00:00Z")),
         "published", D(2024, 11, 5)),
    Case("other-meta-key-naming-publication",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              meta("w-published-date", "2025-05-27T06:03:43Z", "name")),
         "published", D(2025, 5, 27)),
    Case("meta-key-naming-a-change-is-not-publication",
         page(f"<article><h1>Yields up</h1><div>Posted May 3, 2024</div>{BODY}</article>",
              meta("w-updated-date", "2025-05-27T06:03:43Z", "name")),
         "published", D(2024, 5, 3)),
    Case("us-numeric-date-in-meta",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              meta("article:published_time", "Thu, 09/25/2025 - 11:38")),
         "published", D(2025, 9, 25)),
    Case("visible-dateline-after-headline",
         page(f"<div class='a1'><h1>Yields up</h1><div class='x9'><b>Jane Roe</b>"
              f"<p class='t7'>April 8, 2024</p></div>{BODY}</div>"),
         "published", D(2024, 4, 8)),
    Case("visible-dateline-above-headline",
         page(f"<div class='a1'><p class='t7'>8 April 2024</p><h1>Yields up</h1>{BODY}</div>"),
         "published", D(2024, 4, 8)),
    Case("sentence-with-a-date-is-not-a-dateline",
         page("<div><h1>Yields up</h1><p>The company first showed the process to customers "
              "at a closed meeting in Seoul on April 8, 2024, months before anyone expected "
              f"it.</p>{BODY}</div>"),
         "published", None),
    Case("posted-dateline-beats-updated-dateline",
         page("<div><h1>Yields up</h1><p>Updated: June 1, 2025</p><p>Posted: May 3, 2024</p>"
              f"{BODY}</div>"),
         "published", D(2024, 5, 3)),
    Case("updated-label-in-the-line-before",
         page("<div><h1>Yields up</h1><div><div>Last updated:</div><div>Dec 12, 2025</div></div>"
              f"<p>Posted May 3, 2024</p>{BODY}</div>"),
         "published", D(2024, 5, 3)),
    Case("time-element-labelled-updated-yields-to-dateline",
         page("<div><h1>Yields up</h1><span>Updated <time datetime='2025-06-01'>June 1</time>"
              f"</span><p>May 3, 2024</p>{BODY}</div>"),
         "published", D(2024, 5, 3)),
    Case("date-in-canonical-url-path",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              '<link rel="canonical" href="https://news.example.org/2023/12/22/yields-up/">'),
         "published", D(2023, 12, 22)),
    Case("publication-stamp-after-last-change-skipped",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              meta("published-time", "2026-03-09T08:45:32Z", "name")
              + meta("published-date", "2021-02-16", "name")
              + meta("modified-date", "2024-07-30", "name")),
         "published", D(2021, 2, 16)),
    Case("earlier-date-in-a-date-element-beats-restamped-metadata",
         page(f"<article><h1>Yields up</h1><p class='post-date'>Published Apr 26, 2023</p>"
              f"{BODY}</article>", ld(datePublished="2025-08-21")),
         "published", D(2023, 4, 26)),
    Case("unlabelled-earlier-date-does-not-override-metadata",
         page(f"<article><h1>Yields up</h1><p class='post-date'>Apr 26, 2023</p>{BODY}"
              "</article>", ld(datePublished="2025-08-21")),
         "published", D(2025, 8, 21)),
    Case("time-text-corrects-a-utc-day-shift",
         page(f"<article><h1>Yields up</h1><time datetime='2023-12-21T14:44:18Z'>Posted: Dec 20, "
              f"2023 10:27 PM EST</time>{BODY}</article>"),
         "published", D(2023, 12, 20)),
    Case("long-date-element-read-from-its-start",
         page(f"<article><h1>Yields up</h1><div class='meta date-row'>Posted on April 13, 2023 "
              "Tags: foundry, yields, gate-all-around, Samsung, process nodes, packaging</div>"
              f"{BODY}</article>"),
         "published", D(2023, 4, 13)),
    Case("time-element-with-broken-datetime-read-from-its-text",
         page(f"<article><h1>Yields up</h1><time datetime='00:00-YY-DD-MM'>Dec 23, 2023 5:06pm PT"
              f"</time>{BODY}</article>"),
         "published", D(2023, 12, 23)),
    Case("url-date-corrects-a-utc-day-shift",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              meta("article:published_time", "2025-12-19T02:41:41+00:00")
              + '<link rel="canonical" href="https://x.example/2025/12/18/yields/">'),
         "published", D(2025, 12, 18)),
    Case("modified-date-when-nothing-else",
         page(f"<article><h1>Yields up</h1>{BODY}</article>",
              ld(dateModified="2025-03-02T10:00:00Z")),
         "published", D(2025, 3, 2)),
    Case("updated-stamp-when-nothing-else",
         page(f"<div><h1>Yields up</h1><p>Last updated: 2 March 2025</p>{BODY}</div>"),
         "published", D(2025, 3, 2)),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_metadata(case: Case) -> None:
    article = extract_html(case.html, source="meta.html")
    assert getattr(article, case.field) == case.expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("Thu, 09/25/2025 - 11:38", D(2025, 9, 25), id="us-order"),
        pytest.param("25/09/2025", D(2025, 9, 25), id="day-first-when-only-valid-order"),
        pytest.param("03/04/2025", D(2025, 3, 4), id="ambiguous-read-us-way"),
        pytest.param("25.09.2025", D(2025, 9, 25), id="dotted-day-first"),
        pytest.param("version v1.2.2024", None, id="dotted-version-number-is-not-a-date"),
        pytest.param("31/31/2025", None, id="no-valid-order"),
    ],
)
def test_numeric_dates(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://x.example/2023/12/22/slug/", D(2023, 12, 22), id="slashes"),
        pytest.param("https://x.example/news/2023-12-22-slug", D(2023, 12, 22), id="hyphens"),
        pytest.param("https://x.example/2023/12/slug", None, id="month-only"),
        pytest.param("https://x.example/item/20231222", None, id="bare-number"),
        pytest.param("https://x.example/a?d=2023/12/22/", None, id="query-ignored"),
        pytest.param(None, None, id="none"),
    ],
)
def test_url_dates(url: str | None, expected: dt.date | None) -> None:
    assert parse_url_date(url) == expected
