"""Editorial benchmark: quotes, figures, tags and summaries against the gold annotations.

    python benchmarks/editorial_eval.py [--set real|own|...] [--misses KIND] [--split]

Prints one row per gold set: the real pages (`tests/gold/real/*.yml`, pages of
../shared/corpus news2023 and wcxb; skipped with a message when the corpus is absent) and our
own articles (`tests/gold/annotations/gold-*.yml`) and the hand-written articles in new shapes
(`tests/gold/shapes`, scored under the real-page rules), plus the older corpus and sample
annotations for reference. `--split` adds the real pages' development and held-out halves
(a quarter held out by the sha1 of the page id). Columns:

  quotes R / P / spk  quote recall / precision / speaker right among the matched; a gold quote
                      is found by an output quote that starts with its `starts` words (quote
                      marks, case and spacing normalised), each output quote matching one gold
                      quote at most
  figs R / P / meas   figure value recall / precision / what-it-measures right (the context
                      holds one of the gold keywords) among the matched
  tags R / P          tag recall / precision (salience rule where the gold has `mentions`)
  facts ours / lead3  summary facts carried by our summary and by the first three sentences
  key fig ours/lead3  summaries carrying the gold's first figure (the one a reader quotes first)
  ms/page             CPU time of the four editorial stages per page (process time, median of
                      three runs)

`--misses quotes|figures|tags|summary` lists every miss of that kind for the chosen set.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import editorial_scoring as es

from digest.editorial.figures import find_figures
from digest.editorial.quotes import find_quotes
from digest.editorial.summary import summarize

KINDS = ("quotes", "figures", "tags", "summary")
# name -> (annotation folder, which files, description)
SETS: dict[str, tuple[Path, Callable[[es.GoldDoc], bool], str]] = {
    "real": (es.REAL, lambda d: True, "real pages (tests/gold/real)"),
    "real-dev": (es.REAL, lambda d: not es.is_holdout(d.source), "  development 3/4"),
    "real-holdout": (es.REAL, lambda d: es.is_holdout(d.source), "  held out 1/4"),
    "own": (es.ANNOTATIONS, lambda d: d.name.startswith("gold-"), "own articles (gold-*)"),
    "shapes": (es.SHAPES, lambda d: True, "own, new shapes (real rules)"),
    "corpus-old": (es.ANNOTATIONS, lambda d: d.name.startswith("corpus-"),
                   "older corpus annotations"),
    "samples": (es.ANNOTATIONS, lambda d: d.name.startswith("sample-"), "sample articles"),
}
DEFAULT_SETS = ("real", "own", "shapes", "corpus-old", "samples")
# Sets whose annotations leave `tags` empty on purpose (tests/gold/shapes/README.md): their tag
# columns read n/a rather than a precision of 0.
TAGS_NOT_ANNOTATED = frozenset({"shapes"})
TIMING_RUNS = 3


def _pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:5.1f}%"


def _cpu_ms_per_page(docs: list[es.GoldDoc]) -> float:
    """Median over a few runs of the CPU time of quotes, figures, tags and summary per page."""
    tagger = es.load_mention_tagger() or es.load_tagger()
    runs = []
    for _ in range(TIMING_RUNS):
        start = time.process_time()
        for d in docs:
            find_quotes(d.paragraphs)
            figures = find_figures(d.paragraphs)
            if tagger is not None:
                tagger(d.title, list(d.paragraphs))
            summarize(d.title, d.paragraphs, figures)
        runs.append((time.process_time() - start) * 1000 / max(1, len(docs)))
    return statistics.median(runs)


def _row(label: str, docs: list[es.GoldDoc],
         tags_annotated: bool = True) -> tuple[str, dict[str, es.Score]]:
    q = es.score_quotes(docs)
    f = es.score_figures(docs)
    tagger = es.load_mention_tagger() or es.load_tagger()
    scored = tagger is not None and tags_annotated
    t = es.score_tags(docs, tagger) if scored else es.Score()
    ours = es.score_summaries(
        docs, lambda d: summarize(d.title, d.paragraphs, find_figures(d.paragraphs)))
    lead = es.score_summaries(docs, lambda d: es.lead_sentences(d.paragraphs))
    key_ours = es.key_figure_carried(
        docs, lambda d: summarize(d.title, d.paragraphs, find_figures(d.paragraphs)))
    key_lead = es.key_figure_carried(docs, lambda d: es.lead_sentences(d.paragraphs))
    measures = f.extra.get("gold_matched_ctx", 0) / f.gold_matched if f.gold_matched else None
    speaker = q.ratio("speaker_ok", "matched")
    line = (f"{label:<30} {len(docs):5d} | {_pct(q.recall)} {_pct(q.precision)} {_pct(speaker)}"
            f" | {_pct(f.recall)} {_pct(f.precision)} {_pct(measures)}"
            f" | {_pct(t.recall)} {_pct(t.precision)}"
            f" | {ours.gold_matched:3d}/{ours.gold:<3d} {lead.gold_matched:3d}/{lead.gold:<3d}"
            f" | {key_ours.gold_matched:2d}/{key_ours.gold:<2d} {key_lead.gold_matched:2d}"
            f"/{key_lead.gold:<2d}"
            f" | {_cpu_ms_per_page(docs):6.2f}")
    return line, {"quotes": q, "figures": f, "tags": t, "summary": ours}


HEADER = (f"{'set':<30} {'pages':>5} | {'quotes R':>6} {'P':>6} {'spk':>6} | "
          f"{'figs R':>6} {'P':>6} {'meas':>6} | {'tags R':>6} {'P':>6} | "
          f"{'facts ours':>7} {'lead3':>7} | "
          f"{'key fig':>5} {'lead3':>5} | ms/page")


@click.command()
@click.option("--set", "sets", type=click.Choice(sorted(SETS)), multiple=True,
              help="Gold set(s) to score; real, own, corpus-old and samples when omitted.")
@click.option("--split", is_flag=True, help="Add the real pages' development and held-out rows.")
@click.option("--misses", type=click.Choice(KINDS), multiple=True,
              help="List every miss of this kind (for the first set chosen).")
def main(sets: tuple[str, ...], split: bool, misses: tuple[str, ...]) -> None:
    """Score the editorial stages against the gold sets, one row per set."""
    chosen = list(sets or DEFAULT_SETS)
    if split and "real" in chosen:
        at = chosen.index("real") + 1
        chosen[at:at] = ["real-dev", "real-holdout"]
    click.echo(HEADER)
    first_scores: dict[str, es.Score] | None = None
    for name in chosen:
        folder, keep, label = SETS[name]
        docs, notes = es.load_gold(annotations=folder)
        docs = [d for d in docs if keep(d)]
        skipped = [n for n in notes if "corpus absent" in n and keep(
            es.GoldDoc(n.split(":", 1)[0].removesuffix(".yml"), "", "", [], {}))]
        if not docs:
            reason = "../shared/corpus absent" if skipped else "no annotations"
            click.echo(f"{label:<30} skipped: {reason}")
            continue
        line, scores = _row(label, docs, tags_annotated=name not in TAGS_NOT_ANNOTATED)
        click.echo(line)
        if skipped:
            click.echo(f"{'':<30} ({len(skipped)} pages skipped: corpus absent)")
        if first_scores is None:
            first_scores = scores
    for kind in misses:
        if first_scores is None:
            break
        click.echo(f"\n{kind} misses ({chosen[0]}):")
        for miss in first_scores[kind].misses:
            click.echo(f"  - {miss}")


if __name__ == "__main__":
    main()
