"""Publishing the engine's output (digest.site.build._publish): copied when a later build reuses
it (incremental builds), moved into place when none does (MkDocs with lunr always builds in
full), and either way swapped in whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.site.build import SITE_MODE, _output_reusable, _publish, build_site
from digest.site.engines import get_engine
from tests.built_site import sample_project


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _output(root: Path) -> Path:
    output = root / "cache" / "site"
    (output / "a" / "b").mkdir(parents=True)
    (output / "index.html").write_text("home", encoding="utf-8")
    (output / "a" / "b" / "index.html").write_text("page", encoding="utf-8")
    return output


def _old_site(root: Path) -> Path:
    final = root / "site"
    final.mkdir()
    (final / "stale.html").write_text("old", encoding="utf-8")
    return final


@pytest.mark.parametrize("move", [True, False], ids=["moved", "copied"])
def test_publish_swaps_the_output_in_whole(tmp_path: Path, move: bool) -> None:
    output, final = _output(tmp_path), _old_site(tmp_path)
    expected = _tree(output)
    assert _publish(output, final, move=move) is move
    assert _tree(final) == expected  # the old site is gone, not merged into
    assert final.stat().st_mode & 0o777 == SITE_MODE
    assert output.is_dir() is not move  # kept for the next build only when copied
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_a_moved_site_is_not_linked_to_a_later_output(tmp_path: Path) -> None:
    """The next build's engine writes a new output folder: the published files are not its."""
    output, final = _output(tmp_path), _old_site(tmp_path)
    _publish(output, final, move=True)
    again = _output(tmp_path)
    (again / "index.html").write_text("home, rebuilt", encoding="utf-8")
    assert (final / "index.html").read_text(encoding="utf-8") == "home"


@pytest.mark.parametrize(
    ("engine", "search", "reusable"),
    [("mkdocs", "lunr", False), ("mkdocs", "pagefind", True), ("zensical", "lunr", True),
     ("zensical", "pagefind", True)],
)
def test_the_output_is_kept_when_a_later_build_can_use_it(
    engine: str, search: str, reusable: bool
) -> None:
    assert _output_reusable(get_engine(engine), search) is reusable


@pytest.mark.site
def test_a_lunr_build_moves_its_output_into_the_site(tmp_path: Path) -> None:
    sample_project(tmp_path, "lunr")
    cache, site = tmp_path / "cache", tmp_path / "site"
    sites = []
    for _ in range(2):  # the second build has no output folder to start from
        done = build_site(tmp_path / "mkdocs.yml", site, cache_dir=cache, check=False)
        assert not (cache / "mkdocs" / "site").exists()
        assert done.output == site and done.pages_built > 0
        sites.append({k: v for k, v in _tree(site).items() if not k.startswith("sitemap.xml")})
    assert (site / "index.html").is_file() and (site / "search" / "search_index.json").is_file()
    assert sites[0] == sites[1]
