"""The sidebar navigation (digest/site/templates/partials/nav.html) writes a plain nav item
inline instead of through Material's three nested macros: the pages are the same as with
Material's own partial, for plain items, sections, the page shown (with its table of contents)
and an item with an icon. Same means the same markup and text with runs of white space read as
one space, as a browser reads them: the white space the theme's macros leave differs between
Material releases (9.6.0, the lowest CI builds with, leaves more than 9.8), and the partial
copies one release's, so the bytes are the same only on that release."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.site import treesync
from digest.site.engines import zensical_engine

pytestmark = pytest.mark.site

# A nav with a section (Material's macro draws it), and the sample's other pages as plain items.
NAV = [
    {"Latest": "index.md"},
    {"More": ["about.md", "reliability.md"]},
    {"Weekly": "weekly/index.md"},
    {"Tags": "tags.md"},
    {"Performance": "performance.md"},
]
ICON_PAGE = "performance.md"  # given an icon in its front matter: Material's macro draws it
WHITE_SPACE = re.compile(rb"\s+")


def _pages(docs: Path) -> list[str]:
    """The pages built: NAV's, and one page of each kind outside the nav (an entry, a tag
    page, a weekly issue, an entity page, a listing page): a few pages keep the two builds
    quick."""
    pages = ["index.md", "about.md", "reliability.md", "weekly/index.md", "tags.md",
             "performance.md"]
    for pattern in ("20*/**/*.md", "tags/*.md", "weekly/20*.md", "entities/*.md", "page/*.md"):
        pages.append(sorted(p.relative_to(docs).as_posix() for p in docs.glob(pattern))[0])
    return pages


def _engine_build(staged: Path, root: Path, *, ours: bool) -> dict[str, bytes]:
    """Every HTML page MkDocs makes of the staged sample tree's _pages (NAV as its nav) with
    our overrides, with or without our nav partial."""
    for page in _pages(staged / "docs"):
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(staged / "docs" / page, root / "docs" / page)
    shutil.copytree(staged / "docs" / "assets", root / "docs" / "assets")
    page = root / "docs" / ICON_PAGE
    text = page.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        page.write_text("---\nicon: material/chip\n" + text[4:], encoding="utf-8")
    else:
        page.write_text("---\nicon: material/chip\n---\n\n" + text, encoding="utf-8")
    shutil.copytree(staged / "overrides", root / "overrides")
    if not ours:
        (root / "overrides" / zensical_engine.NAV_PARTIAL).unlink()
    config: dict[str, Any] = yaml.safe_load(
        (staged / "mkdocs.engine.yml").read_text(encoding="utf-8"))
    config["nav"] = NAV
    config["docs_dir"], config["site_dir"] = "docs", "site"
    config["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True,
    )
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_nav_partial_writes_what_materials_macros_write(
    built_site: Any, tmp_path: Path
) -> None:
    staged = built_site.root / ".digest-cache" / "mkdocs"
    ours = _engine_build(staged, tmp_path / "ours", ours=True)
    theirs = _engine_build(staged, tmp_path / "theirs", ours=False)
    assert ours.keys() == theirs.keys()
    differ = [name for name in sorted(ours)
              if WHITE_SPACE.sub(b" ", ours[name]) != WHITE_SPACE.sub(b" ", theirs[name])]
    assert not differ, f"{len(differ)} pages differ, e.g. {differ[:3]}"
    # every kind of item was drawn: plain links, a section, the page shown, an icon
    about = ours["about/index.html"].decode("utf-8")
    assert "md-nav__item--nested" in about and "md-nav__link--active" in about
    assert 'class="md-nav__link">' in about
    assert len(ours) >= len(NAV) + 4  # the pages outside the nav were built too
    tag_page = next(name for name in ours if name.startswith("tags/") and name != "tags/index.html")
    assert ours[tag_page].count(b'<li class="md-nav__item">') >= 3
    assert b"md-nav__item--active" not in ours[tag_page]


def test_zensical_keeps_its_own_nav_partial() -> None:
    files = {zensical_engine.NAV_PARTIAL: b"ours", "partials/tabs.html": b"tabs"}
    assert zensical_engine.NAV_PARTIAL not in zensical_engine.ZensicalEngine().adapt_overrides(
        files, {})


def test_a_project_with_its_own_nav_items_keeps_the_theme_nav(tmp_path: Path) -> None:
    """A project whose custom_dir redraws the nav items (partials/nav-item.html) gets them on
    every item: our nav partial, which writes plain items itself, is left out."""
    assert treesync.NAV in treesync.theme_overrides("lunr", tmp_path)
    (tmp_path / "partials").mkdir()
    (tmp_path / treesync.NAV_ITEM).write_text("{% macro render() %}{% endmacro %}", "utf-8")
    files = treesync.theme_overrides("lunr", tmp_path)
    assert treesync.NAV not in files and treesync.NAV_ITEM in files
    (tmp_path / treesync.NAV).write_text("theirs", "utf-8")
    assert treesync.theme_overrides("lunr", tmp_path)[treesync.NAV] == b"theirs"
