"""Author, date and site name of a plain-text scrape, read from the lines around the headline
(byline, dateline) and from the trailing chrome (author box, self-promotion, copyright line).

The rules are data below; `byline_and_date` and `site_and_author_from_chrome` apply them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from digest.ingest.lines import BYLINE, BYLINE_WORD_ONLY, WORD, Kind, Line, is_date_line
from digest.text.dates import MONTH_WORDS, WEEKDAY_NAMES, parse_date

# Where the byline and dateline sit: this many lines before the headline and after it (up to
# the first body paragraph plus a few lines, as some pages put the byline under the dek or the
# lead picture).
META_BEFORE = 3
META_AFTER = 12

# A name: two to four capitalised words, with the particles that names carry.
NAME = (
    r"[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|de|da|van|von|der|den|la|le|di|del|bin|al))+"
)
NAME_ONLY = re.compile(rf"{NAME}")
NAMES = re.compile(rf"(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)")
# A name then a date: "Beatrix Holloway · Dec 20, 2024, 5:48 PM ET".
NAME_DATE_LINE = re.compile(rf"^(?P<name>{NAME})\s*[·|•,—–-]\s*(?P<date>.+)$")
# ... or with only a space between: "Jane Doe December 18, 2025", "Jane Doe Published: 3 May
# 2025": the name ends where the date (or its "Published"/"Updated" label) starts.
DATE_START = re.compile(
    r"\s(?=(?:(?:published|updated|posted)\b:?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)))",
    re.I,
)
# What follows the name in a byline and is not the name: roles, outlets, dates, "and" lists of
# roles, reading times. The name ends at the first of these.
NAME_END = re.compile(
    r"\s*(?:[|·•,;—–(]|\s-\s|\bon\b|\bfor\b|\bat\b|\bin\b|\bupdated\b|\bpublished\b|\bposted\b|"
    r"\d).*$",
    re.I,
)
# Words that are never (part of) an author's name although they are capitalised in bylines.
NOT_NAME_WORDS = frozenset(
    [
        "staff", "editor", "editors", "writer", "reporter", "correspondent", "contributor",
        "contributing", "senior", "chief", "officer", "director", "head", "manager", "expert",
        "columnist", "analyst", "producer", "photographer", "founder", "ceo", "president",
        "updated", "published", "posted", "share", "follow", "subscribe", "advertisement",
        "article", "articles", "post", "posts", "blog", "blogs", "story", "stories", "policy",
        "privacy", "pricing", "newer", "older", "previous", "next", "menu", "search",
        "on", "at", "in", "for", "from", "read", "min", "minutes", "comments",
        # more roles, and the words of interface links that sit where a byline would
        "executive", "attorney", "lawyer", "contributions", "profile", "bio", "last", "view",
        "show", "sidebar", "toggle", "contact", "us", "login", "register", "rss", "newsletter",
        "social", "links", "link", "photos", "photo", "company", "careers", "written", "by",
        "reviewed", "edited", "sponsored",
        *(MONTH_WORDS - {"may"}), *WEEKDAY_NAMES,
    ]
)
BYLINE_PREFIX = re.compile(r"^(?:(?:written |words |posted )?by:?\s*(?=[A-Z])|author:?\s+)", re.I)
NAME_LIST_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b)\s*", re.I)
# What the page glued to a name where its elements had no space between them: a count or a
# time ("Associated Press5 days ago"), the next link's label ("Jane DoeCity Hall": a lower-case
# run, then a capitalised word), or a role ("Jane Doestaff").
GLUED_TO_NAME = re.compile(
    r"(?<=[A-Za-z])\d.*$|(?<=[a-z]{3})(?=[A-Z][a-z]{2}).*$|"
    r"(?<=[a-z]{3})(?:staff|writer|editor|reporter|contributor)\b.*$"
)
# A credential after a full name ("Jane Doe MS", "Jane Doe RDN"): capitals only, 2 to 5 letters.
CREDENTIAL = re.compile(r"^[A-Z]{2,5}\.?$")
# "By JANE DOEPUBLISHED": a meta word glued to the name where the page had no space.
GLUED_META = re.compile(
    r"(?<=[a-z])(?:(?i:published|updated|posted|long ?read|min read)|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)$"
)
# "0 · by Jane Doe · Updated ...": a byline inside a line of meta items.
INLINE_BYLINE = re.compile(rf"(?:^|[·|•,]\s*|\s)(?i:by)\s*:?\s+(?P<name>{NAME})")
INLINE_BYLINE_MAX_WORDS = 25
NAME_UNDER_HEADLINE = 3  # lines under the headline where a bare name is its byline
# What follows a name in a byline without "By": a separator, then the outlet, role or handle.
NAME_TAIL = re.compile(r"\s*[•·|/@—–]")
# ... or the role itself: "Jane Doe Senior Writer".
ROLE_TAIL = re.compile(
    rf"^(?P<name>{NAME}?)\s+(?:senior |staff |contributing |chief |deputy |managing )*"
    r"(?:reporter|editor|writer|correspondent|columnist|analyst|contributor|producer)\b",
    re.I,
)
# A name in capitals, then the outlet in mixed case: "JANE DOE Fabline Daily".
CAPITALS_NAME_THEN_OUTLET = re.compile(
    r"^(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,2}) (?=[A-Z][a-z])"
)
# A dateline then the name: "Aug 12, 2021 / Jane Doe".
DATE_NAME_LINE = re.compile(rf"^(?P<date>.+?)\s*[·|•/—–]\s*(?:by\s+)?(?P<name>{NAME})$", re.I)

# A year glued to what follows it, where the page set the date and the time (or the next
# date, or a label) in separate elements: "Dec 23, 202310:30 AM", "June 29, 2020November 12".
GLUED_YEAR = re.compile(
    r"(\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)(?=[\dA-Za-z])",
    re.I,
)

# A line of meta items holding a date: it opens with the date (after "Published", "Posted on",
# "On", a weekday) or sets the date apart with separators ("Jane Doe · Dec 2, 2025 · Chips").
META_LINE = re.compile(
    r"^(?:(?:first |last )?(?:published|posted|updated|modified|date)d?\b[\s:]*(?:on\b)?"
    r"[\s:]*|on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,4}[\s./-])"
    r"|(?:^|\s)[·|•●/]\s*(?:\w+:?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d|\d{1,2}\s+[a-z]{3,9}\s+\d{4})",
    re.I,
)

# Published beats updated: a dateline that says it was published or posted is preferred.
PUBLISHED_WORDS = re.compile(r"\b(?:published|posted|first published|created|on)\b", re.I)
UPDATED_WORDS = re.compile(r"\b(?:updated|modified|last updated|edited)\b", re.I)

# Trailing chrome.
AVATAR_LINE = re.compile(r"^avatar for (?P<name>.+?)(?:\s+(?P=name))?$", re.I)
SITE_LINE = re.compile(r"^you['’]re reading (?P<site>[^—–\-|:,.]+?)\s*(?:[—–\-|:,]|$)", re.I)
AUTHOR_ROLE_LINE = re.compile(
    r"^(?:senior |staff |contributing |chief |deputy |managing )*"
    r"(?:reporter|editor|writer|correspondent|columnist|analyst|editor-in-chief)\b"
    r"(?:.*?(?:,|\bat|\bfor)\s+(?P<site>[^,.]+))?",
    re.I,
)
COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<site>[^.|]+)", re.I)
ABOUT_AUTHOR = re.compile(r"(?:about the )?authors?:?", re.I)


def scrape_date(text: str) -> dt.date | None:
    """The first date in a scrape's line, a year glued to what follows it set apart."""
    return parse_date(GLUED_YEAR.sub(r"\1 ", text))


