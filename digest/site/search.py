"""Search: the engine a site uses, and Pagefind's index of the built site.

Material's search (lunr; Zensical's own search in a Zensical build) ships one index of every
page (about 2.45 KB per entry) that the browser downloads and indexes whole before the first
result: fine for a few hundred entries, a 25 MB download at 10,000. From `pagefind_from`
entries on (or with `search: pagefind`) the site searches with Pagefind instead, whose index
comes in chunks fetched per query term. Both are settings under `extra.digest` in mkdocs.yml.

With Pagefind, digest.site.staging keeps every page out of the engine's own index (front
matter `search: {exclude: true}`), the header's search box is ours (search_theme/, placed in
the engine's theme overrides by digest.site.engines), and after the engine has built the site:

- `mark_pages`: the article element of each page worth finding (entries, entity pages, the
  hand-written pages; not listings, issues or indexes) gets `data-pagefind-body`, so Pagefind
  indexes it and not the navigation, header or footer. The article element is the theme's
  own (the same in Material's and Zensical's templates): the layout stays as it was.
- `index_site`: the Pagefind binary (from the `pagefind[bin]` package) indexes the site into
  site/pagefind/, one shard at a time: the entries of each year, then the other pages.
  Pagefind holds the index it builds in memory, about 90 MB per 1,000 entries, so one run
  over a 10,000-entry archive peaked at 1.1 GB; a year at a time stays near 100 MB. The browser
  merges the shards (Pagefind's mergeIndex), listed in site/pagefind/shards.json. An
  incremental build re-indexes only the shards whose pages changed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from digest.errors import DigestError
from digest.text.siteconfig import CONFIG_FILE

Engine = Literal["lunr", "pagefind"]
ENGINES = ("auto", "lunr", "pagefind")
PAGEFIND_FROM = 2000  # entries from which `auto` picks Pagefind (docs/performance.md)
THEME = Path(__file__).parent / "search_theme"  # partials/search.html and the script
SCRIPT = "assets/javascripts/digest-search.js"  # in search_theme/, and in the staged tree
PAGEFIND_DIR = "pagefind"  # the index's folder in the site (the script loads pagefind.js there)
# The index comes in shards, one per year of entries plus one of the other pages, each indexed
# by its own Pagefind run so that its memory stays bounded; the browser merges them.
MAIN_SHARD = "main"
YEAR = re.compile(r"\d{4}")  # an entry's URL starts with its year (YYYY/MM/DD/slug/)
SHARDS_FILE = "shards.json"  # in site/pagefind/: the merged shards' folders
# The theme's article element (base.html of Material and of Zensical): the page's title, tags
# and content, without navigation, header or footer. Marked `data-pagefind-body`.
ARTICLE = '<article class="md-content__inner md-typeset">'
MARKED = ARTICLE[:-1] + " data-pagefind-body>"
# Left out of the indexed text: the permalink sign after every heading (it would end titles).
EXCLUDE_SELECTORS = (".headerlink",)
PAGEFIND_TIMEOUT = 1800.0  # seconds: far above the ~30 s a 10,000-entry site took (2 busy cores)


def resolve_engine(engine: str, entries: int, pagefind_from: int = PAGEFIND_FROM) -> Engine:
    """The engine a build uses: `auto` picks Pagefind from `pagefind_from` entries on."""
    if engine == "lunr" or engine == "pagefind":
        return engine
    if engine != "auto":
        raise DigestError(
            CONFIG_FILE, f"search engine must be one of {', '.join(ENGINES)}, not {engine!r}"
        )
    return "pagefind" if entries >= pagefind_from else "lunr"


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the pagefind-bin package (or one on PATH)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        found = shutil.which("pagefind")
        if found is None:
            raise DigestError(
                "pagefind", "the search needs the Pagefind binary: pip install 'pagefind[bin]'"
            ) from None
        return Path(found)
    try:
        return get_executable()
    except FileNotFoundError as exc:
        raise DigestError("pagefind", f"the pagefind-bin package has no binary: {exc}") from None


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


def mark_pages(site_dir: Path, pages: Iterable[str]) -> list[str]:
    """Mark the article element of each page (HTML paths relative to the site) for Pagefind;
    a page marked already is left as it is. Returns the pages changed."""
    changed = []
    for rel in pages:
        path = site_dir / rel
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DigestError(str(path), "the engine did not write this page") from None
        if MARKED in text:
            continue
        if ARTICLE not in text:
            raise DigestError(str(path), f"no {ARTICLE} in the page: Pagefind cannot index it")
        path.write_text(text.replace(ARTICLE, MARKED, 1), encoding="utf-8")
        changed.append(rel)
    return changed


def plan_shards(pages: Iterable[str]) -> tuple[set[str], set[str]]:
    """(shards, main patterns) of the indexed pages (HTML paths relative to the site)."""
    shards: set[str] = set()
    tops: set[str] = set()
    for rel in pages:
        shard = shard_of(rel)
        shards.add(shard)
        if shard == MAIN_SHARD:
            tops.add(main_pattern(rel))
    return shards, tops


def clear_shard(site_dir: Path, name: str, primary: bool) -> None:
    """Remove a shard's files before it is indexed again (Pagefind adds, never deletes). The
    primary shard's folder holds the other shards' folders: those stay."""
    bundle = site_dir / PAGEFIND_DIR
    if not primary:
        shutil.rmtree(bundle / name, ignore_errors=True)
        return
    if not bundle.is_dir():
        return
    for child in bundle.iterdir():
        if child.is_dir() and (YEAR.fullmatch(child.name) or child.name == MAIN_SHARD):
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def index_site(
    site_dir: Path, shards: set[str], tops: set[str], only: set[str] | None = None
) -> dict[str, int]:
    """Index the site one shard at a time (Pagefind holds a shard's whole index in memory:
    about 90 MB per 1,000 entries, 1.1 GB for a 10,000-entry archive in one run). The main
    shard (or the newest year when every page is an entry) is the primary index in
    site/pagefind/, the others go to site/pagefind/<shard>/, and site/pagefind/shards.json
    lists them for the browser to merge. With `only`, just those shards are indexed again
    (and the folders of shards that no longer exist removed). Returns {shard: pages indexed}."""
    globs = shard_globs(shards, tops)
    if not globs:
        raise DigestError(str(site_dir), "pagefind: no page is marked for indexing")
    primary = MAIN_SHARD if MAIN_SHARD in globs else max(globs)
    bundle = site_dir / PAGEFIND_DIR
    if bundle.is_dir():  # shards of years that no longer have entries
        for child in bundle.iterdir():
            if child.is_dir() and YEAR.fullmatch(child.name) and child.name not in globs:
                shutil.rmtree(child)
            if child.is_dir() and child.name == primary:
                shutil.rmtree(child)  # a year that has become the primary shard
    pages: dict[str, int] = {}
    merged: list[str] = []
    for name, glob in globs.items():
        if name != primary:
            merged.append(f"{name}/")
        if only is not None and name not in only:
            continue
        clear_shard(site_dir, name, name == primary)
        subdir = PAGEFIND_DIR if name == primary else f"{PAGEFIND_DIR}/{name}"
        pages[name] = run_pagefind(site_dir, glob=glob, subdir=subdir)
    manifest = bundle / SHARDS_FILE
    manifest.write_text(json.dumps(sorted(merged, reverse=True)), encoding="utf-8")
    return pages


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
        raise DigestError(str(site_dir), f"pagefind could not index the site: {exc}") from None
    if done.returncode != 0:
        lines = (line.strip() for line in (done.stderr or done.stdout).splitlines())
        detail = list(dict.fromkeys(line for line in lines if line))[-5:]  # once each
        raise DigestError(
            str(site_dir),
            f"pagefind failed (exit status {done.returncode}): "
            + (" | ".join(detail) or "no output")
        )
    return _indexed_pages(site_dir / subdir)


def _indexed_pages(bundle: Path) -> int:
    entry = bundle / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        pages = sum(int(language["page_count"]) for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DigestError(str(entry), f"pagefind wrote no readable index: {exc}") from None
    if pages == 0:
        raise DigestError(
            str(bundle.parent), "pagefind indexed no page: no page has data-pagefind-body"
        )
    return pages
