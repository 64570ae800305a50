"""Compose the stages: raw input -> Article -> digest (summary, quotes, figures, tags) -> Entry.

The only module that imports every stage; the CLI and the benchmarks call these functions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from digest.archive.admission import UrlIndex, admit, repair_entry
from digest.archive.entry import entry_filename
from digest.archive.schema import BY_KEY, record_data, record_from_data
from digest.editorial.figures import find_figures
from digest.editorial.quotes import find_quotes
from digest.editorial.summary import summarize
from digest.editorial.tagging import categorize, tags_and_mentions
from digest.ingest.extraction import extract_html
from digest.ingest.plaintext import extract_text
from digest.ingest.reading import ReadOptions, read_input
from digest.models import Article, Entry, Figure, Quote
from digest.text.files import atomic_write
from digest.text.normalize import clean_text
from digest.text.urls import canonical_url, url_problems

# How much of each list an entry keeps (the JSON interface keeps everything found).
QUOTES, FIGURES = BY_KEY["quotes"], BY_KEY["figures"]  # the schema's records
ENTRY_MAX_FIGURES = 10
ENTRY_MAX_QUOTES = 6
UNKNOWN_SOURCE = "Unknown source"


@dataclass(slots=True)
class Digested:
    """An article and everything the editorial stages found in it."""

    article: Article
    summary: str
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)


def extract_article(
    source: str | Path, options: ReadOptions | None = None, *, stdin: BinaryIO | None = None
) -> Article:
    """Read one input and strip it to its editorial content."""
    raw = read_input(str(source), options, stdin=stdin)
    if raw.kind == "html":
        return extract_html(raw.text, source=raw.source, url=raw.url)
    return extract_text(raw.text, source=raw.source, url=raw.url)


def digest_article(article: Article) -> Digested:
    """Run the editorial stages over an extracted article."""
    paragraphs = article.paragraphs
    figures = find_figures(paragraphs)
    tags, mentions = tags_and_mentions(article.title, paragraphs)
    return Digested(
        article=article,
        summary=summarize(article.title, paragraphs, figures),
        quotes=find_quotes(paragraphs),
        figures=figures,
        tags=tags,
        categories=categorize(tags),
        mentions=mentions,
    )


def process(
    source: str | Path, options: ReadOptions | None = None, *, stdin: BinaryIO | None = None
) -> Digested:
    return digest_article(extract_article(source, options, stdin=stdin))


def to_json(result: Digested) -> dict[str, Any]:
    """The one JSON form of a digest result: what `digest extract --format json` prints and the
    batch cache stores (from_json reads it back). Every field of the Article (dates in ISO
    form) and its `text`, then what the editorial stages found; quotes and figures as mappings
    with the keys of the entry schema (digest.archive.schema)."""
    a = result.article
    data: dict[str, Any] = {f.name: getattr(a, f.name) for f in dataclasses.fields(Article)}
    data["published"] = a.published.isoformat() if a.published else None
    data["text"] = a.text
    data.update(
        summary=result.summary,
        quotes=[record_data(q, keep_defaults=True) for q in result.quotes],
        figures=[record_data(f, keep_defaults=True) for f in result.figures],
        tags=list(result.tags),
        categories=list(result.categories),
        mentions=list(result.mentions),
    )
    return data


def from_json(data: dict[str, Any], source: str | None = None) -> Digested:
    """A digest result from `to_json` data; `source` replaces the recorded one (the same bytes
    may come from another path). KeyError, TypeError or ValueError when `data` is not one."""
    article = {f.name: data[f.name] for f in dataclasses.fields(Article)}
    if article["published"]:
        article["published"] = dt.date.fromisoformat(article["published"])
    if source is not None:
        article["source"] = source
    return Digested(
        article=Article(**article),
        summary=data["summary"],
        quotes=[record_from_data(QUOTES, q) for q in data["quotes"]],
        figures=[record_from_data(FIGURES, f) for f in data["figures"]],
        tags=list(data["tags"]),
        categories=list(data["categories"]),
        mentions=list(data["mentions"]),
    )


def to_entry(result: Digested, *, today: dt.date | None = None) -> Entry:
    """The digest entry for an article; every string is cleaned to one safe line."""
    a = result.article
    return Entry(
        title=clean_text(a.title),
        date=a.published or today or dt.date.today(),
        source_name=clean_text(a.site_name or _site_from_url(a.url) or UNKNOWN_SOURCE),
        url=_entry_url(a.url),
        author=clean_text(a.author) if a.author else None,
        summary=clean_text(result.summary),
        tags=list(result.tags),
        mentions=list(result.mentions),
        categories=list(result.categories),
        quotes=[
            Quote(
                text=clean_text(q.text),
                speaker=clean_text(q.speaker) if q.speaker else None,
                role=clean_text(q.role) if q.role else None,
                fragment=q.fragment,
            )
            for q in result.quotes[:ENTRY_MAX_QUOTES]
        ],
        figures=[
            Figure(value=clean_text(f.value), context=clean_text(f.context))
            for f in result.figures[:ENTRY_MAX_FIGURES]
        ],
    )


def prepare_entry(result: Digested, *, today: dt.date | None = None) -> tuple[Entry, list[str]]:
    """The entry `add` would write, with the stated repairs made (digest.archive.admission) and
    a note for each; EntryError when it cannot be repaired. `today` is the --date: the date for
    an article that carries none, or an impossible one."""
    entry = to_entry(result, today=today)
    return repair_entry(entry, result.article.source, fallback_date=today)


def add_entry(
    result: Digested,
    posts_dir: Path,
    *,
    replace: bool = False,
    today: dt.date | None = None,
    index: UrlIndex | None = None,
    snapshot_dir: Path | None = None,
) -> tuple[Path, list[str]]:
    """Write the entry for `result` into the archive if `digest check` would pass it, with its
    source snapshot in `snapshot_dir` when given (both or neither); returns the entry's path and
    the repairs made. DuplicateEntry if it is already there, EntryError for anything else check
    would refuse; nothing is written then. `index` carries the archive's URLs across a batch."""
    entry, notes = prepare_entry(result, today=today)
    snapshot = None
    if snapshot_dir is not None:
        snapshot = (snapshot_dir / f"{Path(entry_filename(entry)).stem}.txt", snapshot_text(result))
    path = admit(
        entry, posts_dir, index or UrlIndex(posts_dir), replace=replace, snapshot=snapshot
    )
    return path, notes


def snapshot_text(result: Digested) -> str:
    """The extracted text (title, blank line, paragraphs) that quotes and figures can be checked
    against later."""
    return f"{result.article.title}\n\n{result.article.text}\n"


def _entry_url(url: str | None) -> str | None:
    """The article's URL as the archive stores it: canonical (tracking parameters, credentials
    and fragment removed), or nothing when it is not a usable http(s) URL."""
    if not url:
        return None
    try:
        canonical = canonical_url(url.strip())
    except ValueError:
        return None
    return canonical if not url_problems(canonical) else None


def _site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def save_snapshot(result: Digested, path: Path) -> None:
    """Save the extracted text (title, blank line, paragraphs) that quotes and figures can be
    checked against later."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, snapshot_text(result))
