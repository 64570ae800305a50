"""HTML page -> Article: the editorial paragraphs of the page and its metadata.

The page is parsed once. Phases, in order:

    pre-strip    regex removes <script>/<style>/... content before the tree is built (JSON-LD kept)
    metadata     `digest.ingest.metadata.read_metadata` reads JSON-LD, <meta>, microdata and bylines
    prune        form controls, hidden elements, navigation and boilerplate-hinted subtrees go
    score        Readability-style: text blocks vote for their ancestors (length, commas, hints)
    select       the best container, plus siblings that look like article text
    emit         one paragraph per block (heading, list item, cell, quote...), boilerplate dropped
    check        JSON-LD articleBody replaces the result when ours is much shorter
    fall back    when the text found is weak, prune, score, select and emit run again with the
                 looser settings of `boilerplate.PASSES` (hint-named and hidden blocks kept), and
                 the longer result wins; a weak result is returned marked `low_confidence`

All tree walks are iterative, so deeply nested markup cannot exhaust the recursion limit.
Heuristics live in `digest.ingest.boilerplate` as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

from digest.errors import ExtractionError
from digest.ingest import boilerplate as bp
from digest.ingest.metadata import Metadata, read_metadata
from digest.models import Article
from digest.text.dates import parse_date
from digest.text.normalize import collapse_whitespace

# Inline elements: their text belongs to the paragraph around them.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "img", "ins", "kbd", "mark", "picture", "q", "s", "samp", "small",
        "source", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)
# Every other tag starts a fresh paragraph when the text is emitted; <br> does too, since a line
# break is a boundary a reader sees.
# Containers checked for link density while emitting (lists of related links, tag clouds).
# (Block quotes are not: an embedded post is mostly links and still part of the story.)
LINK_LIST_TAGS = frozenset({"ul", "ol", "dl", "div", "section", "table", "aside", "p", "header",
                            "footer", "figure", "span"})
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
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, CData, ProcessingInstruction)
_PRESTRIP = re.compile(
    r"<(" + "|".join(bp.PRESTRIP_TAGS) + r")\b([^>]*)>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
# Whitespace between a block tag and the next tag is not text; dropping it before the parse halves
# the number of string objects the tree is built with. Inline tags keep theirs ("<b>a</b> <i>b").
_WS_AFTER_BLOCK_TAG = re.compile(
    r"(</?(?:div|p|li|ul|ol|dl|dt|dd|table|tbody|thead|tfoot|tr|td|th|section|article|header|"
    r"footer|main|h[1-6]|figure|blockquote|form|html|head|body|meta|link|title)\b[^>]*>)\s+(?=<)",
    re.IGNORECASE,
)
# Stylesheet, icon and preload links carry nothing the metadata reader wants (canonical stays).
_NON_CANONICAL_LINK = re.compile(r"<link\b(?![^>]*canonical)[^>]*>", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。][\"”’)\]]*$")
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclass(slots=True)
class _Node:
    """Per-element measurements, keyed by id(tag)."""

    text: int = 0  # characters of text below the element (whitespace collapsed per string)
    links: int = 0  # of which inside <a>
    own: int = 0  # characters in the element's own paragraph (direct and inline text)
    commas: int = 0  # commas in that own text
    blocks: int = 0  # child elements that are blocks (not inline)
    score: float = 0.0  # votes received from text blocks below


@dataclass(slots=True)
class _Page:
    soup: BeautifulSoup
    settings: bp.Pass = bp.PASSES[0]
    dropped: set[int] = field(default_factory=set)
    hinted: set[int] = field(default_factory=set)  # boilerplate hints, dropped unless text-heavy
    # Picture captions: emitted as their own paragraphs when they read as prose.
    captions: set[int] = field(default_factory=set)
    nodes: dict[int, _Node] = field(default_factory=dict)


def extract_html(html: str, *, source: str, url: str | None = None) -> Article:
    """Extract the article of an HTML page; raise ExtractionError when the page has none.

    A page whose best candidate is weak (little text, or found only by a looser pass) still gives
    its article, marked `low_confidence`."""
    # Class and rel stay plain strings: splitting every multi-valued attribute costs parse time.
    soup = BeautifulSoup(_prestrip(html), "lxml", multi_valued_attributes=None)
    meta = read_metadata(soup)
    root = _root(soup)
    paragraphs: list[str] = []
    words = 0
    fallback = False
    for index, settings in enumerate(bp.PASSES):
        if index and words >= settings.runs_below:
            continue
        found = _extract_pass(_Page(soup, settings), root, meta)
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
    containers = [root] if page.settings.whole_page else _select(page, root)
    paragraphs = _clean_paragraphs(_emit(page, containers), meta)
    return _check_against_json_ld(paragraphs, meta)


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
    """Pre-strip replacement: JSON-LD scripts stay, everything else matched goes."""
    if match.group(1) and "ld+json" in match.group(2).lower():
        return match.group(0)
    return " "


# --- tree walks ---------------------------------------------------------------------------------


def _children(tag: Tag) -> list[Tag]:
    return [c for c in tag.contents if isinstance(c, Tag)]


def _hint(tag: Tag) -> str:
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


def _is_hidden(tag: Tag, *, attribute: bool = True) -> bool:
    """Hidden by its style, or (when `attribute`) by a `hidden` or aria-hidden attribute."""
    attrs = tag.attrs
    if not attrs:
        return False
    if attribute and ("hidden" in attrs or attrs.get("aria-hidden") == "true"):
        return True
    style = attrs.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _is_subscriber_text(tag: Tag) -> bool:
    """A block the page hides until a subscriber logs in: its class names say so."""
    hint = _hint(tag)
    return bool(hint) and bp.SUBSCRIBER_RE.search(hint) is not None


def _prune(page: _Page, root: Tag) -> None:
    """Mark subtrees that are never article text: form controls, hidden, boilerplate hints."""
    stack = _children(root)
    while stack:
        tag = stack.pop()
        name = tag.name
        if name in bp.DROP_TAGS or (
            _is_hidden(tag, attribute=page.settings.drop_hidden)
            and (page.settings.drop_hidden or not _is_subscriber_text(tag))
        ):
            page.dropped.add(id(tag))
            continue
        if _is_caption(tag):
            # A caption stays out of the article text unless it reads as prose (see _emit); its
            # class hint still takes it out of scoring, as for any boilerplate-hinted element.
            page.captions.add(id(tag))
        if tag.attrs and name not in ("body", "html", "article", "main"):
            hint = _hint(tag)
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


def _is_caption(tag: Tag) -> bool:
    """A picture caption: <figcaption>, or an element whose class names it a caption."""
    if tag.name == "figcaption":
        return True
    if not tag.attrs:
        return False
    hint = _hint(tag)
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


def _link_density(node: _Node) -> float:
    return node.links / node.text if node.text else 0.0


# --- scoring and selection ----------------------------------------------------------------------


def _select(page: _Page, root: Tag) -> list[Tag]:
    """The article container(s): the best-scored element plus siblings that read as article."""
    candidates: dict[int, Tag] = {}
    order: dict[int, int] = {}
    for tag in _walk(page, root):
        order[id(tag)] = len(order)
        node = page.nodes[id(tag)]
        if node.own < bp.MIN_PARAGRAPH_CHARS or tag.name not in SCORED_TAGS:
            continue
        content = 1 + node.commas + min(node.own / 100, 3)
        # Text written straight into a container beside block children (a div holding text runs
        # and <p>s) is that container's own paragraph: it votes for the container itself.
        ancestor, level = (tag, 1) if node.blocks else (tag.parent, 1)
        while ancestor is not None and level <= bp.SCORE_LEVELS and id(ancestor) in page.nodes:
            key = id(ancestor)
            if key not in candidates:
                candidates[key] = ancestor
                page.nodes[key].score = _initial_score(ancestor)
            divider = 1 if level == 1 else 2 if level == 2 else level * 3
            page.nodes[key].score += content / divider
            ancestor, level = ancestor.parent, level + 1
    if not candidates:
        return [root]
    for key in candidates:
        node = page.nodes[key]
        node.score *= 1 - _link_density(node)
    ranked = sorted(candidates.values(), key=lambda t: page.nodes[id(t)].score, reverse=True)
    top = _promote(page, ranked)
    chosen = _with_siblings(page, top) + _paragraphs_beside_ancestors(page, top)
    twins = _twins(page, top, ranked, chosen)
    if ranked[0] is not top:
        # The best-scored element before promotion names the article's blocks more precisely
        # than the wrapper it was promoted to ("text-content" inside "block-42").
        twins += _twins(page, ranked[0], ranked, chosen + twins)
    chosen = sorted(chosen + twins, key=lambda t: order[id(t)])
    # The same block printed twice (a desktop and a mobile copy) is kept once.
    unique: dict[str, Tag] = {}
    for tag in chosen:
        unique.setdefault(collapse_whitespace(tag.get_text()), tag)
    return list(unique.values())


def _twins(page: _Page, top: Tag, ranked: list[Tag], chosen: list[Tag]) -> list[Tag]:
    """Elements named like the top candidate elsewhere on the page: an article body split in
    several blocks (around an ad or a video), each block under its own wrapper."""
    hint = _hint(top)
    if not hint:
        return []
    threshold = max(bp.SIBLING_MIN_SCORE, page.nodes[id(top)].score * bp.TWIN_SCORE_RATIO)
    twins: list[Tag] = []
    for tag in ranked:
        if page.nodes[id(tag)].score < threshold:
            break
        if tag is top or tag.name != top.name or _hint(tag) != hint:
            continue
        if any(_contains(c, tag) or _contains(tag, c) for c in [*chosen, *twins]):
            continue
        twins.append(tag)
    return twins


def _contains(ancestor: Tag, tag: Tag) -> bool:
    parent = tag.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


def _initial_score(tag: Tag) -> float:
    score = float(TAG_SCORE.get(tag.name, 0))
    hint = _hint(tag)
    if hint:
        if bp.POSITIVE_RE.search(hint):
            score += bp.CLASS_WEIGHT
        if bp.NEGATIVE_RE.search(hint):
            score -= bp.CLASS_WEIGHT
    itemprop = tag.get("itemprop")
    if isinstance(itemprop, str) and itemprop.lower() in bp.ARTICLE_BODY_ITEMPROPS:
        score += bp.CLASS_WEIGHT
    return score


def _promote(page: _Page, ranked: list[Tag]) -> Tag:
    """Move up from the top candidate when close runners-up share an ancestor with it."""
    top = ranked[0]
    top_score = page.nodes[id(top)].score
    rivals = {
        id(t) for t in ranked[1:6] if page.nodes[id(t)].score >= bp.RIVAL_SCORE_RATIO * top_score
    }
    if len(rivals) >= bp.MIN_RIVALS:
        ancestor = top.parent
        while ancestor is not None and id(ancestor) in page.nodes and ancestor.name not in (
            "body", "html", "[document]"
        ):
            inside = {id(a) for a in _descendant_candidates(ancestor, rivals)}
            if len(inside) >= bp.MIN_RIVALS:
                top = ancestor
                break
            ancestor = ancestor.parent
    # An element holding nearly all of its parent's text says little the parent does not; moving
    # up lets the parent's other children (an intro paragraph, a second block) join as siblings.
    while (
        top.parent is not None
        and top.parent.name not in ("body", "html", "[document]")
        and id(top.parent) in page.nodes
        and page.nodes[id(top)].text >= bp.PARENT_TEXT_SHARE * page.nodes[id(top.parent)].text
    ):
        top = top.parent
    return top


def _descendant_candidates(ancestor: Tag, keys: set[int]) -> list[Tag]:
    found = []
    stack = _children(ancestor)
    while stack and len(found) < len(keys):
        tag = stack.pop()
        if id(tag) in keys:
            found.append(tag)
        stack.extend(_children(tag))
    return found


def _with_siblings(page: _Page, top: Tag) -> list[Tag]:
    parent = top.parent
    if parent is None or parent.name == "[document]":
        return [top]
    top_score = page.nodes[id(top)].score
    threshold = max(bp.SIBLING_MIN_SCORE, top_score * bp.SIBLING_SCORE_RATIO)
    top_hint = _hint(top)
    chosen = []
    for sibling in _children(parent):
        key = id(sibling)
        if key in page.dropped:
            continue
        node = page.nodes.get(key)
        if sibling is top:
            chosen.append(sibling)
            continue
        if node is None or node.text == 0:
            continue
        bonus = top_score * 0.2 if top_hint and _hint(sibling) == top_hint else 0.0
        if node.score + bonus >= threshold and node.score > 0:
            chosen.append(sibling)
        elif sibling.name in SCORED_TAGS:
            # A paragraph (or a div used as one) next to the article reads as part of it.
            density = _link_density(node)
            long_prose = (
                node.own > bp.SIBLING_PARAGRAPH_CHARS and density < bp.SIBLING_MAX_LINK_DENSITY
            )
            if long_prose or (
                0 < node.own <= bp.SIBLING_PARAGRAPH_CHARS and density == 0
                and sibling.name == "p"
                and re.search(r"\.( |$)", sibling.get_text())
            ):
                chosen.append(sibling)
    return chosen


def _paragraphs_beside_ancestors(page: _Page, top: Tag) -> list[Tag]:
    """Prose paragraphs next to the chosen element's wrappers: an intro or lead paragraph printed
    before the block that holds the rest of the story ("story-intro", then "read-more")."""
    found: list[Tag] = []
    child = top
    for _ in range(bp.INTRO_LEVELS):
        parent = child.parent
        if parent is None or parent.name in ("body", "[document]") or id(parent) not in page.nodes:
            break
        if page.nodes[id(child)].text < bp.INTRO_PARENT_SHARE * page.nodes[id(parent)].text:
            break
        if child is not top:
            for sibling in _children(parent):
                node = page.nodes.get(id(sibling))
                if (
                    sibling is not child
                    and node is not None
                    and id(sibling) not in page.dropped
                    and _reads_as_paragraph(sibling, node)
                ):
                    found.append(sibling)
        child = parent
    return found


def _reads_as_paragraph(tag: Tag, node: _Node) -> bool:
    """A paragraph, or a wrapper around one, of prose: long, few links, sentence punctuation, no
    picture (a lead image's caption is not the intro)."""
    return (
        tag.name in ("p", "div")
        and tag.find(MEDIA_TAGS) is None
        and node.blocks <= 1
        and node.text > bp.SIBLING_PARAGRAPH_CHARS
        and _link_density(node) < bp.SIBLING_MAX_LINK_DENSITY
        and re.search(r"[.!?。](\s|$)", tag.get_text()) is not None
    )


def _walk(page: _Page, root: Tag) -> list[Tag]:
    """Every kept element below root, in document order."""
    out: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        out.append(tag)
        stack.extend(reversed([c for c in _children(tag) if id(c) not in page.dropped]))
    return out


# --- emission -----------------------------------------------------------------------------------


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
    """
    text = collapse_whitespace(tag.get_text(" "))
    if not text or len(text.split()) > bp.CAPTION_MAX_WORDS:
        return None
    return text


def _is_link_block(page: _Page, tag: Tag) -> bool:
    """A block of links inside the article: related stories, a tag cloud, a list of headlines."""
    info = page.nodes.get(id(tag))
    if info is None or not info.text:
        return False
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


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _clean_paragraphs(paragraphs: list[str], meta: Metadata) -> list[str]:
    """Drop boilerplate lines, the headline (and any kicker above it) and leading bylines."""
    kept = [
        text
        for text in paragraphs
        if (len(text) > bp.BOILERPLATE_TEXT_MAX_CHARS or not bp.BOILERPLATE_TEXT_RE.match(text))
        and (len(text) > bp.LEGAL_NOTICE_MAX_CHARS or not bp.LEGAL_NOTICE_RE.match(text))
    ]
    kept = _without_trailing_section(kept)
    title = _norm(meta.title or "")
    for index, text in enumerate(kept[: bp.HEADLINE_WINDOW]):
        if title and _norm(text) == title:
            if all(len(p) <= bp.KICKER_MAX_CHARS for p in kept[:index]):
                kept = kept[index + 1 :]
            while kept and _norm(kept[0]) == title:  # the headline printed twice
                kept.pop(0)
            break
    while kept and (bp.BYLINE_TEXT.match(kept[0]) or _is_dateline(kept[0])):
        kept.pop(0)
    return kept


def _without_trailing_section(paragraphs: list[str]) -> list[str]:
    """Cut a press release's or wire story's trailing boilerplate (About <company>,
    forward-looking statements, contacts) from the first such paragraph to the end."""
    first = int(len(paragraphs) * bp.TRAILING_SECTION_MIN_POSITION)
    for index in range(max(first, 1), len(paragraphs)):
        text = paragraphs[index]
        if len(text) > bp.TRAILING_SECTION_MAX_CHARS:
            continue
        if bp.TRAILING_SECTION_RE.match(text) or _about_company(text, paragraphs[index + 1 :]):
            return paragraphs[:index]
    return paragraphs


def _about_company(text: str, after: list[str]) -> bool:
    """An "About <name>" heading followed by a paragraph about that name."""
    match = bp.ABOUT_HEADING.match(text)
    if not match or not after:
        return False
    name = match.group("name")
    first = name.split()[0].casefold() if name.split() else ""
    return (
        len(name.split()) <= bp.ABOUT_MAX_NAME_WORDS
        and bool(first)
        and first in after[0].casefold().split()[:3]
    )


def _is_dateline(text: str) -> bool:
    """A short line that is a date ("10 Dec 2024, 4:45 pm"), not a sentence."""
    return len(text) <= bp.DATELINE_MAX_CHARS and not text.endswith(".") and bool(parse_date(text))


def _check_against_json_ld(paragraphs: list[str], meta: Metadata) -> list[str]:
    """Use JSON-LD articleBody when our text is much shorter than it (a fallback, not a source)."""
    body = meta.article_body
    if not body:
        return paragraphs
    ours = sum(len(p) for p in paragraphs)
    if ours >= bp.ARTICLE_BODY_FALLBACK_RATIO * len(body):
        return paragraphs
    text = BeautifulSoup(body, "lxml").get_text("\n") if "<" in body else body
    lines = [collapse_whitespace(line) for line in re.split(r"\n+", text)]
    return [line for line in lines if line]
