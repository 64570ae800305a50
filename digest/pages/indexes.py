"""The figures index (every key figure in one filterable table) and the quotes index (quotes by
speaker). Each figure is attributed to at most one entity: the company or chip of its entry that
its context names first, else the one the entry is about (see `_primary_entity`)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from digest.editorial.figures_kind import figure_kind as classify_figure
from digest.editorial.vocabulary import Term, Vocabulary
from digest.models import Quote
from digest.pages.items import (
    Fresh,
    Href,
    Ident,
    Item,
    always,
    by_date_desc,
    entity_src,
    entry_anchor,
    long_date,
    no_ident,
    relative_link,
)
from digest.pages.metadata import front_matter, meta_text
from digest.pages.paging import Part, parts_nav, split_by_year
from digest.text.escaping import html_attribute, html_text, markdown_text
from digest.text.normalize import clean_text

FIGURES_SRC = "figures.md"
# Where the figures page's table goes: an HTML comment survives Markdown untouched, and the site
# plugin puts the table (figures_table_html) in its place in the page's HTML.
FIGURES_TABLE = "<!-- figures-table -->"
QUOTES_SRC = "quotes.md"
# Rows per page of the split indexes (digest.pages.paging): a figure row is some 400 bytes of
# HTML and a quote some 600, so a page stays far under 1 MB (benchmarks/index_pages.py
# measures a 10,000-entry archive).
FIGURES_PER_PAGE = 1000
QUOTES_PER_PAGE = 800
ENTITY_KINDS = ("company", "chip")  # the kinds that get entity pages
OTHER_KIND = "Other"
UNATTRIBUTED = "Unattributed"
# What the figures index calls each kind of figure (digest.editorial.figures_kind.figure_kind,
# the one classifier), in a reader's words; a unit is named by the quantity it measures, a
# quantity not listed by its own name ("Area", "Energy"), a unit with none ("105-qubit") as a
# count.
KIND_LABELS: dict[str, str] = {
    "money": "Money",
    "percent": "Percentage",
    "multiplier": "Multiple",
    "unit": "Count",
    "scaled": "Count",
    "count": "Count",
}
QUANTITY_LABELS: dict[str, str] = {
    "time": "Duration",
    "compute": "Compute",
    "memory": "Memory and bandwidth",
    "bandwidth": "Memory and bandwidth",
    "frequency": "Frequency",
    "power": "Power",
    "length": "Process node and length",  # process nodes are lengths: "3nm", "18 angstroms"
}


def figure_kind(value: str) -> str:
    """The figures index's label for a figure's value."""
    found = classify_figure(value)
    if found.quantity is not None:
        return QUANTITY_LABELS.get(found.quantity, found.quantity.capitalize())
    return KIND_LABELS.get(found.kind, OTHER_KIND)


@dataclass(frozen=True, slots=True)
class FigureRow:
    value: str
    context: str
    entity: str  # a company or chip tag, or "" when the entry has none
    kind: str
    date: dt.date
    item: Item


class EntityMatcher:
    """Finds where a company or chip (its name or an alias) is first named in a text."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.terms: dict[str, Term] = {
            t.name: t for t in vocabulary.terms if t.kind in ENTITY_KINDS
        }
        self._patterns: dict[str, re.Pattern[str]] = {}

    def is_entity(self, name: str) -> bool:
        return name in self.terms

    def entities_of(self, item: Item) -> list[str]:
        """The entry's company and chip tags, in the entry's tag order."""
        return [tag for tag in item.entry.tags if tag in self.terms]

    def first_named(self, candidates: Sequence[str], context: str) -> str | None:
        best: tuple[int, int, str] | None = None
        for order, name in enumerate(candidates):
            match = self._pattern(name).search(context)
            if match and (best is None or (match.start(), order) < best[:2]):
                best = (match.start(), order, name)
        return best[2] if best else None

    def _pattern(self, name: str) -> re.Pattern[str]:
        if name not in self._patterns:
            term = self.terms[name]
            labels = sorted((term.name, *term.aliases), key=len, reverse=True)
            body = "|".join(re.escape(label) for label in labels)
            flags = 0 if term.case_sensitive else re.I
            self._patterns[name] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)
        return self._patterns[name]


def figure_rows(items: Iterable[Item], matcher: EntityMatcher) -> list[FigureRow]:
    """Every figure of every entry, newest entry first, each entry's figures in its order."""
    return [row for item in by_date_desc(list(items)) for row in entry_figure_rows(item, matcher)]


