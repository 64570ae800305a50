"""The synthetic archive generator (benchmarks/synth.py): real format, valid, deterministic."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from digest.archive.entry import entry_filename, read_entry, render_entry
from digest.archive.validate import check_paths
from digest.editorial.tagging import categorize
from digest.editorial.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
END = dt.date(2026, 6, 30)


def _load_synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", REPO / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


def _texts(count: int, seed: int) -> list[str]:
    return [render_entry(e) for e in synth.generate_entries(count, seed=seed, end=END)]


@pytest.mark.parametrize(
    ("seed_a", "seed_b", "same"),
    [
        pytest.param(7, 7, True, id="same-seed-same-bytes"),
        pytest.param(7, 8, False, id="other-seed-other-archive"),
    ],
)
def test_deterministic(seed_a: int, seed_b: int, same: bool) -> None:
    assert (_texts(50, seed_a) == _texts(50, seed_b)) is same


def test_entries_look_like_real_ones() -> None:
    vocab = load_vocabulary()
    names = set(vocab.names())
    entries = list(synth.generate_entries(400, seed=1, years=10, end=END))
    assert len(entries) == 400
    assert len({entry_filename(e) for e in entries}) == 400
    assert len({e.url for e in entries}) == 400
    dates = [e.date for e in entries]
    assert dates == sorted(dates)
    assert dates[-1] <= END and dates[0] >= END - dt.timedelta(days=10 * 365)
    assert len({d.year for d in dates}) >= 10, "spread over ten years"
    tag_counts = {len(e.tags) for e in entries}
    assert min(tag_counts) >= 2 and max(tag_counts) <= 8
    assert len({t for e in entries for t in e.tags}) > len(names) // 2, "varied tags"
    for entry in entries:
        assert set(entry.tags) <= names
        assert entry.categories == categorize(entry.tags, vocab)
        assert 30 <= len(entry.summary.split()) <= 90
        assert len(entry.quotes) <= 3 and len(entry.figures) <= 10
        assert all(f.value in f.context for f in entry.figures)
    assert any(e.notes for e in entries) and not all(e.notes for e in entries)


def test_written_archive_reads_back_and_passes_the_gate(tmp_path: Path) -> None:
    # 300 entries in one year: about six a week, denser than ten years of 3,000
    paths = synth.write_archive(tmp_path / "posts", 300, seed=3, years=1)
    assert len(paths) == 300
    entries = list(synth.generate_entries(300, seed=3, years=1))
    assert [read_entry(p) for p in paths[:20]] == entries[:20]
    assert check_paths([tmp_path / "posts"]) == []
