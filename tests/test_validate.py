"""The validation gate: every broken fixture yields exactly its problems, the clean archive none."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.archive.entry import read_entry, render_entry
from digest.archive.validate import check_paths, check_text
from digest.editorial.vocabulary import parse_vocabulary
from digest.errors import Problem
from digest.models import Entry, Figure, Quote
from digest.text.urls import canonical_url

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = FIXTURES / "broken_entries"
CLEAN = FIXTURES / "clean_archive"
TODAY = dt.date(2025, 1, 15)

# A vocabulary pinned for the unit cases, so they do not move when the packaged one grows.
VOCAB = parse_vocabulary("""
categories:
  - {name: AI accelerators, description: Chips for AI.}
  - {name: Cloud and data center, description: Servers.}
tags:
  - {name: Apple, kind: company, case_sensitive: true, description: Apple.}
  - {name: AWS, kind: company, aliases: [Amazon Web Services], description: Amazon's cloud.}
  - {name: Trainium2, kind: chip, maker: AWS, aliases: [Trainium 2], description: A chip.}
""")


def _relative(problem: Problem) -> Problem:
    path = Path(problem.path)
    shown = path.relative_to(REPO).as_posix() if path.is_absolute() else problem.path
    other = re.sub(re.escape(str(REPO)) + r"/", "", problem.message)
    return Problem(shown, problem.line, problem.field, other)


@pytest.fixture(scope="module")
def broken_problems() -> list[Problem]:
    problems = check_paths([BROKEN], sources_dir=BROKEN / "sources")
    return [_relative(p) for p in problems]


# (file under posts/, [(line, field, words the message must contain)])
BROKEN_CASES = [
    pytest.param("2023-01-02-no-front-matter.md",
                 [(1, "front matter", "must start with a '---' line")], id="no-front-matter"),
    pytest.param("2023-01-09-invalid-yaml.md",
                 [(6, "front matter", "not valid YAML")], id="invalid-yaml"),
    pytest.param("2023-01-16-front-matter-not-a-mapping.md",
                 [(2, "front matter", "must be a mapping")], id="front-matter-not-a-mapping"),
    pytest.param("2023-01-23-missing-summary.md",
                 [(1, "summary", "required field is missing")], id="missing-summary"),
    pytest.param("2023-01-30-misspelled-key.md",
                 [(7, "catgories", "did you mean 'categories'?")], id="misspelled-key"),
    pytest.param("2023-02-06-tags-not-a-list.md",
                 [(6, "tags", "must be a list (e.g. [Apple]), not text")], id="tags-not-a-list"),
    pytest.param("2023-02-13-unknown-tag.md",
                 [(6, "tags[0]", "unknown tag 'Appel'")], id="unknown-tag"),
    pytest.param("2023-02-20-tag-alias.md",
                 [(6, "tags[0]", "another name for 'AWS'")], id="tag-alias"),
    pytest.param("2023-02-27-unknown-category.md",
                 [(8, "categories[0]", "did you mean 'AI accelerators'?")],
                 id="unknown-category"),
    pytest.param("2024-02-30-impossible-date.md",
                 [(3, "date", "not a real date")], id="impossible-date"),
    pytest.param("2099-01-05-future-date.md", [(3, "date", "in the future")], id="future-date"),
    pytest.param("1989-11-06-date-before-1990.md",
                 [(3, "date", "before 1990-01-01")], id="date-before-1990"),
    pytest.param("2023-03-13-date-with-time.md",
                 [(3, "date", "must be an ISO date YYYY-MM-DD")], id="date-with-time"),
    pytest.param("2023-03-20-title-too-long.md",
                 [(2, "title", "at most 200")], id="title-too-long"),
    pytest.param("2023-03-27-summary-too-long.md",
                 [(6, "summary", "is 140 words; at most 120")], id="summary-too-long"),
    pytest.param("2023-04-03-empty-title.md", [(2, "title", "must not be empty")],
                 id="empty-title"),
    pytest.param("2023-04-10-url-not-http.md",
                 [(5, "url", "must be an http(s) URL (scheme is 'ftp:')")], id="url-not-http"),
    pytest.param("2023-04-17-url-tracking-parameters.md",
                 [(5, "url", "utm_source, utm_medium, fbclid; "
                             "use https://news.example.com/huawei-ascend-910c")],
                 id="url-tracking-parameters"),
    pytest.param("2023-04-24-url-fragment.md",
                 [(5, "url", "fragment ('#comments')")], id="url-fragment"),
    pytest.param("2023-05-01-url-credentials.md",
                 [(5, "url", "credentials")], id="url-credentials"),
    pytest.param("2023-05-08-duplicate-url-first.md",
                 [(5, "url", "same URL as tests/fixtures/broken_entries/posts/"
                             "2023-05-15-duplicate-url-second.md:5")], id="duplicate-url-first"),
    pytest.param("2023-05-15-duplicate-url-second.md",
                 [(5, "url", "same URL as tests/fixtures/broken_entries/posts/"
                             "2023-05-08-duplicate-url-first.md:5")], id="duplicate-url-second"),
    pytest.param("2023-05-22-same-story-first.md",
                 [(2, "title", "same story as tests/fixtures/broken_entries/posts/"
                               "2023-05-24-same-story-second.md:2")], id="same-story-first"),
    pytest.param("2023-05-24-same-story-second.md",
                 [(2, "title", "same story as tests/fixtures/broken_entries/posts/"
                               "2023-05-22-same-story-first.md:2")], id="same-story-second"),
    pytest.param("2023-05-29-Upper_Case_Name.md",
                 [(1, "file name", "lower-case ASCII")], id="file-name-not-lower-case"),
    pytest.param("2023-06-05-date-prefix-mismatch.md",
                 [(1, "file name", "date prefix 2023-06-05 differs from date 2023-06-06")],
                 id="date-prefix-mismatch"),
    pytest.param("2023-06-12-slug-path-traversal.md",
                 [(7, "slug", "path separators or '..'")], id="slug-path-traversal"),
    pytest.param("2023-06-19-slug-file-name-mismatch.md",
                 [(1, "file name", "differs from slug 'nvidia-record-quarter'")],
                 id="slug-file-name-mismatch"),
    pytest.param("2023-06-26-html-in-title.md",
                 [(2, "title", "raw HTML '<b>'")], id="html-in-title"),
    pytest.param("2023-07-03-markdown-link-in-summary.md",
                 [(6, "summary", "Markdown link syntax")], id="markdown-link-in-summary"),
    pytest.param("2023-07-10-html-in-body.md",
                 [(11, "body", "raw HTML '<script>', '</script>'")], id="html-in-body"),
    pytest.param("2023-07-17-javascript-link-in-body.md",
                 [(9, "body", "'javascript:alert(document.cookie)' is not allowed")],
                 id="javascript-link-in-body"),
    pytest.param("2023-07-24-bidi-override.md", [(2, "title", "U+202E")], id="bidi-override"),
    pytest.param("2023-07-31-control-character.md",
                 [(6, "summary", "U+0007")], id="control-character"),
    pytest.param("2023-08-07-quote-not-in-source.md",
                 [(8, "quotes[0].text", "'We expect a quick rebound' does not occur")],
                 id="quote-not-in-source"),
    pytest.param("2023-08-14-figure-not-in-source.md",
                 [(9, "figures[1].value", "'3x' does not occur")], id="figure-not-in-source"),
    pytest.param("2023-08-21-malformed-quotes-and-figures.md",
                 [(8, "quotes[0].text", "required key is missing"),
                  (11, "figures[0].context", "required key is missing"),
                  (12, "figures[1]", "must be a mapping with keys value, context")],
                 id="malformed-quotes-and-figures"),
    pytest.param("2023-08-28-duplicate-key.md",
                 [(7, "title", "appears twice (first on line 2)")], id="duplicate-key"),
    pytest.param("2023-09-04-undecodable-bytes.md",
                 [(2, "file", "not valid UTF-8 (byte 0xe9")], id="undecodable-bytes"),
    pytest.param("2023-09-11-wrong-type.md",
                 [(7, "author", "must be text, not a number")], id="wrong-type"),
]


@pytest.mark.parametrize(("name", "expected"), BROKEN_CASES)
def test_broken_fixture_yields_exactly_its_problems(
    broken_problems: list[Problem], name: str, expected: list[tuple[int, str, str]]
) -> None:
    path = f"tests/fixtures/broken_entries/posts/{name}"
    found = [p for p in broken_problems if p.path == path]
    assert [(p.line, p.field) for p in found] == [(line, f) for line, f, _ in expected]
    for problem, (_, _, words) in zip(found, expected, strict=True):
        assert words in problem.message


def test_every_broken_fixture_has_a_case() -> None:
    names = {p.name for p in (BROKEN / "posts").glob("*.md")}
    assert names == {case.values[0] for case in BROKEN_CASES}


def test_broken_output_matches_the_readme(broken_problems: list[Problem]) -> None:
    readme = (BROKEN / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\n", 1)[1].split("```", 1)[0]
    assert [str(p) for p in broken_problems] == block.splitlines()


def test_clean_archive_has_no_problems() -> None:
    assert check_paths([CLEAN], sources_dir=CLEAN / "sources") == []


@pytest.mark.parametrize("path", sorted((CLEAN / "posts").glob("*.md")), ids=lambda p: p.stem)
def test_clean_entries_parse_with_the_entry_reader(path: Path) -> None:
    entry = read_entry(path)
    assert entry.title and entry.summary


FIVE_DEFECTS = """\
---
title: Apple weighs <i>Trainium2</i>
date: 2024-12-03
source: Example Chip News
url: https://news.example.com/apple?utm_campaign=x
tags: [Apple, Trainum2]
categories: [AI accelerators]
sumary: Apple said it is evaluating the chip.
---

Note with <iframe src="x"></iframe>.
"""


def test_five_defects_in_one_file_are_all_reported_with_lines() -> None:
    problems = check_text(FIVE_DEFECTS, "posts/2024-12-03-apple.md", vocabulary=VOCAB, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [
        (1, "summary"),  # required field missing (it is misspelled below)
        (2, "title"),  # raw HTML
        (5, "url"),  # tracking parameter
        (6, "tags[1]"),  # unknown tag
        (8, "sumary"),  # unknown key
        (11, "body"),  # raw HTML
    ]
    assert "did you mean 'Trainium2'?" in problems[3].message
    assert "did you mean 'summary'?" in problems[4].message


def _entry_text(title: str, date: str, summary: str, url: str, **extra: str) -> str:
    lines = [f"title: {title}", f"date: {date}", "source: Example", f"url: {url}",
             f"summary: {summary}", *(f"{k}: {v}" for k, v in extra.items())]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_same_url_in_two_files_points_each_at_the_other(tmp_path: Path) -> None:
    a = _write(tmp_path, "2024-01-02-a.md", _entry_text(
        "Chip one", "2024-01-02", "First text.", "https://news.example.com/story"))
    b = _write(tmp_path, "2024-06-02-b.md", _entry_text(
        "Another headline", "2024-06-02", "Second text.",
        "http://www.news.example.com/story/?utm_source=x"))
    problems = [p for p in check_paths([tmp_path], vocabulary=VOCAB) if "same URL" in p.message]
    assert [(p.path, p.line, p.message) for p in problems] == [
        (str(a), 5, f"same URL as {b}:5"),
        (str(b), 5, f"same URL as {a}:5"),
    ]


STORY_CASES = [
    pytest.param("Intel names interim co-CEOs after Gelsinger exit", "2024-12-03",
                 "Intel names interim co-CEOs after Gelsinger's exit", "2024-12-05",
                 "title", id="near-identical-title-same-week"),
    pytest.param("Intel names interim co-CEOs after Gelsinger exit", "2024-12-03",
                 "Intel names interim co-CEOs after Gelsinger's exit", "2024-12-10",
                 None, id="near-identical-title-next-week"),
    pytest.param("Intel names interim co-CEOs", "2024-12-03",
                 "TSMC posts record November revenue", "2024-12-04",
                 None, id="different-stories-same-week"),
]


@pytest.mark.parametrize(("title_a", "date_a", "title_b", "date_b", "field"), STORY_CASES)
def test_near_duplicate_story(
    tmp_path: Path, title_a: str, date_a: str, title_b: str, date_b: str, field: str | None
) -> None:
    _write(tmp_path, f"{date_a}-a.md", _entry_text(
        title_a, date_a, "One summary about a board decision.", "https://a.example.com/1"))
    _write(tmp_path, f"{date_b}-b.md", _entry_text(
        title_b, date_b, "A different summary entirely, on other matters.",
        "https://b.example.com/2"))
    problems = check_paths([tmp_path], vocabulary=VOCAB)
    assert [p.field for p in problems] == ([field, field] if field else [])
    assert all("same story as" in p.message for p in problems)


def test_near_identical_summaries_are_the_same_story(tmp_path: Path) -> None:
    summary = ("The US added high-bandwidth memory and more chipmaking tools to its export "
               "controls on China, aiming at AI accelerators.")
    _write(tmp_path, "2024-12-02-a.md", _entry_text(
        "Washington tightens chip rules", "2024-12-02", summary, "https://a.example.com/1"))
    _write(tmp_path, "2024-12-03-b.md", _entry_text(
        "New export limits hit memory makers", "2024-12-03", summary.replace("The US", "America"),
        "https://b.example.com/2"))
    problems = check_paths([tmp_path], vocabulary=VOCAB)
    assert [(p.line, p.field) for p in problems] == [(6, "summary"), (6, "summary")]


DID_YOU_MEAN_CASES = [
    pytest.param("tags: [trainium2]", "tags[0]", "did you mean 'Trainium2'?", id="tag-wrong-case"),
    pytest.param("tags: [Trainium-2]", "tags[0]", "did you mean 'Trainium2'?",
                 id="tag-near-alias"),
    pytest.param("tags: [Trainium 2]", "tags[0]", "another name for 'Trainium2'", id="tag-alias"),
    pytest.param("tags: [Quantum]", "tags[0]", "unknown tag 'Quantum' (not in the vocabulary)",
                 id="tag-no-suggestion"),
    pytest.param("categories: [cloud and datacenter]", "categories[0]",
                 "did you mean 'Cloud and data center'?", id="category"),
    pytest.param("tag: [AWS]", "tag", "did you mean 'tags'?", id="key-singular"),
    pytest.param("link: https://a.example.com/x", "link", "did you mean 'url'?", id="key-alias"),
    pytest.param("colour: red", "colour", "allowed: title, date", id="key-no-suggestion"),
    pytest.param("quotes: [{txt: hi}]", "quotes[0].txt", "did you mean 'text'?", id="quote-key"),
]


@pytest.mark.parametrize(("line", "field", "words"), DID_YOU_MEAN_CASES)
def test_did_you_mean(line: str, field: str, words: str) -> None:
    text = _entry_text("A title", "2024-12-03", "A summary.", "https://x.example.com/a")
    text = text.replace("\n---\n", f"\n{line}\n---\n")  # before the closing ---
    found = [p for p in check_text(text, "posts/2024-12-03-a.md", vocabulary=VOCAB, today=TODAY)
             if p.field == field and "required key" not in p.message]
    assert len(found) == 1 and words in found[0].message, found


URL_CASES = [
    pytest.param("https://example.com/a?utm_source=x&id=3&fbclid=y", "https://example.com/a?id=3",
                 id="tracking-removed-content-kept"),
    pytest.param("HTTPS://Example.COM/Path#top", "https://example.com/Path", id="case-fragment"),
    pytest.param("https://user:pw@example.com/a?ref=hn", "https://example.com/a",
                 id="credentials-ref"),
    pytest.param("https://example.com/a?page=2&_ga=1", "https://example.com/a?page=2", id="ga"),
]


@pytest.mark.parametrize(("url", "canonical"), URL_CASES)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


URL_PROBLEM_CASES = [
    pytest.param("javascript:alert(1)", "must be an http(s) URL", id="javascript"),
    pytest.param("data:text/html,hi", "must be an http(s) URL", id="data"),
    pytest.param("https:///path-only", "has no host name", id="no-host"),
    pytest.param("https://example.com/a b", "must not contain spaces", id="space"),
    pytest.param("https://example.com:99999/", "not a valid URL", id="bad-port"),
    pytest.param("//example.com/a", "scheme is none", id="scheme-relative"),
    pytest.param("http://[::1/a", "not a valid URL", id="broken-ipv6-host"),
]


@pytest.mark.parametrize(("url", "words"), URL_PROBLEM_CASES)
def test_url_problems(url: str, words: str) -> None:
    text = _entry_text("A title", "2024-12-03", "A summary.", f"'{url}'")
    problems = check_text(text, "posts/2024-12-03-a.md", vocabulary=VOCAB, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(5, "url")]
    assert words in problems[0].message


BODY_CASES = [
    pytest.param("Intro.\n\n<!-- more -->\n\nMore.", [], id="excerpt-marker-allowed"),
    pytest.param("See <https://example.com/a>.", [], id="autolink-allowed"),
    pytest.param("Code: `<b>` and\n\n```html\n<script>x</script>\n```\n", [], id="code-allowed"),
    pytest.param("One <img src=x onerror=alert(1)>", [9], id="img-onerror"),
    pytest.param("[a](data:text/html;base64,AAAA)", [9], id="data-link"),
    pytest.param("[a]: JavaScript:alert(1)", [9], id="reference-definition"),
    pytest.param("[a](<JaVaScRiPt:alert(1)>)", [9], id="mixed-case-in-angle-brackets"),
    pytest.param("Text\n\n<!-- hidden -->", [11], id="comment-on-later-line"),
    pytest.param("Click <javascript:alert(1)>", [9], id="javascript-autolink"),
    pytest.param("Mail <press@example.com> or <https://files.example.com/a>", [], id="autolinks"),
    # Links may only be http(s) or mailto (issue 11): ftp is refused like any other scheme.
    pytest.param("Files at <ftp://files.example.com/a>", [9], id="ftp-autolink"),
]


@pytest.mark.parametrize(("body", "lines"), BODY_CASES)
def test_body(body: str, lines: list[int]) -> None:
    text = _entry_text("A title", "2024-12-03", "A summary.", "https://x.example.com/a") + \
        "\n" + body + "\n"
    problems = check_text(text, "posts/2024-12-03-a.md", vocabulary=VOCAB, today=TODAY)
    assert [p.line for p in problems] == lines
    assert all(p.field == "body" for p in problems)


DATE_CASES = [
    pytest.param("2025-01-16", [], id="tomorrow-allowed"),
    pytest.param("2025-01-17", ["in the future"], id="day-after-tomorrow"),
    pytest.param("'2025-01-10'", [], id="quoted-string-date"),
    pytest.param("2025-1-5", ["must be an ISO date"], id="not-zero-padded"),
    pytest.param("[2025]", ["must be an ISO date YYYY-MM-DD, not a list"], id="list"),
]


@pytest.mark.parametrize(("value", "words"), DATE_CASES)
def test_dates(value: str, words: list[str]) -> None:
    text = _entry_text("A title", value, "A summary.", "https://x.example.com/a")
    problems = check_text(text, "posts/a.md", vocabulary=VOCAB, today=TODAY)
    problems = [p for p in problems if p.field == "date"]
    assert [w in p.message for p, w in zip(problems, words, strict=True)] == [True] * len(words)


def test_rendered_entries_pass() -> None:
    entry = Entry(
        title="AWS opens Trainium2 instances", date=dt.date(2024, 12, 3), source_name="Example",
        url="https://news.example.com/trn2", author="A. Writer",
        summary="Trn2 instances are generally available; UltraServers join four of them.",
        tags=["AWS", "Trainium2"], categories=["AI accelerators"],
        quotes=[Quote("It is fast: really", "Pat Example", "engineer")],
        figures=[Figure("16", "Trainium2 chips per instance")],
        notes="A note with a [link](https://example.com).",
    )
    source = "Invented: “it is fast: really,” said Pat. Each has 16 chips."
    text = render_entry(entry)
    problems = check_text(text, "posts/2024-12-03-aws-opens-trainium2-instances.md",
                          vocabulary=VOCAB, source_text=source, today=TODAY)
    assert problems == []


def test_walk_skips_pages_outside_posts_and_reports_missing_files(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("---\ntitle: Home\n---\n", encoding="utf-8")
    bad = _write(tmp_path / "docs", "2024-12-03-x.md", "no front matter\n")
    missing = tmp_path / "posts" / "2024-12-04-gone.md"
    problems = check_paths([tmp_path, missing], vocabulary=VOCAB)
    assert [(p.path, p.line, p.field) for p in problems] == [
        (str(bad), 1, "front matter"),
        (str(missing), 1, "file"),
    ]
    assert "cannot read" in problems[1].message


WORDS = (
    "wafer", "foundry", "node", "lithography", "memory", "packaging", "yield", "fab", "tool",
    "export", "subsidy", "ramp", "design", "license", "merger", "earnings", "forecast",
    "shortage", "capacity", "inference", "training", "cluster", "network", "optical", "power",
    "analog", "sensor", "modem", "laptop", "phone", "server", "rack", "cooling", "substrate",
    "interposer", "chiplet", "bandwidth", "stack", "controller", "firmware", "roadmap", "delay",
    "launch", "sample", "order", "contract", "lawsuit", "tariff", "grant", "pilot", "volume",
    "margin", "revenue", "guidance", "supplier", "customer", "partnership",
)


def test_large_generated_archive_finds_the_planted_duplicate(tmp_path: Path) -> None:
    rng = random.Random(5)
    start = dt.date(2020, 1, 6)
    for i in range(2000):
        date = start + dt.timedelta(days=i // 3)
        title = " ".join(rng.sample(WORDS, 7)).capitalize()
        summary = " ".join(rng.sample(WORDS, 25)).capitalize() + "."
        _write(tmp_path, f"{date}-entry-{i}.md", _entry_text(
            title, date.isoformat(), summary, f"https://news.example.com/{i}"))
    planted = _write(tmp_path, "2022-06-01-planted.md", _entry_text(
        "A planted copy", "2022-06-01", "Planted text.", "https://news.example.com/1234/"))
    problems = check_paths([tmp_path], vocabulary=VOCAB)
    original = tmp_path / "posts" / f"{start + dt.timedelta(days=1234 // 3)}-entry-1234.md"
    assert sorted((p.path, p.field) for p in problems) == sorted(
        [(str(original), "url"), (str(planted), "url")]
    )


# Characters that steer the YAML parser and the checks, plus a bidi override and a control.
FUZZ_CHARS = list("ab:-[]{}'\"&*!|> \n\t#<>@\u202e\x07é1")


@settings(max_examples=300, deadline=None)
@given(
    front=st.text(alphabet=st.sampled_from(FUZZ_CHARS), max_size=80),
    body=st.text(max_size=80),
)
def test_arbitrary_text_never_raises(front: str, body: str) -> None:
    for text in (f"---\n{front}\n---\n{body}", front + body):
        problems = check_text(text, "posts/2024-12-03-x.md", vocabulary=VOCAB, today=TODAY)
        assert all(isinstance(p, Problem) and p.line >= 1 for p in problems)


SOURCE = ("Invented text. “We have room to grow, and we will,” said Pat Example. Sales rose "
          "40\u00a0percent to $1.2 billion — a record.")
SOURCE_CASES = [
    pytest.param("quotes", "{text: 'We have room to grow, and we will.'}", [],
                 id="quote-end-punct"),
    pytest.param("quotes", "{text: we have room to grow … we will}", [], id="quote-ellipsis"),
    pytest.param("quotes", "{text: we will … we have room}", ["quotes[0].text"],
                 id="quote-pieces-out-of-order"),
    pytest.param("quotes", "{text: We have no room}", ["quotes[0].text"], id="quote-invented"),
    pytest.param("figures", "{value: 40 percent, context: sales growth}", [],
                 id="figure-nbsp-folded"),
    pytest.param("figures", "{value: $1.2 billion, context: sales}", [], id="figure-money"),
    pytest.param("figures", "{value: 41 percent, context: sales growth}", ["figures[0].value"],
                 id="figure-invented"),
]


@pytest.mark.parametrize(("key", "item", "fields"), SOURCE_CASES)
def test_quotes_and_figures_against_the_source(key: str, item: str, fields: list[str]) -> None:
    text = _entry_text("A title", "2024-12-03", "A summary.", "https://x.example.com/a")
    text = text.replace("\n---\n", f"\n{key}: [{item}]\n---\n")
    problems = check_text(text, "posts/2024-12-03-a.md", vocabulary=VOCAB, source_text=SOURCE,
                          today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(7, f) for f in fields]
