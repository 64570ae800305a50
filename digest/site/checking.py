"""The archive's check beside the build: `digest build` runs `digest.archive.validate` in a
child process while it stages and renders the site (two cores), and waits for its problems
before it publishes.

The child is a fresh interpreter running this module (`python -m digest.site.checking`), not a
multiprocessing child: a spawned child imports the parent's main module again (the whole CLI,
about half a second of CPU on every build), this one imports the validator only. It dies with
the build (digest.text.children), and answers with one JSON document on its standard output:
`{"problems": [...]}` or `{"error": "..."}`.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from digest.errors import DigestError, Problem
from digest.text.children import orphan_safe

STDERR_SHOWN = 15  # lines of a failed child's error output shown in the build error


class Checking:
    """Runs the check in a child process while the block runs; `checked()` waits for its
    problems. The child is stopped if the block fails."""

    def __init__(
        self, docs: Path, sources_dir: Path | None, *, enabled: bool, cache: Path | None = None,
    ) -> None:
        self.args = {
            "paths": [str(docs)],
            "sources_dir": None if sources_dir is None else str(sources_dir),
            "cache": None if cache is None else str(cache),
        }
        self.enabled = enabled
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Any:
        if self.enabled:
            command = [sys.executable, "-m", "digest.site.checking", json.dumps(self.args)]
            self.process = subprocess.Popen(  # dies with this process (orphan_safe)
                orphan_safe(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, encoding="utf-8", errors="replace",
            )
        return self.checked

    def checked(self) -> list[Problem]:
        if self.process is None:
            return []
        out, err = self.process.communicate()
        try:
            answer = json.loads(out)
        except ValueError:
            lines = [line for line in err.splitlines() if line.strip()][-STDERR_SHOWN:]
            detail = ("\n  " + "\n  ".join(lines)) if lines else ""
            raise DigestError("digest check", "the check stopped without an answer" + detail) \
                from None
        if "error" in answer:
            raise DigestError("digest check", str(answer["error"]))
        return [Problem(**problem) for problem in answer["problems"]]

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.communicate()


def problems_of(
    paths: list[Path], sources_dir: Path | None, cache: Path | None = None
) -> list[Problem]:
    from digest.archive.validate import check_paths

    return check_paths(paths, sources_dir=sources_dir, cache=cache)


def _main(argv: list[str]) -> int:
    args = json.loads(argv[0])
    try:
        found = problems_of(
            [Path(p) for p in args["paths"]],
            None if args["sources_dir"] is None else Path(args["sources_dir"]),
            None if args["cache"] is None else Path(args["cache"]),
        )
        answer: dict[str, Any] = {"problems": [dataclasses.asdict(p) for p in found]}
    except Exception as exc:  # reported by the parent as a build error
        answer = {"error": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
