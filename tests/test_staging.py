"""The staging tree (digest.site.staging, digest.site.sitepages): files rewritten only when their
bytes change, HTML blocks through the sanitiser, listings that stay put when an entry is added,
links between staged pages, the digest's settings; and no code of ours reaching into another
package (no `material.` import, no assignment to another package's attributes)."""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
from pathlib import Path

import pytest

from digest.errors import DigestError
from digest.models import Entry
from digest.pages.items import Item
from digest.site import entry_reading, sitepages, staging
from digest.site import settings as site_settings
from digest.site.staging import PAGEFIND_IGNORE, finish_page, page_url, relative_url
from digest.site.treesync import sync_tree
from tests.conftest import REPO


def _entry(day: int, title: str = "") -> Entry:
    return Entry(
        title=title or f"Entry of day {day}",
        date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
        source_name="Wafer Weekly",
        url=f"https://waferweekly.example/{day}",
        author=None,
        summary="A summary.",
        tags=["TSMC"],
        categories=["Foundry and process"],
    )


def _items(count: int) -> list[Item]:
    return [Item(e, sitepages.entry_src(e)) for e in (_entry(d) for d in range(count))]


# --- writing only what changed --------------------------------------------------------------


def test_sync_rewrites_only_changed_files_and_removes_stale(tmp_path: Path) -> None:
    root = tmp_path / "staged"
    first = sync_tree(root, {"a.md": b"one", "b/c.md": b"two", "gone.md": b"x"})
    assert sorted(first.written) == ["a.md", "b/c.md", "gone.md"]
    old = (root / "a.md").stat().st_mtime_ns
    os.utime(root / "a.md", ns=(old - 10**9, old - 10**9))  # a second older: a rewrite shows
    second = sync_tree(root, {"a.md": b"one", "b/c.md": b"TWO"})
    assert second.written == ["b/c.md"]
    assert second.removed == ["gone.md"]
    assert (root / "a.md").stat().st_mtime_ns == old - 10**9  # same bytes: not touched
    assert (root / "b" / "c.md").read_bytes() == b"TWO"
    assert not (root / "gone.md").exists()
    assert not sync_tree(root, {"a.md": b"one", "b/c.md": b"TWO"})  # nothing to do


