"""Regression floors on the real evaluation corpus (../shared/corpus), and a few real pages.

Skipped when the corpus is absent (a fresh clone). The floors sit just below what the extractor
scores today on a sample of each corpus; `python benchmarks/extract_eval.py` prints the figures of
every page. Checks on single
pages use names and short interface strings only, never the pages' prose.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from digest.errors import DigestError, ExtractionError
from digest.ingest.extraction import extract_html
from digest.models import Article

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"

# Every SAMPLE_STEP-th page of each corpus (sorted ids) keeps the suite fast; the benchmark
# (benchmarks/extract_eval.py) runs every page. Floors sit just below what the sample scores now.
SAMPLE_STEP = {"extraction": 1, "readability": 1, "news2023": 2, "wcxb": 5, "textscrape": 10}
# Corpus F1 with the README's metric.
F1_FLOORS = {"extraction": 0.976, "readability": 0.974, "news2023": 0.927, "wcxb": 0.948}
# Title / author / date accuracy where the reference has the field. (Readability's reference
# title is Readability.js's: the JSON-LD headline or og:title as written, site name and all;
# ours prefers the visible headline over an SEO one and drops the site's name, see
# digest/ingest/metadata.py, hence its lower title floor.)
METADATA_FLOORS = {
    "readability": {"title": 0.77, "author": 0.88, "date": 0.99},
    "news2023": {"title": 0.84, "author": 0.83, "date": 0.77},
    "wcxb": {"title": 0.78, "author": 0.74, "date": 0.84},
}
# Plain-text scrapes through the CLI's path: mean page F1 (a failure scores 0) and failures
# among pages with a reference of at least 500 characters, on the sample.
SCRAPE_FLOORS = {"mean_f1": 0.82, "max_failed_long": 2}

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS / "extraction").is_dir(),
        reason=f"evaluation corpus absent at {CORPUS} (it ships in ../shared/corpus)",
    ),
]


def _load_scoring() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scoring", REPO / "benchmarks" / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("scoring", module)
    spec.loader.exec_module(module)
    return module


scoring = _load_scoring()


@cache
def corpus_pages(corpus: str) -> tuple[object, ...]:
    return tuple(scoring.load_corpus(CORPUS, corpus)[:: SAMPLE_STEP[corpus]])


@cache
def extracted(corpus: str) -> dict[str, Article | None]:
    results: dict[str, Article | None] = {}
    for page in corpus_pages(corpus):
        try:
            results[page.page_id] = extract_html(page.html, source=page.page_id)
        except ExtractionError:
            results[page.page_id] = None
    return results


def page_article(corpus: str, prefix: str) -> Article:
    matches = [a for pid, a in extracted(corpus).items() if pid.startswith(prefix)]
    assert len(matches) == 1 and matches[0] is not None, prefix
    return matches[0]


@pytest.mark.parametrize("corpus", [pytest.param(c, id=c) for c in F1_FLOORS])
def test_corpus_f1_floor(corpus: str) -> None:
    articles = extracted(corpus)
    scores = [
        scoring.score_page(p.page_id, articles[p.page_id].text if articles[p.page_id] else "",
                           p.reference)
        for p in corpus_pages(corpus)
    ]
    total = scoring.score_corpus(scores)
    assert total.f1 >= F1_FLOORS[corpus], total


@pytest.mark.parametrize("corpus", [pytest.param(c, id=c) for c in F1_FLOORS])
def test_no_failure_on_pages_with_an_article(corpus: str) -> None:
    articles = extracted(corpus)
    failed = [p.page_id for p in corpus_pages(corpus)
              if articles[p.page_id] is None
              and len(p.reference) >= scoring.FAILURE_MIN_REFERENCE_CHARS]
    assert failed == []


@pytest.mark.parametrize(
    ("corpus", "field"),
    [pytest.param(c, f, id=f"{c}-{f}") for c, floors in METADATA_FLOORS.items() for f in floors],
)
def test_metadata_floor(corpus: str, field: str) -> None:
    articles = extracted(corpus)
    correct = applicable = 0
    for page in corpus_pages(corpus):
        article, meta = articles[page.page_id], page.metadata
        if field == "title" and meta.get("title"):
            applicable += 1
            correct += bool(article and scoring.title_matches(meta["title"], article.title))
        elif field == "date" and scoring.expected_date(meta.get("publishedTime")):
            applicable += 1
            got = article.published.isoformat() if article and article.published else None
            correct += got == scoring.expected_date(meta["publishedTime"])
        elif field == "author" and meta.get("byline"):
            applicable += 1
            correct += bool(article and scoring.author_matches(meta["byline"], article.author))
    assert applicable > 0
    assert correct / applicable >= METADATA_FLOORS[corpus][field], (correct, applicable)


def test_scrape_floors() -> None:
    from digest.bulk import digest_many  # the CLI's path, whole pipeline

    pages = corpus_pages("textscrape")
    predictions: dict[str, str] = {}
    titles: dict[str, str | None] = {}
    by_source = {str(p.path): p.page_id for p in pages}
    for source, result in digest_many(list(by_source), jobs=1, cache_dir=None):
        ok = not isinstance(result, DigestError)
        predictions[by_source[source]] = result.article.text if ok else ""
        titles[by_source[source]] = result.article.title if ok else None
    score = scoring.score_scrapes(pages, predictions, titles)
    assert score.mean_f1 >= SCRAPE_FLOORS["mean_f1"], score
    assert score.failed_long <= SCRAPE_FLOORS["max_failed_long"], score


# (corpus, page id prefix, must appear, must not appear): names, figures, interface strings.
REAL_PAGES = [
    pytest.param("extraction", "ef4e67b6", ("Walter Reed",), ("Facebook Messenger",),
                 id="cnn-messenger-box-dropped"),
    pytest.param("extraction", "3f65af7b", ("@diannaeanderson", "Kristi Noem"),
                 ("Subscribe to NJ.com", "Have a tip?"), id="nj-embedded-tweets-kept"),
    pytest.param("extraction", "2f42ef1d", ("WIRED",), ("More Great WIRED Stories",),
                 id="wired-related-list-inside-body",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "a related-stories list inside the body whose items are only partly "
                     "linked reads as prose and survives"))),
    pytest.param("extraction", "2f42ef1d", ("Chime", "Varo"), ("Subscribe to WIRED",),
                 id="wired-body-split-in-two-blocks"),
    pytest.param("readability", "wordpress", ("Stack Overflow", "ReactJS"), ('In "News"',),
                 id="wordpress-related-posts-dropped"),
    pytest.param("readability", "bug-1255978", ("towels",), ("1/50", "Manchester United"),
                 id="independent-gallery-not-chosen"),
    pytest.param("readability", "mercurial", ("hg evolve",), (), id="docs-slug-ids-kept"),
]


@pytest.mark.parametrize(("corpus", "prefix", "present", "absent"), REAL_PAGES)
def test_real_page(
    corpus: str, prefix: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    text = page_article(corpus, prefix).text
    for wanted in present:
        assert wanted in text, wanted
    for unwanted in absent:
        assert unwanted not in text, unwanted


def test_json_ld_metadata_on_real_page() -> None:
    article = page_article("readability", "schema-org-context-object")
    assert article.author == "Stella Kim, Jennifer Jett"
    assert article.published == dt.date(2024, 12, 6)
    assert article.site_name == "NBC News"
