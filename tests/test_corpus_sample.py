"""Corpus floors that run everywhere, GitHub Actions included: the 20 pages of
tests/fixtures/corpus_sample (from the dev halves of ../shared/corpus; see its README for the
sources, licences and how the pages were chosen). The full-corpus floors are in
test_extraction_corpus.py and run where ../shared/corpus exists.

The floors sit just below what the extractor scores on the sample today (the benchmark's
shingle F1, tests' figures printed on failure)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from functools import cache
from types import ModuleType

import pytest

from digest.errors import ExtractionError
from digest.ingest.extraction import extract_html
from digest.models import Article
from tests.conftest import REPO

SAMPLE = REPO / "tests" / "fixtures" / "corpus_sample"
CORPORA = ("extraction", "readability", "news2023", "wcxb")
F1_FLOORS = {"all": 0.95, "extraction": 0.985, "readability": 0.94, "news2023": 0.97,
             "wcxb": 0.875}
PAGE_F1_FLOOR = 0.85  # no page of the sample falls below this, except...
WEAK_PAGES = {"wcxb-4858": 0.25}  # ...a page whose article we mostly miss today (its own floor)
SIZE_LIMIT = 2_000_000  # bytes the sample may take in the repository


def _load_scoring() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scoring", REPO / "benchmarks" / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("scoring", module)
    spec.loader.exec_module(module)
    return module


scoring = _load_scoring()


@cache
def truth() -> dict[str, dict[str, str | None]]:
    return json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))


@cache
def extracted() -> dict[str, Article | None]:
    results: dict[str, Article | None] = {}
    for key in sorted(truth()):
        html = gzip.decompress((SAMPLE / "pages" / f"{key}.html.gz").read_bytes()).decode()
        try:
            results[key] = extract_html(html, source=key)
        except ExtractionError:
            results[key] = None
    return results


def _score(key: str) -> object:
    article = extracted()[key]
    return scoring.score_page(key, article.text if article else "", truth()[key]["articleBody"])


def test_sample_is_small_and_complete() -> None:
    files = [p for p in SAMPLE.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= SIZE_LIMIT
    assert {f"{key}.html.gz" for key in truth()} == {p.name for p in (SAMPLE / "pages").iterdir()}
    assert {item["corpus"] for item in truth().values()} == set(CORPORA)
    assert len(truth()) >= 20


@pytest.mark.parametrize("corpus", [pytest.param(c, id=c) for c in F1_FLOORS])
def test_sample_f1_floor(corpus: str) -> None:
    keys = [k for k, item in truth().items() if corpus in ("all", item["corpus"])]
    total = scoring.score_corpus([_score(k) for k in keys])
    assert total.f1 >= F1_FLOORS[corpus], total


def test_no_page_of_the_sample_fails() -> None:
    low = {k: round(scoring.page_f1(_score(k)), 3) for k in truth()}
    assert {k: f for k, f in low.items() if f < WEAK_PAGES.get(k, PAGE_F1_FLOOR)} == {}