def entry_figure_rows(item: Item, matcher: EntityMatcher) -> list[FigureRow]:
    """The entry's figures as rows, in its order, each attributed to at most one entity."""
    candidates = matcher.entities_of(item)
    primary = _primary_entity(item, candidates, matcher)
    rows = []
    for figure in item.entry.figures:
        context = clean_text(figure.context)
        entity = matcher.first_named(candidates, context) or primary
        rows.append(
            FigureRow(
                value=clean_text(figure.value),
                context=context,
                entity=entity,
                kind=figure_kind(figure.value),
                date=item.entry.date,
                item=item,
            )
        )
    return rows


class RowsOf:
    """Each entry's figure rows, made once per build when first asked for."""

    def __init__(self, matcher: EntityMatcher) -> None:
        self.matcher = matcher
        self.made: dict[str, list[FigureRow]] = {}

    def __call__(self, item: Item) -> list[FigureRow]:
        rows = self.made.get(item.src)
        if rows is None:
            rows = self.made[item.src] = entry_figure_rows(item, self.matcher)
        return rows


def _primary_entity(item: Item, candidates: Sequence[str], matcher: EntityMatcher) -> str:
    """What the entry is about, for figures whose context names no entity: the company or chip
    its title names first, else its first tag when that is a company or chip, else none (an
    entry led by a topic - export rules, say - is not about the company it mentions fourth)."""
    named = matcher.first_named(candidates, clean_text(item.entry.title))
    if named:
        return named
    tags = item.entry.tags
    return tags[0] if tags and matcher.is_entity(tags[0]) else ""


def figure_table_html(
    rows: Sequence[FigureRow],
    from_src: str,
    entity_pages: frozenset[str],
    *,
    entity_column: bool,
    href: Href = relative_link,
) -> str:
    """A table of figures as HTML, for pages that list many of them (entity pages)."""
    head = ["Figure", "What it measures"]
    if entity_column:
        head.append("Entity")
    head += ["Kind", "Date", "Entry"]
    out = ["<table>", "<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>"]
    out.append("<tbody>")
    for row in rows:
        cells = [f"<strong>{html_text(row.value)}</strong>", html_text(row.context)]
        if entity_column:
            cells.append(_entity_cell_html(row.entity, from_src, entity_pages, href))
        cells += [html_text(row.kind), row.date.isoformat(), entry_anchor(row.item, from_src, href)]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _entity_cell_html(name: str, from_src: str, entity_pages: frozenset[str], href: Href) -> str:
    if not name:
        return "—"
    if name in entity_pages:
        url = html_attribute(href(from_src, entity_src(name)))
        return f'<a href="{url}">{html_text(name)}</a>'
    return html_text(name)


def _options(label: str, every: str, name: str, values: Iterable[str]) -> str:
    options = [f'<option value="">{html_text(every)}</option>']
    options += [
        f'<option value="{html_attribute(v)}">{html_text(v)}</option>' for v in values
    ]
    return (
        f'<label>{html_text(label)} <select name="{name}" '
        f'data-column="{html_attribute(name.capitalize())}">{"".join(options)}'
        "</select></label>"
    )


def render_figures(rows: Sequence[FigureRow], *, label: str = "", nav: str = "") -> str:
    """figures.md (or one part of it, `label` naming it, `nav` the list of parts): the filter
    form (used by docs/assets/figures.js) and a placeholder for the table, which
    `figures_table_html` fills in (see FIGURES_TABLE)."""
    entities = sorted({r.entity for r in rows if r.entity}, key=str.casefold)
    kinds = sorted({r.kind for r in rows})
    form = (
        '<form id="figure-filter" class="sd-filter" aria-label="Filter the figures">'
        + _options("Entity", "All entities", "entity", entities)
        + _options("Kind", "All kinds", "kind", kinds)
        + f'<output id="figure-count">{len(rows)} figures</output></form>'
    )
    title = f"Figures of {label}" if label else "Figures"
    intro = (
        "Every key figure in the digest: the value as the article wrote it, what it measures, "
        "the company or chip it is about, and the entry it comes from. Filter by entity or kind"
    )
    head = {
        "hide": ["navigation", "toc"],  # the table needs the page's whole width
        "search": {"exclude": True},  # every figure is already indexed on its entry's page
        "title": meta_text(title),
        "description": meta_text(f"{intro}."),
    }
    parts = [front_matter(head), f"# {markdown_text(title)}", ""]
    if nav:
        parts += [f"{intro} (on this page; the index is split by year).", "", nav, ""]
    else:
        parts += [f"{intro}.", ""]
    parts += [form, "", FIGURES_TABLE, ""]
    return "\n".join(parts)


def figure_pages(
    rows: Sequence[FigureRow],
    entity_pages: frozenset[str],
    href: Href,
    *,
    per_page: int = FIGURES_PER_PAGE,
) -> dict[str, str]:
    """{src: page} of the figures index: figures.md, split by year when it has more than
    `per_page` rows (digest.pages.paging); each page's filter covers its own rows."""
    parts = split_by_year(rows, lambda r: r.date.year, base_src=FIGURES_SRC, per_page=per_page)
    return {part.src: _figures_page(part, parts, entity_pages, href) for part in parts}


