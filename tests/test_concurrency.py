"""Nothing lost or half-written: concurrent `digest add` runs, and a run interrupted with Ctrl-C."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from digest.archive.entry import read_entry
from tests.conftest import REPO

ARTICLE = REPO / "tests" / "fixtures" / "articles" / "meta-mtia-v2.html"
SAMPLES = sorted((REPO / "samples").glob("*.html")) + sorted((REPO / "samples").glob("*.txt"))
DIGEST = [sys.executable, "-m", "digest"]


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*DIGEST, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _assert_clean_archive(posts: Path) -> list[Path]:
    files = sorted(posts.iterdir()) if posts.exists() else []
    assert not [f for f in files if f.name.startswith(".") or f.suffix == ".tmp"], files
    for f in files:
        read_entry(f)  # every entry parses completely
    return files


def test_same_article_added_concurrently(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    runs = [_start("add", "--docs", str(docs), str(ARTICLE)) for _ in range(4)]
    results = [(*run.communicate(timeout=120), run.returncode) for run in runs]
    results = [(code, out, err) for out, err, code in results]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1, 1, 1], results
    assert all("already" in err for code, _, err in results if code == 1)
    assert len(_assert_clean_archive(docs / "posts")) == 1


def test_different_articles_added_concurrently(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    halves = [SAMPLES[::2], SAMPLES[1::2]]
    runs = [_start("add", "--docs", str(docs), *map(str, half)) for half in halves]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    assert len(_assert_clean_archive(docs / "posts")) == len(SAMPLES)


def test_interrupted_run_leaves_archive_consistent(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs" / "posts", docs / "posts")
    before = {p.name: p.read_bytes() for p in (docs / "posts").iterdir()}
    articles = [str(ARTICLE)] + [str(s) for s in SAMPLES] * 3  # long enough to interrupt
    run = _start("add", "--docs", str(docs), *articles)
    time.sleep(1.5)
    run.send_signal(signal.SIGINT)
    run.communicate(timeout=120)
    assert run.returncode != 0
    after = _assert_clean_archive(docs / "posts")
    # Entries already there are untouched; what the run added before the interrupt is whole.
    assert {p.name: p.read_bytes() for p in after if p.name in before} == before