def lowercase_words(lines: list[Line]) -> frozenset[str]:
    """The words that the prose of `lines` writes in lower case (names never are)."""
    words: set[str] = set()
    for x in lines:
        if x.kind is Kind.PROSE:
            words.update(filter(str.islower, WORD.findall(x.text)))
    return frozenset(words)


def byline_and_date(
    lines: list[Line], headline: int | None, body_start: int, body_end: int
) -> tuple[str | None, dt.date | None]:
    """The author and publication date stated around the headline; the author also from the
    first byline anywhere above the body's end when none is near the headline."""
    anchor = headline if headline is not None else body_start
    lo = max(0, anchor - META_BEFORE)
    hi = min(len(lines), max(anchor + META_AFTER, body_start + 3))
    window = [line for line in lines[lo:hi] if line.index != headline]
    body_lower = lowercase_words(lines[body_start:body_end])
    author = _author(window, body_lower)
    if author is None and headline is not None:
        author = _name_under_headline(lines, headline, body_start, body_lower)
    if author is None:  # far from the headline: only a full name the body does not use as words
        author = _byline_author([x for x in lines[:body_end] if x.kind is Kind.BYLINE])
        if author and (len(author.split()) < 2 or not is_plain_name(author, body_lower)):
            author = None
    return author, _date(window)


