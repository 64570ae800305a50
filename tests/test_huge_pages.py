"""A page of a million elements under the byte limit: the parse is capped at MAX_ELEMENTS, so the
run ends soon in bounded memory (measured in docs/reliability.md; no timing asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digest.ingest import reading
from digest.ingest.reading import MAX_ELEMENTS, cap_elements, read_input

ARTICLE = (
    "<html><head><title>Foundry opens second plant</title></head><body><article>"
    "<h1>Foundry opens second plant</h1>"
    "<p>The foundry opened its second fabrication plant in the region on Tuesday, adding "
    "capacity for chips made on its 3 nm process, the company said in a statement.</p>"
    "<p>The plant will start volume production next year and employ about 2,000 people, "
    "according to the company, which did not say how much the project cost.</p></article>"
)


def test_cap_keeps_small_pages_whole() -> None:
    assert cap_elements(ARTICLE) == ARTICLE


def test_cap_cuts_before_the_first_element_over_the_limit() -> None:
    page = ARTICLE + "<div><p>x</p></div>" * 10
    capped = cap_elements(page, limit=len(reading.START_TAG.findall(ARTICLE)) + 3)  # + 3 elements
    assert capped.startswith(ARTICLE)
    assert capped.count("<div>") + capped.count("<p>x") == 3


def test_million_elements_are_not_all_parsed(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    filler = "<p>x</p>" * 1_000_000  # 8 MB: under the default 10 MB limit
    page.write_text(ARTICLE + filler + "</body></html>", encoding="utf-8")
    raw = read_input(str(page))
    assert raw.text.startswith(ARTICLE)
    assert raw.text.count("<p>") <= MAX_ELEMENTS
    assert len(reading.START_TAG.findall(raw.text)) == MAX_ELEMENTS


def test_million_elements_run_ends_with_the_article(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_text(ARTICLE + "<p>x</p>" * 1_000_000 + "</body></html>", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "digest", "extract", "--no-cache", str(page)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"title": "Foundry opens second plant"' in done.stdout