def test_sync_removes_emptied_folders(tmp_path: Path) -> None:
    sync_tree(tmp_path, {"x/y/z.md": b"z", "k.md": b"k"})
    sync_tree(tmp_path, {"k.md": b"k"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.md"]


def test_entries_cache_reads_unchanged_files_once(tmp_path: Path) -> None:
    """Parsed entries are kept by the hash of their file's bytes: an unchanged file comes from
    the cache, an edited one is parsed again (whatever its modification time says)."""
    from digest.archive.entry import entry_filename, render_entry

    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    entries = [_entry(1), _entry(2)]
    for entry in entries:
        (posts / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    cache = tmp_path / "entries.json"
    first = entry_reading.read_items(tmp_path / "docs", cache=cache)
    assert cache.is_file()
    path = posts / entry_filename(entries[0])
    stamp = path.stat()
    edited = render_entry(entries[0]).replace("A summary.", "A summary, edited.")
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same time: the bytes decide
    second = entry_reading.read_items(tmp_path / "docs", cache=cache)
    assert [i.entry.summary for i in second] == ["A summary, edited.", "A summary."]
    assert [i.src for i in second] == [i.src for i in first]
    cache.write_text("{not json", encoding="utf-8")  # a broken cache is no cache
    assert [i.entry.summary for i in entry_reading.read_items(tmp_path / "docs", cache=cache)] == [
        "A summary, edited.", "A summary."
    ]


def test_page_memo_keeps_pages_whose_inputs_did_not_change(tmp_path: Path) -> None:
    """Staged again with the same inputs, an entry page is kept as it is (None); the edited
    entry's page, and a page whose file went missing, are rendered again; new code forgets all."""
    from digest.archive.entry import entry_filename, render_entry

    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    entries = [_entry(1), _entry(40)]
    for entry in entries:
        (docs / "posts" / entry_filename(entry)).write_text(render_entry(entry), "utf-8")
    options = staging.StageOptions(site=staging.feeds.FeedSite("S", "D", "https://e.org/"))
    root = tmp_path / "staged"

    def stage(code: str = "v1") -> dict[str, bytes | None]:
        memo = staging.PageMemo(tmp_path / "pages.json", root, code)
        staged = staging.stage_site(docs, options, memo=memo, sanitize=lambda h: h)
        sync_tree(root, staged.files)
        memo.save()
        return {src: staged.files[src] for src in (sitepages.entry_src(e) for e in entries)}

    assert all(stage().values())
    assert list(stage().values()) == [None, None]
    edited = render_entry(entries[1]).replace("A summary.", "Another summary.")
    (docs / "posts" / entry_filename(entries[1])).write_text(edited, "utf-8")
    (root / sitepages.entry_src(entries[0])).unlink()
    again = stage()
    assert all(again.values())
    assert b"Another summary." in again[sitepages.entry_src(entries[1])]  # type: ignore[operator]
    assert list(stage().values()) == [None, None]
    assert all(stage(code="v2").values())


def test_page_memo_renders_no_unchanged_entry_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged entry page is not even rendered: its memo is keyed on its inputs, and the
    pass over every page's text must not replace that key (it did: every entry page was
    rendered on every build, then found equal to the staged one)."""
    from digest.archive.entry import entry_filename, render_entry

    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    for entry in [_entry(1), _entry(40)]:
        (docs / "posts" / entry_filename(entry)).write_text(render_entry(entry), "utf-8")
    options = staging.StageOptions(site=staging.feeds.FeedSite("S", "D", "https://e.org/"))
    root = tmp_path / "staged"
    rendered: list[str] = []
    real = staging.render_body
    monkeypatch.setattr(staging, "render_body", lambda entry, **kw: (
        rendered.append(entry.title), real(entry, **kw))[1])

    for _ in range(3):
        memo = staging.PageMemo(tmp_path / "pages.json", root, "v1")
        items = entry_reading.read_items(docs, hashes=(hashes := {}))
        staged = staging.stage_site(docs, options, items=items, memo=memo, entry_hashes=hashes,
                                    sanitize=lambda h: h)
        sync_tree(root, staged.files)
        memo.save()
    assert len(rendered) == 2  # the first staging only


def test_a_fifo_among_the_entries_is_refused_not_waited_on(tmp_path: Path) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    os.mkfifo(posts / "2024-12-03-pipe.md")
    with pytest.raises(DigestError, match=r"2024-12-03-pipe\.md: cannot read"):
        entry_reading.read_items(tmp_path / "docs")


# --- every HTML block through the sanitiser ---------------------------------------------------


def _upper(html: str) -> str:
    return html.upper()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param("# T\n\n<ul>\n<li>a</li>\n</ul>\n", "# T\n\n<UL>\n<LI>A</LI>\n</UL>\n",
                     id="html-block-sanitised"),
        pytest.param("# T\n\nplain *markdown*\n", "# T\n\nplain *markdown*\n",
                     id="markdown-left-alone"),
        pytest.param("---\ntitle: \"<p>x</p>\"\n---\n# T\n", "---\ntitle: \"<p>x</p>\"\n---\n# T\n",
                     id="front-matter-is-data"),
        pytest.param("<p>inline <em>start</em></p>\nnot a tag line\n",
                     "<p>inline <em>start</em></p>\nnot a tag line\n",
                     id="mixed-chunk-is-markdown"),
        # Lines are what Markdown calls lines: a U+2028 or U+0085 inside an entry's text does
        # not make a block look mixed and so skip the sanitiser.
        pytest.param("<p>a\u2028b\x85c <img src=x></p>\n", "<P>A\u2028B\x85C <IMG SRC=X></P>\n",
                     id="unicode-line-separators-stay-in-the-block"),
    ],
)
def test_finish_page_sanitises_html_blocks(page: str, expected: str) -> None:
    assert finish_page(page, _upper) == expected


def test_finish_page_keeps_excluded_sections_out_of_pagefind() -> None:
    page = "# E\n\n<p>about</p>\n\n## Timeline { data-search-exclude }\n\n<ul>\n<li>x</li>\n</ul>\n"
    done = finish_page(page, lambda html: html)
    assert "<p>about</p>" in done  # the page's own text stays searchable
    assert f"<ul {PAGEFIND_IGNORE}>" in done


def test_sanitiser_sees_every_block_of_a_staged_site(tmp_path: Path) -> None:
    """A site staged with a sanitiser that refuses everything has no HTML block left: each
    block of each page went through it."""
    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    from digest.archive.entry import entry_filename, render_entry

    entry = _entry(3, "Hostile <script>alert(1)</script> title")
    (docs / "posts" / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    options = staging.StageOptions(site=staging.feeds.FeedSite("S", "D", "https://e.org/"))
    staged = staging.stage_site(docs, options, sanitize=lambda html: "<p>REFUSED</p>")
    for src, data in staged.files.items():
        if not src.endswith(".md"):
            continue
        text = data.decode("utf-8")
        assert "<script" not in text, src
        for chunk in text.split("\n\n"):
            block = chunk.strip("\n").replace(f" {PAGEFIND_IGNORE}", "")
            assert not staging._is_block(block) or block == "<p>REFUSED</p>", (src, block[:80])


def test_issue_feeds_go_through_the_sanitiser(tmp_path: Path) -> None:
    """The weekly issues' feeds carry HTML (RSS description, JSON content_html): it goes through
    the site's sanitiser like every page, whatever the feeds module escaped itself."""
    import json

    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    from digest.archive.entry import entry_filename, render_entry

    entry = _entry(3, "A foundry story")
    (docs / "posts" / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    options = staging.StageOptions(site=staging.feeds.FeedSite("S", "D", "https://e.org/"))
    staged = staging.stage_site(docs, options, sanitize=lambda html: "<p>REFUSED</p>")
    issues = json.loads(staged.files[staging.feeds.ISSUES_JSON])
    assert issues["items"], "the sample week has an issue"
    assert {item["content_html"] for item in issues["items"]} == {"<p>REFUSED</p>"}
    assert "REFUSED" in staged.files[staging.feeds.ISSUES_RSS].decode("utf-8")


# --- listings that do not move ---------------------------------------------------------------


def test_adding_the_newest_entry_changes_only_the_newest_listing_pages() -> None:
    before = sitepages.paginate(_items(95), per_page=10)
    after = sitepages.paginate(_items(96), per_page=10)
    assert len(before.home) == len(after.home) == 10
    # page 1 holds the oldest entries: every full page stays as it was
    assert before.pages[:8] == after.pages[:8]
    assert len(after.pages) == 9 and len(after.pages[-1]) == 6


def test_pages_hold_every_entry_once_newest_first() -> None:
    listing = sitepages.paginate(_items(23), per_page=10)
    shown = [*listing.home, *(i for page in reversed(listing.pages) for i in page)]
    dates = [i.entry.date for i in shown]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 23


# --- links ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "url"),
    [
        pytest.param("index.md", "", id="home"),
        pytest.param("weekly/index.md", "weekly/", id="folder-index"),
        pytest.param("2024/12/03/x.md", "2024/12/03/x/", id="entry"),
        pytest.param("feed.json", "feed.json", id="file"),
    ],
)
def test_page_url(src: str, url: str) -> None:
    assert page_url(src) == url


@pytest.mark.parametrize(
    ("from_url", "to_url", "link"),
    [
        pytest.param("weekly/2024-w49/", "2024/12/03/x/", "../../2024/12/03/x/", id="across"),
        pytest.param("", "weekly/", "weekly/", id="from-home"),
        pytest.param("tags/tsmc/", "", "../../", id="to-home"),
        pytest.param("tags/", "tags/tsmc/", "tsmc/", id="down"),
        pytest.param("tags/", "tags/", "./", id="itself"),
    ],
)
def test_relative_url(from_url: str, to_url: str, link: str) -> None:
    assert relative_url(from_url, to_url) == link


@pytest.mark.parametrize(
    ("from_src", "to_src", "page", "source"),
    [
        pytest.param("tags/tsmc.md", "tags.md", "../", "./", id="up-from-a-page"),
        pytest.param("tags.md", "tags/tsmc.md", "tsmc/", "tags/tsmc/", id="down-from-a-page"),
        pytest.param("weekly/index.md", "weekly/2024-w49.md", "2024-w49/", "2024-w49/",
                     id="index-pages-agree"),
    ],
)
def test_html_links_for_each_engine(from_src: str, to_src: str, page: str, source: str) -> None:
    """MkDocs keeps an HTML block's link relative to the page's URL; Zensical reads it relative
    to the page's source file (and rewrites it): the same target, two spellings."""
    assert staging.make_href(True, "page")(from_src, to_src) == page
    assert staging.make_href(True, "source")(from_src, to_src) == source


def test_tag_slugs_are_unique() -> None:
    slugs = sitepages.tag_slugs(["C++", "C", "AI", "ai"])
    assert len(set(slugs.values())) == 4
    assert slugs["AI"] == "ai"


# --- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        pytest.param({"search": "elastic"}, "search must be", id="unknown-engine"),
        pytest.param({"per_page": 0}, "per_page must be", id="no-entries-per-page"),
        pytest.param({"pagefind_from": "many"}, "pagefind_from must be", id="not-a-number"),
        pytest.param({"colour": "red"}, "unknown option", id="unknown-option"),
    ],
)
def test_bad_settings_name_the_option(options: dict[str, object], problem: str) -> None:
    with pytest.raises(DigestError, match=problem):
        site_settings.settings_of({"plugins": [{"silicon-digest": options}]})


