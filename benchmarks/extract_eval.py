"""Score the HTML extractor on ../shared/corpus, next to trafilatura when it is installed.

    python benchmarks/extract_eval.py [--corpus PATH] [--worst 10] [--no-trafilatura] [--json OUT]

Prints corpus P/R/F1 and pages/second for each extractor, metadata accuracy on the Readability
pages, and the worst pages with a sample of the text lost and the text kept wrongly.
See benchmarks/scoring.py for the metric.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from scoring import (  # noqa: E402
    CorpusScore,
    Page,
    PageScore,
    author_matches,
    expected_date,
    load_extraction,
    load_readability,
    page_f1,
    score_corpus,
    score_page,
    shingles,
    title_matches,
)

from digest.errors import ExtractionError  # noqa: E402
from digest.ingest.extraction import extract_html  # noqa: E402
from digest.models import Article  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_CHARS = 160  # how much lost / wrongly kept text to show per worst page
CORPORA = ("extraction", "readability")
MAX_CRASH_REPORTS = 3  # per extractor and corpus; the table counts them all


@dataclass(slots=True)
class Run:
    """One extractor over one corpus half: predictions, scores and timing."""

    extractor: str
    corpus: str
    predictions: dict[str, str]
    scores: list[PageScore]
    seconds: float
    errors: int
    articles: dict[str, Article | None]

    @property
    def total(self) -> CorpusScore:
        return score_corpus(self.scores)


def ours(page: Page) -> tuple[str, Article | None]:
    try:
        article = extract_html(page.html, source=page.page_id, url=page.url)
    except ExtractionError:
        return "", None
    return article.text, article


def trafilatura_extractor() -> Callable[[Page], tuple[str, Article | None]] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(page: Page) -> tuple[str, Article | None]:
        text = trafilatura.extract(page.html, output_format="txt", include_comments=False)
        return text or "", None

    return run


def run_extractors(
    extractors: Sequence[tuple[str, Callable[[Page], tuple[str, Article | None]]]],
    corpus: str,
    pages: Sequence[Page],
) -> list[Run]:
    """Run every extractor on each page in turn, so a busy machine slows them all alike."""
    runs = [Run(name, corpus, {}, [], 0.0, 0, {}) for name, _ in extractors]
    for page in pages:
        for run, (name, extractor) in zip(runs, extractors, strict=True):
            start = time.perf_counter()
            try:
                text, article = extractor(page)
            except Exception as exc:  # a crash is a finding, reported in the table, not a stop
                text, article = "", None
                run.errors += 1
                if run.errors <= MAX_CRASH_REPORTS:
                    print(f"  ! {name} crashed on {corpus}/{page.page_id}: {exc!r}",
                          file=sys.stderr)
            run.seconds += time.perf_counter() - start
            run.predictions[page.page_id], run.articles[page.page_id] = text, article
    for run in runs:
        run.scores = [score_page(p.page_id, run.predictions[p.page_id], p.reference)
                      for p in pages]
    return runs


def metadata_accuracy(pages: Sequence[Page], run: Run) -> dict[str, tuple[int, int]]:
    """(correct, applicable) for title, date and author on pages whose metadata has a value."""
    counts = {"title": [0, 0], "date": [0, 0], "author": [0, 0]}
    for page in pages:
        article = run.articles.get(page.page_id)
        meta = page.metadata
        if meta.get("title"):
            counts["title"][1] += 1
            counts["title"][0] += bool(article and title_matches(meta["title"], article.title))
        want = expected_date(meta.get("publishedTime"))  # type: ignore[arg-type]
        if want:
            counts["date"][1] += 1
            got = article.published.isoformat() if article and article.published else None
            counts["date"][0] += got == want
        if meta.get("byline"):
            counts["author"][1] += 1
            counts["author"][0] += bool(
                article and author_matches(meta["byline"], article.author)  # type: ignore[arg-type]
            )
    return {k: (v[0], v[1]) for k, v in counts.items()}


def metadata_misses(pages: Sequence[Page], run: Run) -> list[str]:
    lines = []
    for page in pages:
        article = run.articles.get(page.page_id)
        meta = page.metadata
        if meta.get("title") and not (article and title_matches(meta["title"], article.title)):
            lines.append(f"title  {page.page_id}: want {meta['title']!r} got "
                         f"{article.title if article else None!r}")
        want = expected_date(meta.get("publishedTime"))  # type: ignore[arg-type]
        got = article.published.isoformat() if article and article.published else None
        if want and got != want:
            lines.append(f"date   {page.page_id}: want {want} got {got}")
        if meta.get("byline") and not (
            article and author_matches(meta["byline"], article.author)  # type: ignore[arg-type]
        ):
            lines.append(f"author {page.page_id}: want {' '.join(str(meta['byline']).split())!r}"
                         f" got {article.author if article else None!r}")
    return lines


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
    print(f"{'extractor':<14}{'corpus':<13}{'P':>7}{'R':>7}{'F1':>7}{'pages/s':>9}{'errors':>8}")
    for run in runs:
        total = run.total
        speed = len(run.scores) / run.seconds if run.seconds else 0.0
        print(f"{run.extractor:<14}{run.corpus:<13}{total.precision:7.3f}{total.recall:7.3f}"
              f"{total.f1:7.3f}{speed:9.1f}{run.errors:8d}")
    by_name: dict[str, list[Run]] = {}
    for run in runs:
        by_name.setdefault(run.extractor, []).append(run)
    for name, group in by_name.items():
        pages = sum(len(r.scores) for r in group)
        seconds = sum(r.seconds for r in group)
        print(f"{name:<14}{'all':<13}{'':>21}{pages / seconds if seconds else 0:9.1f}")


def print_worst(run: Run, pages: Sequence[Page], worst: int) -> None:
    by_id = {p.page_id: p for p in pages}
    ranked = sorted(run.scores, key=page_f1)[:worst]
    print(f"\nworst {worst} pages, {run.extractor} on {run.corpus}:")
    for score in ranked:
        page = by_id[score.page_id]
        predicted = run.predictions[score.page_id]
        p = f"{score.precision:.2f}" if score.precision is not None else "  - "
        print(f"  {score.page_id[:40]:<40} P={p} R={score.recall:.2f} F1={page_f1(score):.2f}")
        lost = sample_difference(page.reference, predicted)
        extra = sample_difference(predicted.replace("\n\n", "\n"), page.reference)
        if lost:
            print(f"      lost: {lost}")
        if extra:
            print(f"      kept: {extra}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--metadata-misses", action="store_true",
                        help="list every metadata mismatch on the Readability pages")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    if not (args.corpus / "extraction").is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2

    loaded = {"extraction": list(load_extraction(args.corpus)),
              "readability": list(load_readability(args.corpus))}
    extractors: list[tuple[str, Callable[[Page], tuple[str, Article | None]]]] = [("ours", ours)]
    trafilatura = None if args.no_trafilatura else trafilatura_extractor()
    if trafilatura:
        extractors.append(("trafilatura", trafilatura))
    runs = [run for corpus in CORPORA for run in run_extractors(extractors, corpus, loaded[corpus])]
    runs.sort(key=lambda r: [e for e, _ in extractors].index(r.extractor))
    print_table(runs)

    ours_readability = next(r for r in runs if r.extractor == "ours" and r.corpus == "readability")
    accuracy = metadata_accuracy(loaded["readability"], ours_readability)
    print("\nmetadata (ours, readability pages where the field exists):")
    for field_name, (correct, applicable) in accuracy.items():
        share = correct / applicable if applicable else 0.0
        print(f"  {field_name:<7}{correct:>4}/{applicable:<4}{share:7.3f}")
    if args.metadata_misses:
        for line in metadata_misses(loaded["readability"], ours_readability):
            print("  - " + line)

    for run in runs:
        if run.extractor == "ours" and args.worst:
            print_worst(run, loaded[run.corpus], args.worst)

    if args.json:
        result = {
            "runs": [
                {"extractor": r.extractor, "corpus": r.corpus, **asdict(r.total),
                 "pages_per_second": len(r.scores) / r.seconds if r.seconds else 0.0,
                 "errors": r.errors,
                 "pages": {s.page_id: {"precision": s.precision, "recall": s.recall}
                           for s in r.scores}}
                for r in runs
            ],
            "metadata": {k: {"correct": c, "applicable": n} for k, (c, n) in accuracy.items()},
        }
        args.json.write_text(json.dumps(result, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
