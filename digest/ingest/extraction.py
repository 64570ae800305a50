"""HTML page -> Article: the editorial paragraphs of the page and its metadata.

The page is parsed once. Phases, in order:

    pre-strip    regex removes <script>/<style>/... content before the tree is built (JSON-LD kept)
    metadata     `digest.ingest.metadata.read_metadata` reads JSON-LD, <meta>, microdata and bylines
    prune        form controls, hidden elements, navigation and boilerplate-hinted subtrees go
    score        Readability-style: text blocks vote for their ancestors (length, commas, hints)
    select       the best container, plus siblings that look like article text
                 (`digest.ingest.selection`; the measured tree is `digest.ingest.pagetree`)
    emit         one paragraph per block (heading, list item, cell, quote...)
    clean        boilerplate lines and trailing sections dropped; JSON-LD articleBody replaces
                 the result when ours is much shorter (`digest.ingest.cleanup`)
    fall back    when the text found is weak, prune, score, select and emit run again with the
                 looser settings of `boilerplate.PASSES` (hint-named and hidden blocks kept), and
                 the longer result wins; a weak result is returned marked `low_confidence`

All tree walks are iterative, so deeply nested markup cannot exhaust the recursion limit.
Heuristics live in `digest.ingest.boilerplate` as data.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import (
    AttributeDict,
    CData,
    Comment,
    Declaration,
    Doctype,
    ProcessingInstruction,
)

from digest.errors import ExtractionError
from digest.ingest import boilerplate as bp
from digest.ingest.cleanup import check_against_json_ld, clean_paragraphs
from digest.ingest.metadata import Metadata, read_metadata
from digest.ingest.pagedates import CHROME_TIME
from digest.ingest.pagetree import INLINE_TAGS
from digest.ingest.pagetree import Node as _Node
from digest.ingest.pagetree import Page as _Page
from digest.ingest.pagetree import children as _children
from digest.ingest.pagetree import hint as _hint
from digest.ingest.pagetree import link_density as _link_density
from digest.ingest.selection import select
from digest.models import Article
from digest.text.normalize import collapse_whitespace

# Inline elements (`pagetree.INLINE_TAGS`): their text belongs to the paragraph around them.
# Every other tag starts a fresh paragraph when the text is emitted; <br> does too, since a line
# break is a boundary a reader sees.
# Containers checked for link density while emitting (lists of related links, tag clouds).
# (Block quotes are not: an embedded post is mostly links and still part of the story.)
LINK_LIST_TAGS = frozenset({"ul", "ol", "dl", "div", "section", "table", "aside", "p", "header",
                            "footer", "figure", "span"})
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, CData, ProcessingInstruction)
# An element to its first closing tag, or a comment. The element's content is read as runs of
# anything but "<" and single "<"s that do not close it, taken possessively: the same match as
# ".*?</\1\s*>" (the first closing tag), without trying the closing tag at every character.
_PRESTRIP = re.compile(
    r"<(" + "|".join(bp.PRESTRIP_TAGS) + r")\b([^>]*)>(?:[^<]++|<(?!/\1\s*>))*+</\1\s*>"
    r"|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
# Whitespace between a block tag and the next tag is not text; dropping it before the parse halves
# the number of string objects the tree is built with. Inline tags keep theirs ("<b>a</b> <i>b").
_WS_AFTER_BLOCK_TAG = re.compile(
    r"(</?(?:div|p|li|ul|ol|dl|dt|dd|table|tbody|thead|tfoot|tr|td|th|section|article|header|"
    r"footer|main|h[1-6]|figure|blockquote|form|html|head|body|meta|link|title)\b[^>]*>)\s+(?=<)",
    re.IGNORECASE,
)
# Pre-stripped chrome whose <time> elements are kept for the metadata reader (a blog's date in an
# <aside> or <footer> beside the post), at most MAX_KEPT_TIMES per element.
_CHROME_WITH_DATES = frozenset({"aside", "footer", "nav"})
_TIME_ELEMENT = re.compile(r"<time\b[^>]*>[^<]{0,80}</time\s*>", re.IGNORECASE)
MAX_KEPT_TIMES = 2
# Stylesheet, icon and preload links carry nothing the metadata reader wants (canonical stays).
_NON_CANONICAL_LINK = re.compile(r"<link\b(?![^>]*canonical)[^>]*>", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。][\"”’)\]]*$")
_NOT_LETTERS = re.compile(r"[\W_]+")


def extract_html(html: str, *, source: str, url: str | None = None) -> Article:
    """Extract the article of an HTML page; raise ExtractionError when the page has none.

    A page whose best candidate is weak (little text, or found only by a looser pass) still gives
    its article, marked `low_confidence`."""
    with _collector_paused():
        return _extract(html, source, url)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one page is extracted, then run it over what
    was made meanwhile (generation 0 only).

    The page's tree (a few thousand objects, far more on a big page) lives until the extraction
    ends. Collections on the way would only move it into the older generations, where full
    collections traverse it again after it is garbage: a sixth of the extraction's time went to
    the collector. Collected once at the end, the tree goes as young garbage. Left alone when
    the collector is already paused (by a caller, or another thread extracting)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def _extract(html: str, source: str, url: str | None) -> Article:
    # Class and rel stay plain strings: splitting every multi-valued attribute costs parse time.
    # Attributes go into a plain dict (the parser gives only strings, so the default's per-value
    # conversions never apply, yet cost a Python call per attribute).
    soup = BeautifulSoup(_prestrip(html), "lxml", multi_valued_attributes=None,
                         attribute_dict_class=AttributeDict)
    meta = read_metadata(soup)
    root = _root(soup)
    paragraphs: list[str] = []
    words = 0
    fallback = False
    hints: dict[int, str] = {}  # class/id hints, the same for every pass
    for index, settings in enumerate(bp.PASSES):
        if index and words >= settings.runs_below:
            continue
        found = _extract_pass(_Page(soup, settings, hints=hints), root, meta)
        found_words = _words(found)
        if found_words >= max(bp.MIN_ARTICLE_WORDS, words * bp.FALLBACK_GAIN) and (
            words < bp.WEAK_EVIDENCE_WORDS
            or (not settings.whole_page and _keeps(found, paragraphs))
            or _new_prose_words(found, paragraphs) >= words
        ):
            paragraphs, words, fallback = found, found_words, index > 0
    if words < bp.MIN_ARTICLE_WORDS:
        raise ExtractionError(source, "no article text found")
    title = meta.title or paragraphs[0][:120]
    return Article(
        source=source,
        title=title,
        paragraphs=paragraphs,
        author=meta.author,
        published=meta.published,
        site_name=meta.site_name,
        url=url or meta.url,
        description=meta.description,
        lang=meta.lang,
        low_confidence=fallback or words < bp.LOW_CONFIDENCE_WORDS,
    )


def _extract_pass(page: _Page, root: Tag, meta: Metadata) -> list[str]:
    """One run of prune, measure, select and emit with the page's pass settings."""
    _prune(page, root)
    _measure(page, root)
    _prune_chrome(page, root)
    containers = [root] if page.settings.whole_page else select(page, root)
    paragraphs = clean_paragraphs(_emit(page, containers), meta)
    return check_against_json_ld(paragraphs, meta)


