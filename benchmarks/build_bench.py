"""Build benchmark: `digest build` (both engines, full and incremental) against `bare-hooks`.

    python benchmarks/build_bench.py [--sizes 1000,3000] [--full] [--variants ...]
                                     [--incremental] [--verify] [--no-write] [--keep DIR]

For each size N it generates N entries (benchmarks/synth.py) into temporary projects:

- `digest` / `digest-zensical`: a copy of the repository's mkdocs.yml and docs pages, entries
  as `digest add` writes them; timed command `digest build --engine mkdocs|zensical` with no
  build cache (a clean full build: check, staging tree, engine, Pagefind from 2,000 entries).
- `bare-hooks` (the baseline): Material's blog, tags, search and rss plugins configured as the
  site was before the staging tree (BARE_PLUGINS), each entry's page body written into its file
  (what the site renders) so that Material does the same Markdown work, and the two blog fixes
  the old site plugin applied, as MkDocs hook files (HOOKS); timed command `mkdocs build`.
- `bare`: the same without the hooks (Material as it comes).

With --incremental, each `digest` variant then gets one new entry (dated the day after the
newest) and `digest build` runs again on the same project (its cache kept): the "+1 entry"
rows. With --verify, a clean full build of the project with the new entry is compared with the
incremental one, file by file (the sitemap's build dates aside).

Each build runs in a fresh child whose CPU time and peak memory are read from
`getrusage(RUSAGE_CHILDREN)` (the largest process of the build), and the peak of all its
processes at once is sampled from /proc. Prints a Markdown table and writes it into
docs/performance.md.
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
print(json.dumps({"wall": wall, "cpu": cpu, "user": usage.ru_utime, "peak_kb": usage.ru_maxrss,
                  "rc": rc, "peak_sum_kb": peak_sum // 1024}))
"""


# The blog fixes the old site plugin applied, as MkDocs hook files (the baseline only).
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
    # (MkDocs itself uses libyaml's CSafeLoader when it is there).
    "libyaml": '''
import yaml
from material.plugins.blog import structure

if getattr(yaml, "__with_libyaml__", False):
    structure.SafeLoader = yaml.CSafeLoader
''',
}
# The site's Material plugins before the staging tree (the baseline's configuration).
BARE_PLUGINS: list[object] = [
    "search",
    {"blog": {
        "blog_dir": ".", "blog_toc": True, "post_date_format": "long",
        "post_url_format": "{date}/{slug}", "post_excerpt": "required", "post_readtime": False,
        "authors": False, "archive": False, "categories": False, "pagination_per_page": 10,
    }},
    {"tags": {"listings_map": {"all-tags": {"scope": False}}}},
    {"rss": {
        "match_path": "posts/.*", "use_git": False,
        "date_from_meta": {"as_creation": "date", "as_update": "date"},
        "feed_title": "Silicon Digest",
        "feed_description": "A curated digest of chip-industry news",
        "abstract_chars_count": 160, "use_material_social_cards": False, "length": 50,
    }},
]


@dataclass(frozen=True, slots=True)
class Variant:
    label: str
    bare: bool  # Material's blog instead of the staging tree, entry bodies pre-rendered
    hooks: tuple[str, ...] = ()  # names in HOOKS
    engine: str = "mkdocs"  # digest build --engine


VARIANTS: dict[str, Variant] = {
    "digest": Variant("digest build (mkdocs)", bare=False),
    "digest-zensical": Variant("digest build (zensical)", bare=False, engine="zensical"),
    "bare-hooks": Variant("bare-hooks (Material + blog fixes)", bare=True,
                          hooks=("posts_lookup", "libyaml")),
    "bare": Variant("mkdocs build (bare Material)", bare=True),
}


@dataclass(slots=True)
class BuildResult:
    tool: str
    entries: int
    wall: float
    cpu: float  # user + system seconds of every process of the build: steadier on a busy machine
    # user seconds alone: the system time (the kernel writing the files, 2.3 x the pages for
    # `digest build`) swings most with what else the machine is doing
    user: float
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
    if variant.bare:
        docs.mkdir()
        for item in BARE_NAV:
            page = next(iter(item.values()))
            shutil.copy(REPO / "docs" / page, docs / page)
        if (REPO / "docs" / "assets").is_dir():  # extra_css / extra_javascript stay valid
            shutil.copytree(REPO / "docs" / "assets", docs / "assets")
        (root / "mkdocs.yml").write_text(bare_config(variant, root), encoding="utf-8")
    else:
        shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("posts"))
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    posts = docs / "posts"
    posts.mkdir()
    for entry in entries:
        write_entry_file(posts, entry, variant)
    return root


