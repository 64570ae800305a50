"""The search engine switch of Silicon Digest (`silicon-digest-search` in mkdocs.yml).

Material's search (lunr) ships one index of every page (about 2.45 KB per entry) that the
browser downloads and indexes whole before the first result: fine for a few hundred entries, a
25 MB download at 10,000. From `pagefind_from` entries on (or with `engine: pagefind`) the site
searches with Pagefind instead, whose index comes in chunks fetched per query term:

- on_config: the engine is resolved (`resolve_engine`); with Pagefind, our theme folder
  (digest/search_theme) goes first in the theme's folders: its `partials/search.html` is the
  header's search box in Material's markup and classes, run by our own script
  (assets/javascripts/digest-search.js, copied into the site as a theme file) instead of
  Material's lunr worker.
- on_page_context (before Material's search plugin): every page's meta says
  `search: {exclude: true}`, so Material's search plugin neither parses the pages nor builds its
  index (its search_index.json is written with no documents).
- on_post_page (after every other plugin): the article element of each page worth finding (its
  title, tags and content) gets `data-pagefind-body`, so Pagefind indexes it and not the
  navigation, header or footer, and takes the page's h1 (the entry's title) as the result's
  title. Marking Material's own element leaves the page's layout as it was (a wrapper around
  the content would change which element is the article's first and last child). Listings of
  other pages (the blog index and its pages, the tags page) are left out: they repeat the
  entries.
- on_post_build: the Pagefind binary (from the `pagefind[bin]` package) indexes the built site
  into site/pagefind/, one shard at a time (`index_site`): the entries of each year, then the
  other pages. Pagefind holds the index it builds in memory, about 90 MB per 1,000 entries, so
  one run over a 10,000-entry archive peaked at 1.1 GB; a year at a time stays near 100 MB. The
  browser merges the shards (Pagefind's mergeIndex), listed in site/pagefind/shards.json.

With lunr the plugin does nothing: the site searches with Material's own search.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.silicon-digest-search")

Engine = Literal["lunr", "pagefind"]
ENGINES = ("auto", "lunr", "pagefind")
POSTS_DIR = "posts"  # the entries: docs/posts/*.md (Material blog with blog_dir ".")
THEME = Path(__file__).parent / "search_theme"  # partials/search.html and the script
PAGEFIND_DIR = "pagefind"  # the index's folder in the site (the script loads pagefind.js there)
# The index comes in shards, one per year of entries plus one of the other pages, each indexed
# by its own Pagefind run so that its memory stays bounded; the browser merges them.
MAIN_SHARD = "main"
YEAR = re.compile(r"\d{4}")  # an entry's URL starts with its year (post_url_format {date})
SHARDS_FILE = "shards.json"  # in site/pagefind/: the merged shards' folders
# Set by `digest build` to a file path: the plugin writes its shard plan there instead of running
# Pagefind inside MkDocs, so that Pagefind's memory does not add to MkDocs' at the end of a build.
PLAN_ENV = "DIGEST_PAGEFIND_PLAN"
# Pages whose Markdown holds one of these markers list other pages; indexing them would put a
# listing above the entries it lists.
LISTING_MARKERS = ("<!-- material/tags",)  # the tags plugin's listing (docs/tags.md)
# Material's article element (main.html, blog-post.html): the page's title, tags and content,
# without navigation, header or footer. Marked `data-pagefind-body` in each page worth finding.
ARTICLE = '<article class="md-content__inner md-typeset">'
# Left out of the indexed text: the permalink sign after every heading (it would end titles).
EXCLUDE_SELECTORS = (".headerlink",)
PAGEFIND_TIMEOUT = 1800.0  # seconds: far above the ~30 s a 10,000-entry site took (2 busy cores)


class SearchConfig(base.Config):
    engine = c.Choice(ENGINES, default="auto")
    # Entries (Markdown files under docs/posts/) from which `auto` switches to Pagefind.
    pagefind_from = c.Type(int, default=2000)


def count_entries(docs_dir: Path) -> int:
    """The number of entries: Markdown files under docs/posts/ (0 without the folder)."""
    posts = docs_dir / POSTS_DIR
    if not posts.is_dir():
        return 0
    return sum(1 for _ in posts.rglob("*.md"))


def resolve_engine(engine: str, entries: int, pagefind_from: int) -> Engine:
    """The engine a build uses: `auto` picks Pagefind from `pagefind_from` entries on."""
    if engine == "lunr" or engine == "pagefind":
        return engine
    if engine != "auto":
        raise PluginError(f"search engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    return "pagefind" if entries >= pagefind_from else "lunr"


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the pagefind-bin package (or one on PATH)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        found = shutil.which("pagefind")
        if found is None:
            raise PluginError(
                "search engine pagefind needs the Pagefind binary: pip install 'pagefind[bin]'"
            ) from None
        return Path(found)
    try:
        return get_executable()
    except FileNotFoundError as exc:
        raise PluginError(f"the pagefind-bin package has no binary: {exc}") from None


def shard_of(dest_uri: str) -> str:
    """The index shard of a page: the year of an entry (its URL starts with it), else MAIN."""
    top = dest_uri.split("/", 1)[0]
    return top if YEAR.fullmatch(top) else MAIN_SHARD


def main_pattern(dest_uri: str) -> str:
    """The glob that takes in a main-shard page: its top-level folder, or itself at the top."""
    top, found, _ = dest_uri.partition("/")
    return f"{top}/**/*.html" if found else dest_uri


def shard_globs(shards: set[str], tops: set[str]) -> dict[str, str]:
    """{shard: the glob of its pages, relative to the site}. `tops`: main_pattern of each page
    of the main shard (the pages outside the years)."""
    globs = {name: f"{name}/**/*.html" for name in sorted(shards - {MAIN_SHARD})}
    if MAIN_SHARD in shards and tops:
        names = sorted(tops)
        globs[MAIN_SHARD] = "{" + ",".join(names) + "}" if len(names) > 1 else names[0]
    return globs


def index_site(site_dir: Path, shards: set[str], tops: set[str]) -> dict[str, int]:
    """Index the site one shard at a time (Pagefind holds a shard's whole index in memory:
    about 90 MB per 1,000 entries, 1.1 GB for a 10,000-entry archive in one run). The main
    shard (or the newest year when every page is an entry) is the primary index in
    site/pagefind/, the others go to site/pagefind/<shard>/, and site/pagefind/shards.json
    lists them for the browser to merge. Returns {shard: pages indexed}."""
    globs = shard_globs(shards, tops)
    if not globs:
        raise PluginError(f"pagefind: no page of {site_dir} is marked for indexing")
    primary = MAIN_SHARD if MAIN_SHARD in globs else max(globs)
    pages: dict[str, int] = {}
    merged: list[str] = []
    for name, glob in globs.items():
        subdir = PAGEFIND_DIR if name == primary else f"{PAGEFIND_DIR}/{name}"
        pages[name] = run_pagefind(site_dir, glob=glob, subdir=subdir)
        if name != primary:
            merged.append(f"{name}/")
    manifest = site_dir / PAGEFIND_DIR / SHARDS_FILE
    manifest.write_text(json.dumps(sorted(merged, reverse=True)), encoding="utf-8")
    return pages


def write_plan(path: Path, shards: set[str], tops: set[str]) -> None:
    """What index_site needs, for a caller that runs it after MkDocs has exited."""
    path.write_text(json.dumps({"shards": sorted(shards), "tops": sorted(tops)}), encoding="utf-8")


def index_from_plan(site_dir: Path, plan: Path) -> dict[str, int] | None:
    """Run index_site from a plan written by the plugin (None when it wrote none: lunr)."""
    try:
        text = plan.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    if not text:
        return None
    try:
        data = json.loads(text)
        shards, tops = set(data["shards"]), set(data["tops"])
    except (ValueError, KeyError, TypeError) as exc:
        raise PluginError(f"unreadable pagefind plan {plan}: {exc}") from None
    return index_site(site_dir, shards, tops)


def run_pagefind(site_dir: Path, *, glob: str | None = None, subdir: str = PAGEFIND_DIR) -> int:
    """Index the built site's pages (all, or those matching `glob`) into site_dir/<subdir>/;
    the number of pages indexed."""
    command = [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--output-subdir", subdir,
        "--silent",
    ]
    if glob is not None:
        command += ["--glob", glob]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PluginError(f"pagefind could not index {site_dir}: {exc}") from None
    if done.returncode != 0:
        lines = (line.strip() for line in (done.stderr or done.stdout).splitlines())
        detail = list(dict.fromkeys(line for line in lines if line))[-5:]  # once each
        raise PluginError(
            f"pagefind failed on {site_dir} (exit status {done.returncode}): "
            + (" | ".join(detail) or "no output")
        )
    return _indexed_pages(site_dir / subdir)


def _indexed_pages(bundle: Path) -> int:
    entry = bundle / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        pages = sum(int(language["page_count"]) for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PluginError(f"pagefind wrote no readable index ({entry}: {exc})") from None
    if pages == 0:
        raise PluginError(
            f"pagefind indexed no page of {bundle.parent}: no page has data-pagefind-body"
        )
    return pages


def _is_listing(page: Page) -> bool:
    """The blog's index and its numbered pages (Material's View pages)."""
    try:
        from material.plugins.blog.structure import View
    except ImportError:  # pragma: no cover - Material is a dependency
        return False
    return isinstance(page, View)


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.engine: Engine = "lunr"
        self.unindexed: set[str] = set()  # src paths of listing pages
        self.shards: set[str] = set()  # of the pages marked for indexing (shard_of)
        self.tops: set[str] = set()  # main_pattern of the main shard's pages
        # False in `digest serve`'s small builds of new entries: the served site keeps the
        # full build's index (digest.site.preview).
        self.index = True

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        entries = count_entries(Path(config.docs_dir))
        self.engine = resolve_engine(self.config.engine, entries, self.config.pagefind_from)
        self.unindexed = set()
        self.shards, self.tops = set(), set()
        log.info("search engine: %s (%d entries, engine: %s)", self.engine, entries,
                 self.config.engine)
        if self.engine == "pagefind":
            search = config.plugins.get("material/search")
            if search is None or not search.config.enabled:
                raise PluginError(
                    "search engine pagefind needs Material's search plugin (`- search` in "
                    "plugins): the header shows the search box only with it"
                )
            config.theme.dirs.insert(0, str(THEME))
        return config

    @event_priority(100)  # before the tags plugin replaces its marker
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.engine == "pagefind" and any(m in markdown for m in LISTING_MARKERS):
            self.unindexed.add(page.file.src_uri)
        return markdown

    @event_priority(100)  # before Material's search plugin reads the meta
    def on_page_context(
        self, context: dict[str, object], *, page: Page, config: MkDocsConfig, nav: object
    ) -> dict[str, object]:
        if self.engine == "pagefind":
            search = page.meta.get("search") or {}
            if search.get("exclude"):  # kept out of search by the page itself (weekly issues)
                self.unindexed.add(page.file.src_uri)
            page.meta["search"] = {**search, "exclude": True}
        return context

    @event_priority(-100)  # after every plugin that changes the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.engine != "pagefind" or page.file.src_uri in self.unindexed or _is_listing(page):
            return output
        if ARTICLE not in output:
            log.warning(
                "%s: no %s in the page: Pagefind will not index it", page.file.src_uri, ARTICLE
            )
            return output
        dest = page.file.dest_uri
        shard = shard_of(dest)
        self.shards.add(shard)
        if shard == MAIN_SHARD:
            self.tops.add(main_pattern(dest))
        return output.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.engine != "pagefind" or not self.index:
            return
        plan = os.environ.get(PLAN_ENV)
        if plan:  # `digest build` indexes once MkDocs has exited (digest.site.build.check_and_build)
            write_plan(Path(plan), self.shards, self.tops)
            return
        site_dir = Path(config.site_dir)
        start = time.perf_counter()
        pages = index_site(site_dir, self.shards, self.tops)
        log.info(
            "pagefind indexed %d pages in %d shards in %.1f s (%s)",
            sum(pages.values()),
            len(pages),
            time.perf_counter() - start,
            os.path.join(config.site_dir, PAGEFIND_DIR),
        )
