"""Child processes that die with their parent.

A `kill -9` of `digest add` or `digest build` gives the parent no chance to stop its workers or
its MkDocs child: orphaned, they would run on (and write) after the command is gone. Each child
therefore asks the kernel to kill it when its parent dies (Linux: prctl(PR_SET_PDEATHSIG,
SIGKILL)); where that is not available, a watcher thread polls the parent's pid.

- `die_with_parent(parent)`: call first thing in a child process (a pool's initializer);
- `orphan_safe(command)`: the command line to hand to subprocess for an external program: a
  short launcher sets the death signal, then executes the program in its place (a death signal
  survives exec; preexec_fn is not safe in a process with threads).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_SECONDS = 0.5  # the watcher thread's interval where prctl is missing


def die_with_parent(parent: int | None = None) -> None:
    """Have this process killed when `parent` (default: the current parent) exits."""
    parent = parent if parent is not None else os.getppid()
    if not _set_death_signal() and sys.platform != "win32":
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)


def _set_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def orphan_safe(command: list[str]) -> list[str]:
    """`command` run through the launcher below, so it dies with this process."""
    return [sys.executable, "-m", "digest.text.children", str(os.getpid()), "--", *command]


def _launch(argv: list[str]) -> None:
    parent = int(argv[0])
    command = argv[2:] if argv[1:2] == ["--"] else argv[1:]
    die_with_parent(parent)
    os.execvp(command[0], command)


if __name__ == "__main__":
    _launch(sys.argv[1:])