def write_entry_file(posts: Path, entry: Entry, variant: Variant) -> None:
    text = render_entry(entry)
    if variant.bare:  # what the site renders at build time, written into the file
        text = text.split("\n---\n", 1)[0] + "\n---\n\n" + render_body(entry)
    (posts / entry_filename(entry)).write_text(text, encoding="utf-8")


def bare_config(variant: Variant, root: Path) -> str:
    """The repository's mkdocs.yml with Material's blog, tags, search and rss plugins instead of
    ours (BARE_PLUGINS), the hook files of the variant, and a nav of the pages it has."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = BARE_PLUGINS
    config["nav"] = BARE_NAV
    if variant.hooks:
        config["hooks"] = []
        for name in variant.hooks:
            (root / f"{name}_hook.py").write_text(HOOKS[name], encoding="utf-8")
            config["hooks"].append(f"{name}_hook.py")
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def measure(command: list[str], cwd: Path) -> tuple[float, float, float, float, float, int]:
    """(wall seconds, CPU seconds, user CPU seconds, peak RSS of the largest process in MB, peak
    RSS of all its processes together in MB, exit status) of `command` in a fresh child."""
    out = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], cwd=cwd, env=BUILD_ENV, capture_output=True,
        text=True, check=True,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return (data["wall"], data["cpu"], data["user"], data["peak_kb"] / 1024,
            data["peak_sum_kb"] / 1024, data["rc"])


def build(project: Path, variant: Variant, entries: int, label: str = "") -> BuildResult:
    """Time one build of the project; a digest variant keeps its build cache between calls."""
    site = project / "site"
    if not variant.bare:
        command = [DIGEST, "build", "--config", "mkdocs.yml", "--site-dir", "site"]
        command += ["--engine", variant.engine]
    else:
        shutil.rmtree(site, ignore_errors=True)
        command = [PYTHON, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    wall, cpu, user, peak, peak_all, rc = measure(command, project)
    files = [p for p in site.rglob("*") if p.is_file()] if site.is_dir() else []
    # Material's lunr index, Zensical's search.json, or Pagefind's (from 2,000 entries): all files
    index = [site / "search" / "search_index.json", site / "search.json",
             *(site / "pagefind").rglob("*")]
    return BuildResult(
        tool=variant.label + label,
        entries=entries,
        wall=wall,
        cpu=cpu,
        user=user,
        peak_mb=peak,
        peak_all_mb=peak_all,
        pages=sum(1 for p in files if p.suffix == ".html"),
        site_mb=sum(p.stat().st_size for p in files) / 1e6,
        index_mb=sum(p.stat().st_size for p in index if p.is_file()) / 1e6,
        ok=rc == 0,
    )


def add_entry(project: Path, entries: list[Entry], variant: Variant, seed: int) -> None:
    """One new entry, dated the day after the newest: what a contributor's pull request adds."""
    newest = max(e.date for e in entries)
    entry = next(generate_entries(1, seed=seed + 7919, years=1, end=newest + dt.timedelta(days=1)))
    entry.date = newest + dt.timedelta(days=1)
    entry.slug = f"benchmark-added-entry-{seed}"
    write_entry_file(project / "docs" / "posts", entry, variant)


