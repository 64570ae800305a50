"""Publishing an incremental build: the site's spare copy, brought up to date and swapped in.

`digest build` never writes into the published site: it makes a complete new site beside it and
swaps the two folders in one atomic exchange (digest.site.build._publish), so a reader, or a
build killed at any moment, sees the old site or the new one, never a mix. Made afresh, that
new folder is every folder and file of the site again (at 10,000 entries some 13,000 folders
and 17,000 files, hard-linked where unchanged), and the old one is then removed: 2 to 5 CPU s
on this machine, a third of an incremental build that changed thirty pages.

So the previous site is kept after the swap, as the *spare*, and made equal to the new site at
once (the files that changed are linked from it). The next build then brings the spare up to
date with only what the engine changed since (`Changes`: files copied from the engine's output,
files and folders removed), swaps it in, and updates the folder swapped out in the same way:
work in proportion to what changed, plus a walk of the output (to find it) and one of the
site (to check it). A file the engine wrote again with the same bytes (Pagefind writes a
re-indexed shard whole) stays as it is.

What the spare holds is vouched for by its record (`site-spare.json`): for each file, the
identity of the output file it was copied from and of the published file (device, inode, size,
modification and change times: `identity`). A file the engine wrote since has a new identity (a
new change time at least, which no one can set back). The site must hold exactly the files and
folders the record lists, each with its recorded identity: a site changed behind the build's
back (a file written into, added, removed or replaced; a write into the spare too, whose files
are the site's) is published afresh. The record names the output folder and the site it was
made for, and it is removed before the spare is touched and written only once the spare equals
the site again: a build killed in between leaves a spare without a record, which the next build
removes and does without. The spare lives in the build cache, on the site's file system (else
the exchange fails and the build publishes as before, without one); its files are hard links to
the site's own, so it costs the folders only. The published files are never written into (a
changed file is a new file), so no link can change a page under the site.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.text.files import atomic_write, walk_tree

SPARE = "site-spare"  # in the build cache folder
RECORD = "site-spare.json"
FORMAT = 1  # bump when the record changes meaning
SITE_MODE = 0o755  # the site folder's permissions, as `mkdocs build` would make it

Identity = tuple[int, int, int, int, int]


def identity(stat: os.stat_result) -> Identity:
    """What tells one version of a file from another without reading it: a write changes the
    modification and change times (the change time cannot be set back), a new file has a
    new inode."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


@dataclass
class Tree:
    """A folder's files (path relative to it: identity) and folders (relative paths)."""

    files: dict[str, Identity] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)


def walk(root: Path) -> Tree:
    """The files and folders under `root`, as publishing copies them: a link to a folder is
    not followed (nor copied), a link to a file is copied as the file it names."""
    tree = Tree()
    for rel, entry in walk_tree(str(root)):
        if entry.is_dir(follow_symlinks=False):
            tree.folders.add("/".join(rel))
        elif not entry.is_dir():
            tree.files["/".join(rel)] = identity(entry.stat())
    return tree


@dataclass
class Changes:
    """What turns one version of the site into the next."""

    written: list[str] = field(default_factory=list)  # new or changed files
    removed: list[str] = field(default_factory=list)  # files
    made: list[str] = field(default_factory=list)  # folders, parents first
    unmade: list[str] = field(default_factory=list)  # folders, children first

    def __len__(self) -> int:
        return len(self.written) + len(self.removed) + len(self.made) + len(self.unmade)


def changes(old: Tree, new: Tree) -> Changes:
    return Changes(
        written=sorted(rel for rel, ident in new.files.items() if old.files.get(rel) != ident),
        removed=sorted(rel for rel in old.files.keys() - new.files.keys()),
        made=sorted(new.folders - old.folders, key=lambda rel: (rel.count("/"), rel)),
        unmade=sorted(old.folders - new.folders, key=lambda rel: (-rel.count("/"), rel)),
    )


def apply(
    change: Changes, target: Path, source: Path, *, link: bool, keep_same: bool = False
) -> list[str]:
    """Make `target` (holding the old version) hold the new one, from `source` (holding the new
    version): a written file is removed first, then copied (or hard-linked, `link`) as a new
    file, so a file shared with another folder is never written into. With `keep_same`, a
    written file whose bytes are those `target` has is left as it is (Pagefind writes a shard
    again whole, most of its files the same). Returns the files replaced."""
    replaced: list[str] = []
    for rel in change.removed:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target / rel)
    for rel in change.unmade:
        with contextlib.suppress(FileNotFoundError):
            os.rmdir(target / rel)
    for rel in change.made:
        os.mkdir(target / rel)
    for rel in change.written:
        into = target / rel
        if keep_same and _same_bytes(source / rel, into):
            continue
        replaced.append(rel)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(into)
        if link:
            try:
                os.link(source / rel, into)
                continue
            except OSError:  # no hard links here: copy
                pass
        shutil.copy2(source / rel, into)
    return replaced


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if not b.is_file() or b.is_symlink() or a.stat().st_size != b.stat().st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


