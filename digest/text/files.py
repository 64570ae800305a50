"""Reading a file that must be a regular file: FIFOs, sockets and devices are refused before any
read, and without blocking (opening a FIFO for reading waits for a writer; reading a device such
as /dev/zero never ends).

The file is opened with O_NONBLOCK and checked with fstat on the open descriptor, so a path that
is swapped for a FIFO between a check and the open cannot slip through.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

# What a non-regular file is called in messages, by its stat type.
KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


class NotRegularFile(OSError):
    """The path names a FIFO, socket, device or directory, not a file; `kind` says which."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path}: is {kind}, not a regular file")
        self.kind = kind


def file_kind(mode: int) -> str | None:
    """None for a regular file, else what the file is ("a FIFO (named pipe)", ...)."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_regular_file(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of `path` (at most `limit` + 1 when `limit` is set, so the caller can tell an
    over-long file). NotRegularFile for anything but a regular file; other OSErrors as raised."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket (or a FIFO with no reader): cannot be opened
            kind = file_kind(os.stat(path).st_mode)
            raise NotRegularFile(str(path), kind or "not a regular file") from None
        raise
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFile(str(path), kind)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read() if limit is None else fh.read(limit + 1)
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux 4.7+);
    elsewhere set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def new_file_mode() -> int:
    """The mode an ordinary new file gets (0644 under umask 022): what `open()` would give.
    mkstemp's files are private (0600); files written through one are set to this."""
    return 0o666 & ~current_umask()
