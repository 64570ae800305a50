"""Faults injected into `digest add`, `extract`, `check` and batches: special files, folders that
cannot be written, a `kill -9` in the middle of a batch, leftovers of killed runs. Every fault
gives one line naming the file, and nothing is lost, half written or left running. A FIFO and
the kill run `python -m digest` as a process of its own; the other faults run the command in
this process (CliRunner)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from tests.loopback import drip, raw_server
from tests.test_add_validation import page

DIGEST = [sys.executable, "-m", "digest"]
RUN_TIMEOUT = 60  # seconds: a hang on a FIFO shows up as this timeout


def run(*args: str, timeout: float = RUN_TIMEOUT, umask: int | None = None) -> tuple[int, str, str]:
    """`digest ARGS` as a process of its own: a hang (a FIFO read) ends at `timeout`."""
    try:
        done = subprocess.run(
            [*DIGEST, *args], capture_output=True, text=True, timeout=timeout,
            preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"digest {' '.join(args)} hung for {timeout} s")
    return done.returncode, done.stdout, done.stderr


def invoke(*args: str, umask: int | None = None) -> tuple[int, str, str]:
    """`digest ARGS` in this process (CliRunner), for faults whose subject is the messages and
    the files rather than the process; an exception the boundary lets through fails the test."""
    before = os.umask(umask) if umask is not None else None
    try:
        done = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        if before is not None:
            os.umask(before)
    return done.exit_code, done.stdout, done.stderr


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def listing(folder: Path) -> list[str]:
    """Every file and folder under `folder`, hidden ones included."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.html"
    path.write_text(page("Foundry opens second plant in the region"), encoding="utf-8")
    return path


# --- special files ------------------------------------------------------------------------------


def make_special(kind: str, path: Path) -> Path:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        # bound by its name from inside its folder: a socket's address holds at most 107 bytes,
        # less than a deep temporary path (pytest-xdist's workers add a level)
        sock = socket.socket(socket.AF_UNIX)
        here = os.getcwd()
        os.chdir(path.parent)
        try:
            sock.bind(path.name)
        finally:
            os.chdir(here)
        sock.close()  # the socket file stays
    else:  # a character device: /dev/zero never ends
        path = Path("/dev/zero")
    return path


KINDS = [
    pytest.param("fifo", "FIFO", id="fifo"),
    pytest.param("socket", "socket", id="socket"),
    pytest.param("device", "character device", id="device"),
]


def run_on(kind: str, *args: str) -> tuple[int, str, str]:
    """A FIFO in a process of its own (opened for reading, it would block until a writer comes:
    the run's timeout shows such a hang); the other special files in this process."""
    return run(*args) if kind == "fifo" else invoke(*args)


@pytest.mark.parametrize(("kind", "word"), KINDS)
@pytest.mark.parametrize("command", ["add", "extract"])
def test_special_file_is_refused_by_add_and_extract(
    tmp_path: Path, kind: str, word: str, command: str
) -> None:
    special = make_special(kind, tmp_path / "article.html")
    docs = tmp_path / "docs"
    args = ["--docs", str(docs)] if command == "add" else []
    code, _, err = run_on(kind, command, "--no-cache", *args, str(special))
    assert code == 1
    assert word in one_line(err) and str(special) in err
    assert listing(docs) == []


@pytest.mark.parametrize(("kind", "word"), KINDS)
def test_special_file_in_a_batch_is_refused_and_the_rest_added(
    tmp_path: Path, article: Path, kind: str, word: str
) -> None:
    special = make_special(kind, tmp_path / "special.html")
    docs = tmp_path / "docs"
    code, out, err = run_on(kind, "add", "-j", "2", "--docs", str(docs), str(special), str(article))
    assert code == 1
    assert word in one_line(err)
    assert out.startswith("added ")
    assert len(list((docs / "posts").glob("*.md"))) == 1


@pytest.mark.parametrize("kind", ["fifo", "socket"])
def test_check_refuses_special_files_in_a_folder(tmp_path: Path, kind: str) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    make_special(kind, posts / "2025-01-07-not-an-entry.md")
    code, _, err = run_on(kind, "check", str(tmp_path / "docs"))
    assert code == 1
    assert "not an entry file" in err and "2025-01-07-not-an-entry.md" in err


