"""Hostile pages never become markup in the site: the real site is built from them and every
output file is scanned for the payloads in a live (tag or attribute) position."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from tests.conftest import REPO

HOSTILE = sorted((Path(__file__).parent / "fixtures" / "hostile").glob("*.html"))

# Payloads in a position where a browser would act on them.
LIVE_PAYLOADS = {
    "script element": re.compile(r"<script[^>]*>\s*alert", re.I),
    "event handler": re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=\s*['\"]?alert", re.I),
    "javascript: URL": re.compile(r"""(?:href|src|action)\s*=\s*['"]?\s*javascript:""", re.I),
    "data: URL": re.compile(r"""(?:href|src)\s*=\s*['"]?\s*data:""", re.I),
    "iframe": re.compile(r"<iframe", re.I),
    "svg handler": re.compile(r"<svg[^>]*onload", re.I),
}

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    for page in HOSTILE:
        added = CliRunner().invoke(
            main, ["add", "--docs", str(root / "docs"), str(page)], catch_exceptions=False
        )
        assert added.exit_code == 0, added.stderr
    # Build with MkDocs directly, bypassing `digest check`: rendering must be safe on its own.
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml"],
        check=True,
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return root, root / "site"


def test_hostile_entry_is_built(hostile_site: tuple[Path, Path]) -> None:
    _, site = hostile_site
    pages = [p for p in site.rglob("index.html") if "gaudi-3" in str(p)]
    assert pages, "the hostile entry's page was not built"
    html = pages[0].read_text(encoding="utf-8")
    assert "Gaudi 3" in html and "1,835 TFLOPS" in html


def test_no_payload_is_live(hostile_site: tuple[Path, Path]) -> None:
    _, site = hostile_site
    found = []
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".xml", ".json") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for name, pattern in LIVE_PAYLOADS.items():
            if name == "event handler" and path.suffix == ".html":
                continue  # parsed below: a handler is an attribute, not text in a value
            for match in pattern.finditer(text):
                found.append(f"{path.relative_to(site)}: {name}: {match.group(0)[:80]}")
        if path.suffix == ".html":
            found += [f"{path.relative_to(site)}: event handler: {h}" for h in _handlers(text)]
    assert found == []


def _handlers(text: str) -> list[str]:
    """`tag on...=value` for every event-handler attribute of the page that runs the payload;
    an attribute value that merely contains "onclick=alert" (a title in og:title) is text."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Handlers(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(
                f"{tag} {name}={value[:60]}"
                for name, value in attrs
                if name.startswith("on") and "alert" in (value or "").lower()
            )

    parser = Handlers(convert_charrefs=True)
    parser.feed(text)
    parser.close()
    return found


def test_entry_file_has_no_markup(hostile_site: tuple[Path, Path]) -> None:
    root, _ = hostile_site
    for entry in (root / "docs" / "posts").glob("*gaudi-3*.md"):
        text = entry.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<svg" not in text
        assert "<iframe" not in text and "onerror" not in text
        assert "\n---\ntitle: injected" not in text  # front matter not broken open


def test_check_passes_what_add_wrote(hostile_site: tuple[Path, Path]) -> None:
    # `digest add` runs the check's rules before writing and repairs what it can (the page's
    # Markdown link syntax is reduced to its text), so what it wrote passes `digest check`
    # (issue 11: add never writes what check rejects).
    root, _ = hostile_site
    result = subprocess.run(
        [sys.executable, "-m", "digest", "check", str(root / "docs")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Markdown link" not in result.stderr
