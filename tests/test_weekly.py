"""Weekly issues: ISO weeks (year boundaries included), one issue per week, sections in a fixed
order, top stories by score, each story listed once, archive and home block."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest
import yaml

from digest.editorial.vocabulary import load_vocabulary
from digest.pages import weekly
from digest.pages.items import Week
from digest.pages.related import Story, group_related
from tests.entry_builders import item

VOCAB = load_vocabulary()
ORDER = VOCAB.category_names()


@pytest.mark.parametrize(
    ("day", "year", "number", "slug"),
    [
        pytest.param("2024-12-02", 2024, 49, "2024-w49", id="monday-starts-week-49"),
        pytest.param("2024-12-08", 2024, 49, "2024-w49", id="sunday-ends-week-49"),
        pytest.param("2024-12-29", 2024, 52, "2024-w52", id="last-sunday-of-2024"),
        pytest.param("2024-12-30", 2025, 1, "2025-w01", id="2024-12-30-is-week-1-of-2025"),
        pytest.param("2025-01-05", 2025, 1, "2025-w01", id="week-1-of-2025-ends-jan-5"),
        pytest.param("2021-01-03", 2020, 53, "2020-w53", id="january-in-week-53-of-last-year"),
        pytest.param("2026-12-31", 2026, 53, "2026-w53", id="53-week-year"),
    ],
)
def test_iso_week(day: str, year: int, number: int, slug: str) -> None:
    week = Week.of(dt.date.fromisoformat(day))
    assert (week.year, week.number, week.slug) == (year, number, slug)
    assert week.title == f"Week {number}, {year}"
    assert week.monday <= dt.date.fromisoformat(day) <= week.sunday


@pytest.mark.parametrize(
    ("week", "span"),
    [
        pytest.param(Week(2024, 49), "2 – 8 December 2024", id="one-month"),
        pytest.param(Week(2024, 48), "25 November – 1 December 2024", id="two-months"),
        pytest.param(Week(2025, 1), "30 December 2024 – 5 January 2025", id="two-years"),
    ],
)
def test_week_span(week: Week, span: str) -> None:
    assert week.span == span


def stories_of(*items: object) -> list[Story]:
    return group_related(items, VOCAB)  # type: ignore[arg-type]


def test_year_boundary_gives_two_issues() -> None:
    old = item("dec-29", "2024-12-29", "A", ["Intel"], categories=("Business",))
    new = item("dec-30", "2024-12-30", "B", ["TSMC"], categories=("Business",))
    issues = weekly.build_issues(stories_of(old, new))
    assert [i.week.slug for i in issues] == ["2025-w01", "2024-w52"]  # newest first
    assert [s.lead for s in issues[0].stories] == [new]
    assert [s.lead for s in issues[1].stories] == [old]


def test_story_spanning_weeks_is_listed_once_in_the_week_it_broke() -> None:
    early = item("a", "2024-12-08", "Outlet A", ["Intel"], title="Early")
    late = item("b", "2024-12-09", "Outlet B", ["Intel"], title="Late")
    story = Story(lead=late, others=(early,))
    issues = weekly.build_issues([story])
    assert [i.week.slug for i in issues] == ["2024-w49"]
    assert issues[0].entry_count == 2


def test_top_stories_by_score() -> None:
    plain = item("plain", "2024-12-03", "A", ["Intel"])
    tagged = item("tagged", "2024-12-04", "B", ["Intel", "18A", "Panther Lake", "CHIPS Act"])
    figured = item("figured", "2024-12-02", "C", ["AWS"], figures=(("1", "x"), ("2", "y")))
    covered = item("covered", "2024-12-05", "D", ["Nvidia"])
    other = item("covered-too", "2024-12-05", "E", ["Nvidia"])
    tiny = item("tiny", "2024-12-06", "F", [])
    stories = [
        Story(plain, ()),
        Story(tagged, ()),
        Story(figured, ()),
        Story(covered, (other,)),
        Story(tiny, ()),
    ]
    (issue,) = weekly.build_issues(stories)
    # covered: 5*1 + 1 tag; tagged: 4 tags; figured: 1 tag + 2 figures; plain: 1; tiny: 0
    assert [s.lead.entry.slug for s in weekly.top_stories(issue)] == [
        "covered",
        "tagged",
        "figured",
    ]
    assert [s.lead.entry.slug for s in issue.stories][3:] == ["plain", "tiny"]


def test_score_ties_break_by_date_then_title() -> None:
    a = item("a", "2024-12-03", "A", ["Intel"], title="Beta")
    b = item("b", "2024-12-04", "B", ["TSMC"], title="Alpha")
    c = item("c", "2024-12-04", "C", ["AMD"], title="Gamma")
    (issue,) = weekly.build_issues([Story(a, ()), Story(c, ()), Story(b, ())])
    assert [s.lead.entry.title for s in issue.stories] == ["Alpha", "Gamma", "Beta"]


def test_sections_fixed_order_first_category_wins() -> None:
    quantum = item("q", "2024-12-03", "A", ["Google"], categories=("Quantum",))
    memory = item("m", "2024-12-03", "B", ["Micron"], categories=("Memory", "AI accelerators"))
    accel = item("x", "2024-12-04", "C", ["Nvidia"], categories=("AI accelerators",))
    none = item("n", "2024-12-04", "D", ["Intel"])
    (issue,) = weekly.build_issues([Story(i, ()) for i in (quantum, memory, accel, none)])
    got = [
        (name, [s.lead.entry.slug for s in stories])
        for name, stories in weekly.sections(issue, ORDER)
    ]
    assert got == [
        ("AI accelerators", ["x"]),
        ("Memory", ["m"]),  # listed once, under its first category only
        ("Quantum", ["q"]),
        (weekly.OTHER_SECTION, ["n"]),
    ]


def test_issue_page() -> None:
    lead = item(
        "trn2",
        "2024-12-03",
        "Wafer Weekly",
        ["AWS", "Trainium2"],
        title="AWS opens *Trainium2* <b>instances</b>",
        categories=("AI accelerators",),
        summary="Summary with [a link](javascript:alert(1)) in it.",
    )
    other = item(
        "trn2-b",
        "2024-12-04",
        "Cloud Ledger",
        ["AWS", "Trainium2"],
        title="Other outlet's headline",
        categories=("AI accelerators",),
    )
    solo = item("micron", "2024-12-05", "DRAM Desk", ["Micron"], categories=("Memory",))
    older = weekly.Issue(Week(2024, 48), (Story(solo, ()),))
    (issue,) = weekly.build_issues([Story(lead, (other,)), Story(solo, ())])
    page = weekly.render_issue(issue, ORDER, older=older)
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["hide"] == ["navigation"] and front["search"] == {"exclude": True}
    assert front["title"] == "Week 49, 2024"
    assert front["description"] == "2 – 8 December 2024 · 2 stories from 3 outlets"
    assert front["og"] == {
        "type": "article",
        "published_time": "2024-12-05",  # its newest entry
        "tags": ["AI accelerators", "Memory"],  # its sections
    }
    assert "# Week 49, 2024" in page
    assert "2 – 8 December 2024 · 2 stories from 3 outlets" in page
    # the lead: a heading and a top story; the other outlet: one "also covered by" link
    assert page.count("](<../posts/2024-12-03-trn2.md>)") == 1  # the heading (Markdown)
    assert page.count('<a href="../posts/2024-12-03-trn2.md">') == 1  # the top story (HTML)
    assert page.count('<a href="../posts/2024-12-04-trn2-b.md">Cloud Ledger</a>') == 2
    assert "Other outlet" not in page
    # escaped: no markup, no link from the summary (Markdown in the heading, HTML below)
    assert "\\*Trainium2\\*" in page and "&lt;b&gt;" in page and "<b>" not in page
    assert "<p>Summary with [a link](javascript:alert(1)) in it.</p>" in page
    assert '<p class="sd-meta">Tue 3 December 2024 · Wafer Weekly · also covered by' in page
    assert re.search(r"^## AI accelerators$.*^## Memory$", page, re.M | re.S)
    # the pager: an HTML block, as Python-Markdown writes its links (the site's URLs: `href`)
    assert ('<p class="sd-pager"><a href="2024-w48.md">← Week 48, 2024</a> · '
            '<a href="index.md">All issues</a></p>') in page


def test_archive_and_home() -> None:
    a = item("a", "2024-12-03", "A", ["Intel"], title="First story")
    b = item("b", "2024-12-30", "B", ["Intel"], title="Second story")
    issues = weekly.build_issues([Story(a, ()), Story(b, ())])
    archive = weekly.render_archive(issues)
    assert archive.index("## 2025") < archive.index("## 2024")
    assert "[Week 1, 2025](<2025-w01.md>)" in archive
    assert "[Week 49, 2024](<2024-w49.md>)" in archive
    pages = weekly.render_issues(issues, ORDER)
    assert set(pages) == {"weekly/2025-w01.md", "weekly/2024-w49.md"}
    assert '<a href="2025-w01.md">Week 1, 2025 →</a>' in pages["weekly/2024-w49.md"]
    home = weekly.render_home(issues[0])
    assert home.startswith('!!! sd-issue "This week: Week 1, 2025"\n')
    assert "    - **[Second story](<posts/2024-12-30-b.md>)** · B" in home
    assert "(<weekly/2025-w01.md>)" in home and home.rstrip().endswith("## Latest entries")


def test_empty_archive() -> None:
    assert weekly.build_issues([]) == []
    assert "No issues yet" in weekly.render_archive([])


def test_issue_pager_is_the_html_python_markdown_writes() -> None:
    """The pager is written as HTML (no pass of the engine's inline parser), the same HTML
    Python-Markdown writes for the Markdown paragraph it replaced."""
    a = item("a", "2024-11-26", "A", ["Intel"], title="First")
    b = item("b", "2024-12-03", "B", ["Intel"], title="Second")
    c = item("c", "2024-12-10", "C", ["Intel"], title="Third")
    issues = weekly.build_issues([Story(x, ()) for x in (a, b, c)])
    page = weekly.render_issues(issues, ORDER)["weekly/2024-w49.md"]
    pager = page.rstrip("\n").rsplit("\n", 1)[1]
    paragraph = ("[← Week 48, 2024](<2024-w48.md>) · [All issues](<index.md>) · "
                 "[Week 50, 2024 →](<2024-w50.md>)\n{ .sd-pager }")
    assert pager == markdown.markdown(paragraph, extensions=["attr_list"])
