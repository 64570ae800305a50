"""HTML blocks lifted out of the engine's Markdown (digest.site.lifted): a block the
engine's search index does not read moves into the page's front matter, our content.html
override puts it back, and the built site is the same, byte for byte, as without lifting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from digest.errors import DigestError
from digest.site import lifted, staging
from digest.site.build import build_site
from digest.site.lifted import BLOCK_MARKER, BLOCKS_KEY
from digest.site.staging import PAGEFIND_IGNORE, finish_page
from tests.built_site import sample_project

HIDDEN = '---\ntitle: "T"\nsearch: {"exclude": true}\n---\n'


def _front(page: str) -> dict[str, object]:
    head = page.split("\n---\n", 1)[0].removeprefix("---\n")
    data = yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(data, dict)
    return data


def test_blocks_of_a_page_out_of_the_search_index_are_lifted() -> None:
    page = HIDDEN + "\n# T\n\n*a line*\n\n<ul>\n<li>x</li>\n</ul>\n\n## S\n\n<p>y</p>\n"
    done = finish_page(page, lambda html: html, lift=True)
    assert _front(done)[BLOCKS_KEY] == ["<ul>\n<li>x</li>\n</ul>", "<p>y</p>"]
    body = done.split("\n---\n", 1)[1]
    assert body == f"\n# T\n\n*a line*\n\n{BLOCK_MARKER}\n\n## S\n\n{BLOCK_MARKER}\n"


def test_without_lift_the_page_is_as_before() -> None:
    page = HIDDEN + "\n# T\n\n<ul>\n<li>x</li>\n</ul>\n"
    assert finish_page(page, lambda html: html) == page


def test_only_blocks_the_search_index_skips_are_lifted() -> None:
    """A searchable page keeps its blocks in its Markdown (the engine's index reads them),
    except those of a section kept out of the index."""
    page = (
        '---\ntitle: "E"\n---\n\n# E\n\n<p>about</p>\n\n'
        "## Timeline { data-search-exclude }\n\n<ul>\n<li>x</li>\n</ul>\n"
    )
    done = finish_page(page, lambda html: html, lift=True)
    assert "<p>about</p>" in done.split("\n---\n", 1)[1]
    assert _front(done)[BLOCKS_KEY] == [f"<ul {PAGEFIND_IGNORE}>\n<li>x</li>\n</ul>"]
    searchable = '---\ntitle: "E"\n---\n\n# E\n\n<p>about</p>\n'
    assert finish_page(searchable, lambda html: html, lift=True) == searchable


def test_lifted_blocks_are_the_sanitised_ones() -> None:
    page = HIDDEN + "\n# T\n\n<p>x</p>\n"
    done = finish_page(page, lambda html: "<p>CLEAN</p>", lift=True)
    assert _front(done)[BLOCKS_KEY] == ["<p>CLEAN</p>"]


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\ufeff", "\x9f", "é", "\U0001f600"])
def test_lifted_blocks_read_back_exactly(char: str) -> None:
    """JSON is written as YAML; characters YAML reads as line breaks or refuses are escaped."""
    block = f'<p title="a{char}b">x{char}y\\z "q"</p>'
    done = lifted.lift_blocks(HIDDEN, ["\n# T", block + "\n"], [1])
    assert _front(done)[BLOCKS_KEY] == [block]
    assert done.endswith(f"\n# T\n\n{BLOCK_MARKER}\n")


def test_a_page_whose_text_holds_the_marker_is_not_lifted() -> None:
    page = HIDDEN + f"\n# T\n\nsays {BLOCK_MARKER} here\n\n<p>x</p>\n"
    done = finish_page(page, lambda html: html, lift=True)
    assert BLOCKS_KEY not in done
    assert "\n<p>x</p>\n" in done


def test_a_hand_written_page_cannot_set_the_blocks_key(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    (docs / "about.md").write_text(
        f'---\n{BLOCKS_KEY}: ["<script>x</script>"]\n---\n\n# About\n', encoding="utf-8"
    )
    options = staging.StageOptions(site=staging.feeds.FeedSite("S", "D", "https://e.org/"))
    with pytest.raises(DigestError, match=BLOCKS_KEY):
        staging.stage_site(docs, options)


def _project(root: Path, search: str) -> Path:
    return sample_project(root, search)


@pytest.mark.site
@pytest.mark.parametrize("search", ["lunr", "pagefind"])
def test_the_site_is_the_same_with_lifted_blocks(tmp_path: Path, search: str) -> None:
    config = _project(tmp_path / "project", search)
    sites = {}
    for lift in (False, True):
        site = tmp_path / f"site-{lift}"
        build_site(config, site, cache_dir=tmp_path / f"cache-{lift}", check=False,
                   lift_blocks=lift)
        sites[lift] = site
    staged = (tmp_path / "cache-True" / "mkdocs" / "docs").rglob("*.md")
    assert any(BLOCKS_KEY in p.read_text(encoding="utf-8") for p in staged), "nothing lifted"
    names = sorted(p.relative_to(sites[False]).as_posix() for p in sites[False].rglob("*")
                   if p.is_file())
    assert names == sorted(p.relative_to(sites[True]).as_posix() for p in sites[True].rglob("*")
                           if p.is_file())
    differ = [n for n in names if not n.startswith("sitemap.xml")
              and _shown(sites[False] / n) != _shown(sites[True] / n)]
    assert differ == []


def _shown(path: Path) -> bytes:
    """The file's bytes; entry bodies are written as HTML blocks when lifted (with Pagefind,
    and with lunr where digest.site.lunr makes their index entries), which Python-Markdown
    sets apart by a blank line where its own blocks have a line break, so an HTML page's
    blank lines between elements are not compared: a browser shows none of them. Everything
    else, the lunr index (search/search_index.json) too, is the same byte for byte."""
    data = path.read_bytes()
    if path.suffix == ".html":
        return re.sub(rb"\n\s*\n", b"\n", data)
    return data


def _markdown(text: str) -> str:
    import markdown

    md = markdown.Markdown(extensions=["attr_list", "tables", "toc", "admonition"])
    return md.convert(text)


def _entry(**changes: object) -> object:
    import dataclasses
    import datetime as dt

    from digest.models import Entry, Figure, Quote

    entry = Entry(
        title="TSMC's 2nm line & Apple's <A19> order", date=dt.date(2024, 5, 3),
        source_name='Wafer "Weekly"', url="https://wafer.example/a?b=1&c=it's",
        author="Caleb Strand", summary="Revenue rose 40% [sic] * to $2.5 billion_ (a `record`).",
        tags=[], categories=[], slug="s",
        figures=[Figure("$2.5 billion", "revenue | quarter"), Figure("40%", "growth #1")],
        quotes=[Quote("We *will* ship > 1 million", "Jane Roe", "CEO"), Quote("Later.", None)],
    )
    return dataclasses.replace(entry, **changes)


@pytest.mark.parametrize(
    "changes",
    [{}, {"author": None}, {"source_name": None, "url": None}, {"figures": [], "quotes": []}],
    ids=["full", "no-author", "no-outlet-no-url", "no-figures-no-quotes"],
)
def test_entry_html_body_is_what_python_markdown_makes_of_the_markdown(
    changes: dict[str, object],
) -> None:
    """render_body_html's blocks are Python-Markdown's conversion of render_body's Markdown,
    apart from blank lines between blocks."""
    from digest.pages.render import render_body, render_body_html
    from digest.site.sanitize import sanitize_html

    entry = _entry(**changes)
    also = [("Other Outlet", "Same *story*", "../other/")]
    names = [("TSMC", "../../tsmc/")]
    html = render_body_html(entry, also_covered=also, entities=names)  # type: ignore[arg-type]
    md = render_body(entry, also_covered=also, entities=names)  # type: ignore[arg-type]
    assert html is not None

    def lines(text: str) -> list[str]:
        return [line for line in text.split("\n") if line.strip()]

    # the HTML as staged (through the sanitiser) and as the engine passes it on, against the
    # engine's own conversion of the Markdown, which no sanitiser touches
    assert lines(_markdown(finish_page(html, sanitize_html))) == lines(_markdown(md))


def test_entry_html_body_falls_back_on_a_line_break() -> None:
    from digest.pages.render import render_body_html

    assert render_body_html(_entry(summary="two\nlines")) is None  # type: ignore[arg-type]
    assert render_body_html(_entry(summary="two\u2028lines")) is None  # type: ignore[arg-type]


def test_blocks_in_a_row_are_lifted_as_one() -> None:
    """Blocks with only blank lines and comments between them move as one block; a heading or
    a line of Markdown ends the run, and a comment after the last block stays."""
    page = HIDDEN + (
        "\n<p>a</p>\n\n<ul>\n<li>b</li>\n</ul>\n\n<!-- more -->\n\n<p>c</p>\n\n"
        "## S\n\n<p>d</p>\n\n*text*\n\n<p>e</p>\n\n<!-- end -->\n"
    )
    done = finish_page(page, lambda html: html, lift=True)
    assert _front(done)[BLOCKS_KEY] == [
        "<p>a</p>\n\n<ul>\n<li>b</li>\n</ul>\n\n<!-- more -->\n\n<p>c</p>", "<p>d</p>",
        "<p>e</p>",
    ]
    assert done.split("\n---\n", 1)[1] == (
        f"\n{BLOCK_MARKER}\n\n## S\n\n{BLOCK_MARKER}\n\n*text*\n\n{BLOCK_MARKER}\n\n"
        "<!-- end -->\n"
    )


@pytest.mark.parametrize(
    "body",
    [
        "\n<p>a</p>\n\n<!-- more -->\n\n<div>\nb\n</div>\n\n# H\n\n<p>c</p>\n\n<p>d</p>\n",
        "\n# T\n\n<table>\n<tr><td>x</td></tr>\n</table>\n\n<!-- q -->\n\n<blockquote>\n<p>y</p>"
        "\n</blockquote>\n\n<p>z</p>\n\n## S\n\n*m*\n\n<ul>\n<li>w</li>\n</ul>\n",
    ],
    ids=["comment-in-a-run", "entry-like"],
)
def test_lifted_blocks_put_back_give_python_markdowns_html(body: str) -> None:
    """The page's HTML as content.html puts it back (the engine's conversion of the lifted
    Markdown, each marker replaced by its block) is Python-Markdown's conversion of the page
    before lifting, byte for byte."""
    done = finish_page(HIDDEN + body, lambda html: html, lift=True)
    blocks = _front(done)[BLOCKS_KEY]
    assert isinstance(blocks, list)
    parts = _markdown(done.split("\n---\n", 1)[1]).split(BLOCK_MARKER)
    assert len(parts) == len(blocks) + 1
    put_back = "".join(part + (blocks[n] if n < len(blocks) else "")
                       for n, part in enumerate(parts))
    assert put_back == _markdown(body)
