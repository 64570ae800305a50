"""Relative links without posixpath.relpath, and which changes `digest serve` takes the fast path
for (digest.site.preview)."""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digest.pages.items import relative_link
from digest.site.preview import Preview
from digest.site.settings import Settings


@pytest.mark.parametrize(
    ("from_src", "to_src"),
    [
        pytest.param("posts/a.md", "posts/b.md", id="same-folder"),
        pytest.param("index.md", "weekly/2024-w49.md", id="down"),
        pytest.param("weekly/2024-w49.md", "index.md", id="up"),
        pytest.param("entities/aws.md", "posts/2024-12-03-x.md", id="across"),
        pytest.param("a/b/c.md", "a/d/e.md", id="shared-parent"),
        pytest.param("a/b/c.md", "a/b/c.md", id="itself"),
        pytest.param("a/b/c.md", "x.md", id="two-up"),
    ],
)
def test_relative_link_matches_relpath(from_src: str, to_src: str) -> None:
    assert relative_link(from_src, to_src) == posixpath.relpath(
        to_src, posixpath.dirname(from_src) or "."
    )


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Preview]:
    """A Preview of a two-file project whose builds are recorded, not run."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: https://example.org/sub/\ntheme: !ENV [THEME, mkdocs]\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "posts").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "posts" / "old.md").write_text("old\n", encoding="utf-8")
    made = Preview(tmp_path / "mkdocs.yml")
    made.calls = []  # type: ignore[attr-defined]
    monkeypatch.setattr(made, "fast_build", lambda names: made.calls.append(("fast", names)) or [])  # type: ignore[attr-defined]
    monkeypatch.setattr(made, "request_full_build", lambda: made.calls.append(("full",)))  # type: ignore[attr-defined]
    monkeypatch.setattr(made, "check", lambda: True)  # the routing, not the check (test_serve.py)
    yield made
    shutil.rmtree(made.work, ignore_errors=True)


@pytest.mark.parametrize(
    ("change", "calls"),
    [
        pytest.param(
            lambda docs: (docs / "posts" / "new.md").write_text("new\n", encoding="utf-8"),
            [("fast", ["new.md"]), ("full",)],
            id="new-entry-fast-then-full",
        ),
        pytest.param(
            lambda docs: (docs / "posts" / "old.md").write_text("edited\n", encoding="utf-8"),
            [("fast", ["old.md"]), ("full",)],
            id="edited-entry-fast-then-full",
        ),
        pytest.param(
            lambda docs: (docs / "posts" / "old.md").unlink(), [("full",)], id="removed-entry-full"
        ),
        pytest.param(
            lambda docs: (docs / "about.md").write_text("# About\n", encoding="utf-8"),
            [("full",)],
            id="other-page-full",
        ),
        pytest.param(lambda docs: None, [], id="nothing-changed"),
    ],
)
def test_preview_takes_the_fast_path_for_entries(
    preview: Preview, change: Callable[[Path], object], calls: list[tuple[object, ...]]
) -> None:
    assert preview.mount_path == "/sub/"
    change(preview.docs_dir)
    preview.on_change()
    assert preview.calls == calls  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("engine", "pagefind_from", "expected"),
    [
        pytest.param("auto", 1, "pagefind", id="archive-over-threshold"),
        pytest.param("auto", 2000, "lunr", id="archive-under-threshold"),
        pytest.param("lunr", 1, "lunr", id="forced-lunr"),
    ],
)
def test_preview_builds_new_entries_with_the_archives_search(
    preview: Preview, engine: str, pagefind_from: int, expected: str
) -> None:
    """The small build of a new entry sees one entry; its page must still get the search box of
    the whole archive's engine."""
    assert preview.search_engine(Settings(search=engine, pagefind_from=pagefind_from)) == expected
