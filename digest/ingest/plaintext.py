"""Plain-text scrapes: the same Article as the HTML extractor, found by line-level rules.

A scrape is what a crawler saved of a page as text: the headline and body paragraphs surrounded
by the page's chrome (skip links, share and follow lines, disclosures, author boxes, prompts).
The rules below are data; `extract_text` applies them in one pass:

1. drop lines that are chrome wherever they stand (CHROME_LINES, menu-like lines);
2. the headline is the last title-like block before the first prose paragraph; byline and date
   lines around it are metadata, wherever a date line stands it is not body;
3. body paragraphs run until the first line that opens the trailing chrome (END_MARKERS);
4. the author and site name may also be read from the trailing chrome (author box, "You're
   reading SITE").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from digest.errors import ExtractionError
from digest.models import Article
from digest.text.dates import parse_date

# Lines that are page chrome wherever they appear; matched against the whole stripped line.
CHROME_LINES = tuple(
    re.compile(p, re.I)
    for p in (
        r"skip to (?:main )?content",  # accessibility skip link
        r"(?:advertisement|sponsored(?: content)?|ad|ads by \w+)",  # ad slot labels
        r"(?:share|share this(?: article| story| post)?|tweet|email|print|copy link):?",
        r"share on (?:facebook|twitter|x|linkedin|reddit|whatsapp)",
        r".*\bnotification icon\b.*",  # push-notification prompts
        r"(?:manage )?push notifications",
        r"we would like to show you notifications.*",
        r"you are subscribed to notifications.*",
        r"(?:allow|block|not now|no thanks|accept(?: all)?(?: cookies)?|reject all|got it)",
        r".*\b(?:we|this (?:site|website)) uses? cookies\b.*",  # cookie banners
        r".*\bcookies\b.*\b(?:partners|consent|your device|privacy)\b.*",
        r"we value your privacy",
        r"(?:turn on|get) notifi(?:cations|ed)\b.*",  # notification prompts
        r"we['’]d like to send you notifications.*",
        r"load (?:more )?comments.*",
        r".*\bcookie (?:policy|settings|preferences)\b.*",
        r".*\bsign up for (?:our|the) \w+ newsletter\b.*",
        r".*\bsubscribe to (?:our|the) (?:\w+ )?newsletter\b.*",
        r"(?:menu|search|home|log ?in|sign ?in|subscribe|close)",  # navigation words
        r"(?:image|photo|credit|source|via):.*",  # captions and credits
    )
)

# Lines that open the trailing chrome: the body ends at the first of them after the headline.
END_MARKERS = tuple(
    re.compile(p, re.I)
    for p in (
        r"follow\s+\w+.*",  # social follow line ("Follow Chance Threads, Bluesky...")
        r"ftc:.*",  # affiliate-link disclosure
        r".*\b(?:affiliate links?|commission on purchases)\b.*",
        r"(?:disclosure|affiliate notice):.*",
        r"share on \w+.*",
        r"you['’]re reading .*",  # the publication's self-promotion
        r"comments?(?:\s*\(\d+\))?",
        r"comments are (?:closed|disabled).*",
        r"(?:about the )?authors?",  # author box heading
        r"avatar for .*",
        r"(?:related|recommended|more|popular|trending|latest)"
        r"(?: stories| articles| posts| news| reading| from \w+| coverage)?:?",
        r"read (?:more|next):?.*",
        r"(?:tags|filed under|topics):.*",
        r"you (?:can|may) (?:send|also like).*",
    )
)

# A byline under the headline: "By Jane Doe", "By Jane Doe | December 4, 2024", "By Jane Doe and
# John Roe, Staff Writers".
BYLINE = re.compile(
    r"^by\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|la))+"
    r"(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+)?)",
    re.I,
)
# A name then a date: "Beatrix Holloway · Dec 20, 2024, 5:48 PM ET".
NAME_DATE_LINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*[·|•,—–-]\s*(?P<date>.+)$"
)
# A menu: three or more items separated by runs of spaces, pipes or bullets ("Chips  Licensing
# Devices  Opinion", "Home | News | Reviews"). Checked on the raw line, before spaces collapse.
MENU_LINE = re.compile(
    r"^\s*[^\s|•·]+(?:\s[^\s|•·]+)?(?:(?: {2,}|\s*[|•·]\s*)[^\s|•·]+(?:\s[^\s|•·]+)?){2,}\s*$"
)
# A date line: "Published December 5, 2024", "Updated: 2024-12-05 10:00", "December 5, 2024".
DATE_LINE = re.compile(r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?[\w ,.:/-]{6,40}$", re.I)
# Author box: "Avatar for Chance Miller Chance Miller" repeats the name after the alt text.
AVATAR_LINE = re.compile(r"^avatar for (?P<name>.+?)(?:\s+(?P=name))?$", re.I)
# Self-promotion names the publication: "You're reading 9to5Mac — experts who..."
SITE_LINE = re.compile(r"^you['’]re reading (?P<site>[^—–\-|:,.]+?)\s*(?:[—–\-|:,]|$)", re.I)
# Author box: a line with only a name, then a role line ("Senior Reporter, The Interconnect") or a
# bio that starts with the first name ("Rafael covers data centers...").
NAME_ONLY = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|la)){1,3}")
AUTHOR_ROLE_LINE = re.compile(
    r"^(?:senior |staff |contributing |chief |deputy |managing )*"
    r"(?:reporter|editor|writer|correspondent|columnist|analyst|editor-in-chief)\b"
    r"(?:.*?(?:,|\bat|\bfor)\s+(?P<site>[^,.]+))?",
    re.I,
)
COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<site>[^.|]+)", re.I)

# Thresholds for what a headline and a body paragraph look like.
HEADLINE_MAX_CHARS = 250
HEADLINE_MIN_WORDS = 3
PARAGRAPH_MIN_WORDS = 6  # shorter lines without end punctuation are chrome, not prose
PROSE_MIN_WORDS = 15  # a block this long ending like a sentence is body prose
SENTENCE_END = re.compile(r"[.!?…:;\"'”’)]$")


def extract_text(text: str, *, source: str, url: str | None = None) -> Article:
    """Extract headline, byline, date, site name and body paragraphs from a text scrape."""
    lines = [_clean(line) for line in text.splitlines()]
    blocks = _blocks(text.splitlines())
    kept = [b for b in blocks if not _is_chrome(b)]
    headline_at = _find_headline(kept)
    if headline_at is None:
        raise ExtractionError(source, "no headline found in the text")
    author: str | None = None
    published = None
    paragraphs: list[str] = []
    trailing: list[str] = []
    for i, block in enumerate(kept[headline_at + 1 :]):
        if any(m.fullmatch(block) for m in END_MARKERS):
            trailing = kept[headline_at + 1 + i :]
            break
        byline = _byline(block)
        if byline is not None and not paragraphs:
            name, date = byline
            author = author or name
            published = published or date
            continue
        if _is_date_line(block):
            published = published or parse_date(block)
            continue
        if _is_paragraph(block):
            paragraphs.append(block)
    if not paragraphs:
        raise ExtractionError(source, "no article paragraphs found in the text")
    chrome = trailing + [b for b in blocks if _is_chrome(b)]
    return Article(
        source=source,
        title=kept[headline_at],
        paragraphs=paragraphs,
        author=author or _author_from_chrome(trailing) or _author_from_box(lines),
        published=published,
        site_name=_site_from_chrome(chrome) or _site_from_box(lines),
        url=url,
    )


def _find_headline(blocks: list[str]) -> int | None:
    """The last title-like block before the first prose paragraph (mastheads, section names and
    menus come before the headline; bylines and dates come after it)."""
    first_prose = next((i for i, b in enumerate(blocks) if _is_prose(b)), len(blocks))
    candidates = [
        i
        for i, b in enumerate(blocks[:first_prose])
        if _is_headline(b) and _byline(b) is None and not _is_date_line(b)
    ]
    if candidates:
        return candidates[-1]
    return next((i for i, b in enumerate(blocks) if _is_headline(b)), None)


def _byline(block: str) -> tuple[str, dt.date | None] | None:
    """(author, date) from a byline block, or None."""
    if len(block) > 120:
        return None
    match = BYLINE.match(block)
    if match:
        return match.group("name").strip(), parse_date(block)
    match = NAME_DATE_LINE.match(block)
    if match and parse_date(match.group("date")):
        return match.group("name").strip(), parse_date(match.group("date"))
    return None


def _is_date_line(block: str) -> bool:
    return bool(DATE_LINE.fullmatch(block)) and parse_date(block) is not None


def _is_prose(block: str) -> bool:
    return len(block.split()) >= PROSE_MIN_WORDS and bool(SENTENCE_END.search(block))


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


def _blocks(lines: list[str]) -> list[str]:
    """Group lines into blocks separated by blank lines; chrome lines stand on their own."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = _clean(raw)
        standalone = _is_chrome(line) or any(m.fullmatch(line) for m in END_MARKERS)
        if not line or standalone or MENU_LINE.match(raw):
            if current:
                blocks.append(" ".join(current))
                current = []
            if standalone:
                blocks.append(line)
            continue
        current.append(line)
    if current:
        blocks.append(" ".join(current))
    return blocks


