"""The validation gate: entry files on disk -> every problem, one `Problem` each, with its line.

`check_paths` walks files and folders and runs two passes:

1. per file (`check_text`): front matter present and valid YAML; the schema (required fields,
   types, ISO dates, no unknown keys, with "did you mean"); tags and categories in the vocabulary;
   URLs in canonical http(s) form; file name and slug rules; raw HTML, dangerous link targets and
   Markdown links where plain text belongs; control and bidi characters; quotes and figures that
   do not occur in the source snapshot, when one is given;
2. across files: the same URL twice, and the same story twice (near-identical titles or summaries
   in the same ISO week; candidate pairs come from a prefix-filter token index, so a large archive
   is not compared pair by pair).

Line numbers are 1-based and count the opening `---` as line 1; they come from the YAML node
marks (`yaml.compose`), so a problem points at the offending key or list item. Nothing here
raises for bad content: an unreadable file is itself a problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.archive.body_safety import HTML_TAG, body_problems
from digest.archive.entry import FIELDS, SLUG_MAX_CHARS, UNSAFE_CHARS, normalize_url
from digest.editorial.vocabulary import Vocabulary, load_vocabulary
from digest.errors import Problem
from digest.text.files import NotRegularFile, read_regular_file
from digest.text.urls import canonical_url, url_problems
from digest.text.yamlsafe import LimitedLoader, YAMLLimitError

# --- data ---------------------------------------------------------------------------------------

REQUIRED_FIELDS: tuple[str, ...] = ("title", "date", "source", "summary")
QUOTE_KEYS: tuple[str, ...] = ("text", "speaker", "role", "fragment")  # digest.models.Quote
# Keys of the small mappings whose value is true or false, not text.
BOOLEAN_KEYS: frozenset[str] = frozenset({"fragment"})
FIGURE_KEYS: tuple[str, ...] = ("value", "context")  # digest.models.Figure
# Keys people write for a field under another name; difflib cannot guess these.
KEY_ALIASES: dict[str, str] = {
    "tag": "tags",
    "mention": "mentions",
    "category": "categories",
    "link": "url",
    "href": "url",
    "published": "date",
    "pubdate": "date",
    "publisher": "source",
    "site": "source",
    "byline": "author",
    "authors": "author",
    "description": "summary",
    "excerpt": "summary",
    "quote": "quotes",
    "figure": "figures",
    "numbers": "figures",
}
TITLE_MAX_CHARS = 200
SUMMARY_MAX_WORDS = 120
EARLIEST_DATE = dt.date(1990, 1, 1)  # before the web: a typo, not an archive entry
FUTURE_GRACE = dt.timedelta(days=1)  # time zones: tomorrow somewhere is today here
ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
# Slugs and file names: lower-case ASCII words joined by single hyphens.
SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
FILE_NAME = re.compile(r"\A(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)\.md\Z")

MD_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|!?\[[^\]\n]+\]\[[^\]\n]*\]")

# Quotes and figures are looked for in the source snapshot after these folds.
QUOTE_FOLDS = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
})
# Stripped from both ends of a quote before searching: its own quote marks and the punctuation a
# writer changes when quoting ("reliable," becomes "reliable.").
QUOTE_EDGES = "\"' .,;:!?-"
# Where a quote may be cut when it is looked for in the source: elisions ("...", "[...]"; "…" is
# folded to "..."), and sentence joints, where the quotes stage turns the comma before an
# attribution into a full stop ('"…each other," said X. "Both sides…"' -> "each other. Both").
ELLIPSIS = re.compile(r"\s*(?:\.\s*){3}\s*|\s*\[\s*\.\.\.\s*\]\s*|(?<=[.!?])\s+")

# Same story: thresholds from the issue; candidate pairs use the looser CANDIDATE_JACCARD.
TITLE_JACCARD = 0.8
TITLE_RATIO = 0.9
SUMMARY_JACCARD = 0.8
SUMMARY_RATIO = 0.9
CANDIDATE_JACCARD = 0.5
WORD = re.compile(r"[^\W_]+")

# The one front-matter loader (digest.text.yamlsafe: libyaml when present, with size and alias
# limits); a file it refuses as bad YAML is parsed again by the pure-Python parser so that error
# messages do not depend on whether libyaml is installed.
FAST_LOADER: type[yaml.SafeLoader] = LimitedLoader

DID_YOU_MEAN_CUTOFF = 0.75  # difflib ratio; lower gives suggestions that surprise people
KEY_DID_YOU_MEAN_CUTOFF = 0.6  # keys are short: "tag" -> "tags" is 0.86, "sumary" 0.92


# --- the public API -----------------------------------------------------------------------------


def check_paths(
    paths: Sequence[Path],
    *,
    vocabulary: Vocabulary | None = None,
    sources_dir: Path | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem in the entry files under `paths`, sorted by path then line.

    A folder is walked for `*.md` files under a `posts/` folder (pages such as docs/index.md are
    not entries); a file named explicitly is always checked. With `sources_dir`, the quotes and
    figures of `posts/NAME.md` are looked for in `sources_dir/NAME.txt` when it exists.
    """
    vocabulary = vocabulary or load_vocabulary()
    problems: list[Problem] = []
    records: list[_Record] = []
    for path in _entry_files(paths):
        text, read_problem = _read(path)
        if read_problem is not None:
            problems.append(read_problem)
            continue
        source_text = None
        if sources_dir is not None:
            snapshot = sources_dir / f"{path.stem}.txt"
            if snapshot.is_file():
                source_text, snapshot_problem = _read(snapshot)
                if snapshot_problem is not None:
                    problems.append(snapshot_problem)
        found, record = _check_entry(
            text, str(path), vocabulary=vocabulary, source_text=source_text, today=today
        )
        problems.extend(found)
        if record is not None:
            records.append(record)
    problems.extend(_duplicate_urls(records))
    problems.extend(_same_stories(records))
    return sorted(problems, key=lambda p: (p.path, p.line))