def _keeps(found: list[str], earlier: list[str]) -> bool:
    """A looser pass's text extends an earlier one's (holds most of its paragraphs) rather than
    replacing it with another block (comments, a list of other stories)."""
    kept = set(found)
    return sum(1 for p in earlier if p in kept) >= bp.FALLBACK_KEEP_SHARE * len(earlier)


def _new_prose_words(found: list[str], earlier: list[str]) -> int:
    """Words in the prose paragraphs (long, ending a sentence) a looser pass adds: it found
    the article when it adds more prose than the earlier text holds in all (a list of teasers
    adds short lines; an article missed by the strict pass adds paragraphs)."""
    seen = set(earlier)
    return sum(
        len(p.split()) for p in found
        if p not in seen and len(p.split()) >= bp.PROSE_PARAGRAPH_WORDS
        and _SENTENCE_END.search(p)
    )


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _root(soup: BeautifulSoup) -> Tag:
    """<body>, unless the parser left text-bearing elements outside it (markup that closes the
    body early, or a second <html> half-way down): then the whole document."""
    body = soup.body
    if body is None:
        return soup
    stack: list[Tag] = [soup]
    while stack:
        tag = stack.pop()
        for child in tag.contents:
            if child is body or (isinstance(child, Tag) and child.name == "head"):
                continue
            if isinstance(child, Tag):
                if child is soup.html:
                    stack.append(child)  # the wrapper of body: look inside
                else:
                    return soup
            elif not isinstance(child, _SKIPPED_STRINGS) and child.strip():
                return soup
    return body


