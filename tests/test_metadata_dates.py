"""Dates kept from page chrome: the pre-strip removes <aside>, <footer> and <nav> before the tree
is built, but a <time> inside them is the only date some blogs print. Such a <time> is kept
hidden, read only when nothing else on the page states a date, and never shown as text. The
prose is ours."""

from __future__ import annotations

import datetime as dt

from digest.ingest.extraction import extract_html

BODY = (
    "<p>The packaging house said on Thursday that its new line for chiplets would open in the "
    "spring, after a year of delays caused by a shortage of bonding tools.</p>"
    "<p>Customers have asked for more capacity since the largest designers moved to stacked "
    "parts, and the company expects the line to run at full load within months.</p>"
)
ASIDE = "<aside><time datetime='2021-06-06'>June 6, 2021</time> in Notes</aside>"


def page(article: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{article}</article></body></html>"


def test_time_in_an_aside_is_the_date_when_the_page_states_no_other() -> None:
    article = extract_html(page(f"{ASIDE}<h1>Chiplet line opens</h1>{BODY}"), source="a.html")
    assert article.published == dt.date(2021, 6, 6)
    assert "June 6, 2021" not in article.text


def test_stated_publication_date_beats_a_time_in_an_aside() -> None:
    head = '<meta property="article:published_time" content="2024-03-02T10:00:00Z">'
    article = extract_html(page(f"{ASIDE}<h1>Chiplet line opens</h1>{BODY}", head),
                           source="b.html")
    assert article.published == dt.date(2024, 3, 2)


def test_visible_dateline_beats_a_time_in_an_aside() -> None:
    html = page(f"<h1>Chiplet line opens</h1>{ASIDE}<p>March 2, 2024</p>{BODY}")
    assert extract_html(html, source="c.html").published == dt.date(2024, 3, 2)
