"""Regression floors for plain-text scrapes on the real corpus (../shared/corpus/textscrape).

Skipped when the corpus is absent (a fresh clone). Every SAMPLE_STEP-th scrape (sorted ids) goes
through `digest.pipeline.extract_article`, the path `digest extract` takes; the floors sit just
below what that sample scores today. The figures follow the corpus README: mean page F1 of the
shingle metric with a failed page scoring 0, failures among pages with at least 500 reference
characters, the title right (token F1 >= 0.8) where the reference title is findable in the
scrape; author and date where the scrape states them.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from digest.errors import DigestError
from digest.pipeline import extract_article
from digest.text.dates import parse_date

REPO = Path(__file__).resolve().parents[1]
SCRAPES = REPO.parent / "shared" / "corpus" / "textscrape"

SAMPLE_STEP = 5
# Per corpus prefix (and over the whole sample): mean page F1, findable-title, author and date
# accuracy where stated. None: the corpus has no such reference.
FLOORS = {
    "extraction": {"f1": 0.92, "title": None, "author": None, "date": None},
    "readability": {"f1": 0.86, "title": 0.71, "author": 0.5, "date": None},  # few pages
    "news2023": {"f1": 0.86, "title": 0.95, "author": 0.82, "date": 0.93},
    "wcxb": {"f1": 0.86, "title": 0.83, "author": 0.63, "date": 0.93},
    "all": {"f1": 0.87, "title": 0.86, "author": 0.69, "date": 0.93},
}
WORD = re.compile(r"\w+")
MATCH_F1 = 0.8  # the README's token F1 for a title (used for authors too)
MIN_ARTICLE_WORDS = 8  # a scrape without a single line this long holds no article

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (SCRAPES / "truth.json").is_file(),
        reason=f"text scrapes absent at {SCRAPES} (they ship in ../shared/corpus/textscrape)",
    ),
]


def _load_scoring() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scoring", REPO / "benchmarks" / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("scoring", module)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True, slots=True)
class Result:
    page_id: str
    f1: float
    failed_long: bool
    scrape_has_text: bool
    title: bool | None  # None: not applicable
    author: bool | None
    date: bool | None


@cache
def results() -> tuple[Result, ...]:
    scoring = _load_scoring()
    pages = list(scoring.load_textscrape(SCRAPES.parent))[::SAMPLE_STEP]
    out = []
    for page in pages:
        try:
            article = extract_article(page.path)
            text = article.text
        except DigestError:
            article, text = None, ""
        score = scoring.score_page(page.page_id, text, page.reference)
        f1 = scoring.page_f1(score) if text.strip() else 0.0
        meta = page.metadata
        title = meta.get("title")
        title_ok = None
        if isinstance(title, str) and scoring.title_findable(title, page.html):
            title_ok = bool(article) and scoring.token_f1(article.title, title) >= MATCH_F1
        author_ok = None
        byline = meta.get("byline")
        if isinstance(byline, str) and _stated(byline, page.html):
            ours = article.author if article else None
            author_ok = scoring.token_f1(_name(ours), _name(byline)) >= MATCH_F1
        date_ok = None
        expected = parse_date(str(meta.get("publishedTime") or "")[:10])
        if expected and any(parse_date(line) == expected for line in page.html.splitlines()):
            date_ok = bool(article) and article.published == expected
        long_words = max((len(line.split()) for line in page.html.splitlines()), default=0)
        out.append(
            Result(
                page.page_id,
                f1,
                not text.strip() and len(page.reference) >= scoring.FAILURE_MIN_REFERENCE_CHARS,
                long_words >= MIN_ARTICLE_WORDS,
                title_ok,
                author_ok,
                date_ok,
            )
        )
    return tuple(out)


def _name(text: str | None) -> str:
    return re.sub(r"^\s*by\s+", "", text or "", flags=re.I)


def _stated(byline: str, scrape: str) -> bool:
    """The scrape holds the byline's words in order (so an extractor could find it)."""
    words = " ".join(WORD.findall(_name(byline).casefold()))
    return bool(words) and f" {words} " in f" {' '.join(WORD.findall(scrape.casefold()))} "


def _group(corpus: str) -> list[Result]:
    return [r for r in results() if corpus == "all" or r.page_id.startswith(corpus + "-")]


@pytest.mark.parametrize("corpus", list(FLOORS))
def test_mean_page_f1_floor(corpus: str) -> None:
    group = _group(corpus)
    assert group
    mean = sum(r.f1 for r in group) / len(group)
    assert mean >= FLOORS[corpus]["f1"], f"{corpus}: mean page F1 {mean:.3f}"


@pytest.mark.parametrize(
    ("corpus", "field"),
    [
        pytest.param(c, f, id=f"{c}-{f}")
        for c, floors in FLOORS.items()
        for f in ("title", "author", "date")
        if floors[f] is not None
    ],
)
def test_metadata_floor(corpus: str, field: str) -> None:
    values = [getattr(r, field) for r in _group(corpus) if getattr(r, field) is not None]
    assert values
    share = sum(values) / len(values)
    assert share >= FLOORS[corpus][field], f"{corpus} {field}: {share:.3f} of {len(values)}"


def test_no_failure_on_scrapes_that_hold_an_article() -> None:
    """A page fails only when its scrape holds no article text at all (an empty file, or nothing
    but menus and labels)."""
    failed = [r.page_id for r in results() if r.failed_long and r.scrape_has_text]
    assert failed == []


