"""`digest add` never writes what `digest check` rejects: it repairs in stated ways (link syntax
reduced to its text, a long title cut at a word boundary, an impossible date replaced by --date)
or refuses with one line and writes nothing, duplicate URLs in the same batch included."""

from __future__ import annotations

import datetime as dt
import fcntl
import html
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.archive.entry import read_entry
from digest.archive.field_checks import TITLE_MAX_CHARS
from digest.archive.validate import check_paths
from digest.cli import main

DIGEST = [sys.executable, "-m", "digest"]
BODY = (
    "<p>The foundry opened its second fabrication plant in the region on Tuesday, adding "
    "capacity for chips made on its 3 nm process, the company said in a statement.</p>"
    "<p>The plant will start volume production next year and employ about 2,000 people, "
    "according to the company, which did not say how much the project cost.</p>"
    "<p>Analysts said the move would ease shortages of advanced chips for phone makers and "
    "for the data center operators that buy accelerators in bulk.</p>"
)


def page(
    title: str,
    *,
    published: str | None = "2025-01-07T09:00:00Z",
    url: str = "https://fabnews.example/2025/01/second-plant",
    raw_title: bool = False,
    body: str = BODY,
) -> str:
    shown = title if raw_title else html.escape(title)
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<!doctype html><html><head><title>{shown}</title>"
        f'<meta property="og:site_name" content="Fab News">{date}'
        f'<link rel="canonical" href="{url}"></head><body><article><h1>{shown}</h1>'
        f"{body}</article></body></html>"
    )


def add(tmp_path: Path, *pages: str, args: tuple[str, ...] = ()) -> tuple[int, str, str, Path]:
    """`digest add` of the pages, run in this process (its messages and files are the subject
    here; test_two_runs_adding_one_url_at_the_same_time below runs real processes): exit
    status, stdout, stderr, the posts folder."""
    files = []
    for i, text in enumerate(pages):
        f = tmp_path / f"article-{i}.html"
        f.write_text(text, encoding="utf-8")
        files.append(str(f))
    docs = tmp_path / "docs"
    run = CliRunner().invoke(
        main, ["add", "--no-cache", "--docs", str(docs), *args, *files], catch_exceptions=False
    )
    return run.exit_code, run.stdout, run.stderr, docs / "posts"


def entries(posts: Path) -> list[Path]:
    return sorted(posts.glob("*.md")) if posts.is_dir() else []


def assert_archive_passes_check(posts: Path) -> None:
    problems = check_paths([posts])
    assert problems == [], [str(p) for p in problems]


def assert_nothing_written(posts: Path) -> None:
    left = sorted(p.name for p in posts.iterdir()) if posts.is_dir() else []
    assert left == [], left


# --- repairs --------------------------------------------------------------------------------------


def test_title_with_link_syntax_is_reduced_to_its_text(tmp_path: Path) -> None:
    code, _out, err, posts = add(tmp_path, page("Foundry opens [second plant](https://x.example/a)"))
    assert code == 0, err
    [entry] = entries(posts)
    text = entry.read_text(encoding="utf-8")
    assert "title: Foundry opens second plant\n" in text
    assert "link syntax reduced to its text" in err
    assert_archive_passes_check(posts)


def test_title_that_is_only_markup_is_refused(tmp_path: Path) -> None:
    code, _out, err, posts = add(
        tmp_path, page("<b><i></i></b>", raw_title=True).replace("<h1><b><i></i></b></h1>", "")
    )
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "no title" in err
    assert_nothing_written(posts)


def test_very_long_title_is_cut_at_a_word_boundary(tmp_path: Path) -> None:
    words = ["Foundry", "opens", "its", "second", "plant", "in", "the", "region", "to", "grow"]
    title = " ".join(words[i % len(words)] for i in range(2000))[:10_000]
    code, _out, err, posts = add(tmp_path, page(title))
    assert code == 0, err
    [entry] = entries(posts)
    written = read_entry(entry).title
    assert len(written) <= TITLE_MAX_CHARS and written.endswith("…")
    assert title.startswith(written[:-1]) and title[len(written) - 1] == " "  # a word boundary
    assert "cut to" in err
    assert_archive_passes_check(posts)


@pytest.mark.parametrize(
    "published",
    [
        pytest.param((dt.date.today() + dt.timedelta(days=40)).isoformat(), id="future"),
        pytest.param("1987-03-02", id="before-1990"),
    ],
)
def test_impossible_date_is_refused_without_date(tmp_path: Path, published: str) -> None:
    code, _out, err, posts = add(tmp_path, page("Foundry opens second plant", published=published))
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "--date" in err
    assert_nothing_written(posts)


@pytest.mark.parametrize(
    "published",
    [
        pytest.param((dt.date.today() + dt.timedelta(days=40)).isoformat(), id="future"),
        pytest.param("1987-03-02", id="before-1990"),
    ],
)
def test_impossible_date_is_replaced_by_date_option(tmp_path: Path, published: str) -> None:
    code, _out, err, posts = add(
        tmp_path, page("Foundry opens second plant", published=published),
        args=("--date", "2025-01-08"),
    )
    assert code == 0, err
    [entry] = entries(posts)
    assert entry.name.startswith("2025-01-08-")
    assert "using --date 2025-01-08" in err
    assert_archive_passes_check(posts)