def _name_under_headline(
    lines: list[Line], headline: int, body_start: int, body_lower: frozenset[str]
) -> str | None:
    """A byline without "By" within a few lines under the headline and above the body: a line
    that is only a name, or a name followed by its outlet, role or handle after a separator
    ("Jane Doe • Outlet", "Jane Doe | Outlet", "Jane Doe@handle") or by a role ("Jane Doe
    Senior Writer"), a name in capitals before its outlet ("JANE DOE Fabline Daily"), with what
    the page glued to it cut off."""
    for line in lines[headline + 1 : min(headline + 1 + NAME_UNDER_HEADLINE, body_start)]:
        if line.kind is Kind.MENU:
            continue
        text = GLUED_TO_NAME.sub("", line.text)
        capitals = CAPITALS_NAME_THEN_OUTLET.match(text)
        if capitals:
            text = capitals.group("name").title()
        head = NAME_TAIL.split(text, maxsplit=1)[0].strip()
        role = ROLE_TAIL.match(text)
        if role and not is_plain_name(head, body_lower):
            head = role.group("name")
        if is_plain_name(head, body_lower):
            name = clean_name(head)
            if name:
                return name
    return None


def _byline_author(window: list[Line]) -> str | None:
    for i, line in enumerate(window):
        if line.kind is not Kind.BYLINE and not BYLINE.match(line.text):
            continue
        if BYLINE_WORD_ONLY.match(line.text):
            following = window[i + 1].text if i + 1 < len(window) else ""
            name = clean_name(following)
        else:
            match = BYLINE.match(line.text)
            name = clean_name(match.group("name")) if match else None
        if name:
            return name
    return None


def _author(window: list[Line], body_lower: frozenset[str]) -> str | None:
    name = _byline_author(window)
    if name:
        return name
    for line in window:  # "May 2, 2025 by Jane Doe", "0 · by Jane Doe · Updated on ...":
        meta = line.kind in (Kind.DATE, Kind.BYLINE) or parse_date(line.text) is not None
        match = INLINE_BYLINE.search(line.text) if meta else None  # a byline in a meta line
        if match and line.words <= INLINE_BYLINE_MAX_WORDS:
            name = clean_name(match.group("name"))
            if name:
                return name
    for line in window:
        match = NAME_DATE_LINE.match(line.text)
        start = DATE_START.search(line.text)
        head = match.group("name") if match else line.text[: start.start()] if start else ""
        tail = match.group("date") if match else line.text[start.start() :] if start else ""
        if head and scrape_date(tail) and len(line.text) <= 120 and is_plain_name(head, body_lower):
            name = clean_name(head)
            if name:
                return name
    for line in window:
        match = DATE_NAME_LINE.match(line.text)
        if (
            match
            and parse_date(match.group("date"))
            and len(line.text) <= 120
            and is_plain_name(match.group("name"), body_lower)
        ):
            name = clean_name(match.group("name"))
            if name:
                return name
    # A lone name line next to a dateline.
    for i, line in enumerate(window):
        if is_plain_name(line.text, body_lower) and clean_name(line.text):
            neighbours = window[max(0, i - 1) : i] + window[i + 1 : i + 2]
            if any(n.kind is Kind.DATE for n in neighbours):
                return clean_name(line.text)
    return None