def _figures_page(
    part: Part[FigureRow], parts: Sequence[Part[Any]], entity_pages: frozenset[str], href: Href
) -> str:
    def part_href(src: str) -> str:
        return href(part.src, src)

    table = figures_table_html(part.rows, entity_pages, part_href)
    nav = parts_nav(parts, part, "Figures by year", href)
    page = render_figures(part.rows, label=part.label, nav=nav)
    return page.replace(FIGURES_TABLE, table, 1)


def index_figure_pages(
    items: Sequence[Item],
    rows_of: Callable[[Item], Sequence[FigureRow]],
    entity_pages: frozenset[str],
    href: Href,
    *,
    per_page: int = FIGURES_PER_PAGE,
    fresh: Fresh = always,
    ident: Ident = no_ident,
) -> dict[str, str]:
    """figure_pages of every figure of `items` (rows_of(item): the entry's rows, as
    entry_figure_rows makes them), only the pages `fresh` asks for. The pages are planned on
    each figure's place (entry, number) before any row is made: a page is made from the
    figures it holds, the list of pages (its navigation) and which entities have pages."""
    places = [(item, n) for item in by_date_desc(list(items))
              for n in range(len(item.entry.figures))]
    parts = split_by_year(
        places, lambda place: place[0].entry.date.year, base_src=FIGURES_SRC, per_page=per_page
    )
    plan = [(p.src, p.year, p.number, p.of) for p in parts]
    names = sorted(entity_pages)
    pages: dict[str, str] = {}
    for part in parts:
        def inputs(part: Part[tuple[Item, int]] = part) -> object:
            return ("figures", plan, names, _spans(part.rows, ident))

        if not fresh(part.src, inputs):
            continue
        rows = tuple(rows_of(item)[n] for item, n in part.rows)
        made = Part(part.src, part.year, part.number, part.of, rows)
        pages[part.src] = _figures_page(made, parts, entity_pages, href)
    return pages


def _spans(places: Sequence[tuple[Item, int]], ident: Ident) -> list[tuple[str, int, int]]:
    """(entry, first number, last number) of the places of a page, in their order."""
    spans: list[tuple[str, int, int]] = []
    last: Item | None = None
    for item, n in places:
        if item is last:
            spans[-1] = (spans[-1][0], spans[-1][1], n)
        else:
            spans.append((ident(item), n, n))
            last = item
    return spans


