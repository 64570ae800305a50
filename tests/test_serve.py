"""`digest serve` runs `digest check` before it serves and on every change: a hostile entry (an
alias bomb, a title written as a list) is one logged problem, never a build; and no
`digest-serve-*` work folder outlives the preview."""

from __future__ import annotations

import fcntl
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port
from tests.test_yaml_limits import alias_bomb

DIGEST = [sys.executable, "-m", "digest"]
MEMORY_CAP = 3 * 1024**3  # address space of the preview: an alias bomb must not get near it
ENTRY_NAME = "2025-01-07-foundry-opens-second-plant.md"
GOOD_FRONT = (
    "date: 2025-01-07\nsource: Fab News\n"
    "summary: The foundry opened its second plant in the region on Tuesday.\n"
)
HOSTILE = {
    "alias-bomb": ("title: Foundry opens second plant\n" + GOOD_FRONT + alias_bomb(),
                   "expands to more than"),
    "title-list": ("title: [Foundry, opens, second plant]\n" + GOOD_FRONT,
                   "title: must be text, not a list"),
}


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "docs" / "posts").mkdir(exist_ok=True)
    return root


def _serve(project: Path, tmp: Path, port: int) -> subprocess.Popen[str]:
    """The preview, its output going to tmp/../serve.log (a pipe nobody reads would fill up)."""
    tmp.mkdir(exist_ok=True)
    log = (tmp.parent / "serve.log").open("w", encoding="utf-8")
    with log:
        return subprocess.Popen(
            [*DIGEST, "serve", "--config", str(project / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{port}"],
            stdout=log, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "TMPDIR": str(tmp)}, preexec_fn=_cap_memory,
        )


def _output(tmp: Path) -> str:
    return (tmp.parent / "serve.log").read_text(encoding="utf-8")


def _work_folders(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.glob("digest-serve-*"))


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_entry_stops_serve_before_any_build(
    project: Path, tmp_path: Path, case: str
) -> None:
    text, message = HOSTILE[case]
    (project / "docs" / "posts" / ENTRY_NAME).write_text(f"---\n{text}---\n", encoding="utf-8")
    tmp = tmp_path / "tmp"
    preview = _serve(project, tmp, free_port())
    try:
        preview.wait(timeout=120)
    except subprocess.TimeoutExpired:
        preview.kill()
        preview.wait()
        pytest.fail(f"serve did not stop on the hostile entry:\n{_output(tmp)[-2000:]}")
    output = _output(tmp)
    assert preview.returncode == 1, output
    assert "Traceback" not in output
    problems = [line for line in output.splitlines() if ENTRY_NAME in line]
    assert len(problems) == 1 and message in problems[0], output
    assert "building the site" not in output  # the check came first
    assert _work_folders(tmp) == []


def _wait_for(url: str, preview: subprocess.Popen[str], tmp: Path, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if preview.poll() is not None:
            pytest.fail(f"serve exited early:\n{_output(tmp)[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("serve never answered")


REFUSED = "the site is not rebuilt until they are fixed"  # the check's last line when it fails


def _wait_for_refusals(
    count: int, preview: subprocess.Popen[str], tmp: Path, seconds: float = 120
) -> None:
    """Until the preview's log holds `count` refusals of the check."""
    deadline = time.monotonic() + seconds
    while _output(tmp).count(REFUSED) < count:
        if preview.poll() is not None:
            pytest.fail(f"serve exited early:\n{_output(tmp)[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"serve logged no refusal #{count} in {seconds} s:\n{_output(tmp)[-3000:]}")
        time.sleep(0.05)


def test_hostile_change_is_checked_and_not_built(project: Path, tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    port = free_port()
    preview = _serve(project, tmp, port)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", preview, tmp)
        assert len(_work_folders(tmp)) == 1
        posts = project / "docs" / "posts"
        hostile = f"---\n{HOSTILE['alias-bomb'][0]}---\n"
        (posts / ENTRY_NAME).write_text(hostile, encoding="utf-8")
        _wait_for_refusals(1, preview, tmp)  # the watcher noticed and checked
        # The preview handles one change at a time: once a second change is checked, whatever
        # the first went on to do (a fast build logs "fast path: <page>") is in the log too.
        (posts / ENTRY_NAME).write_text(hostile + "\n", encoding="utf-8")
        _wait_for_refusals(2, preview, tmp)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200  # the old site is still served
        assert preview.poll() is None
    finally:
        preview.send_signal(signal.SIGTERM)
        preview.wait(timeout=60)
    output = _output(tmp)
    problems = [line for line in output.splitlines() if ENTRY_NAME in line]
    assert problems and all("expands to more than" in line for line in problems), output
    # nothing was built after the check refused: no fast build of the entry, whether it then
    # succeeded ("fast path: <page>") or failed ("fast path failed"), and no full build
    after = output.split(REFUSED, 1)[1]
    assert "fast path" not in after and "full build" not in after and "[build]" not in after, \
        output
    assert "Traceback" not in output
    assert _work_folders(tmp) == []


def test_work_folders_of_killed_previews_are_removed(tmp_path: Path) -> None:
    from digest.site import preview

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    stale = tmp / "digest-serve-dead1234"
    (stale / "site").mkdir(parents=True)
    live = tmp / "digest-serve-live5678"
    live.mkdir()
    old = time.time() - 3600
    (stale / preview.ALIVE_FILE).touch()  # unlocked: its preview is gone
    held = os.open(live / preview.ALIVE_FILE, os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)  # a running preview holds its lock
    for folder in (stale, live):
        os.utime(folder, (old, old))
    try:
        removed = preview.remove_stale_work_folders(tmp)
    finally:
        os.close(held)
    assert removed == [stale]
    assert not stale.exists() and live.exists()


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        pytest.param(HOSTILE["title-list"][0], False, id="failing-entry-builds-nothing"),
        pytest.param("title: Foundry opens second plant\n" + GOOD_FRONT, True, id="good-entry"),
    ],
)
def test_on_change_builds_only_after_the_check_passes(
    project: Path, text: str, passes: bool, caplog: pytest.LogCaptureFixture
) -> None:
    from digest.site.preview import Preview

    preview = Preview(project / "mkdocs.yml")
    calls: list[str] = []
    preview.fast_build = lambda names: calls.append("fast") or []  # type: ignore[method-assign]
    preview.request_full_build = lambda: calls.append("full")  # type: ignore[method-assign]
    try:
        (project / "docs" / "posts" / ENTRY_NAME).write_text(f"---\n{text}---\n", encoding="utf-8")
        preview.on_change()
    finally:
        preview.close()
    assert calls == (["fast", "full"] if passes else [])
    problems = [r.getMessage() for r in caplog.records if ENTRY_NAME in r.getMessage()]
    assert (problems == []) == passes
