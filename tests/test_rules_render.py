"""The entry page body (digest/pages/render.py), tested directly: every scraped text is shown
as written and never becomes markup, a link or Markdown syntax; URLs are links only when they
are absolute http(s); the credit line, key-figure table, quotes and links follow their rules.

The Markdown is also converted with Python-Markdown (the engine's own converter, with the
extensions the site uses) to check what a reader's browser would get."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from digest.models import Entry, Figure, Quote
from digest.pages.render import (
    EXCERPT_SEPARATOR,
    KEY_FIGURES_SHOWN,
    QUOTE_SEPARATOR,
    byline,
    quote_display,
    render_body,
    render_body_html,
    safe_url,
)

HOSTILE = '<script>alert("x")</script> & <b>bold</b> *star* _under_ [link](javascript:x) `tick`'


def entry(**overrides: object) -> Entry:
    fields: dict[str, object] = {
        "title": "Foundry delays second plant", "date": dt.date(2025, 3, 4),
        "source_name": "Wafer Weekly", "url": "https://wafer.example/2025/03/plant",
        "author": "Dana Whitfield", "summary": "The foundry delayed its second plant.",
    }
    fields.update(overrides)
    return Entry(**fields)  # type: ignore[arg-type]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize(
    "field",
    ["title", "summary", "source_name", "author", "figure-value", "figure-context", "quote",
     "speaker", "role"],
)
def test_scraped_text_is_shown_as_written(field: str) -> None:
    quote = Quote(text="We ship soon", speaker="Maria Lindqvist", role="chief executive")
    figure = Figure(value="40%", context="sales rose 40%")
    overrides: dict[str, object] = {"quotes": [quote], "figures": [figure]}
    if field in ("title", "summary", "source_name", "author"):
        overrides[field] = HOSTILE
    elif field.startswith("figure"):
        key = field.removeprefix("figure-")
        overrides["figures"] = [Figure(**{"value": "40%", "context": "x", key: HOSTILE})]
    else:
        key = "text" if field == "quote" else field
        overrides["quotes"] = [Quote(**{"text": "We ship soon", "speaker": "Maria Lindqvist",
                                       "role": "chief executive", key: HOSTILE})]
    body = render_body(entry(**overrides))
    page = to_html(body)
    assert "<script" not in page and "<b>" not in page and "<code>" not in page
    assert 'href="javascript' not in page
    assert "<em>star</em>" not in page and "<em>under</em>" not in page
    assert "*star*" in page and "_under_" in page  # shown, as text
    if field not in ("source_name", "author"):  # names are cleaned of tags (clean_text) first
        assert "&lt;script&gt;" in page


def test_markdown_syntax_in_a_title_is_text() -> None:
    body = render_body(entry(title="# Not a heading | with a pipe - and a [link](https://x.example)"))
    first = body.splitlines()[0]
    assert first.startswith("# ")
    page = to_html(first)
    assert page.count("<h1>") == 1 and "<a " not in page
    assert "# Not a heading | with a pipe - and a [link](https://x.example)" in (
        page.replace("<h1>", "").replace("</h1>", ""))


def test_ampersand_is_escaped_once() -> None:
    page = to_html(render_body(entry(title="AT&T and R&D &amp; more")))
    assert "AT&amp;T and R&amp;D &amp;amp; more" in page


# --- links ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,x", "/relative/path", "//no-scheme.example/x",
     "ftp://files.example/x", "https://", "", None],
)
def test_unsafe_urls_are_no_links(url: str | None) -> None:
    assert safe_url(url) is None


def test_http_urls_are_kept_and_percent_encoded() -> None:
    assert safe_url(" https://wafer.example/a b?q=1&r=\"2\"#top ") == (
        "https://wafer.example/a%20b?q=1&r=%222%22#top")
    assert safe_url("http://wafer.example/") == "http://wafer.example/"


def test_entry_with_an_unsafe_url_has_no_source_link() -> None:
    body = render_body(entry(url="javascript:alert(1)"))
    assert "javascript" not in body and "Read the original article" not in body


def test_source_link_names_the_outlet() -> None:
    body = render_body(entry())
    assert "[Read the original article at Wafer Weekly](<https://wafer.example/2025/03/plant>)" in (
        body)


# --- the credit line -----------------------------------------------------------------------

URL = "https://wafer.example/a"


@pytest.mark.parametrize(
    ("outlet", "author", "url", "expected"),
    [
        ("Wafer Weekly", "Dana Whitfield", URL,
         f"Reported by Dana Whitfield for [Wafer Weekly](<{URL}>)."),
        ("Wafer Weekly", None, URL, f"Reported by [Wafer Weekly](<{URL}>)."),
        (None, "Dana Whitfield", URL,
         f"Reported by Dana Whitfield in the [original article](<{URL}>)."),
        (None, "Dana Whitfield", None, "Reported by Dana Whitfield."),
        (None, None, URL, f"From the [original article](<{URL}>)."),
        (None, None, None, ""),
        ("Wafer Weekly", None, None, "Reported by Wafer Weekly."),
        ("*Wafer*", "Dana_Whitfield", None, "Reported by Dana\\_Whitfield for \\*Wafer\\*."),
    ],
)
def test_byline(outlet: str | None, author: str | None, url: str | None, expected: str) -> None:
    assert byline(outlet, author, url) == expected


# --- structure -----------------------------------------------------------------------------


def test_summary_is_the_excerpt() -> None:
    lines = render_body(entry()).splitlines()
    assert lines[0] == "# Foundry delays second plant"
    assert lines[2].startswith("The foundry delayed its second plant")
    assert lines[4] == EXCERPT_SEPARATOR


def test_key_figures_table_shows_the_first_few() -> None:
    figures = [Figure(value=f"{n}%", context=f"figure number {n}") for n in range(1, 9)]
    body = render_body(entry(figures=figures))
    rows = [line for line in body.splitlines() if line.startswith("| **")]
    assert len(rows) == KEY_FIGURES_SHOWN
    assert rows[0] == "| **1%** | figure number 1 |"
    assert "## Key figures" in body
    assert "## Key figures" not in render_body(entry())


def test_quotes_are_separate_blockquotes_with_their_speakers() -> None:
    quotes = [Quote(text="We ship soon.", speaker="Maria Lindqvist", role="chief executive"),
              Quote(text="Costs fall.", speaker="Tom Roe", role=None),
              Quote(text="Nobody said this.", speaker=None, role=None)]
    body = render_body(entry(quotes=quotes))
    assert body.count(QUOTE_SEPARATOR) == 2
    assert "> — **Maria Lindqvist**, chief executive" in body
    assert "> — **Tom Roe**\n" in body
    assert body.count("> —") == 2  # no attribution line for an unknown speaker
    assert to_html(body).count("<blockquote>") == 3


def test_fragment_quotes_are_marked() -> None:
    assert quote_display(Quote(text="a remarkable turnaround.", speaker=None, role=None,
                               fragment=True)) == "…a remarkable turnaround…"
    assert quote_display(Quote(text="We ship soon.", speaker=None, role=None)) == "We ship soon."


def test_also_covered_and_entity_links() -> None:
    body = render_body(entry(), also_covered=[("Fab *News*", "Plant <late>", "../other/")],
                       entities=[('Acme "Chips"', 'acme/?a="1"&b=2')])
    assert "- **Fab \\*News\\***: [Plant &lt;late&gt;](<../other/>)" in body
    assert '<a href="acme/?a=&quot;1&quot;&amp;b=2">Acme &quot;Chips&quot;</a>' in body


def test_curator_notes_are_kept_verbatim() -> None:
    notes = "Our *own* note with a [link](https://x.example)."
    body = render_body(entry(notes=notes))
    assert body.endswith(f"## Notes\n\n{notes}\n")


FULL_PAGE = """\
# Foundry delays plant