def same_site(a: Path, b: Path) -> list[str]:
    """The files that differ between two built sites (the sitemap's build dates aside)."""
    names = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names |= {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = []
    for name in sorted(names):
        x, y = a / name, b / name
        if not (x.is_file() and y.is_file()):
            differ.append(name)
        elif name.startswith("sitemap.xml"):
            continue  # <lastmod> is the build date
        elif x.read_bytes() != y.read_bytes():
            differ.append(name)
    return differ


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


INCREMENTAL = " +1 entry, incremental"  # the label of an incremental build's row


def versus(results: list[BuildResult], r: BuildResult) -> str:
    """The row's CPU against the baseline: a full build's against the mean of the
    `bare-hooks` builds of the same size in this run, an incremental build's as a share of
    the full build it followed."""
    if r.tool.endswith(INCREMENTAL):
        before = results[: next(i for i, x in enumerate(results) if x is r)]
        full = [x for x in before if x.tool == r.tool.removesuffix(INCREMENTAL)
                and x.entries == r.entries - 1]
        return f"{r.cpu / full[-1].cpu:.1%} of full" if full else ""
    base = [x for x in results
            if x.tool == VARIANTS["bare-hooks"].label and x.entries == r.entries and x.ok]
    if not base:
        return ""
    cpu, user = (sum(x.cpu for x in base) / len(base)), (sum(x.user for x in base) / len(base))
    return f"{r.cpu / cpu:.2f} (user {r.user / user:.2f})"


def table(results: list[BuildResult], previews: list[tuple[str, int, float, float]]) -> str:
    rows = [
        "| build | entries | wall s | CPU s | user s | CPU vs bare-hooks | CPU s per 1,000 "
        "| peak MB, largest process | peak MB, all processes | HTML pages | site MB "
        "| site KB/entry | search index MB | index KB/entry |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: |",
    ]
    for r in results:
        flag = "" if r.ok else " (FAILED)"
        rows.append(
            f"| `{r.tool}`{flag} | {r.entries:,} | {r.wall:.1f} | {r.cpu:.1f} | {r.user:.1f} "
            f"| {versus(results, r)} | {r.cpu / r.entries * 1000:.1f} "
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
    parser.add_argument(
        "--variants", default="digest,digest-zensical,bare-hooks",
        help=f"builds to time, comma-separated, from: {', '.join(VARIANTS)}",
    )
    parser.add_argument("--incremental", action="store_true",
                        help="then add one entry to each digest project and build again")
    parser.add_argument("--verify", action="store_true",
                        help="compare each incremental site with a clean full build")
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
    if shutil.which("digest", path=str(Path(DIGEST).parent)) is None:
        parser.error(f"{DIGEST} not found: pip install -e .")
    work = args.keep or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[BuildResult] = []
    notes: list[str] = []

    def report(result: BuildResult) -> None:
        results.append(result)
        print(
            f"{result.tool} N={result.entries}: {result.wall:.1f} s wall, {result.cpu:.1f} s CPU "
            f"({result.user:.1f} user), "
            f"{result.peak_mb:.0f} MB (all processes {result.peak_all_mb:.0f} MB)"
            + ("" if result.ok else " FAILED"),
            flush=True,
        )

    try:
        for n in sizes:
            entries = list(generate_entries(n, seed=args.seed))
            for name, run in [(v, r) for r in range(args.repeat) for v in variants]:
                variant = VARIANTS[name]
                folder = f"{name}-{n}" + (f"-{run + 1}" if run else "")
                project = make_project(work / folder, entries, variant)
                report(build(project, variant, n))
                if not args.incremental or variant.bare:
                    continue
                add_entry(project, entries, variant, args.seed)
                report(build(project, variant, n + 1, INCREMENTAL))
                if args.verify:
                    check = work / f"{folder}-verify"
                    shutil.copytree(project, check, ignore=shutil.ignore_patterns(
                        ".digest-cache", "site"))
                    build(check, variant, n + 1)
                    differ = same_site(project / "site", check / "site")
                    notes.append(
                        f"{variant.label}, {n + 1:,} entries: the incremental site "
                        + ("equals the clean full build, file by file (sitemap dates aside)"
                           if not differ else f"DIFFERS from the full build in {len(differ)} "
                           f"files: {', '.join(differ[:5])}")
                    )
                    print(notes[-1], flush=True)
                    shutil.rmtree(check, ignore_errors=True)
                if args.keep is None:
                    shutil.rmtree(project, ignore_errors=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    text = table(results, [])
    if notes:
        text += "\n\n" + "\n".join(f"- {note}" for note in notes)
    print(text)
    if not args.no_write:
        command = "python benchmarks/build_bench.py " + " ".join(argv or sys.argv[1:])
        write_section(args.section, f"{machine_line()}\n\nCommand: `{command.strip()}`\n\n{text}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
