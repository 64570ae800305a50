"""Rules of the HTML extractor's tree walk (digest/ingest/extraction.py) that are not one
boilerplate pattern: line breaks, nested teasers, lists of headlines, hidden blocks, captions,
the error for a page with no article and the title of a page without one. Pages are built as
in test_rules_boilerplate.py (our own story, one thing put inside it)."""

from __future__ import annotations

import pytest

from digest.errors import ExtractionError
from digest.ingest.extraction import extract_html
from tests.test_rules_boilerplate import PROSE, page, text_of


def test_a_line_break_ends_a_paragraph() -> None:
    text = text_of(page("<p>Line one of the story is long enough here.<br>Line two continues "
                        "the story in more words.</p>"))
    assert ("Line one of the story is long enough here.\n\nLine two continues the story in "
            "more words.") in text


def test_a_small_article_inside_the_article_is_a_teaser() -> None:
    """NESTED_ARTICLE_MAX_SHARE."""
    text = text_of(page("<article><h2>Other story</h2><p>A teaser of another story that links "
                        "elsewhere.</p></article>"))
    assert "teaser of another" not in text and PROSE[3] in text


@pytest.mark.parametrize("tag", ["ul", "ol"])
def test_a_list_of_headlines_is_dropped(tag: str) -> None:
    items = "".join(f"<li><a href='/{i}'>Headline of another story number {i}</a></li>"
                    for i in range(4))
    assert "number 2" not in text_of(page(f"<{tag}>{items}</{tag}>"))


def test_empty_items_do_not_count_in_a_list_of_headlines() -> None:
    """LINK_LIST_ITEM_SHARE is a share of the items with text: empty spacer items are no vote
    for the list being prose."""
    items = "".join(f"<li><a href='/{i}'>Headline of another story number {i}</a> - 5 min</li>"
                    "<li></li>" for i in range(4))  # not all links: the list rule decides
    assert "number 2" not in text_of(page(f"<ul>{items}</ul>"))


def test_a_list_of_one_headline_is_dropped() -> None:
    """LINK_LIST_MIN_ITEMS: one linked item is enough to judge."""
    html = page("<ul><li><a href='/x'>Headline of one other story here</a></li></ul>")
    assert "one other story" not in text_of(html)


@pytest.mark.parametrize(("value", "kept"), [("true", False), ("false", True)])
def test_aria_hidden(value: str, kept: bool) -> None:
    line = "Prose in a block whose aria-hidden attribute decides whether readers see it."
    assert (line in text_of(page(f"<div aria-hidden='{value}'><p>{line}</p></div>"))) is kept


def test_short_caption_is_kept_and_a_long_one_dropped() -> None:
    """CAPTION_MAX_WORDS: a figure's label stays, a news photo's description goes."""
    short = "Block diagram of the chip"
    long = ("Workers in clean suits walk past the new machines at the plant in the valley on "
            "Tuesday morning")
    figure = "<figure><img src='a.png'><figcaption>{}</figcaption></figure>"
    assert short in text_of(page(figure.format(short)))
    assert long not in text_of(page(figure.format(long)))


def test_page_without_an_article() -> None:
    with pytest.raises(ExtractionError) as info:
        extract_html("<html><body><nav>menu</nav></body></html>", source="s")
    assert (info.value.source, info.value.message) == ("s", "no article text found")


def test_title_of_a_page_without_one_is_the_start_of_its_text() -> None:
    html = "<html><body><div>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</div></body></html>"
    assert extract_html(html, source="s").title == PROSE[0][:120]


@pytest.mark.parametrize(("links", "kept"), [(5, False), (4, True)])
def test_a_line_of_links_is_a_tag_row_from_five_links(links: int, kept: bool) -> None:
    """TAG_ROW_MIN_LINKS and LINK_ONLY_DENSITY: a line of nothing but links, inside a block of
    prose (so the block itself is not a link block), goes from five links on."""
    prose = ("The company said the new plant would hire about two thousand people over the next "
             "three years in the valley, and train them at a new college.")
    row = ", ".join(f"<a href='/t/{t}'>{t}</a>"
                    for t in ["Chips", "Memory", "Foundry", "Policy", "Equipment"][:links])
    text = text_of(page(f"<div class='panel'>{prose}<br>{row}</div>"))
    assert prose in text and ("Memory" in text) is kept