def check_text(
    text: str,
    path: str,
    *,
    vocabulary: Vocabulary | None = None,
    source_text: str | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem in one entry file's text (`path` names it in the problems and its file name
    is checked). `source_text` is the article's plain-text snapshot, when there is one."""
    found, _ = _check_entry(
        text, path, vocabulary=vocabulary or load_vocabulary(), source_text=source_text,
        today=today,
    )
    return sorted(found, key=lambda p: p.line)


def check_new_entry(
    text: str,
    path: Path,
    neighbours: Sequence[Path],
    *,
    vocabulary: Vocabulary | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem `digest check` would report for the entry file `path` once it holds `text`
    beside `neighbours` (the entries it may duplicate: the same URL, the same week); only the new
    file's problems are returned. What `digest add` runs before it writes anything."""
    vocabulary = vocabulary or load_vocabulary()
    found, record = _check_entry(
        text, str(path), vocabulary=vocabulary, source_text=None, today=today
    )
    records = [record] if record is not None else []
    for other in neighbours:
        other_text, problem = _read(other)
        if problem is None:
            _, other_record = _check_entry(
                other_text, str(other), vocabulary=vocabulary, source_text=None, today=today
            )
            if other_record is not None:
                records.append(other_record)
    across = [*_duplicate_urls(records), *_same_stories(records)]
    found += [p for p in across if p.path == str(path)]
    return sorted(found, key=lambda p: p.line)


# --- finding and reading files ------------------------------------------------------------------


def _entry_files(paths: Sequence[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            in_posts = "posts" in path.resolve().parts
            candidates = sorted(
                p for p in path.rglob("*.md")
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (in_posts or "posts" in p.relative_to(path).parts[:-1])
            )
        else:
            candidates = [path]
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _read(path: Path) -> tuple[str, Problem | None]:
    try:
        data = read_regular_file(path)  # a FIFO, socket or device is refused, never read
    except NotRegularFile as exc:
        return "", Problem(str(path), 1, "file", f"is {exc.kind}, not an entry file")
    except OSError as exc:
        return "", Problem(str(path), 1, "file", f"cannot read: {exc.strerror or exc}")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return "", Problem(
            str(path), line, "file", f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save the file as UTF-8"
        )


# --- one entry ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Record:
    """What the cross-file checks need from one entry."""

    path: str
    date: dt.date | None = None
    url: str | None = None
    url_line: int = 1
    title: str | None = None
    title_line: int = 1
    summary: str | None = None
    summary_line: int = 1


@dataclass(slots=True)
class _Context:
    """One file being checked: where problems go and what checks need to look things up."""

    path: str
    vocabulary: Vocabulary
    today: dt.date
    loader: yaml.SafeLoader | None = None
    problems: list[Problem] = field(default_factory=list)
    record: _Record | None = None
    strings: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, text)

    def add(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, name, message))


def _check_entry(
    text: str,
    path: str,
    *,
    vocabulary: Vocabulary,
    source_text: str | None,
    today: dt.date | None,
) -> tuple[list[Problem], _Record | None]:
    ctx = _Context(path, vocabulary, today or dt.date.today())
    text = text.replace("\r\n", "\n")
    if text.startswith("\ufeff"):
        ctx.add(1, "file", "starts with a byte-order mark; save as UTF-8 without BOM")
        text = text[1:]
    lines = text.split("\n")
    raw_unsafe = _unsafe_lines(lines)
    end = _front_matter_end(lines)
    if end is None:
        reason = "must start with a '---' line" if not lines or lines[0].rstrip() != "---" \
            else "has no closing '---' line"
        ctx.add(1, "front matter", f"no YAML front matter: the file {reason}")
        for line, chars in raw_unsafe:
            ctx.add(line, "text", _unsafe_message(chars))
        return ctx.problems, None
    # Raw control characters are reported here, by line, and blanked for the YAML parser (which
    # refuses most of them), so the rest of the file is still checked.
    yaml_text = UNSAFE_CHARS.sub("\ufffd", "\n".join(lines[1:end]) + "\n")
    root = _compose(ctx, yaml_text)
    key_lines: list[tuple[int, str]] = []
    if root is not None:
        ctx.record = _Record(path)
        key_lines = _check_front_matter(ctx, root)
    for line, chars in raw_unsafe:
        owner = "body" if line > end + 1 else _owner(key_lines, line)
        ctx.add(line, owner, _unsafe_message(chars))
    _check_file_name(ctx, path)
    _check_body(ctx, lines[end + 1 :], first_line=end + 2)
    for line, name, value in ctx.strings:
        _check_string(ctx, line, name, value)
    if source_text is not None and root is not None:
        _check_against_source(ctx, source_text)
    if ctx.loader is not None:
        ctx.loader.dispose()
    return ctx.problems, ctx.record


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing `---` line, or None."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() == "---":
            return i
    return None


def _unsafe_lines(lines: list[str]) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(lines, start=1):
        chars = "".join(dict.fromkeys(UNSAFE_CHARS.findall(line)))
        if chars:
            found.append((number, chars))
    return found


def _unsafe_message(chars: str) -> str:
    names = ", ".join(f"U+{ord(c):04X}" for c in chars[:5])
    return f"contains control, bidi or zero-width characters ({names}); remove them"


def _owner(key_lines: list[tuple[int, str]], line: int) -> str:
    """The top-level key whose value spans `line`."""
    owner = "front matter"
    for key_line, key in key_lines:
        if key_line > line:
            break
        owner = key
    return owner


def _line(node: yaml.Node) -> int:
    """File line of a front-matter node: YAML line 0 is file line 2 (after the opening ---)."""
    return node.start_mark.line + 2


def _compose(ctx: _Context, yaml_text: str) -> yaml.MappingNode | None:
    try:
        loader: yaml.SafeLoader = FAST_LOADER(yaml_text)
        root = loader.get_single_node()
    except YAMLLimitError as exc:  # too big, or an alias bomb: nothing more is read
        ctx.add(1, "front matter", str(exc))
        return None
    except yaml.YAMLError:
        loader = yaml.SafeLoader(yaml_text)  # same error, with the pure-Python parser's wording
        root = _compose_slowly(ctx, loader)
        if root is None:
            return None
    ctx.loader = loader
    if root is None:
        ctx.add(1, "front matter", "is empty")
        return None
    if not isinstance(root, yaml.MappingNode):
        ctx.add(_line(root), "front matter", "must be a mapping of keys to values")
        return None
    return root


def _compose_slowly(ctx: _Context, loader: yaml.SafeLoader) -> yaml.Node | None:
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        message = f"not valid YAML: {exc.problem or exc.context}"
        if exc.problem and exc.context and exc.context_mark is not None:
            message += f" ({exc.context} on line {exc.context_mark.line + 2})"
        ctx.add(line, "front matter", message)
        return None
    except yaml.YAMLError as exc:
        ctx.add(1, "front matter", f"not valid YAML: {exc}")
        return None
    if root is None:
        ctx.add(1, "front matter", "is empty")
    return root


def _construct(ctx: _Context, node: yaml.Node, name: str) -> tuple[bool, Any]:
    """The Python value of a scalar node; (False, None) after reporting if it cannot be built."""
    assert ctx.loader is not None
    try:
        return True, ctx.loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        ctx.add(_line(node), name, f"cannot be read: {problem}")
        return False, None


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _node_kind(node: yaml.Node) -> str:
    return {yaml.SequenceNode: "a list", yaml.MappingNode: "a mapping"}.get(type(node), "a value")


def _did_you_mean(word: str, choices: Iterable[str], cutoff: float) -> str | None:
    """The closest choice to `word`, case-insensitively, if it is close enough."""
    by_folded = {c.casefold(): c for c in choices}
    match = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[match[0]] if match else None


# --- front matter -------------------------------------------------------------------------------


def _check_front_matter(ctx: _Context, root: yaml.MappingNode) -> list[tuple[int, str]]:
    """Check every key of the front matter; returns (line, key) for each key, in order."""
    seen: dict[str, int] = {}
    key_lines: list[tuple[int, str]] = []
    for key_node, value_node in root.value:
        line = _line(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.add(line, "front matter", f"a key must be a plain name, not {_node_kind(key_node)}")
            continue
        key = key_node.value
        key_lines.append((line, key))
        if key in seen:
            ctx.add(line, key, f"appears twice (first on line {seen[key]}); keep one")
            continue
        seen[key] = line
        checker = FIELD_CHECKS.get(key)
        if checker is None:
            ctx.add(line, key, _unknown_key_message(key, FIELDS, "front matter"))
            continue
        checker(ctx, key, value_node)
    for name in REQUIRED_FIELDS:
        if name not in seen:
            ctx.add(1, name, "required field is missing")
    return key_lines


def _unknown_key_message(key: str, allowed: Sequence[str], where: str) -> str:
    guess = KEY_ALIASES.get(key.lower()) if where == "front matter" else None
    if guess is None or guess not in allowed:
        guess = _did_you_mean(key, allowed, KEY_DID_YOU_MEAN_CUTOFF)
    hint = f"; did you mean '{guess}'?" if guess else f"; allowed: {', '.join(allowed)}"
    return f"unknown key in {where}{hint}"


def _text(
    ctx: _Context, name: str, node: yaml.Node, *, required: bool, one_line: bool = False
) -> str | None:
    """A string field's value, after reporting a wrong type or emptiness; queued for the
    string-safety checks."""
    if not isinstance(node, yaml.ScalarNode):
        ctx.add(_line(node), name, f"must be text, not {_node_kind(node)}")
        return None
    ok, value = _construct(ctx, node, name)
    if not ok:
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            ctx.add(_line(node), name, "must not be empty")
        return None
    if not isinstance(value, str):
        ctx.add(_line(node), name, f"must be text, not {_kind(value)} (quote it)")
        return None
    if one_line and "\n" in value.strip():
        ctx.add(_line(node), name, "must be one line")
    ctx.strings.append((_line(node), name, value))
    return value


def _check_title(ctx: _Context, name: str, node: yaml.Node) -> None:
    value = _text(ctx, name, node, required=True, one_line=True)
    if value is None:
        return
    if len(value.strip()) > TITLE_MAX_CHARS:
        ctx.add(_line(node), name, f"is {len(value.strip())} characters; at most {TITLE_MAX_CHARS}")
    assert ctx.record is not None
    ctx.record.title, ctx.record.title_line = value, _line(node)


def _check_summary(ctx: _Context, name: str, node: yaml.Node) -> None:
    value = _text(ctx, name, node, required=True)
    if value is None:
        return
    words = len(value.split())
    if words > SUMMARY_MAX_WORDS:
        ctx.add(_line(node), name, f"is {words} words; at most {SUMMARY_MAX_WORDS}")
    assert ctx.record is not None
    ctx.record.summary, ctx.record.summary_line = value, _line(node)


def _check_source(ctx: _Context, name: str, node: yaml.Node) -> None:
    _text(ctx, name, node, required=True, one_line=True)


def _check_author(ctx: _Context, name: str, node: yaml.Node) -> None:
    _text(ctx, name, node, required=False, one_line=True)


def _check_date(ctx: _Context, name: str, node: yaml.Node) -> None:
    line = _line(node)
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(raw, str) or not ISO_DATE.match(raw.strip()):
        shown = f"'{raw}'" if isinstance(raw, str) else _node_kind(node)
        ctx.add(line, name, f"must be an ISO date YYYY-MM-DD, not {shown}")
        return
    try:
        date = dt.date.fromisoformat(raw.strip())
    except ValueError as exc:
        ctx.add(line, name, f"'{raw}' is not a real date ({exc})")
        return
    if date < EARLIEST_DATE:
        ctx.add(line, name, f"{date} is before {EARLIEST_DATE}; a typo?")
    elif date > ctx.today + FUTURE_GRACE:
        ctx.add(line, name, f"{date} is in the future")
    assert ctx.record is not None
    ctx.record.date = date


def _check_slug(ctx: _Context, name: str, node: yaml.Node) -> None:
    value = _text(ctx, name, node, required=False, one_line=True)
    if value is not None:
        for message in _slug_problems(value):
            ctx.add(_line(node), name, message)


def _slug_problems(slug: str) -> list[str]:
    if "/" in slug or "\\" in slug or ".." in slug:
        return [f"'{slug}' must not contain path separators or '..'"]
    if not SLUG.match(slug):
        return [f"'{slug}' must be lower-case ASCII letters, digits and single hyphens"]
    if len(slug) > SLUG_MAX_CHARS:
        return [f"'{slug}' is {len(slug)} characters; at most {SLUG_MAX_CHARS}"]
    return []


def _check_url(ctx: _Context, name: str, node: yaml.Node) -> None:
    value = _text(ctx, name, node, required=False, one_line=True)
    if value is None:
        return
    line = _line(node)
    for message in url_problems(value):
        ctx.add(line, name, message)
    try:
        canonical = canonical_url(value.strip())
    except ValueError:  # reported above as not a valid URL
        canonical = value.strip()
    assert ctx.record is not None
    ctx.record.url, ctx.record.url_line = normalize_url(canonical), line


def _check_tags(ctx: _Context, name: str, node: yaml.Node) -> None:
    vocab = ctx.vocabulary
    aliases = {a.casefold(): t.name for t in vocab.terms for a in t.aliases}
    _check_name_list(ctx, name, node, vocab.names(), aliases, "tag", "the vocabulary")


def _check_mentions(ctx: _Context, name: str, node: yaml.Node) -> None:
    """Mentions are vocabulary names, like tags."""
    _check_tags(ctx, name, node)


def _check_categories(ctx: _Context, name: str, node: yaml.Node) -> None:
    _check_name_list(
        ctx, name, node, ctx.vocabulary.category_names(), {}, "category",
        "the vocabulary's categories",
    )


def _is_sequence(
    ctx: _Context, name: str, node: yaml.Node, items: str, *, example: bool = False
) -> bool:
    """True for a YAML list; otherwise report what the field is instead and return False."""
    if isinstance(node, yaml.SequenceNode):
        return True
    if isinstance(node, yaml.ScalarNode):
        ok, value = _construct(ctx, node, name)
        if ok and value is not None:
            shape = f"a list (e.g. [{value}])" if example else f"a list of {items}"
            ctx.add(_line(node), name, f"must be {shape}, not {_kind(value)}")
    else:
        ctx.add(_line(node), name, f"must be a list of {items}, not {_node_kind(node)}")
    return False


def _check_name_list(
    ctx: _Context,
    name: str,
    node: yaml.Node,
    allowed: list[str],
    aliases: dict[str, str],
    noun: str,
    where: str,
) -> None:
    if not _is_sequence(ctx, name, node, "names", example=True):
        return
    allowed_set = set(allowed)
    seen: set[str] = set()
    for i, item in enumerate(node.value):
        label = f"{name}[{i}]"
        value = _text(ctx, label, item, required=True, one_line=True)
        if value is None:
            continue
        if value in seen:
            ctx.add(_line(item), label, f"'{value}' is listed twice")
        seen.add(value)
        if value in allowed_set:
            continue
        canonical = aliases.get(value.casefold())
        if canonical is not None:
            ctx.add(_line(item), label, f"'{value}' is another name for '{canonical}'; use that")
            continue
        guess = _did_you_mean(value, [*allowed, *aliases], DID_YOU_MEAN_CUTOFF)
        guess = aliases.get(guess.casefold(), guess) if guess else None
        hint = f"; did you mean '{guess}'?" if guess else ""
        ctx.add(_line(item), label, f"unknown {noun} '{value}' (not in {where}){hint}")


def _check_quotes(ctx: _Context, name: str, node: yaml.Node) -> None:
    _check_records(ctx, name, node, QUOTE_KEYS, required=("text",))


def _check_figures(ctx: _Context, name: str, node: yaml.Node) -> None:
    _check_records(ctx, name, node, FIGURE_KEYS, required=FIGURE_KEYS)


def _check_records(
    ctx: _Context, name: str, node: yaml.Node, keys: tuple[str, ...], required: tuple[str, ...]
) -> None:
    """A list of small mappings (quotes, figures): every item, every key, every value."""
    if not _is_sequence(ctx, name, node, "mappings"):
        return
    for i, item in enumerate(node.value):
        label = f"{name}[{i}]"
        if not isinstance(item, yaml.MappingNode):
            ctx.add(_line(item), label, f"must be a mapping with keys {', '.join(keys)}")
            continue
        present = set()
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key not in keys:
                ctx.add(_line(key_node), f"{label}.{key}", _unknown_key_message(key, keys, name))
                continue
            present.add(key)
            if key in BOOLEAN_KEYS:
                ok, value = _construct(ctx, value_node, f"{label}.{key}")
                if ok and not isinstance(value, bool):
                    ctx.add(_line(value_node), f"{label}.{key}",
                            f"must be true or false, not {_kind(value)}")
                continue
            _text(ctx, f"{label}.{key}", value_node, required=key in required)
        for key in required:
            if key not in present:
                ctx.add(_line(item), f"{label}.{key}", "required key is missing")


FIELD_CHECKS: dict[str, Callable[[_Context, str, yaml.Node], None]] = {
    "title": _check_title,
    "date": _check_date,
    "slug": _check_slug,
    "source": _check_source,
    "url": _check_url,
    "author": _check_author,
    "tags": _check_tags,
    "mentions": _check_mentions,
    "categories": _check_categories,
    "summary": _check_summary,
    "quotes": _check_quotes,
    "figures": _check_figures,
}
assert set(FIELD_CHECKS) == set(FIELDS), "every entry field needs a check"


# --- file name, strings, body -------------------------------------------------------------------


def _check_file_name(ctx: _Context, path: str) -> None:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    match = FILE_NAME.match(name)
    if not match:
        ctx.add(1, "file name", f"'{name}' must be YYYY-MM-DD-slug.md")
        return
    for message in _slug_problems(match["slug"]):
        ctx.add(1, "file name", message)
    record = ctx.record
    if record is not None and record.date is not None and match["date"] != record.date.isoformat():
        ctx.add(1, "file name", f"date prefix {match['date']} differs from date {record.date}")
    if record is not None:
        slug = _declared_slug(ctx)
        if slug and not _slug_problems(slug) and slug != match["slug"]:
            ctx.add(1, "file name", f"slug '{match['slug']}' differs from slug '{slug}'")


def _declared_slug(ctx: _Context) -> str | None:
    for _line_no, name, value in ctx.strings:
        if name == "slug":
            return value.strip()
    return None


def _check_string(ctx: _Context, line: int, name: str, value: str) -> None:
    """Plain-text fields must stay plain text: no controls, no HTML, no Markdown links."""
    chars = "".join(dict.fromkeys(UNSAFE_CHARS.findall(value)))
    if chars:
        ctx.add(line, name, _unsafe_message(chars))
    tag = HTML_TAG.search(value)
    if tag:
        ctx.add(line, name, f"contains raw HTML {_excerpt(tag.group())}; write plain text")
    link = MD_LINK.search(value)
    if link:
        ctx.add(line, name, f"contains Markdown link syntax {_excerpt(link.group())}; write "
                            "plain text")


def _excerpt(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _check_body(ctx: _Context, lines: list[str], first_line: int) -> None:
    """The curator's notes: no raw HTML, attribute lists, link targets or images that could put
    script or foreign content on the site (digest.archive.body_safety)."""
    for index, message in body_problems(lines):
        ctx.add(first_line + index, "body", message)


# --- quotes and figures against the source snapshot ---------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_FOLDS)
    return re.sub(r"\s+", " ", text).casefold()


def _check_against_source(ctx: _Context, source_text: str) -> None:
    haystack = _fold(source_text)
    wanted = {"quotes.text": "text", "figures.value": "value"}
    for line, name, value in ctx.strings:
        kind = re.sub(r"\[\d+\]", "", name)
        if kind not in wanted:
            continue
        if kind == "quotes.text":
            pieces = [p.strip(QUOTE_EDGES) for p in ELLIPSIS.split(_fold(value))]
            if not _in_order([p for p in pieces if p], haystack):
                ctx.add(line, name, f"quote {_excerpt(value.strip())} does not occur in the "
                                    "source text")
        elif _fold(value).strip() not in haystack:
            ctx.add(line, name, f"figure {value.strip()!r} does not occur in the source text")


def _in_order(pieces: list[str], haystack: str) -> bool:
    at = 0
    for piece in pieces:
        found = haystack.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


# --- across files -------------------------------------------------------------------------------


def _duplicate_urls(records: list[_Record]) -> list[Problem]:
    by_url: dict[str, list[_Record]] = defaultdict(list)
    for record in records:
        if record.url:
            by_url[record.url].append(record)
    problems = []
    for group in by_url.values():
        for record in group:
            for other in group:
                if other is not record:
                    problems.append(Problem(
                        record.path, record.url_line, "url",
                        f"same URL as {other.path}:{other.url_line}",
                    ))
    return problems


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _ratio(a: list[str], b: list[str], minimum: float) -> float:
    """difflib's ratio over words, or 0.0 once its cheap upper bounds show it is under `minimum`
    (word order matters here, unlike Jaccard: it catches one word changed in a short title)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < minimum or matcher.quick_ratio() < minimum:
        return 0.0
    return matcher.ratio()


def _same_stories(records: list[_Record]) -> list[Problem]:
    """Near-identical titles or summaries within an ISO week, each file pointing at the other."""
    weeks: dict[tuple[int, int], list[_Record]] = defaultdict(list)
    for record in records:
        if record.date is not None:
            weeks[record.date.isocalendar()[:2]].append(record)
    problems: list[Problem] = []
    for group in weeks.values():
        if len(group) < 2:
            continue
        for field_name, jaccard_min, ratio_min in (
            ("title", TITLE_JACCARD, TITLE_RATIO),
            ("summary", SUMMARY_JACCARD, SUMMARY_RATIO),
        ):
            words = [WORD.findall(_fold(getattr(r, field_name) or "")) for r in group]
            tokens = [frozenset(w) for w in words]
            for i, j in sorted(_candidate_pairs(tokens)):
                a, b = group[i], group[j]
                if a.url and a.url == b.url:
                    continue  # already reported as the same URL
                score = _jaccard(tokens[i], tokens[j])
                if score < CANDIDATE_JACCARD:
                    continue  # the prefix filter over-approximates; most candidates stop here
                if score < jaccard_min:
                    score = _ratio(words[i], words[j], ratio_min)
                    if score < ratio_min:
                        continue
                for this, other in ((a, b), (b, a)):
                    line = getattr(this, f"{field_name}_line")
                    other_line = getattr(other, f"{field_name}_line")
                    problems.append(Problem(
                        this.path, line, field_name,
                        f"same story as {other.path}:{other_line} (nearly identical "
                        f"{field_name}s in the same week, similarity {score:.2f})",
                    ))
    return problems


def _candidate_pairs(token_sets: list[frozenset[str]]) -> set[tuple[int, int]]:
    """Pairs that may reach CANDIDATE_JACCARD: by prefix filtering, two sets that similar share
    a token among the rarest `n - ceil(t*n) + 1` tokens of each, so only those are indexed."""
    frequency: dict[str, int] = defaultdict(int)
    for tokens in token_sets:
        for token in tokens:
            frequency[token] += 1
    index: dict[str, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    for i, tokens in enumerate(token_sets):
        if not tokens:
            continue
        ordered = sorted(tokens, key=lambda t: (frequency[t], t))
        prefix = len(ordered) - math.ceil(CANDIDATE_JACCARD * len(ordered)) + 1
        for token in ordered[:prefix]:
            for j in index[token]:
                pairs.add((j, i))
            index[token].append(i)
    return pairs
