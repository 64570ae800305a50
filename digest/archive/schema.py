"""The entry schema as the archive reads it: the front-matter fields of digest.models.Entry.

The fields, their kinds, which are required and their order are declared once, on the model's
dataclasses (digest.models.front_matter). This module turns those declarations into `FIELDS`,
which the writer and reader (digest.archive.entry), the validator (digest.archive.validate) and
the JSON output (digest.pipeline) iterate; none of them lists the keys again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from digest.models import Entry

# Kinds whose value is a list in the front matter.
LIST_KINDS: frozenset[str] = frozenset({"terms", "categories", "records"})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One front-matter field: `key` in the file, `attr` on the dataclass, its kind, whether a
    file must have it, and for "records" the dataclass of one item and that item's fields."""

    key: str
    attr: str
    kind: str
    required: bool
    record: type | None = None
    items: tuple[FieldSpec, ...] = ()
    default: Any = None

    @property
    def is_list(self) -> bool:
        return self.kind in LIST_KINDS


def specs_of(cls: type) -> tuple[FieldSpec, ...]:
    """The front-matter fields a dataclass declares, in declaration order."""
    out = []
    for f in dataclasses.fields(cls):
        if "key" not in f.metadata:
            continue  # not front matter (an entry's notes are its body)
        record = f.metadata["record"]
        default = None if f.default is dataclasses.MISSING else f.default
        out.append(FieldSpec(
            key=f.metadata["key"], attr=f.name, kind=f.metadata["kind"],
            required=f.metadata["required"], record=record,
            items=specs_of(record) if record is not None else (), default=default,
        ))
    return tuple(out)


# The entry's front matter, in the order it is written.
FIELDS: tuple[FieldSpec, ...] = specs_of(Entry)
KEYS: tuple[str, ...] = tuple(spec.key for spec in FIELDS)
REQUIRED: tuple[str, ...] = tuple(spec.key for spec in FIELDS if spec.required)
BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in FIELDS}


def record_data(record: Any, *, keep_defaults: bool = False) -> dict[str, Any]:
    """One quote or figure as a mapping, keys in declaration order; without `keep_defaults`,
    keys at their default (no speaker, not a fragment) are left out, as the file writes them."""
    out = {}
    for spec in specs_of(type(record)):
        value = getattr(record, spec.attr)
        if keep_defaults or (value != spec.default and value is not None):
            out[spec.key] = value
    return out


def record_from_data(spec: FieldSpec, data: dict[str, Any]) -> Any:
    """The dataclass of a "records" field from one item's mapping (keys as in the file)."""
    assert spec.record is not None
    if not isinstance(data, dict):
        raise TypeError(f"{spec.key}: each item must be a mapping")
    known = {item.key for item in spec.items}
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise TypeError(f"{spec.key}: unknown key {unknown[0]!r}")
    return spec.record(**{item.attr: data[item.key] for item in spec.items if item.key in data})


def to_front_matter(entry: Entry, slug: str) -> dict[str, Any]:
    """The front matter as plain data, keys in the schema's order, empty optional fields left
    out; `slug` is the entry's permanent slug (digest.archive.entry.entry_slug). The fields are
    those the entry's class declares (Entry's: FIELDS)."""
    data: dict[str, Any] = {}
    for spec in specs_of(type(entry)):
        value = slug if spec.kind == "slug" else getattr(entry, spec.attr)
        if spec.kind == "records":
            value = [record_data(item) for item in value]
        elif spec.is_list:
            value = list(value)
        if value not in (None, [], ""):
            data[spec.key] = value
    return data


def date_value(value: Any) -> dt.date:
    """A front-matter date (YAML gives a date, a date-time or a string) as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        raise TypeError("date must be YYYY-MM-DD")
    return value


def from_front_matter(data: dict[str, Any], notes: str = "", cls: type[Entry] = Entry) -> Entry:
    """An Entry (or `cls`, a dataclass declaring front-matter fields) from front-matter data.
    KeyError names a missing required field; TypeError or ValueError a mistyped one. (The
    validator reports every problem; this stops at the first.)"""
    values: dict[str, Any] = {}
    for spec in specs_of(cls):
        raw = data[spec.key] if spec.required else data.get(spec.key)
        if spec.kind == "date":
            values[spec.attr] = date_value(raw)
        elif spec.kind == "records":
            values[spec.attr] = [record_from_data(spec, item) for item in raw or []]
        elif spec.is_list:
            values[spec.attr] = [str(item) for item in raw or []]
        elif raw is None:
            values[spec.attr] = "" if spec.default == "" else None
        else:
            values[spec.attr] = str(raw)
    return cls(**values, notes=notes.strip())
