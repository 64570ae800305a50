"""`digest check --format github`: file names and messages escaped as GitHub's workflow commands
require, so an entry's file name cannot end an annotation early or inject another command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digest.cli import _github_annotation
from digest.errors import Problem

DIGEST = [sys.executable, "-m", "digest"]


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        pytest.param(Problem("posts/a.md", 3, "title", "50% too long"),
                     "::error file=posts/a.md,line=3::title: 50%25 too long", id="percent"),
        pytest.param(Problem("posts/a.md", 3, "body", "one\r\ntwo"),
                     "::error file=posts/a.md,line=3::body: one%0D%0Atwo", id="cr-lf"),
        pytest.param(Problem("posts/a,line=9.md", 1, "file", "x"),
                     "::error file=posts/a%2Cline=9.md,line=1::file: x", id="comma-in-path"),
        pytest.param(Problem("C:posts/a::b.md", 1, "file", "x"),
                     "::error file=C%3Aposts/a%3A%3Ab.md,line=1::file: x", id="colons-in-path"),
        pytest.param(Problem("posts/a%0A.md", 1, "file", "x"),
                     "::error file=posts/a%250A.md,line=1::file: x", id="escape-in-path"),
    ],
)
def test_annotation_escaping(problem: Problem, expected: str) -> None:
    assert _github_annotation(problem) == expected


def test_file_name_with_newline_cannot_inject_a_command(tmp_path: Path) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    name = "2025-01-07-x\n::warning file=README.md,line=1::injected\n.md"
    (posts / name).write_text("no front matter\n", encoding="utf-8")
    done = subprocess.run(
        [*DIGEST, "check", "--format", "github", str(tmp_path / "docs")],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    commands = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert commands and all(line.startswith("::error file=") for line in commands), done.stdout
    assert len(done.stdout.splitlines()) == len(commands)  # nothing but whole commands
    assert all("\n" not in line for line in done.stderr.splitlines())
    assert not any(line.startswith("::warning") for line in done.stderr.splitlines())
