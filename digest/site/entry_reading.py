"""Reading the entry files of docs/posts/ as Items at their staged paths, with a cache of
parsed entries keyed by each file's bytes (digest build's first stage)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from digest.archive.entry import entry_from_dict, entry_to_dict, parse_entry_text
from digest.errors import DigestError
from digest.pages.items import Item
from digest.site import sitepages
from digest.text.files import NotRegularFile, atomic_write, read_regular_file
from digest.text.siteconfig import POSTS_DIR

ENTRIES_CACHE_FORMAT = 1  # bump when Entry or its front matter changes meaning


def entry_files(docs_dir: Path) -> list[Path]:
    """The entry files under docs/posts/, in name order."""
    posts = docs_dir / POSTS_DIR
    return sorted(posts.rglob("*.md")) if posts.is_dir() else []


def read_items(
    docs_dir: Path,
    cache: Path | None = None,
    progress: Callable[[int], None] | None = None,
    hashes: dict[str, str] | None = None,
) -> list[Item]:
    """Every entry under docs/posts/, as Items at their staged paths; DigestError naming the
    file on the first unreadable entry or on two entries with one address.

    With `cache` (a JSON file), an entry whose file has the same bytes as at the last read is
    taken from it instead of parsing its YAML again (the content's hash is the key, so an edit
    is always seen); the cache then holds exactly the entries read. `hashes` receives each
    entry's hash by its staged path (what PageMemo keys an entry page on)."""
    posts = docs_dir / POSTS_DIR
    items: list[Item] = []
    seen: dict[str, str] = {}
    if not posts.is_dir():
        return items
    known = _load_entries(cache) if cache is not None else {}
    fresh: dict[str, Any] = {}
    for n, path in enumerate(entry_files(docs_dir), start=1):
        if progress is not None and n % 100 == 0:
            progress(100)
        shown = str(path)
        try:  # a FIFO, socket or device is refused before any read: it would block
            raw = read_regular_file(path)
        except NotRegularFile as exc:
            raise DigestError(shown, f"cannot read: {exc}") from None
        except OSError as exc:
            raise DigestError(shown, f"cannot read: {exc}") from None
        key = hashlib.blake2b(raw, digest_size=20).hexdigest()
        record = known.get(key)
        entry = None
        if record is not None:
            try:
                entry = entry_from_dict(record[0], record[1], shown)
            except (DigestError, TypeError, IndexError):
                entry = None
        from_cache = entry is not None
        if entry is None:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DigestError(shown, f"cannot read: {exc}") from None
            data, body = parse_entry_text(text, shown)
            entry = entry_from_dict(data, body, shown)
        if cache is not None:  # a record the entry was read from is kept as it was
            fresh[key] = record if from_cache else [plain_record(entry_to_dict(entry)), entry.notes]
        src = sitepages.entry_src(entry)
        if hashes is not None:  # {staged path: hash of the entry file's bytes}
            hashes[src] = key
        if src in seen:
            raise DigestError(shown, f"has the same date and slug as {seen[src]} ({src})")
        seen[src] = shown
        items.append(Item(entry, src))
    if cache is not None and fresh.keys() != known.keys():
        cache.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": ENTRIES_CACHE_FORMAT, "entries": fresh}
        atomic_write(cache, json.dumps(payload, ensure_ascii=False), durable=False)
    return items


def plain_record(data: dict[str, Any]) -> dict[str, Any]:
    """An entry's fields as JSON data (dates as ISO text)."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


def _load_entries(cache: Path) -> dict[str, Any]:
    try:
        payload = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(payload, dict) or payload.get("format") != ENTRIES_CACHE_FORMAT:
        return {}
    entries = payload.get("entries")
    return entries if isinstance(entries, dict) else {}
