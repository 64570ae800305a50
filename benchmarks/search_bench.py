"""Search benchmark: Material's lunr search against Pagefind, in a real browser.

    python benchmarks/search_bench.py [--sizes 1000,10000] [--engines lunr,pagefind]
                                      [--queries TSMC,WORD] [--repeat 3] [--no-write] [--keep DIR]

For each size N it generates N entries (benchmarks/synth.py) into a project made as
build_bench.py makes its `digest` variant, and builds it once per engine (the
silicon-digest-search plugin's `engine` set to lunr or pagefind) with `digest build`. The
built site is served on 127.0.0.1 by a threaded http.server (no compression, as a plain static
host without gzip) and read in headless Chromium (/usr/bin/chromium, driven by Playwright):

- page load: the home page's navigation start to its load event;
- cold: the first query, typed as soon as the load event has fired (lunr's worker is then still
  fetching and indexing its index), to the first result whose text holds the query;
- warm: a second query typed in the same page after the first one's results;
- search KB: bytes of the search files (lunr's search_index.json and worker, or pagefind/*)
  fetched by the end of the warm query.

The queries are a common company tag ("TSMC") and a rarer word (the single-word tag found in
the fewest entry titles), each measured cold and warm in --repeat fresh pages (median and worst
reported: the machine is shared, and one slow moment shows as one slow query). Also
printed: the index on disk (search_index.json, or the pagefind/ folder) and Pagefind's indexing
time (the indexer run again on the built site). Prints a Markdown table and writes it into
docs/performance.md (section "search") unless --no-write.
"""

from __future__ import annotations

import argparse
import collections
import functools
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from build_bench import (  # noqa: E402
    VARIANTS,
    BuildResult,
    build,
    machine_line,
    make_project,
    write_section,
)
from synth import generate_entries  # noqa: E402

