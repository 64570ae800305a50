"""Score extraction on ../shared/corpus: four HTML corpora beside trafilatura, and text scrapes.

    python benchmarks/extract_eval.py [--root PATH] [--corpus NAME ...] [--limit N] [--worst 10]
        [--no-trafilatura] [--metadata-misses] [--json OUT] [--save-baseline]

HTML corpora (extraction = ScrapingHub, readability, news2023, wcxb): each page goes to our
`extract_html` and to trafilatura in turn, in this one process (one worker), so the pages/s
columns compare speed per core on a machine that is busy alike for both. Printed: corpus P/R/F1,
pages that failed (no text) overall and among pages whose reference body has >= 500 characters,
title/author/date accuracy where the corpus has them (trafilatura's from `extract_metadata`,
outside its timing), and the worst pages with samples of text lost and text kept wrongly.

textscrape: every .txt goes through `digest.bulk.digest_many` with one job and no cache, the path
`digest extract --no-cache` takes. Printed per source corpus: mean page F1 with failures scoring 0,
failures, the findable-title score, author and date (see benchmarks/scoring.py).

Leave-one-corpus-out report: every corpus's figures before the extraction work of issue 12
(benchmarks/extract_baseline.json, written by `--save-baseline` at that commit) and now. A rule
developed on some corpora must not make another worse. See benchmarks/scoring.py for the metrics.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from scoring import (  # noqa: E402
    FAILURE_MIN_REFERENCE_CHARS,
    CorpusScore,
    Page,
    PageScore,
    ScrapeScore,
    author_matches,
    expected_date,
    load_corpus,
    page_f1,
    score_corpus,
    score_page,
    score_scrapes,
    shingles,
    title_matches,
)

from digest.errors import DigestError  # noqa: E402
from digest.ingest.extraction import extract_html  # noqa: E402

DEFAULT_ROOT = REPO.parent / "shared" / "corpus"
BASELINE = REPO / "benchmarks" / "extract_baseline.json"
SAMPLE_CHARS = 160  # how much lost / wrongly kept text to show per worst page
HTML_CORPORA = ("extraction", "readability", "news2023", "wcxb")
SCRAPES = "textscrape"
ALL_CORPORA = (*HTML_CORPORA, SCRAPES)
SPEED_CORPORA = ("news2023", "wcxb")  # real pages, heavier than ScrapingHub's
MAX_CRASH_REPORTS = 3  # per extractor and corpus; the table counts them all
META_FIELDS = ("title", "author", "date")


@dataclass(slots=True)
class Meta:
    """What an extractor said about the page besides the body."""

    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD
    low_confidence: bool = False


Extractor = Callable[[Page], tuple[str, Meta | None]]


@dataclass(slots=True)
class Run:
    """One extractor over one corpus half: predictions, scores and timing."""

    extractor: str
    corpus: str
    predictions: dict[str, str] = field(default_factory=dict)
    scores: list[PageScore] = field(default_factory=list)
    seconds: float = 0.0
    crashes: int = 0
    metas: dict[str, Meta | None] = field(default_factory=dict)
    failed: int = 0
    failed_long: int = 0
    scrape: ScrapeScore | None = None

    @property
    def total(self) -> CorpusScore:
        return score_corpus(self.scores)

    @property
    def speed(self) -> float:
        return len(self.predictions) / self.seconds if self.seconds else 0.0


# --- extractors -----------------------------------------------------------------------------------


def ours(page: Page) -> tuple[str, Meta | None]:
    """Our HTML extractor, as `digest extract` calls it on a saved file (no URL known)."""
    try:
        article = extract_html(page.html, source=page.page_id)
    except DigestError:
        return "", None
    return article.text, Meta(
        article.title,
        article.author,
        article.published.isoformat() if article.published else None,
        bool(getattr(article, "low_confidence", False)),
    )


def trafilatura_extractors() -> tuple[Extractor, Callable[[Page], Meta]] | None:
    """trafilatura's text (timed) and its metadata (read separately, outside the timing)."""
    try:
        import trafilatura
    except ImportError:
        return None

    def text(page: Page) -> tuple[str, Meta | None]:
        out = trafilatura.extract(page.html, output_format="txt", include_comments=False)
        return out or "", None

    def meta(page: Page) -> Meta:
        doc = trafilatura.extract_metadata(page.html)
        if doc is None:
            return Meta()
        return Meta(doc.title, doc.author, (doc.date or "")[:10] or None)

    return text, meta