The foundry delayed its plant.

<!-- more -->

*Reported by Dana Whitfield for [Wafer Weekly](<https://wafer.example/a>).*

## Key figures

| Figure | What it measures |
| --- | --- |
| **40%** | sales rose 40% |

## Quotes

> We ship soon.
>
> — **Maria Lindqvist**, chief executive

<!-- quote -->

> …is our dream…
>
> — **Tom Roe**

## Also covered by

- **Fab News**: [Plant late](<../other/>)

<p class="sd-entities"><strong>Companies and chips:</strong> <a href="acme/">Acme</a> · \
<a href="beta/">Beta</a></p>

[Read the original article at Wafer Weekly](<https://wafer.example/a>){ .md-button }

## Notes

Our note.
"""


def test_the_whole_page_layout() -> None:
    """Every section in its order, separated as Markdown needs (a blank line before each
    block; blockquotes kept apart by a comment), written out by hand."""
    page = entry(title="Foundry delays plant", url="https://wafer.example/a",
                 summary="The foundry delayed its plant.",
                 figures=[Figure(value="40%", context="sales rose 40%")],
                 quotes=[Quote(text="We ship soon.", speaker="Maria Lindqvist",
                               role="chief executive"),
                         Quote(text="is our dream.", speaker="Tom Roe", role=None,
                               fragment=True)],
                 notes="Our note.")
    assert render_body(page, also_covered=[("Fab News", "Plant late", "../other/")],
                       entities=[("Acme", "acme/"), ("Beta", "beta/")]) == FULL_PAGE


def test_without_a_url_the_page_has_no_links_to_the_source() -> None:
    body = render_body(entry(url=None, source_name="Wafer Weekly", author=None))
    assert "*Reported by Wafer Weekly.*" in body and "](<" not in body


def test_fragment_marks_replace_the_quote_s_own_ellipses_and_full_stop() -> None:
    assert quote_display(Quote(text="… a turnaround …", speaker=None, role=None,
                               fragment=True)) == "…a turnaround…"
    assert quote_display(Quote(text="X-ray vision.", speaker=None, role=None,
                               fragment=True)) == "…X-ray vision…"


def test_source_link_without_an_outlet_name() -> None:
    body = render_body(entry(source_name="", author=None))
    assert body.endswith(
        "[Read the original article](<https://wafer.example/2025/03/plant>){ .md-button }\n")


# --- the entry body as HTML blocks (render_body_html) ------------------------------------------

def test_html_body_without_an_outlet_links_the_original_article() -> None:
    html = render_body_html(entry(source_name=None, author=None))
    assert html is not None
    assert ('<p><a class="md-button" href="https://wafer.example/2025/03/plant">Read the '
            "original article</a></p>") in html


def test_html_body_names_a_speaker_and_never_a_role_alone() -> None:
    quotes = [Quote("We ship.", "Jane Roe"), Quote("It works.", None, "analyst")]
    html = render_body_html(entry(quotes=quotes))
    assert html is not None
    assert "<p>We ship.</p>\n<p>— <strong>Jane Roe</strong></p>\n</blockquote>" in html
    assert "<p>It works.</p>\n</blockquote>" in html and "analyst" not in html


def test_an_html_byline_is_escaped_as_html_not_as_markdown() -> None:
    assert byline("Wafer *Weekly*", None, None, as_html=True) == "Reported by Wafer *Weekly*."
