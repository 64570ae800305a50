"""Editorial benchmark: quotes, figures, tags and summaries against the gold annotations.

    python benchmarks/editorial_eval.py [--kind quotes|figures|tags|summary] [--misses]

Reads every `tests/gold/annotations/*.yml`, loads its article (gold text, sample page or corpus
page; corpus sources are skipped with a note when `../shared/corpus` is absent), runs the stages
and prints recall, precision and, for quotes, speaker accuracy; `--misses` lists every miss.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import editorial_scoring as es

from digest.editorial.figures import find_figures

KINDS = ("quotes", "figures", "tags", "summary")


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}%"


def _print_misses(score: es.Score, show: bool) -> None:
    if not show:
        return
    for miss in score.misses:
        click.echo(f"    - {miss}")


def _report_quotes(docs: list[es.GoldDoc], misses: bool) -> None:
    s = es.score_quotes(docs)
    click.echo(f"quotes   gold {s.gold:4d}  found {s.found:4d}  recall {_pct(s.recall)}  "
               f"precision {_pct(s.precision)}  speaker {_pct(s.ratio('speaker_ok', 'matched'))} "
               f"({s.extra.get('speaker_ok', 0)}/{s.extra.get('matched', 0)})  "
               f"role {_pct(s.ratio('role_ok', 'role_gold'))}")
    _print_misses(s, misses)


def _report_figures(docs: list[es.GoldDoc], misses: bool) -> None:
    s = es.score_figures(docs)
    s.extra["gold_total"], s.extra["found_total"] = s.gold, s.found
    ctx_recall = s.ratio("gold_matched_ctx", "gold_total")
    ctx_precision = s.ratio("found_matched_ctx", "found_total")
    click.echo(f"figures  gold {s.gold:4d}  found {s.found:4d}  value: recall {_pct(s.recall)}  "
               f"precision {_pct(s.precision)}  | value+context: recall {_pct(ctx_recall)}  "
               f"precision {_pct(ctx_precision)}  | not_figures found "
               f"{s.extra.get('not_figures_found', 0)}")
    _print_misses(s, misses)


def _report_tags(docs: list[es.GoldDoc], misses: bool) -> None:
    tagger = es.load_tagger()
    if tagger is None:
        click.echo("tags     tagging not available (digest.editorial.tagging cannot be imported)")
        return
    s = es.score_tags(docs, tagger)
    click.echo(f"tags     gold {s.gold:4d}  found {s.found:4d}  recall {_pct(s.recall)}  "
               f"precision {_pct(s.precision)}")
    _print_misses(s, misses)


def _report_summary(docs: list[es.GoldDoc], misses: bool) -> None:
    summarize = es.load_summarizer()
    baseline = es.score_summaries(docs, lambda d: es.lead_sentences(d.paragraphs))
    if summarize is None:
        click.echo("summary  summarizer not available "
                   "(digest.editorial.summary.summarize cannot be imported)")
    else:
        ours = es.score_summaries(
            docs, lambda d: summarize(d.title, d.paragraphs, find_figures(d.paragraphs))
        )
        _print_summary_line("summary ", ours)
        _print_misses(ours, misses)
    _print_summary_line("lead-3  ", baseline)
    _print_misses(baseline, misses)


def _print_summary_line(label: str, s: es.Score) -> None:
    n = s.extra.get("summaries", 0)
    words = s.extra.get("words", 0) / n if n else 0.0
    click.echo(f"{label} facts {s.gold_matched}/{s.gold} ({_pct(s.recall)})  "
               f"mean words {words:.1f} over {n} articles")


REPORTERS = {"quotes": _report_quotes, "figures": _report_figures, "tags": _report_tags,
             "summary": _report_summary}


@click.command()
@click.option("--kind", type=click.Choice(KINDS), multiple=True,
              help="Kind(s) to score; all when omitted.")
@click.option("--misses", is_flag=True, help="List every miss (file, expected, got).")
def main(kind: tuple[str, ...], misses: bool) -> None:
    """Score the editorial stages against tests/gold/annotations."""
    docs, notes = es.load_gold()
    click.echo(f"{len(docs)} annotated articles loaded from {es.ANNOTATIONS}")
    for note in notes:
        click.echo(f"  note: {note}")
    for name in kind or KINDS:
        REPORTERS[name](docs, misses)


if __name__ == "__main__":
    main()
