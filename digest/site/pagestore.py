"""Keeping a large build's pages small in memory (used by digest.site.plugin).

MkDocs converts every page to HTML before it renders the first one into the theme, and keeps
each page's Markdown and HTML until the build ends. At ten thousand entries that alone is
hundreds of megabytes (Python keeps text with a single "–" or "’" at two bytes a character).
Two pieces cut it down, both pure and independent of MkDocs:

- `split_blocks` / `BlockStash`: the generated pages (weekly issues, entity pages, indexes) are
  mostly long HTML lists. Python-Markdown would parse each list with its HTML parser only to copy
  it through; here each run of HTML lines is replaced by a comment token before the conversion
  and put back afterwards, compressed meanwhile. Headings stay Markdown, so the table of
  contents is unchanged. Blocks of a section kept out of the search index (a heading carrying
  `data-search-exclude`) can go back after the search plugin has read the page: it never has
  to parse them.
- `ContentStore`: a page's HTML is compressed from the moment it is converted until the page is
  rendered into the theme, and dropped once it is written.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from digest.pages.items import SEARCH_EXCLUDE

# zlib level 1: the store is about memory, not archive size; level 1 is several times faster
# than the default and still shrinks HTML about five-fold.
LEVEL = 1
# A block of HTML lines that Python-Markdown would pass through as raw HTML: a paragraph that
# starts with one of these block-level tags and whose every line starts with a tag (what the
# generated pages write: one element a line). A paragraph starting with an inline tag (<a>,
# <strong>) is Markdown's own paragraph and stays.
BLOCK_TAGS = ("ul", "ol", "p", "div", "table", "section", "details", "dl", "figure", "nav")
_BLOCK_START = re.compile(r"<(?:{})[\s>]".format("|".join(BLOCK_TAGS)))
# The token left in the Markdown: an HTML comment, which Markdown copies through unchanged and
# the search plugin ignores. Page text never contains it: generated text is escaped.
TOKEN = "<!--sd-block-{}-->"
_TOKEN = re.compile(r"<!--sd-block-(\d+)-->")
# On the elements of a block of a section kept out of the search index: Material's search never
# sees it (it comes back after the search plugin); Pagefind, which indexes the written pages, is
# told by this attribute on each element that starts a line with a block-level tag (an
# attribute, not a wrapper: the page's structure and its CSS selectors stay as they are).
IGNORED = "data-pagefind-ignore"
_ELEMENT_LINE = re.compile(r"^<({})(?=[\s>])".format("|".join(BLOCK_TAGS)), re.M)


def _compress(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def _decompress(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


def _is_block(chunk: str) -> bool:
    return _BLOCK_START.match(chunk) is not None and all(
        line.startswith("<") for line in chunk.splitlines()
    )


def _is_heading(chunk: str) -> bool:
    return chunk.startswith("#")


@dataclass(slots=True)
class Stashed:
    """A generated page's HTML blocks, compressed; `late` holds the indexes of the blocks in
    sections kept out of the search index."""

    blocks: list[bytes] = field(default_factory=list)
    late: frozenset[int] = frozenset()


def split_blocks(markdown: str) -> tuple[str, Stashed]:
    """(the Markdown with each HTML block replaced by a token, the blocks)."""
    chunks = markdown.split("\n\n")
    stashed = Stashed()
    late: set[int] = set()
    excluded = False  # inside a section whose heading is kept out of the search index
    for i, chunk in enumerate(chunks):
        if _is_heading(chunk):
            excluded = SEARCH_EXCLUDE in chunk.splitlines()[0]
        elif chunk and _is_block(chunk):
            n = len(stashed.blocks)
            stashed.blocks.append(_compress(chunk))
            if excluded:
                late.add(n)
            chunks[i] = TOKEN.format(n)
    stashed.late = frozenset(late)
    return "\n\n".join(chunks), stashed


def restore_blocks(html: str, stashed: Stashed, *, late: bool) -> str:
    """Put the early (late=False) or the late blocks back into the converted page."""

    def block(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n >= len(stashed.blocks) or (n in stashed.late) != late:
            return match.group(0)
        if late:  # Pagefind reads the written page: the section stays out of its index too
            return _ELEMENT_LINE.sub(rf"<\1 {IGNORED}", _decompress(stashed.blocks[n]))
        return _decompress(stashed.blocks[n])

    return _TOKEN.sub(block, html)


def missing_blocks(html: str) -> list[int]:
    """Tokens still in a page (a block that did not come back: a bug, reported by the plugin)."""
    return [int(m.group(1)) for m in _TOKEN.finditer(html)]


class BlockStash:
    """Every generated page's blocks for one build, by source path."""

    def __init__(self) -> None:
        self._pages: dict[str, Stashed] = {}

    def split(self, src: str, markdown: str) -> str:
        light, stashed = split_blocks(markdown)
        if stashed.blocks:
            self._pages[src] = stashed
        return light

    def restore(self, src: str, html: str, *, late: bool) -> str:
        stashed = self._pages.get(src)
        return html if stashed is None else restore_blocks(html, stashed, late=late)

    def drop(self, src: str) -> None:
        self._pages.pop(src, None)


class ContentStore:
    """Pages' HTML, compressed, from conversion until the page is rendered."""

    def __init__(self) -> None:
        self._pages: dict[str, bytes] = {}

    def put(self, src: str, html: str) -> None:
        self._pages[src] = _compress(html)

    def take(self, src: str) -> str | None:
        """The page's HTML (None when it was not stored), removed from the store."""
        data = self._pages.pop(src, None)
        return None if data is None else _decompress(data)

    def __len__(self) -> int:
        return len(self._pages)