# --- running --------------------------------------------------------------------------------------


def run_html(
    extractors: Sequence[tuple[str, Extractor]],
    corpus: str,
    pages: Sequence[Page],
    extra_meta: dict[str, Callable[[Page], Meta]],
) -> list[Run]:
    """Run every extractor on each page in turn, so a busy machine slows them all alike."""
    runs = [Run(name, corpus) for name, _ in extractors]
    for page in pages:
        for run, (name, extractor) in zip(runs, extractors, strict=True):
            start = time.perf_counter()
            try:
                text, meta = extractor(page)
            except Exception as exc:  # a crash is a finding, reported in the table, not a stop
                text, meta = "", None
                run.crashes += 1
                if run.crashes <= MAX_CRASH_REPORTS:
                    print(f"  ! {name} crashed on {corpus}/{page.page_id}: {exc!r}",
                          file=sys.stderr)
            run.seconds += time.perf_counter() - start
            if name in extra_meta and page.metadata:
                meta = extra_meta[name](page)
            run.predictions[page.page_id], run.metas[page.page_id] = text, meta
    for run in runs:
        _score(run, pages)
    return runs


def run_scrapes(pages: Sequence[Page]) -> Run:
    """Every scrape through the CLI's path: digest_many, one job, no cache."""
    from digest.bulk import digest_many  # the whole pipeline: imported only for the scrapes

    run = Run("ours", SCRAPES)
    sources = [str(p.path) for p in pages]
    by_source = {str(p.path): p for p in pages}
    start = time.perf_counter()
    for source, result in digest_many(sources, jobs=1, cache_dir=None):
        page = by_source[source]
        if isinstance(result, DigestError):
            run.predictions[page.page_id], run.metas[page.page_id] = "", None
            continue
        a = result.article
        run.predictions[page.page_id] = a.text
        run.metas[page.page_id] = Meta(
            a.title, a.author, a.published.isoformat() if a.published else None,
            bool(getattr(a, "low_confidence", False)),
        )
    run.seconds = time.perf_counter() - start
    _score(run, pages)
    titles = {pid: m.title if m else None for pid, m in run.metas.items()}
    run.scrape = score_scrapes(pages, run.predictions, titles)
    return run


def _score(run: Run, pages: Sequence[Page]) -> None:
    run.scores = [score_page(p.page_id, run.predictions[p.page_id], p.reference) for p in pages]
    for page in pages:
        if not run.predictions[page.page_id].strip():
            run.failed += 1
            run.failed_long += len(page.reference) >= FAILURE_MIN_REFERENCE_CHARS


def metadata_accuracy(pages: Sequence[Page], run: Run) -> dict[str, tuple[int, int]]:
    """(correct, applicable) for title, author and date on pages whose reference has a value."""
    counts = {k: [0, 0] for k in META_FIELDS}
    for page, verdicts in _metadata_verdicts(pages, run):
        del page
        for key, ok in verdicts.items():
            counts[key][1] += 1
            counts[key][0] += ok
    return {k: (v[0], v[1]) for k, v in counts.items()}


def _metadata_verdicts(
    pages: Sequence[Page], run: Run
) -> list[tuple[Page, dict[str, bool]]]:
    out = []
    for page in pages:
        meta = run.metas.get(page.page_id) or Meta()
        ref = page.metadata
        verdicts: dict[str, bool] = {}
        if ref.get("title"):
            verdicts["title"] = title_matches(str(ref["title"]), meta.title)
        if ref.get("byline"):
            verdicts["author"] = author_matches(str(ref["byline"]), meta.author)
        want = expected_date(ref.get("publishedTime"))
        if want:
            verdicts["date"] = meta.date == want
        out.append((page, verdicts))
    return out


def metadata_misses(pages: Sequence[Page], run: Run) -> list[str]:
    lines = []
    for page, verdicts in _metadata_verdicts(pages, run):
        meta = run.metas.get(page.page_id) or Meta()
        ref = page.metadata
        got = {"title": meta.title, "author": meta.author, "date": meta.date}
        want = {"title": ref.get("title"), "author": ref.get("byline"),
                "date": expected_date(ref.get("publishedTime"))}
        for key, ok in verdicts.items():
            if not ok:
                lines.append(f"{key:<6} {run.corpus}/{page.page_id[:24]}: want "
                             f"{' '.join(str(want[key]).split())!r} got {got[key]!r}")
    return lines


