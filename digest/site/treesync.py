"""Writing the staging tree: a folder made to hold exactly a given set of files, each written
only when its bytes differ from what is there, so the engine sees only what changed; and the
files of the theme overrides folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from digest.errors import DigestError
from digest.site import search
from digest.text.files import atomic_write


@dataclass
class Changes:
    """What one sync changed in the staging folder (paths relative to it)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


def sync_tree(
    root: Path, files: dict[str, bytes | None], progress: Callable[[int], None] | None = None
) -> Changes:
    """Make `root` hold exactly `files`: a file is written (atomically) only when its bytes
    differ from what is there (None: the file there is kept as it is), files not in `files`
    are removed, then empty folders."""
    changes = Changes()
    root.mkdir(parents=True, exist_ok=True)
    existing = staged_files(root)
    for n, (src, data) in enumerate(sorted(files.items()), start=1):
        path = root / src
        if data is None:
            if src not in existing:
                raise DigestError(str(path), "a kept staged page is missing")
        elif src in existing and _same_bytes(path, data):
            pass
        else:
            _write(path, data)
            changes.written.append(src)
        if progress is not None and n % 500 == 0:
            progress(500)
    if progress is not None:
        progress(len(files) % 500)
    for src in sorted(existing - set(files)):
        (root / src).unlink()
        changes.removed.append(src)
    if changes.removed:
        for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return changes


def staged_files(root: Path) -> set[str]:
    """The paths of the files under `root`, relative to it (os.scandir and plain strings: some
    12,000 staged files at 10,000 entries, where Path.rglob took 0.25 CPU s); links are not
    followed, as rglob did not."""
    found: set[str] = set()

    def visit(path: str, prefix: str) -> None:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, prefix + entry.name + "/")
                elif entry.is_file():
                    found.add(prefix + entry.name)

    visit(str(root), "")
    return found


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data, durable=False)


TEMPLATES = Path(__file__).parent / "templates"  # our theme overrides


def theme_overrides(search_engine: str, custom_dir: Path | None = None) -> dict[str, bytes]:
    """{path: bytes} of the theme overrides folder: our templates, the Pagefind search box
    when the site searches with Pagefind, then the project's own `custom_dir` over them."""
    folders = [TEMPLATES]
    if search_engine == "pagefind":
        folders.append(search.THEME / "partials")
    files: dict[str, bytes] = {}
    for n, folder in enumerate(folders):
        prefix = "partials/" if n and folder.name == "partials" else ""
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            files[prefix + path.relative_to(folder).as_posix()] = path.read_bytes()
    if custom_dir is not None and custom_dir.is_dir():
        for path in sorted(p for p in custom_dir.rglob("*") if p.is_file()):
            files[path.relative_to(custom_dir).as_posix()] = path.read_bytes()
    return files
