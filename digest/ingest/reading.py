"""Reading input: bytes from a file, stdin or an http(s) URL, decoded to text and classified as
an HTML page or a plain-text scrape.

Every failure raises an InputError naming the input; nothing here writes anything.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from digest.errors import InputError, InputTooLarge
from digest.models import InputKind, RawInput
from digest.text.files import NotRegularFile, read_regular_file
from digest.text.urls import without_credentials

if TYPE_CHECKING:
    from digest.ingest.fetching import Resolver

# 10 MB: far above any real article page (the largest corpus page is about 1.5 MB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 15.0  # seconds for the whole fetch of a URL, redirects included

# Byte-order marks, longest first so UTF-32 is not mistaken for UTF-16.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">, looked for
# in the first bytes of the page as the HTML standard's prescan does.
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
PRESCAN_BYTES = 4096

# The most elements of a page that are parsed: 5 x the largest page of the corpora (about
# 10,000 elements); a page's tree costs about 1 KB an element, so this bounds the parse to a
# few tens of MB and about a second. START_TAG counts what the parser makes an element of.
MAX_ELEMENTS = 50_000
START_TAG = re.compile(r"<[A-Za-z]")

# HTML or a plain-text scrape: decided by whether the input is a markup document, never by a
# tag quoted somewhere in it (a scrape of an article about HTML quotes "<div>" and "<body>"; a
# scrape may open with the raw text of a tracking pixel's <noscript> tag).
# 1. A document that opens (after a byte-order mark and white space) with a doctype, an XML
#    declaration, a comment or an <html>, <head> or <body> tag is HTML.
DOCUMENT_OPENING = re.compile(r"<!doctype\s|<\?xml\s|<!--|<(?:html|head|body)[\s>]", re.I)
# 2. Otherwise HTML when markup is dense: at least MARKUP_LINE_SHARE of the non-blank lines
#    (scripts, style sheets and comments set aside) hold a tag, and the text opens with a tag or
#    has a line opening with an <html>/<body> tag (a stray line of text above the document).
#    Scrapes quoting markup stay under a third of their lines; an HTML fragment is markup on
#    nearly every line.
MARKUP_LINE_SHARE = 0.5
MARKUP_SAMPLE_CHARS = 20_000  # the start of the document that is looked at
NOT_TEXT_BLOCK = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)", re.S | re.I)
TAG = re.compile(r"<(?:[A-Za-z][\w:-]*(?:\s[^<>]*)?/?|/[A-Za-z][\w:-]*\s*)>")
DOCUMENT_TAG = re.compile(r"^[ \t]*<(?:html|body)[\s>]", re.I | re.M)

# Control characters that never occur in text (NUL and friends); a file with many is binary.
BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
BINARY_SAMPLE = 8192
BINARY_RATIO = 0.02

# UTF-16 without a BOM: at least UTF16_MIN_PAIRS byte pairs, NUL in one position of at least
# UTF16_NUL_SHARE of them (the high byte of Latin-script characters) and in at most
# UTF16_STRAY_SHARE of the other position.
UTF16_MIN_PAIRS = 8
UTF16_NUL_SHARE = 0.3
UTF16_STRAY_SHARE = 0.02

# Well-formed UTF-8 multi-byte sequences (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Damaged UTF-8: at least this many well-formed multi-byte sequences, and invalid bytes at most
# this share of them, or one (an 8-bit charset's text forms few well-formed sequences by chance
# and many invalid ones).
DAMAGED_UTF8_MIN_VALID = 3
DAMAGED_UTF8_MAX_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Limits that apply to reading one input."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    allow_private: bool = False  # allow loopback/private/link-local addresses (tests, intranets)
    resolver: Resolver | None = None  # host name -> addresses (None: the system's resolver)


def read_input(
    source: str, options: ReadOptions | None = None, *, stdin: BinaryIO | None = None
) -> RawInput:
    """Read `source` (a path, "-" for stdin, or an http(s) URL) and decode it."""
    options = options or ReadOptions()
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_capped(stream, options.max_bytes, source)
        return _decode(source, data, content_type=None, url=None)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        # imported here: the HTTP and TLS modules load only for a URL (the CLI's defaults above
        # come from this module, read by every `digest` command)
        from digest.ingest.fetching import FetchLimits, fetch_url

        limits = FetchLimits(
            options.timeout, options.max_bytes, options.allow_private, options.resolver
        )
        data, content_type, final_url = fetch_url(source, limits)
        shown = without_credentials(source)  # user:pass@ is never shown or stored
        return _decode(shown, data, content_type=content_type, url=final_url)
    return _decode(source, _read_file(source, options.max_bytes), content_type=None, url=None)


def _read_file(source: str, max_bytes: int) -> bytes:
    """A regular file's bytes; FIFOs, sockets and devices are refused before any read."""
    try:
        data = read_regular_file(source, max_bytes)
    except NotRegularFile as exc:
        if exc.kind == "a directory":
            raise InputError(source, "is a directory, not an article file") from None
        raise InputError(source, f"is {exc.kind}, not an article file") from None
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputTooLarge(source, f"larger than the {max_bytes:,}-byte limit")
    return data


