"""Entry files: rendering, parsing back, slugs, atomic writes and duplicate refusal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from digest.archive.entry import (
    FALLBACK_SLUG_PREFIX,
    SLUG_MAX_CHARS,
    entry_filename,
    parse_entry_text,
    read_entry,
    render_entry,
    write_entry,
)
from digest.errors import DuplicateEntry, EntryError
from digest.models import Entry, Figure, Quote
from digest.text.normalize import clean_text
from digest.text.slugs import slugify


def make_entry(**changes: object) -> Entry:
    fields: dict[str, object] = {
        "title": "TSMC's November revenue rises 34% on AI demand",
        "date": dt.date(2024, 12, 10),
        "source_name": "Wafer Weekly",
        "url": "https://example.com/tsmc-november",
        "author": "Ana Ruiz",
        "summary": "TSMC reported November revenue up 34% from a year earlier.",
        "tags": ["TSMC"],
        "categories": ["Foundry and process"],
        "quotes": [Quote("Demand is strong", "C.C. Wei", "chief executive")],
        "figures": [Figure("34%", "rise in November revenue from a year earlier")],
    }
    fields.update(changes)
    return Entry(**fields)  # type: ignore[arg-type]


def test_round_trip(tmp_path: Path) -> None:
    entry = make_entry(notes="Curator's note: compare with October.")
    path = write_entry(entry, tmp_path)
    assert path.name == "2024-12-10-tsmc-s-november-revenue-rises-34-on-ai-demand.md"
    back = read_entry(path)
    assert back.slug == "tsmc-s-november-revenue-rises-34-on-ai-demand"
    assert back == dataclasses.replace(entry, slug=back.slug)


def test_render_is_deterministic() -> None:
    assert render_entry(make_entry()) == render_entry(make_entry())


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("---\nfoo: bar", id="yaml-document-marker"),
        pytest.param("key: value # comment", id="yaml-mapping"),
        pytest.param("'quoted' \"double\" & *alias !tag", id="yaml-specials"),
        pytest.param("<script>alert(1)</script>", id="script"),
        pytest.param("Nvidia’s “Blackwell” – 2× faster", id="unicode"),
    ],
)
def test_hostile_strings_survive_yaml(tmp_path: Path, title: str) -> None:
    entry = make_entry(title=title, summary=title)
    data, _ = parse_entry_text(render_entry(entry), "x.md")
    assert data["title"] == title
    assert data["summary"] == title


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        pytest.param("Intel's 18A: first wafers", "intel-s-18a-first-wafers", id="punctuation"),
        pytest.param("Über-schnelle Chips für KI", "uber-schnelle-chips-fur-ki", id="accents"),
        pytest.param("../../etc/passwd", "etc-passwd", id="path-traversal"),
        pytest.param("台積電", "tai-ji-dian", id="no-ascii-transliterated"),
        pytest.param("Sørensen", "sorensen", id="o-slash"),
        pytest.param("--- !!! ---", "entry", id="no-letters"),
        pytest.param("word " * 40, ("word-" * 12)[:-1], id="long-cut-at-word"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title, max_chars=SLUG_MAX_CHARS, fallback=FALLBACK_SLUG_PREFIX) == slug


def test_clean_text_removes_controls_and_bidi() -> None:
    assert clean_text("a\x00b\u202ec\n\n d\u200b") == "abc d"


def test_duplicate_file_refused(tmp_path: Path) -> None:
    write_entry(make_entry(), tmp_path)
    with pytest.raises(DuplicateEntry, match="already exists"):
        write_entry(make_entry(), tmp_path)


def test_duplicate_url_refused(tmp_path: Path) -> None:
    write_entry(make_entry(), tmp_path)
    other = make_entry(title="Different title", url="http://www.example.com/tsmc-november/")
    with pytest.raises(DuplicateEntry, match="already in the archive"):
        write_entry(other, tmp_path)


def test_replace_overwrites(tmp_path: Path) -> None:
    write_entry(make_entry(), tmp_path)
    path = write_entry(make_entry(summary="Updated."), tmp_path, replace=True)
    assert read_entry(path).summary == "Updated."


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        write_entry(make_entry(), tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("no front matter", "no YAML front matter", id="missing"),
        pytest.param("---\ntitle: [unclosed\n---\n", "not valid YAML", id="bad-yaml"),
        pytest.param("---\n- a list\n---\n", "must be a mapping", id="not-mapping"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(EntryError, match=message):
        parse_entry_text(text, "bad.md")


def test_filename_uses_date_and_slug() -> None:
    assert entry_filename(make_entry(title="A B", date=dt.date(2025, 1, 2))) == "2025-01-02-a-b.md"