# --- printing -------------------------------------------------------------------------------------


def sample_difference(text: str, other: str) -> str:
    """The first lines of `text` whose shingles are mostly absent from `other`."""
    theirs = shingles(other)
    picked: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        mine = shingles(line)
        if not mine:
            continue
        missing = sum((mine - theirs).values())
        if missing / sum(mine.values()) > 0.5:
            picked.append(line)
        if sum(len(p) for p in picked) > SAMPLE_CHARS:
            break
    sample = " / ".join(picked)
    return sample[:SAMPLE_CHARS] + ("..." if len(sample) > SAMPLE_CHARS else "")


def print_table(runs: list[Run]) -> None:
    print("HTML corpora, dev half (corpus P/R/F1 with the README's metric)")
    print(f"{'corpus':<13}{'extractor':<13}{'pages':>6}{'P':>7}{'R':>7}{'F1':>7}{'pages/s':>9}"
          f"{'failed':>8}{'fail>=500':>10}{'crashes':>8}{'low-conf':>9}")
    for run in sorted(runs, key=lambda r: (ALL_CORPORA.index(r.corpus), r.extractor != "ours")):
        total = run.total
        low = sum(1 for m in run.metas.values() if m and m.low_confidence)
        print(f"{run.corpus:<13}{run.extractor:<13}{len(run.scores):>6}{total.precision:7.3f}"
              f"{total.recall:7.3f}{total.f1:7.3f}{run.speed:9.1f}{run.failed:8d}"
              f"{run.failed_long:10d}{run.crashes:8d}"
              f"{low if run.extractor == 'ours' else '':>9}")


def print_metadata(accuracy: dict[tuple[str, str], dict[str, tuple[int, int]]]) -> None:
    print("\nmetadata: right / pages whose reference has the field")
    print(f"{'corpus':<13}{'extractor':<13}" + "".join(f"{k:>17}" for k in META_FIELDS))
    for (corpus, name), counts in accuracy.items():
        cells = []
        for key in META_FIELDS:
            right, n = counts[key]
            cells.append(f"{right:>5}/{n:<4}{right / n if n else 0:6.3f}" if n else f"{'-':>15}")
        print(f"{corpus:<13}{name:<13}" + "".join(f"{c:>17}" for c in cells))


def scrape_summary(run: Run, pages: Sequence[Page]) -> dict[str, dict[str, float]]:
    """Scrape figures overall and per source corpus (the prefix of a scrape's name)."""
    groups: dict[str, list[Page]] = {"all": list(pages)}
    for page in pages:
        groups.setdefault(page.page_id.split("-", 1)[0], []).append(page)
    titles = {pid: m.title if m else None for pid, m in run.metas.items()}
    out: dict[str, dict[str, float]] = {}
    for name, group in groups.items():
        score = score_scrapes(group, run.predictions, titles)
        sub = Run("ours", SCRAPES, metas=run.metas)
        meta = metadata_accuracy(group, sub)
        out[name] = {
            "pages": score.pages, "mean_f1": score.mean_f1, "failed": score.failed,
            "failed_long": score.failed_long, "title": score.title_score,
            "titles_findable": score.titles_findable,
            "author": meta["author"][0] / meta["author"][1] if meta["author"][1] else 0.0,
            "authors": meta["author"][1],
            "date": meta["date"][0] / meta["date"][1] if meta["date"][1] else 0.0,
            "dates": meta["date"][1],
        }
    return out


def print_scrapes(summary: dict[str, dict[str, float]], seconds: float) -> None:
    print("\ntext scrapes through `digest extract` (mean page F1, a failed page scores 0)")
    print(f"{'scrapes of':<13}{'pages':>6}{'mean F1':>9}{'failed':>8}{'fail>=500':>10}"
          f"{'title':>14}{'author':>14}{'date':>14}")
    for name, s in summary.items():
        print(f"{name:<13}{s['pages']:>6}{s['mean_f1']:9.3f}{s['failed']:8d}{s['failed_long']:10d}"
              f"{s['title']:8.3f} ({s['titles_findable']:>3}){s['author']:8.3f} ({s['authors']:>3})"
              f"{s['date']:8.3f} ({s['dates']:>3})")
    pages = summary["all"]["pages"]
    print(f"  {pages / seconds if seconds else 0:.1f} scrapes/s, one job, whole pipeline")