def figures_table_html(
    rows: Sequence[FigureRow], entity_pages: frozenset[str], href: Callable[[str], str]
) -> str:
    """The figures index's table as HTML; `href(src)` is the URL of a docs/ source file
    relative to the figures page. Written as HTML, not Markdown: an archive of 10,000 entries
    has some 80,000 figures, which Python-Markdown's table parser takes minutes over."""
    out = [
        "<table><thead><tr><th>Figure</th><th>What it measures</th><th>Entity</th>"
        "<th>Kind</th><th>Date</th><th>Entry</th></tr></thead><tbody>"
    ]
    entity_cells: dict[str, str] = {"": "—"}
    entry_cells: dict[str, str] = {}
    for row in rows:
        if row.entity not in entity_cells:
            name = html_text(row.entity)
            entity_cells[row.entity] = (
                f'<a href="{html_attribute(href(entity_src(row.entity)))}">{name}</a>'
                if row.entity in entity_pages
                else name
            )
        src = row.item.src
        if src not in entry_cells:
            title = html_text(clean_text(row.item.entry.title))
            entry_cells[src] = f'<a href="{html_attribute(href(src))}">{title}</a>'
        out.append(
            f"<tr><td><strong>{html_text(row.value)}</strong></td><td>{html_text(row.context)}</td>"
            f"<td>{entity_cells[row.entity]}</td><td>{html_text(row.kind)}</td>"
            f"<td>{row.date.isoformat()}</td><td>{entry_cells[src]}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    text: str
    speaker: str
    role: str | None
    item: Item


def quote_rows(items: Iterable[Item]) -> list[QuoteRow]:
    """Every quote, newest entry first, each entry's quotes in its order."""
    return [_quote_row(item, quote) for item in by_date_desc(list(items))
            for quote in item.entry.quotes]


def _quote_row(item: Item, quote: Quote) -> QuoteRow:
    speaker = clean_text(quote.speaker or "") or UNATTRIBUTED
    role = clean_text(quote.role) if quote.role else None
    return QuoteRow(clean_text(quote.text), speaker, role, item)


def group_quotes(rows: Iterable[QuoteRow]) -> list[tuple[str, list[QuoteRow]]]:
    """(speaker, quotes in the rows' order) by speaker name (the first spelling met);
    unattributed quotes last."""
    groups: dict[str, list[QuoteRow]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in rows:
        key = row.speaker.casefold()
        names.setdefault(key, row.speaker)
        groups[key].append(row)
    keys = sorted(groups, key=lambda k: (names[k] == UNATTRIBUTED, _surname_key(names[k])))
    return [(names[k], groups[k]) for k in keys]


def quote_groups(items: Iterable[Item]) -> list[tuple[str, list[QuoteRow]]]:
    """(speaker, quotes newest first) by speaker name; unattributed quotes last."""
    return group_quotes(quote_rows(items))


def _surname_key(name: str) -> tuple[str, str]:
    """Sort "Jensen Huang" under H, like a book's index."""
    words = name.split()
    return (words[-1].casefold() if words else "", name.casefold())


def quote_html(
    row: QuoteRow, from_src: str, *, with_speaker: bool, href: Href = relative_link
) -> str:
    """A quote as HTML: the quote, then "— speaker, role · entry, outlet, date"."""
    who = []
    if with_speaker:
        who.append(f"<strong>{html_text(row.speaker)}</strong>")
    if row.role:
        who.append(html_text(row.role))
    source = f"{entry_anchor(row.item, from_src, href)}, {html_text(row.item.entry.source_name)}, "
    source += long_date(row.item.entry.date)
    attribution = ", ".join(who)
    return (
        f"<blockquote>\n<p>{html_text(row.text)}</p>\n"
        f"<p>— {attribution + ' · ' if who else ''}{source}</p>\n</blockquote>"
    )


def quotes_html(
    rows: Sequence[QuoteRow], from_src: str, *, with_speaker: bool, href: Href = relative_link
) -> str:
    """Quotes as one HTML block (a Markdown page places it between its headings)."""
    quotes = "\n".join(quote_html(r, from_src, with_speaker=with_speaker, href=href) for r in rows)
    return f'<div class="sd-quotes">\n{quotes}\n</div>'


def render_quotes(items: Iterable[Item], href: Href = relative_link) -> str:
    """quotes.md: quotes grouped by speaker, each with role and entry; the quotes are HTML (a
    large archive has tens of thousands), the speakers Markdown headings (the page's contents)."""
    return _quotes_page(quote_rows(items), QUOTES_SRC, href)


def quote_pages(
    items: Iterable[Item],
    href: Href = relative_link,
    *,
    per_page: int = QUOTES_PER_PAGE,
    fresh: Fresh = always,
    ident: Ident = no_ident,
) -> dict[str, str]:
    """{src: page} of the quotes index: quotes.md, split by year when it has more than
    `per_page` quotes (digest.pages.paging), each page grouped by speaker; only the pages
    `fresh` asks for. The pages are planned on each quote's place (entry, number) before any
    row is made: a page is made from the quotes it holds and the list of pages."""
    places = [(item, n) for item in by_date_desc(list(items))
              for n in range(len(item.entry.quotes))]
    parts = split_by_year(
        places, lambda place: place[0].entry.date.year, base_src=QUOTES_SRC, per_page=per_page
    )
    plan = [(p.src, p.year, p.number, p.of) for p in parts]
    pages: dict[str, str] = {}
    for part in parts:
        def inputs(part: Part[tuple[Item, int]] = part) -> object:
            return ("quotes", plan, _spans(part.rows, ident))

        if fresh(part.src, inputs):
            rows = [_quote_row(item, item.entry.quotes[n]) for item, n in part.rows]
            pages[part.src] = _quotes_page(
                rows, part.src, href, label=part.label,
                nav=parts_nav(parts, part, "Quotes by year", href),
            )
    return pages


def _quotes_page(
    rows: Sequence[QuoteRow], src: str, href: Href, *, label: str = "", nav: str = ""
) -> str:
    groups = group_quotes(rows)
    title = f"Quotes of {label}" if label else "Quotes"
    counts = f"{sum(len(g) for _, g in groups)} quotes from {len(groups)} speakers"
    head = {
        "search": {"exclude": True},
        "title": meta_text(title),
        "description": meta_text(
            "What people said in the chip-industry news, by speaker, each with the entry it "
            "comes from."
        ),
    }
    parts = [
        front_matter(head),
        f"# {markdown_text(title)}",
        "",
        f"What people said, by speaker ({counts}{' on this page' if nav else ''}), each with "
        "the speaker's role and the entry it comes from.",
        "",
    ]
    if nav:
        parts += [nav, ""]
    for speaker, speaker_rows in groups:
        parts += [
            f"## {markdown_text(speaker)}",
            "",
            quotes_html(speaker_rows, src, with_speaker=False, href=href),
            "",
        ]
    return "\n".join(parts).rstrip() + "\n"
