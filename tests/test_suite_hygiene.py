"""The suite itself: tests run in a folder of their own, never in the repository."""

from __future__ import annotations

import uuid
from pathlib import Path

from click.testing import CliRunner

from digest.cli import main
from tests.conftest import REPO

ARTICLE = REPO / "tests" / "fixtures" / "articles" / "meta-mtia-v2.html"


def test_tests_do_not_run_in_the_repository() -> None:
    cwd = Path.cwd().resolve()
    assert cwd != REPO and REPO not in cwd.parents


def test_digest_add_leaves_no_cache_in_the_repository(tmp_path: Path) -> None:
    article = tmp_path / "article.html"  # new content: a new cache key, so a cache write
    article.write_bytes(ARTICLE.read_bytes() + f"<!-- {uuid.uuid4()} -->".encode())
    cache = REPO / ".cache" / "digest"
    before = {p for p in cache.rglob("*")} if cache.exists() else set()
    result = CliRunner().invoke(main, ["add", "--docs", str(tmp_path / "docs"), str(article)])
    assert result.exit_code == 0, result.stderr
    after = {p for p in cache.rglob("*")} if cache.exists() else set()
    assert after == before
    assert any(Path.cwd().joinpath(".cache", "digest").rglob("*.json"))  # it went here instead
