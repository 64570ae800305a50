"""Ingest benchmark: pages per second on the real pages of ../shared/corpus, one run, four ways.

    python benchmarks/ingest_bench.py [--corpus PATH] [--repeat 1] [--jobs 2] [--no-write]

(a) our extraction only: `extract_html`;
(b) our whole digest: extraction, summary, quotes, figures, tags and the entry file's text
    (`render_entry(to_entry(digest_article(extract_html(...))))`);
(c) trafilatura's extraction only (`trafilatura.extract`, text output), the anchor, when installed;
(d) the whole digest on `--jobs` worker processes through `digest.bulk.digest_many` (files on
    disk, so reading and decoding are inside the timed region here), entry text rendered too;
(e) the same again with a warm content-hash cache (nothing is extracted).
Decompression and decoding are outside the timed region for (a)-(c). Each figure is the best
of `--repeat` passes. Prints a Markdown table and writes it into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from build_bench import machine_line, write_section  # noqa: E402

from digest.archive.entry import render_entry  # noqa: E402
from digest.bulk import digest_many  # noqa: E402
from digest.errors import DigestError  # noqa: E402
from digest.ingest.extraction import extract_html  # noqa: E402
from digest.ingest.reading import decode_bytes  # noqa: E402
from digest.pipeline import Digested, digest_article, to_entry  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
TODAY = dt.date(2026, 1, 1)  # entries of undated pages get a fixed date: same bytes every run


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    data: bytes  # as stored (decompressed)
    html: str  # decoded as `digest add` decodes it


@dataclass(frozen=True, slots=True)
class Rate:
    label: str
    pages: int
    failed: int
    seconds: float
    cpu: float | None = None  # this process's CPU seconds (serial runs only)

    @property
    def per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def load_pages(corpus: Path) -> list[Page]:
    """Every corpus page, decompressed and decoded (outside any timed region)."""
    blobs: list[tuple[str, bytes]] = []
    for path in sorted((corpus / "extraction" / "html").glob("*.html.gz")):
        blobs.append((f"extraction/{path.name[:-3]}", gzip.decompress(path.read_bytes())))
    for path in sorted((corpus / "readability").glob("*/source.html")):
        blobs.append((f"readability/{path.parent.name}.html", path.read_bytes()))
    return [Page(name, data, decode_bytes(name, data)) for name, data in blobs]


def timed(label: str, pages: Sequence[Page], run: Callable[[Page], object], repeat: int) -> Rate:
    best: Rate | None = None
    for _ in range(repeat):
        failed = 0
        start, cpu = time.perf_counter(), time.process_time()
        for page in pages:
            try:
                run(page)
            except DigestError:
                failed += 1
        rate = Rate(
            label, len(pages), failed, time.perf_counter() - start, time.process_time() - cpu
        )
        best = rate if best is None or rate.seconds < best.seconds else best
    assert best is not None
    return best


def ours_extract(page: Page) -> object:
    return extract_html(page.html, source=page.name)


def ours_digest(page: Page) -> str:
    return render_entry(to_entry(digest_article(ours_extract(page)), today=TODAY))  # type: ignore[arg-type]


def trafilatura_run() -> Callable[[Page], object] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda page: trafilatura.extract(page.html, output_format="txt", include_comments=False)


def bulk_rate(label: str, paths: list[str], jobs: int, cache: Path | None, repeat: int) -> Rate:
    best: Rate | None = None
    for _ in range(repeat):
        failed = 0
        start = time.perf_counter()
        for _source, result in digest_many(paths, jobs=jobs, cache_dir=cache):
            if isinstance(result, Digested):
                render_entry(to_entry(result, today=TODAY))
            else:
                failed += 1
        rate = Rate(label, len(paths), failed, time.perf_counter() - start)
        best = rate if best is None or rate.seconds < best.seconds else best
    assert best is not None
    return best


def table(rates: list[Rate], anchor: Rate | None) -> str:
    rows = [
        "| ingest | pages | failed | wall s | pages/s | vs trafilatura | CPU s | pages per CPU s "
        "| vs trafilatura (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rates:
        ratio = f"{r.per_second / anchor.per_second:.2f}x" if anchor else "n/a"
        cpu = cpu_rate = cpu_ratio = "-"
        if r.cpu:
            cpu, cpu_rate = f"{r.cpu:.1f}", f"{r.pages / r.cpu:.1f}"
            if anchor and anchor.cpu:
                cpu_ratio = f"{(r.pages / r.cpu) / (anchor.pages / anchor.cpu):.2f}x"
        rows.append(
            f"| {r.label} | {r.pages} | {r.failed} | {r.seconds:.1f} | {r.per_second:.1f} "
            f"| {ratio} | {cpu} | {cpu_rate} | {cpu_ratio} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="passes per measurement; best kept")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="do not update the docs page")
    args = parser.parse_args(argv)
    if not (args.corpus / "extraction" / "html").is_dir():
        print(f"corpus absent at {args.corpus}: nothing to measure", file=sys.stderr)
        return 0
    pages = load_pages(args.corpus)
    rates = [
        timed("(a) our extraction only", pages, ours_extract, args.repeat),
        timed("(b) our whole digest + entry text", pages, ours_digest, args.repeat),
    ]
    anchor = None
    trafilatura = trafilatura_run()
    if trafilatura is not None:
        anchor = timed("(c) trafilatura.extract (anchor)", pages, trafilatura, args.repeat)
        rates.append(anchor)
    with tempfile.TemporaryDirectory(prefix="digest-ingest-") as tmp:
        folder = Path(tmp)
        paths = []
        for page in pages:
            path = folder / page.name.replace("/", "__")
            path.write_bytes(page.data)
            paths.append(str(path))
        rates.append(bulk_rate(
            f"(d) whole digest, digest_many jobs={args.jobs}", paths, args.jobs, None, args.repeat
        ))
        cache = folder / "cache"
        list(digest_many(paths, jobs=args.jobs, cache_dir=cache))  # warm the cache
        rates.append(bulk_rate(
            f"(e) whole digest, digest_many jobs={args.jobs}, warm cache", paths, args.jobs,
            cache, args.repeat,
        ))
    text = table(rates, anchor)
    print(text)
    if not args.no_write:
        command = "python benchmarks/ingest_bench.py " + " ".join(argv or sys.argv[1:])
        write_section("ingest", f"{machine_line()}\n\nCommand: `{command.strip()}`\n\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
