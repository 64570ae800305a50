"""HTML metadata: headline, author, publication date, site name, canonical URL, description, lang.

Sources, most trusted first: JSON-LD (including `@graph` and lists), OpenGraph and other `<meta>`
tags (article:*, parsely-*, dc.*, sailthru.*), microdata (`itemprop`), `<time datetime>`, and
finally what a reader sees (a "By Name" byline, the `<title>`, the first `<h1>`). Which title
wins is decided in `digest.ingest.pagetitles`, which date in `digest.ingest.pagedates`.
Only `digest.ingest.extraction` calls this module; the soup never leaves the two of them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from digest.ingest.pagedates import CHROME_TIME, MAX_DATE_LINES, resolve_date
from digest.ingest.pagetitles import page_title, site_from_title
from digest.ingest.pagetree import inline_text
from digest.text.normalize import collapse_whitespace

# JSON-LD @type values that describe the article itself (schema.org CreativeWork family).
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
        "scholarlyarticle", "socialmediaposting", "liveblogposting", "report", "posting",
        "webpage", "creativework", "medicalwebpage", "review", "howto", "recipe",
    }
)
# Types that are pages rather than articles: used only when nothing better is present.
PAGE_TYPES = frozenset({"webpage", "creativework", "medicalwebpage"})

MAX_UNESCAPES = 3  # entity-decoding rounds: pages escape twice, hostile input more
MAX_LD_DEPTH = 4  # author -> [list] -> {object} -> name: real pages need three levels

# <meta> keys (name / property / itemprop, lower-cased), most trusted first.
TITLE_KEYS = ("dc.title", "dc:title", "dcterm:title", "og:title", "twitter:title",
              "parsely-title", "sailthru.title", "title", "headline")
AUTHOR_KEYS = ("dc.creator", "dc:creator", "dcterm:creator", "author", "article:author",
               "parsely-author", "sailthru.author", "byl", "twitter:creator", "og:article:author")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
DESCRIPTION_KEYS = ("description", "og:description", "twitter:description", "dc.description")
URL_KEYS = ("og:url", "twitter:url")
LANG_KEYS = ("content-language", "og:locale", "dc.language", "language")
MAX_H1 = 5  # the page's <h1>s read for the visible headline (`digest.ingest.pagetitles`)

# "By Jane Doe" and friends at the start of a byline.
BYLINE_PREFIX = re.compile(
    r"^\s*(?:by|from|posted by|written by|words by|author|authored by|von|par|por|door)[:\s]+", re.I
)
# Elements whose class/id marks a visible byline (checked after the structured sources).
BYLINE_HINT = re.compile(r"byline|author|writer|contributor|posted-by|creator", re.I)
BYLINE_NOT = re.compile(r"bio|avatar|image|photo|img|box|about|more|social|follow|twitter", re.I)
# Meta rows ("Posted by X on 2 May 2024") count as bylines only when their text says "by".
META_HINT = re.compile(r"meta|info|dateline|posted|credit", re.I)
META_BYLINE = re.compile(r"^(?:.{0,20}\W)?(?:posted |written |words )?by\s+(\S.*)$", re.I | re.S)
# Elements whose class or id says they hold the publication date, read when nothing better says.
DATE_HINT = re.compile(r"date|time|posted|published|meta|byline|dateline", re.I)
DATE_NOT = re.compile(r"update|modified|comment", re.I)
# Bylines inside these are other people's (commenters, related stories), not the article's.
NOT_ARTICLE_HINT = re.compile(
    r"comment|repl(y|ies)|respond|discussion|related|recommend|sidebar", re.I
)
# One search to skip the elements no hint above concerns (most of them).
ANY_HINT = re.compile(
    "|".join(p.pattern for p in (BYLINE_HINT, META_HINT, DATE_HINT, NOT_ARTICLE_HINT)), re.I
)
# The same search for a hint of ASCII characters, lower-cased: the case-sensitive search of a
# lower-case pattern is several times faster than ANY_HINT's, and finds the same (a pattern with
# a capital or an escape, which could differ, is left as it is).
_ANY_HINT_ASCII = (
    re.compile(ANY_HINT.pattern)
    if ANY_HINT.pattern == ANY_HINT.pattern.lower() and "\\" not in ANY_HINT.pattern
    else ANY_HINT
)
# Words of job titles in a byline ("Jane Doe, Senior Technology Editor"): what follows the name.
ROLE_WORDS = frozenset({
    "editor", "editors", "writer", "writers", "reporter", "reporters", "correspondent",
    "contributor", "contributors", "columnist", "staff", "producer", "analyst", "journalist",
    "senior", "associate", "deputy", "managing", "executive", "chief", "contributing",
    "freelance", "intern", "photographer", "critic", "director", "manager", "head", "lead",
    "founder", "co-founder", "ceo", "president", "professor", "editorial", "team", "desk",
})
# Between the names of a byline: commas, "and", "&", semicolons.
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)
MAX_AUTHOR_CHARS = 80  # longer "author" strings are sentences, not names
# Where a date starts after a name in a byline: "Jane Doe on Monday, 2 May", "Jane Doe, May 2".
DATE_AFTER_NAME = (
    r"(?:\s+on|,)?\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?,?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2})"
)
CDATA_MARKERS = re.compile(r"<!\[CDATA\[|\]\]>")
# A URL (in parentheses or not) inside a byline: "Jane Doe (https://example.org/jane)".
URL_IN_TEXT = re.compile(r"\(?\s*https?://\S+?\s*\)|https?://\S+")


@dataclass(slots=True)
class Metadata:
    """What the page says about its article; any field may be missing."""

    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    url: str | None = None
    description: str | None = None
    lang: str | None = None
    article_body: str | None = None  # JSON-LD articleBody, a cross-check for the extractor


def read_metadata(soup: BeautifulSoup) -> Metadata:
    """Read the page's metadata from structured data first, then from what a reader sees."""
    found = _collect(soup)
    meta = _meta_values(found.metas)
    ld = _json_ld_article(found.json_ld)
    doc_title = _clean(found.title.get_text()) if found.title else None
    h1 = found.h1_texts[0] if found.h1_texts else None
    site = _first(_ld_name(ld.get("publisher")), *(meta.get(k) for k in SITE_KEYS))
    title = page_title(_declared_title(ld, meta), doc_title, found.h1_texts, site)
    return Metadata(
        title=title,
        author=_resolve_author(found, ld, meta, site),
        published=resolve_date(
            meta,
            ld_published=_text(ld.get("datePublished")),
            ld_created=_text(ld.get("dateCreated")),
            ld_modified=_text(ld.get("dateModified")),
            date_props=found.date_props,
            times=found.times,
            chrome_times=found.chrome_times,
            date_lines=found.date_lines,
            h1=found.h1,
            canonical=found.canonical,
        ),
        site_name=site or site_from_title(doc_title, title or h1),
        url=_first(found.canonical, *(meta.get(k) for k in URL_KEYS)),
        description=_first(*(meta.get(k) for k in DESCRIPTION_KEYS), _text(ld.get("description"))),
        lang=_resolve_lang(found, meta),
        article_body=_text(ld.get("articleBody")),
    )