# --- duplicates in one batch ------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_articles_with_one_url_in_one_batch(tmp_path: Path, jobs: str) -> None:
    first = page("Foundry opens second plant in the region")
    second = page("Chip maker starts building a new factory", published="2025-01-20T08:00:00Z")
    for trial in range(5):  # the bug wrote both in 6 trials of 10
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        code, out, err, posts = add(folder, first, second, args=("-j", jobs))
        assert code == 1, (out, err)
        assert len(entries(posts)) == 1, [p.name for p in entries(posts)]
        assert "already in the archive" in err and len(err.strip().splitlines()) == 1, err
        assert_archive_passes_check(posts)


def test_url_already_in_archive_in_another_form(tmp_path: Path) -> None:
    code, _, err, posts = add(tmp_path, page("Foundry opens second plant in the region"))
    assert code == 0, err
    other = page(
        "Chip maker starts building a new factory", published="2025-01-20T08:00:00Z",
        url="https://www.fabnews.example/2025/01/second-plant/?utm_source=feed",
    )
    code, _, err, posts = add(tmp_path, other)
    assert code == 1 and "already in the archive" in err
    assert len(entries(posts)) == 1


def test_same_story_in_the_same_week_is_refused(tmp_path: Path) -> None:
    code, _, err, posts = add(tmp_path, page("Foundry opens second plant in the region"))
    assert code == 0, err
    again = page(
        "Foundry opens second plant in the region", published="2025-01-08T08:00:00Z",
        url="https://otherwire.example/foundry-second-plant",
    )
    code, _, err, posts = add(tmp_path, again)
    assert code == 1 and "same story" in err, err
    assert len(err.strip().splitlines()) == 1
    assert len(entries(posts)) == 1


# --- the repair rules on their own ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("See [the plan](https://a.example/x) now", "See the plan now", id="inline"),
        pytest.param("![chip](https://t.example/p.png) shot", "chip shot", id="image"),
        pytest.param("[TSMC][1] adds capacity", "TSMC adds capacity", id="reference"),
        pytest.param("[[x](https://a.example)](https://b.example)", "x", id="nested"),
        pytest.param("Plain [bracket] stays", "Plain [bracket] stays", id="plain-brackets"),
    ],
)
def test_strip_link_syntax(value: str, expected: str) -> None:
    from digest.archive.admission import strip_link_syntax

    assert strip_link_syntax(value) == expected


def test_cut_title_keeps_short_titles_and_cuts_at_words() -> None:
    from digest.archive.admission import cut_title

    assert cut_title("Short title") == "Short title"
    cut = cut_title("word " * 100, limit=30)
    assert cut == "word word word word word word…" and len(cut) <= 30
    assert cut_title("x" * 50, limit=20) == "x" * 19 + "…"  # one long word: cut inside it


def _waiting_for_lock(folder: Path) -> int:
    """How many processes wait for an flock on `folder` (Linux's /proc/locks: a waiter's line
    reads `N: -> FLOCK ADVISORY WRITE pid major:minor:inode start end`)."""
    inode = folder.stat().st_ino
    lines = Path("/proc/locks").read_text(encoding="ascii").splitlines()
    return sum(
        1 for line in lines
        if "->" in line.split() and "FLOCK" in line.split()
        and int(line.split()[6].rsplit(":", 1)[1]) == inode
    )


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs /proc/locks to see waiters")
def test_two_runs_adding_one_url_at_the_same_time(tmp_path: Path) -> None:
    """Two `digest add` processes, each with its own article of one URL, reach the archive at
    the same moment: the test holds the posts folder's lock (admission's flock on the folder)
    until both wait for it, then lets them go. The check for the URL and the write happen under
    the lock, so exactly one entry is written; without the lock, or with the check outside it,
    both are (deterministically: neither waits, or both check before either writes)."""
    first = tmp_path / "first.html"
    second = tmp_path / "second.html"
    first.write_text(page("Foundry opens second plant in the region"), encoding="utf-8")
    second.write_text(
        page("Chip maker starts building a new factory", published="2025-01-20T08:00:00Z"),
        encoding="utf-8",
    )
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    held = os.open(posts, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        runs = [
            subprocess.Popen(
                [*DIGEST, "add", "--no-cache", "--docs", str(tmp_path / "docs"), str(article)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for article in (first, second)
        ]
        deadline = time.monotonic() + 120
        while _waiting_for_lock(posts) < 2:
            finished = [run for run in runs if run.poll() is not None]
            assert not finished, (
                "a run finished while the archive's lock was held: "
                f"{[(r.returncode, *r.communicate()) for r in finished]}, {entries(posts)}"
            )
            assert time.monotonic() < deadline, "the runs never waited for the lock"
            time.sleep(0.02)
        assert entries(posts) == []  # nothing written while the lock was held
    finally:
        os.close(held)  # releases the lock: both runs go at once
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert sorted(code for code, _, _ in results) == [0, 1], results
    [(_, _, refused)] = [r for r in results if r[0] == 1]
    assert "already in the archive" in refused and len(refused.strip().splitlines()) == 1, refused
    assert len(entries(posts)) == 1, [p.name for p in entries(posts)]
    assert_archive_passes_check(posts)
