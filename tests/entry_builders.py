"""Entries made in code for the generated-page tests (weekly, related, entities, indexes,
feeds). The texts are our own sentences about real events."""

from __future__ import annotations

import datetime as dt

from digest.models import Entry, Figure, Quote
from digest.pages.items import Item


def item(
    slug: str,
    date: str,
    source: str,
    tags: list[str],
    summary: str = "A short summary of the story.",
    figures: tuple[tuple[str, str], ...] = (),
    quotes: tuple[tuple[str, str | None, str | None], ...] = (),
    title: str | None = None,
    categories: tuple[str, ...] = (),
    url: str | None = None,
) -> Item:
    """An Item at posts/<date>-<slug>.md."""
    entry = Entry(
        title=title or slug.replace("-", " ").capitalize(),
        date=dt.date.fromisoformat(date),
        source_name=source,
        url=url,
        author=None,
        summary=summary,
        tags=list(tags),
        categories=list(categories),
        figures=[Figure(v, c) for v, c in figures],
        quotes=[Quote(t, s, r) for t, s, r in quotes],
        slug=slug,
    )
    return Item(entry, f"posts/{date}-{slug}.md")
