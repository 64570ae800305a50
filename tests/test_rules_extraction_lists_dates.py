"""Rules of the HTML extractor (digest/ingest/extraction.py), one test each: the date of a post
kept from the page chrome that is stripped (an <aside>, <footer> or <nav> with a <time>), never
as text; and when a list is a list of other stories' headlines (three links in four items) and
when it is part of the story. Pages are built as in test_rules_boilerplate.py (our own story)."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.ingest.extraction import extract_html
from tests.test_rules_boilerplate import page


def _with_chrome(chrome: str) -> str:
    return page("").replace("</article>", "</article>" + chrome)


@pytest.mark.parametrize("tag", ["footer", "aside", "nav"])
def test_the_date_of_stripped_chrome_is_kept_for_the_metadata(tag: str) -> None:
    html = _with_chrome(f"<{tag}><p>Posted <time datetime='2024-05-06'>May 6, 2024</time></p>"
                        f"</{tag}>")
    article = extract_html(html, source="rule-test")
    assert article.published == dt.date(2024, 5, 6)
    assert "May 6" not in article.text and "Posted" not in article.text


def test_chrome_without_a_time_gives_no_date() -> None:
    html = _with_chrome("<footer><p>Posted in May 2024 by the desk</p></footer>")
    assert extract_html(html, source="rule-test").published is None


def _list(linked: int, plain: int) -> str:
    items = [f"<li><a href='/{i}'>Headline of another story number {i}</a></li>"
             for i in range(linked)]
    items += [f"<li>A plain item {i} of the story, written out with no link in it.</li>"
              for i in range(plain)]
    return "<ul>" + "".join(items) + "</ul>"


def test_a_list_with_three_links_in_four_items_is_headlines() -> None:
    """LINK_LIST_ITEM_SHARE = 0.75: exactly three quarters of the items linked is enough."""
    text = extract_html(page(_list(3, 1)), source="rule-test").text
    assert "number 1" not in text and "plain item" not in text


def test_a_list_with_half_its_items_linked_is_part_of_the_story() -> None:
    text = extract_html(page(_list(2, 2)), source="rule-test").text
    assert "number 1" in text and "plain item 1" in text


def test_a_list_without_links_is_part_of_the_story() -> None:
    text = extract_html(page(_list(0, 2)), source="rule-test").text
    assert "plain item 0" in text and "plain item 1" in text


def _with_head(head: str) -> str:
    return page("").replace("</title>", "</title>" + head)


def test_the_pages_description_is_carried() -> None:
    html = _with_head("<meta name='description' content='A plant opens a year late.'>")
    assert extract_html(html, source="rule-test").description == "A plant opens a year late."


def test_the_url_given_wins_over_the_canonical_link() -> None:
    html = _with_head("<link rel='canonical' href='https://news.example/plant'>")
    given = extract_html(html, source="rule-test", url="https://news.example/given")
    assert given.url == "https://news.example/given"
    assert extract_html(html, source="rule-test").url == "https://news.example/plant"
    assert extract_html(page(""), source="rule-test").url is None
