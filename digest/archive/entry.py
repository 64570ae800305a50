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
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from digest.errors import DuplicateEntry, EntryError
from digest.models import Entry, Figure, Quote
from digest.text.files import new_file_mode
from digest.text.yamlsafe import LimitedLoader, YAMLLimitError

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?\n)---\s*(?:\n|\Z)(?P<body>.*)\Z", re.S)
# Key order of the front matter, as written.
FIELDS = (
    "title",
    "date",
    "slug",
    "source",
    "url",
    "author",
    "tags",
    "mentions",
    "categories",
    "summary",
    "quotes",
    "figures",
)
SLUG_MAX_CHARS = 60
# The one front-matter loader: libyaml's safe loader when PyYAML was built with it (parsing front
# matter is the main cost of reading a large archive), with size and alias limits.
SAFE_LOADER = LimitedLoader
# Characters that must never reach an entry: C0/C1 controls (except tab/newline), bidi overrides,
# zero-width characters used to hide text.
UNSAFE_CHARS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


# Tag-like sequences in scraped text ("<script>", "</title>", "<img src=x onerror=...>").
TAG_LIKE = re.compile(r"</?[A-Za-z!?/][^<>]*>")
# What stray angle brackets become: look-alikes that no HTML parser reads as markup. Some theme
# templates unescape titles (Jinja's striptags), so escaping alone is not enough for titles.
ANGLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›"})


def clean_text(value: str) -> str:
    """One line of plain text: controls removed, whitespace collapsed, Unicode NFC, and no
    markup: tag-like sequences dropped, stray angle brackets replaced by look-alikes."""
    value = unicodedata.normalize("NFC", UNSAFE_CHARS.sub("", value))
    value = TAG_LIKE.sub("", value).translate(ANGLE_LOOKALIKES)
    return re.sub(r"\s+", " ", value).strip()


# Scripts written without spaces between words, one syllable a character (Unicode character
# name prefixes): each character's transliteration becomes a word of the slug of its own, so
# "台積電" gives "tai-ji-dian", not "taijidian".
SYLLABIC_SCRIPTS: tuple[str, ...] = (
    "CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA",
    "HANGUL SYLLABLE", "YI SYLLABLE",
)
FALLBACK_SLUG_PREFIX = "entry"  # + a short hash of the title, when nothing else gives a word


def transliterate(text: str) -> str:
    """ASCII for `text`, readable: letters of other scripts transliterated (anyascii), each
    syllable of a syllabic script set apart as a word."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(char)
            continue
        ascii_char = anyascii(char)
        if unicodedata.name(char, "").startswith(SYLLABIC_SCRIPTS):
            ascii_char = f" {ascii_char} "
        out.append(ascii_char)
    return "".join(out)


def slugify(title: str) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary; titles in other
    scripts transliterated. "entry" when the title has no letter or digit at all."""
    words = re.findall(r"[a-z0-9]+", transliterate(title).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX_CHARS:
            break
        slug = candidate
    return slug or FALLBACK_SLUG_PREFIX


def entry_slug(entry: Entry) -> str:
    """The entry's permanent slug: kept from its file once written, else made from the title;
    a title with no word to make one from gets `entry-<hash of the title>`, so two such
    entries of one day do not share a file name."""
    if entry.slug:
        return entry.slug
    slug = slugify(entry.title)
    if slug == FALLBACK_SLUG_PREFIX:
        digest = hashlib.sha256(entry.title.encode("utf-8")).hexdigest()[:8]
        slug = f"{FALLBACK_SLUG_PREFIX}-{digest}"
    return slug


def entry_filename(entry: Entry) -> str:
    """`YYYY-MM-DD-slug.md`: sorts by date, safe on every file system."""
    return f"{entry.date.isoformat()}-{entry_slug(entry)}.md"


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """The front matter as plain data, keys in FIELDS order, empty optional fields left out."""
    data: dict[str, Any] = {
        "title": entry.title,
        "date": entry.date,
        "slug": entry_slug(entry),
        "source": entry.source_name,
        "url": entry.url,
        "author": entry.author,
        "tags": list(entry.tags),
        "mentions": list(entry.mentions),
        "categories": list(entry.categories),
        "summary": entry.summary,
        "quotes": [
            _drop_none({"text": q.text, "speaker": q.speaker, "role": q.role,
                        "fragment": True if q.fragment else None})
            for q in entry.quotes
        ],
        "figures": [{"value": f.value, "context": f.context} for f in entry.figures],
    }
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


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
        date = data["date"]
        if isinstance(date, dt.datetime):
            date = date.date()
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        if not isinstance(date, dt.date):
            raise TypeError("date must be YYYY-MM-DD")
        return Entry(
            title=str(data["title"]),
            date=date,
            source_name=str(data["source"]),
            url=data.get("url"),
            author=data.get("author"),
            summary=str(data["summary"]),
            tags=[str(t) for t in data.get("tags") or []],
            mentions=[str(t) for t in data.get("mentions") or []],
            categories=[str(c) for c in data.get("categories") or []],
            quotes=[Quote(**q) for q in data.get("quotes") or []],
            figures=[Figure(**f) for f in data.get("figures") or []],
            notes=notes.strip(),
            slug=str(data.get("slug") or ""),
        )
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
    atomic_write(target, render_entry(entry), exclusive=not replace)
    return target


# atomic_write's temporary files: `.NAME.XXXXXXXX.tmp` beside the target (a run killed while
# writing leaves one; `digest add` removes them under its lock).
TMP_SUFFIX = ".tmp"
TMP_NAME = re.compile(r"\A\..+\.[A-Za-z0-9_]{8}\.tmp\Z")


def atomic_write(target: Path, text: str, *, exclusive: bool = False) -> None:
    """Write `text` to `target` so readers see the old file or the new one, never a part.
    With `exclusive`, fail with DuplicateEntry if the target appeared meanwhile (two
    concurrent `digest add` runs of the same article)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=target.parent)
    try:
        os.fchmod(fd, new_file_mode())  # as open() would make it (0644 under umask 022)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if exclusive:
            try:
                os.link(tmp, target)  # fails if the target exists: no silent overwrite
            except FileExistsError:
                raise DuplicateEntry(str(target), "already exists (added concurrently)") from None
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


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


def normalize_url(url: str) -> str:
    """Compare URLs loosely: no scheme, no `www.`, no trailing slash, no fragment."""
    url = re.sub(r"^https?://(?:www\.)?", "", url.strip().lower())
    return url.split("#", 1)[0].rstrip("/")
