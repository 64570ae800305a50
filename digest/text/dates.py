"""Publication dates as pages and scrapes write them, turned into datetime.date."""

from __future__ import annotations

import datetime as dt
import re

# Month and weekday names, lower case: the one table of them (dates here; datelines and bylines
# in digest.ingest; figures and speaker names in digest.editorial read it from here).
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
# Abbreviations of each month, in the same order ("may" has none; September has two).
MONTH_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",), ("jul",), ("aug",), ("sep", "sept"),
    ("oct",), ("nov",), ("dec",),
)
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Every way a month is written -> its number ("sept" -> 9).
MONTHS: dict[str, int] = {
    name: number
    for number, (full, short) in enumerate(zip(MONTH_NAMES, MONTH_ABBREVIATIONS, strict=True), 1)
    for name in (*short, full)
}
MONTH_WORDS: frozenset[str] = frozenset(MONTHS)
WEEKDAY_WORDS: frozenset[str] = frozenset((*WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS))
_MONTH = r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Ordered: the most explicit forms first.
DATE_PATTERNS = (
    # ISO 8601 and its variants: 2024-12-03, 2024-12-03T10:00:00Z, 2024/12/03
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    # December 3, 2024 / Dec. 3 2024 / December 3rd, 2024
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 3 December 2024 / 3rd Dec 2024
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    # 20241203 (compact ISO, as in some URLs and meta tags)
    re.compile(r"\b(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)\b"),
    # 09/25/2025 (US order, as CMS timestamps write it; 25/09/2025 is read day first, since no
    # month is 25; an ambiguous 03/04/2025 is read the US way)
    re.compile(r"(?<![\w/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
    # 25.09.2025 (day first, as most of Europe writes it)
    re.compile(r"(?<![\w.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
)
# A date in a URL path: /2024/12/03/, /2024-12-03-slug (a year and month alone say too little).
URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?=[/_.-]|$)"
)


def parse_date(text: str | None) -> dt.date | None:
    """The first date found in `text`, or None. Never raises."""
    if not text:
        return None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _date(match)
            if date is not None:
                return date
    return None


def parse_url_date(url: str | None) -> dt.date | None:
    """The date a URL's path states (/2024/12/03/slug), or None."""
    if not url:
        return None
    match = URL_DATE.search(url.split("?", 1)[0])
    return _date(match) if match else None


def _date(match: re.Match[str]) -> dt.date | None:
    """The date of a pattern match; numeric day and month swap when only that order is valid."""
    month, day, year = match.group("month"), int(match.group("day")), int(match.group("year"))
    number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    for m, d in ((number, day), (day, number) if month.isdigit() else (number, day)):
        try:
            return dt.date(year, m, d)
        except ValueError:
            continue
    return None
