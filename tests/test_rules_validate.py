"""Rules of `digest check` on one entry file (digest/archive/validate.py), one test each, with
the line, field and whole message a contributor sees: broken YAML, an empty or non-mapping
front matter, invisible characters, quotes and figures against the article's snapshot, and the
check `digest add` runs on a new entry beside its neighbours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.archive.validate import check_new_entry, check_text

BASE = """---
title: Foundry delays its second plant by a year
date: 2025-03-04
source: Wafer Weekly
url: https://wafer.example/2025/03/plant
summary: The foundry said its second plant in the valley would open a year later than planned.
---
"""
NAME = "2025-03-04-foundry-delays-its-second-plant-by-a-year.md"
TODAY = dt.date(2025, 3, 10)


def problems(text: str, **kw: object) -> list[tuple[int, str, str]]:
    return [(p.line, p.field, p.message)
            for p in check_text(text, f"docs/posts/{NAME}", today=TODAY, **kw)]  # type: ignore[arg-type]


def test_a_good_entry_has_no_problem() -> None:
    assert problems(BASE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("source: Wafer Weekly", "source: [Wafer Weekly",
                     (5, "front matter", "not valid YAML: expected ',' or ']', but got ':' "
                                         "(while parsing a flow sequence on line 4)"),
                     id="problem-with-its-context"),
        pytest.param("source: Wafer Weekly", "source: Wafer: Weekly: x",
                     (4, "front matter", "not valid YAML: mapping values are not allowed here"),
                     id="problem-alone"),
        pytest.param("source: Wafer Weekly", "source:\tWafer\n\t- x",
                     (4, "front matter",
                      "not valid YAML: found character '\\t' that cannot start any token"),
                     id="tab"),
    ],
)
def test_broken_yaml_names_its_line_and_problem(
    old: str, new: str, expected: tuple[int, str, str]
) -> None:
    assert problems(BASE.replace(old, new)) == [expected]


def test_empty_front_matter() -> None:
    assert problems("---\n---\n") == [(1, "front matter", "is empty")]


def test_front_matter_that_is_not_a_mapping() -> None:
    assert problems("---\n- a\n- b\n---\n") == [
        (2, "front matter", "must be a mapping of keys to values")]


def test_invisible_characters_named_up_to_five() -> None:
    text = BASE.replace("Wafer Weekly", "Wafer\u202e\u200b\u0007\u2066\u2067\u2068 Weekly")
    assert problems(text) == [
        (4, "source", "contains control, bidi or zero-width characters (U+202E, U+200B, U+0007, "
                      "U+2066, U+2067); remove them")]


QUOTED = BASE[:-4] + """quotes:
- text: We will open the plant next spring
  speaker: Maria Lindqvist
figures:
- value: 40%
  context: sales rose 40% last year
---
"""


def test_quotes_and_figures_found_in_the_snapshot_pass() -> None:
    source = "Maria Lindqvist said: We will open the plant next spring. Sales rose 40% last year."
    assert problems(QUOTED, source_text=source) == []


def test_quotes_and_figures_missing_from_the_snapshot_are_named() -> None:
    assert problems(QUOTED, source_text="Nothing of the kind was said here at all.") == [
        (8, "quotes[0].text",
         "quote 'We will open the plant next spring' does not occur in the source text"),
        (11, "figures[0].value", "figure '40%' does not occur in the source text")]


def test_new_entry_is_checked_beside_its_neighbours(tmp_path: Path) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    other = posts / "2025-03-05-plant-opening-pushed-back-to-next-spring.md"
    other.write_text(BASE.replace("Foundry delays its second plant by a year",
                                  "Plant opening pushed back to next spring")
                     .replace("2025-03-04", "2025-03-05")
                     .replace("The foundry said", "A report said the foundry announced"),
                     encoding="utf-8")
    broken = posts / "2025-03-06-broken.md"
    broken.write_text("---\n- a\n---\n", encoding="utf-8")  # its own problems are not reported
    new = posts / NAME
    found = check_new_entry(BASE, new, [other, broken, posts / "absent.md"], today=TODAY)
    assert [(p.path, p.line, p.field, p.message) for p in found] == [
        (str(new), 5, "url", f"same URL as {other}:5")]


def test_byte_order_mark_is_named_and_the_rest_still_read() -> None:
    assert problems("\ufeff" + BASE) == [
        (1, "file", "starts with a byte-order mark; save as UTF-8 without BOM")]


def test_file_name_of_a_windows_path() -> None:
    found = check_text(BASE, "docs\\posts\\bad name.md", today=TODAY)
    assert [(p.line, p.field, p.message) for p in found] == [
        (1, "file name", "'bad name.md' must be YYYY-MM-DD-slug.md")]


def test_declared_slug_must_match_the_file_name() -> None:
    text = BASE.replace("date: 2025-03-04\n", "date: 2025-03-04\nslug: other-slug\n")
    assert problems(text) == [
        (1, "file name", "slug 'foundry-delays-its-second-plant-by-a-year' differs from slug "
                         "'other-slug'")]


def test_date_after_today_is_refused() -> None:
    found = check_text(BASE, f"docs/posts/{NAME}", today=dt.date(2025, 3, 1))
    assert [(p.line, p.field, p.message) for p in found] == [
        (3, "date", "2025-03-04 is in the future")]


def test_invisible_characters_in_the_body() -> None:
    assert problems(BASE + "\nBody with \u202e here.\n") == [
        (9, "body", "contains control, bidi or zero-width characters (U+202E); remove them")]


def test_alias_bomb_is_stopped_at_line_one() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdef", "abcde", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    levels.append("g: [" + ", ".join(["*f"] * 9) + "]")
    assert problems("---\n" + "\n".join(levels) + "\n---\n") == [
        (1, "front matter", "front matter expands to more than 20,000 values (aliases "
                            "repeating aliases); write the values out")]


def test_file_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    from digest.archive.validate import check_paths

    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    (posts / NAME).write_bytes(BASE.encode().replace(b"Wafer Weekly", b"Wafer \xff Weekly"))
    assert [(p.line, p.field, p.message) for p in check_paths([tmp_path / "docs"])] == [
        (4, "file", "not valid UTF-8 (byte 0xff at offset 84); save the file as UTF-8")]


def test_new_entry_keeps_its_own_problems_beside_a_duplicate(tmp_path: Path) -> None:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    other = posts / "2025-03-05-plant-opening-pushed-back-to-next-spring.md"
    other.write_text(BASE.replace("Foundry delays its second plant by a year",
                                  "Plant opening pushed back to next spring")
                     .replace("2025-03-04", "2025-03-05")
                     .replace("The foundry said", "A report said the foundry announced"),
                     encoding="utf-8")
    text = BASE.replace("Wafer Weekly", "Wafer\u202e Weekly")
    found = check_new_entry(text, posts / NAME, [other], today=TODAY)
    assert [(p.line, p.field) for p in found] == [(4, "source"), (5, "url")]
