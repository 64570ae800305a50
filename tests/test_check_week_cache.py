"""The same-story check's cache (digest.archive.check_cache.WeekCache): a week whose records
did not change takes its problems from the last run, a week with any changed field of any
record is compared again, and the answer is always a fresh check's."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from digest.archive import duplicates
from digest.archive.field_checks import Record
from digest.archive.validate import check_paths
from digest.errors import Problem
from tests.test_validate import TODAY, VOCAB, _entry_text, _write

SAME = "Foundry opens its second fab in Arizona"


@pytest.fixture
def weeks(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The weeks the comparison ran on, by their files' names (our own function, counted)."""
    calls: list[list[str]] = []
    real = duplicates._same_stories_in_week

    def counting(group: list[Record]) -> list[Problem]:
        calls.append(sorted(Path(r.path).name for r in group))
        return real(group)

    monkeypatch.setattr(duplicates, "_same_stories_in_week", counting)
    return calls


def _archive(docs: Path) -> dict[str, Path]:
    return {
        "a": _write(docs, "2024-01-02-a.md", _entry_text(
            SAME, "2024-01-02", "First text.", "https://one.example.com/a")),
        "b": _write(docs, "2024-01-03-b.md", _entry_text(
            SAME + ".", "2024-01-03", "Other text.", "https://two.example.com/b")),
        "c": _write(docs, "2024-06-04-c.md", _entry_text(
            "Memory prices rise", "2024-06-04", "Third text.", "https://one.example.com/c")),
        "d": _write(docs, "2024-06-05-d.md", _entry_text(
            "A packaging plant", "2024-06-05", "Fourth text.", "https://two.example.com/d")),
    }


def _check(docs: Path, cache: Path | None) -> list[Problem]:
    return check_paths([docs], vocabulary=VOCAB, today=TODAY, cache=cache)


def test_an_unchanged_week_is_not_compared_again(tmp_path: Path, weeks: list) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "check.json"
    _archive(docs)
    first = _check(docs, cache)
    assert sorted(weeks) == [["2024-01-02-a.md", "2024-01-03-b.md"],
                             ["2024-06-04-c.md", "2024-06-05-d.md"]]
    assert [p.message.split(" (")[0] for p in first if "same story" in p.message] == [
        f"same story as {docs / 'posts' / '2024-01-03-b.md'}:2",
        f"same story as {docs / 'posts' / '2024-01-02-a.md'}:2",
    ]
    weeks.clear()
    assert _check(docs, cache) == first
    assert weeks == []


@pytest.mark.parametrize("edit", ["title", "summary", "url", "line", "date", "added"])
def test_a_changed_record_compares_its_week_again(
    tmp_path: Path, weeks: list, edit: str
) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "check.json"
    files = _archive(docs)
    _check(docs, cache)
    weeks.clear()
    b = files["b"]
    if edit == "title":
        b.write_text(_entry_text("Different", "2024-01-03", "Other text.",
                                 "https://two.example.com/b"), encoding="utf-8")
    elif edit == "summary":
        b.write_text(_entry_text(SAME + ".", "2024-01-03", "First text.",
                                 "https://two.example.com/b"), encoding="utf-8")
    elif edit == "url":  # the same URL: reported as such, not as the same story
        b.write_text(_entry_text(SAME + ".", "2024-01-03", "Other text.",
                                 "https://one.example.com/a"), encoding="utf-8")
    elif edit == "line":  # the title one line lower: the problem's line moves
        b.write_text("---\n# a comment\n" + _entry_text(
            SAME + ".", "2024-01-03", "Other text.", "https://two.example.com/b")[4:],
            encoding="utf-8")
    elif edit == "date":  # into the week of c and d
        b.write_text(_entry_text(SAME + ".", "2024-06-06", "Other text.",
                                 "https://two.example.com/b"), encoding="utf-8")
        b.rename(b.with_name("2024-06-06-b.md"))
    else:
        _write(docs, "2024-01-04-e.md", _entry_text(
            SAME + "!", "2024-01-04", "Fifth text.", "https://three.example.com/e"))
    again = _check(docs, cache)
    compared = list(weeks)
    assert again == _check(docs, None)  # what a check without cache finds
    if edit == "date":
        assert compared == [["2024-06-04-c.md", "2024-06-05-d.md", "2024-06-06-b.md"]]
    else:
        assert len(compared) == 1 and "2024-01-02-a.md" in compared[0]  # that week only


def test_random_edits_find_what_a_fresh_check_finds(tmp_path: Path) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "check.json"
    rng = random.Random(3)
    titles = [SAME, SAME + ".", "Memory prices rise", "Memory prices rise again", "A plant"]
    for step in range(12):
        day = rng.choice(["2024-01-02", "2024-01-03", "2024-01-04", "2024-06-05"])
        name = f"{day}-{rng.randrange(4)}.md"
        for old in (docs / "posts").glob(f"*-{name[-4:]}") if (docs / "posts").is_dir() else []:
            if rng.random() < 0.3:
                old.unlink()
        _write(docs, name, _entry_text(rng.choice(titles), day, f"Text {step}.",
                                       f"https://x{rng.randrange(3)}.example.com/{step}"))
        assert _check(docs, cache) == _check(docs, None), step
