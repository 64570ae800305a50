"""Publication dates of an HTML page: every place a page states one, in order of trust.

Structured data first (JSON-LD, <meta> keys), then microdata and <time>, elements whose class
names a date, short datelines next to the headline, and a date in the canonical URL's path; a
date labelled as an update, and modified-date keys, only when nothing states the publication.
Called by `digest.ingest.metadata` with the elements its walk collected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from bs4 import Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from digest.text.dates import parse_date, parse_url_date
from digest.text.normalize import collapse_whitespace

# <meta> keys (name / property / itemprop, lower-cased) of the publication date, most trusted
# first.
DATE_KEYS = ("article:published_time", "og:article:published_time", "article.published",
             "parsely-pub-date", "datepublished", "dc.date.issued", "dc.date", "dc:date",
             "dcterms.created", "dcterms.date", "sailthru.date", "pubdate", "publishdate",
             "publish-date", "date", "og:published_time", "article:published")
# Other <meta> keys that name a publication date ("w-published-date", "pub_date", "created"),
# read after DATE_KEYS; keys that name a later change are left to MODIFIED_KEYS.
PUBLISHED_KEY = re.compile(r"publish|pub[-_.]?date|created|release|issued", re.I)
NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|revis", re.I)
MODIFIED_KEY = re.compile(r"modif|updat", re.I)  # other keys naming a change's date
# Dates of the last change: used only when the page states no publication date.
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "og:article:modified_time",
                 "datemodified", "dcterms.modified", "dc.date.modified", "last-modified",
                 "modified")
MAX_DATE_TEXT = 80  # longer elements are not a date line...
# ...but a date-hinted element that starts with a label and a date is read up to this many
# characters ("Posted on April 13, 2023 Tags: ...").
MAX_DATE_LEAD = 40
MAX_DATE_LINES = 30  # date-hinted elements looked at, in page order
# A visible date line says which date it is: "Updated 3 May 2024" is a change, "Posted" or no
# label is the publication. Matched on the line and on the short label just before it.
PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published)\b", re.I)
UPDATED_LABEL = re.compile(r"\b(?:updated?|modified|edited|revised|refreshed)\b", re.I)
# Visible datelines are looked for among the strings around the first <h1>: this many after it
# (byline, date, dek) and before it (a kicker row above the headline).
DATELINE_AFTER_H1 = 80
DATELINE_BEFORE_H1 = 30
# A dateline is short and mostly date: at most this many characters besides the date itself
# ("Published: ", "By Jane Doe - ", "10:00 am EDT").
DATELINE_MAX_EXTRA = 40
MAX_LABEL = 30  # a dateless string this short just before a date line may be its label
# The attribute marking a <time> that extraction kept from stripped page chrome (an <aside>, a
# <footer>): a date of last resort, read only when nothing else on the page states one.
CHROME_TIME = "data-chrome-time"
_SKIPPED = (Comment, Declaration, Doctype, ProcessingInstruction)


def resolve_date(
    meta: dict[str, str],
    *,
    ld_published: str | None,
    ld_created: str | None,
    ld_modified: str | None,
    date_props: list[Tag],
    times: list[Tag],
    date_lines: list[Tag],
    chrome_times: list[Tag] = (),  # type: ignore[assignment]
    h1: Tag | None,
    canonical: str | None,
) -> dt.date | None:
    """The publication date from every place a page states one, most trusted first; the date of
    the last change only when no publication date is stated anywhere. `meta` maps <meta> keys
    to values; the tags are the page's datePublished microdata, <time> elements, elements whose
    class names a date, and its first <h1>; `chrome_times` are <time>s of page chrome (an
    <aside> beside the post), read only when nothing else states a date."""
    changed = [parse_date(v) for v in (ld_modified,
                                       *(meta.get(k) for k in MODIFIED_KEYS),
                                       *(v for k, v in meta.items() if MODIFIED_KEY.search(k)))]
    last_change = max((d for d in changed if d), default=None)
    modified: list[dt.date] = []
    structured = None
    for value in (ld_published, *(meta.get(k) for k in DATE_KEYS), ld_created,
                  *(v for k, v in meta.items()
                    if PUBLISHED_KEY.search(k) and not NOT_PUBLISHED_KEY.search(k))):
        date = parse_date(value)
        # A "publication" after the page's last change is a re-indexing stamp, not the date.
        if date and not (last_change and date > last_change):
            structured = date
            break
    marked = shown = None
    for tag in date_props[:3] + times[:5]:
        value = tag.get("content") or tag.get("datetime")
        printed = parse_date(tag.get_text(" "))
        # A machine-readable value that does not parse ("00:00-YY-DD-MM") leaves the text.
        date = (parse_date(value) if isinstance(value, str) else None) or printed
        if date and _labelled_updated(tag):
            modified.append(date)
        elif date:
            marked, shown = date, printed
            break
    visible = None
    labelled = False  # the visible date says it is the publication ("Published Apr 26, 2023")
    for tag in date_lines:
        text = collapse_whitespace(tag.get_text(" "))
        if len(text) > MAX_DATE_TEXT:
            text = text[:MAX_DATE_LEAD]
        if text:
            date = parse_date(text)
            if date and UPDATED_LABEL.search(text):
                modified.append(date)
            elif date:
                visible, labelled = date, bool(PUBLISHED_LABEL.search(text))
                break
    if visible is None:
        for date, updated in _visible_datelines(h1):
            if not updated:
                visible = date
                break
            modified.append(date)
    in_url = next((d for d in map(parse_url_date, (canonical, meta.get("og:url"))) if d),
                  None)
    date = structured or marked or visible or in_url
    if date is None:
        from_chrome = (parse_date(t.get("datetime") or t.get_text(" ")) for t in chrome_times[:1])
        return next(iter(modified), None) or last_change or next(from_chrome, None)
    if visible and labelled and visible < date:
        # A page showing its reader an earlier "Published" date than its metadata states was
        # re-stamped by its CMS; the reader's date is the publication.
        date = visible
    for local in (in_url, shown):
        if local and abs((local - date).days) == 1:
            # A timestamp converted to UTC can fall on the next or the previous day; the URL's
            # path and the date a <time> prints for the reader are the publisher's own dates.
            return local
    return date


def _labelled_updated(tag: Tag) -> bool:
    """A <time> whose text, or its short parent's, calls it an update ("Updated on ...")."""
    for node in (tag, tag.parent):
        if node is None:
            break
        text = node.get_text(" ")
        if len(text) <= MAX_DATE_TEXT and UPDATED_LABEL.search(text):
            return True
    return False


