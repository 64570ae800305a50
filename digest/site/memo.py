"""What the staged pages were made from: the memo that lets a build skip unchanged pages."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from digest.archive.entry import entry_to_dict
from digest.editorial.vocabulary import Vocabulary
from digest.pages.items import Item
from digest.site.treesync import staged_files
from digest.text.files import atomic_write


class PageMemo:
    """Which staged pages were made from which inputs, kept in a JSON file beside the staged
    tree: an entry page by a hash of its entry file, the links and settings it shows; any
    other page by a hash of its text before sanitising. A page whose inputs are unchanged, and
    whose staged file is there, is not rendered (or sanitised) again. The code that renders
    the pages is part of the memo: any change to the package's code or data starts a new one."""

    def __init__(self, path: Path, staged: Path, code: str) -> None:
        self.path = path
        self.staged = staged
        self.code = code
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        self._files: set[str] | None = None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("code") == code:
            pages = data.get("pages")
            self.old = pages if isinstance(pages, dict) else {}

    @staticmethod
    def key(*inputs: Any) -> str:
        text = json.dumps(inputs, ensure_ascii=False, default=str)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()

    def keep(self, src: str, key: str) -> bool:
        if self.old.get(src) == key and src in self._staged_files():
            self.new[src] = key
            return True
        return False

    def _staged_files(self) -> set[str]:
        """The files in the staged tree, listed once (a stat per page took 0.1 CPU s at
        10,000 entries)."""
        if self._files is None:
            self._files = staged_files(self.staged) if self.staged.is_dir() else set()
        return self._files

    def made(self, src: str, key: str) -> None:
        self.new[src] = key

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps({"code": self.code, "pages": self.new}), durable=False)

    def forget(self) -> None:
        """After a failed write of the staged tree: nothing in it can be vouched for."""
        self.path.unlink(missing_ok=True)


class InputKeys:
    """The memo of the generated pages keyed on their inputs (digest.pages.items.Fresh): a
    page whose inputs are those it was staged from is neither computed nor rendered again.
    Called with (src, inputs); `keys` holds the key of every page asked about, `kept` those
    kept as staged. Without a memo every page is rendered (and no inputs are computed)."""

    def __init__(self, memo: PageMemo | None, setting: str) -> None:
        self.memo = memo
        self.setting = setting  # what every page depends on (options, vocabulary)
        self.keys: dict[str, str] = {}
        self.kept: set[str] = set()

    def __call__(self, src: str, inputs: Callable[[], object]) -> bool:
        if self.memo is None:
            self.keys[src] = ""
            return True
        key = self.keys[src] = self.memo.key(self.setting, src, inputs())
        if self.memo.keep(src, key):
            self.kept.add(src)
            return False
        return True


def fingerprint(setting: str, vocabulary: Vocabulary) -> str:
    """A hash of what every generated page depends on: the options and the vocabulary."""
    text = setting + "\0" + repr((vocabulary.terms, vocabulary.categories))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def identities(hashes: dict[str, str]) -> Callable[[Item], str]:
    """An entry's identity in the generated pages' inputs: the hash of its file, by staged path
    (digest.site.staging.read_items), else a hash of its fields."""
    made: dict[str, str] = {}

    def ident(item: Item) -> str:
        found = hashes.get(item.src) or made.get(item.src)
        if found is None:
            entry = item.entry
            found = made[item.src] = PageMemo.key(entry_to_dict(entry), entry.notes)
        return found

    return ident


def code_version() -> str:
    """A hash of the package's code and data: what the staged pages are rendered by."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".json", ".html", ".js"):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()