def clean_name(text: str) -> str | None:
    """The name(s) from the text of a byline: roles, outlets and dates cut off; None when what is
    left does not look like a name."""
    text = GLUED_TO_NAME.sub("", BYLINE_PREFIX.sub("", text.strip()))
    credentials = not text.isupper()  # in a byline in capitals, every word looks like one
    if text.isupper():  # a transformed byline ("By JANE DOE") reads better in title case
        text = GLUED_TO_NAME.sub("", text.title())
    match = NAMES.match(text)
    text = match.group("names") if match else NAME_END.sub("", text)
    kept: list[str] = []
    for part in NAME_LIST_SEPARATOR.split(text):
        words = GLUED_META.sub("", part.strip(" ,;:-–—")).split()
        while credentials and len(words) > (2 if not kept else 0) and CREDENTIAL.match(words[-1]):
            words.pop()  # "Jane Doe MS", or a part that is only a credential: ", RDN"
        cut = next((i for i, w in enumerate(words) if w.lower().strip(".") in NOT_NAME_WORDS), None)
        if cut is not None:  # a role or a date starts here: the names are over
            if cut and not kept:  # ("Jane Doe Senior Writer"; a later part is a role phrase)
                kept.append(" ".join(words[:cut]))
            break
        if words:
            kept.append(" ".join(words))
    text = ", ".join(kept)  # a list of authors, as the corpora's references write it
    words = text.split()
    if not 1 <= len(words) <= 12 or not words[0][:1].isupper():
        return None
    return text


def is_plain_name(text: str, body_lower: frozenset[str]) -> bool:
    """A bare line that is a person's name: capitalised words, none of which the body uses in
    lower case (a category such as "Machine Learning" is written lower case in running text)."""
    if not NAME_ONLY.fullmatch(text) or len(text.split()) > 4:
        return False
    words = [w.lower() for w in WORD.findall(text)]
    return not any(w in body_lower or w in NOT_NAME_WORDS for w in words)


def _date(window: list[Line]) -> dt.date | None:
    published: dt.date | None = None
    updated: dt.date | None = None
    for line in window:
        if not (
            line.kind in (Kind.DATE, Kind.BYLINE)
            or is_date_line(line.text)
            or (line.words <= INLINE_BYLINE_MAX_WORDS and META_LINE.search(line.text))
        ):
            continue
        date = scrape_date(line.text)
        if date is None:
            continue
        if UPDATED_WORDS.search(line.text) and not PUBLISHED_WORDS.search(line.text):
            updated = updated or date
        else:
            published = published or date
    return published or updated


def first_date(lines: list[Line]) -> dt.date | None:
    """The first dateline anywhere in `lines` (a fallback when none is near the headline)."""
    for line in lines:
        if line.kind is Kind.DATE:
            date = scrape_date(line.text)
            if date:
                return date
    return None


# --- trailing chrome --------------------------------------------------------------------------


def author_from_chrome(lines: list[str], body_lower: frozenset[str] = frozenset()) -> str | None:
    """An author named in an author box: "Avatar for NAME", or a name under "About the author",
    or a name line followed by a role or a bio that starts with the first name (a name whose
    words the body never writes in lower case)."""
    for i, line in enumerate(lines):
        avatar = AVATAR_LINE.match(line)
        if avatar:
            return avatar.group("name").strip()
        if ABOUT_AUTHOR.fullmatch(line) and i + 1 < len(lines):
            candidate = lines[i + 1]
            if is_plain_name(candidate, body_lower):
                return candidate
    box = _author_box(lines)
    return box[0] if box and is_plain_name(box[0], body_lower) else None


def site_from_chrome(lines: list[str]) -> str | None:
    """The publication's name from its self-promotion, copyright line or an author's role."""
    for pattern in (SITE_LINE, COPYRIGHT_LINE):
        for line in lines:
            match = pattern.match(line)
            if match:
                site = match.group("site").strip()
                if 1 <= len(site.split()) <= 5:
                    return site
    box = _author_box(lines)
    return box[1] if box else None


def _author_box(lines: list[str]) -> tuple[str, str | None] | None:
    """(name, site or None) from an author box: a name line followed by a role or bio line."""
    for name, following in reversed(list(itertools.pairwise(lines))):
        if not NAME_ONLY.fullmatch(name) or len(name.split()) > 4:
            continue
        role = AUTHOR_ROLE_LINE.match(following)
        if role:
            return name, (role.group("site") or "").strip() or None
        if following.startswith(name.split()[0] + " ") and len(following.split()) > 4:
            return name, None
    return None
