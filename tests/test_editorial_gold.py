"""Floors on the editorial gold set: quotes and figures scored against tests/gold/annotations.

The floors sit just below the numbers measured when they were set (see
`python benchmarks/editorial_eval.py`); raise them when the stages improve. Annotations of
`../shared/corpus` pages are scored in their own test, skipped when the corpus is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def _scoring() -> ModuleType:
    name = "editorial_scoring"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@cache
def _load(which: str) -> tuple:
    """The gold documents of one set: "repo" (our own articles and samples), "corpus" (the older
    annotations of corpus pages), "real" (tests/gold/real) or "shapes" (tests/gold/shapes)."""
    es = _scoring()
    if which in ("real", "shapes"):
        docs, _notes = es.load_gold(annotations=es.REAL if which == "real" else es.SHAPES)
    else:
        docs, _notes = es.load_gold(
            include=lambda source: source.startswith("corpus:") == (which == "corpus"))
    return tuple(docs)


def _docs(which: str) -> list:
    docs = list(_load(which))
    if not docs:
        pytest.skip("no gold annotations loaded")
    return docs


# (kind, measure, floor) for the gold set written for the project (tests/gold + samples)
REPO_FLOORS = [
    pytest.param("quotes", "recall", 0.97, id="quotes-recall"),
    pytest.param("quotes", "precision", 0.98, id="quotes-precision"),
    pytest.param("quotes", "speaker", 0.98, id="quotes-speaker"),
    pytest.param("figures", "recall", 0.98, id="figures-recall"),
    pytest.param("figures", "precision", 0.97, id="figures-precision"),
    pytest.param("figures", "context_recall", 0.92, id="figures-value-context-recall"),
    # tags under the older rule (tags and mentions together against every vocabulary name the
    # annotator listed): measured 0.879 / 0.803; they keep the salience rules of issue 13 from
    # costing our own articles what they gain on real pages
    pytest.param("tags", "recall", 0.87, id="tags-recall"),
    pytest.param("tags", "precision", 0.79, id="tags-precision"),
]
# the same on the older annotations of corpus pages (other kinds of news, harder)
CORPUS_FLOORS = [
    pytest.param("quotes", "recall", 0.93, id="quotes-recall"),
    pytest.param("quotes", "speaker", 0.94, id="quotes-speaker"),
    # 0.986 -> 0.971 with issue 13's repeat rule: a value written again for what the rule reads
    # as the same thing is listed once ("1,000 maintenance workers" twice, "4k" twice)
    pytest.param("figures", "recall", 0.96, id="figures-recall"),
    pytest.param("figures", "precision", 0.94, id="figures-precision"),
]
# the real-page set (tests/gold/real, issue 13): floors just below the measured values (quote
# recall is by the first words at the start of an output quote, one-to-one); tags measured
# 0.938 / 0.909 (issue 13's targets 0.90 / 0.90; one tag is about one point)
REAL_FLOORS = [
    # quotes measured 0.992 / 0.977 / 0.984, figures 0.949 / 0.954 / 0.946 (issue 13, third
    # pass)
    pytest.param("quotes", "recall", 0.98, id="quotes-recall"),
    pytest.param("quotes", "precision", 0.97, id="quotes-precision"),
    pytest.param("quotes", "speaker", 0.97, id="quotes-speaker"),
    pytest.param("figures", "recall", 0.94, id="figures-recall"),
    pytest.param("figures", "precision", 0.95, id="figures-precision"),
    pytest.param("figures", "measures", 0.94, id="figures-measures-right"),
    pytest.param("tags", "recall", 0.93, id="tags-recall"),
    pytest.param("tags", "precision", 0.90, id="tags-precision"),
]

# hand-written articles in shapes the other sets lack (tests/gold/shapes, real-page rules):
# measured quotes 1.00 / 1.00 / 0.980, figures 0.978 / 0.989 / 0.989
SHAPES_FLOORS = [
    pytest.param("quotes", "recall", 0.98, id="quotes-recall"),
    pytest.param("quotes", "precision", 0.98, id="quotes-precision"),
    pytest.param("quotes", "speaker", 0.96, id="quotes-speaker"),
    pytest.param("figures", "recall", 0.96, id="figures-recall"),
    pytest.param("figures", "precision", 0.97, id="figures-precision"),
    pytest.param("figures", "measures", 0.97, id="figures-measures-right"),
]


def _measure(docs: list, kind: str, measure: str) -> float | None:
    es = _scoring()
    if kind == "tags":
        from digest.editorial.tagging import tags_and_mentions

        return getattr(es.score_tags(docs, tags_and_mentions), measure)
    score = es.score_quotes(docs) if kind == "quotes" else es.score_figures(docs)
    if measure == "speaker":
        return score.ratio("speaker_ok", "matched")
    if measure == "context_recall":
        return score.extra.get("gold_matched_ctx", 0) / score.gold if score.gold else None
    if measure == "measures":  # among matched figures, the context holds a gold keyword
        matched = score.gold_matched
        return score.extra.get("gold_matched_ctx", 0) / matched if matched else None
    return getattr(score, measure)


@pytest.mark.parametrize(("kind", "measure", "floor"), SHAPES_FLOORS)
def test_shapes_gold_floor(kind: str, measure: str, floor: float) -> None:
    value = _measure(_docs("shapes"), kind, measure)
    assert value is not None and value >= floor, f"{kind} {measure} {value} < {floor}"


@pytest.mark.parametrize(("kind", "measure", "floor"), REPO_FLOORS)
def test_repo_gold_floor(kind: str, measure: str, floor: float) -> None:
    value = _measure(_docs("repo"), kind, measure)
    assert value is not None and value >= floor, f"{kind} {measure} {value} < {floor}"


@pytest.mark.corpus
@pytest.mark.parametrize(("kind", "measure", "floor"), CORPUS_FLOORS)
def test_corpus_gold_floor(kind: str, measure: str, floor: float) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus absent ({CORPUS})")
    value = _measure(_docs("corpus"), kind, measure)
    assert value is not None and value >= floor, f"{kind} {measure} {value} < {floor}"


@pytest.mark.corpus
@pytest.mark.parametrize(("kind", "measure", "floor"), REAL_FLOORS)
def test_real_gold_floor(kind: str, measure: str, floor: float) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus absent ({CORPUS}): the real-page gold needs its pages")
    value = _measure(_docs("real"), kind, measure)
    assert value is not None and value >= floor, f"{kind} {measure} {value} < {floor}"


@pytest.mark.corpus
def test_real_summary_ties_or_beats_lead_3() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus absent ({CORPUS}): the real-page gold needs its pages")
    es = _scoring()
    from digest.editorial.figures import find_figures
    from digest.editorial.summary import summarize

    docs = _docs("real")
    ours = es.score_summaries(
        docs, lambda d: summarize(d.title, d.paragraphs, find_figures(d.paragraphs)))
    lead = es.score_summaries(docs, lambda d: es.lead_sentences(d.paragraphs))
    assert ours.gold_matched >= lead.gold_matched, (ours.gold_matched, lead.gold_matched)


def test_holdout_rule_is_fixed_and_takes_about_a_quarter() -> None:
    es = _scoring()
    ids = [f"{i:04d}" for i in range(400)]
    held = [i for i in ids if es.is_holdout(f"corpus:wcxb/{i}")]
    assert 0.2 < len(held) / len(ids) < 0.3
    assert es.is_holdout("corpus:wcxb/0001") == es.is_holdout("corpus:news2023/0001")


def test_word_numbers_count_only_under_the_real_page_rule() -> None:
    es = _scoring()
    real = es.GoldDoc("r", "corpus:news2023/abc", "", [], {})
    own = es.GoldDoc("o", "tests/gold/articles/x.txt", "", [], {})
    assert es.counts_word_numbers(real) and not es.counts_word_numbers(own)


def test_value_normalisation_ignores_qualifiers_and_spacing() -> None:
    es = _scoring()
    assert es.norm_value("up to 50%") == es.norm_value("50 %")
    assert es.norm_value("40 percent") == es.norm_value("40%")
    assert es.norm_value("$35.1 billion") != es.norm_value("$35.1 million")


def test_speaker_normalisation_drops_honorifics_and_punctuation() -> None:
    es = _scoring()
    assert es.norm_name("Mr. James P. Kennedy Jr.") == es.norm_name("James P Kennedy Jr")
    assert es.norm_name("Lisa Su") != es.norm_name("Lisa Chen")


def test_real_page_quote_is_found_only_at_the_start_of_an_output_quote_and_once() -> None:
    es = _scoring()
    from digest.models import Quote

    gold = {"quotes": [{"speaker": "Ada Park", "starts": "We will ship it"},
                       {"speaker": "Ada Park", "starts": "The plant opens"}]}
    doc = es.GoldDoc("r", "corpus:news2023/abc", "", ["x"], gold)
    # one output quote holding both gold starts: only the first is found, and only once
    merged = [Quote("“We will ship it in May. The plant opens in June.”", "Ada Park", None)]
    score = es.score_quotes_found(doc, merged)
    assert (score.gold_matched, score.found_matched) == (1, 1)
    # words in the middle of an output quote do not find a gold quote
    late = [Quote("Asked again, we will ship it in May", "Ada Park", None)]
    assert es.score_quotes_found(doc, late).gold_matched == 0
    # quote marks, case and spacing are normalised
    assert es.quote_starts_with(es.norm_text("“we  WILL ship it, soon”"),
                                es.norm_text("We will ship it"))
    assert not es.quote_starts_with(es.norm_text("We will shipment"), es.norm_text("We will ship"))


def test_older_annotations_find_each_quoted_sentence_of_an_output_quote() -> None:
    es = _scoring()
    from digest.models import Quote

    gold = {"quotes": [{"speaker": "Ada Park", "starts": "We will ship it"},
                       {"speaker": "Ada Park", "starts": "The plant opens"}]}
    doc = es.GoldDoc("o", "tests/gold/articles/x.txt", "", ["x"], gold)
    merged = [Quote("We will ship it in May. The plant opens in June.", "Ada Park", None)]
    assert es.score_quotes_found(doc, merged).gold_matched == 2
