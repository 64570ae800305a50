"""Rules of checking an entry's front matter field by field (digest/archive/field_checks.py), one
small test each, with the line, field and whole message a contributor sees: each key against
the schema, each kind of field (one line of text, a date, a slug, a URL, vocabulary names, a
list of records) and each field's own rule (a title's length, a summary's words). Each test
fails when its rule is removed or its message changed."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from digest.archive.entry import SLUG_MAX_CHARS
from digest.archive.field_checks import (
    SUMMARY_MAX_WORDS,
    TITLE_MAX_CHARS,
    Context,
    Record,
    check_front_matter,
    slug_problems,
)
from digest.archive.schema import FIELDS, FieldSpec
from digest.archive.validate import check_text
from digest.editorial.vocabulary import Category, Term, Vocabulary
from tests.test_rules_validate import BASE, NAME, TODAY  # the same good entry

EXTRA = 7  # the file line of the first line `problems` adds to the front matter
# A vocabulary of our own, so that the name rules do not move with the curated one.
VOCABULARY = Vocabulary(
    terms=(
        Term("AWS", "company", "Cloud.", aliases=("Amazon", "Amazon Web Services")),
        Term("Nvidia", "company", "Chips."),
        Term("Qualcomm", "company", "Chips."),
        Term("Chiplets", "packaging", "Dies in one package."),
    ),
    categories=(Category("Memory", "DRAM and flash."), Category("Foundry", "Making chips.")),
)


def problems(extra: str = "", *, old: str | None = None, new: str = "",
             today: dt.date = TODAY) -> list[tuple[int, str, str]]:
    """(line, field, message) for BASE with `old` replaced by `new` and `extra` lines added at
    the end of the front matter (from line EXTRA on)."""
    text = BASE if old is None else BASE.replace(old, new)
    assert old is None or old in BASE
    if extra:
        text = text[: -len("---\n")] + extra.rstrip("\n") + "\n---\n"
    found = check_text(text, f"docs/posts/{NAME}", vocabulary=VOCABULARY, today=today)
    return [(p.line, p.field, p.message) for p in found]


def test_the_base_entry_has_no_problem() -> None:
    assert problems() == []


# --- keys -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("extra", "kind"),
                         [("? [a]\n: b", "a list"), ("? {a: 1}\n: b", "a mapping")])
def test_a_key_must_be_a_plain_name(extra: str, kind: str) -> None:
    assert problems(extra) == [(EXTRA, "front matter", f"a key must be a plain name, not {kind}")]


def test_a_key_given_twice_names_the_first_and_checks_the_value_once() -> None:
    assert problems("author: A\nauthor: [B]") == [
        (EXTRA + 1, "author", f"appears twice (first on line {EXTRA}); keep one")]


def test_unknown_key_close_to_a_field_gets_did_you_mean() -> None:
    assert problems("titel: x") == [(EXTRA, "titel", "unknown key in front matter; did you mean "
                                                     "'title'?")]


def test_key_suggestion_cutoff_is_looser_than_for_names() -> None:
    """'catgry' is 0.62 like 'categories' (difflib ratio): close enough for a short key (0.6),
    though it would not be for a vocabulary name (0.75)."""
    assert problems("catgry: [Memory]") == [
        (EXTRA, "catgry", "unknown key in front matter; did you mean 'categories'?")]


@pytest.mark.parametrize(
    ("key", "field"),
    [("Byline", "author"), ("link", "url"), ("excerpt", "summary"), ("numbers", "figures"),
     ("PUBLISHER", "source")],
)
def test_keys_people_write_for_a_field_point_at_it(key: str, field: str) -> None:
    """Aliases difflib cannot guess, looked up case-insensitively."""
    assert problems(f"{key}: x") == [
        (EXTRA, key, f"unknown key in front matter; did you mean '{field}'?")]


def test_unknown_key_far_from_every_field_lists_the_allowed_ones() -> None:
    allowed = ", ".join(spec.key for spec in FIELDS)
    assert problems("zzzzqqq: 1") == [(EXTRA, "zzzzqqq", f"unknown key in front matter; "
                                                         f"allowed: {allowed}")]


def test_a_suggestion_is_only_ever_an_allowed_key() -> None:
    """With a schema that has no 'tags', the alias 'Tag' -> 'tags' is not offered."""
    fields = tuple(spec for spec in FIELDS if spec.key != "tags")
    ctx, _ = _checked("Tag: [AWS]\n", fields)
    allowed = ", ".join(spec.key for spec in fields)
    assert [p.message for p in ctx.problems if p.field == "Tag"] == [
        f"unknown key in front matter; allowed: {allowed}"]


@pytest.mark.parametrize("field", ["title", "date", "source", "summary"])
def test_each_required_field_missing_is_named_on_line_one(field: str) -> None:
    line = next(line for line in BASE.splitlines() if line.startswith(f"{field}:"))
    found = problems(old=line + "\n", new="")
    assert (1, field, "required field is missing") in found
    assert [p for p in found if p[1] == field] == [(1, field, "required field is missing")]


def test_optional_fields_may_be_missing() -> None:
    assert problems(old="url: https://wafer.example/2025/03/plant\n", new="") == []


def test_key_lines_are_returned_in_order() -> None:
    _, lines = _checked("title: A title\nauthor: B\n? [x]\n: y\nauthor: C\nwhat: 1\n")
    assert lines == [(2, "title"), (3, "author"), (6, "author"), (7, "what")]


# --- text fields ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [("true", "true/false"), ("42", "a number"), ("4.5", "a number"),
     ("2025-01-01 10:00:00", "a date-time"), ("2025-01-01", "a date"),
     ("!!binary aGVsbG8=", "bytes")],
)
def test_text_field_of_another_type_says_what_it_is(value: str, kind: str) -> None:
    assert problems(f"author: {value}") == [
        (EXTRA, "author", f"must be text, not {kind} (quote it)")]


@pytest.mark.parametrize(("value", "kind"), [("{a: 1}", "a mapping"), ("[a, b]", "a list")])
def test_text_field_that_is_a_collection(value: str, kind: str) -> None:
    assert problems(f"author: {value}") == [(EXTRA, "author", f"must be text, not {kind}")]


@pytest.mark.parametrize(
    ("value", "message"),
    [("!!int abc", "cannot be read: invalid literal for int() with base 10: 'abc'"),
     ("!foo x", "cannot be read: could not determine a constructor for the tag '!foo'"),
     ("!!bool maybe", "cannot be read: not a valid bool"),
     ("!!timestamp 2025-03-04Z", "cannot be read: not a valid timestamp")],
)
def test_value_that_cannot_be_built_is_named(value: str, message: str) -> None:
    assert problems(f"author: {value}") == [(EXTRA, "author", message)]


@pytest.mark.parametrize("value", ['""', "'   '", ""])
def test_required_text_must_not_be_empty(value: str) -> None:
    assert problems(old="source: Wafer Weekly", new=f"source: {value}") == [
        (4, "source", "must not be empty")]


@pytest.mark.parametrize("value", ['""', "'   '", ""])
def test_optional_text_may_be_empty(value: str) -> None:
    assert problems(f"author: {value}") == []


def test_one_line_field_refuses_a_second_line() -> None:
    assert problems("author: |\n  Ann\n  Lee") == [(EXTRA, "author", "must be one line")]


def test_one_line_field_allows_a_final_line_break() -> None:
    assert problems("author: |\n  Ann Lee") == []


def test_text_field_may_have_several_lines() -> None:
    summary = "summary: |\n  The foundry said its second plant\n  would open a year later."
    assert problems(old=BASE.splitlines()[5], new=summary) == []


@pytest.mark.parametrize(
    ("extra", "line", "field"),
    [("author: <b>Ann</b>", EXTRA, "author"),
     ("quotes:\n- text: <b>We will</b>", EXTRA + 1, "quotes[0].text"),
     ("tags:\n- <b>", EXTRA + 1, "tags[0]")],
)
def test_every_text_value_goes_to_the_string_checks(extra: str, line: int, field: str) -> None:
    """Each string of the front matter (fields, record keys, list items) is checked for markup."""
    found = [p for p in problems(extra) if "raw HTML" in p[2]]
    assert found == [(line, field, "contains raw HTML '<b>'; write plain text")]


# --- title and summary ----------------------------------------------------------------------


def test_title_of_the_limit_passes_one_more_is_refused() -> None:
    title = "x" * TITLE_MAX_CHARS
    assert problems(old=BASE.splitlines()[1], new=f"title: '  {title}  '") == []
    assert problems(old=BASE.splitlines()[1], new=f"title: {title}y") == [
        (2, "title", f"is {TITLE_MAX_CHARS + 1} characters; at most {TITLE_MAX_CHARS}")]


def test_summary_of_the_limit_passes_one_more_word_is_refused() -> None:
    words = " ".join(["word"] * SUMMARY_MAX_WORDS)
    assert problems(old=BASE.splitlines()[5], new=f"summary: {words}") == []
    assert problems(old=BASE.splitlines()[5], new=f"summary: {words} more") == [
        (6, "summary", f"is {SUMMARY_MAX_WORDS + 1} words; at most {SUMMARY_MAX_WORDS}")]


def test_title_and_summary_of_another_type_get_no_length_rule() -> None:
    found = problems(old=BASE.splitlines()[1], new="title: 42")
    assert found == [(2, "title", "must be text, not a number (quote it)")]


# --- dates ----------------------------------------------------------------------------------


def _date_problems(value: str, today: dt.date = TODAY) -> list[tuple[int, str, str]]:
    found = problems(old="date: 2025-03-04", new=f"date: {value}", today=today)
    return [p for p in found if p[1] == "date"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2025-3-4", "'2025-3-4'"), ("March 4, 2025", "'March 4, 2025'"),
     ("2025-03-04T10:00:00", "'2025-03-04T10:00:00'"), ("[2025-03-04]", "a list"),
     ("{on: 2025-03-04}", "a mapping")],
)
def test_date_must_be_iso(value: str, shown: str) -> None:
    assert _date_problems(value) == [(3, "date", f"must be an ISO date YYYY-MM-DD, not {shown}")]


@pytest.mark.parametrize("value", ["2025-03-04", "'2025-03-04'", "' 2025-03-04 '"])
def test_iso_date_written_plain_or_quoted(value: str) -> None:
    assert _date_problems(value) == []


def test_impossible_date_says_why() -> None:
    assert _date_problems("2025-02-30") == [
        (3, "date", "'2025-02-30' is not a real date (day is out of range for month)")]


def test_date_before_1990_is_a_typo() -> None:
    assert _date_problems("1990-01-01") == []
    assert _date_problems("1989-12-31") == [(3, "date", "1989-12-31 is before 1990-01-01; a typo?")]


def test_date_up_to_tomorrow_passes_later_is_the_future() -> None:
    assert _date_problems("2025-03-11", today=dt.date(2025, 3, 10)) == []
    assert _date_problems("2025-03-12", today=dt.date(2025, 3, 10)) == [
        (3, "date", "2025-03-12 is in the future")]


# --- slugs ----------------------------------------------------------------------------------


SLUG = "foundry-delays-its-second-plant-by-a-year"


def test_declared_slug_like_the_file_name_passes() -> None:
    assert problems(f"slug: {SLUG}") == []


@pytest.mark.parametrize(
    ("slug", "message"),
    [("a/b", "'a/b' must not contain path separators or '..'"),
     ("a\\\\b", "'a\\b' must not contain path separators or '..'"),
     ("a..b", "'a..b' must not contain path separators or '..'"),
     ("Foundry-Delays", "'Foundry-Delays' must be lower-case ASCII letters, digits and single "
                        "hyphens"),
     ("a--b", "'a--b' must be lower-case ASCII letters, digits and single hyphens"),
     ("-a", "'-a' must be lower-case ASCII letters, digits and single hyphens")],
)
def test_slug_problems(slug: str, message: str) -> None:
    found = [p for p in problems(f'slug: "{slug}"') if p[1] == "slug"]
    assert found == [(EXTRA, "slug", message)]


def test_slug_length_limit() -> None:
    assert slug_problems("a" * SLUG_MAX_CHARS) == []
    assert slug_problems("a" * (SLUG_MAX_CHARS + 1)) == [
        f"'{'a' * (SLUG_MAX_CHARS + 1)}' is {SLUG_MAX_CHARS + 1} characters; at most "
        f"{SLUG_MAX_CHARS}"]


def test_slug_must_be_one_line() -> None:
    found = [p for p in problems("slug: |\n  a\n  b") if p[1] == "slug"]
    assert (EXTRA, "slug", "must be one line") in found


def test_slug_is_optional_and_may_be_empty() -> None:
    assert problems("slug: ''") == []


# --- URLs -----------------------------------------------------------------------------------


def test_url_problems_are_named_on_the_url_line() -> None:
    found = problems(old="url: https://wafer.example/2025/03/plant",
                     new="url: ftp://wafer.example/plant")
    assert found == [(5, "url", "must be an http(s) URL (scheme is 'ftp:')")]


def test_url_must_be_one_line() -> None:
    found = problems(old="url: https://wafer.example/2025/03/plant",
                     new="url: |\n  https://wafer.example/a\n  b")
    assert (5, "url", "must be one line") in found


# --- vocabulary names: tags, mentions, categories --------------------------------------------


@pytest.mark.parametrize("field", ["tags", "mentions"])
def test_names_of_the_vocabulary_pass(field: str) -> None:
    assert problems(f"{field}: [AWS, Nvidia]") == []


def test_another_name_of_a_term_points_at_the_term() -> None:
    assert problems("tags: [Amazon]") == [
        (EXTRA, "tags[0]", "'Amazon' is another name for 'AWS'; use that")]


def test_another_name_is_recognised_whatever_its_case() -> None:
    assert problems("mentions: [amazon web services]") == [
        (EXTRA, "mentions[0]", "'amazon web services' is another name for 'AWS'; use that")]


def test_a_name_listed_twice() -> None:
    assert problems("tags: [AWS, Nvidia, AWS]") == [(EXTRA, "tags[2]", "'AWS' is listed twice")]


@pytest.mark.parametrize(
    ("name", "guess"),
    [("aws", "AWS"),  # case-insensitive
     ("Qualcom", "Qualcomm"),
     ("Amazn", "AWS")],  # close to another name: the term itself is suggested
)
def test_unknown_name_close_to_a_term_gets_did_you_mean(name: str, guess: str) -> None:
    assert problems(f"tags: [{name}]") == [
        (EXTRA, "tags[0]", f"unknown tag '{name}' (not in the vocabulary); did you mean "
                           f"'{guess}'?")]


def test_unknown_name_not_close_enough_gets_no_suggestion() -> None:
    """'Chiplets design' is 0.70 like 'Chiplets': under the 0.75 cutoff for names."""
    assert problems("tags: [Chiplets design]") == [
        (EXTRA, "tags[0]", "unknown tag 'Chiplets design' (not in the vocabulary)")]


@pytest.mark.parametrize(("field", "value"), [("tags", "AWS"), ("categories", "Memory")])
def test_a_single_name_must_be_a_list(field: str, value: str) -> None:
    assert problems(f"{field}: {value}") == [
        (EXTRA, field, f"must be a list (e.g. [{value}]), not text")]


def test_a_number_where_names_are_listed() -> None:
    assert problems("tags: 5") == [(EXTRA, "tags", "must be a list (e.g. [5]), not a number")]


def test_a_mapping_where_names_are_listed() -> None:
    assert problems("tags: {AWS: 1}") == [(EXTRA, "tags", "must be a list of names, not a mapping")]


@pytest.mark.parametrize("value", ["", "[]"])
def test_no_names_is_fine(value: str) -> None:
    assert problems(f"tags: {value}") == []


def test_name_items_are_one_line_text() -> None:
    assert problems("tags:\n- 42\n- ''\n- AWS") == [
        (EXTRA + 1, "tags[0]", "must be text, not a number (quote it)"),
        (EXTRA + 2, "tags[1]", "must not be empty")]


def test_each_name_is_on_its_own_line() -> None:
    assert problems("tags:\n- AWS\n- Amazon") == [
        (EXTRA + 2, "tags[1]", "'Amazon' is another name for 'AWS'; use that")]


def test_categories_are_the_vocabularys_categories() -> None:
    assert problems("categories: [Memory, memory, Foo]") == [
        (EXTRA, "categories[1]", "unknown category 'memory' (not in the vocabulary's "
                                 "categories); did you mean 'Memory'?"),
        (EXTRA, "categories[2]", "unknown category 'Foo' (not in the vocabulary's categories)")]


def test_a_term_is_not_a_category() -> None:
    assert problems("categories: [AWS]") == [
        (EXTRA, "categories[0]", "unknown category 'AWS' (not in the vocabulary's categories)")]


# --- records: quotes and figures -------------------------------------------------------------


def test_good_records_pass() -> None:
    assert problems("quotes:\n- text: We will open it\n  speaker: Ann Lee\n  role: CEO\n"
                    "  fragment: true\nfigures:\n- value: 40%\n  context: sales rose 40%") == []


@pytest.mark.parametrize(("value", "kind"), [("text", "text"), ("{a: 1}", "a mapping"),
                                             ("7", "a number")])
def test_records_must_be_a_list_of_mappings(value: str, kind: str) -> None:
    assert problems(f"quotes: {value}") == [
        (EXTRA, "quotes", f"must be a list of mappings, not {kind}")]


def test_no_records_is_fine() -> None:
    assert problems("quotes:\nfigures: []") == []


def test_each_record_must_be_a_mapping_naming_its_keys() -> None:
    assert problems("quotes: [x]\nfigures: [[1]]") == [
        (EXTRA, "quotes[0]", "must be a mapping with keys text, speaker, role, fragment"),
        (EXTRA + 1, "figures[0]", "must be a mapping with keys value, context")]


def test_unknown_key_of_a_record() -> None:
    assert problems("quotes:\n- text: hi\n  speker: A\n  zzzq: b\n  ? [x]\n  : y") == [
        (EXTRA + 2, "quotes[0].speker", "unknown key in quotes; did you mean 'speaker'?"),
        (EXTRA + 3, "quotes[0].zzzq", "unknown key in quotes; allowed: text, speaker, role, "
                                      "fragment"),
        (EXTRA + 4, "quotes[0].?", "unknown key in quotes; allowed: text, speaker, role, "
                                   "fragment")]


@pytest.mark.parametrize("value", ["true", "false", "yes"])
def test_a_flag_is_true_or_false(value: str) -> None:
    assert problems(f"quotes:\n- text: hi\n  fragment: {value}") == []


@pytest.mark.parametrize(("value", "kind"), [("maybe", "text"), ("", "empty"), ("1", "a number")])
def test_a_flag_of_another_type_is_refused(value: str, kind: str) -> None:
    assert problems(f"quotes:\n- text: hi\n  fragment: {value}") == [
        (EXTRA + 2, "quotes[0].fragment", f"must be true or false, not {kind}")]


@pytest.mark.parametrize(
    ("value", "message"),
    [("!!bool maybe", "cannot be read: not a valid bool"),
     ("!!timestamp soon", "cannot be read: not a valid timestamp"),
     ("!!int x", "cannot be read: invalid literal for int() with base 10: 'x'")],
)
def test_a_flag_that_cannot_be_built(value: str, message: str) -> None:
    """PyYAML's own constructors fail on some explicitly tagged scalars with a KeyError or an
    AttributeError: still one problem on the value's line, never a crash."""
    assert problems(f"quotes:\n- text: hi\n  fragment: {value}") == [
        (EXTRA + 2, "quotes[0].fragment", message)]


