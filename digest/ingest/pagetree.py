"""The page tree as extraction sees it: per-element measurements and the pass's marks.

Shared by `digest.ingest.extraction` (prune, measure, emit) and `digest.ingest.selection`
(score and choose the article's containers). Elements are keyed by id(tag).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

from digest.ingest import boilerplate as bp
from digest.text.normalize import collapse_whitespace

# Inline elements: their text belongs to the paragraph (or heading) around them.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "img", "ins", "kbd", "mark", "picture", "q", "s", "samp", "small",
        "source", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)
_NOT_TEXT = (Comment, Declaration, Doctype, CData, ProcessingInstruction)

# Elements whose own text votes for their ancestors. List items and headings do not: a gallery
# of captioned list items or a long table of contents must not outvote the prose.
SCORED_TAGS = frozenset({"p", "pre", "td", "blockquote", "div", "section", "article", "main",
                         "font", "center", "dd"})
# Readability-style starting score per tag for candidate containers.
TAG_SCORE = {
    "div": 5, "article": 8, "main": 5, "section": 3,
    "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
# Elements that make a block a picture or a player rather than a paragraph.
MEDIA_TAGS = ("img", "picture", "figure", "video")


@dataclass(slots=True)
class Node:
    """Per-element measurements, keyed by id(tag)."""

    text: int = 0  # characters of text below the element (whitespace collapsed per string)
    links: int = 0  # of which inside <a>
    own: int = 0  # characters in the element's own paragraph (direct and inline text)
    commas: int = 0  # commas in that own text
    blocks: int = 0  # child elements that are blocks (not inline)
    score: float = 0.0  # votes received from text blocks below


@dataclass(slots=True)
class Page:
    soup: BeautifulSoup
    settings: bp.Pass = bp.PASSES[0]
    dropped: set[int] = field(default_factory=set)
    hinted: set[int] = field(default_factory=set)  # boilerplate hints, dropped unless text-heavy
    # Picture captions: emitted as their own paragraphs when they read as prose.
    captions: set[int] = field(default_factory=set)
    nodes: dict[int, Node] = field(default_factory=dict)
    # Class/id hints by element, shared by the passes over one page (the markup does not change).
    hints: dict[int, str] = field(default_factory=dict)

    def hint(self, tag: Tag) -> str:
        """`hint(tag)`, worked out once per element."""
        key = id(tag)
        value = self.hints.get(key)
        if value is None:
            value = self.hints[key] = hint(tag) if tag.attrs else ""
        return value


def children(tag: Tag) -> list[Tag]:
    return [c for c in tag.contents if isinstance(c, Tag)]


def hint(tag: Tag) -> str:
    """The element's class names and id, lower-cased, reduced to what names the element.

    BEM names keep their element part ("story__body" -> "body") and lose modifiers
    ("grid--with-rail" -> "grid"); state classes ("has-sidebar", "is-sticky") are left out.
    """
    words = []
    for attr in ("class", "id"):
        value = tag.attrs.get(attr)
        if isinstance(value, list):
            value = " ".join(value)
        if not isinstance(value, str):
            continue
        for word in value.lower().split():
            if word.startswith(bp.STATE_CLASS_PREFIXES) or word.count("-") >= bp.SLUG_HYPHENS:
                continue
            word = word.rsplit("__", 1)[-1].split("--", 1)[0]
            if word:
                words.append(word)
    return " ".join(words)


def link_density(node: Node) -> float:
    return node.links / node.text if node.text else 0.0


# --- emission -----------------------------------------------------------------------------------


def inline_text(tag: Tag) -> str:
    """The element's text as a reader sees it: inline elements run on without a space
    ("<i>Metroid</i>, One" is "Metroid, One"); block elements and <br> are separated by one."""
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, NavigableString):
            if not isinstance(node, _NOT_TEXT):
                parts.append(str(node))
        elif node.name not in INLINE_TAGS:
            parts.append(" ")
    return collapse_whitespace("".join(parts))
