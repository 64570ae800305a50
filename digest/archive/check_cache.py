"""What the per-file pass of the check found in each entry file, kept between builds.

`digest build` checks the whole archive beside every build; an incremental build of a large
archive spent most of its time there on files that did not change. A file's result (its
problems and the Record the cross-file checks read) depends only on its text, its path, its
source snapshot, the day (dates after today are refused), the check's code and the
vocabulary: the key hashes all of them (the code and data by `check_code_version`, plus a
`version` string a caller may add, e.g. for a vocabulary of its own). The cross-file checks
run again on all records, cached or not; the same-story check, which compares the records of
each ISO week, keeps each week's problems by a hash of every field of its records
(`weeks`, digest.archive.duplicates.week_key), under the same salt. A cache file that cannot
be read is an empty cache.

The plain `digest check` uses no cache: CI's gate on a pull request checks every file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from digest.archive.field_checks import Record
from digest.errors import Problem
from digest.text.files import atomic_write

FORMAT = 2  # bump when what is stored changes meaning


# What the check's code can import, by the layering each stage package's docstring states
# (archive imports text, editorial, models and errors; editorial and ingest only text, models
# and errors): the check's version hashes these files, so an edit elsewhere (the pages, the
# site, the commands) keeps the cache. ingest is included though the check does not use it.
CHECK_LAYERS = ("text", "ingest", "editorial", "archive", "models.py", "errors.py", "__init__.py")
PACKAGE = Path(__file__).resolve().parents[1]


def check_code_version() -> str:
    """A hash of the check's code and data (vocabulary, units): see CHECK_LAYERS."""
    digest = hashlib.blake2b(digest_size=20)
    for layer in CHECK_LAYERS:
        root = PACKAGE / layer
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".json", ".txt"):
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


class CheckCache:
    """{key: (problems, record)} and {week key: problems} (`weeks`) in one JSON file; `save`
    keeps only the keys used this run."""

    def __init__(self, path: Path, version: str, today: dt.date) -> None:
        self.path = path
        self.salt = f"{FORMAT}\0{check_code_version()}\0{version}\0{today.isoformat()}\0"
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        old_weeks: dict[str, Any] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("salt") == self.salt:
            files = data.get("files")
            self.old = files if isinstance(files, dict) else {}
            weeks = data.get("weeks")
            old_weeks = weeks if isinstance(weeks, dict) else {}
        self.weeks = WeekCache(old_weeks)

    def key(self, path: str, text: str, source_text: str | None) -> str:
        digest = hashlib.blake2b(self.salt.encode("utf-8"), digest_size=20)
        for part in (path, text, "\0" if source_text is None else "\1" + source_text):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little") + data)
        return digest.hexdigest()

    def get(self, key: str) -> tuple[list[Problem], Record | None] | None:
        stored = self.old.get(key)
        if stored is None:
            return None
        try:
            problems = [Problem(**p) for p in stored["problems"]]
            record = None if stored["record"] is None else _record(stored["record"])
        except (TypeError, KeyError, ValueError):
            return None
        self.new[key] = stored
        return problems, record

    def put(self, key: str, problems: list[Problem], record: Record | None) -> None:
        self.new[key] = {
            "problems": [dataclasses.asdict(p) for p in problems],
            "record": None if record is None else _plain(record),
        }

    def save(self) -> None:
        if self.new.keys() == self.old.keys() and self.weeks.new.keys() == self.weeks.old.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"salt": self.salt, "files": self.new, "weeks": self.weeks.new}
        atomic_write(self.path, json.dumps(payload), durable=False)


class WeekCache:
    """The same-story check's problems of each week (digest.archive.duplicates.WeekMemo)."""

    def __init__(self, old: dict[str, Any]) -> None:
        self.old = old
        self.new: dict[str, Any] = {}

    def get(self, key: str) -> list[Problem] | None:
        stored = self.old.get(key)
        if not isinstance(stored, list):
            return None
        try:
            problems = [Problem(**p) for p in stored]
        except TypeError:
            return None
        self.new[key] = stored
        return problems

    def put(self, key: str, problems: list[Problem]) -> None:
        self.new[key] = [dataclasses.asdict(p) for p in problems]


def _plain(record: Record) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    data["date"] = record.date.isoformat() if record.date is not None else None
    return data


def _record(data: dict[str, Any]) -> Record:
    day = data.get("date")
    return Record(**{**data, "date": dt.date.fromisoformat(day) if day else None})