def test_required_keys_of_a_record_are_named_on_its_first_line() -> None:
    assert problems("quotes:\n- speaker: A\nfigures:\n- context: x\n- value: '3'") == [
        (EXTRA + 1, "quotes[0].text", "required key is missing"),
        (EXTRA + 3, "figures[0].value", "required key is missing"),
        (EXTRA + 4, "figures[1].context", "required key is missing")]


def test_required_key_must_not_be_empty_optional_may() -> None:
    assert problems("quotes:\n- text: ''\n  speaker: ''\n  role:") == [
        (EXTRA + 1, "quotes[0].text", "must not be empty")]


def test_record_values_are_text() -> None:
    assert problems("figures:\n- value: 5\n  context: [a]") == [
        (EXTRA + 1, "figures[0].value", "must be text, not a number (quote it)"),
        (EXTRA + 2, "figures[0].context", "must be text, not a list")]


def test_each_record_is_checked_on_its_own() -> None:
    assert problems("quotes:\n- text: a\n- speaker: b\n- text: c") == [
        (EXTRA + 2, "quotes[1].text", "required key is missing")]


# --- what the checks across files get ---------------------------------------------------------


def _checked(front: str, fields: tuple = FIELDS) -> tuple[Context, list[tuple[int, str]]]:  # type: ignore[type-arg]
    """check_front_matter on `front` (the YAML between the --- lines) with a fresh Context."""
    loader = yaml.SafeLoader(front)
    root = loader.get_single_node()
    ctx = Context("docs/posts/x.md", VOCABULARY, TODAY, loader=loader, record=Record("p"))
    lines = check_front_matter(ctx, root, fields)
    return ctx, lines


