"""The archive as the generated pages see it: entries with where they live in docs/, and the few
helpers every generated page shares (ISO weeks, relative links, entity slugs, safe text).

The generated-page modules (weekly, related, entities, indexes, feeds) are pure functions from
a list of `Item`s to Markdown or feed data; none of them imports MkDocs. Links between pages are
written as relative links to source files (`../posts/2024-12-03-x.md`), which MkDocs resolves to
the final URLs (the blog plugin's dated post URLs included) and checks in strict mode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from digest.models import Entry
from digest.text.escaping import html_attribute, html_text, markdown_text
from digest.text.slugs import slugify

# Front matter of generated pages reached from an index page rather than the nav (issues,
# entities): their left sidebar would be empty, so the content gets its width.
NOT_IN_NAV = ("---", "hide: [navigation]", "---", "")
# Front matter of generated listing pages (issues, the issue and entity indexes, quotes): every
# line of them repeats an entry's text, which is indexed on the entry's page; in the search index
# they would only double its size and push the entries down the results.
NOT_IN_SEARCH = ("---", "search:", "  exclude: true", "---", "")
LISTING_NOT_IN_NAV = ("---", "hide: [navigation]", "search:", "  exclude: true", "---", "")
# After the heading of a section that lists entries, on a page whose other sections are its own
# text (entity pages): the section stays out of the search index.
SEARCH_EXCLUDE = "{ data-search-exclude }"


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the archive and its source path relative to docs/ ("posts/x.md")."""

    entry: Entry
    src: str


@dataclass(frozen=True, slots=True, order=True)
class Week:
    """An ISO week: ISO year and week number (ISO week 1 of 2025 starts on 2024-12-30)."""

    year: int
    number: int

    @classmethod
    def of(cls, day: dt.date) -> Week:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def slug(self) -> str:
        return f"{self.year}-w{self.number:02d}"

    @property
    def title(self) -> str:
        return f"Week {self.number}, {self.year}"

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 7)

    @property
    def span(self) -> str:
        """Like "2 – 8 December 2024", "25 November – 1 December 2024", "30 December 2024 – 5
        January 2025"."""
        start, end = self.monday, self.sunday
        if start.year != end.year:
            return f"{long_date(start)} – {long_date(end)}"
        if start.month != end.month:
            return f"{start.day} {start:%B} – {long_date(end)}"
        return f"{start.day} – {long_date(end)}"


def long_date(day: dt.date) -> str:
    """A date as "3 December 2024" (no zero padding, no locale)."""
    return f"{day.day} {day:%B %Y}"


def week_src(week: Week) -> str:
    return f"weekly/{week.slug}.md"


def relative_link(from_src: str, to_src: str) -> str:
    """The relative Markdown link from one docs/ source file to another (both normalised paths
    relative to docs/, as MkDocs gives them; string work instead of posixpath.relpath, which
    normalises and resolves against the working directory and is called once per link)."""
    from_parts = from_src.split("/")[:-1]
    to_parts = to_src.split("/")
    common = 0
    for a, b in zip(from_parts, to_parts[:-1], strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])


# (from src, to src) -> the URL of the target as an <a href> on the page of `from src`. Generated
# pages write long lists as HTML (Python-Markdown's inline parser is the main cost of a big page),
# and MkDocs resolves links only in Markdown: the site plugin passes the final URLs. The default,
# relative_link, gives the source path (what the pure functions' tests read).
Href = Callable[[str, str], str]


# (page src, its inputs) -> whether the page must be rendered: False when the page staged last
# time was made from the same inputs (digest.site.memo). The inputs come as a function called
# only when there is a memo to ask: a tuple of plain values (strings, numbers, lists) that
# holds everything the page is made from, each entry by its `Ident`. A generated-page
# function returns only the pages it rendered.
Fresh = Callable[[str, Callable[[], object]], bool]
# An entry's identity in those inputs: the hash of its file, from which everything a page
# shows of the entry (its fields, its address) is read.
Ident = Callable[["Item"], str]


def always(src: str, inputs: Callable[[], object]) -> bool:
    """The Fresh of a build without a memo: every page is rendered."""
    return True


def no_ident(item: Item) -> str:
    raise RuntimeError("an entry's identity asked for without a memo")


def entry_anchor(item: Item, from_src: str, href: Href = relative_link) -> str:
    """`<a href="...">Title</a>` with the title escaped."""
    url = html_attribute(href(from_src, item.src))
    return f'<a href="{url}">{html_text(item.entry.title)}</a>'


def entity_slug(name: str) -> str:
    """The entity page's slug: "SK hynix" -> "sk-hynix", "18A" -> "18a" (digest.text.slugs)."""
    return slugify(name, fallback="entity")


def entity_src(name: str) -> str:
    return f"entities/{entity_slug(name)}.md"


def entry_link(item: Item, from_src: str) -> str:
    """`[Title](relative/path.md)` with the title escaped."""
    return f"[{markdown_text(item.entry.title)}](<{relative_link(from_src, item.src)}>)"


def by_date_desc(items: list[Item]) -> list[Item]:
    """Newest first; ties by title then path, so the order never depends on input order."""
    return sorted(items, key=lambda i: (-i.entry.date.toordinal(), i.entry.title, i.src))