@dataclass(slots=True)
class _Found:
    """The elements metadata is read from, gathered in one walk over the tree."""

    metas: list[Tag] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    title: Tag | None = None
    h1: Tag | None = None
    h1_texts: list[str] = field(default_factory=list)  # every <h1>'s text, at most MAX_H1
    canonical: str | None = None
    lang: str | None = None
    author_props: list[Tag] = field(default_factory=list)
    rel_authors: list[Tag] = field(default_factory=list)
    date_props: list[Tag] = field(default_factory=list)
    date_lines: list[Tag] = field(default_factory=list)
    times: list[Tag] = field(default_factory=list)
    chrome_times: list[Tag] = field(default_factory=list)  # <time>s of stripped chrome
    bylines: list[Tag] = field(default_factory=list)
    meta_rows: list[Tag] = field(default_factory=list)


def _collect(soup: BeautifulSoup) -> _Found:
    """One iterative walk collecting every element a metadata rule looks at."""
    found = _Found()
    hint_kinds: dict[str, tuple[bool, bool, bool, bool] | None] = {}
    stack: list[tuple[Tag, bool]] = [(soup, False)]
    while stack:
        tag, aside = stack.pop()
        name = tag.name
        attrs = tag.attrs
        if name == "meta":
            found.metas.append(tag)
        elif name == "script":
            kind = attrs.get("type")
            if isinstance(kind, str) and "ld+json" in kind.lower():
                # get_text() skips script strings; the raw contents are the JSON.
                found.json_ld.append("".join(str(c) for c in tag.contents))
            continue
        elif name == "title" and found.title is None:
            found.title = tag
        elif name == "h1" and len(found.h1_texts) < MAX_H1:
            found.h1 = found.h1 or tag
            found.h1_texts.append(_clean(inline_text(tag)) or "")
        elif name == "time":
            if CHROME_TIME in attrs:
                found.chrome_times.append(tag)
                continue  # read for its date alone, never as a byline, date line or headline
            found.times.append(tag)
        elif name == "html" and found.lang is None:
            lang = attrs.get("lang") or attrs.get("xml:lang")
            found.lang = lang.strip() or None if isinstance(lang, str) else None
        if not attrs:
            stack.extend((c, aside) for c in reversed(tag.contents) if isinstance(c, Tag))
            continue
        rel = _attr(attrs, "rel").lower()
        if rel:
            href = attrs.get("href")
            if name == "link" and "canonical" in rel.split() and isinstance(href, str):
                if href.startswith(("http://", "https://")) and found.canonical is None:
                    found.canonical = href.strip()
            elif "author" in rel.split():
                found.rel_authors.append(tag)
        itemprop = _attr(attrs, "itemprop")
        if itemprop == "author":
            found.author_props.append(tag)
        elif itemprop == "datePublished":
            found.date_props.append(tag)
        hint = f"{_attr(attrs, 'class')} {_attr(attrs, 'id')}".strip()
        kinds = None
        if hint and not aside and name not in ("meta", "link", "html", "body", "head"):
            if hint not in hint_kinds:  # a page repeats its class names on many elements
                hint_kinds[hint] = _hint_kinds(hint)
            kinds = hint_kinds[hint]
        if kinds is not None:
            byline, meta_row, date_line, not_article = kinds
            if byline:
                found.bylines.append(tag)
            elif meta_row:
                found.meta_rows.append(tag)
            if date_line and len(found.date_lines) < MAX_DATE_LINES:
                found.date_lines.append(tag)
            aside = not_article
        stack.extend((c, aside) for c in reversed(tag.contents) if isinstance(c, Tag))
    return found


