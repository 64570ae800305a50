"""Titles without ASCII letters: a readable transliterated slug, so that a second such article on
the same day is not refused as a duplicate of the first."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from digest.archive.entry import entry_filename
from digest.archive.validate import check_paths
from digest.models import Entry
from digest.text.slugs import slugify
from tests.test_add_validation import page

DIGEST = [sys.executable, "-m", "digest"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        pytest.param("台積電が熊本に新工場", "tai-ji-dian-ga-xiong-ben-ni-xin-gong-chang",
                     id="japanese"),
        pytest.param("三星电子扩建平泽工厂", "san-xing-dian-zi-kuo-jian-ping-ze-gong-chang",
                     id="chinese"),
        pytest.param("삼성전자 평택 공장", "sam-seong-jeon-ja-pyeong-taeg-gong-jang", id="korean"),
        pytest.param("Микрон строит завод", "mikron-stroit-zavod", id="cyrillic"),
        pytest.param("Straße nach Łódź", "strasse-nach-lodz", id="latin-letters-nfkd-drops"),
    ],
)
def test_transliterated_slug(title: str, slug: str) -> None:
    assert slugify(title) == slug


def _entry(title: str) -> Entry:
    return Entry(title=title, date=dt.date(2025, 1, 7), source_name="Wire", url=None,
                 author=None, summary="A summary.")


def test_title_without_any_word_gets_a_hashed_slug() -> None:
    first, second = _entry("!!! ??? !!!"), _entry("--- ... ---")
    assert entry_filename(first) != entry_filename(second)
    assert entry_filename(first).startswith("2025-01-07-entry-")


def test_two_non_latin_articles_of_one_day_are_both_added(tmp_path: Path) -> None:
    files = []
    bodies = [  # English text under Japanese headlines: the extractor needs words it can count
        "<p>The foundry said on Monday that it would build a second plant in Kumamoto, with "
        "production planned to start in 2027 on a 6 nm process.</p><p>The new plant is meant "
        "for car makers, which have asked for more supply of mature chips since 2021.</p>",
        "<p>The memory maker plans a new production line at its Pyeongtaek campus, the company "
        "told investors in a filing on Tuesday.</p><p>The line will make the newest DRAM for "
        "servers, and equipment orders have already gone out to suppliers.</p>",
    ]
    for i, (title, url) in enumerate([
        ("台積電が熊本に第二工場を建設", "https://jp.example/tsmc-kumamoto"),
        ("サムスンが平沢に新ラインを計画", "https://jp.example/samsung-pyeongtaek"),
    ]):
        path = tmp_path / f"a{i}.html"
        path.write_text(page(title, url=url, body=bodies[i]), encoding="utf-8")
        files.append(str(path))
    docs = tmp_path / "docs"
    done = subprocess.run(
        [*DIGEST, "add", "--no-cache", "--docs", str(docs), *files],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (docs / "posts").glob("*.md"))
    assert len(names) == 2 and not any(n.endswith("-entry.md") for n in names), names
    assert check_paths([docs / "posts"]) == []
