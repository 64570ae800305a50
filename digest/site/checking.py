"""The archive's check beside the build: `digest build` runs `digest.archive.validate` in a
thread of its own process while the engine builds the site, and waits for its problems before
it publishes.

The engine is a child process; while it runs, the build's main thread only waits for its output
(the GIL released), so the check has the build process's core to itself and the engine the
other. A thread costs no interpreter start and no imports (the build has loaded the check's
modules when it read the entries): a fresh interpreter beside the build, as the check ran
before, cost some 0.1 CPU s of its 0.55 at 1,000 entries. It dies with the build, whatever
kills it (digest/text/children.py is for child processes; a thread has nothing to outlive):
the thread is a daemon, so a build that fails or is interrupted does not wait for it.

The check is started by `start()`, or by `checked()` when nothing started it (then it runs in
the caller's thread).
"""

from __future__ import annotations

import threading
from pathlib import Path

from digest.errors import DigestError, Problem


class Checking:
    """`with Checking(...) as check:` ... `check.start()` where the build would otherwise wait
    (before the engine runs) ... `check.checked()` waits for the problems. Disabled, it finds
    none. The check's own failure (an exception) is a DigestError naming it."""

    def __init__(
        self, docs: Path, sources_dir: Path | None, *, enabled: bool, cache: Path | None = None,
    ) -> None:
        self.docs, self.sources_dir, self.cache = docs, sources_dir, cache
        self.enabled = enabled
        self.thread: threading.Thread | None = None
        self.found: list[Problem] | None = None
        self.error: str | None = None

    def __enter__(self) -> Checking:
        return self

    def start(self) -> None:
        if self.enabled and self.thread is None:
            self.thread = threading.Thread(target=self._run, name="digest check", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        try:
            self.found = problems_of([self.docs], self.sources_dir, self.cache)
        except Exception as exc:  # reported by checked() as a build error
            self.error = f"{type(exc).__name__}: {exc}"

    def checked(self) -> list[Problem]:
        if not self.enabled:
            return []
        if self.thread is None:
            self._run()
        else:
            self.thread.join()
        if self.error is not None:
            raise DigestError("digest check", self.error)
        return list(self.found or [])

    __call__ = checked

    def __exit__(self, *exc: object) -> None:
        """Nothing to stop: an unfinished check is a daemon thread, gone with the process."""


def problems_of(
    paths: list[Path], sources_dir: Path | None, cache: Path | None = None
) -> list[Problem]:
    from digest.archive.validate import check_paths

    return check_paths(paths, sources_dir=sources_dir, cache=cache)
