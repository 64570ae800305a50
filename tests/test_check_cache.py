"""The check's per-file cache (digest.archive.check_cache), as `digest build` uses it: a file
whose text, path, day, code and vocabulary did not change is not checked again, its problems
are the same as a fresh check's, and the checks across files still see every file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.archive import validate
from digest.archive.validate import check_paths
from digest.errors import Problem
from tests.test_validate import CLEAN, TODAY, VOCAB, _entry_text, _write


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the per-file check ran on (our own module's function, counted)."""
    calls: list[str] = []
    real = validate._check_entry

    def counting(text: str, path: str, **kwargs: object) -> object:
        calls.append(Path(path).name)
        return real(text, path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "_check_entry", counting)
    return calls


def _check(root: Path, cache: Path, version: str = "v1", today: dt.date = TODAY) -> list[Problem]:
    return check_paths([root], vocabulary=VOCAB, today=today, cache=cache, version=version)


def _archive(root: Path) -> tuple[Path, Path]:
    a = _write(root, "2024-01-02-a.md", _entry_text(
        "Chip one", "2024-01-02", "First text.", "https://news.example.com/story"))
    b = _write(root, "2024-06-02-b.md", _entry_text(
        "Another headline", "2024-06-02", "Second text.", "https://news.example.com/other"))
    return a, b


def test_unchanged_files_are_not_checked_again(tmp_path: Path, counted: list[str]) -> None:
    _archive(tmp_path / "docs")
    cache = tmp_path / "check.json"
    first = _check(tmp_path / "docs", cache)
    assert sorted(counted) == ["2024-01-02-a.md", "2024-06-02-b.md"]
    counted.clear()
    assert _check(tmp_path / "docs", cache) == first
    assert counted == []


def test_a_changed_file_is_checked_again(tmp_path: Path, counted: list[str]) -> None:
    a, _ = _archive(tmp_path / "docs")
    cache = tmp_path / "check.json"
    _check(tmp_path / "docs", cache)
    counted.clear()
    a.write_text(_entry_text("Chip one", "2024-01-02", "First text.", "ftp://bad"),
                 encoding="utf-8")
    problems = _check(tmp_path / "docs", cache)
    assert counted == ["2024-01-02-a.md"]
    assert problems == check_paths([tmp_path / "docs"], vocabulary=VOCAB, today=TODAY)
    assert any(p.path == str(a) and p.field == "url" for p in problems)


def test_duplicates_across_cached_files_are_still_found(tmp_path: Path, counted: list[str]) -> None:
    """Both files come from the cache; the same URL in both is still reported."""
    a, b = _archive(tmp_path / "docs")
    cache = tmp_path / "check.json"
    b.write_text(_entry_text("Another headline", "2024-06-02", "Second text.",
                             "https://news.example.com/story"), encoding="utf-8")
    first = [p for p in _check(tmp_path / "docs", cache) if "same URL" in p.message]
    counted.clear()
    again = [p for p in _check(tmp_path / "docs", cache) if "same URL" in p.message]
    assert counted == []
    assert again == first and {p.path for p in again} == {str(a), str(b)}


@pytest.mark.parametrize(
    "change", [{"version": "v2"}, {"today": TODAY + dt.timedelta(days=1)}], ids=["code", "day"]
)
def test_another_code_version_or_day_checks_everything(
    tmp_path: Path, counted: list[str], change: dict[str, object]
) -> None:
    _archive(tmp_path / "docs")
    cache = tmp_path / "check.json"
    _check(tmp_path / "docs", cache)
    counted.clear()
    _check(tmp_path / "docs", cache, **change)  # type: ignore[arg-type]
    assert len(counted) == 2


def test_an_unreadable_cache_is_an_empty_one(tmp_path: Path, counted: list[str]) -> None:
    _archive(tmp_path / "docs")
    cache = tmp_path / "check.json"
    cache.write_text('{"salt": "x", "files": ', encoding="utf-8")
    fresh = check_paths([tmp_path / "docs"], vocabulary=VOCAB, today=TODAY)
    counted.clear()
    assert _check(tmp_path / "docs", cache) == fresh
    assert len(counted) == 2


def test_cached_problems_equal_fresh_ones_on_the_clean_archive(tmp_path: Path) -> None:
    cache = tmp_path / "check.json"
    fresh = check_paths([CLEAN], vocabulary=VOCAB, today=TODAY)
    assert _check(CLEAN, cache) == fresh
    assert _check(CLEAN, cache) == fresh


def test_the_check_version_covers_the_layers_the_check_imports() -> None:
    """Every digest module the validator loads lies in check_cache.CHECK_LAYERS (so an edit
    to any of them makes a new cache key)."""
    import subprocess
    import sys

    from digest.archive import check_cache

    code = (
        "import sys\n"
        "from digest.archive.validate import check_paths\n"
        f"check_paths([__import__('pathlib').Path({str(CLEAN)!r})])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('digest.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    layers = {layer.removesuffix(".py") for layer in check_cache.CHECK_LAYERS}
    assert out, "the check loads digest modules"
    assert {name.split(".")[1] for name in out} <= layers, out


def test_the_build_s_check_reports_what_check_paths_finds(tmp_path: Path) -> None:
    """digest.site.checking runs the check beside the build (in a thread of it, while the engine
    runs): its problems are check_paths' own, and its cache is written."""
    from digest.site.checking import Checking

    a, _ = _archive(tmp_path / "docs")
    a.write_text(_entry_text("Chip one", "2024-01-02", "First text.", "ftp://bad"), "utf-8")
    cache = tmp_path / "check.json"
    with Checking(tmp_path / "docs", None, enabled=True, cache=cache) as checked:
        found = checked()
    assert found == check_paths([tmp_path / "docs"])
    assert any(p.path == str(a) and p.field == "url" for p in found)
    assert cache.is_file()
    with Checking(tmp_path / "docs", None, enabled=False) as checked:
        assert checked() == []
