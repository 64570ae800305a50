"""The sample site, built once per test session for the tests that read it as a reader's
browser or a link preview would (tests/test_a11y.py, tests/test_metadata_tags.py): mkdocs.yml
and docs/ copied to a temporary folder and built with `digest build`."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest.archive.entry import entry_filename, render_entry
from digest.text.siteconfig import read_site_config
from tests.conftest import REPO
from tests.test_synth import _load_synth


@dataclass(frozen=True, slots=True)
class BuiltSite:
    root: Path  # mkdocs.yml and docs/ here
    site: Path  # the built site
    site_url: str  # mkdocs.yml's site_url


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("built-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    command = [sys.executable, "-m", "digest", "build", "--config", str(root / "mkdocs.yml")]
    subprocess.run([*command, "--site-dir", str(root / "site")], check=True, cwd=root,
                   capture_output=True)
    site_url = str(read_site_config(root / "mkdocs.yml").get("site_url") or "")
    return BuiltSite(root, root / "site", site_url)


# A synthetic archive big enough that the figures index is split by year (some 1,500 figures
# over three years, more than indexes.FIGURES_PER_PAGE): its pages' sizes, filter and list of
# pages are what tests/test_index_paging.py and the keyboard test read.
SYNTH_ENTRIES = 300
SYNTH_YEARS = 3
SYNTH_END = dt.date(2026, 6, 30)


@pytest.fixture(scope="session")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("synth-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("posts"))
    posts = docs / "posts"
    posts.mkdir()
    synth = _load_synth()
    for entry in synth.generate_entries(SYNTH_ENTRIES, years=SYNTH_YEARS, end=SYNTH_END):
        (posts / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    command = [sys.executable, "-m", "digest", "build", "--config", str(root / "mkdocs.yml")]
    subprocess.run([*command, "--site-dir", str(root / "site")], check=True, cwd=root,
                   capture_output=True)
    site_url = str(read_site_config(root / "mkdocs.yml").get("site_url") or "")
    return BuiltSite(root, root / "site", site_url)
