"""More rules of `digest check` (digest/archive/validate.py) that a mutation run found unpinned,
one small test each, with the whole problem a contributor sees: Windows line ends, where the
front matter starts and ends, who owns an invisible character, the file name's own problems,
plain-text fields, excerpts, errors a YAML parser gives without a position, which files a
folder holds, and the options `check_paths` / `check_new_entry` pass on to each file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from digest.archive.field_checks import Context
from digest.archive.validate import _compose_slowly, check_new_entry, check_paths, check_text
from digest.editorial.vocabulary import Term, Vocabulary
from tests.test_rules_validate import BASE, NAME, TODAY, problems

BAD_CHAR = "contains control, bidi or zero-width characters ({}); remove them"


# --- the file's lines --------------------------------------------------------------------------

def test_windows_line_ends_are_read_as_line_ends() -> None:
    """A CR before each LF is a line end, not a control character on every line."""
    assert problems(BASE.replace("\n", "\r\n") + "Notes.\r\n") == []


def test_front_matter_must_open_the_file() -> None:
    """A '---' further down does not make what is above it front matter."""
    assert problems("title: x\n---\nbody\n") == [
        (1, "front matter", "no YAML front matter: the file must start with a '---' line")]


def test_front_matter_opened_but_never_closed() -> None:
    assert problems("---\ntitle: x\n") == [
        (1, "front matter", "no YAML front matter: the file has no closing '---' line")]


def test_fences_may_end_in_spaces_but_not_start_with_them() -> None:
    assert problems(BASE.replace("---\n", "---  \n")) == []
    assert problems(" " + BASE)[0] == (
        1, "front matter", "no YAML front matter: the file must start with a '---' line")
    closed_by_indented = BASE[:-4] + "  ---\n"
    assert problems(closed_by_indented) == [
        (1, "front matter", "no YAML front matter: the file has no closing '---' line")]


def test_invisible_character_in_a_file_without_front_matter_is_named_by_line() -> None:
    assert problems("Just notes\nwith a \u200b here\n") == [
        (1, "front matter", "no YAML front matter: the file must start with a '---' line"),
        (2, "text", BAD_CHAR.format("U+200B"))]


def test_invisible_character_on_the_last_front_matter_line_belongs_to_its_key() -> None:
    text = BASE.replace("than planned.", "than \u200bplanned.")
    assert problems(text) == [(6, "summary", BAD_CHAR.format("U+200B"))]


def test_invisible_character_on_the_first_body_line_belongs_to_the_body() -> None:
    assert problems(BASE + "Notes \u200b here.\n") == [(8, "body", BAD_CHAR.format("U+200B"))]


def test_a_blanked_control_character_reads_as_one_replacement_character() -> None:
    """A raw control character is reported on its line and read as U+FFFD, so the field's own
    rules see the value with one character in its place."""
    text = BASE.replace("date: 2025-03-04\n", "date: 2025-03-04\nslug: foundry\u0007plant\n")
    assert problems(text) == [
        (4, "slug", "'foundry\ufffdplant' must be lower-case ASCII letters, digits and single "
                    "hyphens"),
        (4, "slug", BAD_CHAR.format("U+0007"))]


def test_invisible_character_before_the_first_key_belongs_to_the_front_matter() -> None:
    text = BASE.replace("---\ntitle", "---\n# draft \u200b\ntitle", 1)
    assert problems(text)[0] == (2, "front matter", BAD_CHAR.format("U+200B"))


# --- the file name -----------------------------------------------------------------------------

def test_a_bare_file_name_is_checked() -> None:
    found = check_text(BASE, "bad name.md", today=TODAY)
    assert [(p.line, p.field, p.message) for p in found] == [
        (1, "file name", "'bad name.md' must be YYYY-MM-DD-slug.md")]


def test_the_slug_in_the_file_name_follows_the_slug_rules() -> None:
    found = check_text(BASE, "docs/posts/2025-03-04-Foundry_Plant.md", today=TODAY)
    assert [(p.line, p.field, p.message) for p in found] == [
        (1, "file name", "'Foundry_Plant' must be lower-case ASCII letters, digits and single "
                         "hyphens")]


def test_the_date_in_the_file_name_must_be_the_entry_date() -> None:
    found = check_text(BASE, f"docs/posts/2025-03-05{NAME[10:]}", today=TODAY)
    assert [(p.line, p.field, p.message) for p in found] == [
        (1, "file name", "date prefix 2025-03-05 differs from date 2025-03-04")]


# --- plain-text fields -------------------------------------------------------------------------

def test_escaped_invisible_characters_in_a_value_are_named_in_order() -> None:
    """YAML escapes put characters in a value that the raw line does not show."""
    text = BASE.replace("source: Wafer Weekly", 'source: "Wafer\\u200b\\u202e Weekly"')
    assert problems(text) == [(4, "source", BAD_CHAR.format("U+200B, U+202E"))]


def test_markdown_link_in_a_field_is_named_with_its_line() -> None:
    text = BASE.replace("source: Wafer Weekly", "source: '[Wafer](https://wafer.example)'")
    assert problems(text) == [
        (4, "source", "contains Markdown link syntax '[Wafer](https://wafer.example)'; write "
                      "plain text")]


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        pytest.param("[" + "w" * 27 + "](https://a)", "[" + "w" * 27 + "](https://a)", id="40"),
        pytest.param("[" + "w" * 28 + "](https://a)", "[" + "w" * 28 + "](https://…", id="41"),
    ],
)
def test_excerpts_stop_at_forty_characters(link: str, shown: str) -> None:
    text = BASE.replace("source: Wafer Weekly", f"source: '{link}'")
    ((_, _, message),) = problems(text)
    assert message == f"contains Markdown link syntax {shown!r}; write plain text"


# --- YAML errors in the pure-Python parser's words -------------------------------------------

class _Loader:
    """Stands in for a loader: gives what one would give for a document."""

    def __init__(self, result: yaml.Node | None = None, error: Exception | None = None) -> None:
        self.result, self.error = result, error

    def get_single_node(self) -> yaml.Node | None:
        if self.error is not None:
            raise self.error
        return self.result


def _slow(loader: _Loader) -> tuple[yaml.Node | None, list[tuple[int, str, str]]]:
    ctx = Context(NAME, OWN_WORDS, TODAY)
    root = _compose_slowly(ctx, loader)  # type: ignore[arg-type]
    return root, [(p.line, p.field, p.message) for p in ctx.problems]


def test_a_yaml_error_without_a_position_is_put_on_line_one() -> None:
    assert _slow(_Loader(error=yaml.YAMLError("stream ended early"))) == (
        None, [(1, "front matter", "not valid YAML: stream ended early")])


def test_a_marked_yaml_error_without_its_marks_is_put_on_line_one() -> None:
    error = yaml.MarkedYAMLError(problem="found something odd")
    assert _slow(_Loader(error=error)) == (
        None, [(1, "front matter", "not valid YAML: found something odd")])


def test_no_document_is_an_empty_front_matter() -> None:
    assert _slow(_Loader()) == (None, [(1, "front matter", "is empty")])
    node = yaml.ScalarNode("tag:yaml.org,2002:str", "x")
    assert _slow(_Loader(node)) == (node, [])


# --- the files of a folder ---------------------------------------------------------------------

def _found(paths: list[Path], **kw: object) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.field, p.message)
            for p in check_paths(paths, today=TODAY, **kw)]  # type: ignore[arg-type]


def _posts(tmp_path: Path) -> Path:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    return posts


def test_a_posts_folder_named_directly_is_walked(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    (posts / NAME).write_text(BASE.replace("Wafer Weekly", "''"), encoding="utf-8")
    assert _found([posts]) == [(str(posts / NAME), 4, "source", "must not be empty")]


def test_hidden_folders_are_skipped(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    (posts / ".drafts").mkdir()
    (posts / ".drafts" / NAME).write_text("not an entry", encoding="utf-8")
    (posts / NAME).write_text(BASE, encoding="utf-8")
    assert _found([tmp_path / "docs"]) == []


def test_a_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    (posts / NAME).write_text(BASE.replace("Wafer Weekly", "''"), encoding="utf-8")
    assert _found([posts / NAME, posts, posts / NAME]) == [
        (str(posts / NAME), 4, "source", "must not be empty")]


def test_a_missing_file_is_named_and_the_next_one_still_checked(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    (posts / NAME).write_text(BASE.replace("Wafer Weekly", "''"), encoding="utf-8")
    missing = posts / "2025-01-01-gone.md"
    assert _found([missing, posts / NAME]) == [
        (str(missing), 1, "file", "cannot read: No such file or directory"),
        (str(posts / NAME), 4, "source", "must not be empty")]


# --- what check_paths passes on ----------------------------------------------------------------

QUOTED = BASE[:-4] + """quotes:
- text: We will open the plant next spring
  speaker: Maria Lindqvist
