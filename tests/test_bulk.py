"""Bulk ingest (digest.bulk): order, per-input errors, the content-hash cache, worker processes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest import bulk
from digest.errors import DigestError, InputError
from digest.pipeline import Digested

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (REPO / "samples").iterdir() if p.suffix in (".html", ".txt"))


def _as_data(results: list[tuple[str, bulk.Result]]) -> list[object]:
    return [
        (s, bulk.to_json(r) if isinstance(r, Digested) else (type(r).__name__, r.message))
        for s, r in results
    ]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every source the pipeline is run on (in this process: use jobs=1)."""
    calls: list[str] = []
    real = bulk.process

    def counting(source: str, options: object = None) -> Digested:
        calls.append(source)
        return real(source, options)

    monkeypatch.setattr(bulk, "process", counting)
    return calls


def test_samples_present() -> None:
    assert len(SAMPLES) >= 6, "the samples folder holds the project's own example articles"


@pytest.mark.parametrize("jobs", [pytest.param(1, id="inline"), pytest.param(2, id="two-workers")])
def test_results_come_in_input_order(jobs: int) -> None:
    sources = [str(p) for p in reversed(SAMPLES)]
    results = list(bulk.digest_many(sources, jobs=jobs, cache_dir=None))
    assert [s for s, _ in results] == sources
    for source, result in results:
        assert isinstance(result, Digested), result
        assert result.article.source == source


def test_errors_stay_with_their_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "image.html"
    binary.write_bytes(bytes(range(256)) * 64)
    sources = [str(SAMPLES[0]), str(tmp_path / "missing.html"), str(empty), str(SAMPLES[1]),
               str(binary), str(SAMPLES[2])]
    results = dict(bulk.digest_many(sources, jobs=2, cache_dir=None))
    assert [isinstance(results[s], Digested) for s in sources] == [
        True, False, False, True, False, True
    ]
    for bad in sources[1], sources[2], sources[4]:
        assert isinstance(results[bad], InputError)
        assert results[bad].source == bad


def test_inline_and_two_workers_give_identical_output() -> None:
    sources = [str(p) for p in SAMPLES]
    one = _as_data(list(bulk.digest_many(sources, jobs=1, cache_dir=None)))
    two = _as_data(list(bulk.digest_many(sources, jobs=2, cache_dir=None)))
    assert one == two


def test_cache_hit_skips_extraction(tmp_path: Path, counted: list[str]) -> None:
    sources = [str(p) for p in SAMPLES[:4]]
    first = _as_data(list(bulk.digest_many(sources, jobs=1, cache_dir=tmp_path)))
    assert counted == sources
    counted.clear()
    second = _as_data(list(bulk.digest_many(sources, jobs=1, cache_dir=tmp_path)))
    assert counted == []
    assert second == first


def test_cache_follows_content_not_path(tmp_path: Path, counted: list[str]) -> None:
    original = tmp_path / "a.html"
    original.write_bytes(SAMPLES[0].read_bytes())
    list(bulk.digest_many([str(original)], jobs=1, cache_dir=tmp_path / "cache"))
    copy = tmp_path / "b.html"
    copy.write_bytes(original.read_bytes())
    [(_, result)] = bulk.digest_many([str(copy)], jobs=1, cache_dir=tmp_path / "cache")
    assert counted == [str(original)]
    assert isinstance(result, Digested) and result.article.source == str(copy)
    original.write_bytes(original.read_bytes().replace(b"</body>", b"<p>Changed.</p></body>"))
    list(bulk.digest_many([str(original)], jobs=1, cache_dir=tmp_path / "cache"))
    assert counted == [str(original), str(original)]


def test_cache_invalidated_by_a_new_version_key(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = [str(SAMPLES[0])]
    list(bulk.digest_many(sources, jobs=1, cache_dir=tmp_path))
    list(bulk.digest_many(sources, jobs=1, cache_dir=tmp_path))
    assert counted == sources
    monkeypatch.setattr(bulk, "version_key", lambda: "0.0.0-vocabulary-changed")
    list(bulk.digest_many(sources, jobs=1, cache_dir=tmp_path))
    assert counted == sources * 2


def test_version_key_names_the_package_version() -> None:
    from digest import __version__

    assert bulk.version_key().startswith(f"{__version__}-")


def test_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    list(bulk.digest_many([str(SAMPLES[0])], jobs=1, cache_dir=None))
    assert list(tmp_path.iterdir()) == []


def test_corrupt_cache_file_is_digested_again(tmp_path: Path, counted: list[str]) -> None:
    sources = [str(SAMPLES[0])]
    list(bulk.digest_many(sources, jobs=1, cache_dir=tmp_path))
    [cached] = tmp_path.rglob("*.json")
    cached.write_text("{not json", encoding="utf-8")
    [(_, result)] = bulk.digest_many(sources, jobs=1, cache_dir=tmp_path)
    assert isinstance(result, Digested)
    assert counted == sources * 2


def test_progress_counts_every_input(tmp_path: Path) -> None:
    ticks: list[int] = []
    sources = [str(p) for p in SAMPLES[:3]] + [str(tmp_path / "missing.txt")]
    list(bulk.digest_many(sources, jobs=2, cache_dir=None, progress=ticks.append))
    assert ticks == [1] * len(sources)


def test_a_stage_bug_is_an_error_for_that_input(monkeypatch: pytest.MonkeyPatch) -> None:
    real = bulk.process

    def buggy(source: str, options: object = None) -> Digested:
        if source == str(SAMPLES[1]):
            raise IndexError("list index out of range")
        return real(source, options)

    monkeypatch.setattr(bulk, "process", buggy)
    results = list(bulk.digest_many([str(p) for p in SAMPLES[:3]], jobs=1, cache_dir=None))
    assert [isinstance(r, Digested) for _, r in results] == [True, False, True]
    error = results[1][1]
    assert isinstance(error, DigestError)
    assert "IndexError" in error.message


@pytest.mark.skipif(os.name != "posix", reason="relies on fork() carrying the patch to workers")
def test_a_dying_worker_costs_only_its_input(monkeypatch: pytest.MonkeyPatch) -> None:
    real = bulk.process
    fatal = str(SAMPLES[2])

    def dies(source: str, options: object = None) -> Digested:
        if source == fatal:
            os._exit(3)  # what a segfault in a C extension or the OOM killer looks like
        return real(source, options)

    monkeypatch.setattr(bulk, "process", dies)
    sources = [str(p) for p in SAMPLES]
    results = list(bulk.digest_many(sources, jobs=2, cache_dir=None))
    assert [s for s, _ in results] == sources
    for source, result in results:
        if source == fatal:
            assert isinstance(result, DigestError) and "worker process died" in result.message
        else:
            assert isinstance(result, Digested), (source, result)
