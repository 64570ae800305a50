"""Nothing lost or half-written: concurrent `digest add` runs, and a run interrupted with Ctrl-C."""

from __future__ import annotations

import datetime as dt
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
SCRAPE = REPO / "samples" / "2024-11-26-intel-chips-act-award.txt"
SCRAPE_DATE = "November 26, 2024"
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


def _distinct_articles(folder: Path, count: int) -> list[str]:
    """`count` scrapes of one sample, each dated two weeks after the one before: every one is a
    new entry (no file name, URL or same-week story in common), so a run over them refuses
    nothing and only an interrupt can stop it early."""
    text = SCRAPE.read_text(encoding="utf-8")
    assert SCRAPE_DATE in text
    folder.mkdir()
    paths = []
    for i in range(count):
        day = dt.date(2010, 1, 4) + dt.timedelta(weeks=2 * i)
        path = folder / f"article-{i:03d}.txt"
        path.write_text(text.replace(SCRAPE_DATE, f"{day:%B} {day.day}, {day.year}"),
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def test_interrupted_run_leaves_archive_consistent(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs" / "posts", docs / "posts")
    before = {p.name: p.read_bytes() for p in (docs / "posts").iterdir()}
    articles = _distinct_articles(tmp_path / "in", 200)
    run = _start("add", "--docs", str(docs), "--jobs", "1", "--no-cache", *articles)
    deadline = time.monotonic() + 120
    # Interrupt once the run has written its first entry, and while it is still running.
    while not [p for p in (docs / "posts").glob("[!.]*.md") if p.name not in before]:
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "the run wrote no entry in 120 s"
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be interrupted"
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode != 0, "the interrupted run reported success"
    assert "already" not in err  # a refusal would also make the status non-zero
    after = _assert_clean_archive(docs / "posts")
    added = [p for p in after if p.name not in before]
    assert 1 <= len(added) < len(articles)  # stopped part-way, with whole entries
    # Entries already there are untouched; what the run added before the interrupt is whole.
    assert {p.name: p.read_bytes() for p in after if p.name in before} == before
