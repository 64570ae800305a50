"""`digest build` killed (kill -9, SIGTERM) while its engine runs: the old site stays whole, the
engine child dies with the build, and the next build removes any folder a killed build left."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.test_faults import _children, _running

DIGEST = [sys.executable, "-m", "digest"]

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="needs /proc to find the build's children"
)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            found.append(child)
            todo.append(child)
    return found


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def project(built_site: Any, tmp_path: Path) -> Path:
    """A built project of this test's own: the sample site the run builds once with `digest
    build` (tests/built_site.py), copied with its site and build cache (the cache names no
    absolute path of the project but the check's, whose entries then miss)."""
    shutil.copytree(built_site.root, tmp_path / "project", symlinks=True)
    return tmp_path / "project"


def _start_and_wait_for_engine(project: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    """A full build (the engine then runs for seconds), stopped at nothing until the engine's
    process is up; returns the build and its engine processes."""
    build = subprocess.Popen(
        [*DIGEST, "build", "--full", "--config", str(project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        engines = [p for p in _descendants(build.pid) if " mkdocs " in f" {_cmdline(p)} "]
        if engines:
            return build, engines
        time.sleep(0.05)
    build.kill()
    pytest.fail("the build's engine never started")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_killed_build_keeps_the_old_site_and_its_engine_dies(
    project: Path, how: signal.Signals
) -> None:
    site = project / "site"
    before = _fingerprint(site)
    build, engines = _start_and_wait_for_engine(project)
    build.send_signal(how)
    build.wait(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(p) for p in engines):
        time.sleep(0.02)
    alive = [p for p in engines if _running(p)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert alive == [], "the engine outlived the killed build"
    assert _fingerprint(site) == before
    if how == signal.SIGTERM:
        assert build.returncode == 128 + signal.SIGTERM
        assert _leftovers(project) == []  # SIGTERM unwinds: nothing to clean up later


def test_next_build_removes_leftovers_of_a_killed_one(project: Path) -> None:
    # what a build killed while publishing leaves: a half-copied fresh folder, an old site
    fresh = project / ".site-build-k2j4h5g6"
    (fresh / "posts").mkdir(parents=True)
    (fresh / "index.html").write_text("half", encoding="utf-8")
    (project / ".site-old-a1b2c3d4").mkdir()
    done = subprocess.run(
        [*DIGEST, "build", "--config", str(project / "mkdocs.yml")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _leftovers(project) == []
    assert "half" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_site_missing_between_renames_is_restored(project: Path) -> None:
    # a build killed between the two renames of the fallback swap: only the old folder is left
    (project / "site").rename(project / ".site-old-a1b2c3d4")
    from digest.site.build import remove_leftovers

    remove_leftovers(project / "site")
    assert (project / "site" / "index.html").is_file()
    assert _leftovers(project) == []


def test_gitignore_lists_build_leftovers() -> None:
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: .gitignore is not in effect")
    for name in (".site-build-k2j4h5g6", ".site-old-a1b2c3d4"):
        ignored = subprocess.run(["git", "check-ignore", "-q", name], cwd=REPO)
        assert ignored.returncode == 0, f"{name} is not ignored"
    tracked = subprocess.run(
        ["git", "check-ignore", "-q", "--no-index", "digest/site/build.py"], cwd=REPO,
    )
    assert tracked.returncode == 1, "the package's site/ folder must not be ignored"