def _prestrip(html: str) -> str:
    """Remove what is never text from the markup before the tree is built (see module docstring)."""
    html = _PRESTRIP.sub(_keep_json_ld, html)
    html = _NON_CANONICAL_LINK.sub("", html)
    return _WS_AFTER_BLOCK_TAG.sub(r"\1", html)


def _keep_json_ld(match: re.Match[str]) -> str:
    """Pre-strip replacement: JSON-LD scripts stay; the <time> elements of stripped page chrome
    (a post's date in an <aside> or <footer>) stay for the metadata reader, hidden from the text;
    everything else matched goes."""
    tag = match.group(1)
    if tag and "ld+json" in match.group(2).lower():
        return match.group(0)
    if tag and tag.lower() in _CHROME_WITH_DATES:
        times = _TIME_ELEMENT.findall(match.group(0))
        if times:
            return " ".join(t.replace("<time", f'<time style="display:none" {CHROME_TIME}', 1)
                            for t in times[:MAX_KEPT_TIMES])
    return " "


# --- tree walks ---------------------------------------------------------------------------------


def _is_hidden(tag: Tag, *, attribute: bool = True) -> bool:
    """Hidden by its style, or (when `attribute`) by a `hidden` or aria-hidden attribute."""
    attrs = tag.attrs
    if not attrs:
        return False
    if attribute and ("hidden" in attrs or attrs.get("aria-hidden") == "true"):
        return True
    style = attrs.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _is_subscriber_text(page: _Page, tag: Tag) -> bool:
    """A block the page hides until a subscriber logs in: its class names say so."""
    hint = page.hint(tag)
    return bool(hint) and bp.SUBSCRIBER_RE.search(hint) is not None


def _prune(page: _Page, root: Tag) -> None:
    """Mark subtrees that are never article text: form controls, hidden, boilerplate hints."""
    stack = _children(root)
    while stack:
        tag = stack.pop()
        name = tag.name
        if name in bp.DROP_TAGS or (
            _is_hidden(tag, attribute=page.settings.drop_hidden)
            and (page.settings.drop_hidden or not _is_subscriber_text(page, tag))
        ):
            page.dropped.add(id(tag))
            continue
        hint = page.hint(tag)
        if _is_caption(tag, hint):
            # A caption stays out of the article text unless it reads as prose (see _emit); its
            # class hint still takes it out of scoring, as for any boilerplate-hinted element.
            page.captions.add(id(tag))
        if tag.attrs and name not in ("body", "html", "article", "main"):
            role = tag.get("role")
            negative = bool(hint) and (
                bp.NEGATIVE_RE.search(hint) is not None
                or not bp.NEGATIVE_EXACT.isdisjoint(hint.split())
            )
            if not page.settings.drop_hinted:
                # Looser passes still drop what no article wrapper is named for.
                negative = bool(hint) and bp.ALWAYS_CHROME_RE.search(hint) is not None
            if (negative and not bp.POSITIVE_RE.search(hint)) or (
                isinstance(role, str) and role.lower() in bp.CHROME_ROLES
            ):
                # Decided after measuring: a hinted element holding most of the text stays.
                page.hinted.add(id(tag))
        stack.extend(_children(tag))