---
"""


def _with_snapshot(tmp_path: Path, said: str) -> tuple[Path, Path]:
    posts, sources = _posts(tmp_path), tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (posts / NAME).write_text(QUOTED, encoding="utf-8")
    (sources / (Path(NAME).stem + ".txt")).write_text(said, encoding="utf-8")
    return posts, sources


def test_check_paths_checks_quotes_against_the_snapshot(tmp_path: Path) -> None:
    posts, sources = _with_snapshot(tmp_path, "Nothing was said.")
    assert _found([posts], sources_dir=sources) == [
        (str(posts / NAME), 8, "quotes[0].text",
         "quote 'We will open the plant next spring' does not occur in the source text")]


def test_a_quote_opening_the_snapshot_is_found(tmp_path: Path) -> None:
    posts, sources = _with_snapshot(tmp_path, "We will open the plant next spring, she said.")
    assert _found([posts], sources_dir=sources) == []


def test_the_parts_of_an_elided_quote_are_found_in_order(tmp_path: Path) -> None:
    """Each part is looked for after the one before, from its first occurrence on."""
    posts, sources = _with_snapshot(
        tmp_path, "We will open it. The plant opens next spring. We will open more.")
    (posts / NAME).write_text(QUOTED.replace("open the plant next spring",
                                             "open … next spring"), encoding="utf-8")
    assert _found([posts], sources_dir=sources) == []


def test_check_paths_uses_the_day_it_is_given(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    (posts / NAME).write_text(BASE, encoding="utf-8")
    found = check_paths([posts], today=dt.date(2025, 3, 1))
    assert [(p.line, p.field, p.message) for p in found] == [
        (3, "date", "2025-03-04 is in the future")]


def test_the_cache_sees_a_changed_snapshot(tmp_path: Path) -> None:
    cache = tmp_path / "check.json"
    posts, sources = _with_snapshot(tmp_path, "We will open the plant next spring, she said.")
    assert _found([posts], sources_dir=sources, cache=cache) == []
    (sources / (Path(NAME).stem + ".txt")).write_text("Nothing was said.", encoding="utf-8")
    assert [f[2] for f in _found([posts], sources_dir=sources, cache=cache)] == ["quotes[0].text"]


def test_the_cache_tells_two_files_with_the_same_text_apart(tmp_path: Path) -> None:
    cache = tmp_path / "check.json"
    posts = _posts(tmp_path)
    (posts / NAME).write_text(BASE, encoding="utf-8")
    other = posts / "2025-03-04-Other.md"
    other.write_text(BASE, encoding="utf-8")
    expected = [(str(other), 1, "file name",
                 "'Other' must be lower-case ASCII letters, digits and single hyphens")]
    for _run in range(2):  # the second run reads the cache
        assert [f for f in _found([posts], cache=cache) if f[2] == "file name"] == expected


# --- what check_new_entry passes on ------------------------------------------------------------

OWN_WORDS = Vocabulary(terms=(Term("Widgets", "topic", "Small parts."),), categories=())


def test_check_new_entry_uses_the_vocabulary_it_is_given(tmp_path: Path) -> None:
    """For the new entry and for its neighbours, whose tags are read too."""
    text = BASE[:-4] + "tags:\n- Widgets\n---\n"
    posts = _posts(tmp_path)
    other = posts / "2025-02-01-other.md"
    other.write_text(text.replace("2025-03-04", "2025-02-01").replace("/03/", "/02/"),
                     encoding="utf-8")
    assert check_new_entry(text, posts / NAME, [other], vocabulary=OWN_WORDS, today=TODAY) == []


def test_check_new_entry_uses_the_day_it_is_given(tmp_path: Path) -> None:
    found = check_new_entry(BASE, _posts(tmp_path) / NAME, [], today=dt.date(2025, 3, 1))
    assert [(p.line, p.field, p.message) for p in found] == [
        (3, "date", "2025-03-04 is in the future")]


def test_a_new_entry_without_a_record_is_checked_beside_neighbours(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    other = posts / "2025-03-05-other.md"
    other.write_text(BASE.replace("2025-03-04", "2025-03-05"), encoding="utf-8")
    found = check_new_entry("---\n- a\n---\n", posts / NAME, [other], today=TODAY)
    assert [(p.line, p.field, p.message) for p in found] == [
        (2, "front matter", "must be a mapping of keys to values")]


def test_a_hidden_entry_is_skipped_and_the_rest_of_its_folder_still_read(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    (posts / ".hidden.md").write_text("not an entry", encoding="utf-8")
    names = [f"2025-03-0{day}-c{day}.md" for day in range(1, 9)]
    for name in names:
        (posts / name).write_text(BASE.replace("Wafer Weekly", "''"), encoding="utf-8")
    found = {Path(f[0]).name for f in _found([tmp_path / "docs"]) if f[2] == "source"}
    assert found == set(names)


def test_a_link_to_a_folder_is_not_followed(tmp_path: Path) -> None:
    posts = _posts(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / NAME).write_text("not an entry", encoding="utf-8")
    (posts / "linked").symlink_to(elsewhere, target_is_directory=True)
    (posts / NAME).write_text(BASE, encoding="utf-8")
    assert _found([tmp_path / "docs"]) == []
