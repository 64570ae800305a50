"""Paragraph-level cleanup of the text an extraction pass emitted.

Phases, in order: boilerplate lines (`boilerplate.BOILERPLATE_TEXT`, `LEGAL_NOTICES`) go, a
press release's or wire story's trailing section (`boilerplate.TRAILING_SECTIONS`, "About
<company>") is cut to the end, the headline with any kicker above it and leading bylines and
datelines go; finally JSON-LD articleBody replaces the text when ours is much shorter.
Only `digest.ingest.extraction` calls this module; it sees plain strings, never the tree.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from digest.ingest import boilerplate as bp
from digest.ingest.metadata import Metadata
from digest.text.dates import parse_date
from digest.text.normalize import collapse_whitespace


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def clean_paragraphs(paragraphs: list[str], meta: Metadata) -> list[str]:
    """Drop boilerplate lines, the headline (and any kicker above it) and leading bylines."""
    kept = [
        text
        for text in paragraphs
        if (len(text) > bp.BOILERPLATE_TEXT_MAX_CHARS or not bp.BOILERPLATE_TEXT_RE.match(text))
        and (len(text) > bp.LEGAL_NOTICE_MAX_CHARS or not bp.LEGAL_NOTICE_RE.match(text))
    ]
    kept = _without_trailing_section(kept)
    kept = _without_author_bio(kept)
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


def _without_author_bio(paragraphs: list[str]) -> list[str]:
    """Drop an author's bio from the last paragraphs ("Jane Doe is a senior editor at ...")."""
    tail = max(len(paragraphs) - bp.AUTHOR_BIO_TAIL, 1)  # never the whole article
    return paragraphs[:tail] + [
        text for text in paragraphs[tail:]
        if len(text) > bp.AUTHOR_BIO_MAX_CHARS
        or not (bp.AUTHOR_BIO.match(text) and bp.AUTHOR_BIO_ROLES.search(text))
    ]


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


def check_against_json_ld(paragraphs: list[str], meta: Metadata) -> list[str]:
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
