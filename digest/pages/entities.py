"""Entity pages: one page per company and chip of the vocabulary that has entries, with its
description, maker or products, a timeline of its entries, its key figures and the quotes of its
entries; and entities/index.md listing them all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from digest.editorial.vocabulary import Term
from digest.pages.indexes import (
    FIGURES_SRC,
    QUOTES_SRC,
    EntityMatcher,
    FigureRow,
    QuoteRow,
    figure_table_html,
    quote_html,
)
from digest.pages.items import (
    SEARCH_EXCLUDE,
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
from digest.text.escaping import html_text, markdown_text
from digest.text.normalize import clean_text

INDEX_SRC = "entities/index.md"
# Long pages stay readable: the newest figures and quotes, the rest on the index pages.
FIGURES_SHOWN = 30
QUOTES_SHOWN = 20
MENTIONS_SHOWN = 30  # entries that name the entity in passing, newest first
KIND_TITLES = {"company": "Companies", "chip": "Chips and products"}


def entries_by_entity(items: Iterable[Item], matcher: EntityMatcher) -> dict[str, list[Item]]:
    """{company or chip tag: its entries newest first}, only for tags that have entries."""
    found: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for name in matcher.entities_of(item):
            found[name].append(item)
    return {name: by_date_desc(entries) for name, entries in found.items()}


def entries_mentioning(items: Iterable[Item], matcher: EntityMatcher) -> dict[str, list[Item]]:
    """{company or chip: the entries that name it only in passing (their `mentions`), newest
    first}: the "Also mentioned in" list of its page."""
    found: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for name in dict.fromkeys(item.entry.mentions):
            if matcher.is_entity(name) and name not in item.entry.tags:
                found[name].append(item)
    return {name: by_date_desc(entries) for name, entries in found.items()}


def _links(names: Iterable[str], from_src: str) -> str:
    return ", ".join(
        f"[{markdown_text(n)}](<{relative_link(from_src, entity_src(n))}>)" for n in sorted(names)
    )


def render_entity(
    term: Term,
    entries: Sequence[Item],
    *,
    figures: Sequence[FigureRow],
    pages: dict[str, Term],
    href: Href = relative_link,
    mentioned_in: Sequence[Item] = (),
) -> str:
    """The entity's page. `figures`: the rows attributed to it; `pages`: every entity with a
    page (for maker and product links). The timeline, figures and quotes are HTML blocks (an
    entity of a large archive lists thousands of entries), linked with `href`."""
    src = entity_src(term.name)
    kind = "Company" if term.kind == "company" else "Chip or product"
    count = len(entries)
    first, last = entries[-1].entry.date, entries[0].entry.date
    span = long_date(last) if first == last else f"{long_date(first)} – {long_date(last)}"
    facts = f"{kind} · {count} {'entry' if count == 1 else 'entries'} · {span}"
    head = {
        "hide": ["navigation"],  # reached from the index, not the nav: the content gets the width
        "title": meta_text(term.name),
        "description": meta_text(term.description or facts),
    }
    parts = [
        front_matter(head),
        f"# {markdown_text(term.name)}",
        "",
        f"*{facts}*",
        "",
        markdown_text(term.description),
        "",
    ]
    if term.maker and term.maker in pages:
        parts += [f"**Made by** {_links([term.maker], src)}", ""]
    products = [t.name for t in pages.values() if t.maker == term.name]
    if products:
        parts += [f"**Products in the digest:** {_links(products, src)}", ""]
    parts += [f"## Timeline {SEARCH_EXCLUDE}", "", "<ul>"]
    for item in entries:
        parts.append(
            f"<li><strong>{long_date(item.entry.date)}</strong> · "
            f"{entry_anchor(item, src, href)} · {html_text(item.entry.source_name)}</li>"
        )
    parts += ["</ul>", ""]
    if mentioned_in:
        parts += [f"## Also mentioned in {SEARCH_EXCLUDE}", "", "<ul>"]
        for item in mentioned_in[:MENTIONS_SHOWN]:
            parts.append(
                f"<li><strong>{long_date(item.entry.date)}</strong> · "
                f"{entry_anchor(item, src, href)} · {html_text(item.entry.source_name)}</li>"
            )
        parts += ["</ul>", ""]
    if figures:
        parts += [f"## Key figures {SEARCH_EXCLUDE}", ""]
        shown = figures[:FIGURES_SHOWN]
        parts.append(
            figure_table_html(shown, src, frozenset(pages), entity_column=False, href=href)
        )
        if len(figures) > FIGURES_SHOWN:
            more = relative_link(src, FIGURES_SRC)
            parts += [
                "",
                f"The newest {FIGURES_SHOWN} of {len(figures)}; all in [Figures]({more}).",
            ]
        parts.append("")
    quotes = [
        QuoteRow(
            clean_text(q.text), clean_text(q.speaker or ""), q.role and clean_text(q.role), item
        )
        for item in entries
        for q in item.entry.quotes
    ]
    if quotes:
        parts += [f"## Quotes {SEARCH_EXCLUDE}", ""]
        for row in quotes[:QUOTES_SHOWN]:
            parts += [quote_html(row, src, with_speaker=bool(row.speaker), href=href), ""]
        if len(quotes) > QUOTES_SHOWN:
            more = relative_link(src, QUOTES_SRC)
            parts += [f"The newest {QUOTES_SHOWN} of {len(quotes)}; all in [Quotes]({more}).", ""]
    return "\n".join(parts).rstrip() + "\n"


def render_entities(
    pages: dict[str, Term],
    by_entity: dict[str, list[Item]],
    mentioning: dict[str, list[Item]],
    rows_of: Callable[[Item], Sequence[FigureRow]],
    href: Href = relative_link,
    *,
    fresh: Fresh = always,
    ident: Ident = no_ident,
) -> dict[str, str]:
    """{src: page} of every entity page `fresh` asks for. An entity page is made from its term
    (the vocabulary's), its entries, the first MENTIONS_SHOWN entries mentioning it, its maker
    and products that have pages, and the figures attributed to it, which come from its own
    entries (`rows_of(item)`: the figure rows of one entry, as figure_rows makes them)."""
    out: dict[str, str] = {}
    for name, term in pages.items():
        src = entity_src(name)
        entries = by_entity[name]
        mentioned_in = mentioning.get(name, ())

        def inputs(
            name: str = name, term: Term = term, entries: Sequence[Item] = entries,
            mentioned_in: Sequence[Item] = mentioned_in,
        ) -> object:
            return (
                "entity", name, [ident(item) for item in entries],
                [ident(item) for item in mentioned_in[:MENTIONS_SHOWN]],
                term.maker if term.maker in pages else None,
                sorted(t.name for t in pages.values() if t.maker == name),
            )

        if not fresh(src, inputs):
            continue
        # its figures: those of its entries attributed to it (every row attributed to an
        # entity comes from an entry that has it among its tags), newest entry first
        figures = [row for item in entries for row in rows_of(item) if row.entity == name]
        out[src] = render_entity(
            term, entries, figures=figures, pages=pages, href=href, mentioned_in=mentioned_in
        )
    return out


def render_index(pages: dict[str, Term], counts: dict[str, int]) -> str:
    """entities/index.md: companies, then chips and products, by name, with entry counts."""
    parts = [
        front_matter(
            {
                "search": {"exclude": True},
                "title": "Entities",
                "description": "Every company and chip in the digest, each with its own page.",
            }
        ),
        "# Entities",
        "",
        "Every company and chip in the digest, with a page for each: what it is, a timeline of "
        "its entries, its key figures and what people said.",
    ]
    if not pages:
        parts += ["", "No entries name a company or chip yet."]
    for kind, title in KIND_TITLES.items():
        names = sorted((n for n, t in pages.items() if t.kind == kind), key=str.casefold)
        if not names:
            continue
        parts += ["", f"## {title}", "", "| Name | Entries | About |", "| --- | --- | --- |"]
        for name in names:
            link = relative_link(INDEX_SRC, entity_src(name))
            parts.append(
                f"| [{markdown_text(name)}](<{link}>) | {counts[name]} | "
                f"{markdown_text(pages[name].description)} |"
            )
    return "\n".join(parts) + "\n"
