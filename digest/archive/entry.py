"""The entry file: an Entry as Markdown with YAML front matter, and back.

The front matter is the single source of truth for every fact of an entry; the readable page
(summary, key figures table, quotes, link to the original) is rendered from it at build time by
the site plugin, so editing a fact by hand means editing it in one place. The body of the file
holds only the curator's own notes, kept verbatim.

Layout (Material's blog plugin reads `date`, `categories`, `tags`, `slug`):

    ---
    title: ...
    date: 2024-12-03
    slug: apple-turns-to-amazon-chips-for-ai
    source: 9to5Mac
    url: https://...
    author: Chance Miller
    tags: [Apple, AWS, ...]           # what the story is about
    mentions: [Nvidia, ...]           # other vocabulary names it names in passing
    categories: [AI accelerators]
    summary: ...
    quotes: [{text, speaker, role, fragment}, ...]   # fragment: true for a partial quote
    figures: [{value, context}, ...]
    ---
    <notes>
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from digest.archive.schema import from_front_matter, to_front_matter
from digest.errors import DuplicateEntry, EntryError
from digest.models import Entry
from digest.text.files import atomic_write
from digest.text.slugs import slugify
from digest.text.urls import normalize_url
from digest.text.yamlsafe import LimitedLoader, YAMLLimitError

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?\n)---\s*(?:\n|\Z)(?P<body>.*)\Z", re.S)
SLUG_MAX_CHARS = 60
# The one front-matter loader: libyaml's safe loader when PyYAML was built with it (parsing front
# matter is the main cost of reading a large archive), with size and alias limits.
SAFE_LOADER = LimitedLoader
FALLBACK_SLUG_PREFIX = "entry"  # + a short hash of the title, when nothing else gives a word


def entry_slug(entry: Entry) -> str:
    """The entry's permanent slug: kept from its file once written, else made from the title;
    a title with no word to make one from gets `entry-<hash of the title>`, so two such
    entries of one day do not share a file name."""
    if entry.slug:
        return entry.slug
    slug = slugify(entry.title, max_chars=SLUG_MAX_CHARS)
    if not slug:
        digest = hashlib.sha256(entry.title.encode("utf-8")).hexdigest()[:8]
        slug = f"{FALLBACK_SLUG_PREFIX}-{digest}"
    return slug


def entry_filename(entry: Entry) -> str:
    """`YYYY-MM-DD-slug.md`: sorts by date, safe on every file system."""
    return f"{entry.date.isoformat()}-{entry_slug(entry)}.md"


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """The front matter as plain data (digest.archive.schema: keys in the schema's order, empty
    optional fields left out)."""
    return to_front_matter(entry, entry_slug(entry))


class _Dumper(yaml.SafeDumper):
    """Block style, wide lines, no aliases: stable, diff-friendly front matter (pure Python)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _list_representer(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    """Lists of words inline (`tags: [AWS, Trainium2]`), lists of records as blocks."""
    flow = all(isinstance(item, str) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """_Dumper on libyaml's emitter (when PyYAML was built with it): several times faster."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


for _dumper in (_Dumper, _FastDumper):
    _dumper.add_representer(str, _str_representer)
    _dumper.add_representer(list, _list_representer)

# Text both emitters write byte for byte alike: printable characters of the Basic Multilingual
# Plane, no line breaks (U+2028/U+2029 are YAML line breaks), no BOM. Outside it they differ
# (libyaml folds escaped double-quoted lines elsewhere, rejects lone surrogates and treats U+0085
# and astral characters differently), so such entries go through the pure-Python _Dumper. Checked
# on every stored entry, the gold set, the corpus and random entries of these characters.
_FAST_DUMPABLE = re.compile(r"[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


def _fast_dumpable(value: Any) -> bool:
    """True when every string in `value` (dicts, lists, strings, dates) is _FAST_DUMPABLE."""
    if isinstance(value, str):
        return _FAST_DUMPABLE.fullmatch(value) is not None
    if isinstance(value, dict):
        return all(_fast_dumpable(k) and _fast_dumpable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_fast_dumpable(v) for v in value)
    return type(value) is dt.date


def render_entry(entry: Entry) -> str:
    """The entry file's text. Deterministic: the same Entry always gives the same bytes."""
    data = entry_to_dict(entry)
    front = yaml.dump(
        data,
        Dumper=_FastDumper if _fast_dumpable(data) else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    notes = entry.notes.strip()
    return f"---\n{front}---\n" + (f"\n{notes}\n" if notes else "")


def parse_entry_text(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Split an entry file into (front matter mapping, body); EntryError if it has none."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        raise EntryError(path, "no YAML front matter (the file must start with '---')")
    try:
        data = yaml.load(match.group("yaml"), Loader=SAFE_LOADER)
    except YAMLLimitError as exc:
        raise EntryError(path, f"front matter refused: {exc}") from None
    except yaml.YAMLError as exc:
        raise EntryError(path, f"front matter is not valid YAML: {_yaml_problem(exc)}") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a tagged value: `!!int abc`
        raise EntryError(path, f"front matter cannot be read: {exc}") from None
    except (KeyError, AttributeError):  # PyYAML's own lookups: `!!bool maybe`, `!!timestamp x`
        raise EntryError(path, "front matter cannot be read: a value tagged with a type "
                               "(!!bool, !!timestamp) is not of that type") from None
    if not isinstance(data, dict):
        raise EntryError(path, "front matter must be a mapping of keys to values")
    return data, match.group("body")


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return f"line {mark.line + 2}: {problem}" if mark is not None else problem


def entry_from_dict(data: dict[str, Any], notes: str = "", path: str = "entry") -> Entry:
    """Build an Entry from front-matter data; EntryError on a missing or mistyped field.
    (The validation gate reports every problem; this raises on the first.)"""
    try:
        return from_front_matter(data, notes)
    except KeyError as exc:
        raise EntryError(path, f"missing required field {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise EntryError(path, f"invalid field: {exc}") from None


def read_entry(path: Path) -> Entry:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EntryError(str(path), f"cannot read: {exc}") from None
    data, body = parse_entry_text(text, str(path))
    return entry_from_dict(data, body, str(path))


def write_entry(entry: Entry, directory: Path, *, replace: bool = False) -> Path:
    """Write the entry atomically into `directory` (temporary file + rename). Refuses, with
    DuplicateEntry, a file name or URL already in the archive unless `replace` is set."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / entry_filename(entry)
    if not replace:
        if target.exists():
            raise DuplicateEntry(str(target), "already exists (this article is in the archive)")
        if entry.url:
            existing = find_url(directory, entry.url)
            if existing is not None:
                raise DuplicateEntry(entry.url, f"already in the archive as {existing}")
    write_entry_file(target, render_entry(entry), exclusive=not replace)
    return target


def write_entry_file(target: Path, text: str, *, exclusive: bool = False) -> None:
    """Write an entry file atomically (digest.text.files.atomic_write). With `exclusive`,
    DuplicateEntry if the target appeared meanwhile (two concurrent `digest add` runs of the
    same article)."""
    try:
        atomic_write(target, text, exclusive=exclusive)
    except FileExistsError:
        if not exclusive:
            raise
        raise DuplicateEntry(str(target), "already exists (added concurrently)") from None


URL_LINE = re.compile(r"^url:\s*['\"]?(?P<url>\S+?)['\"]?\s*$", re.M)


def find_url(directory: Path, url: str) -> Path | None:
    """The entry file in `directory` (recursively) whose front matter has this URL."""
    wanted = normalize_url(url)
    for path in sorted(directory.rglob("*.md")):
        try:
            head = path.read_text(encoding="utf-8")[:4000]
        except (OSError, UnicodeDecodeError):
            continue
        match = URL_LINE.search(head)
        if match and normalize_url(match.group("url")) == wanted:
            return path
    return None