def _is_caption(tag: Tag, hint: str | None = None) -> bool:
    """A picture caption: <figcaption>, or an element whose class names it a caption."""
    if tag.name == "figcaption":
        return True
    if not tag.attrs:
        return False
    hint = _hint(tag) if hint is None else hint
    return bool(hint) and bp.CAPTION_RE.search(hint) is not None


def _prune_chrome(page: _Page, root: Tag) -> None:
    """Drop hinted subtrees and chrome tags (aside, footer...) unless they hold most of the text."""
    total = page.nodes[id(root)].text or 1
    stack = _children(root)
    while stack:
        tag = stack.pop()
        key = id(tag)
        if key in page.dropped:
            continue
        node = page.nodes.get(key)
        if node is None:
            continue
        if (key in page.hinted and node.text < bp.NEGATIVE_KEEP_SHARE * total) or (
            tag.name in bp.CHROME_TAGS and node.text < bp.CHROME_KEEP_SHARE * total
        ):
            page.dropped.add(key)
            _forget(page, tag, node)
            continue
        stack.extend(_children(tag))


def _forget(page: _Page, tag: Tag, node: _Node) -> None:
    """Take a dropped element's measurements out of its ancestors' (cheaper than re-measuring)."""
    parent = tag.parent
    first = True
    while parent is not None:
        above = page.nodes.get(id(parent))
        if above is None:
            break
        above.text -= node.text
        above.links -= node.links
        if first:
            if tag.name in INLINE_TAGS:
                above.own -= node.text
                above.commas -= node.commas
            else:
                above.blocks -= 1
            first = False
        parent = parent.parent


def _measure(page: _Page, root: Tag) -> None:
    """Post-order pass: text and link lengths, own-paragraph text and commas of every element."""
    nodes: dict[int, _Node] = {}
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        tag, done = stack.pop()
        if not done:
            stack.append((tag, True))
            stack.extend((c, False) for c in _children(tag) if id(c) not in page.dropped)
            continue
        node = _Node()
        in_link = tag.name == "a"
        for child in tag.contents:
            if isinstance(child, Tag):
                sub = nodes.get(id(child))
                if sub is None:
                    continue
                node.text += sub.text
                node.links += sub.text if in_link else sub.links
                if child.name in INLINE_TAGS:
                    node.own += sub.text
                    node.commas += sub.commas
                else:
                    node.blocks += 1
            elif not isinstance(child, _SKIPPED_STRINGS):
                n = len(child.strip())
                node.text += n
                node.own += n
                node.commas += child.count(",")
                if in_link:
                    node.links += n
        nodes[id(tag)] = node
    page.nodes = nodes