def print_speed(runs: list[Run]) -> None:
    print("\nspeed per core (one process, pages interleaved; pages/s)")
    print(f"{'corpus':<13}{'ours':>9}{'trafilatura':>13}{'ratio':>8}")
    for corpus in SPEED_CORPORA:
        mine = next((r for r in runs if r.corpus == corpus and r.extractor == "ours"), None)
        theirs = next((r for r in runs if r.corpus == corpus and r.extractor == "trafilatura"),
                      None)
        if mine is None or theirs is None:
            continue
        ratio = mine.speed / theirs.speed if theirs.speed else 0.0
        print(f"{corpus:<13}{mine.speed:9.1f}{theirs.speed:13.1f}{ratio:8.2f}")


def print_worst(runs: list[Run], loaded: dict[str, list[Page]], worst: int) -> None:
    """The `worst` pages with the lowest page F1 over every HTML corpus (ours)."""
    ranked = sorted(
        ((page_f1(s), run, s) for run in runs if run.extractor == "ours"
         and run.corpus in HTML_CORPORA for s in run.scores),
        key=lambda item: item[0],
    )[:worst]
    print(f"\nworst {worst} pages (ours, HTML corpora):")
    for f1, run, score in ranked:
        page = next(p for p in loaded[run.corpus] if p.page_id == score.page_id)
        predicted = run.predictions[score.page_id]
        p = f"{score.precision:.2f}" if score.precision is not None else "  - "
        print(f"  {run.corpus}/{score.page_id[:28]:<28} P={p} R={score.recall:.2f} F1={f1:.2f}"
              f" ref={len(page.reference)} chars")
        lost = sample_difference(page.reference, predicted)
        extra = sample_difference(predicted.replace("\n\n", "\n"), page.reference)
        if lost:
            print(f"      lost: {lost}")
        if extra:
            print(f"      kept: {extra}")


# --- baseline and leave-one-corpus-out report ----------------------------------------------------


def summary(runs: list[Run], accuracy: dict[tuple[str, str], dict[str, tuple[int, int]]],
            scrapes: dict[str, dict[str, float]] | None) -> dict[str, object]:
    """The figures the leave-one-corpus-out report compares, per corpus and extractor."""
    html: dict[str, dict[str, dict[str, float]]] = {}
    for run in runs:
        total = run.total
        entry: dict[str, float] = {
            "pages": len(run.scores), "precision": round(total.precision, 4),
            "recall": round(total.recall, 4), "f1": round(total.f1, 4),
            "failed": run.failed, "failed_long": run.failed_long,
            "pages_per_second": round(run.speed, 2),
        }
        for key, (right, n) in accuracy.get((run.corpus, run.extractor), {}).items():
            if n:
                entry[key] = round(right / n, 4)
        html.setdefault(run.corpus, {})[run.extractor] = entry
    rounded = None
    if scrapes is not None:
        rounded = {k: {f: round(v, 4) if isinstance(v, float) else v for f, v in s.items()}
                   for k, s in scrapes.items()}
    return {"html": html, "textscrape": rounded}


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, check=True,
                             capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def print_leave_one_out(now: dict[str, object], baseline: dict[str, object]) -> None:
    """Before (baseline) and now for every corpus: a gain on one must not be a loss on another."""
    print(f"\nleave-one-corpus-out: before (commit {baseline.get('commit')}) and now")
    print(f"{'corpus':<13}{'field':<10}{'before':>8}{'now':>8}{'change':>8}{'traf. now':>11}")
    before_html = baseline.get("html") or {}
    now_html = now.get("html") or {}
    assert isinstance(before_html, dict) and isinstance(now_html, dict)
    for corpus in HTML_CORPORA:
        was = (before_html.get(corpus) or {}).get("ours")
        cur = (now_html.get(corpus) or {}).get("ours")
        traf = (now_html.get(corpus) or {}).get("trafilatura") or {}
        if not was or not cur:
            continue
        for key in ("f1", "failed_long", "title", "author", "date"):
            if key not in cur and key not in was:
                continue
            a, b = was.get(key), cur.get(key)
            change = f"{b - a:+8.3f}" if a is not None and b is not None else f"{'':>8}"
            flag = "  WORSE" if a is not None and b is not None and (
                b > a if key == "failed_long" else b < a - 0.0005) else ""
            print(f"{corpus:<13}{key:<10}{_cell(a)}{_cell(b)}{change}{_cell(traf.get(key), 11)}"
                  f"{flag}")
    was_s, cur_s = baseline.get("textscrape"), now.get("textscrape")
    if isinstance(was_s, dict) and isinstance(cur_s, dict) and "all" in cur_s:
        for key in ("mean_f1", "failed_long", "title", "author", "date"):
            a, b = (was_s.get("all") or {}).get(key), cur_s["all"].get(key)
            change = f"{b - a:+8.3f}" if a is not None and b is not None else f"{'':>8}"
            print(f"{SCRAPES:<13}{key:<10}{_cell(a)}{_cell(b)}{change}")


