"""Build benchmark: `digest build` against a bare Material build of the same synthetic archive.

    python benchmarks/build_bench.py [--sizes 1000,3000] [--full] [--preview-size 3000]
                                     [--no-preview] [--no-write] [--keep DIR]

For each size N it generates N entries (benchmarks/synth.py) into two temporary projects:

- digest: a copy of the repository's mkdocs.yml and docs pages, entries as `digest add` writes
  them; timed command `digest build` (the validation gate, then `mkdocs build --strict`).
- bare: the same mkdocs.yml without the silicon-digest plugin and without the pages it adds
  (nav: Latest, Tags, About), the same Material blog/tags/search/rss configuration, and each
  entry's page body written into the file (what our plugin renders at build time), so Material
  does the same Markdown work; timed command `mkdocs build`.

Each build runs in a fresh child whose peak memory is read from `getrusage(RUSAGE_CHILDREN)`
(the largest process of the build, the mkdocs child of `digest build` included). Site size and
search-index size are divided by N. Preview: `digest serve` (and `mkdocs serve --dirty`) on the
N=--preview-size archive; one entry file is added and the new entry's URL polled until it
answers 200. Prints a Markdown table and writes it into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from synth import generate_entries  # noqa: E402

from digest.archive.entry import entry_filename, render_entry  # noqa: E402
from digest.models import Entry  # noqa: E402
from digest.pages.render import render_body  # noqa: E402

PYTHON = sys.executable
DIGEST = str(Path(sys.executable).with_name("digest"))
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BARE_NAV = [{"Latest": "index.md"}, {"Tags": "tags.md"}, {"About": "about.md"}]
OUR_PLUGIN = "silicon-digest"
SERVE_READY_TIMEOUT = 900.0  # seconds: the first build of a large archive under `serve`
PREVIEW_TIMEOUT = 600.0
POLL_INTERVAL = 0.05
PERFORMANCE_PAGE = REPO / "docs" / "performance.md"
# Run in a fresh interpreter per measurement: wall time, the peak RSS of the command's largest
# process (RUSAGE_CHILDREN covers every waited-for descendant) and the peak of the sum of the
# resident memory of all its processes at once (sampled from /proc every 0.2 s).
MEASURE = """
import json, os, resource, subprocess, sys, threading, time

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root):
    # bytes of resident memory of root and all its descendants, from /proc
    parent, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{name}/statm") as f:
                rss[int(name)] = int(f.read().split()[1]) * PAGE
            parent[int(name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    total = 0
    for pid, size in rss.items():
        p = pid
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += size
    return total


start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
peak_sum = 0
done = threading.Event()


def sample():
    global peak_sum
    while not done.wait(0.2):
        peak_sum = max(peak_sum, tree_rss(child.pid))


thread = threading.Thread(target=sample, daemon=True)
thread.start()
rc = child.wait()
done.set()
thread.join()
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": usage.ru_maxrss, "rc": rc,
                  "peak_sum_kb": peak_sum // 1024}))
"""


# Prototype fixes, as MkDocs hook files (no change to Material or to our plugin).
HOOKS: dict[str, str] = {
    # Material's blog plugin asks `page not in self.blog.posts` in on_page_markdown and
    # on_page_content for every page: a list scan calling Page.__eq__ (title, then file) per
    # element, N pages x N posts. Swap the list for one with a set-backed membership test once
    # the blog plugin has built it (its on_files runs at priority -50).
    "posts_lookup": '''
from mkdocs.plugins import event_priority


class PostList(list):
    """The blog's posts, with an O(1) membership test by identity."""

    def __init__(self, items):
        super().__init__(items)
        self.ids = {id(item) for item in self}

    def __contains__(self, item):
        return id(item) in self.ids


@event_priority(-100)
def on_files(files, config):
    blog = config.plugins.get("material/blog")
    if blog is not None and blog.config.enabled:
        blog.blog.posts = PostList(blog.blog.posts)
''',
    # The blog plugin parses every post's front matter with PyYAML's pure-Python SafeLoader
    # (MkDocs itself uses libyaml's CSafeLoader when it is there); our front matter carries the
    # quotes and figures, so this is a large linear cost.
    "libyaml": '''
import yaml
from material.plugins.blog import structure

if getattr(yaml, "__with_libyaml__", False):
    structure.SafeLoader = yaml.CSafeLoader
''',
}


@dataclass(frozen=True, slots=True)
class Variant:
    label: str
    bare: bool  # without our plugin and its pages, entry bodies pre-rendered
    hooks: tuple[str, ...] = ()  # names in HOOKS
    views: bool | None = None  # the blog's archive and category views: None as in mkdocs.yml


VARIANTS: dict[str, Variant] = {
    "digest": Variant("digest build", bare=False),
    "bare": Variant("mkdocs build (bare)", bare=True),
    "bare-hook": Variant("bare + posts-lookup hook", bare=True, hooks=("posts_lookup",)),
    "bare-hooks": Variant(
        "bare + posts-lookup + libyaml hooks", bare=True, hooks=("posts_lookup", "libyaml")
    ),
    # Material's blog with its archive and category views on (its defaults), as in the issue
    "bare-views": Variant("bare, blog archive/categories on", bare=True, views=True),
    "bare-views-hooks": Variant(
        "bare, archive/categories on, both hooks", bare=True, views=True,
        hooks=("posts_lookup", "libyaml"),
    ),
    "bare-hooks-noviews": Variant(
        "bare + both hooks, blog archive/categories off", bare=True,
        hooks=("posts_lookup", "libyaml"), views=False,
    ),
    "digest-hooks": Variant(
        "digest build + posts-lookup + libyaml hooks", bare=False,
        hooks=("posts_lookup", "libyaml"),
    ),
}


@dataclass(slots=True)
class BuildResult:
    tool: str
    entries: int
    wall: float
    cpu: float  # user + system seconds of every process of the build: steadier on a busy machine
    peak_mb: float  # the largest process
    pages: int
    site_mb: float
    index_mb: float
    ok: bool
    peak_all_mb: float = 0.0  # all the build's processes at once (sampled)


def make_project(root: Path, entries: list[Entry], variant: Variant) -> Path:
    """A project folder with mkdocs.yml, docs pages and the entry files."""
    root.mkdir(parents=True)
    docs = root / "docs"
    bare = variant.bare
    if bare:
        docs.mkdir()
        for item in BARE_NAV:
            page = next(iter(item.values()))
            shutil.copy(REPO / "docs" / page, docs / page)
        if (REPO / "docs" / "assets").is_dir():  # extra_css / extra_javascript stay valid
            shutil.copytree(REPO / "docs" / "assets", docs / "assets")
        (root / "mkdocs.yml").write_text(bare_config(), encoding="utf-8")
    else:
        shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("posts"))
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        custom_dir = _custom_dir()
        if custom_dir and (REPO / custom_dir).is_dir():  # the theme overrides mkdocs.yml names
            shutil.copytree(REPO / custom_dir, root / custom_dir)
    if variant.hooks or variant.views is not None:
        _adjust_config(root, variant)
    posts = docs / "posts"
    posts.mkdir()
    for entry in entries:
        text = render_entry(entry)
        if bare:  # what our plugin renders at build time, written into the file
            text = text.split("\n---\n", 1)[0] + "\n---\n\n" + render_body(entry)
        (posts / entry_filename(entry)).write_text(text, encoding="utf-8")
    return root


def _adjust_config(root: Path, variant: Variant) -> None:
    """Prototype changes: the hook file, the blog's archive and category views switched off."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    if variant.hooks:
        text += "\nhooks:\n"
        for name in variant.hooks:
            (root / f"{name}_hook.py").write_text(HOOKS[name], encoding="utf-8")
            text += f"  - {name}_hook.py\n"
    if variant.views is not None:
        config = yaml.safe_load(text)
        views = {"archive": variant.views, "categories": variant.views}
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "blog" in plugin:
                plugin["blog"] = {**(plugin["blog"] or {}), **views}
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def _custom_dir() -> str | None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = config.get("theme")
    return theme.get("custom_dir") if isinstance(theme, dict) else None


def _is_ours(plugin: object) -> bool:
    """Ours: the site plugin and the search plugin (silicon-digest, silicon-digest-search)."""
    if isinstance(plugin, dict):
        names = list(plugin)
    else:
        names = [plugin] if isinstance(plugin, str) else []
    return any(str(name).startswith(OUR_PLUGIN) for name in names)


def bare_config() -> str:
    """The repository's mkdocs.yml minus our plugin, our theme overrides and our pages."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not _is_ours(p)]
    if isinstance(config.get("theme"), dict):
        config["theme"].pop("custom_dir", None)
    config["nav"] = BARE_NAV
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def measure(command: list[str], cwd: Path) -> tuple[float, float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS of the largest process in MB, peak RSS of all its
    processes together in MB, exit status) of `command` in a fresh child."""
    out = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], cwd=cwd, env=BUILD_ENV, capture_output=True,
        text=True, check=True,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["wall"], data["cpu"], data["peak_kb"] / 1024, data["peak_sum_kb"] / 1024, data["rc"]


def build(project: Path, variant: Variant, entries: int) -> BuildResult:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    if not variant.bare:
        command = [DIGEST, "build", "--config", "mkdocs.yml", "--site-dir", "site"]
    else:
        command = [PYTHON, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    wall, cpu, peak, peak_all, rc = measure(command, project)
    files = [p for p in site.rglob("*") if p.is_file()] if site.is_dir() else []
    # Material's lunr index, or Pagefind's (digest builds of 2,000 entries and more): every file
    index = [site / "search" / "search_index.json", *(site / "pagefind").rglob("*")]
    return BuildResult(
        tool=variant.label,
        entries=entries,
        wall=wall,
        cpu=cpu,
        peak_mb=peak,
        peak_all_mb=peak_all,
        pages=sum(1 for p in files if p.suffix == ".html"),
        site_mb=sum(p.stat().st_size for p in files) / 1e6,
        index_mb=sum(p.stat().st_size for p in index if p.is_file()) / 1e6,
        ok=rc == 0,
    )


def site_path(project: Path) -> str:
    """The path the dev server serves the site under (from site_url)."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    path = urllib.parse.urlsplit(config.get("site_url") or "/").path
    return path if path.endswith("/") else path + "/"


def preview(project: Path, command: list[str], port: int) -> tuple[float, float]:
    """(first build seconds, seconds from writing a new entry to its page answering 200)."""
    base = f"http://127.0.0.1:{port}{site_path(project)}"
    log = (project / f"serve-{port}.log").open("w")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=BUILD_ENV,
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _poll(base, SERVE_READY_TIMEOUT, proc)
        ready = time.perf_counter() - start
        time.sleep(2.0)  # let the watcher settle
        yesterday = dt.date.today() - dt.timedelta(days=1)
        entry = next(generate_entries(1, seed=port, years=1, end=yesterday))
        entry.title = entry.slug = f"preview probe {port}".replace(" ", "-")
        written = time.perf_counter()
        path = project / "docs" / "posts" / entry_filename(entry)
        path.write_text(render_entry(entry), encoding="utf-8")
        _poll(f"{base}{entry.date:%Y/%m/%d}/{entry.slug}/", PREVIEW_TIMEOUT, proc)
        return ready, time.perf_counter() - written
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def _poll(url: str, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(POLL_INTERVAL)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def machine_line() -> str:
    """Date, core count and CPU model, for the results' header."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} on {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}."
    )


def write_section(name: str, body: str, page: Path = PERFORMANCE_PAGE) -> None:
    """Replace the text between `<!-- name:start -->` and `<!-- name:end -->` in the page
    (appended when the markers are missing)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = page.read_text(encoding="utf-8") if page.is_file() else "# Performance\n"
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    page.write_text(text, encoding="utf-8")


def table(results: list[BuildResult], previews: list[tuple[str, int, float, float]]) -> str:
    rows = [
        "| build | entries | wall s | CPU s | CPU s per 1,000 | peak MB, largest process "
        "| peak MB, all processes | HTML pages | site MB "
        "| site KB/entry | search index MB | index KB/entry |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        flag = "" if r.ok else " (FAILED)"
        rows.append(
            f"| `{r.tool}`{flag} | {r.entries:,} | {r.wall:.1f} | {r.cpu:.1f} "
            f"| {r.cpu / r.entries * 1000:.1f} "
            f"| {r.peak_mb:.0f} | {r.peak_all_mb:.0f} | {r.pages:,} | {r.site_mb:.1f} "
            f"| {r.site_mb * 1000 / r.entries:.1f} "
            f"| {r.index_mb:.2f} | {r.index_mb * 1000 / r.entries:.2f} |"
        )
    lines = ["\n".join(rows)]
    if previews:
        lines.append(
            "| preview | entries | first build s | new entry visible s |\n"
            "| --- | ---: | ---: | ---: |"
        )
        lines[-1] += "".join(
            f"\n| `{cmd}` | {n:,} | {ready:.1f} | {seconds:.1f} |"
            for cmd, n, ready, seconds in previews
        )
    return "\n\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,3000", help="comma-separated archive sizes")
    parser.add_argument("--full", action="store_true", help="add N=10000")
    parser.add_argument("--preview-size", type=int, default=3000)
    parser.add_argument("--no-preview", action="store_true")
    parser.add_argument(
        "--variants", default="digest,bare",
        help=f"builds to time, comma-separated, from: {', '.join(VARIANTS)}",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update the docs page")
    parser.add_argument("--section", default="build", help="the docs page section to replace")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="build every variant this many times, interleaved (wall times here vary by 20 %%)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    variants = [v for v in args.variants.split(",") if v]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant(s): {', '.join(unknown)}")
    if args.full and 10000 not in sizes:
        sizes.append(10000)
    work = args.keep or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[BuildResult] = []
    previews: list[tuple[str, int, float, float]] = []
    try:
        for n in sizes:
            entries = list(generate_entries(n, seed=args.seed))
            for name, run in [(v, r) for r in range(args.repeat) for v in variants]:
                folder = f"{name}-{n}" + (f"-{run + 1}" if run else "")
                project = make_project(work / folder, entries, VARIANTS[name])
                result = build(project, VARIANTS[name], n)
                results.append(result)
                print(
                    f"{result.tool} N={n}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU, "
                    f"{result.peak_mb:.0f} MB (all processes {result.peak_all_mb:.0f} MB)"
                    + ("" if result.ok else " FAILED"),
                    flush=True,
                )
            if not args.no_preview and n == args.preview_size and "digest" in variants:
                project = work / f"digest-{n}"
                for label, command, port in (
                    ("digest serve", [DIGEST, "serve", "--config", "mkdocs.yml"], 8731),
                    ("mkdocs serve --dirty", [PYTHON, "-m", "mkdocs", "serve", "--dirty"], 8732),
                ):
                    ready, seconds = preview(project, command, port)
                    previews.append((label, n, ready, seconds))
                    print(f"{label} N={n}: ready {ready:.1f} s, new entry {seconds:.1f} s",
                          flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    text = table(results, previews)
    print(text)
    if not args.no_write:
        command = "python benchmarks/build_bench.py " + " ".join(argv or sys.argv[1:])
        write_section(args.section, f"{machine_line()}\n\nCommand: `{command.strip()}`\n\n{text}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
