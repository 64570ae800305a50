"""Domain errors. Library code raises these; only the CLI turns them into messages and exit codes.

    DigestError                  base: every error the project raises on purpose
    ├── InputError               the input cannot be read or decoded
    │   ├── FetchError           a URL could not be fetched (scheme, address, status, size, type)
    │   └── InputTooLarge        the input is over the size cap
    ├── ExtractionError          the input was read but holds no article
    ├── EntryError               an entry file cannot be parsed or written
    │   └── DuplicateEntry       the article is already in the archive
    └── ValidationFailed         one or more entries break the rules (carries every problem)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class DigestError(Exception):
    """Base class for every error the project raises on purpose."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class InputError(DigestError):
    """The input cannot be read or decoded (missing, empty, binary, undecodable)."""


class FetchError(InputError):
    """A URL could not be fetched: bad scheme or address, network error, status or content type."""


class InputTooLarge(InputError):
    """The input is larger than the configured size cap."""


class ExtractionError(DigestError):
    """The input was read but no article could be found in it."""


class EntryError(DigestError):
    """An entry file cannot be parsed or written."""


class DuplicateEntry(EntryError):
    """The article is already in the archive (same URL or same file name)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one entry: reported as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ValidationFailed(DigestError):
    """One or more entries break the archive's rules; `problems` holds every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("digest check", f"{len(self.problems)} problem(s) found")
