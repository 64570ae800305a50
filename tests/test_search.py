"""The search switch (digest/site/search.py): which engine a build picks; a site built with
Pagefind (its index, Material's lunr index left empty, only the articles indexed); and the
header search of that site in headless Chromium, served under the site's sub-path.

The Pagefind sites are built once per module: the repository's docs plus one entry of our own,
with `engine: pagefind`. The site as configured (auto: lunr at this size) is the sample site
every module shares (the fixture built_site, tests/built_site.py). The browser tests skip, with
the reason, when /usr/bin/chromium or the playwright package is absent.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from digest.archive.entry import entry_filename, read_entry, render_entry
from digest.errors import DigestError
from digest.models import Entry, Figure
from digest.site import search as search_plugin
from digest.site.search import (
    main_pattern,
    resolve_engine,
    run_pagefind,
    shard_globs,
    shard_of,
)
from tests.built_site import BuiltSite  # the fixture built_site: tests/conftest.py
from tests.conftest import REPO, serve_folder

PLUGIN = "silicon-digest"
SUB_PATH = "silicon-digest"  # site_url's path in mkdocs.yml: the site is served under it
QUERY = "Phoenix"  # in the title of our entry only (no other page of docs/ has the word)
# Ours, in our own words, about TSMC's report of its first Arizona fab's production.
PHOENIX = Entry(
    title="TSMC says its first Phoenix fab is in volume production on 4nm",
    date=dt.date(2024, 12, 18),
    source_name="Fab Watch",
    url="https://fabwatch.example/2024/12/tsmc-phoenix-volume-production",
    author="Ines Okafor",
    summary=(
        "TSMC's first fab near Phoenix, Arizona, now makes chips in volume on the company's "
        "4nm-class process, with yields the company puts close to those of its plants in "
        "Taiwan. A second Arizona fab, for 3nm, is due later in the decade."
    ),
    tags=["TSMC", "4nm", "Foundry", "CHIPS Act"],
    categories=["Foundry and process"],
    figures=[Figure("4nm", "the process the first Arizona fab runs in volume")],
    slug="tsmc-says-first-phoenix-fab-is-in-volume-production",
)
ENTRY_PATH = f"/{SUB_PATH}/2024/12/18/{PHOENIX.slug}/"
# Text only the theme's frame shows (footer, sidebars): never in Pagefind's index.
FRAME_TEXT = (
    "Summaries and selections by the Silicon Digest contributors",  # the footer's copyright
    "Table of contents",  # the right sidebar's title
)


# --- which engine ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engine", "entries", "pagefind_from", "expected"),
    [
        pytest.param("auto", 1999, 2000, "lunr", id="auto-below-threshold"),
        pytest.param("auto", 2000, 2000, "pagefind", id="auto-at-threshold"),
        pytest.param("auto", 10_000, 2000, "pagefind", id="auto-above-threshold"),
        pytest.param("auto", 0, 2000, "lunr", id="auto-no-entries"),
        pytest.param("lunr", 10_000, 2000, "lunr", id="forced-lunr"),
        pytest.param("pagefind", 3, 2000, "pagefind", id="forced-pagefind"),
    ],
)
def test_resolve_engine(engine: str, entries: int, pagefind_from: int, expected: str) -> None:
    assert resolve_engine(engine, entries, pagefind_from) == expected


def test_resolve_engine_rejects_unknown_engine() -> None:
    with pytest.raises(DigestError, match="auto, lunr, pagefind, not 'elastic'"):
        resolve_engine("elastic", 10, 2000)


def test_pagefind_indexes_a_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<html lang='en'><body><h1>Wafers</h1><p>Our own sentence.</p></body></html>",
        encoding="utf-8",
    )
    assert run_pagefind(tmp_path) == 1
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_pagefind_on_a_folder_without_html_is_a_plugin_error(tmp_path: Path) -> None:
    with pytest.raises(DigestError, match=r"pagefind failed .*not able to build an index"):
        run_pagefind(tmp_path)


def test_pagefind_binary_missing_is_a_plugin_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>Text.</p></body></html>")
    monkeypatch.setattr(search_plugin, "pagefind_executable", lambda: tmp_path / "no-pagefind")
    with pytest.raises(DigestError, match=r"pagefind could not index .*No such file"):
        run_pagefind(tmp_path)


# --- the built sites -------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    root: Path  # the folder served: the site itself is in root/SUB_PATH
    path: Path


def _build(root: Path, engine: str, build_engine: str = "mkdocs") -> Site:
    shutil.copytree(REPO / "docs", root / "docs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = config["plugins"]
    at = next(i for i, p in enumerate(plugins) if isinstance(p, dict) and PLUGIN in p)
    plugins[at] = {PLUGIN: {**plugins[at][PLUGIN], "search": engine}}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (root / "docs" / "posts" / entry_filename(PHOENIX)).write_text(
        render_entry(PHOENIX), encoding="utf-8"
    )
    site = root / "www" / SUB_PATH
    command = [sys.executable, "-m", "digest", "build", "--config", str(root / "mkdocs.yml")]
    command += ["--engine", build_engine]
    subprocess.run([*command, "--site-dir", str(site)], check=True, cwd=root)
    return Site(root / "www", site)


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("pagefind-site"), "pagefind")


def _fragments(site: Path) -> dict[str, dict[str, object]]:
    """Pagefind's stored pages by URL: each fragment file is gzip of a signature and JSON."""
    pages = {}
    for path in (site / "pagefind").glob("**/fragment/*"):  # the primary and the shards
        data = gzip.decompress(path.read_bytes())
        page = json.loads(data[data.index(b"{") :])
        pages[page["url"]] = page
    return pages