def test_the_record_holds_title_summary_date_and_url_with_their_lines() -> None:
    ctx, _ = _checked("title: A title\nsummary: A summary.\ndate: 2025-03-04\n"
                      "source: S\nurl: HTTPS://Wafer.Example/a?utm_source=x#top\n")
    record = ctx.record
    assert record is not None
    assert (record.title, record.title_line) == ("A title", 2)
    assert (record.summary, record.summary_line) == ("A summary.", 3)
    assert record.date == dt.date(2025, 3, 4)
    assert (record.url, record.url_line) == ("wafer.example/a", 6)  # the comparison key


def test_the_record_holds_an_unparsable_url_as_written() -> None:
    ctx, _ = _checked("url: ' http://[wafer/a '\n")
    assert ctx.record is not None and ctx.record.url == "[wafer/a"  # normalized, scheme off
    assert [p.message for p in ctx.problems if p.field == "url"] == ["must not contain spaces"]


def test_the_record_has_no_date_when_the_date_is_refused() -> None:
    ctx, _ = _checked("date: 2025-02-30\n")
    assert ctx.record is not None and ctx.record.date is None


# --- rules the survivors of `make mutation` named -------------------------------------------------


def test_required_long_text_must_not_be_empty() -> None:
    assert problems(old=BASE.splitlines()[5], new="summary: ''") == [
        (6, "summary", "must not be empty")]