def _hint_kinds(hint: str) -> tuple[bool, bool, bool, bool] | None:
    """What an element's class/id hint says it is, by the hints above: (a byline, a meta row,
    a date line, not the article's), or None when no hint concerns it."""
    if not (_ANY_HINT_ASCII.search(hint.lower()) if hint.isascii() else ANY_HINT.search(hint)):
        return None
    return (
        bool(BYLINE_HINT.search(hint)) and not BYLINE_NOT.search(hint),
        bool(META_HINT.search(hint)),
        bool(DATE_HINT.search(hint)) and not DATE_NOT.search(hint),
        bool(NOT_ARTICLE_HINT.search(hint)),
    )


def _attr(attrs: dict[str, object], key: str) -> str:
    value = attrs.get(key)
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return value if isinstance(value, str) else ""


def clean_author(value: str | None, site: str | None = None) -> str | None:
    """A byline reduced to names: no "By ", no URL, no trailing date, no run-on text, no job
    titles ("Jane Doe, Senior Editor"), and not the site's own name."""
    if not value:
        return None
    value = URL_IN_TEXT.sub(" ", value)
    text = _clean(BYLINE_PREFIX.sub("", _clean(value) or ""))
    if not text or text.startswith(("http://", "https://", "@")) or "/" in text:
        return None
    text = re.split(r"\s*(?:\||•|·|\bupdated\b|\bpublished\b|\d{1,2}:\d{2})|" + DATE_AFTER_NAME,
                    text, maxsplit=1, flags=re.I)[0].strip(" ,;:-–—")
    text = _without_roles(text, site)
    if not text or len(text) > MAX_AUTHOR_CHARS or not re.search(r"[^\W\d_]{2}", text):
        return None
    return text


def _without_roles(text: str, site: str | None) -> str:
    """Drop job titles and the site's name from a list of names ("Jane Doe, Staff Writer,
    Chip Ledger and John Roe" -> "Jane Doe and John Roe"); a name's own words stay, and so does
    an organisation that is the only author."""
    parts = [p for p in AUTHOR_SEPARATORS.split(text) if p.strip()]
    names: list[str] = []
    changed = False
    for part in parts:
        words = part.split()
        # A role word after the name ends it ("Alaina Yee Senior Editor"); a part that starts
        # with one is only a title ("Senior Editor", "Staff").
        cut = next((i for i, w in enumerate(words) if w.casefold().strip(".") in ROLE_WORDS),
                   None)
        if cut is not None:
            words, changed = words[:cut], True
        if words:
            names.append(" ".join(words))
    if site and len(names) > 1:
        kept = [n for n in names if n.casefold() != site.casefold()]
        changed, names = changed or len(kept) < len(names), kept
    if not changed:
        return text  # the byline as written, separators and all
    if not names:
        return text  # only a title or a team ("Editorial Team"): still the stated author
    joiner = " and " if len(names) == 2 and re.search(r"\band\b|&", text) else ", "
    return joiner.join(names)


# --- sources -------------------------------------------------------------------------------------


def _meta_values(metas: list[Tag]) -> dict[str, str]:
    """First content of every <meta> key (name, property, itemprop; space-separated keys split)."""
    values: dict[str, str] = {}
    for tag in metas:
        content = tag.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            keys = tag.get(attr)
            if isinstance(keys, list):
                keys = " ".join(keys)
            for key in (keys or "").lower().split():
                values.setdefault(key, content.strip())
    return values


