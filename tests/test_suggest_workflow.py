"""The suggestion workflow: a failing `digest add` fails its step (pipefail before `| tee`), and
the job asks for no permission it does not use."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "suggest.yml"


def _job() -> dict:  # type: ignore[type-arg]
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return workflow["jobs"]["draft"]


def _add_step() -> dict:  # type: ignore[type-arg]
    return next(s for s in _job()["steps"] if "digest add" in s.get("run", ""))


def test_failing_add_fails_the_step(tmp_path: Path) -> None:
    """The step's script, run as GitHub runs a `run:` without `shell:` (bash -e), with a
    `digest` that fails: the step must fail too."""
    fake = tmp_path / "bin" / "digest"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'error: cannot fetch' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    step = _add_step()
    script = tmp_path / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail"] if step.get("shell") == "bash" \
        else ["bash", "-e"]
    done = subprocess.run(
        [*shell, str(script)], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}",
             "ARTICLE_URL": "https://news.example/a"},
    )
    assert done.returncode != 0


def test_no_unused_permissions() -> None:
    permissions = _job()["permissions"]
    steps = "\n".join(s.get("run", "") for s in _job()["steps"])
    if permissions.get("issues") == "write":
        assert "gh issue" in steps, "issues: write without a step that writes to the issue"
    assert permissions.get("issues") is None