@pytest.mark.parametrize("kind", ["line", "text", "slug", "url"])
def test_a_required_field_of_any_text_kind_must_not_be_empty(kind: str) -> None:
    """The schema decides what is required: a field of the slug or URL kind too, when it is."""
    fields = (FieldSpec(key="ref", attr="ref", kind=kind, required=True),)
    ctx, _ = _checked("ref: ''\n", fields)
    assert [(p.line, p.field, p.message) for p in ctx.problems] == [
        (2, "ref", "must not be empty")]


def test_a_flag_that_is_a_collection_says_what_it_is() -> None:
    assert problems("quotes:\n- text: hi\n  fragment: [true]\n- text: ho\n  fragment: {a: 1}") == [
        (EXTRA + 2, "quotes[0].fragment", "must be true or false, not a list"),
        (EXTRA + 4, "quotes[1].fragment", "must be true or false, not a mapping")]


def test_a_value_is_built_whole_so_an_unreadable_item_inside_it_is_named() -> None:
    assert problems("quotes:\n- text: hi\n  fragment: [!!int abc]") == [
        (EXTRA + 2, "quotes[0].fragment",
         "cannot be read: invalid literal for int() with base 10: 'abc'")]


def test_a_name_list_that_cannot_be_built_names_its_field() -> None:
    assert problems("tags: !!int abc") == [
        (EXTRA, "tags", "cannot be read: invalid literal for int() with base 10: 'abc'")]