def _cell(value: object, width: int = 8) -> str:
    if value is None:
        return f"{'-':>{width}}"
    if isinstance(value, int):
        return f"{value:>{width}d}"
    return f"{value:>{width}.3f}"


# --- main -----------------------------------------------------------------------------------------


def _limited(pages: list[Page], limit: int | None) -> list[Page]:
    """`limit` pages spread evenly over the (sorted) corpus, for quick iterations."""
    if not limit or limit >= len(pages):
        return pages
    step = len(pages) / limit
    return [pages[int(i * step)] for i in range(limit)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the corpus folder")
    parser.add_argument("--corpus", action="append", choices=ALL_CORPORA,
                        help="corpora to run (repeatable; default: all five)")
    parser.add_argument("--limit", type=int, help="at most N pages per corpus, spread evenly")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--metadata-misses", action="store_true",
                        help="list every title/author/date mismatch of ours")
    parser.add_argument("--json", type=Path, help="also write every figure and page score here")
    parser.add_argument("--save-baseline", action="store_true",
                        help=f"write this run's summary to {BASELINE.relative_to(REPO)}")
    args = parser.parse_args(argv)
    if not (args.root / "extraction").is_dir():
        print(f"corpus not found at {args.root}", file=sys.stderr)
        return 2
    corpora = args.corpus or list(ALL_CORPORA)
    loaded = {name: _limited(load_corpus(args.root, name), args.limit) for name in corpora}

    extractors: list[tuple[str, Extractor]] = [("ours", ours)]
    extra_meta: dict[str, Callable[[Page], Meta]] = {}
    traf = None if args.no_trafilatura else trafilatura_extractors()
    if traf:
        extractors.append(("trafilatura", traf[0]))
        extra_meta["trafilatura"] = traf[1]
    runs: list[Run] = []
    for corpus in corpora:
        if corpus in HTML_CORPORA:
            runs.extend(run_html(extractors, corpus, loaded[corpus], extra_meta))
    accuracy = {(r.corpus, r.extractor): metadata_accuracy(loaded[r.corpus], r)
                for r in runs if r.corpus != "extraction"}
    if runs:
        print_table(runs)
        print_metadata(accuracy)
        print_speed(runs)

    scrapes = None
    scrape_run = None
    if SCRAPES in corpora:
        scrape_run = run_scrapes(loaded[SCRAPES])
        scrapes = scrape_summary(scrape_run, loaded[SCRAPES])
        print_scrapes(scrapes, scrape_run.seconds)

    now = {"commit": _commit(), "limit": args.limit, **summary(runs, accuracy, scrapes)}
    if BASELINE.exists() and not args.save_baseline:
        print_leave_one_out(now, json.loads(BASELINE.read_text("utf-8")))
        if args.limit:
            print("  (this run used --limit; the baseline is a full run)")

    if args.metadata_misses:
        print("\nmetadata misses (ours):")
        for run in runs + ([scrape_run] if scrape_run else []):
            if run.extractor == "ours" and run.corpus != "extraction":
                for line in metadata_misses(loaded[run.corpus], run):
                    print("  - " + line)
    if args.worst and runs:
        print_worst(runs, loaded, args.worst)

    if args.save_baseline:
        BASELINE.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"\nbaseline written to {BASELINE}")
    if args.json:
        pages = {f"{r.corpus}/{r.extractor}": {s.page_id: [s.precision, s.recall]
                                              for s in r.scores} for r in runs}
        if scrape_run:
            pages[f"{SCRAPES}/ours"] = {s.page_id: [s.precision, s.recall]
                                        for s in scrape_run.scores}
        args.json.write_text(json.dumps({**now, "pages": pages}, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
