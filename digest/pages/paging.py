"""Long indexes in parts: the figures and quotes indexes of a large archive are split by year,
and a year with more rows than a page holds is split again, so that no page grows with the
archive (10,000 entries have some 50,000 figures: one page of them is tens of megabytes).

An index that fits on one page stays one page, at its own address. Split, its first part (the
newest rows) keeps that address, so the navigation's link still leads to the newest figures;
the other parts live beside it: `figures/2023.md`, `figures/2023-2.md` (a year's second page).
Every part carries the same list of parts (`parts_nav`), by year and page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from digest.pages.items import Href
from digest.text.escaping import html_attribute, html_text

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Part(Generic[T]):
    """One page of a split index."""

    src: str
    year: int | None  # None: the whole index on one page
    number: int  # the page's number within its year, from 1
    of: int  # how many pages its year has
    rows: tuple[T, ...]

    @property
    def label(self) -> str:
        """"2024", "2024, page 2 of 3"; "" for a whole index."""
        if self.year is None:
            return ""
        return str(self.year) if self.of == 1 else f"{self.year}, page {self.number} of {self.of}"


def part_src(base_src: str, year: int, number: int) -> str:
    """`figures.md`, 2023, 1 -> `figures/2023.md`; page 2 -> `figures/2023-2.md`."""
    stem = base_src.removesuffix(".md")
    return f"{stem}/{year}.md" if number == 1 else f"{stem}/{year}-{number}.md"


def split_by_year(
    rows: Sequence[T], year_of: Callable[[T], int], *, base_src: str, per_page: int
) -> list[Part[T]]:
    """The index's pages: one when every row fits on it, else by year (years in the order of
    the rows, which come newest first), each year in pages of at most `per_page` rows, in their
    order. The first part is at `base_src`."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    if len(rows) <= per_page:
        return [Part(base_src, None, 1, 1, tuple(rows))]
    years: dict[int, list[T]] = {}
    for row in rows:
        years.setdefault(year_of(row), []).append(row)
    parts: list[Part[T]] = []
    for year, year_rows in years.items():
        chunks = [year_rows[i : i + per_page] for i in range(0, len(year_rows), per_page)]
        for number, chunk in enumerate(chunks, start=1):
            src = base_src if not parts else part_src(base_src, year, number)
            parts.append(Part(src, year, number, len(chunks), tuple(chunk)))
    return parts


def parts_nav(parts: Sequence[Part[T]], current: Part[T], label: str, href: Href) -> str:
    """The list of the index's pages as HTML (a `<nav>` named `label`): one item per year,
    its pages numbered when it has several; the current page marked aria-current. "" for an
    index on one page."""
    if len(parts) < 2:
        return ""
    items: list[str] = []
    by_year: dict[int | None, list[Part[T]]] = {}
    for part in parts:
        by_year.setdefault(part.year, []).append(part)
    for year, pages in by_year.items():
        if len(pages) == 1:
            items.append(f"<li>{_link(pages[0], current, str(year), href)}</li>")
            continue
        numbers = " ".join(
            _link(p, current, str(p.number), href, name=f"{year}, page {p.number}") for p in pages
        )
        items.append(f"<li><span>{year}:</span> {numbers}</li>")
    return (
        f'<nav class="sd-pages" aria-label="{html_attribute(label)}">'
        f"<ul>{''.join(items)}</ul></nav>"
    )


def _link(part: Part[T], current: Part[T], text: str, href: Href, name: str = "") -> str:
    url = html_attribute(href(current.src, part.src))
    attrs = f' aria-label="{html_attribute(name)}"' if name else ""
    if part.src == current.src:
        attrs += ' aria-current="page"'
    return f'<a href="{url}"{attrs}>{html_text(text)}</a>'
