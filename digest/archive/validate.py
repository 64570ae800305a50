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
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import yaml

from digest.archive.body_safety import HTML_TAG, body_problems
from digest.archive.check_cache import CheckCache
from digest.archive.duplicates import duplicate_urls, same_stories
from digest.archive.field_checks import (
    FILE_NAME,
    Context,
    Record,
    check_front_matter,
    line_of,
    slug_problems,
)
from digest.editorial.vocabulary import Vocabulary, load_vocabulary
from digest.errors import Problem
from digest.text.files import NotRegularFile, read_regular_file, walk_tree
from digest.text.normalize import UNSAFE_CHARS, search_key
from digest.text.sentences import split_sentences
from digest.text.siteconfig import POSTS_DIR
from digest.text.yamlsafe import LimitedLoader, YAMLLimitError

# --- data ---------------------------------------------------------------------------------------

MD_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|!?\[[^\]\n]+\]\[[^\]\n]*\]")

# Stripped from both ends of a quote before searching: its own quote marks and the punctuation a
# writer changes when quoting ("reliable," becomes "reliable.").
QUOTE_EDGES = "\"' .,;:!?-"
# Where a quote may be cut when it is looked for in the source: elisions ("...", "…", "[...]"),
# and sentence ends (digest.text.sentences), where the quotes stage turns the comma before an
# attribution into a full stop ('"…each other," said X. "Both sides…"' -> "each other. Both").
ELLIPSIS = re.compile(r"\s*(?:…|(?:\.\s*){3})\s*|\s*\[\s*(?:\.\.\.|…)\s*\]\s*")

# The one front-matter loader (digest.text.yamlsafe: libyaml when present, with size and alias
# limits); a file it refuses as bad YAML is parsed again by the pure-Python parser so that error
# messages do not depend on whether libyaml is installed.
FAST_LOADER: type[yaml.SafeLoader] = LimitedLoader


# --- the public API -----------------------------------------------------------------------------


def check_paths(
    paths: Sequence[Path],
    *,
    vocabulary: Vocabulary | None = None,
    sources_dir: Path | None = None,
    today: dt.date | None = None,
    cache: Path | None = None,
    version: str = "",
) -> list[Problem]:
    """Every problem in the entry files under `paths`, sorted by path then line.

    A folder is walked for `*.md` files under a `posts/` folder (pages such as docs/index.md are
    not entries); a file named explicitly is always checked. With `sources_dir`, the quotes and
    figures of `posts/NAME.md` are looked for in `sources_dir/NAME.txt` when it exists.
    With `cache` (a JSON file; `version` names the code and vocabulary checking), a file's own
    problems are taken from the last run when nothing they depend on changed
    (digest.archive.check_cache); the checks across files always run (the same-story check
    takes a week's problems from the cache when its records are unchanged).
    """
    vocabulary = vocabulary or load_vocabulary()
    today = today or dt.date.today()
    memo = CheckCache(cache, version, today) if cache is not None else None
    problems: list[Problem] = []
    records: list[Record] = []
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
        key = memo.key(str(path), text, source_text) if memo is not None else ""
        hit = memo.get(key) if memo is not None else None
        if hit is not None:
            found, record = hit
        else:
            found, record = _check_entry(
                text, str(path), vocabulary=vocabulary, source_text=source_text, today=today
            )
            if memo is not None:
                memo.put(key, found, record)
        problems.extend(found)
        if record is not None:
            records.append(record)
    problems.extend(duplicate_urls(records))
    problems.extend(same_stories(records, None if memo is None else memo.weeks))
    if memo is not None:
        memo.save()
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
    across = [*duplicate_urls(records), *same_stories(records)]
    found += [p for p in across if p.path == str(path)]
    return sorted(found, key=lambda p: p.line)


# --- finding and reading files ------------------------------------------------------------------


