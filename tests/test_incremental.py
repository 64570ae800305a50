"""Incremental builds equal clean full builds: the sample archive, searched with Pagefind (so the
engine's `--dirty` build and the shard-by-shard index are both used), built once; then random
edits (an entry added, one deleted, one changed), each followed by an incremental `digest
build`, whose site must equal, file by file, a clean full build of the same docs (the
sitemap's build dates aside: they are the build's declared timestamps).

Each kind of edit comes once (every step costs two builds): the add and the change are built
incrementally, the delete takes a full build, and the change after it is built incrementally
on the cache that full build left."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from digest.archive.entry import entry_filename, read_entry, render_entry
from digest.models import Figure
from digest.site.build import build_site
from tests.built_site import sample_project

pytestmark = pytest.mark.site
DECLARED_TIMESTAMPS = ("sitemap.xml", "sitemap.xml.gz")  # <lastmod>: the build's date


def _project(root: Path) -> Path:
    return sample_project(root, "pagefind")


def _differences(a: Path, b: Path) -> list[str]:
    names = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names |= {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    return [
        name
        for name in sorted(names)
        if name not in DECLARED_TIMESTAMPS
        and (
            not (a / name).is_file()
            or not (b / name).is_file()
            or (a / name).read_bytes() != (b / name).read_bytes()
        )
    ]


def _add(posts: Path, rng: random.Random) -> str:
    template = read_entry(rng.choice(sorted(posts.glob("*.md"))))
    template.title = f"Added entry number {rng.randrange(10**6)} about wafers"
    template.slug = ""
    template.date = dt.date(2024, 12, 21)
    template.url = f"https://added.example/{rng.randrange(10**6)}"
    (posts / entry_filename(template)).write_text(render_entry(template), encoding="utf-8")
    return "add"


def _change(posts: Path, rng: random.Random) -> str:
    path = rng.choice(sorted(posts.glob("*.md")))
    entry = read_entry(path)
    entry.summary = entry.summary + " Analysts expect more next quarter."
    entry.figures = [*entry.figures, Figure("7%", "the growth analysts expect next quarter")]
    path.write_text(render_entry(entry), encoding="utf-8")
    return "change"


def _delete(posts: Path, rng: random.Random) -> str:
    rng.choice(sorted(posts.glob("*.md"))).unlink()
    return "delete"


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_incremental_build_equals_full_build(tmp_path: Path, engine: str) -> None:
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install 'silicon-digest[zensical]'")
    config = _project(tmp_path / "project")
    posts = tmp_path / "project" / "docs" / "posts"
    cache = tmp_path / "cache"
    first = build_site(config, tmp_path / "site", engine=engine, cache_dir=cache, check=False)
    assert not first.incremental
    rng = random.Random(14)
    for step, edit in enumerate([_add, _delete, _change]):
        what = edit(posts, rng)
        done = build_site(config, tmp_path / "site", engine=engine, cache_dir=cache, check=False)
        # an edit that removes a page takes a full build; the others only what changed
        assert done.incremental == (what != "delete"), what
        if done.incremental and engine == "mkdocs":  # Zensical rewrites every page it keeps
            assert 0 < done.pages_built < 40, (what, done.pages_built)
        clean = build_site(
            config, tmp_path / f"full-{step}", engine=engine, cache_dir=tmp_path / f"c{step}",
            check=False,
        )
        assert not clean.incremental
        assert _differences(tmp_path / "site", tmp_path / f"full-{step}") == [], what
