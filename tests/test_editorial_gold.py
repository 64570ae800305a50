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
def _load(corpus: bool) -> tuple:
    es = _scoring()
    docs, _notes = es.load_gold(include=lambda source: source.startswith("corpus:") == corpus)
    return tuple(docs)


def _docs(corpus: bool) -> list:
    docs = list(_load(corpus))
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
    pytest.param("figures", "context_recall", 0.90, id="figures-value-context-recall"),
]
# the same on annotated corpus pages (other kinds of news, harder)
CORPUS_FLOORS = [
    pytest.param("quotes", "recall", 0.93, id="quotes-recall"),
    pytest.param("quotes", "speaker", 0.94, id="quotes-speaker"),
    pytest.param("figures", "recall", 0.98, id="figures-recall"),
    pytest.param("figures", "precision", 0.88, id="figures-precision"),
]


def _measure(docs: list, kind: str, measure: str) -> float | None:
    es = _scoring()
    score = es.score_quotes(docs) if kind == "quotes" else es.score_figures(docs)
    if measure == "speaker":
        return score.ratio("speaker_ok", "matched")
    if measure == "context_recall":
        return score.extra.get("gold_matched_ctx", 0) / score.gold if score.gold else None
    return getattr(score, measure)


@pytest.mark.parametrize(("kind", "measure", "floor"), REPO_FLOORS)
def test_repo_gold_floor(kind: str, measure: str, floor: float) -> None:
    value = _measure(_docs(corpus=False), kind, measure)
    assert value is not None and value >= floor, f"{kind} {measure} {value} < {floor}"


@pytest.mark.corpus
@pytest.mark.parametrize(("kind", "measure", "floor"), CORPUS_FLOORS)
def test_corpus_gold_floor(kind: str, measure: str, floor: float) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus absent ({CORPUS})")
    value = _measure(_docs(corpus=True), kind, measure)
    assert value is not None and value >= floor, f"{kind} {measure} {value} < {floor}"


def test_value_normalisation_ignores_qualifiers_and_spacing() -> None:
    es = _scoring()
    assert es.norm_value("up to 50%") == es.norm_value("50 %")
    assert es.norm_value("40 percent") == es.norm_value("40%")
    assert es.norm_value("$35.1 billion") != es.norm_value("$35.1 million")


def test_speaker_normalisation_drops_honorifics_and_punctuation() -> None:
    es = _scoring()
    assert es.norm_name("Mr. James P. Kennedy Jr.") == es.norm_name("James P Kennedy Jr")
    assert es.norm_name("Lisa Su") != es.norm_name("Lisa Chen")