def _entry_files(paths: Sequence[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            in_posts = POSTS_DIR in path.resolve().parts
            candidates = [
                path.joinpath(*rel) for rel in sorted(_md_paths(str(path)))
                if in_posts or POSTS_DIR in rel[:-1]
            ]
        else:
            candidates = [path]
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _md_paths(root: str) -> list[tuple[str, ...]]:
    """The parts, relative to `root`, of every path under it named `*.md` (a file or a folder,
    as Path.rglob finds them), none hidden (no part starting with "."); links to folders are
    not followed, unreadable folders skipped, as rglob does (digest.text.files.walk_tree)."""
    return [
        rel for rel, _ in walk_tree(root, skip=_hidden, unreadable_ok=True)
        if rel[-1].endswith(".md")
    ]


def _hidden(name: str) -> bool:
    return name.startswith(".")


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


def _check_entry(
    text: str,
    path: str,
    *,
    vocabulary: Vocabulary,
    source_text: str | None,
    today: dt.date | None,
) -> tuple[list[Problem], Record | None]:
    ctx = Context(path, vocabulary, today or dt.date.today())
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
        ctx.record = Record(path)
        key_lines = check_front_matter(ctx, root)
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


def _compose(ctx: Context, yaml_text: str) -> yaml.MappingNode | None:
    try:
        loader: yaml.SafeLoader = FAST_LOADER(yaml_text)
        root = loader.get_single_node()
    except YAMLLimitError as exc:  # too big, or an alias bomb: nothing more is read
        ctx.add(1, "front matter", str(exc))
        return None
    except yaml.YAMLError:
        try:
            loader = yaml.SafeLoader(yaml_text)  # same error, in the pure-Python parser's words
        except yaml.reader.ReaderError as exc:  # its reader refuses a character up front
            line = yaml_text[: exc.position].count("\n") + 2
            ctx.add(line, "front matter", f"not valid YAML: unacceptable character "
                                          f"#x{exc.character:04x}: {exc.reason}")
            return None
        root = _compose_slowly(ctx, loader)
        if root is None:
            return None
    ctx.loader = loader
    if root is None:
        ctx.add(1, "front matter", "is empty")
        return None
    if not isinstance(root, yaml.MappingNode):
        ctx.add(line_of(root), "front matter", "must be a mapping of keys to values")
        return None
    return root


def _compose_slowly(ctx: Context, loader: yaml.SafeLoader) -> yaml.Node | None:
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


# --- file name, strings, body -------------------------------------------------------------------


def _check_file_name(ctx: Context, path: str) -> None:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    match = FILE_NAME.match(name)
    if not match:
        ctx.add(1, "file name", f"'{name}' must be YYYY-MM-DD-slug.md")
        return
    for message in slug_problems(match["slug"]):
        ctx.add(1, "file name", message)
    record = ctx.record
    if record is not None and record.date is not None and match["date"] != record.date.isoformat():
        ctx.add(1, "file name", f"date prefix {match['date']} differs from date {record.date}")
    if record is not None:
        slug = _declared_slug(ctx)
        if slug and not slug_problems(slug) and slug != match["slug"]:
            ctx.add(1, "file name", f"slug '{match['slug']}' differs from slug '{slug}'")


def _declared_slug(ctx: Context) -> str | None:
    for _line_no, name, value in ctx.strings:
        if name == "slug":
            return value.strip()
    return None


def _check_string(ctx: Context, line: int, name: str, value: str) -> None:
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


def _check_body(ctx: Context, lines: list[str], first_line: int) -> None:
    """The curator's notes: no raw HTML, attribute lists, link targets or images that could put
    script or foreign content on the site (digest.archive.body_safety)."""
    for index, message in body_problems(lines):
        ctx.add(first_line + index, "body", message)


# --- quotes and figures against the source snapshot ---------------------------------------------


def _check_against_source(ctx: Context, source_text: str) -> None:
    haystack = search_key(source_text)
    wanted = {"quotes.text": "text", "figures.value": "value"}
    for line, name, value in ctx.strings:
        kind = re.sub(r"\[\d+\]", "", name)
        if kind not in wanted:
            continue
        if kind == "quotes.text":
            pieces = [
                search_key(sentence).strip(QUOTE_EDGES)
                for part in ELLIPSIS.split(value) for sentence in split_sentences(part)
            ]
            if not _in_order([p for p in pieces if p], haystack):
                ctx.add(line, name, f"quote {_excerpt(value.strip())} does not occur in the "
                                    "source text")
        elif search_key(value).strip() not in haystack:
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


