"""The sample site, built once per test run for the tests that read it as a reader's browser
or a link preview would (tests/test_a11y.py, tests/test_metadata_tags.py, tests/test_csp.py):
mkdocs.yml and docs/ copied to a temporary folder and built with `digest build`; and a
synthetic archive's site (tests/test_index_paging.py, the split index's keyboard test). The
fixtures, `built_site` and `synth_site`, are declared once, in tests/conftest.py: a fixture
imported into several test modules would be a separate fixture in each, built once per module.

Under pytest-xdist (`make test` runs the suite on every core) each worker is its own session:
the first worker that needs a site builds it in the run's shared temporary folder, under a
lock, and the others wait for it and read the same files. The sites are read only."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from digest.archive.entry import entry_filename, render_entry
from digest.text.siteconfig import read_site_config
from tests.conftest import REPO
from tests.test_synth import _load_synth


def sample_project(root: Path, search: str, *, copy_docs: bool = True) -> Path:
    """A project in `root`: the sample docs/ (unless `copy_docs` is false: the caller wrote its
    own) and the repository's mkdocs.yml with the digest's search engine set to `search`
    (lunr or pagefind). Returns its mkdocs.yml, for tests that build the site themselves."""
    if copy_docs:
        shutil.copytree(REPO / "docs", root / "docs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "silicon-digest" in plugin:
            plugin["silicon-digest"]["search"] = search
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root / "mkdocs.yml"


@dataclass(frozen=True, slots=True)
class BuiltSite:
    root: Path  # mkdocs.yml and docs/ here
    site: Path  # the built site
    site_url: str  # mkdocs.yml's site_url


def build_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` has filled, once per test run: a fresh temporary folder when pytest runs
    alone; under xdist, one folder of the run's shared temporary folder that the first worker
    fills under a lock (a worker whose `make` fails leaves no mark: the next one tries again)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        root = factory.mktemp(name)
        make(root)
        return root
    shared = factory.getbasetemp().parent / "shared-builds"  # the workers' common parent
    shared.mkdir(exist_ok=True)
    root = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (shared / f"{name}.done").exists():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            make(root)
            (shared / f"{name}.done").touch()
    return root


def _digest_build(root: Path) -> None:
    command = [sys.executable, "-m", "digest", "build", "--config", str(root / "mkdocs.yml")]
    subprocess.run([*command, "--site-dir", str(root / "site")], check=True, cwd=root,
                   capture_output=True)


def _built(root: Path) -> BuiltSite:
    site_url = str(read_site_config(root / "mkdocs.yml").get("site_url") or "")
    return BuiltSite(root, root / "site", site_url)


def _sample(root: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    _digest_build(root)


def sample_site(factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample site (the session fixture `built_site` of tests/conftest.py)."""
    return _built(build_once(factory, "built-site", _sample))


# A synthetic archive big enough that the figures index is split by year (some 1,500 figures
# over three years, more than indexes.FIGURES_PER_PAGE): its pages' sizes, filter and list of
# pages are what tests/test_index_paging.py and the keyboard test read.
SYNTH_ENTRIES = 300
SYNTH_YEARS = 3
SYNTH_END = dt.date(2026, 6, 30)


def _synthetic(root: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("posts"))
    posts = docs / "posts"
    posts.mkdir()
    synth = _load_synth()
    for entry in synth.generate_entries(SYNTH_ENTRIES, years=SYNTH_YEARS, end=SYNTH_END):
        (posts / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    _digest_build(root)


def synthetic_site(factory: pytest.TempPathFactory) -> BuiltSite:
    """The synthetic archive's site (the session fixture `synth_site` of tests/conftest.py)."""
    return _built(build_once(factory, "synth-site", _synthetic))
