"""Reading and decoding rules (digest/ingest/reading.py), one test each: which error names which
input, the size caps at their boundary, the order of charset evidence (BOM, HTTP header,
<meta>, UTF-8, damaged UTF-8, detection), UTF-16 without a BOM, binary files, the element cap
and the HTML/text decision. Messages are compared whole: the CLI prints them as they are."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from digest.errors import InputError
from digest.ingest.reading import (
    ReadOptions,
    cap_elements,
    decode_bytes,
    detect_kind,
    read_input,
)


def error(call: Callable[[], object]) -> tuple[str, str | None, str]:
    with pytest.raises(InputError) as info:
        call()
    return type(info.value).__name__, info.value.source, info.value.message


# --- which input, which error ----------------------------------------------------------------

def test_directory(tmp_path: Path) -> None:
    assert error(lambda: read_input(str(tmp_path))) == (
        "InputError", str(tmp_path), "is a directory, not an article file")


def test_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert error(lambda: read_input(str(fifo))) == (
        "InputError", str(fifo), "is a FIFO (named pipe), not an article file")


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "absent.html")
    assert error(lambda: read_input(path)) == ("InputError", path, "no such file")


def test_unreadable_file_names_the_system_error() -> None:
    path = "/proc/self/mem"  # a regular file whose read fails (EIO)
    assert error(lambda: read_input(path)) == ("InputError", path,
                                                "cannot read: Input/output error")


def test_file_size_cap_at_its_boundary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"0123456789")
    assert read_input(str(path), ReadOptions(max_bytes=10)).text == "0123456789"
    path.write_bytes(b"0123456789A")
    assert error(lambda: read_input(str(path), ReadOptions(max_bytes=10))) == (
        "InputTooLarge", str(path), "larger than the 10-byte limit")


def test_stdin_size_cap_at_its_boundary() -> None:
    raw = read_input("-", ReadOptions(max_bytes=10), stdin=io.BytesIO(b"0123456789"))
    assert (raw.source, raw.text) == ("-", "0123456789")
    assert error(lambda: read_input("-", ReadOptions(max_bytes=10),
                                    stdin=io.BytesIO(b"0123456789A"))) == (
        "InputTooLarge", "-", "larger than the 10-byte limit")


@pytest.mark.parametrize("data", [pytest.param(b"  \n\t ", id="blank"),
                                  pytest.param(b"\xef\xbb\xbf", id="bom-only"),
                                  pytest.param(b"\xef\xbb\xbf \n", id="bom-and-blank")])
def test_empty_input(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert error(lambda: read_input(str(path))) == ("InputError", str(path), "is empty")


def test_bom_that_does_not_decode() -> None:
    assert error(lambda: decode_bytes("s", b"\xef\xbb\xbfcaf\xe9")) == (
        "InputError", "s", "cannot decode as utf-8 despite its BOM")


def test_url_scheme_in_capitals_is_a_url(http_server) -> None:  # type: ignore[no-untyped-def]
    base = http_server({"/a": (200, {"Content-Type": "text/plain"}, b"Fab opens.")})
    raw = read_input(base.replace("http://", "HTTP://") + "/a",
                     ReadOptions(allow_private=True, timeout=5))
    assert raw.text == "Fab opens."


def test_http_header_charset_decodes_a_fetched_page(http_server) -> None:  # type: ignore[no-untyped-def]
    headers = {"Content-Type": "text/plain; charset=windows-1252"}
    base = http_server({"/a": (200, headers, b"caf\xc3\xa9")})
    assert read_input(base + "/a", ReadOptions(allow_private=True, timeout=5)).text == "cafÃ©"


# --- charset evidence, in order ------------------------------------------------------------
# b"caf\xc3\xa9" is "café" in UTF-8 and "cafÃ©" in windows-1252: which one comes out says
# which evidence won.
AMBIGUOUS = b"caf\xc3\xa9"


def test_without_a_declaration_utf8_wins() -> None:
    assert decode_bytes("s", AMBIGUOUS) == "café"


@pytest.mark.parametrize("header", ["text/html; charset=windows-1252",
                                    "text/html; CHARSET=WINDOWS-1252",
                                    "text/html;charset='windows-1252'"])
def test_header_charset_wins_over_utf8(header: str) -> None:
    assert decode_bytes("s", AMBIGUOUS, header) == "cafÃ©"


def test_meta_charset_wins_over_utf8() -> None:
    page = b'<meta charset="windows-1252">' + AMBIGUOUS
    assert decode_bytes("s", page) == '<meta charset="windows-1252">cafÃ©'


def test_header_wins_over_meta() -> None:
    page = b'<meta charset="windows-1252">' + AMBIGUOUS
    assert decode_bytes("s", page, "text/html; charset=utf-8").endswith("café")


def test_latin1_label_decodes_as_windows_1252() -> None:
    assert decode_bytes("s", b"Price: \x80 5", "text/plain; charset=iso-8859-1") == "Price: € 5"


def test_declared_charset_that_does_not_decode_is_ignored() -> None:
    assert decode_bytes("s", "café".encode(), "text/html; charset=us-ascii") == "café"


def test_detection_finds_an_8_bit_cyrillic_page() -> None:
    text = ("Завод начнёт выпуск чипов для автомобилей весной, на год позже, чем планировалось. "
            "Руководство объяснило задержку нехваткой оборудования для литографии. ") * 3
    assert decode_bytes("s", text.encode("cp1251")) == text


# --- damaged UTF-8 ------------------------------------------------------------------------------

def test_few_broken_bytes_in_utf8_are_replaced() -> None:
    """DAMAGED_UTF8_MIN_VALID well-formed sequences and one broken byte: still UTF-8."""
    data = "café naïve à ".encode() + b"\xff"
    assert decode_bytes("s", data) == "café naïve à \ufffd"


def test_replacement_characters_already_in_the_text_are_not_broken_bytes() -> None:
    data = "café naïve à \ufffd\ufffd\ufffd ".encode() + b"\xff"
    assert decode_bytes("s", data) == "café naïve à \ufffd\ufffd\ufffd \ufffd"


def test_two_broken_bytes_among_few_valid_is_not_utf8() -> None:
    data = "café naïve à ".encode() + b"\xff \xfe"
    assert "\ufffd" not in decode_bytes("s", data)


def test_broken_share_grows_with_the_text() -> None:
    """DAMAGED_UTF8_MAX_SHARE: 2 broken bytes among 40 valid sequences are a cut, not a
    different charset."""
    data = ("é" * 40).encode() + b" \xff \xfe"
    assert decode_bytes("s", data) == "é" * 40 + " \ufffd \ufffd"


# --- UTF-16 without a BOM ----------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str) -> None:
    text = "The foundry opens its second plant in the spring."
    assert decode_bytes("s", text.encode(codec)) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_at_the_minimum_nul_share(codec: str) -> None:
    """UTF16_NUL_SHARE: 3 NUL bytes in 10 pairs (ASCII letters among CJK ones) is enough."""
    text = "a中中b中中c中中中"
    assert decode_bytes("s", text.encode(codec)) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_one_stray_nul_in_fifty_pairs(codec: str) -> None:
    """UTF16_STRAY_SHARE: one NUL in the other byte position of 50 pairs is allowed."""
    text = "abcdefghijklmnopqrst" + "Ā" + "中" * 29
    assert decode_bytes("s", text.encode(codec)) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_needs_the_nul_share(codec: str) -> None:
    """Below UTF16_NUL_SHARE the NUL bytes make the input binary, not UTF-16."""
    data = ("a" + "中" * 19).encode(codec)
    assert error(lambda: decode_bytes("s", data)) == (
        "InputError", "s", "looks like a binary file, not an article")


def test_utf16_minimum_length() -> None:
    """UTF16_MIN_PAIRS pairs are enough to tell."""
    assert decode_bytes("s", "abcdefgh".encode("utf-16-le")) == "abcdefgh"


def test_utf16_share_counts_whole_pairs_of_an_odd_length_input() -> None:
    data = "a中中b中中c中中中".encode("utf-16-le") + b"x"  # 21 bytes: 10 whole pairs
    assert error(lambda: decode_bytes("s", data))[2] == "looks like a binary file, not an article"


def test_truncated_utf16_is_binary() -> None:
    data = "hello world!".encode("utf-16-le")[:-1]
    assert error(lambda: decode_bytes("s", data)) == (
        "InputError", "s", "looks like a binary file, not an article")


# --- binary files ---------------------------------------------------------------------------

def test_a_nul_byte_makes_a_file_binary() -> None:
    data = b"plain text " * 100 + b"\x00" + b"more text " * 100
    assert error(lambda: decode_bytes("s", data)) == (
        "InputError", "s", "looks like a binary file, not an article")


def test_control_bytes_up_to_the_binary_ratio_are_text() -> None:
    """BINARY_RATIO: 2 control bytes in 100 is still text; 3 is binary."""
    assert decode_bytes("s", b"\x01\x01" + b"a" * 98).endswith("a" * 98)
    assert error(lambda: decode_bytes("s", b"\x01\x01\x01" + b"a" * 97))[2] == (
        "looks like a binary file, not an article")


# --- element cap and kind ------------------------------------------------------------------

def test_cap_elements_keeps_exactly_the_limit() -> None:
    assert cap_elements("<p>a<p>b<p>c", 2) == "<p>a<p>b"
    assert cap_elements("<p>a<p>b", 2) == "<p>a<p>b"
    assert cap_elements("<p>a</p> 1 < 2", 1) == "<p>a</p> 1 < 2"  # end tags and "< " not counted


def test_a_tag_after_a_line_of_text_is_quoted_not_a_markup_document() -> None:
    assert detect_kind("x" * 4990 + "<p>text</p>") == "text"
    assert detect_kind("<p>text</p>" + "x" * 4990) == "html"


def test_a_text_scrape_is_never_cut(tmp_path: Path) -> None:
    text = "Lines that mention <a tags like <b and <i in a scrape.\n" * 3
    path = tmp_path / "scrape.txt"
    path.write_text(text, encoding="utf-8")
    raw = read_input(str(path))
    assert (raw.kind, raw.text) == ("text", text)


class _EndlessStream:
    """A stdin that never ends: reading it whole would never return."""

    def read(self, size: int | None = -1) -> bytes:
        assert size is not None and size >= 0, "read the whole stream"
        return b"x" * size


def test_stdin_is_read_only_up_to_the_cap() -> None:
    assert error(lambda: read_input("-", ReadOptions(max_bytes=10),
                                    stdin=_EndlessStream())) == (  # type: ignore[arg-type]
        "InputTooLarge", "-", "larger than the 10-byte limit")


def test_only_html_is_cut_at_the_element_cap(tmp_path: Path) -> None:
    """MAX_ELEMENTS: a page with more start tags is cut before the first one over; a text
    scrape (no HTML marker in its first 5,000 characters) is never cut, whatever it holds."""
    from digest.ingest.reading import MAX_ELEMENTS

    page = tmp_path / "page.html"
    page.write_text("<p>x" * (MAX_ELEMENTS + 5), encoding="utf-8")
    assert read_input(str(page)).text == "<p>x" * MAX_ELEMENTS
    scrape = tmp_path / "scrape.txt"
    text = "y" * 5000 + "<p>x" * (MAX_ELEMENTS + 5)
    scrape.write_text(text, encoding="utf-8")
    assert read_input(str(scrape)).text == text


def test_a_scrape_opening_with_a_tag_is_text_when_few_lines_have_markup() -> None:
    """MARKUP_LINE_SHARE: markup on at least half of the lines makes a fragment HTML."""
    lines = ["<b>Breaking</b>", "Line one of the story.", "Line two of it.", "Line three."]
    assert detect_kind("\n".join(lines)) == "text"  # one line of four
    assert detect_kind("\n".join(["<b>A</b>", "<i>B</i>", "C", "D"])) == "html"  # two of four
