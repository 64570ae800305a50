"""The sample articles shipped in samples/: extraction against their annotations, and the
committed entries in docs/posts/ against a fresh run of the pipeline (golden files).

Regenerate the golden entries after a reviewed change with `make samples`, then read the diff.

What these tests do not prove: `make samples` rewrites the committed entries from whatever the
pipeline gives, so after regenerating they accept any output, right or wrong. They only catch an
unreviewed change. The rules themselves are pinned by hand-written tests that state them
(tests/test_rules_*.py, test_quotes.py, test_figures.py, test_extraction.py ...), and by the
annotations in tests/gold/annotations, which no command regenerates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.archive.entry import entry_filename, render_entry
from digest.pipeline import extract_article, process, to_entry
from tests.conftest import REPO

ANNOTATIONS = sorted((REPO / "tests" / "gold" / "annotations").glob("sample-*.yml"))
POSTS = REPO / "docs" / "posts"


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


CASES = [pytest.param(_load(p), id=p.stem.removeprefix("sample-")) for p in ANNOTATIONS]


def test_there_are_enough_samples() -> None:
    assert len(ANNOTATIONS) >= 10
    formats = {Path(_load(p)["source"]).suffix for p in ANNOTATIONS}
    assert formats == {".html", ".txt"}
    dates = sorted(_load(p)["published"] for p in ANNOTATIONS)
    assert dates[-1] - dates[0] >= dt.timedelta(weeks=3)


@pytest.mark.parametrize("gold", CASES)
def test_sample_extraction(gold: dict[str, Any]) -> None:
    article = extract_article(REPO / gold["source"])
    assert article.title == gold["title"]
    assert article.author == gold["author"]
    assert article.published == gold["published"]
    assert article.site_name == gold["site_name"]
    assert article.paragraphs[0].startswith(gold["first_words"])
    assert article.paragraphs[-1].rstrip().endswith(gold["last_words"])
    for chrome in gold["must_not_contain"]:
        assert chrome not in article.text, chrome


@pytest.mark.parametrize("gold", CASES)
def test_committed_entry_is_current(gold: dict[str, Any]) -> None:
    entry = to_entry(process(REPO / gold["source"]))
    committed = POSTS / entry_filename(entry)
    assert committed.is_file(), f"{committed} missing: run `make samples`"
    assert committed.read_text(encoding="utf-8") == render_entry(entry), (
        f"{committed.name} differs from a fresh run: review the change, then `make samples`"
    )
