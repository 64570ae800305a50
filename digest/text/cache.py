"""The one kind of cache: bounded, keyed by content, and owned by whoever creates it.

A value made from some text (a parsed vocabulary, a compiled table) is kept under the SHA-256 of
that text, so an edited file is a new key and is never answered from an old copy; the least
recently used values go once `maxsize` are kept. A build or command that wants reuse creates one
and passes it down; nothing here is shared behind a caller's back.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


def content_key(content: str | bytes) -> str:
    """The key of a text or its bytes: their SHA-256, hex."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


class ContentCache(Generic[V]):
    """Values made from content, at most `maxsize` of them, least recently used dropped first."""

    def __init__(self, maxsize: int = 4) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._values: OrderedDict[str, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._values)

    def get(self, content: str | bytes, make: Callable[[], V]) -> V:
        """The value made from `content`: kept, or made now by `make()` and kept."""
        key = content_key(content)
        if key in self._values:
            self._values.move_to_end(key)
            return self._values[key]
        value = make()
        self._values[key] = value
        while len(self._values) > self.maxsize:
            self._values.popitem(last=False)
        return value
