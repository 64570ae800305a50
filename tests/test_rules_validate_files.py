"""Rules of `digest check` on the files it is given (digest/archive/validate.py), one test each,
with the path, line, field and whole message: a FIFO among the entries is named and never read,
a file that is not UTF-8 names its bad byte, and a snapshot that cannot be read is named while
the entry beside it is still checked. Each test fails when its rule is removed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from digest.archive.validate import check_paths
from tests.test_rules_validate import BASE, NAME

TODAY = dt.date(2025, 3, 10)


def _found(paths: list[Path], **kw: object) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.field, p.message)
            for p in check_paths(paths, today=TODAY, **kw)]  # type: ignore[arg-type]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_among_the_entries_is_named_and_not_read(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    os.mkfifo(posts / "2025-03-04-a.md")
    (posts / NAME).write_text(BASE, encoding="utf-8")
    assert _found([tmp_path]) == [
        (str(posts / "2025-03-04-a.md"), 1, "file", "is a FIFO (named pipe), not an entry file")]


def test_a_file_that_is_not_utf8_names_its_bad_byte(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / NAME).write_bytes(b"---\ntitle: caf\xe9\n---\n")
    assert _found([tmp_path]) == [
        (str(posts / NAME), 2, "file",
         "not valid UTF-8 (byte 0xe9 at offset 14); save the file as UTF-8")]


def test_an_unreadable_snapshot_is_named_and_the_entry_still_checked(tmp_path: Path) -> None:
    posts, sources = tmp_path / "posts", tmp_path / "sources"
    posts.mkdir()
    sources.mkdir()
    (posts / NAME).write_text(BASE.replace("source: Wafer Weekly", "source: ''"), encoding="utf-8")
    snapshot = sources / (Path(NAME).stem + ".txt")
    snapshot.write_bytes(b"caf\xe9")
    assert _found([tmp_path], sources_dir=sources) == [
        (str(posts / NAME), 4, "source", "must not be empty"),
        (str(snapshot), 1, "file",
         "not valid UTF-8 (byte 0xe9 at offset 3); save the file as UTF-8")]


def test_a_character_yaml_refuses_is_named_on_its_line() -> None:
    """U+FFFE is no control character (kept by the unsafe-character blanking) but YAML's reader
    refuses it before parsing: one problem on its line, not a crash."""
    from digest.archive.validate import check_text

    text = BASE.replace("Wafer Weekly", "Wafer\ufffeWeekly")
    found = [(p.line, p.field, p.message)
             for p in check_text(text, f"docs/posts/{NAME}", today=TODAY)]
    assert (4, "front matter", "not valid YAML: unacceptable character #xfffe: special "
                               "characters are not allowed") in found