def test_a_name_must_be_one_line() -> None:
    assert problems("tags:\n- |\n  AWS\n  Nvidia") == [
        (EXTRA + 1, "tags[0]", "must be one line"),
        (EXTRA + 1, "tags[0]", "unknown tag 'AWS\nNvidia\n' (not in the vocabulary)")]


def test_names_after_another_name_of_a_term_are_still_checked() -> None:
    assert problems("tags: [Amazon, Foo]") == [
        (EXTRA, "tags[0]", "'Amazon' is another name for 'AWS'; use that"),
        (EXTRA, "tags[1]", "unknown tag 'Foo' (not in the vocabulary)")]


def test_records_after_one_that_is_not_a_mapping_are_still_checked() -> None:
    assert problems("quotes:\n- x\n- speaker: A") == [
        (EXTRA + 1, "quotes[0]", "must be a mapping with keys text, speaker, role, fragment"),
        (EXTRA + 2, "quotes[1].text", "required key is missing")]


def test_keys_after_a_flag_are_still_checked() -> None:
    assert problems("quotes:\n- fragment: true\n  text: 42") == [
        (EXTRA + 2, "quotes[0].text", "must be text, not a number (quote it)")]


def test_field_aliases_are_not_offered_inside_a_record() -> None:
    """KEY_ALIASES name front-matter fields: a record key 'link' is not pointed at a record's
    own 'url' key by them (difflib alone decides, and 'link' is not close to it)."""
    item = FieldSpec(key="url", attr="url", kind="text", required=False)
    fields = (FieldSpec(key="sources", attr="sources", kind="records", required=False,
                        items=(item,)),)
    ctx, _ = _checked("sources:\n- link: x\n", fields)
    assert [(p.field, p.message) for p in ctx.problems] == [
        ("sources[0].link", "unknown key in sources; allowed: url")]
