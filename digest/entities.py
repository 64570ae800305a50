"""Entity pages: one page per company and chip of the vocabulary that has entries, with its
description, maker or products, a timeline of its entries, its key figures and the quotes of its
entries; and entities/index.md listing them all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from digest.archive import (
    NOT_IN_NAV,
    Item,
    by_date_desc,
    entity_src,
    entry_link,
    long_date,
    relative_link,
    text,
)
from digest.entry import clean_text
from digest.indexes import (
    FIGURES_SRC,
    QUOTES_SRC,
    EntityMatcher,
    FigureRow,
    QuoteRow,
    figure_table,
    quote_block,
)
from digest.vocabulary import Term

INDEX_SRC = "entities/index.md"
# Long pages stay readable: the newest figures and quotes, the rest on the index pages.
FIGURES_SHOWN = 30
QUOTES_SHOWN = 20
KIND_TITLES = {"company": "Companies", "chip": "Chips and products"}


def entries_by_entity(items: Iterable[Item], matcher: EntityMatcher) -> dict[str, list[Item]]:
    """{company or chip tag: its entries newest first}, only for tags that have entries."""
    found: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for name in matcher.entities_of(item):
            found[name].append(item)
    return {name: by_date_desc(entries) for name, entries in found.items()}


def _links(names: Iterable[str], from_src: str) -> str:
    return ", ".join(
        f"[{text(n)}](<{relative_link(from_src, entity_src(n))}>)" for n in sorted(names)
    )


def render_entity(
    term: Term,
    entries: Sequence[Item],
    *,
    figures: Sequence[FigureRow],
    pages: dict[str, Term],
) -> str:
    """The entity's page. `figures`: the rows attributed to it; `pages`: every entity with a
    page (for maker and product links)."""
    src = entity_src(term.name)
    kind = "Company" if term.kind == "company" else "Chip or product"
    count = len(entries)
    first, last = entries[-1].entry.date, entries[0].entry.date
    span = long_date(last) if first == last else f"{long_date(first)} – {long_date(last)}"
    parts = [
        *NOT_IN_NAV,
        f"# {text(term.name)}",
        "",
        f"*{kind} · {count} {'entry' if count == 1 else 'entries'} · {span}*",
        "",
        text(term.description),
        "",
    ]
    if term.maker and term.maker in pages:
        parts += [f"**Made by** {_links([term.maker], src)}", ""]
    products = [t.name for t in pages.values() if t.maker == term.name]
    if products:
        parts += [f"**Products in the digest:** {_links(products, src)}", ""]
    parts += ["## Timeline", ""]
    for item in entries:
        parts.append(
            f"- **{long_date(item.entry.date)}** · {entry_link(item, src)} · "
            f"{text(item.entry.source_name)}"
        )
    parts.append("")
    if figures:
        parts += ["## Key figures", ""]
        parts += figure_table(figures[:FIGURES_SHOWN], src, frozenset(pages), entity_column=False)
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
        parts += ["## Quotes", ""]
        for row in quotes[:QUOTES_SHOWN]:
            parts += quote_block(row, src, with_speaker=bool(row.speaker))
        if len(quotes) > QUOTES_SHOWN:
            more = relative_link(src, QUOTES_SRC)
            parts += [f"The newest {QUOTES_SHOWN} of {len(quotes)}; all in [Quotes]({more}).", ""]
    return "\n".join(parts).rstrip() + "\n"


def render_index(pages: dict[str, Term], counts: dict[str, int]) -> str:
    """entities/index.md: companies, then chips and products, by name, with entry counts."""
    parts = [
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
                f"| [{text(name)}](<{link}>) | {counts[name]} | {text(pages[name].description)} |"
            )
    return "\n".join(parts) + "\n"