# --- folders that cannot be written -----------------------------------------------------------


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` made unwritable, for root too (root ignores permission bits: the immutable
    attribute stops it)."""
    folder.chmod(0o555)
    immutable = os.geteuid() == 0
    if immutable:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a folder read-only")
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not supported here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_read_only_posts_folder(tmp_path: Path, article: Path) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    snapshots = tmp_path / "sources"
    with read_only(posts):
        code, out, err = invoke(
            "add", "--no-cache", "--docs", str(tmp_path / "docs"), "--snapshot", str(snapshots),
            str(article),
        )
    assert code == 1 and out == ""
    assert "cannot write" in one_line(err) and str(posts) in err
    assert listing(posts) == [] and listing(snapshots) == []


def test_posts_is_a_file(tmp_path: Path, article: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "posts").write_text("not a folder", encoding="utf-8")
    code, out, err = invoke("add", "--no-cache", "--docs", str(docs), str(article))
    assert code == 1 and out == ""
    assert "is a file, not a folder" in one_line(err)
    assert (docs / "posts").read_text(encoding="utf-8") == "not a folder"


def test_read_only_snapshot_folder_writes_no_entry(tmp_path: Path, article: Path) -> None:
    docs = tmp_path / "docs"
    snapshots = tmp_path / "sources"
    snapshots.mkdir()
    with read_only(snapshots):
        code, out, err = invoke(
            "add", "--no-cache", "--docs", str(docs), "--snapshot", str(snapshots), str(article)
        )
    assert code == 1 and out == ""
    assert "snapshot" in one_line(err)
    assert listing(docs / "posts") == [] and listing(snapshots) == []


def test_snapshot_and_entry_are_written_together(tmp_path: Path, article: Path) -> None:
    docs = tmp_path / "docs"
    snapshots = tmp_path / "sources"
    code, _out, err = invoke(
        "add", "--no-cache", "--docs", str(docs), "--snapshot", str(snapshots), str(article)
    )
    assert code == 0, err
    [entry] = (docs / "posts").glob("*.md")
    assert listing(snapshots) == [f"{entry.stem}.txt"]


# --- modes and leftovers ----------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_entries_get_the_umask_mode(tmp_path: Path, article: Path, umask: int, mode: int) -> None:
    docs = tmp_path / "docs"
    snapshots = tmp_path / "sources"
    code, _, err = invoke(
        "add", "--no-cache", "--docs", str(docs), "--snapshot", str(snapshots), str(article),
        umask=umask,
    )
    assert code == 0, err
    [entry] = (docs / "posts").glob("*.md")
    [snapshot] = snapshots.glob("*.txt")
    assert stat.S_IMODE(entry.stat().st_mode) == mode
    assert stat.S_IMODE(snapshot.stat().st_mode) == mode


def test_stale_temporary_files_are_removed_by_the_next_run(tmp_path: Path, article: Path) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    stale = [posts / ".2025-01-06-older-story.md.k2j4h5g6.tmp", posts / ".x.md.abcd_123.tmp"]
    for path in stale:
        path.write_text("---\ntitle: half", encoding="utf-8")
    keep = posts / ".notes-by-hand.txt"  # not ours: left alone
    keep.write_text("mine", encoding="utf-8")
    code, _, err = invoke("add", "--no-cache", "--docs", str(tmp_path / "docs"), str(article))
    assert code == 0, err
    assert not any(p.exists() for p in stale)
    assert keep.exists()


# --- kill -9 of a batch -----------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its entry is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find workers")
def test_kill_9_of_a_batch_leaves_no_worker(tmp_path: Path) -> None:
    # Every input is a URL that answers a byte every half second for a minute: the workers are
    # busy long after the kill, so any worker still running a few seconds later is an orphan.
    slow = drip(b"", b"HTTP/1.1 200 OK\r\n" + b"X" * 120, every=0.5)
    with raw_server(slow) as (port, requests):
        urls = [f"http://127.0.0.1:{port}/story-{i}" for i in range(8)]  # two chunks of four
        batch = subprocess.Popen(
            [*DIGEST, "add", "-j", "2", "--no-cache", "--allow-private", "--timeout", "120",
             "--docs", str(tmp_path / "docs"), *urls],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            workers: list[int] = []
            # until both workers are inside their fetches: the server has both requests
            while time.monotonic() < deadline and (len(workers) < 2 or len(requests) < 2):
                time.sleep(0.02)
                workers = _children(batch.pid)
            assert len(workers) >= 2, "the batch did not start its workers"
            assert len(requests) >= 2, "the workers never fetched"
            batch.send_signal(signal.SIGKILL)
            batch.wait()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and any(_running(w) for w in workers):
                time.sleep(0.02)
            alive = [w for w in workers if _running(w)]
        finally:
            for worker in _children(batch.pid) + _orphans(workers):
                os.kill(worker, signal.SIGKILL)
    assert alive == [], f"workers {alive} outlived the killed batch"
    assert listing(tmp_path / "docs") == []


def _orphans(pids: list[int]) -> list[int]:
    return [p for p in pids if _running(p)]