def _read_capped(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(source, f"larger than the {max_bytes:,}-byte limit")
    return data


# --- decoding -------------------------------------------------------------------------------


def _decode(source: str, data: bytes, *, content_type: str | None, url: str | None) -> RawInput:
    if not data.strip():
        raise InputError(source, "is empty")
    text = decode_bytes(source, data, content_type)
    if not text.strip():
        raise InputError(source, "is empty")
    kind = detect_kind(text)
    if kind == "html":
        text = cap_elements(text)
    return RawInput(source=source, text=text, kind=kind, url=url)


def cap_elements(html: str, limit: int = MAX_ELEMENTS) -> str:
    """`html` cut just before its (`limit` + 1)th start tag: the parser then builds a tree of at
    most `limit` elements, whatever the page holds (memory and time stay bounded for a page of
    a million empty paragraphs that is still under the byte limit). The article, near the top
    of any real page, is kept; what follows the cut is not read."""
    for count, match in enumerate(START_TAG.finditer(html), start=1):
        if count > limit:
            return html[: match.start()]
    return html


def decode_bytes(source: str, data: bytes, content_type: str | None = None) -> str:
    """Decode by BOM, then declared charset (HTTP header, then <meta>), verified by a strict
    decode; then UTF-8; then detection. A declared charset that does not decode is ignored,
    since pages often mis-declare (cp1252 bytes labelled UTF-8)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(source, f"cannot decode as {encoding} despite its BOM") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _try_decode(data, utf16)
        if text is not None and not _looks_binary(text.encode("utf-8")):
            return text
    if _looks_binary(data):
        raise InputError(source, "looks like a binary file, not an article")
    for encoding in (_header_charset(content_type), _meta_charset(data), "utf-8"):
        if encoding:
            text = _try_decode(data, encoding)
            if text is not None:
                return text
    if _damaged_utf8(data):  # UTF-8 with a few broken bytes: not another encoding's text
        return data.decode("utf-8", errors="replace")
    from charset_normalizer import from_bytes  # only for bytes no declared charset fits

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        text = _try_decode(data, best.encoding)
        if text is not None:
            return text
    text = _try_decode(data, "cp1252")
    if text is not None:
        return text
    raise InputError(source, "cannot decode: not valid text in any known encoding")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the sample has NUL bytes in one byte position of the
    pairs and almost none in the other: Latin-script text in UTF-16 without a byte-order mark."""
    sample = data[: BINARY_SAMPLE - BINARY_SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < UTF16_MIN_PAIRS:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= UTF16_NUL_SHARE * pairs and even <= UTF16_STRAY_SHARE * pairs:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * pairs and odd <= UTF16_STRAY_SHARE * pairs:
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> bool:
    """True when the bytes are UTF-8 with a few invalid bytes (a cut or a stray byte): many
    well-formed multi-byte sequences, few invalid ones. Detection would pick an 8-bit charset
    for such bytes and turn every accented letter into two (mojibake); decoding as UTF-8 with
    U+FFFD for the broken bytes keeps the text."""
    valid = len(UTF8_MULTIBYTE.findall(data))
    if valid < DAMAGED_UTF8_MIN_VALID:
        return False
    broken = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return broken <= max(1, DAMAGED_UTF8_MAX_SHARE * valid)


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return None
    if codec == "iso8859-1":  # browsers treat latin-1 labels as windows-1252
        codec = "cp1252"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def _meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:PRESCAN_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    return len(BINARY_BYTES.findall(sample)) > BINARY_RATIO * len(sample)


def detect_kind(text: str) -> InputKind:
    """HTML when the input is a markup document (it opens like one, or markup is on most of its
    lines), otherwise a text scrape, whatever tags the scrape quotes."""
    head = text[:MARKUP_SAMPLE_CHARS].lstrip("\ufeff \t\r\n")
    if DOCUMENT_OPENING.match(head):
        return "html"
    lines = [x for x in NOT_TEXT_BLOCK.sub(" <x> ", head).splitlines() if x.strip()]
    tagged = sum(1 for x in lines if TAG.search(x))
    dense = bool(lines) and tagged >= MARKUP_LINE_SHARE * len(lines)
    if dense and (TAG.match(head) or DOCUMENT_TAG.search(head)):
        return "html"
    return "text"
