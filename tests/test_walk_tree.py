"""digest.text.files.walk_tree: the one walk of a folder tree (the check's entry files, the
staged tree, the published site)."""

from __future__ import annotations

import os
from pathlib import Path

from digest.text.files import walk_tree


def _tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "c.md").write_text("c", encoding="utf-8")
    (root / "a" / "x.md").write_text("x", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "h.md").write_text("h", encoding="utf-8")
    (root / "outside").mkdir()
    (root / "outside" / "o.md").write_text("o", encoding="utf-8")
    os.symlink(root / "outside", root / "a" / "link")


def test_a_folder_comes_before_what_it_holds_and_links_are_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [rel for rel, _ in walk_tree(str(tmp_path / "a"))]
    assert sorted(found) == [("b",), ("b", "c.md"), ("link",), ("x.md",)]
    assert found.index(("b",)) < found.index(("b", "c.md"))


def test_skip_leaves_out_an_entry_with_all_it_holds(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = {rel for rel, _ in walk_tree(str(tmp_path), skip=lambda name: name.startswith("."))}
    assert not any(rel[0] == ".hidden" for rel in found)
    assert ("outside", "o.md") in found
