"""The one front-matter loader (digest.text.yamlsafe): alias bombs and over-large front matter
are refused by every reader of entries (entry reading, validation, the site plugin)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from digest.archive.entry import read_entry
from digest.archive.validate import check_paths
from digest.errors import EntryError
from digest.text import yamlsafe

GOOD_FRONT = """title: Foundry adds a second 2 nm line
date: 2025-01-10
source: Chip Weekly
summary: The foundry said the line opens next year.
"""


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A "billion laughs" document: each anchor lists the previous one `width` times."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def _entry(tmp_path: Path, front: str) -> Path:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    path = posts / "2025-01-10-foundry-adds-a-second-2-nm-line.md"
    path.write_text(f"---\n{front}---\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(alias_bomb(), id="billion-laughs"),
        pytest.param(alias_bomb(levels=30, width=2), id="deep-doubling"),
        pytest.param("title: " + "x" * (yamlsafe.MAX_TEXT_CHARS + 1) + "\n", id="over-size"),
    ],
)
def test_loader_refuses(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(yamlsafe.YAMLLimitError):
        yamlsafe.load(text)
    assert time.perf_counter() - started < 5  # refused before anything expands


def test_loader_reads_ordinary_front_matter_and_small_aliases() -> None:
    data = yamlsafe.load(GOOD_FRONT + "tags: &t [Apple]\ncategories: *t\n")
    assert data["title"] == "Foundry adds a second 2 nm line"
    assert data["categories"] == ["Apple"]


def test_loader_is_a_loader_class() -> None:
    # a Loader class: code that takes one, yaml.load(text, Loader), gets the limits too
    with pytest.raises(yamlsafe.YAMLLimitError):
        yaml.load(alias_bomb(), Loader=yamlsafe.LimitedLoader)
    assert yaml.load("a: 1", Loader=yamlsafe.LimitedLoader) == {"a": 1}


def test_read_entry_refuses_alias_bomb(tmp_path: Path) -> None:
    path = _entry(tmp_path, GOOD_FRONT + alias_bomb())
    with pytest.raises(EntryError, match="expands to more than"):
        read_entry(path)


def test_check_reports_alias_bomb_in_one_line(tmp_path: Path) -> None:
    path = _entry(tmp_path, GOOD_FRONT + alias_bomb())
    problems = check_paths([path])
    assert [(p.field, "expands to more than" in p.message) for p in problems] == [
        ("front matter", True)
    ]
    assert "\n" not in str(problems[0])


def test_site_build_reading_refuses_alias_bomb(tmp_path: Path) -> None:
    from digest.errors import DigestError
    from digest.site.entry_reading import read_items

    _entry(tmp_path, GOOD_FRONT + alias_bomb())
    with pytest.raises(DigestError, match="expands to more than"):
        read_items(tmp_path / "docs")


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        pytest.param(GOOD_FRONT + "tags: [a, b]\n", False, id="entry"),
        pytest.param("a: [" + ",".join(["x"] * 19_990) + "]\n", False, id="wide-under"),
        pytest.param("a: [" + ",".join(["x"] * 20_001) + "]\n", True, id="wide-over"),
        pytest.param("".join(f"k{i}: v\n" for i in range(10_001)), True, id="many-keys"),
    ],
)
def test_a_document_without_aliases_is_counted_as_a_tree(text: str, refused: bool) -> None:
    """Without a "*" the document is a tree and its nodes are counted (check_tree_size): the
    same answer, and the same message, as the walk that sizes shared nodes."""
    loader = yamlsafe.LimitedLoader(text)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    answers = []
    for check in (yamlsafe.check_tree_size, yamlsafe.check_node_budget):
        try:
            check(root)
            answers.append("")
        except yamlsafe.YAMLLimitError as exc:
            answers.append(str(exc))
    assert answers[0] == answers[1] and bool(answers[0]) is refused
    assert loader._tree
    assert not yamlsafe.LimitedLoader("a: &x [1]\nb: *x\n")._tree
