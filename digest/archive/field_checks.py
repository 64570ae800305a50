"""Checking an entry's front matter against the schema (digest.archive.schema), field by field.

Every key of the front matter is looked up in the schema: an unknown key gets a "did you mean",
a known one is checked by its kind (one line of text, a date, a slug, a URL, vocabulary names, a
list of records) and then by its field's own rules (a title's length, a summary's words). What
the checks find goes to a `Context`: problems with their lines, the strings for the safety
checks, and the `Record` the checks across files need (digest.archive.duplicates).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from digest.archive.entry import SLUG_MAX_CHARS
from digest.archive.schema import FIELDS, FieldSpec
from digest.editorial.vocabulary import Vocabulary
from digest.errors import Problem
from digest.text.urls import canonical_url, normalize_url, url_problems

# --- data ---------------------------------------------------------------------------------------

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
DID_YOU_MEAN_CUTOFF = 0.75  # difflib ratio; lower gives suggestions that surprise people
KEY_DID_YOU_MEAN_CUTOFF = 0.6  # keys are short: "tag" -> "tags" is 0.86, "sumary" 0.92


@dataclass(slots=True)
class Record:
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
class Context:
    """One file being checked: where problems go and what checks need to look things up."""

    path: str
    vocabulary: Vocabulary
    today: dt.date
    loader: yaml.SafeLoader | None = None
    problems: list[Problem] = field(default_factory=list)
    record: Record | None = None
    strings: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, text)

    def add(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, name, message))



def line_of(node: yaml.Node) -> int:
    """File line of a front-matter node: YAML line 0 is file line 2 (after the opening ---)."""
    return node.start_mark.line + 2



def _construct(ctx: Context, node: yaml.Node, name: str) -> tuple[bool, Any]:
    """The Python value of a scalar node; (False, None) after reporting if it cannot be built."""
    assert ctx.loader is not None
    try:
        return True, ctx.loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        ctx.add(line_of(node), name, f"cannot be read: {problem}")
        return False, None
    except (KeyError, AttributeError):  # PyYAML's bool and timestamp constructors on a tagged
        # scalar that is neither (`!!bool maybe`, `!!timestamp soon`): a lookup that fails
        kind = str(node.tag).rsplit(":", 1)[-1]
        ctx.add(line_of(node), name, f"cannot be read: not a valid {kind}")
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



# --- front matter ---------------------------------------------------------------------------


def check_front_matter(
    ctx: Context, root: yaml.MappingNode, fields: tuple[FieldSpec, ...] = FIELDS
) -> list[tuple[int, str]]:
    """Check every key of the front matter against the schema (`fields`: Entry's); returns
    (line, key) for each key, in order."""
    by_key = {spec.key: spec for spec in fields}
    keys = tuple(by_key)
    seen: dict[str, int] = {}
    key_lines: list[tuple[int, str]] = []
    for key_node, value_node in root.value:
        line = line_of(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.add(line, "front matter", f"a key must be a plain name, not {_node_kind(key_node)}")
            continue
        key = key_node.value
        key_lines.append((line, key))
        if key in seen:
            ctx.add(line, key, f"appears twice (first on line {seen[key]}); keep one")
            continue
        seen[key] = line
        spec = by_key.get(key)
        if spec is None:
            ctx.add(line, key, _unknown_key_message(key, keys, "front matter"))
            continue
        value = KIND_CHECKS[spec.kind](ctx, spec, value_node)
        rule = FIELD_RULES.get(key)
        if rule is not None and value is not None:
            rule(ctx, key, value_node, value)
    for name in (spec.key for spec in fields if spec.required):
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
    ctx: Context, name: str, node: yaml.Node, *, required: bool, one_line: bool = False
) -> str | None:
    """A string field's value, after reporting a wrong type or emptiness; queued for the
    string-safety checks."""
    if not isinstance(node, yaml.ScalarNode):
        ctx.add(line_of(node), name, f"must be text, not {_node_kind(node)}")
        return None
    ok, value = _construct(ctx, node, name)
    if not ok:
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            ctx.add(line_of(node), name, "must not be empty")
        return None
    if not isinstance(value, str):
        ctx.add(line_of(node), name, f"must be text, not {_kind(value)} (quote it)")
        return None
    if one_line and "\n" in value.strip():
        ctx.add(line_of(node), name, "must be one line")
    ctx.strings.append((line_of(node), name, value))
    return value


def _check_text(ctx: Context, spec: FieldSpec, node: yaml.Node) -> str | None:
    return _text(ctx, spec.key, node, required=spec.required)


def _check_line(ctx: Context, spec: FieldSpec, node: yaml.Node) -> str | None:
    return _text(ctx, spec.key, node, required=spec.required, one_line=True)


def _title_rule(ctx: Context, name: str, node: yaml.Node, value: str) -> None:
    if len(value.strip()) > TITLE_MAX_CHARS:
        length = len(value.strip())
        ctx.add(line_of(node), name, f"is {length} characters; at most {TITLE_MAX_CHARS}")
    assert ctx.record is not None
    ctx.record.title, ctx.record.title_line = value, line_of(node)


def _summary_rule(ctx: Context, name: str, node: yaml.Node, value: str) -> None:
    words = len(value.split())
    if words > SUMMARY_MAX_WORDS:
        ctx.add(line_of(node), name, f"is {words} words; at most {SUMMARY_MAX_WORDS}")
    assert ctx.record is not None
    ctx.record.summary, ctx.record.summary_line = value, line_of(node)


def _check_date(ctx: Context, spec: FieldSpec, node: yaml.Node) -> None:
    name = spec.key
    line = line_of(node)
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


def _check_slug(ctx: Context, spec: FieldSpec, node: yaml.Node) -> str | None:
    value = _text(ctx, spec.key, node, required=spec.required, one_line=True)
    if value is not None:
        for message in slug_problems(value):
            ctx.add(line_of(node), spec.key, message)
    return value


def slug_problems(slug: str) -> list[str]:
    """What is wrong with a slug (of the front matter or the file name); empty when nothing."""
    if "/" in slug or "\\" in slug or ".." in slug:
        return [f"'{slug}' must not contain path separators or '..'"]
    if not SLUG.match(slug):
        return [f"'{slug}' must be lower-case ASCII letters, digits and single hyphens"]
    if len(slug) > SLUG_MAX_CHARS:
        return [f"'{slug}' is {len(slug)} characters; at most {SLUG_MAX_CHARS}"]
    return []


def _check_url(ctx: Context, spec: FieldSpec, node: yaml.Node) -> None:
    name = spec.key
    value = _text(ctx, name, node, required=spec.required, one_line=True)
    if value is None:
        return
    line = line_of(node)
    for message in url_problems(value):
        ctx.add(line, name, message)
    try:
        canonical = canonical_url(value.strip())
    except ValueError:  # reported above as not a valid URL
        canonical = value.strip()
    assert ctx.record is not None
    ctx.record.url, ctx.record.url_line = normalize_url(canonical), line


def _check_terms(ctx: Context, spec: FieldSpec, node: yaml.Node) -> None:
    """Tags and mentions: names of the vocabulary (an alias is pointed at its name)."""
    names, aliases = _terms_of(ctx.vocabulary)
    _check_name_list(ctx, spec.key, node, names, aliases, "tag", "the vocabulary")


def _terms_of(vocab: Vocabulary) -> tuple[list[str], dict[str, str]]:
    """The vocabulary's names and {alias, case-folded: its name}, made once per vocabulary (in
    its memo) rather than once per entry: a check of 1,000 entries spent a quarter of its time
    building the alias map again."""
    found = vocab.memo.get(_TERMS_MEMO)
    if found is None:
        aliases = {a.casefold(): t.name for t in vocab.terms for a in t.aliases}
        found = vocab.memo[_TERMS_MEMO] = (vocab.names(), aliases)
    return found


_TERMS_MEMO = "field_checks.terms"


def _check_categories(ctx: Context, spec: FieldSpec, node: yaml.Node) -> None:
    _check_name_list(
        ctx, spec.key, node, ctx.vocabulary.category_names(), {}, "category",
        "the vocabulary's categories",
    )


def _is_sequence(
    ctx: Context, name: str, node: yaml.Node, items: str, *, example: bool = False
) -> bool:
    """True for a YAML list; otherwise report what the field is instead and return False."""
    if isinstance(node, yaml.SequenceNode):
        return True
    if isinstance(node, yaml.ScalarNode):
        ok, value = _construct(ctx, node, name)
        if ok and value is not None:
            shape = f"a list (e.g. [{value}])" if example else f"a list of {items}"
            ctx.add(line_of(node), name, f"must be {shape}, not {_kind(value)}")
    else:
        ctx.add(line_of(node), name, f"must be a list of {items}, not {_node_kind(node)}")
    return False


def _check_name_list(
    ctx: Context,
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
            ctx.add(line_of(item), label, f"'{value}' is listed twice")
        seen.add(value)
        if value in allowed_set:
            continue
        canonical = aliases.get(value.casefold())
        if canonical is not None:
            ctx.add(line_of(item), label, f"'{value}' is another name for '{canonical}'; use that")
            continue
        guess = _did_you_mean(value, [*allowed, *aliases], DID_YOU_MEAN_CUTOFF)
        guess = aliases.get(guess.casefold(), guess) if guess else None
        hint = f"; did you mean '{guess}'?" if guess else ""
        ctx.add(line_of(item), label, f"unknown {noun} '{value}' (not in {where}){hint}")


def _check_records(ctx: Context, spec: FieldSpec, node: yaml.Node) -> None:
    """A list of small mappings (quotes, figures): every item, every key, every value; keys,
    required keys and true/false keys from the schema."""
    name = spec.key
    keys = tuple(item.key for item in spec.items)
    required = tuple(item.key for item in spec.items if item.required)
    flags = {item.key for item in spec.items if item.kind == "flag"}
    if not _is_sequence(ctx, name, node, "mappings"):
        return
    for i, item in enumerate(node.value):
        label = f"{name}[{i}]"
        if not isinstance(item, yaml.MappingNode):
            ctx.add(line_of(item), label, f"must be a mapping with keys {', '.join(keys)}")
            continue
        present = set()
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key not in keys:
                ctx.add(line_of(key_node), f"{label}.{key}", _unknown_key_message(key, keys, name))
                continue
            present.add(key)
            if key in flags:
                ok, value = _construct(ctx, value_node, f"{label}.{key}")
                if ok and not isinstance(value, bool):
                    ctx.add(line_of(value_node), f"{label}.{key}",
                            f"must be true or false, not {_kind(value)}")
                continue
            _text(ctx, f"{label}.{key}", value_node, required=key in required)
        for key in required:
            if key not in present:
                ctx.add(line_of(item), f"{label}.{key}", "required key is missing")


# How a field of each kind of the schema (digest.models.FieldKind) is checked; the value is
# returned where a field rule below needs it.
KIND_CHECKS: dict[str, Callable[[Context, FieldSpec, yaml.Node], Any]] = {
    "line": _check_line,
    "text": _check_text,
    "date": _check_date,
    "slug": _check_slug,
    "url": _check_url,
    "terms": _check_terms,
    "categories": _check_categories,
    "records": _check_records,
}
# Rules of one field beyond its kind's, given its value when the kind's check passed it.
FIELD_RULES: dict[str, Callable[[Context, str, yaml.Node, Any], None]] = {
    "title": _title_rule,
    "summary": _summary_rule,
}
