"""detect_kind: an input is HTML when it is a markup document, not when a scrape quotes a tag."""

from __future__ import annotations

from digest.ingest.reading import detect_kind

# A scrape of an article about markup: tags quoted in the prose and in a code sample.
QUOTING_SCRAPE = """Skip to content
Guides
Layout without tables
Posted by Wren Adair
Every page starts with <html> and keeps its visible part in <body>.
A <div> groups things; it says nothing about what they are.
<div class="card">
<p>Hello</p>
</div>
Prefer <section> or <article> when the group has a heading of its own.
That is the whole trick, and it makes the page easier to read for everyone.
Related guides
"""

# A scrape that opens with the raw text of a tracking pixel (a <noscript> tag's content).
PIXEL_SCRAPE = """<img height="1" width="1" src="//pixel.example/p?id=1">
News
Markets
Chip makers raise spending again
By Ines Varga
Foundries plan more capacity for the next two years, the survey says.
Analysts expect the rise to slow next spring as orders settle.
"""


def test_a_scrape_quoting_tags_is_text() -> None:
    assert detect_kind(QUOTING_SCRAPE) == "text"


def test_a_scrape_opening_with_a_pixel_tag_is_text() -> None:
    assert detect_kind(PIXEL_SCRAPE) == "text"


def test_a_tag_after_text_is_quoted_not_a_document() -> None:
    scrape = "Write <p> to open a paragraph.\nThen the text.\nThen </p>.\nDone.\nOk."
    assert detect_kind(scrape) == "text"


def test_a_document_opening_with_a_doctype_is_html_however_sparse_its_markup() -> None:
    page = "<!DOCTYPE html>\n<title>Wafers</title>\n" + "Plain line of text.\n" * 20
    assert detect_kind(page) == "html"


def test_a_document_opening_with_a_comment_or_html_tag_is_html() -> None:
    assert detect_kind("\ufeff  <!-- saved page -->\n" + "text\n" * 10) == "html"
    assert detect_kind("<html lang=en>\n" + "text\n" * 10) == "html"


def test_an_html_fragment_is_html() -> None:
    fragment = "<h1>Chips are up</h1>\n<p>Foundries plan more.</p>\n<p>Orders settle.</p>\n"
    assert detect_kind(fragment) == "html"
    assert detect_kind("<p>" + "Long paragraph of text. " * 50 + "</p>") == "html"


def test_a_fragment_opening_with_a_script_is_html() -> None:
    fragment = "<script>\nvar a = 1;\nvar b = 2;\n</script>\n<div>\n<p>Hi</p>\n</div>"
    assert detect_kind(fragment) == "html"


def test_dense_markup_after_a_stray_line_is_html_when_it_holds_the_body_tag() -> None:
    page = "Warning: cache miss\n<html>\n<body>\n<div>\n<p>Article</p>\n</div>\n</body>\n</html>"
    assert detect_kind(page) == "html"


def test_sparse_tags_in_a_scrape_opening_with_a_tag_stay_text() -> None:
    # a third of the lines hold a tag: under MARKUP_LINE_SHARE
    scrape = "<b>Menu</b>\nHome\nNews\n<i>Opinion</i>\nSport\nWeather\n"
    assert detect_kind(scrape) == "text"
