"""The one slug function: any name or title -> lower-case ASCII words joined by hyphens.

Entry file names, entity pages and tag pages all take their slugs from here, so one name gives
one slug everywhere ("Sørensen" -> "sorensen", "SK hynix" -> "sk-hynix", "台積電" ->
"tai-ji-dian"). Letters of other scripts are transliterated (anyascii), not dropped.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Scripts written without spaces between words, one syllable a character (Unicode character
# name prefixes): each character's transliteration becomes a word of the slug of its own, so
# "台積電" gives "tai-ji-dian", not "taijidian".
SYLLABIC_SCRIPTS: tuple[str, ...] = (
    "CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA",
    "HANGUL SYLLABLE", "YI SYLLABLE",
)
_WORD = re.compile(r"[a-z0-9]+")


def transliterate(text: str) -> str:
    """ASCII for `text`, readable: letters of other scripts transliterated (anyascii), each
    syllable of a syllabic script set apart as a word."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(char)
            continue
        ascii_char = anyascii(char)
        if unicodedata.name(char, "").startswith(SYLLABIC_SCRIPTS):
            ascii_char = f" {ascii_char} "
        out.append(ascii_char)
    return "".join(out)


def slugify(text: str, *, max_chars: int | None = None, fallback: str = "") -> str:
    """Lower-case ASCII words of `text` joined by hyphens; with `max_chars`, cut at a word
    boundary to at most that many characters. `fallback` when no letter or digit is left."""
    slug = ""
    for word in _WORD.findall(transliterate(text).lower()):
        candidate = f"{slug}-{word}" if slug else word
        if max_chars is not None and len(candidate) > max_chars:
            break
        slug = candidate
    return slug or fallback
