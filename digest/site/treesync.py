"""Writing the staging tree: a folder made to hold exactly a given set of files, each written
only when its bytes differ from what is there, so the engine sees only what changed; and the
files of the theme overrides folder."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from digest.errors import DigestError
from digest.site import search
from digest.text.files import atomic_write, walk_tree


@dataclass
class Changes:
    """What one sync changed in the staging folder (paths relative to it)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


def sync_tree(
    root: Path, files: dict[str, bytes | None], progress: Callable[[int], None] | None = None,
    *, atomic: bool = True,
) -> Changes:
    """Make `root` hold exactly `files`: a file is written only when its bytes differ from what
    is there (None: the file there is kept as it is), files not in `files` are removed, then
    empty folders.

    A file is written atomically (a temporary file renamed over it), or with `atomic=False`
    in place, as a new file (the old one is unlinked first, so a hard link to it keeps its
    bytes). In place is for a caller that vouches for nothing in `root` until the sync has
    returned (`digest build`: its page memo is forgotten before the sync and its engine state
    is trusted only after a successful build): a file left half-written by a killed sync
    differs from its content at the next sync, which rewrites it. It saves a temporary file,
    a rename and a umask read per file (some 2,600 files in a clean build at 1,000 entries)."""
    changes = Changes()
    root.mkdir(parents=True, exist_ok=True)
    existing = staged_files(root)
    folders: set[str] = set()  # folders known to exist: one mkdir per folder, not per file
    for n, (src, data) in enumerate(sorted(files.items()), start=1):
        path = root / src
        if data is None:
            if src not in existing:
                raise DigestError(str(path), "a kept staged page is missing")
        elif src in existing and _same_bytes(path, data):
            pass
        else:
            _make_folder(os.path.dirname(path), folders)
            if atomic:
                atomic_write(path, data, durable=False)
            else:
                _write_in_place(path, data, replace=src in existing)
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
    """The paths of the files under `root`, relative to it (digest.text.files.walk_tree: some
    12,000 staged files at 10,000 entries); links to folders are not followed, as rglob did
    not."""
    return {
        "/".join(rel) for rel, entry in walk_tree(str(root))
        if not entry.is_dir(follow_symlinks=False) and entry.is_file()
    }


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _make_folder(folder: str, made: set[str]) -> None:
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _write_in_place(path: Path, data: bytes, *, replace: bool) -> None:
    """`data` into a new file at `path` (the mode `open()` gives); an existing file is
    unlinked first. Whatever else is there (a link, which is not followed) is unlinked when
    the first open fails."""
    if replace:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC | os.O_NOFOLLOW
    try:
        fd = os.open(path, flags, 0o666)
    except OSError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        fd = os.open(path, flags, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


TEMPLATES = Path(__file__).parent / "templates"  # our theme overrides
NAV = "partials/nav.html"  # ours writes plain items inline, not through NAV_ITEM's macros
NAV_ITEM = "partials/nav-item.html"


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
        if (custom_dir / NAV_ITEM).is_file() and not (custom_dir / NAV).is_file():
            del files[NAV]  # ours writes plain items without the project's own nav-item macros
    return files
