"""Publishing with the site's spare copy (digest.site.publish): after any sequence of outputs the
published site equals the output, the spare equals the site, and the spare is used only when
its record vouches for it; a site changed behind the build's back, a spare left half-updated,
another output folder or a failed update all make the build publish afresh."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from digest.site import publish
from digest.site.build import SITE_MODE, _publish


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path, Path]:
    output, final, cache = tmp_path / "cache" / "out", tmp_path / "site", tmp_path / "cache"
    _write(output / "index.html", "home 1")
    _write(output / "2024" / "01" / "02" / "a" / "index.html", "entry a")
    _write(output / "tags" / "x" / "index.html", "tag x")
    return output, final, cache


def _publish_and_check(output: Path, final: Path, cache: Path) -> bool:
    """Publish; check the site and the spare; whether the spare was used."""
    before = _spare_vouched(output, final, cache)
    _publish(output, final, cache=cache)
    assert _tree(final) == _tree(output)
    assert _folders(final) == _folders(output)
    assert final.stat().st_mode & 0o777 == SITE_MODE
    assert [p.name for p in final.parent.iterdir() if p.name.startswith(".site-")] == []
    spare = cache / publish.SPARE
    if spare.exists():
        assert _tree(spare) == _tree(final) and _folders(spare) == _folders(final)
        for rel in _tree(final):  # links of one another: the spare costs the folders only
            assert (spare / rel).stat().st_ino == (final / rel).stat().st_ino
    return before


def _spare_vouched(output: Path, final: Path, cache: Path) -> bool:
    return publish.Spare(cache, output, final).load() is not None


def test_a_first_build_makes_a_spare_and_the_next_uses_it(
    paths: tuple[Path, Path, Path],
) -> None:
    output, final, cache = paths
    assert not _publish_and_check(output, final, cache)  # no site before: a spare made anew
    assert _spare_vouched(output, final, cache)
    _write(output / "index.html", "home 2")
    _write(output / "2024" / "01" / "03" / "b" / "index.html", "entry b")
    assert _publish_and_check(output, final, cache)  # brought up to date, swapped in
    assert _spare_vouched(output, final, cache)


def test_a_site_published_afresh_keeps_the_old_one_as_spare(
    paths: tuple[Path, Path, Path],
) -> None:
    output, final, cache = paths
    _publish_and_check(output, final, cache)
    publish.Spare(cache, output, final).discard()  # (a spare lost: published afresh)
    _write(output / "index.html", "home 2")
    assert not _publish_and_check(output, final, cache)
    assert _spare_vouched(output, final, cache)  # the site swapped out, brought up to date
    _write(output / "index.html", "home 3")
    assert _publish_and_check(output, final, cache)


def test_a_published_file_is_replaced_never_written_into(paths: tuple[Path, Path, Path]) -> None:
    output, final, cache = paths
    for n in range(3):
        _write(output / "index.html", f"home {n}")
        _publish_and_check(output, final, cache)
    with (final / "index.html").open(encoding="utf-8") as reader:  # a page being served
        _write(output / "index.html", "home, new")
        assert _publish_and_check(output, final, cache)
        assert reader.read() == "home 2"


def test_removed_pages_and_a_file_turned_folder_and_back(paths: tuple[Path, Path, Path]) -> None:
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    (output / "2024" / "01" / "02" / "a" / "index.html").unlink()
    os.removedirs(output / "2024" / "01" / "02" / "a")
    (output / "tags" / "x" / "index.html").unlink()
    (output / "tags" / "x").rmdir()
    _write(output / "tags" / "x", "a file where a folder was")
    assert _publish_and_check(output, final, cache)
    (output / "tags" / "x").unlink()
    _write(output / "tags" / "x" / "index.html", "a folder again")
    assert _publish_and_check(output, final, cache)


@pytest.mark.parametrize("how", ["written", "added", "removed", "replaced"])
def test_a_site_changed_behind_the_build_is_not_trusted(
    paths: tuple[Path, Path, Path], how: str
) -> None:
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    assert _spare_vouched(output, final, cache)
    if how == "written":  # in place, same size: only the file's times tell
        with (final / "index.html").open("r+", encoding="utf-8") as f:
            f.write("HOME")
    elif how == "added":
        _write(final / "CNAME", "example.org")
    elif how == "removed":
        (final / "tags" / "x" / "index.html").unlink()
    else:
        (final / "index.html").unlink()
        _write(final / "index.html", "home 1")  # the same text, a new file
    assert not _spare_vouched(output, final, cache)
    _write(output / "2024" / "01" / "03" / "b" / "index.html", "entry b")
    assert not _publish_and_check(output, final, cache)  # published afresh
    assert _spare_vouched(output, final, cache)  # and a spare for the next build


def test_a_spare_written_into_is_not_trusted(paths: tuple[Path, Path, Path]) -> None:
    """The spare's files are the site's (hard links): a write into one changes the other's
    times too."""
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    spare = cache / publish.SPARE
    with (spare / "tags" / "x" / "index.html").open("r+", encoding="utf-8") as f:
        f.write("TAG")
    assert not _spare_vouched(output, final, cache)
    assert not _publish_and_check(output, final, cache)


def test_the_spare_is_kept_for_one_output_folder_and_site(
    paths: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    other = tmp_path / "cache" / "other-out"
    other.mkdir()
    _write(other / "index.html", "home 1")  # the same bytes, another engine's output
    assert not _spare_vouched(other, final, cache)
    assert not _publish_and_check(other, final, cache)
    assert not _spare_vouched(output, tmp_path / "elsewhere", cache)


def test_a_failed_update_leaves_the_site_and_the_next_build_publishes_afresh(
    paths: tuple[Path, Path, Path],
) -> None:
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    site = _tree(final)
    _write(output / "index.html", "home 2")
    os.mkfifo(output / "pipe.html")  # cannot be copied: the update stops half-way
    with pytest.raises(OSError):
        _publish(output, final, cache=cache)
    assert _tree(final) == site
    assert not _spare_vouched(output, final, cache)  # half-updated: not vouched for
    (output / "pipe.html").unlink()
    assert not _publish_and_check(output, final, cache)


def test_a_moved_output_discards_the_spare(paths: tuple[Path, Path, Path]) -> None:
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    assert (cache / publish.SPARE).is_dir()
    _publish(output, final, move=True, cache=cache)
    assert not (cache / publish.SPARE).exists() and not (cache / publish.RECORD).exists()


def test_random_outputs_publish_exactly(paths: tuple[Path, Path, Path]) -> None:
    output, final, cache = paths
    rng = random.Random(7)
    names = [f"{a}/{b}/index.html" for a in ("2023", "2024", "tags") for b in "abcd"]
    names += ["index.html", "feed.json", "2024/a/extra.js"]
    used = 0
    for step in range(25):
        for _ in range(rng.randint(1, 4)):
            rel = rng.choice(names)
            path = output / rel
            if path.is_file() and rng.random() < 0.4:
                path.unlink()
                if not any(path.parent.iterdir()) and path.parent != output:
                    path.parent.rmdir()
            elif not path.parent.is_file():
                _write(path, f"{rel} at step {step} {'x' * rng.randint(0, 3)}")
        used += _publish_and_check(output, final, cache)
    assert used == 24  # after the first build, every build used the spare


def test_a_file_written_again_with_the_same_bytes_is_kept(paths: tuple[Path, Path, Path]) -> None:
    """Pagefind writes a shard again whole: a file with the bytes the site has stays the site's
    file (not copied and linked again); one with other bytes of the same size is replaced."""
    output, final, cache = paths
    for _ in range(2):
        _publish_and_check(output, final, cache)
    kept, changed = final / "tags" / "x" / "index.html", final / "index.html"
    before = kept.stat().st_ino, changed.stat().st_ino
    (output / "tags" / "x" / "index.html").unlink()
    _write(output / "tags" / "x" / "index.html", "tag x")  # a new file, the same bytes
    _write(output / "index.html", "home 9")  # the same size, other bytes
    assert _publish_and_check(output, final, cache)
    assert kept.stat().st_ino == before[0]
    assert changed.stat().st_ino != before[1]
    _write(output / "index.html", "home 8")
    assert _publish_and_check(output, final, cache)  # the record stayed true
