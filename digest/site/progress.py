"""What a build shows while it runs: its stages, and a progress bar for the long ones.

On a terminal each stage is a line and a long stage (reading the entries, writing the staged
files, the engine's pages) a click progress bar; in a log (CI, a pipe) each stage is one plain
line with its count and, when it ends, its duration, so a log reads as a list of steps.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TextIO

import click


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> Any:
        """A context manager for one stage; what it yields takes `update(n)`."""


class _Counter:
    def __init__(self) -> None:
        self.done = 0

    def update(self, n: int) -> None:
        self.done += n


class Silent:
    """No output (library use, tests)."""

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[_Counter]:
        yield _Counter()


class Lines:
    """One plain line per stage: `[build] staging: 12,345 files ... done in 3.2 s`."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[_Counter]:
        counter = _Counter()
        count = f" ({total:,})" if total is not None else ""
        print(f"[build] {name}{count} ...", file=self.stream, flush=True)
        start = time.perf_counter()
        yield counter
        print(
            f"[build] {name}: done in {time.perf_counter() - start:.1f} s",
            file=self.stream,
            flush=True,
        )


class Bars:
    """Stage lines and, for a stage with a known size, click's progress bar (a terminal)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Any]:
        start = time.perf_counter()
        if total is None:
            click.echo(f"{name} ...", file=self.stream)
            yield _Counter()
        else:
            with click.progressbar(
                length=total, label=f"{name:<22}", file=self.stream, show_pos=True
            ) as bar:
                yield bar
        click.echo(f"  {name}: {time.perf_counter() - start:.1f} s", file=self.stream)


def for_stream(stream: TextIO | None = None) -> Progress:
    """Bars on a terminal, plain lines otherwise."""
    stream = stream or sys.stderr
    return Bars(stream) if stream.isatty() else Lines(stream)
