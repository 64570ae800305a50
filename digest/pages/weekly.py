"""Weekly issues: the archive's stories grouped by ISO week, in sections by topic, opening with
the week's top stories; an archive page of every issue and the home page's "This week" block.

A story (digest.pages.related) is listed once, in the week it broke (its earliest entry), under the
section of its lead entry's first category, with the other outlets as "also covered by".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digest.pages.items import (
    Fresh,
    Href,
    Ident,
    Week,
    always,
    entry_anchor,
    entry_link,
    long_date,
    no_ident,
    relative_link,
    week_src,
)
from digest.pages.metadata import article_meta, front_matter, meta_text
from digest.pages.related import Story
from digest.text.escaping import html_attribute, html_text, markdown_text

TOP_STORIES = 3  # "the week's top stories in two or three lines"
OTHER_SECTION = "Other news"  # entries with no category (the validator normally forbids that)
# Score weights: a story several outlets covered matters more than one entry's tag count.
SCORE_PER_OUTLET = 5
SCORE_PER_TAG = 1
SCORE_PER_FIGURE = 1
FIGURES_COUNTED = 10  # more figures than this says more about the extractor than the story
ARCHIVE_SRC = "weekly/index.md"


@dataclass(frozen=True, slots=True)
class Issue:
    """One week's stories, best first (see `score`)."""

    week: Week
    stories: tuple[Story, ...]

    @property
    def entry_count(self) -> int:
        return sum(len(s.items) for s in self.stories)

    @property
    def outlets(self) -> frozenset[str]:
        return frozenset(i.entry.source_name for s in self.stories for i in s.items)

    @property
    def src(self) -> str:
        return week_src(self.week)


def score(story: Story) -> int:
    """Deterministic importance: other outlets covering it, then the lead's tags and figures."""
    lead = story.lead.entry
    return (
        SCORE_PER_OUTLET * len(story.others)
        + SCORE_PER_TAG * len(lead.tags)
        + SCORE_PER_FIGURE * min(len(lead.figures), FIGURES_COUNTED)
    )


def _rank(story: Story) -> tuple[int, int, str, str]:
    lead = story.lead
    return (-score(story), -lead.entry.date.toordinal(), lead.entry.title, lead.src)


def story_week(story: Story) -> Week:
    """The week a story broke: the week of its earliest entry."""
    return Week.of(min(i.entry.date for i in story.items))


def build_issues(stories: Iterable[Story]) -> list[Issue]:
    """One Issue per ISO week that has entries, newest week first."""
    weeks: dict[Week, list[Story]] = defaultdict(list)
    for story in stories:
        weeks[story_week(story)].append(story)
    return [
        Issue(week, tuple(sorted(weeks[week], key=_rank))) for week in sorted(weeks, reverse=True)
    ]


def top_stories(issue: Issue) -> tuple[Story, ...]:
    return issue.stories[:TOP_STORIES]


def sections(issue: Issue, order: Sequence[str]) -> list[tuple[str, list[Story]]]:
    """(section, stories) in the fixed section order; a story goes under its lead's first
    category; categories outside `order` follow in name order, then OTHER_SECTION."""
    groups: dict[str, list[Story]] = defaultdict(list)
    for story in issue.stories:
        categories = story.lead.entry.categories
        groups[categories[0] if categories else OTHER_SECTION].append(story)
    rank = {name: i for i, name in enumerate(order)}
    names = sorted(groups, key=lambda n: (n == OTHER_SECTION, rank.get(n, len(rank)), n))
    return [(name, groups[name]) for name in names]


def _sources(story: Story, from_src: str) -> str:
    """The source line: "Wafer Weekly · also covered by [Cloud Ledger](...), ..."."""
    line = markdown_text(story.lead.entry.source_name)
    if story.others:
        links = ", ".join(
            f"[{markdown_text(o.entry.source_name)}](<{relative_link(from_src, o.src)}>)"
            for o in story.others
        )
        line += f" · also covered by {links}"
    return line


def _sources_html(story: Story, from_src: str, href: Href) -> str:
    """_sources as HTML."""
    line = html_text(story.lead.entry.source_name)
    if story.others:
        links = ", ".join(
            f'<a href="{html_text(href(from_src, o.src))}">{html_text(o.entry.source_name)}</a>'
            for o in story.others
        )
        line += f" · also covered by {links}"
    return line


def _top_lines(issue: Issue, from_src: str) -> list[str]:
    lines = []
    for story in top_stories(issue):
        lead = story.lead
        lines.append(f"- **{entry_link(lead, from_src)}** · {_sources(story, from_src)}")
    return lines


def _summary_line(issue: Issue) -> str:
    stories = len(issue.stories)
    outlets = len(issue.outlets)
    return (
        f"{issue.week.span} · {stories} {'story' if stories == 1 else 'stories'} from "
        f"{outlets} {'outlet' if outlets == 1 else 'outlets'}"
    )


