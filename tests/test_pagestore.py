"""digest.site.pagestore: generated pages' HTML blocks taken out before Markdown and put back after,
pages' HTML stored compressed; and the blog excerpts' shared Markdown converter."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest

from digest.pages.items import SEARCH_EXCLUDE
from digest.site.pagestore import (
    IGNORED,
    BlockStash,
    ContentStore,
    missing_blocks,
    restore_blocks,
    split_blocks,
)
from digest.site.plugin import SharedExcerptMarkdown

LIST = '<ul>\n<li><a href="../a/">A &amp; B</a> · Outlet</li>\n<li>Second – “quoted”</li>\n</ul>'
PARAS = '<p class="sd-meta">Mon 2 December 2024 · Outlet</p>\n<p>Summary text.</p>'
PAGE = "\n\n".join(
    [
        "# Week 49, 2024",
        "*2 – 8 December 2024 · 1 story*",
        "## Top stories",
        LIST,
        f"## Timeline {SEARCH_EXCLUDE}",
        PARAS,
        "## Notes",
        "<strong>inline</strong> starts a Markdown paragraph",
        "[← Week 48](<2024-w48.md>)\n{ .sd-pager }",
    ]
)


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "toc"]).convert(text)


def test_blocks_come_back_where_they_were() -> None:
    light, stashed = split_blocks(PAGE)
    assert LIST not in light and PARAS not in light  # Markdown never sees them
    assert "# Week 49, 2024" in light and "<strong>inline</strong>" in light
    html = restore_blocks(convert(light), stashed, late=False)
    html = restore_blocks(html, stashed, late=True)
    # the same page as converting everything, the search-excluded block marked for Pagefind
    marked = PARAS.replace("<p", f"<p {IGNORED}")  # both paragraphs of the block
    assert marked.count(IGNORED) == 2
    assert html == convert(PAGE).replace(PARAS, marked)
    assert missing_blocks(html) == []


def test_blocks_of_a_search_excluded_section_come_back_late() -> None:
    light, stashed = split_blocks(PAGE)
    early = restore_blocks(convert(light), stashed, late=False)
    assert LIST in early  # indexed section: back before the search plugin reads the page
    assert PARAS not in early and missing_blocks(early) == [1]
    late = restore_blocks(early, stashed, late=True)
    assert PARAS.replace("<p", f"<p {IGNORED}") in late and missing_blocks(late) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<a href='x'>link</a> and text", id="inline-tag-paragraph"),
        pytest.param("<p>one</p>\nplain text line", id="mixed-lines"),
        pytest.param("<!-- a comment -->", id="comment"),
        pytest.param("<https://example.org/autolink>", id="autolink"),
        pytest.param("Plain paragraph.", id="text"),
    ],
)
def test_what_is_not_a_block_stays_markdown(text: str) -> None:
    light, stashed = split_blocks(f"# T\n\n{text}")
    assert light == f"# T\n\n{text}" and stashed.blocks == []


def test_block_stash_by_page() -> None:
    stash = BlockStash()
    light = stash.split("weekly/2024-w49.md", PAGE)
    assert stash.split("about.md", "# About\n\nText.") == "# About\n\nText."
    html = stash.restore("weekly/2024-w49.md", convert(light), late=False)
    assert LIST in html
    assert stash.restore("about.md", "<p>x</p>", late=False) == "<p>x</p>"
    stash.drop("weekly/2024-w49.md")
    assert missing_blocks(stash.restore("weekly/2024-w49.md", html, late=True)) == [1]


def test_content_store_gives_each_page_back_once() -> None:
    store = ContentStore()
    html = "<p>Ünïcode – “text”</p>" * 200
    store.put("posts/a.md", html)
    assert len(store) == 1
    assert store.take("posts/a.md") == html
    assert store.take("posts/a.md") is None and len(store) == 0


class Processor:
    def __init__(self) -> None:
        self.page: object = None
        self.file: object = None


def fake_excerpt(name: str) -> SimpleNamespace:
    md = SimpleNamespace(
        treeprocessors={"excerpt": Processor(), "relpath": Processor()}, reset=lambda: None
    )
    return SimpleNamespace(md=md, file=f"file-{name}")


def test_excerpts_share_the_first_converter() -> None:
    shared = SharedExcerptMarkdown()
    first, second = fake_excerpt("a"), fake_excerpt("b")
    kept = first.md
    shared.adopt(first)
    shared.adopt(second)
    assert shared.md is kept and first.md is None and second.md is None
    post = object()
    shared.bind(second, post)  # type: ignore[arg-type]
    assert second.md is kept
    assert kept.treeprocessors["excerpt"].page is post
    assert kept.treeprocessors["relpath"].file == "file-b"


def test_an_unknown_converter_is_left_alone() -> None:
    shared = SharedExcerptMarkdown()
    excerpt = SimpleNamespace(md=SimpleNamespace(treeprocessors={}), file="f")
    shared.adopt(excerpt)
    assert shared.md is None and excerpt.md is not None