def _visible_datelines(h1: Tag | None) -> Iterator[tuple[dt.date, bool]]:
    """Short date-only lines next to the headline, as (date, labelled an update), nearest
    after the headline first, then the nearest before it."""
    if h1 is None:
        return
    after = h1.find_all_next(string=True, limit=DATELINE_AFTER_H1)
    before = h1.find_all_previous(string=True, limit=DATELINE_BEFORE_H1)
    for strings in (after, before):
        label = ""
        for string in strings:
            parent = string.parent
            if isinstance(string, _SKIPPED) or (
                parent is not None
                and (parent.name in ("script", "style") or CHROME_TIME in parent.attrs)
            ):
                continue
            text = collapse_whitespace(string)
            if not text:
                continue
            date = parse_date(text) if len(text) <= MAX_DATE_TEXT and _has_digit(text) else None
            if date and len(text) - len(_date_span(text)) <= DATELINE_MAX_EXTRA:
                yield date, bool(UPDATED_LABEL.search(text) or UPDATED_LABEL.search(label))
            # A short dateless string before a date is its label ("Last updated:" in its own
            # element); in the strings before the headline the order is reversed, so no label.
            label = text if strings is after and not date and len(text) <= MAX_LABEL else ""


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


_DATE_SPAN = re.compile(r"[\w.,/ -]*\d{4}")


def _date_span(text: str) -> str:
    """The longest run that could be the date itself (letters, digits, separators, a year)."""
    return max(_DATE_SPAN.findall(text), key=len, default="")