from digest.models import Entry  # noqa: E402
from digest.site.search import (  # noqa: E402
    MAIN_SHARD,
    PAGEFIND_DIR,
    index_site,
    main_pattern,
    shard_of,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [  # as tests/test_browser.py: no network beyond 127.0.0.1, no background work
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
ENGINES = ("lunr", "pagefind")
PLUGIN = "silicon-digest-search"
COMMON_QUERY = "TSMC"  # a company tag many synthetic entries carry
RESULT_TIMEOUT_MS = 180_000  # lunr at 10,000 entries fetches and indexes 25 MB first
# Requests that belong to search: Material's index and worker, or Pagefind's files.
SEARCH_REQUEST = re.compile(r"/search/search_index\.json|/workers/search\.|/pagefind/")
# True when the first search result holds the query (Material searches on every keystroke,
# so results for a prefix of the query come first and do not count).
FIRST_RESULT_HOLDS = """(query) => {
  const first = document.querySelector(".md-search-result__item");
  return first !== null && first.offsetParent !== null
    && first.innerText.toLowerCase().includes(query.toLowerCase()) ? performance.now() : false;
}"""


@dataclass(slots=True)
class Probe:
    """One page: its load, a cold query and a warm one."""

    load_ms: float
    cold_query: str
    cold_ms: float
    warm_query: str
    warm_ms: float
    search_bytes: int


@dataclass(slots=True)
class EngineRun:
    engine: str
    entries: int
    build: BuildResult
    index_bytes: int
    index_files: int
    pagefind_s: float | None
    probes: list[Probe] = field(default_factory=list)


def set_engine(project: Path, engine: str) -> None:
    """Force the search plugin's engine in the project's mkdocs.yml."""
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    plugins = config["plugins"]
    for index, plugin in enumerate(plugins):
        if plugin == PLUGIN or (isinstance(plugin, dict) and PLUGIN in plugin):
            plugins[index] = {PLUGIN: {"engine": engine}}
            break
    else:
        plugins.insert(plugins.index("search") + 1, {PLUGIN: {"engine": engine}})
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def rare_query(entries: list[Entry]) -> str:
    """The single-word tag in the fewest entry titles (at least one), for a selective query."""
    counts: collections.Counter[str] = collections.Counter()
    for entry in entries:
        title = entry.title.lower()
        for tag in entry.tags:
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{3,}", tag) and tag.lower() in title:
                counts[tag] += 1
    if not counts:
        return COMMON_QUERY
    return min(counts, key=lambda tag: (counts[tag], tag))


def index_size(site: Path, engine: str) -> tuple[int, int]:
    """(bytes, files) of the search index on disk."""
    if engine == "pagefind":
        files = [p for p in (site / PAGEFIND_DIR).rglob("*") if p.is_file()]
    else:
        files = [site / "search" / "search_index.json"]
    files = [p for p in files if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _type_and_wait(page: object, query: str) -> float:
    """Milliseconds from the first keystroke of `query` to a result holding it."""
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    start = page.evaluate("performance.now()")  # type: ignore[attr-defined]
    box.press_sequentially(query)
    done = page.wait_for_function(  # type: ignore[attr-defined]
        FIRST_RESULT_HOLDS, arg=query, timeout=RESULT_TIMEOUT_MS
    )
    return float(done.json_value()) - float(start)


def probe(browser: object, base_url: str, first: str, second: str) -> Probe:
    """A fresh page (empty cache): load, then `first` cold and `second` warm."""
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[attr-defined]
    fetched: list[int] = []

    def on_response(response: object) -> None:
        url = response.url  # type: ignore[attr-defined]
        if SEARCH_REQUEST.search(url):
            fetched.append(int(response.headers.get("content-length", 0)))  # type: ignore[attr-defined]

    try:
        page = context.new_page()
        page.on("response", on_response)
        page.goto(base_url, wait_until="load")
        load_ms = page.evaluate(
            "performance.getEntriesByType('navigation')[0].loadEventEnd"
        )
        page.locator("input.md-search__input").click()
        cold_ms = _type_and_wait(page, first)
        page.locator("input.md-search__input").fill("")
        page.keyboard.press("Backspace")  # a key event: Material searches on keyup
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        warm_ms = _type_and_wait(page, second)
        page.wait_for_load_state("networkidle")
        return Probe(load_ms, first, cold_ms, second, warm_ms, sum(fetched))
    finally:
        context.close()


def reindex(site: Path) -> float:
    """Seconds for the Pagefind step alone: the built site's marked pages indexed again, shard
    by shard, as the plugin does at the end of the build."""
    shards: set[str] = set()
    tops: set[str] = set()
    for path in site.rglob("*.html"):
        if "data-pagefind-body" in path.read_text(encoding="utf-8", errors="replace"):
            dest = path.relative_to(site).as_posix()
            shards.add(shard_of(dest))
            if shard_of(dest) == MAIN_SHARD:
                tops.add(main_pattern(dest))
    shutil.rmtree(site / PAGEFIND_DIR)
    start = time.perf_counter()
    index_site(site, shards, tops)
    return time.perf_counter() - start


def measure_engine(
    work: Path,
    entries: list[Entry],
    engine: str,
    queries: tuple[str, str],
    browser: object,
    repeat: int,
) -> EngineRun:
    n = len(entries)
    project = make_project(work / f"{engine}-{n}", entries, VARIANTS["digest"])
    set_engine(project, engine)
    result = build(project, VARIANTS["digest"], n)
    result.tool = f"digest build, {engine}"
    site = project / "site"
    if not result.ok:
        raise RuntimeError(f"the {engine} build of {n} entries failed (see {project})")
    pagefind_s = None
    if engine == "pagefind":
        pagefind_s = reindex(site)
    size, files = index_size(site, engine)
    run = EngineRun(engine, n, result, size, files, pagefind_s)
    a, b = queries
    with serve(site) as base_url:
        for _ in range(repeat):
            for first, second in ((a, b), (b, a)):
                p = probe(browser, base_url, first, second)
                run.probes.append(p)
                print(
                    f"{engine} N={n}: load {p.load_ms:.0f} ms, {first!r} cold {p.cold_ms:.0f} ms, "
                    f"{second!r} warm {p.warm_ms:.0f} ms, {p.search_bytes / 1024:.0f} KB",
                    flush=True,
                )
    return run


def table(runs: list[EngineRun]) -> str:
    rows = [
        "| engine | entries | build s | index on disk | Pagefind indexing s | page load ms "
        "| query | cold: first result ms, median (worst) | warm: first result ms, median "
        "| search KB fetched |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for run in runs:
        index = f"{run.index_bytes / 1e6:.1f} MB in {run.index_files:,} files"
        pagefind = f"{run.pagefind_s:.1f}" if run.pagefind_s is not None else "n/a"
        load = statistics.median(p.load_ms for p in run.probes)
        fetched = max(p.search_bytes for p in run.probes)
        for query in dict.fromkeys(p.cold_query for p in run.probes):
            cold = [p.cold_ms for p in run.probes if p.cold_query == query]
            warm = [p.warm_ms for p in run.probes if p.warm_query == query]
            rows.append(
                f"| {run.engine} | {run.entries:,} | {run.build.wall:.0f} | {index} | {pagefind} "
                f"| {load:,.0f} | `{query}` | {statistics.median(cold):,.0f} ({max(cold):,.0f}) "
                f"| {statistics.median(warm):,.0f} | {fetched / 1024:,.0f} |"
            )
    return "\n".join(rows)


def load_average() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "uptime unavailable"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated archive sizes")
    parser.add_argument("--engines", default=",".join(ENGINES), help="lunr, pagefind or both")
    parser.add_argument("--queries", help="two comma-separated queries (default: TSMC, a rare tag)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh pages per query")
    parser.add_argument("--no-write", action="store_true", help="do not update the docs page")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    engines = [e for e in args.engines.split(",") if e]
    if unknown := [e for e in engines if e not in ENGINES]:
        parser.error(f"unknown engine(s): {', '.join(unknown)}")
    if not CHROMIUM.is_file():
        parser.error(f"the search benchmark needs Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    work = args.keep or Path(tempfile.mkdtemp(prefix="digest-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    loads = [load_average()]
    runs: list[EngineRun] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            for n in sizes:
                entries = list(generate_entries(n, seed=args.seed))
                if args.queries:
                    first, second = args.queries.split(",", 1)
                    queries = (first.strip(), second.strip())
                else:
                    queries = (COMMON_QUERY, rare_query(entries))
                for engine in engines:
                    run = measure_engine(work, entries, engine, queries, browser, args.repeat)
                    runs.append(run)
                    print(
                        f"{engine} N={n}: build {run.build.wall:.0f} s, "
                        f"index {run.index_bytes / 1e6:.1f} MB ({run.index_files} files)"
                        + (f", pagefind {run.pagefind_s:.1f} s" if run.pagefind_s else ""),
                        flush=True,
                    )
                    loads.append(load_average())
            browser.close()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    text = table(runs)
    print(text)
    print("\n".join(f"load: {line}" for line in loads))
    if not args.no_write:
        command = "python benchmarks/search_bench.py " + " ".join(argv or sys.argv[1:])
        load = loads[-1].split("load average:")[-1].strip()
        write_section(
            "search",
            f"{machine_line()} Load average at the end: {load}.\n\n"
            f"Command: `{command.strip()}`\n\n{text}",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
