"""Reading input: files, stdin, loopback URLs, decoding and the errors for bad input."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest

from digest.errors import FetchError, InputError, InputTooLarge
from digest.ingest.reading import ReadOptions, decode_bytes, detect_kind, read_input

LOOPBACK = ReadOptions(allow_private=True, timeout=5)
PAGE = "<!doctype html><html><head><title>T</title></head><body><p>Wafer news.</p></body></html>"


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        pytest.param("Die “shot” — 3nm".encode(), None, "Die “shot” — 3nm", id="utf8-plain"),
        pytest.param(
            '<meta charset="windows-1252"><p>Die “shot” — 3nm</p>'.encode("cp1252"),
            None,
            '<meta charset="windows-1252"><p>Die “shot” — 3nm</p>',
            id="meta-cp1252",
        ),
        pytest.param(
            '<meta charset="utf-8"><p>caf\u00e9 “x”</p>'.encode("cp1252"),
            None,
            '<meta charset="utf-8"><p>caf\u00e9 “x”</p>',
            id="cp1252-mislabelled-utf8",
        ),
        pytest.param(
            "<p>半導体の微細化</p>".encode("shift_jis"),
            "text/html; charset=Shift_JIS",
            "<p>半導体の微細化</p>",
            id="shift-jis-header",
        ),
        pytest.param(
            "\ufeff<p>UTF-16 page</p>".encode("utf-16-le"),
            None,
            "<p>UTF-16 page</p>",
            id="utf16-bom",
        ),
        pytest.param("\ufeffHello".encode(), None, "Hello", id="utf8-bom-dropped"),
    ],
)
def test_decode(data: bytes, content_type: str | None, expected: str) -> None:
    assert decode_bytes("page", data, content_type) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(PAGE, "html", id="doctype"),
        pytest.param("<div class='x'><p>Hello</p></div>", "html", id="fragment"),
        pytest.param("Skip to main content\n\nChips are up\n\nBody text.", "text", id="scrape"),
        pytest.param("A < B and C > D in 3 < 5 nm", "text", id="angle-brackets-in-text"),
    ],
)
def test_detect_kind(text: str, kind: str) -> None:
    assert detect_kind(text) == kind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b"  \n\t ", "is empty", id="whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary", id="png"),
        pytest.param(bytes(range(256)) * 4, "binary", id="random-bytes"),
        pytest.param(
            b"<p>" + bytes(range(0x80, 0x100)) * 20 + b"</p>", "cannot decode", id="undecodable"
        ),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_input(str(path))
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.html"))


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    with pytest.raises(InputTooLarge, match="1,000-byte limit"):
        read_input(str(path), ReadOptions(max_bytes=1000))


def test_stdin() -> None:
    raw = read_input("-", stdin=io.BytesIO(PAGE.encode()))
    assert (raw.source, raw.kind) == ("-", "html")


def test_fetch_loopback(http_server) -> None:  # type: ignore[no-untyped-def]
    base = http_server(
        {
            "/a": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
            "/moved": (302, {"Location": "/a"}, b""),
        }
    )
    raw = read_input(f"{base}/moved", LOOPBACK)
    assert raw.kind == "html"
    assert raw.url == f"{base}/a"
    assert "Wafer news." in raw.text


@pytest.mark.parametrize(
    ("route", "message"),
    [
        pytest.param((404, {"Content-Type": "text/html"}, b"x"), "HTTP 404", id="not-found"),
        pytest.param((200, {"Content-Type": "image/png"}, b"x"), "not an HTML page", id="png"),
        pytest.param(
            (200, {"Content-Type": "text/html"}, b"<p>" + b"y" * 5000), "byte limit", id="too-big"
        ),
        pytest.param((302, {"Location": "/loop"}, b""), "redirects", id="redirect-loop"),
    ],
)
def test_fetch_errors(http_server, route, message: str) -> None:  # type: ignore[no-untyped-def]
    base = http_server({"/loop": route})
    with pytest.raises(FetchError if "limit" not in message else InputTooLarge, match=message):
        read_input(f"{base}/loop", ReadOptions(allow_private=True, max_bytes=4000, timeout=5))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("ftp://example.com/a", "only http and https", id="ftp"),
        pytest.param("file:///etc/passwd", "only http and https", id="file"),
        pytest.param("http://127.0.0.1:9/a", "non-public address", id="loopback-refused"),
        pytest.param("http://169.254.169.254/latest", "non-public address", id="link-local"),
        pytest.param("http://10.0.0.1/a", "non-public address", id="private"),
    ],
)
def test_fetch_refused(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        read_input(url)


def test_unreachable_url() -> None:
    # A port just bound and closed: connection refused, not a hang (port 9 may be open).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        read_input(f"http://127.0.0.1:{port}/article", LOOPBACK)
