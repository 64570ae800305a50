"""Publication dates as pages and scrapes write them, turned into datetime.date."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
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
)


def parse_date(text: str | None) -> dt.date | None:
    """The first date found in `text`, or None. Never raises."""
    if not text:
        return None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            try:
                return dt.date(int(match.group("year")), number, int(match.group("day")))
            except ValueError:
                continue
    return None