def _json_ld_objects(scripts: list[str]) -> Iterator[dict[str, object]]:
    """Every JSON object in the page's JSON-LD scripts, @graph and lists flattened."""
    for raw in scripts:
        # Some pages wrap the JSON in <![CDATA[ ]]> or comment markers: keep the outer brackets.
        raw = CDATA_MARKERS.sub("", raw)
        start = min((i for i in (raw.find("{"), raw.find("[")) if i >= 0), default=-1)
        end = max(raw.rfind("}"), raw.rfind("]"))
        if start < 0 or end < start:
            continue
        try:
            data = json.loads(raw[start : end + 1], strict=False)
        except (ValueError, RecursionError):  # broken JSON-LD is common; the page still counts
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list | dict):
                    stack.append(graph)


def _types(obj: dict[str, object]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _json_ld_article(scripts: list[str]) -> dict[str, object]:
    """The JSON-LD object describing the article (an Article type beats a WebPage)."""
    best: dict[str, object] = {}
    for obj in _json_ld_objects(scripts):
        kinds = _types(obj)
        if kinds & (ARTICLE_TYPES - PAGE_TYPES):
            return obj
        if kinds & PAGE_TYPES and not best:
            best = obj
    return best


def _declared_title(ld: dict[str, object], meta: dict[str, str]) -> str | None:
    """The JSON-LD headline or the first title <meta> key; a JSON-LD name when neither exists."""
    candidates = [_text(ld.get("headline")), *(meta.get(k) for k in TITLE_KEYS)]
    if not any(candidates):
        candidates.append(_text(ld.get("name")))
    return _first(*candidates)


def _resolve_author(
    found: _Found, ld: dict[str, object], meta: dict[str, str], site: str | None
) -> str | None:
    author = clean_author(_ld_name(ld.get("author")), site)
    if author:
        return author
    for key in AUTHOR_KEYS:
        author = clean_author(meta.get(key), site)
        if author:
            return author
    for tag in found.author_props[:5]:
        name = tag.find(attrs={"itemprop": "name"})
        source = name or tag
        content = source.get("content")
        author = clean_author(
            content if isinstance(content, str) else source.get_text(" "), site
        )
        if author:
            return author
    for tag in found.rel_authors[:5]:
        author = clean_author(tag.get_text(" "), site)
        if author:
            return author
    # JSON-LD "creator" is often the account that uploaded the page, hence last.
    return (
        _visible_byline(found.bylines[:10], site)
        or _meta_row_byline(found.meta_rows[:10], site)
        or clean_author(_ld_name(ld.get("creator")), site)
    )


def _meta_row_byline(tags: list[Tag], site: str | None) -> str | None:
    """'Posted by Jane Doe on 2 May 2024' in a meta row: the name after "by"."""
    for tag in tags:
        text = _clean(tag.get_text(" "))
        if not text or len(text) > 2 * MAX_AUTHOR_CHARS:
            continue
        match = META_BYLINE.match(text)
        author = clean_author(match.group(1), site) if match else None
        if author and len(author.split()) <= 8:
            return author
    return None


def _visible_byline(tags: list[Tag], site: str | None) -> str | None:
    """A 'By Jane Doe' line in an element whose class or id says byline/author."""
    for tag in tags:
        text = _clean(tag.get_text(" "))
        if not text or len(text) > 2 * MAX_AUTHOR_CHARS:
            continue
        inner = tag.find(class_=re.compile(r"name", re.I)) or tag.find("a")
        for candidate in (inner.get_text(" ") if inner else None, text):
            author = clean_author(candidate, site)
            if author and len(author.split()) <= 8:
                return author
    return None


def _resolve_lang(found: _Found, meta: dict[str, str]) -> str | None:
    if found.lang:
        return found.lang
    value = _first(*(meta.get(k) for k in LANG_KEYS))
    return value.replace("_", "-") if value else None


# --- helpers -------------------------------------------------------------------------------------


def _ld_name(value: object, depth: int = 0) -> str | None:
    """A name from a JSON-LD person/organisation: a string, an object with `name`, or a list.

    Depth is bounded: hostile JSON-LD can nest objects far deeper than any real page.
    """
    if isinstance(value, str):
        return value
    if depth >= MAX_LD_DEPTH:
        return None
    if isinstance(value, dict):
        return _ld_name(value.get("name"), depth + 1)
    if isinstance(value, list):
        names = [n for n in (_ld_name(v, depth + 1) for v in value[:10]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _text(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return value.strip() or None if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    """Whitespace collapsed and every HTML entity decoded, also entities escaped twice
    ("&amp;#8217;" in a meta tag is "&#8217;" after parsing, and a reader sees "’")."""
    if not value:
        return None
    for _ in range(MAX_UNESCAPES):
        if "&" not in value:
            break
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return collapse_whitespace(value) or None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return _clean(value)
    return None