def _emit(page: _Page, containers: list[Tag]) -> list[str]:
    """Text of the containers, one string per block element, link-heavy blocks left out."""
    paragraphs: list[str] = []
    buffer: list[str] = []
    links = [0, 0]  # characters inside links, links opened, in the current paragraph

    def flush() -> None:
        text = collapse_whitespace("".join(buffer))
        buffer.clear()
        link_chars, link_count = links
        links[:] = [0, 0]
        # A row of many links and little else is a tag row or a link list written inline.
        # (Letters and digits only, so the ", " between short tags does not dilute the density.)
        letters = _letters(text)
        if link_count >= bp.TAG_ROW_MIN_LINKS and link_chars > bp.LINK_ONLY_DENSITY * letters:
            return
        if text:
            paragraphs.append(text)

    for container in containers:
        flush()
        # Stack items: a node to visit, or a marker (None) closing a block element.
        stack: list[object] = [(container, False)]
        while stack:
            item = stack.pop()
            if item is None:
                flush()
                continue
            node, in_link = item  # type: ignore[misc]
            if isinstance(node, NavigableString):
                if not isinstance(node, _SKIPPED_STRINGS):
                    buffer.append(str(node))
                    if in_link:
                        links[0] += _letters(node)
                continue
            tag: Tag = node
            if id(tag) in page.captions:
                flush()
                caption = _caption_text(tag)
                if caption:
                    paragraphs.append(caption)
                continue
            if id(tag) in page.dropped:
                continue
            name = tag.name
            if name == "br":
                flush()
                continue
            if name == "article" and tag is not container and not page.settings.whole_page:
                info = page.nodes.get(id(tag))
                outer = page.nodes.get(id(container))
                if info and outer and info.text < bp.NESTED_ARTICLE_MAX_SHARE * outer.text:
                    continue
            block = name not in INLINE_TAGS
            if (
                block
                and tag is not container
                and name in LINK_LIST_TAGS
                and _is_link_block(page, tag)
            ):
                continue
            if block:
                flush()
                stack.append(None)
            if name == "a":
                links[1] += 1
            child_in_link = in_link or name == "a"
            stack.extend((c, child_in_link) for c in reversed(tag.contents))
        flush()
    return paragraphs


def _caption_text(tag: Tag) -> str | None:
    """A caption's text when it is a short label of the figure ("Block diagram of the chip").

    Long captions are the photo descriptions of news pages, which repeat the story and which
    human-annotated article bodies leave out; short labels belong to the figure they name.
    A picture credit (`boilerplate.CREDIT_HINTS`) is no part of the label (but counts towards
    the caption's length: a long description does not become a label by losing its credit).
    """
    if len(tag.get_text(" ").split()) > bp.CAPTION_MAX_WORDS or (
        _is_credit(tag) and not tag.find(_is_caption)  # a credit, not a wrapper of a caption
    ):
        return None
    parts: list[str] = []
    stack: list[object] = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if not _is_credit(node):
                stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, _SKIPPED_STRINGS):
            parts.append(str(node))
    return collapse_whitespace(" ".join(parts)) or None


def _is_credit(tag: Tag) -> bool:
    hint = _hint(tag) if tag.attrs else ""
    return bool(hint) and bp.CREDIT_RE.search(hint) is not None


def _is_link_block(page: _Page, tag: Tag) -> bool:
    """A block of links inside the article: related stories, a tag cloud, a list of headlines."""
    info = page.nodes.get(id(tag))
    if info is None or not info.text:
        return False
    if tag.name in ("ul", "ol") and tag.parent is not None and tag.parent.name == "li":
        # A list nested in a list item goes with that item (a changelog's bugs under "In
        # progress:"); boxes of other stories are lists of their own.
        return False
    if tag.name not in ("ul", "ol", "table") and tag.parent is not None and tag.parent.name in (
        "td", "th"
    ):
        return False  # a linked name in a table cell is data (the table is judged as a whole)
    density = _link_density(info)
    if density > bp.LINK_ONLY_DENSITY:
        return True
    if info.commas >= bp.PROSE_MIN_COMMAS:
        return False
    if tag.name in ("ul", "ol"):
        return _is_link_list(page, tag)
    return density > bp.MAX_CONTAINER_LINK_DENSITY


def _is_link_list(page: _Page, tag: Tag) -> bool:
    """A list whose items are mostly links: headlines of other stories, not a list in the text."""
    items = [page.nodes.get(id(c)) for c in _children(tag) if c.name == "li"]
    items = [i for i in items if i is not None and i.text]
    if len(items) < bp.LINK_LIST_MIN_ITEMS:
        return False
    linked = sum(1 for i in items if _link_density(i) > bp.MAX_LIST_ITEM_LINK_DENSITY)
    return linked >= bp.LINK_LIST_ITEM_SHARE * len(items)


def _letters(text: str) -> int:
    return len(_NOT_LETTERS.sub("", text))