def render_issue(
    issue: Issue,
    section_order: Sequence[str],
    *,
    newer: Issue | None = None,
    older: Issue | None = None,
    href: Href = relative_link,
) -> str:
    """The issue's page Markdown: headings in Markdown (they make the page's contents), the
    lists and summaries under them as HTML blocks linked with `href` (Python-Markdown's inline
    parser is the main cost of a page of summaries)."""
    src = issue.src
    parts = [issue_front_matter(issue, section_order), f"# {issue.week.title}", "",
             f"*{_summary_line(issue)}*", ""]
    parts += ["## Top stories", "", "<ul>"]
    for story in top_stories(issue):
        parts.append(
            f"<li><strong>{entry_anchor(story.lead, src, href)}</strong> · "
            f"{_sources_html(story, src, href)}</li>"
        )
    parts += ["</ul>", ""]
    for name, stories in sections(issue, section_order):
        parts += [f"## {markdown_text(name)}", ""]
        for story in stories:
            lead = story.lead.entry
            parts += [
                f"### {entry_link(story.lead, src)}",
                "",
                f'<p class="sd-meta">{lead.date:%a} {long_date(lead.date)} · '
                f"{_sources_html(story, src, href)}</p>",
                f"<p>{html_text(lead.summary)}</p>",
                "",
            ]
    parts += [_pager(issue, newer, older, href)]
    return "\n".join(parts).rstrip() + "\n"


def issue_front_matter(issue: Issue, section_order: Sequence[str]) -> str:
    """An issue's front matter: out of the navigation sidebar and the search index (every line
    repeats an entry's text, indexed on the entry's page), its title ("Week 49, 2024"), its
    summary line as description, and as an article: published with its newest entry, tagged
    with its sections."""
    newest = max((i.entry.date for s in issue.stories for i in s.items), default=issue.week.sunday)
    return front_matter(
        {
            "hide": ["navigation"],
            "search": {"exclude": True},
            "title": meta_text(issue.week.title),
            "description": meta_text(_summary_line(issue)),
            "og": article_meta(newest.isoformat(), [n for n, _ in sections(issue, section_order)]),
        }
    )


def _pager(issue: Issue, newer: Issue | None, older: Issue | None, href: Href) -> str:
    """Links to the older issue, the archive and the newer issue: an HTML block linked with
    `href`, as Python-Markdown writes the paragraph `[← Week 7, 2024](<2024-w07.md>) · ...`
    with `{ .sd-pager }` (the same HTML, without a pass of its inline parser on every issue)."""
    links = []
    if older is not None:
        links.append(_anchor(issue.src, older.src, f"← {older.week.title}", href))
    links.append(_anchor(issue.src, ARCHIVE_SRC, "All issues", href))
    if newer is not None:
        links.append(_anchor(issue.src, newer.src, f"{newer.week.title} →", href))
    return f'<p class="sd-pager">{" · ".join(links)}</p>'


def _anchor(from_src: str, to_src: str, text: str, href: Href) -> str:
    return f'<a href="{html_attribute(href(from_src, to_src))}">{html_text(text)}</a>'


def render_issues(
    issues: Sequence[Issue],
    section_order: Sequence[str],
    href: Href = relative_link,
    *,
    fresh: Fresh = always,
    ident: Ident = no_ident,
) -> dict[str, str]:
    """Every issue page, {src: markdown}, each linked to its neighbours (issues newest first);
    only those `fresh` asks for. An issue is made from its week, its stories' entries in their
    order (lead first) and its neighbours' weeks (the section order is the vocabulary's)."""
    pages = {}
    for n, issue in enumerate(issues):
        newer = issues[n - 1] if n > 0 else None
        older = issues[n + 1] if n + 1 < len(issues) else None

        def inputs(issue: Issue = issue, newer: Issue | None = newer,
                   older: Issue | None = older) -> object:
            return (
                "issue", issue.week.slug, list(section_order),
                [[ident(item) for item in story.items] for story in issue.stories],
                newer.week.slug if newer else None, older.week.slug if older else None,
            )

        if fresh(issue.src, inputs):
            pages[issue.src] = render_issue(
                issue, section_order, newer=newer, older=older, href=href
            )
    return pages


def render_archive(issues: Sequence[Issue]) -> str:
    """weekly/index.md: every issue, newest first, grouped by ISO year."""
    parts = [
        front_matter(
            {
                "search": {"exclude": True},
                "title": "Weekly issues",
                "description": "Every weekly issue of the digest, newest first.",
            }
        ),
        "# Weekly issues",
        "",
        "Each week's entries in one page, in sections by topic, opening with the week's top "
        "stories. Subscribe to the issues by [RSS](../feed_weekly_rss.xml) or "
        "[JSON Feed](../feed_weekly.json).",
    ]
    if not issues:
        parts += ["", "No issues yet: the archive has no entries."]
    year = None
    for issue in issues:
        if issue.week.year != year:
            year = issue.week.year
            parts += ["", f"## {year}", ""]
        top = issue.stories[0].lead.entry.title if issue.stories else ""
        count = issue.entry_count
        parts.append(
            f"- [{issue.week.title}](<{relative_link(ARCHIVE_SRC, issue.src)}>) · "
            f"{issue.week.span} · {count} {'entry' if count == 1 else 'entries'} · "
            f"*{markdown_text(top)}*"
        )
    return "\n".join(parts) + "\n"


def render_home(issue: Issue, home_src: str = "index.md") -> str:
    """The home page's block: the current issue's top stories in a box, with links to the whole
    issue and the archive, then the heading of the blog's list of entries."""
    link = relative_link(home_src, issue.src)
    archive = relative_link(home_src, ARCHIVE_SRC)
    body = [
        f"*{_summary_line(issue)}*",
        "",
        *_top_lines(issue, home_src),
        "",
        f"[Read the whole issue](<{link}>){{ .md-button .md-button--primary }} "
        f"[All issues](<{archive}>){{ .md-button }}",
    ]
    return "\n".join(
        [
            f'!!! sd-issue "This week: {issue.week.title}"',
            "",
            *(f"    {line}" if line else "" for line in body),
            "",
            "## Latest entries",
            "",
        ]
    )
