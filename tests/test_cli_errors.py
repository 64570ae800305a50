"""The CLI's one error boundary (digest.cli.DigestCommand): every command, given a missing file,
a folder it cannot read or a broken mkdocs.yml, says so in one line naming the culprit and exits
non-zero, never with a traceback. Each command runs as `python -m digest` as a user would (its
missing-file case; build and serve always, as they take over the process's signals), in a
folder of its own; add, extract and check also run in this process (CliRunner), where an
exception let through the boundary fails the test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "meta-mtia-v2.html"
BROKEN_CONFIG = "site_name: [never closed\n"
# Lines that are not the error itself: the count after the problem lines of check and build, and
# the build's progress lines.
SUMMARY = re.compile(r"\d+ problem\(s\) found|^\[build\] ")


def unreadable_folder(tmp_path: Path) -> str:
    """A folder that cannot be read: permission bits, or (root ignores those) a symlink loop."""
    if os.geteuid() != 0:
        folder = tmp_path / "unreadable"
        folder.mkdir()
        folder.chmod(0)
        return folder.name
    (tmp_path / "unreadable").symlink_to("unreadable-too")
    (tmp_path / "unreadable-too").symlink_to("unreadable")
    return "unreadable"


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def run(tmp_path: Path, *args: str) -> Done:
    """`python -m digest ARGS` in `tmp_path`."""
    done = subprocess.run(
        [sys.executable, "-m", "digest", *args], cwd=tmp_path, capture_output=True, text=True,
        timeout=120, env={**os.environ, "NO_COLOR": "1"},
    )
    return Done(done.returncode, done.stdout, done.stderr)


def invoke(tmp_path: Path, *args: str) -> Done:
    """`digest ARGS` in this process, in `tmp_path` (for add, extract and check: build and serve
    set the process's signal handlers)."""
    assert args[0] in IN_PROCESS, args
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        done = CliRunner(env={"NO_COLOR": "1"}).invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(here)
    return Done(done.exit_code, done.stdout, done.stderr)


IN_PROCESS = frozenset({"add", "extract", "check"})


# (command, what goes wrong) -> (arguments, the name the error line must carry). `{folder}` is an
# unreadable folder; "broken config" writes mkdocs.yml (or the named config) as invalid YAML.
CASES: dict[str, tuple[str, ...]] = {
    "add/missing file": ("add", "missing.html"),
    "extract/missing file": ("extract", "missing.html"),
    "check/missing file": ("check", "missing.md"),
    "build/missing file": ("build", "--config", "missing.yml"),
    "serve/missing file": ("serve", "--config", "missing.yml"),
    "add/unreadable folder": ("add", str(ARTICLE), "--docs", "{folder}"),
    "extract/unreadable folder": ("extract", "{folder}"),
    "check/unreadable folder": ("check", "{folder}"),
    "build/unreadable folder": ("build", "--config", "folder.yml"),
    "serve/unreadable folder": ("serve", "--config", "folder.yml", "--dev-addr", "127.0.0.1:0"),
    "add/broken config": ("add", str(ARTICLE)),
    "check/broken config": ("check",),
    "build/broken config": ("build",),
    "serve/broken config": ("serve", "--dev-addr", "127.0.0.1:0"),
}
CULPRITS = {"missing file": "missing", "unreadable folder": "unreadable",
            "broken config": "mkdocs.yml"}


@pytest.mark.parametrize("case", list(CASES))
def test_one_line_and_no_traceback(tmp_path: Path, case: str) -> None:
    folder = unreadable_folder(tmp_path)
    (tmp_path / "folder.yml").write_text(f"site_name: t\ndocs_dir: {folder}\n", encoding="utf-8")
    if case.endswith("broken config"):
        (tmp_path / "mkdocs.yml").write_text(BROKEN_CONFIG, encoding="utf-8")
    args = [arg.replace("{folder}", folder) for arg in CASES[case]]
    command, fault = case.split("/")
    in_process = command in IN_PROCESS and fault != "missing file"
    done = (invoke if in_process else run)(tmp_path, *args)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if not SUMMARY.search(line)]
    assert len(errors) == 1, lines
    assert CULPRITS[case.split("/")[1]] in errors[0]


def test_a_command_that_needs_no_config_ignores_a_broken_one(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(BROKEN_CONFIG, encoding="utf-8")
    done = invoke(tmp_path, "extract", str(ARTICLE))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_every_command_is_behind_the_boundary() -> None:
    """A command added later gets the boundary too: the group makes every command with it."""
    from digest.cli import DigestCommand

    assert main.commands
    assert all(isinstance(command, DigestCommand) for command in main.commands.values())


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_print_problems_alike(tmp_path: Path, command: str) -> None:
    """One problem printer: the same lines from check and build, and --format github for both."""
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (posts / "2025-01-07-bad.md").write_text(
        "---\ntitle: A title\ndate: 2025-01-07\nsource: Wire\nsummary: A summary.\n"
        "tag: [Nvidia]\n---\n", encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    done = (invoke if command in IN_PROCESS else run)(tmp_path, command, "--format", "github")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "docs/posts/2025-01-07-bad.md:6: tag: unknown key in front matter; did you mean " \
        "'tags'?" in done.stderr
    assert SUMMARY.search(done.stderr)
    assert "::error file=docs/posts/2025-01-07-bad.md,line=6::tag: unknown key" in done.stdout


def test_add_with_a_docs_folder_does_not_read_the_config(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(BROKEN_CONFIG, encoding="utf-8")
    done = invoke(tmp_path, "add", str(ARTICLE), "--docs", "docs", "--date", "2024-04-10")
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "docs" / "posts").glob("*.md"))