def test_settings_default() -> None:
    assert site_settings.settings_of({"plugins": ["search"]}) == site_settings.Settings()


# --- no reaching into other packages ------------------------------------------------------------

OURS = ("digest", "tests", "benchmarks")


def _python_files() -> list[Path]:
    return sorted((REPO / "digest").rglob("*.py"))


def test_nothing_imports_material() -> None:
    found = []
    for path in _python_files():
        text = path.read_text(encoding="utf-8")
        # Material's modules (its plugins' internals); finding its templates folder is not one
        if re.search(r"^\s*(?:from|import)\s+material\.", text, re.M):
            found.append(str(path.relative_to(REPO)))
    assert found == []


def test_no_assignment_to_another_packages_attributes() -> None:
    """`module.attr = ...` or `setattr(obj, ...)` on a name imported from another package."""
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        foreign: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                foreign |= {
                    (a.asname or a.name).split(".")[0]
                    for a in node.names
                    if not a.name.startswith(OURS)
                }
            elif (
                isinstance(node, ast.ImportFrom)
                and node.level == 0
                and not (node.module or "").startswith(OURS)
            ):
                foreign |= {a.asname or a.name for a in node.names}
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign) else []
            )
            for target in targets:
                base = target
                while isinstance(base, ast.Attribute):
                    base = base.value
                if isinstance(target, ast.Attribute) and isinstance(base, ast.Name) and (
                    base.id in foreign
                ):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "setattr"
            ):
                found.append(f"{path.relative_to(REPO)}:{node.lineno} setattr")
    assert found == []
