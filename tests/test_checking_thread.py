"""digest.site.checking: the build's check runs in a thread of the build process (started
where the build waits for its engine), finds what check_paths finds, and its failure is a
build error naming the check."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from digest.archive.validate import check_paths
from digest.errors import DigestError
from digest.site import checking
from tests.test_validate import _entry_text, _write


def _docs(root: Path) -> Path:
    _write(root, "2024-01-02-a.md", _entry_text(
        "Chip one", "2024-01-02", "First text.", "ftp://bad.example.com/story"))
    _write(root, "2024-06-02-b.md", _entry_text(
        "Another headline", "2024-06-02", "Second text.", "https://news.example.com/other"))
    return root


def test_started_check_runs_in_another_thread_and_finds_what_check_paths_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    ran_in: list[threading.Thread] = []
    release = threading.Event()
    real = checking.problems_of

    def problems_of(*args: object) -> object:
        ran_in.append(threading.current_thread())
        release.wait(10)  # the caller goes on while the check runs
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "problems_of", problems_of)
    cache = tmp_path / "check.json"
    with checking.Checking(docs, None, enabled=True, cache=cache) as checks:
        checks.start()
        checks.start()  # a second start is no second check
        release.set()
        found = checks.checked()
    assert len(ran_in) == 1 and ran_in[0] is not threading.current_thread()
    assert ran_in[0].daemon  # a build that fails or is killed does not wait for it
    assert found == check_paths([docs])
    assert any(p.field == "url" for p in found)
    assert cache.is_file()


def test_a_check_never_started_runs_when_its_problems_are_asked_for(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "docs")
    with checking.Checking(docs, None, enabled=True) as checks:
        assert checks.checked() == check_paths([docs])


def test_a_disabled_check_finds_nothing_and_starts_no_thread(tmp_path: Path) -> None:
    docs = _docs(tmp_path / "docs")
    with checking.Checking(docs, None, enabled=False) as checks:
        checks.start()
        assert checks.thread is None
        assert checks.checked() == []


def test_a_failing_check_is_a_build_error_naming_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise ValueError("the vocabulary cannot be read")

    monkeypatch.setattr(checking, "problems_of", broken)
    with checking.Checking(tmp_path, None, enabled=True) as checks:
        checks.start()
        with pytest.raises(DigestError) as caught:
            checks.checked()
    assert caught.value.source == "digest check"
    assert caught.value.message == "ValueError: the vocabulary cannot be read"
