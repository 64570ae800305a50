"""The plain data that travels between stages. No BeautifulSoup object ever appears here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

InputKind = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class RawInput:
    """An input as read: decoded text plus where it came from.

    `source` is what the user named (a path, "-" for stdin, or a URL); `url` is the address the
    bytes were fetched from, when they were fetched.
    """

    source: str
    text: str
    kind: InputKind
    url: str | None = None


@dataclass(slots=True)
class Article:
    """An article stripped to its editorial content."""

    source: str
    title: str
    paragraphs: list[str]
    author: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    url: str | None = None
    description: str | None = None
    lang: str | None = None
    # True when the extractor returned its best candidate although it is weak (short, few
    # sentences, or not clearly the page's main text): worth a curator's look before publishing.
    low_confidence: bool = False

    @property
    def text(self) -> str:
        """Body paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it."""

    text: str
    speaker: str | None = None
    role: str | None = None
    # True when the words are a fragment built into the writer's sentence ('called it "a
    # remarkable turnaround"'), not a whole sentence of the speaker's; shown with "…" marks.
    fragment: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that measures something: `value` as written ("40%"), `context` what it measures."""

    value: str
    context: str


@dataclass(slots=True)
class Entry:
    """One digest entry: the facts an entry file's front matter holds, and nothing derived."""

    title: str
    date: dt.date
    source_name: str
    url: str | None
    author: str | None
    summary: str
    tags: list[str] = field(default_factory=list)  # what the story is about
    mentions: list[str] = field(default_factory=list)  # vocabulary names it names in passing
    categories: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    slug: str = ""  # permanent URL slug; made from the title when empty
    notes: str = ""  # free Markdown a curator adds below the generated part; kept verbatim