def _html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_pagefind_site_has_its_index(pagefind_site: Site) -> None:
    bundle = pagefind_site.path / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    counts = [
        json.loads(path.read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
        for path in bundle.glob("**/pagefind-entry.json")
    ]
    assert sum(counts) == len(_fragments(pagefind_site.path))
    # One shard per year of entries, merged by the browser; the other pages are the primary.
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    assert shards and all(re.fullmatch(r"\d{4}/", shard) for shard in shards)
    for shard in shards:
        for path in (bundle / shard).glob("fragment/*"):
            data = gzip.decompress(path.read_bytes())
            assert json.loads(data[data.index(b"{") :])["url"].startswith(f"/{shard}")
    assert (pagefind_site.path / "assets" / "javascripts" / "digest-search.js").is_file()


def test_material_index_is_left_empty(pagefind_site: Site) -> None:
    index = json.loads(
        (pagefind_site.path / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    assert index["docs"] == []


def test_pagefind_indexes_articles_not_listings(pagefind_site: Site) -> None:
    pages = _fragments(pagefind_site.path)
    entry_url = ENTRY_PATH.removeprefix(f"/{SUB_PATH}")
    assert pages[entry_url]["meta"]["title"] == PHOENIX.title  # type: ignore[index]
    assert {"/entities/tsmc/", "/about/"} <= set(pages)
    # The blog's index and the tags page only repeat the entries; the weekly issues and the
    # figures index keep out of search by their own front matter, as with lunr.
    assert not {"/", "/tags/", "/weekly/2024-w51/", "/figures/"} & set(pages)
    # An entity page's timeline of entries (kept out of lunr's index) is not indexed either.
    assert PHOENIX.title not in str(pages["/entities/tsmc/"]["content"])
    for url, page in pages.items():
        for text in FRAME_TEXT:
            assert text not in str(page["content"]), f"{url} indexed the frame: {text!r}"


def test_search_box_is_ours(pagefind_site: Site) -> None:
    home = _html(pagefind_site.path, "")
    box = home.select_one(".md-search")
    assert box is not None and box.has_attr("data-digest-search")
    assert home.select('[data-md-component="search"]') == []  # Material's worker stays off
    assert home.select_one('form[name="search"]') is None  # it would fetch the lunr index
    entry = _html(pagefind_site.path, ENTRY_PATH.removeprefix(f"/{SUB_PATH}/"))
    [body] = entry.select("[data-pagefind-body]")
    assert body.name == "article"  # Material's own: the layout is unchanged
    assert body.h1 is not None and body.h1.get_text().startswith(PHOENIX.title)
    assert body.select(".md-nav, .md-footer, .md-header") == []


def test_default_site_keeps_material_search(built_site: BuiltSite) -> None:
    """The sample site, built as configured (no extra entry: a build of its own cost some
    2.5 CPU seconds for this one test), keeps Material's search: every entry in its index."""
    site = built_site.site
    assert not (site / "pagefind").exists()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    slugs = [read_entry(path).slug for path in sorted((REPO / "docs" / "posts").glob("*.md"))]
    assert slugs
    for slug in slugs:
        assert any(slug in doc["location"] for doc in index["docs"]), slug
    home = _html(site, "")
    assert home.select_one('.md-search[data-md-component="search"]') is not None
    assert home.select("[data-pagefind-body], [data-digest-search]") == []


# --- in the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(pagefind_site: Site) -> Iterator[str]:
    with serve_folder(pagefind_site.root) as url:
        yield f"{url}{SUB_PATH}/"



@pytest.fixture(scope="module")
def module_reader(request: pytest.FixtureRequest, base_url: str) -> Iterator[Any]:
    """One page of the session's Chromium (tests/conftest.py: skipped, with the reason, without
    Chromium or playwright) for the module's tests on the Pagefind site
    (tests/browser_pages.py)."""
    browser = request.getfixturevalue("browser")
    from tests.browser_pages import shared_page
    from tests.test_browser import TIMEOUT_MS, VIEWPORT, Reader

    with shared_page(browser, TIMEOUT_MS, viewport=VIEWPORT) as page:
        yield Reader(page, base_url)


@pytest.fixture
def reader(module_reader: Any) -> Iterator[Any]:
    """The module's page for one test: no console or script error, no request leaving
    127.0.0.1 while the test used it."""
    with module_reader.turn() as reader:
        yield reader
    assert module_reader.errors == [] and module_reader.outside == []


# The box's signal that a query's results are all shown (digest-search.js): the query searched
# last, kept in the page for `_search` to wait on.
LISTEN_RESULTS = """() => {
  window.__searched = null;
  document.querySelector('[data-digest-search]').addEventListener(
    'digest-search:results', (event) => { window.__searched = event.detail.query; });
}"""


def _search(reader: Any, query: str) -> Any:
    """The home page with `query` typed into the search box, and its results shown. Under load
    a pause between two keys can outlast the box's debounce: the results of the query's first
    letters are then shown, until those of the whole query replace them, which is waited for."""
    page = reader.open("")
    page.evaluate(LISTEN_RESULTS)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.wait_for_function("(query) => window.__searched === query", arg=query)
    page.locator(".md-search-result__item").first.wait_for()
    return page


@pytest.mark.browser
def test_header_search_finds_entry(reader: Any) -> None:
    page = _search(reader, QUERY)
    first = page.locator(".md-search-result__link").first
    href = first.get_attribute("href")
    assert urllib.parse.urlsplit(urllib.parse.urljoin(page.url, href)).path == ENTRY_PATH
    assert first.locator("h1").inner_text() == PHOENIX.title
    assert first.locator("mark").first.inner_text() == QUERY  # the query highlighted
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.endswith("matching documents") or meta == "1 matching document"


@pytest.mark.browser
def test_keyboard_opens_result(reader: Any) -> None:
    page = _search(reader, QUERY)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urllib.parse.urlsplit(page.url).path == ENTRY_PATH


@pytest.mark.browser
def test_no_match_says_so(reader: Any) -> None:
    page = reader.open("")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("qzxwvy", delay=30)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="No matching documents").wait_for()
    assert page.locator(".md-search-result__item").count() == 0


@pytest.fixture(scope="module")
def zensical_pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    pytest.importorskip("zensical", reason="pip install 'silicon-digest[zensical]'")
    return _build(tmp_path_factory.mktemp("zensical-pagefind"), "pagefind", "zensical")


@pytest.mark.browser
def test_search_box_is_styled_under_zensical(module_reader: Any, zensical_pagefind_site: Site
                                             ) -> None:
    """Zensical's stylesheet has no rules for Material's search classes: ours lays the box
    out (search_theme/zensical-search.css). A field in the header, results hidden until the
    box is used, then a panel of unbulleted results over the page. Read in the module's page
    (a page of a new context cost some 0.5 CPU seconds more to start)."""
    with serve_folder(zensical_pagefind_site.root) as url, \
            module_reader.on_site(f"{url}{SUB_PATH}/"), module_reader.turn() as reader:
        page = reader.open("")
        field = page.locator("[data-digest-search] input.md-search__input")
        header, box = page.locator(".md-header").bounding_box(), field.bounding_box()
        assert header is not None and box is not None
        bottom = header["y"] + header["height"]
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= bottom
        output = page.locator("[data-digest-search] .md-search__output")
        assert not output.is_visible()
        field.click()
        field.press_sequentially(QUERY, delay=30)
        page.locator(".md-search-result__item").first.wait_for()
        assert output.is_visible()
        assert output.evaluate("e => getComputedStyle(e).position") == "absolute"
        bullets = page.locator(".md-search-result__list").evaluate(
            "e => getComputedStyle(e).listStyleType"
        )
        assert bullets == "none"
        assert reader.errors == [] and reader.outside == []


@pytest.mark.parametrize(
    ("dest", "shard", "pattern"),
    [
        pytest.param("2024/12/03/x/index.html", "2024", None, id="entry"),
        pytest.param("entities/tsmc/index.html", "main", "entities/**/*.html", id="entity-page"),
        pytest.param("about/index.html", "main", "about/**/*.html", id="page"),
        pytest.param("index.html", "main", "index.html", id="top-level-file"),
        pytest.param("20245/x/index.html", "main", "20245/**/*.html", id="not-a-year"),
    ],
)
def test_shard_of_a_page(dest: str, shard: str, pattern: str | None) -> None:
    assert shard_of(dest) == shard
    if pattern is not None:
        assert main_pattern(dest) == pattern


def test_shard_globs() -> None:
    globs = shard_globs({"2023", "2024", "main"}, {"about/**/*.html", "entities/**/*.html"})
    assert globs == {
        "2023": "2023/**/*.html",
        "2024": "2024/**/*.html",
        "main": "{about/**/*.html,entities/**/*.html}",
    }
    assert shard_globs({"main"}, {"about/**/*.html"}) == {"main": "about/**/*.html"}
    assert shard_globs(set(), set()) == {}


def test_digest_build_leaves_no_temporary_files(pagefind_site: Site) -> None:
    assert (pagefind_site.path / "pagefind" / "shards.json").is_file()
    assert [p.name for p in pagefind_site.root.iterdir() if p.name.startswith(".")] == []


def test_plain_mkdocs_build_indexes_in_the_plugin(pagefind_site: Site, tmp_path: Path) -> None:
    """Without `digest build` around it, the silicon-digest plugin stages the tree and runs
    Pagefind at the end of the build: the same shards as `digest build` gave from the same
    mkdocs.yml and docs/ (the module's Pagefind site)."""
    site = pagefind_site.path
    root = pagefind_site.root.parent  # its mkdocs.yml and docs/
    out = tmp_path / "plain"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(root / "mkdocs.yml"),
         "-d", str(out)],
        check=True, cwd=root, env=os.environ.copy(),
    )
    assert sorted(p.name for p in (out / "pagefind").iterdir() if p.is_dir()) == sorted(
        p.name for p in (site / "pagefind").iterdir() if p.is_dir()
    )
    assert (out / "pagefind" / "shards.json").read_text(encoding="utf-8") == (
        site / "pagefind" / "shards.json"
    ).read_text(encoding="utf-8")
