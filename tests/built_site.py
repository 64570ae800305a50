"""The sample site, built once per test session for the tests that read it as a reader's
browser or a link preview would (tests/test_a11y.py, tests/test_metadata_tags.py): mkdocs.yml
and docs/ copied to a temporary folder and built with `digest build`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest.text.siteconfig import read_site_config
from tests.conftest import REPO


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
