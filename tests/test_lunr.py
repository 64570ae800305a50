"""The lunr index entries the digest makes for entry pages staged as HTML (digest.site.lunr):
the rules each, on small pages; then the whole index of a built site, against the one
Material's search plugin writes when it converts and reads those pages itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.archive.entry import entry_filename, read_entry, render_entry
from digest.site import lunr
from digest.site.build import build_site
from digest.site.settings import lunr_docs_possible
from tests.built_site import sample_project
from tests.conftest import REPO

URL = "2024/05/03/s/"


def _docs(*chunks: str, title: str = "Page") -> list[tuple[str, str, str]]:
    docs = lunr.page_docs(list(chunks), URL, title)
    return [(d["location"], d["title"], d["text"]) for d in docs]


# -- plain headings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("# Key figures", (1, "Key figures"), id="plain"),
        pytest.param("### A \\*b\\* \\#1", (3, "A *b* #1"), id="escaped-specials"),
        pytest.param("## AT&amp;T &lt;b&gt;", (2, "AT&amp;T &lt;b&gt;"), id="entities-kept"),
        pytest.param("# *bold*", None, id="emphasis-is-markup"),
        pytest.param("# a & b", None, id="bare-ampersand-not-markdown-text"),
        pytest.param("# a\tb", None, id="tab-expanded-by-markdown"),
        pytest.param("#  leading space", None, id="stripped-by-markdown"),
        pytest.param("####### seven", None, id="not-a-heading-level"),
        pytest.param("#no space", None, id="no-space"),
        pytest.param("<p>x</p>", None, id="html"),
    ],
)
def test_plain_heading(line: str, expected: tuple[int, str] | None) -> None:
    assert lunr.plain_heading(line) == expected


def test_comments_are_told_apart() -> None:
    assert lunr.is_comment("<!-- more -->")
    assert lunr.is_comment("\n<!-- a -->\n<!-- b -->\n")
    assert not lunr.is_comment("<!-- a --> text")
    assert not lunr.is_comment("")


# -- sections ------------------------------------------------------------------------------------


def test_text_before_the_first_heading_is_a_section_titled_with_the_page() -> None:
    assert _docs('<nav class="md-tags"><a href="x">TSMC</a><a>N2</a></nav>', "# Title",
                 "<p>Body.</p>", title=" T &amp; co ") == [
        (URL, "T &amp; co", "TSMCN2"),  # tags dropped, whitespace of the title stripped
        (URL + "#title", "Title", "<p>Body.</p>"),
    ]


def test_a_first_heading_gets_no_anchor() -> None:
    assert _docs("# Title", "<p>a</p>", "## Part", "<p>b</p>") == [
        (URL, "Title", "<p>a</p>"), (URL + "#part", "Part", "<p>b</p>"),
    ]


def test_a_lower_first_heading_gets_an_empty_section_before_it() -> None:
    assert _docs("## Part", "<p>b</p>") == [(URL, "Page", ""), (URL + "#part", "Part", "<p>b</p>")]


def test_repeated_headings_get_toc_ids() -> None:
    docs = _docs("# Key figures", "## Key figures", "## Key figures", "# \\!\\!\\!")
    assert [d[0] for d in docs] == [URL, URL + "#key-figures_1", URL + "#key-figures_2",
                                    URL + "#_1"]


def test_kept_tags_and_collapsed_whitespace() -> None:
    block = ("<table>\n<tr>\n<td><strong>40%</strong></td>\n<td>a\nb</td>\n</tr>\n</table>\n"
             "<ul>\n<li>x <em>y</em></li>\n<li><code>z</code></li>\n</ul>")
    assert _docs("# T", block)[0][2] == (
        "40% a b <ul> <li>x y</li> <li><code>z</code></li> </ul>"
    )


def test_an_empty_kept_element_is_dropped_and_pre_keeps_its_whitespace() -> None:
    assert _docs("# T", "<p>a</p>\n<p> </p>\n<pre>x\n  y</pre>")[0][2] == (
        "<p>a</p> <p> </p> <pre>x\n  y</pre>"  # (the plugin's rule: only a tag's first use)
    )
    assert _docs("# T", "<ul>\n<li></li>\n</ul>\n<p>a</p>")[0][2] == "<p>a</p>"


def test_text_is_escaped() -> None:
    assert _docs("# A &lt;b&gt;", "<p>x &amp; y &lt;z&gt;</p>") == [
        (URL, "A &lt;b&gt;", "<p>x &amp; y &lt;z&gt;</p>")
    ]


def test_excluded_elements_and_sections_and_permalinks() -> None:
    docs = lunr.page_docs(
        ['<h1 id="t">T<a class="headerlink" href="#t">¶</a></h1>',
         '<p>a</p>\n<div data-search-exclude><p>hidden</p></div>\n<script>x()</script>\n<p>b</p>',
         '<h2 id="gone" data-search-exclude>Gone</h2>', "<p>c</p>"],
        URL, "Page",
    )
    assert [(d["location"], d["title"], d["text"]) for d in docs] == [
        (URL, "T", "<p>a</p> <p>b</p>")
    ]


def test_a_chunk_of_markdown_text_is_refused() -> None:
    with pytest.raises(ValueError, match="neither"):
        lunr.page_docs(["# T", "*text*"], URL, "Page")
    with pytest.raises(ValueError, match="plain heading"):
        lunr.page_docs(["# *T*"], URL, "Page")


# -- the index file ------------------------------------------------------------------------------


def test_build_order_is_mkdocs_walk_order() -> None:
    srcs = ["tags.md", "2024/01/02/b.md", "index.md", "2024/index.md", "2024/z.md",
            "about.md", "2024/01/a.md", "weekly/index.md"]
    assert sorted(srcs, key=lunr.build_order) == [
        "index.md", "about.md", "tags.md", "2024/index.md", "2024/z.md", "2024/01/a.md",
        "2024/01/02/b.md", "weekly/index.md",
    ]


def test_merge_puts_each_page_where_the_engine_would(tmp_path: Path) -> None:
    index: dict[str, Any] = {"config": {"lang": ["en"]}, "docs": [
        {"location": "", "title": "Home", "text": ""},
        {"location": "#latest", "title": "Latest", "text": ""},
        {"location": "entities/tsmc/", "title": "TSMC", "text": ""},
    ]}
    (tmp_path / "search").mkdir()
    (tmp_path / lunr.INDEX_FILE).write_text(json.dumps(index), encoding="utf-8")
    urls = {"": "index.md", "entities/tsmc/": "entities/tsmc.md",
            "2024/05/03/s/": "2024/05/03/s.md"}
    ours = {"2024/05/03/s.md": [{"location": "2024/05/03/s/", "title": "S é", "text": "a"},
                                {"location": "2024/05/03/s/#b", "title": "B", "text": "b"}]}
    assert lunr.merge_index(tmp_path, ours, urls) == 2
    text = (tmp_path / lunr.INDEX_FILE).read_text(encoding="utf-8")
    assert text.isascii() and ", " not in text  # compact ASCII JSON, as the plugin writes it
    merged = json.loads(text)
    assert merged["config"] == {"lang": ["en"]}
    assert [d["title"] for d in merged["docs"]] == ["Home", "Latest", "S é", "B", "TSMC"]


def test_merge_without_an_index_names_the_file(tmp_path: Path) -> None:
    from digest.errors import DigestError

    with pytest.raises(DigestError, match=r"search_index\.json"):
        lunr.merge_index(tmp_path, {"a.md": []}, {})


# -- when the digest makes the entries -----------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "possible"),
    [
        pytest.param({}, True, id="the-site"),
        pytest.param({"plugins": []}, False, id="no-search-plugin"),
        pytest.param({"plugins": [{"search": {"enabled": False}}]}, False, id="search-off"),
        pytest.param({"plugins": ["material/search"]}, True, id="material-search"),
        pytest.param({"markdown_extensions": ["smarty"]}, False, id="smarty-changes-text"),
        pytest.param({"markdown_extensions": [{"toc": {"separator": "_"}}]}, False,
                     id="toc-separator"),
        pytest.param({"markdown_extensions": [{"markdown.extensions.toc": {"permalink": "#"}}]},
                     True, id="toc-permalink"),
    ],
)
def test_lunr_docs_possible(changes: dict[str, Any], possible: bool) -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("plugins")  # MkDocs runs its search plugin when no plugin is listed
    assert lunr_docs_possible({**config, **changes}) is possible


@pytest.mark.parametrize(
    ("plugins", "search_kept"),
    [
        pytest.param(None, True, id="no-plugins-key-means-mkdocs-default"),
        pytest.param([], False, id="empty-list-turns-search-off"),
        pytest.param(["search", "blog"], True, id="listed"),
    ],
)
def test_engine_config_runs_search_exactly_when_lunr_docs_count_on_it(
    tmp_path: Path, plugins: list[str] | None, search_kept: bool
) -> None:
    """The engine's mkdocs.yml keeps MkDocs' default plugin list when the site's has no
    `plugins` key: the entry pages' lunr entries are merged into the search plugin's index, so
    the two must agree (a site with no `plugins` key stopped with 'no search index')."""
    from digest.site.engines import Project, base_config

    config: dict[str, Any] = {"site_name": "t"}
    if plugins is not None:
        config["plugins"] = plugins
    project = Project(root=tmp_path, docs=tmp_path / "docs", site=tmp_path / "site",
                      overrides=tmp_path / "overrides")
    engine_plugins = base_config(config, project)["plugins"]
    assert ("search" in engine_plugins) is search_kept
    assert lunr_docs_possible(config) is search_kept


# -- the index of a built site -------------------------------------------------------------------

# Titles and texts whose headings and ids are easy to get wrong: markup characters, entities,
# a title equal to a section's heading (toc's _1 ids), one with no slug, non-ASCII text; notes
# (an HTML block under a heading of their own). Three pages the plugin still reads, converted
# from Markdown: a summary with a line break, one with a tab (Python-Markdown expands tabs
# to the column, in HTML blocks too), notes whose HTML is not one element a line.
HOSTILE = [
    {"title": "AT&T's <b>chip</b> & \"foundry\" *deal* [sic] #1 `x` {y} |z| 2nm_node #"},
    {"title": "Key figures"},
    {"title": "!!!", "summary": "Double  spaces & <i>tags</i> in a summary."},
    {"title": "A summary with a tab", "summary": "Tabs\tand  double  spaces."},
    {"title": "Ünïcödé façade: 台积电 ramps N2"},
    {"title": "A summary with a line break", "summary": "First line\u2028second line."},
    {"title": "An entry with notes", "notes": "Curator's *note* with a [link](https://e.org/)."},
    {"title": "Notes with code", "notes": "A list:\n\n    code line one\n    code line two\n"},
]


@pytest.mark.site
def test_the_index_equals_the_one_material_writes(tmp_path: Path) -> None:
    """The sample archive, some entries rewritten with HOSTILE texts, built with lunr twice:
    entry pages converted and indexed by Material's plugin (lift_blocks=False), and staged as
    HTML with the index entries ours. The two index files are the same, byte for byte."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "docs", root / "docs")
    posts = sorted((root / "docs" / "posts").glob("*.md"))
    for path, changes in zip(posts, HOSTILE, strict=False):
        entry = read_entry(path)
        for key, value in changes.items():
            setattr(entry, key, value)
        path.unlink()
        (path.parent / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    sample_project(root, "lunr", copy_docs=False)
    indexes = {}
    for lift in (False, True):
        site = tmp_path / f"site-{lift}"
        build_site(root / "mkdocs.yml", site, cache_dir=tmp_path / f"cache-{lift}", check=False,
                   lift_blocks=lift)
        indexes[lift] = (site / lunr.INDEX_FILE).read_bytes()
    staged = tmp_path / "cache-True" / "mkdocs" / "docs"
    own = [p for p in staged.rglob("*.md") if '\nsearch: {"exclude": true}' in p.read_text("utf-8")
           and p.parts[-4].isdigit()]
    assert len(own) == len(posts) - 3  # all but the line break's, the tab's and the code's
    docs = json.loads(indexes[True])["docs"]
    assert any(d["title"] == "Key figures" and d["location"].endswith("#key-figures_1")
               for d in docs)
    assert indexes[True] == indexes[False]


# -- the fast reader -----------------------------------------------------------------------------


def _sections(read: Any, content: str) -> list[tuple[Any, ...]]:
    return [(s.tag, s.anchor, s.excluded, s.title, s.text) for s in read(content).sections]


SANITISED = [
    '<nav class="md-tags" aria-label="Tags"><a href="../t/" class="md-tag">A &amp; B</a></nav>',
    '<h1 id="t">T &lt;1&gt;<a class="headerlink" href="#t" title="Permanent link">¶</a></h1>',
    '<p class="sd-meta"><time datetime="2024-01-02">2 January 2024</time> · in <a href="x">C</a>'
    "</p>\n<p>Sum &amp; more &quot;q&quot; it's</p>\n<!-- more -->",
    "<table>\n<thead>\n<tr>\n<th>Figure</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
    "<td><strong>40%</strong></td>\n</tr>\n</tbody>\n</table>",
    '<h2 id="key">Key</h2>\n<blockquote>\n<p>Quote.</p>\n<p>— <strong>Ann</strong></p>\n'
    "</blockquote>\n<ul>\n<li><strong>X</strong>: <a href=\"a?b=1&amp;c=2\">t</a></li>\n</ul>",
    '<p>a<br>b<br/>c <img src="x.png" alt="&lt;i&gt;"></p>\n<pre><code>x\n  y</code></pre>',
    '<div data-search-exclude><p>hidden</p><div>inner</div><p>shown</p></div>\n<p>after</p>',
    "<p>\n</p>\n<ul><li> </li></ul>\n<sub>2</sub><sup></sup>",
]


@pytest.mark.parametrize("content", SANITISED)
def test_the_fast_reader_reads_as_the_standard_parser(content: str) -> None:
    assert _sections(lunr._read_fast, content) == _sections(lunr._read_standard, content)


@pytest.mark.parametrize(
    "content",
    ["<p class='single'>x</p>", "<P>x</P>", "<p>a < b</p>", "<p>x</p><script>if (a<b) {}</script>",
     "<!DOCTYPE html><p>x</p>", "<p>x</p><style>p>a{}</style>", "<p a=b>x</p>"],
)
def test_other_markup_goes_to_the_standard_parser(content: str) -> None:
    with pytest.raises(ValueError):
        lunr._read_fast(content)
    docs = lunr.page_docs(["# T", content], URL, "Page")
    assert docs == [{"location": URL, "title": "T",
                     "text": "".join(_sections(lunr._read_standard, content)[0][4]).strip()}]