def _is_chrome(block: str) -> bool:
    return any(p.fullmatch(block) for p in CHROME_LINES)


def _is_headline(block: str) -> bool:
    words = block.split()
    return (
        len(block) <= HEADLINE_MAX_CHARS
        and len(words) >= HEADLINE_MIN_WORDS
        and not block.endswith((".", ",", ";"))
        and not BYLINE.match(block)
    )


def _is_paragraph(block: str) -> bool:
    return len(block.split()) >= PARAGRAPH_MIN_WORDS or bool(SENTENCE_END.search(block))


def _author_from_chrome(blocks: list[str]) -> str | None:
    for i, block in enumerate(blocks):
        avatar = AVATAR_LINE.match(block)
        if avatar:
            return avatar.group("name").strip()
        if re.fullmatch(r"(?:about the )?author", block, re.I) and i + 1 < len(blocks):
            candidate = blocks[i + 1]
            if re.fullmatch(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}", candidate):
                return candidate
    return None


def _author_box(lines: list[str]) -> tuple[str, str | None] | None:
    """(name, site or None) from an author box: a name line followed by a role or bio line."""
    nonempty = [line for line in lines if line]
    for name, following in reversed(list(itertools.pairwise(nonempty))):
        if not NAME_ONLY.fullmatch(name):
            continue
        role = AUTHOR_ROLE_LINE.match(following)
        if role:
            return name, (role.group("site") or "").strip() or None
        if following.startswith(name.split()[0] + " ") and len(following.split()) > 4:
            return name, None
    return None


def _author_from_box(lines: list[str]) -> str | None:
    box = _author_box(lines)
    return box[0] if box else None


def _site_from_box(lines: list[str]) -> str | None:
    box = _author_box(lines)
    return box[1] if box else None


def _site_from_chrome(blocks: list[str]) -> str | None:
    for pattern in (SITE_LINE, COPYRIGHT_LINE):
        for block in blocks:
            match = pattern.match(block)
            if match:
                site = match.group("site").strip()
                if 1 <= len(site.split()) <= 5:
                    return site
    return None