class Spare:
    """The spare copy of the site `final` for the output folder `output`, in `cache`."""

    def __init__(self, cache: Path, output: Path, final: Path) -> None:
        self.folder = cache / SPARE
        self.record = cache / RECORD
        self.output = output
        self.final = final

    def _tag(self) -> dict[str, Any]:
        return {"format": FORMAT, "output": str(self.output.resolve()),
                "site": str(self.final.resolve())}

    def load(self) -> tuple[Tree, dict[str, Identity]] | None:
        """What the spare holds, in terms of the output's files, and the identity of each of
        its files, if its record vouches for it: the site holds exactly the files and folders
        the record lists, each unchanged since it was recorded (its identity: the spare's
        file is the same file, a hard link). The spare itself is the build's own, in its
        cache folder like the engine's output and the staged tree, and is not walked."""
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or any(data.get(k) != v for k, v in self._tag().items()):
            return None
        if not self.folder.is_dir() or not self.final.is_dir() or self.final.is_symlink():
            return None
        try:
            recorded = {
                rel: (tuple(pair[0]), tuple(pair[1])) for rel, pair in data["files"].items()
            }
            folders = set(data["folders"])
        except (KeyError, TypeError, AttributeError, IndexError):
            return None
        site = walk(self.final)
        if site.folders != folders or site.files.keys() != recorded.keys():
            return None
        for rel, (_, published) in recorded.items():
            if site.files[rel] != published:
                return None
        held = Tree({rel: source for rel, (source, _) in recorded.items()}, folders)  # type: ignore[misc]
        return held, dict(site.files)

    def forget(self) -> None:
        """The spare is no longer vouched for (before it is changed)."""
        self.record.unlink(missing_ok=True)

    def discard(self) -> None:
        self.forget()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _save(self, now: Tree, published: dict[str, Identity]) -> None:
        files = {rel: [ident, published[rel]] for rel, ident in now.files.items()}
        data = {**self._tag(), "files": files, "folders": sorted(now.folders)}
        atomic_write(self.record, json.dumps(data), durable=False)

    def publish(self, now: Tree) -> bool:
        """Bring the spare up to date with the output (which `now` describes), swap it in,
        and make the folder swapped out the new spare. False (nothing done) when there is no
        spare to start from. Call with the site's folder lock held."""
        loaded = self.load()
        if loaded is None:
            self.discard()
            return False
        held, published = loaded
        change = changes(held, now)
        self.forget()
        replaced = apply(change, self.folder, self.output, link=False, keep_same=True)
        self.folder.chmod(SITE_MODE)
        if not exchange(self.folder, self.final):
            # no atomic exchange here: the old site aside first (a build killed between the
            # two renames leaves it where remove_leftovers puts it back), then the spare in
            old = Path(tempfile.mkdtemp(prefix=f".{self.final.name}-old-", dir=self.final.parent))
            old.rmdir()
            self.final.rename(old)
            self.folder.rename(self.final)
            old.rename(self.folder)
        # the folder swapped out: what changed, bar the files kept (links of its own)
        apply(Changes(replaced, change.removed, change.made, change.unmade), self.folder,
              self.final, link=True)
        for rel in change.removed:
            published.pop(rel, None)
        for rel in change.written:  # (a link made changes the file's change time: after it)
            published[rel] = identity(os.stat(self.folder / rel))
        self._save(now, published)
        return True

    def keep(self, old: Path, now: Tree) -> bool:
        """Make `old`, the site just swapped out, the spare: equal to the new site (whose files
        were copied or linked from the output `now` describes). False where it cannot be (on
        another file system than the cache): then `old` is removed as before."""
        self.discard()
        try:
            old.rename(self.folder)
        except OSError:
            shutil.rmtree(old, ignore_errors=True)
            return False
        site = walk(self.final)
        held = walk(self.folder)
        for rel, ident in held.files.items():  # a link to the site's file is that file
            same = site.files.get(rel)
            linked = same is not None and same[:2] == ident[:2] and rel in now.files
            held.files[rel] = now.files[rel] if linked else NO_FILE
        change = changes(held, now)
        apply(change, self.folder, self.final, link=True)
        self.folder.chmod(SITE_MODE)
        published = {rel: site.files[rel] for rel in now.files}
        for rel in change.written:
            published[rel] = identity(os.stat(self.folder / rel))
        self._save(now, published)
        return True


    def make(self, now: Tree) -> bool:
        """Make the spare afresh when there was no site before this one: a copy of the new
        site (whose files were copied from the output `now` describes), its files hard links
        of the site's. One folder per folder of the site and a link per file (0.9 CPU s at
        10,000 entries), paid by a first build so that the next one publishes what changed.
        False where it cannot be (no hard links, or the cache on another file system)."""
        self.discard()
        published: dict[str, Identity] = {}
        try:
            self.folder.mkdir(parents=True)
            _link_tree(str(self.final), str(self.folder), "", published)
        except OSError:
            self.discard()
            return False
        if published.keys() != now.files.keys():  # the site is not the output's copy
            self.discard()
            return False
        self.folder.chmod(SITE_MODE)
        self._save(now, published)
        return True


def _link_tree(source: str, target: str, prefix: str, published: dict[str, Identity]) -> None:
    """Hard-link the files of `source` into the existing folder `target`, folders made anew;
    each file's identity (after the link, which changes its change time) into `published`."""
    with os.scandir(source) as entries:
        for entry in entries:
            into = os.path.join(target, entry.name)
            if entry.is_dir(follow_symlinks=False):
                os.mkdir(into)
                _link_tree(entry.path, into, prefix + entry.name + "/", published)
            else:
                os.link(entry.path, into)
                published[prefix + entry.name] = identity(os.stat(into))


NO_FILE: Identity = (-1, -1, -1, -1, -1)  # matches no file


RENAME_EXCHANGE = 2  # <linux/fs.h>
AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return done == 0
