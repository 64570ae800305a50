"""Material's search index (lunr) entries for the pages the digest stages as HTML.

Below `pagefind_from` entries the site searches with the engine's own index: Material's search
plugin reads each page's HTML as Python-Markdown made it and writes `search/search_index.json`
(`{"config": ..., "docs": [{"location", "title", "text"}, ...]}`), which the search box loads.
An entry page whose body is staged as HTML (digest.pages.render.render_body_html) and lifted
out of the engine's Markdown (digest.site.lifted) needs no Markdown conversion, but then the
plugin would read no text of it. Such a page is kept out of the plugin's index (front matter
`search: {exclude: true}`), its entries are made here from the same HTML, and `merge_index`
adds them to the index the plugin wrote. The entries are made as the plugin makes them, so the
file is the one it would have written had it converted and read those pages itself
(tests/test_lifted_blocks.py builds the sample both ways and compares the files):

- the page is cut into sections at each heading that has an id (Python-Markdown's toc gives
  every heading one); text before the first heading is a section of its own, titled with the
  page's title, at the page's address; the first heading's section gets no anchor when
  nothing came before it;
- a section's text keeps the tags of paragraphs, lists, code and sub-/superscripts (an
  element left empty is dropped), loses every other tag, and has its whitespace collapsed
  outside `pre`; text is HTML-escaped; a heading's permalink sign is not part of its title;
- an element marked `data-search-exclude` (and scripts, styles, objects) is left out, and so
  is a section whose heading is marked.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify, unique

from digest.errors import DigestError
from digest.text.escaping import html_attribute, html_text_unquoted, markdown_text
from digest.text.normalize import collapse_whitespace

INDEX_FILE = "search/search_index.json"  # in the site: the plugin's index, which the box loads
# The elements whose tags a section's text keeps; those whose text it drops; those that have
# no end tag (the plugin's lists, which follow the HTML elements' roles).
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
DROPPED = frozenset({"object", "script", "style"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
HEADINGS = frozenset({f"h{n}" for n in range(1, 7)})
EXCLUDE = "data-search-exclude"  # on an element (or a heading: its section) kept out
PERMALINK = "headerlink"  # the class of a heading's permalink (toc's `permalink`)
LINE_NUMBERS = "linenodiv"  # a code block's line numbers (class), never indexed
SEPARATOR = "-"  # toc's default word separator in heading ids
# An ATX heading as digest.text.escaping.markdown_text writes its text (see plain_heading).
_HEADING = re.compile(r"(#{1,6}) (.+)")
_UNESCAPE = re.compile(r"\\(.)")  # a backslash escape (markdown_text's, checked below)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Characters Python-Markdown changes or removes in any line of a page, HTML blocks too, before
# anything else (tabs are expanded to the column, carriage returns made line ends, its
# placeholders' markers dropped): a page holding one is left to the engine's plugin.
NORMALISED = re.compile("[\t\r\x00\x02\x03]")


def plain_heading(line: str) -> tuple[int, str] | None:
    """(level, the heading's text as HTML) of a Markdown heading whose text is plain text as
    markdown_text writes it (so that Python-Markdown renders it as that text, HTML-escaped);
    None for any other line."""
    match = _HEADING.fullmatch(line)
    if match is None or NORMALISED.search(line):
        return None
    text = match.group(2)
    literal = html.unescape(_UNESCAPE.sub(r"\1", text))
    if not literal or literal != literal.strip() or markdown_text(literal) != text:
        return None
    return len(match.group(1)), html_text_unquoted(literal)  # as Python-Markdown writes it


def is_comment(chunk: str) -> bool:
    """Whether a chunk of Markdown is HTML comments only (the excerpt and quote marks)."""
    return bool(chunk.strip()) and not _COMMENT.sub("", chunk).strip()


def page_docs(chunks: Iterable[str], url: str, title: str) -> list[dict[str, Any]]:
    """The index entries of a page whose Markdown chunks (split at blank lines) are plain
    headings (plain_heading), HTML blocks and comments: its HTML as the engine makes it (the
    headings with toc's ids), cut into sections as the plugin cuts it. `url`: the page's
    address in the site; `title`: its front matter's title. ValueError on any other chunk."""
    parts: list[str] = []
    ids: set[str] = set()
    for chunk in chunks:
        block = chunk.strip("\n")
        if not block:
            continue
        if block.startswith("#"):
            heading = plain_heading(block)
            if heading is None:
                raise ValueError(f"not a plain heading: {block[:80]!r}")
            level, text = heading
            anchor = unique(slugify(html.unescape(collapse_whitespace(text)), SEPARATOR), ids)
            parts.append(f'<h{level} id="{html_attribute(anchor)}">{text}</h{level}>')
        elif block.startswith("<"):
            parts.append(block)
        else:
            raise ValueError(f"neither a heading nor an HTML block: {block[:80]!r}")
    content = "\n".join(parts)
    try:
        sections = _read_fast(content)
    except ValueError:  # markup our tokenizer does not read: the standard library's parser
        sections = _read_standard(content)
    return [section.doc(url, title) for section in sections.sections if not section.excluded]


class _Section:
    """A heading (or the text before the first one) and the text up to the next."""

    __slots__ = ("anchor", "depth", "excluded", "tag", "text", "title")

    def __init__(self, tag: str, depth: float, excluded: bool = False) -> None:
        self.tag = tag  # "" for the text before the first heading
        self.depth = depth  # how deep in the page's elements its heading is
        self.excluded = excluded
        self.anchor: str | None = None
        self.title: list[str] = []
        self.text: list[str] = []

    def doc(self, url: str, page_title: str) -> dict[str, Any]:
        location = f"{url}#{self.anchor}" if self.anchor else url
        title = "".join(self.title or [page_title]).strip()
        return {"location": location, "title": title, "text": "".join(self.text).strip()}


Attributes = dict[str, "str | None"]


class _Sections:
    """A page's HTML cut into sections, with the text of each (see the module docstring), from
    its start tags, end tags and text (entities decoded) in order."""

    def __init__(self) -> None:
        self.open: list[tuple[str, Attributes]] = []  # the elements we are in
        self.counts: dict[str, int] = {}  # how many of each tag are open
        self.skipped = set(DROPPED)  # tags whose elements' text is left out, while open
        self.skipping = False  # whether an element of a skipped tag is open
        self.sections: list[_Section] = []
        self.section: _Section | None = None

    def _in(self, tag: str) -> bool:
        return self.counts.get(tag, 0) > 0

    def _update_skipping(self) -> None:
        self.skipping = any(self.counts.get(tag, 0) for tag in self.skipped)

    def _current(self) -> _Section:
        if self.section is None:  # text before any heading
            self.section = _Section("", 0)
            self.sections.append(self.section)
        return self.section

    def _target(self, section: _Section) -> list[str]:
        in_heading = bool(section.tag) and self._in(section.tag)
        return section.title if in_heading else section.text

    def start(self, tag: str, attributes: Attributes) -> None:
        if tag in VOID:
            return
        self.open.append((tag, attributes))
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag in self.skipped:
            self.skipping = True
        if tag in HEADINGS and "id" in attributes:
            depth = len(self.open)
            if tag != "h1" and not self.sections:
                self.sections.append(_Section("", depth))
            section = _Section(tag, depth, excluded=EXCLUDE in attributes)
            if self.sections:
                section.anchor = attributes["id"]
            self.section = section
            self.sections.append(section)
        section = self._current()
        if EXCLUDE in attributes or attributes.get("class") == LINE_NUMBERS:
            self.skipped.add(tag)
            self.skipping = True
            return
        if tag in KEPT and not self.skipping:
            self._target(section).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.open or self.open[-1][0] != tag:
            return
        section = self._current()
        if section.depth > len(self.open):  # leaving the element the heading was in
            for outer in reversed(self.sections):
                if outer.depth <= len(self.open):
                    section.depth = float("inf")  # never returned to
                    self.section = section = outer
                    break
        self.open.pop()
        self.counts[tag] -= 1
        if tag in self.skipped:
            if tag not in DROPPED:
                self.skipped.discard(tag)
            self._update_skipping()
            return
        if tag not in KEPT or self.skipping:
            return
        target = self._target(section)
        start = target.index(f"<{tag}>")
        if all(item.isspace() for item in target[start + 1 :]):
            del target[start:]  # an element with no text
        else:
            target.append(f"</{tag}>")

    def data(self, data: str) -> None:
        if self.skipping:
            return
        counts = self.counts
        in_pre = counts.get("pre", 0) > 0
        if not in_pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self.section or self._current()
        if section.tag and counts.get(section.tag, 0) > 0:
            if not (counts.get("a", 0) > 0 and any(
                t == "a" and a.get("class") == PERMALINK for t, a in self.open
            )):
                section.title.append(html_text_unquoted(data))
        elif data.isspace():
            text = section.text
            if not text or not text[-1].isspace() or in_pre:
                text.append(data)
        else:
            section.text.append(html_text_unquoted(data))


class _StandardReader(HTMLParser):
    """_Sections fed by the standard library's HTML parser (any markup)."""

    def __init__(self, sections: _Sections) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = sections

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.sections.start(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        self.sections.end(tag)

    def handle_data(self, data: str) -> None:
        self.sections.data(data)


def _read_standard(content: str) -> _Sections:
    sections = _Sections()
    reader = _StandardReader(sections)
    reader.feed(content)
    reader.close()
    return sections


# The markup the site's sanitiser writes (digest.site.sanitize): tags with lower-case names and
# double-quoted attribute values, comments, text with `<` always escaped. _read_fast reads
# exactly that, the events the standard library's parser gives for it, some ten times faster
# than that parser (1,000 entry pages: 0.7 CPU s); anything else goes to that parser.
_TOKEN = re.compile(
    r'<(?P<end>/)?(?P<tag>[a-z][a-z0-9]*)(?P<attrs>(?:\s+[a-z][a-z0-9_:.-]*(?:="[^"]*")?)*)'
    r"\s*(?P<close>/)?>|<!--(?!-?>).*?-->|(?P<text>[^<]+)",
    re.S,
)
_ATTRIBUTE = re.compile(r'([a-z][a-z0-9_:.-]*)(?:="([^"]*)")?')
_RAW_TEXT = re.compile(r"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b",
                       re.I)


def _read_fast(content: str) -> _Sections:
    """ValueError when the content holds markup other than the sanitiser's (see _TOKEN)."""
    if _RAW_TEXT.search(content):
        raise ValueError("an element whose text is not markup")
    sections = _Sections()
    data, start, end = sections.data, sections.start, sections.end
    at = 0
    for token in _TOKEN.finditer(content):
        if token.start() != at:
            raise ValueError(f"unread markup at {at}")
        at = token.end()
        closing, tag, attrs, self_closing, text = token.groups()
        if text is not None:
            data(html.unescape(text) if "&" in text else text)
        elif tag is None:
            continue  # a comment
        elif closing:
            end(tag)
        else:
            attributes: Attributes = {
                found[1]: None if found[2] is None else html.unescape(found[2])
                for found in _ATTRIBUTE.finditer(attrs)
            } if attrs else {}
            start(tag, attributes)
            if self_closing:
                end(tag)
    if at != len(content):
        raise ValueError(f"unread markup at {at}")
    return sections


# -- the index file ------------------------------------------------------------------------------


def build_order(src: str) -> tuple[tuple[int, Any], ...]:
    """A sort key of a staged page in the order MkDocs builds pages (and its search plugin
    lists them): folders depth first in name order, a folder's own files before its
    subfolders', `index.md` (or README.md) first among them."""
    *folders, name = src.split("/")
    stem = name.rsplit(".", 1)[0]
    return (*((1, folder) for folder in folders), (0, (stem not in ("index", "README"), name)))


def merge_index(
    site: Path, docs: Mapping[str, Sequence[dict[str, Any]]], urls: Mapping[str, str]
) -> int:
    """Add `docs` ({staged page: its entries}) to the index the search plugin wrote in `site`,
    each page's entries where the plugin would have put them. `urls`: {page address: staged
    page} of every page of the site. Returns the number of entries added."""
    path = site / INDEX_FILE
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
        written = index["docs"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DigestError(str(path), f"no search index to add the entry pages to: {exc}") from None
    keyed: list[tuple[tuple[tuple[int, Any], ...], dict[str, Any]]] = []
    key: tuple[tuple[int, Any], ...] = ()
    for doc in written:
        page = urls.get(str(doc.get("location", "")).split("#", 1)[0])
        key = build_order(page) if page is not None else key  # unknown: where it was
        keyed.append((key, doc))
    added = 0
    for src, entries in docs.items():
        keyed.extend((build_order(src), doc) for doc in entries)
        added += len(entries)
    keyed.sort(key=lambda pair: pair[0])  # stable: a page's entries keep their order
    index["docs"] = [doc for _, doc in keyed]
    # as the plugin writes it (compact JSON, ASCII)
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    return added
