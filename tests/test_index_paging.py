"""The figures and quotes indexes in parts (digest.pages.paging): split by year, a year split
again by page, the first part at the index's own address, every part listing the others; and
on a synthetic archive (benchmarks/synth.py) built as a site, no page over 1 MB of HTML with
every figure on exactly one page. The 10,000-entry case is measured by
benchmarks/index_pages.py, not here."""

from __future__ import annotations

import re
from typing import Any

import pytest
from bs4 import BeautifulSoup

from digest.editorial.vocabulary import load_vocabulary
from digest.pages import indexes
from digest.pages.items import Item, relative_link
from digest.pages.paging import Part, part_src, parts_nav, split_by_year
from tests.built_site import SYNTH_END, SYNTH_ENTRIES, SYNTH_YEARS, BuiltSite  # fixture: conftest
from tests.test_synth import _load_synth

MAX_PAGE_BYTES = 1_000_000


def _rows(*years: int) -> list[tuple[int, int]]:
    """(year, n) rows, in the given order (newest first, as the indexes give them)."""
    return [(year, n) for n, year in enumerate(years)]


def _year(row: tuple[int, int]) -> int:
    return row[0]


def test_an_index_that_fits_stays_one_page() -> None:
    rows = _rows(2024, 2023, 2022)
    (part,) = split_by_year(rows, _year, base_src="figures.md", per_page=3)
    assert part == Part("figures.md", None, 1, 1, tuple(rows))
    assert part.label == ""
    assert parts_nav([part], part, "Figures by year", relative_link) == ""


def test_split_by_year_then_by_page() -> None:
    rows = _rows(2024, 2024, 2024, 2024, 2024, 2023, 2023, 2021)
    parts = split_by_year(rows, _year, base_src="figures.md", per_page=2)
    assert [(p.src, p.year, p.number, p.of, len(p.rows)) for p in parts] == [
        ("figures.md", 2024, 1, 3, 2),  # the newest rows keep the index's address
        ("figures/2024-2.md", 2024, 2, 3, 2),
        ("figures/2024-3.md", 2024, 3, 3, 1),
        ("figures/2023.md", 2023, 1, 1, 2),
        ("figures/2021.md", 2021, 1, 1, 1),  # a year without rows has no page
    ]
    assert [row for part in parts for row in part.rows] == rows  # each row once, in order
    assert [p.label for p in parts][:4] == [
        "2024, page 1 of 3", "2024, page 2 of 3", "2024, page 3 of 3", "2023"
    ]
    assert part_src("quotes.md", 2020, 4) == "quotes/2020-4.md"


def test_split_refuses_empty_pages() -> None:
    with pytest.raises(ValueError):
        split_by_year(_rows(2024), _year, base_src="figures.md", per_page=0)


def test_parts_nav() -> None:
    parts = split_by_year(_rows(2024, 2024, 2024, 2023), _year, base_src="figures.md",
                          per_page=2)
    nav = parts_nav(parts, parts[1], "Figures by year", relative_link)
    assert nav.startswith('<nav class="sd-pages" aria-label="Figures by year"><ul>')
    # from figures/2024-2.md: its year's pages numbered, the current one marked
    assert '<li><span>2024:</span> <a href="../figures.md" aria-label="2024, page 1">1</a> ' in nav
    assert '<a href="2024-2.md" aria-label="2024, page 2" aria-current="page">2</a>' in nav
    assert '<li><a href="2023.md">2023</a></li>' in nav
    assert nav.count("aria-current") == 1


@pytest.fixture(scope="module")
def synth_items() -> list[Item]:
    synth = _load_synth()
    entries = synth.generate_entries(SYNTH_ENTRIES, years=SYNTH_YEARS, end=SYNTH_END)
    return [Item(e, f"posts/{e.date}-{e.slug}.md") for e in entries]


def test_figure_pages_hold_every_figure_once(synth_items: list[Item]) -> None:
    matcher = indexes.EntityMatcher(load_vocabulary())
    rows = indexes.figure_rows(synth_items, matcher)
    pages = indexes.figure_pages(rows, frozenset(), relative_link, per_page=200)
    assert len(pages) > SYNTH_YEARS and indexes.FIGURES_SRC in pages
    seen = 0
    for src, page in pages.items():
        table = page[page.index("<table>"):]
        count = table.count("<tr><td>")
        seen += count
        assert 0 < count <= 200, src
        assert f'<output id="figure-count">{count} figures</output>' in page
        # each page's filter offers what its own rows have, and nothing else
        kinds = set(re.findall(r"<td>([^<]*)</td><td>\d{4}-\d\d-\d\d</td>", table))
        form = page[page.index("<form"):page.index("</form>")]
        offered = set(re.findall(r'<option value="([^"]+)">', form))
        assert kinds <= offered, src
        assert f"# Figures of {src[8:12] if src != indexes.FIGURES_SRC else ''}" in page
        assert 'aria-current="page"' in page  # every part marks itself in the list of parts
    assert seen == len(rows)


def test_quote_pages_hold_every_quote_once(synth_items: list[Item]) -> None:
    pages = indexes.quote_pages(synth_items, per_page=150)
    total = sum(len(i.entry.quotes) for i in synth_items)
    assert len(pages) > SYNTH_YEARS
    assert sum(page.count("<blockquote>") for page in pages.values()) == total
    first = min(i.entry.date for i in synth_items).year
    assert any(src.startswith(f"quotes/{first}") for src in pages)


def test_synthetic_site_pages_stay_under_a_megabyte(synth_site: BuiltSite) -> None:
    site = synth_site.site
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    too_big = {path: size for path, size in sizes.items() if size > MAX_PAGE_BYTES}
    assert too_big == {}
    figures = sorted(p for p in sizes if p.startswith("figures/"))
    assert len(figures) > 1, "the synthetic archive's figures index should be split"
    rows = 0
    for path in figures:
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        rows += len(soup.select("article table tbody tr"))
        assert soup.select_one("nav.sd-pages a[aria-current='page']") is not None, path
    assert rows == sum(len(e.figures) for e in _synth_entries())


def _synth_entries() -> list[Any]:
    synth = _load_synth()
    return list(synth.generate_entries(SYNTH_ENTRIES, years=SYNTH_YEARS, end=SYNTH_END))
