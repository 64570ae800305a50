"""sync_tree's in-place writes (atomic=False, what `digest build` uses for its staged tree): the
same tree as atomic writes, a half-written file rewritten by the next sync, an old file's hard
link keeping its bytes, a link in the tree replaced and not followed."""

from __future__ import annotations

import os
from pathlib import Path

from digest.site import treesync
from digest.text.files import TMP_NAME

FILES: dict[str, bytes | None] = {
    "index.md": b"# Home\n",
    "posts/a/index.md": b"---\ntitle: A\n---\nBody of a.\n",
    "posts/b/index.md": b"---\ntitle: B\n---\nBody of b.\n" * 50,
    "tags/x.md": b"",
}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_in_place_sync_makes_the_tree_atomic_writes_make(tmp_path: Path) -> None:
    a = treesync.sync_tree(tmp_path / "a", FILES)
    b = treesync.sync_tree(tmp_path / "b", FILES, atomic=False)
    assert _tree(tmp_path / "b") == _tree(tmp_path / "a") == FILES
    assert sorted(b.written) == sorted(a.written) == sorted(FILES)
    mode = (tmp_path / "a" / "index.md").stat().st_mode & 0o777
    assert (tmp_path / "b" / "index.md").stat().st_mode & 0o777 == mode
    assert not [p for p in (tmp_path / "b").rglob("*") if TMP_NAME.match(p.name)]


def test_a_half_written_file_is_rewritten_by_the_next_sync(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    treesync.sync_tree(root, FILES, atomic=False)
    page = root / "posts" / "b" / "index.md"
    page.write_bytes(page.read_bytes()[:100])  # what a sync killed mid-write leaves
    same_size = root / "posts" / "a" / "index.md"
    same_size.write_bytes(b"x" * len(FILES["posts/a/index.md"] or b""))
    changes = treesync.sync_tree(root, FILES, atomic=False)
    assert sorted(changes.written) == ["posts/a/index.md", "posts/b/index.md"]
    assert _tree(root) == FILES


def test_a_changed_file_is_a_new_file_so_its_hard_link_keeps_the_old_bytes(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    treesync.sync_tree(root, FILES, atomic=False)
    kept = tmp_path / "kept.md"
    os.link(root / "index.md", kept)
    treesync.sync_tree(root, {**FILES, "index.md": b"# New home\n"}, atomic=False)
    assert (root / "index.md").read_bytes() == b"# New home\n"
    assert kept.read_bytes() == b"# Home\n"


def test_a_link_in_the_tree_is_replaced_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_bytes(b"outside")
    (root / "index.md").symlink_to(outside)  # listed as a file: replaced after the unlink
    (root / "tags").mkdir()
    (root / "tags" / "x.md").symlink_to(tmp_path / "missing.md")  # dangling: not listed
    treesync.sync_tree(root, FILES, atomic=False)
    assert outside.read_bytes() == b"outside"
    assert not (tmp_path / "missing.md").exists()
    assert not (root / "index.md").is_symlink() and not (root / "tags" / "x.md").is_symlink()
    assert _tree(root) == FILES

