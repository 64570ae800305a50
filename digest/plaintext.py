"""Plain-text scrapes: the same Article as the HTML extractor, found by line-level rules.

A scrape is what a crawler saved of a page as text: the headline and body paragraphs surrounded
by the page's chrome (skip links, share and follow lines, disclosures, author boxes, prompts).
The rules below are data; `extract_text` applies them in one pass:

1. drop lines that are chrome wherever they stand (CHROME_LINES);
2. the first title-like line is the headline; byline and date lines under it are metadata;
3. body paragraphs run until the first line that opens the trailing chrome (END_MARKERS);
4. the author and site name may also be read from the trailing chrome (author box, "You're
   reading SITE").
"""

from __future__ import annotations

import re

from digest.dates import parse_date
from digest.errors import ExtractionError
from digest.models import Article

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
        r"you['’]re reading .*",  # the publication's self-promotion
        r"comments?(?:\s*\(\d+\))?",
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
# A date line: "Published December 5, 2024", "Updated: 2024-12-05 10:00", "December 5, 2024".
DATE_LINE = re.compile(r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?[\w ,.:/-]{6,40}$", re.I)
# Author box: "Avatar for Chance Miller Chance Miller" repeats the name after the alt text.
AVATAR_LINE = re.compile(r"^avatar for (?P<name>.+?)(?:\s+(?P=name))?$", re.I)
# Self-promotion names the publication: "You're reading 9to5Mac — experts who..."
SITE_LINE = re.compile(r"^you['’]re reading (?P<site>[^—–\-|:,.]+?)\s*(?:[—–\-|:,]|$)", re.I)
COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<site>[^.|]+)", re.I)

# Thresholds for what a headline and a body paragraph look like.
HEADLINE_MAX_CHARS = 250
HEADLINE_MIN_WORDS = 3
PARAGRAPH_MIN_WORDS = 6  # shorter lines without end punctuation are chrome, not prose
SENTENCE_END = re.compile(r"[.!?…:;\"'”’)]$")


def extract_text(text: str, *, source: str, url: str | None = None) -> Article:
    """Extract headline, byline, date, site name and body paragraphs from a text scrape."""
    lines = [_clean(line) for line in text.splitlines()]
    blocks = _blocks(lines)
    kept = [b for b in blocks if not _is_chrome(b)]
    headline_at = next((i for i, b in enumerate(kept) if _is_headline(b)), None)
    if headline_at is None:
        raise ExtractionError(source, "no headline found in the text")
    title = kept[headline_at]
    author: str | None = None
    published = None
    paragraphs: list[str] = []
    trailing: list[str] = []
    for i, block in enumerate(kept[headline_at + 1 :]):
        if any(m.fullmatch(block) for m in END_MARKERS):
            trailing = kept[headline_at + 1 + i :]
            break
        if not paragraphs:
            byline = BYLINE.match(block)
            if byline and len(block) < 120:
                author = author or byline.group("name").strip()
                published = published or parse_date(block)
                continue
            if DATE_LINE.match(block) and parse_date(block):
                published = published or parse_date(block)
                continue
        if _is_paragraph(block):
            paragraphs.append(block)
    trailing_all = trailing + [b for b in blocks if _is_chrome(b)]
    if not paragraphs:
        raise ExtractionError(source, "no article paragraphs found in the text")
    return Article(
        source=source,
        title=title,
        paragraphs=paragraphs,
        author=author or _author_from_chrome(trailing),
        published=published,
        site_name=_site_from_chrome(trailing_all),
        url=url,
    )


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


def _blocks(lines: list[str]) -> list[str]:
    """Group lines into blocks separated by blank lines; chrome lines stand on their own."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        if _is_chrome(line) or any(m.fullmatch(line) for m in END_MARKERS):
            if current:
                blocks.append(" ".join(current))
                current = []
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


def _site_from_chrome(blocks: list[str]) -> str | None:
    for pattern in (SITE_LINE, COPYRIGHT_LINE):
        for block in blocks:
            match = pattern.match(block)
            if match:
                site = match.group("site").strip()
                if 1 <= len(site.split()) <= 5:
                    return site
    return None
