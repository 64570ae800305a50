"""The plain data that travels between stages. No BeautifulSoup object ever appears here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

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


# --- the entry schema ---------------------------------------------------------------------------
#
# Declared once, here, on the dataclasses: each field of an entry's front matter carries its key,
# its kind and whether a file must have it (`front_matter(...)` below). digest.archive.schema
# reads these declarations; the writer, the reader, the validator and the JSON output iterate
# them, so a new field is added by adding it here (and, for a new kind, teaching the kind once).
#
# Kinds: "line" one line of text; "text" text that may run over lines; "date" an ISO date;
# "slug" the permanent URL slug; "url" an http(s) URL; "terms" vocabulary names; "categories"
# vocabulary categories; "records" a list of small mappings (the `record` dataclass's fields);
# "flag" true or false.
FieldKind = Literal["line", "text", "date", "slug", "url", "terms", "categories", "records",
                    "flag"]


def front_matter(
    key: str, kind: FieldKind, *, required: bool = False, record: type | None = None
) -> dict[str, Any]:
    """The metadata of a dataclass field that is a front-matter field: its key in the file, its
    kind, whether the file must have it (and, for "records", the dataclass of one item)."""
    return {"key": key, "kind": kind, "required": required, "record": record}


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it."""

    text: str = field(metadata=front_matter("text", "text", required=True))
    speaker: str | None = field(default=None, metadata=front_matter("speaker", "text"))
    role: str | None = field(default=None, metadata=front_matter("role", "text"))
    # True when the words are a fragment built into the writer's sentence ('called it "a
    # remarkable turnaround"'), not a whole sentence of the speaker's; shown with "…" marks.
    fragment: bool = field(default=False, metadata=front_matter("fragment", "flag"))


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that measures something: `value` as written ("40%"), `context` what it measures."""

    value: str = field(metadata=front_matter("value", "text", required=True))
    context: str = field(metadata=front_matter("context", "text", required=True))


@dataclass(slots=True, kw_only=True)
class Entry:
    """One digest entry: the facts an entry file's front matter holds, and nothing derived.
    Fields in the order the front matter writes them."""

    title: str = field(metadata=front_matter("title", "line", required=True))
    date: dt.date = field(metadata=front_matter("date", "date", required=True))
    # the permanent URL slug; made from the title while it is empty
    slug: str = field(default="", metadata=front_matter("slug", "slug"))
    source_name: str = field(metadata=front_matter("source", "line", required=True))
    url: str | None = field(metadata=front_matter("url", "url"))
    author: str | None = field(metadata=front_matter("author", "line"))
    # what the story is about
    tags: list[str] = field(default_factory=list, metadata=front_matter("tags", "terms"))
    # vocabulary names it names in passing
    mentions: list[str] = field(default_factory=list, metadata=front_matter("mentions", "terms"))
    categories: list[str] = field(
        default_factory=list, metadata=front_matter("categories", "categories")
    )
    summary: str = field(metadata=front_matter("summary", "text", required=True))
    quotes: list[Quote] = field(
        default_factory=list, metadata=front_matter("quotes", "records", record=Quote)
    )
    figures: list[Figure] = field(
        default_factory=list, metadata=front_matter("figures", "records", record=Figure)
    )
    notes: str = ""  # the file's body: free Markdown a curator adds; kept verbatim
