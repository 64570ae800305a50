"""Fetching URLs against hostile servers and networks: loopback servers started here
(tests/loopback.py), speaking raw HTTP so they can misbehave (drip bytes, cut bodies, lie in
status lines, rebind DNS)."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.errors import FetchError
from digest.ingest.reading import ReadOptions, read_input
from tests.conftest import free_port
from tests.loopback import OK_HEAD, drip, raw_server, respond

PAGE = (
    b"<!doctype html><html><head><title>Fab opens</title></head><body><article>"
    b"<h1>Fab opens</h1><p>The foundry opened its new fab on Tuesday, the company said in a "
    b"statement. It will make chips on a 3 nm process for phone makers.</p></article></body></html>"
)
DIGEST = [sys.executable, "-m", "digest"]

def options(timeout: float = 5, **kw: object) -> ReadOptions:
    return ReadOptions(allow_private=True, timeout=timeout, **kw)  # type: ignore[arg-type]


# --- one deadline for the whole request ---------------------------------------------------------

BODY = b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE


@pytest.mark.parametrize(
    ("prefix", "rest"),
    [
        pytest.param(b"", OK_HEAD + BODY, id="status-line"),
        pytest.param(b"HTTP/1.1 200 OK\r\n", OK_HEAD[17:] + BODY, id="headers"),
        pytest.param(OK_HEAD + BODY[:40], BODY[40:], id="body"),
    ],
)
def test_slow_drip_is_cut_at_the_timeout(prefix: bytes, rest: bytes) -> None:
    """A byte every 0.2 s, under the 0.5 s timeout of each read: only the deadline of the whole
    request ends the fetch (the drip would go on for a minute)."""
    with raw_server(drip(prefix, rest)) as (port, _):
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
            read_input(f"http://127.0.0.1:{port}/a", options(timeout=0.5))
        elapsed = time.monotonic() - started
    assert elapsed < 2.5, f"a byte every 0.2 s kept the fetch going for {elapsed:.1f} s"


def test_server_closing_without_a_response() -> None:
    with (
        raw_server(drip(b"", b"", every=0)) as (port, _),
        pytest.raises(FetchError, match="closed the connection without a response"),
    ):
        read_input(f"http://127.0.0.1:{port}/a", options(timeout=1))


# --- DNS: resolve once, connect to the checked address -----------------------------------------


class RebindingResolver:
    """Answers the first lookup of each name with `first`, later ones with `later`."""

    def __init__(self, first: dict[str, str], later: str) -> None:
        self.first, self.later = first, later
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        if self.calls.count(host) == 1:
            return [self.first[host]]
        return [self.later]


def test_connects_to_the_checked_address_with_the_original_host() -> None:
    ok = OK_HEAD + b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE
    with raw_server(respond(ok)) as (port, requests):
        # a second lookup would answer an address where nothing listens
        resolver = RebindingResolver({"news.test": "127.0.0.1"}, later="127.0.0.3")
        raw = read_input(f"http://news.test:{port}/story", options(resolver=resolver))
    assert "Fab opens" in raw.text
    assert resolver.calls == ["news.test"]  # resolved once
    assert f"Host: news.test:{port}\r\n".encode() in requests[0]


def test_each_redirect_hop_is_resolved_and_checked() -> None:
    ok = OK_HEAD + b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE
    with raw_server(respond(ok)) as (port, requests):
        moved = (
            b"HTTP/1.1 302 Found\r\nLocation: http://cdn.test:%d/final\r\nContent-Length: 0\r\n"
            b"Connection: close\r\n\r\n" % port
        )
        with raw_server(respond(moved)) as (first_port, _):
            resolver = RebindingResolver(
                {"news.test": "127.0.0.1", "cdn.test": "127.0.0.1"}, later="127.0.0.3"
            )
            raw = read_input(f"http://news.test:{first_port}/a", options(resolver=resolver))
    assert resolver.calls == ["news.test", "cdn.test"]
    assert raw.url == f"http://cdn.test:{port}/final"
    assert f"Host: cdn.test:{port}\r\n".encode() in requests[0]


def test_non_public_answer_is_refused_without_connecting() -> None:
    resolver = RebindingResolver({"news.test": "127.0.0.1"}, later="127.0.0.1")
    opts = ReadOptions(timeout=2, resolver=resolver)
    refused = r"refusing non-public address 127\.0\.0\.1 for news\.test"
    with pytest.raises(FetchError, match=refused):
        read_input("http://news.test/a", opts)


def test_redirect_target_is_checked_again() -> None:
    moved = b"HTTP/1.1 301 Moved\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n"
    with (
        raw_server(respond(moved)) as (port, _),
        pytest.raises(FetchError, match="only http and https"),
    ):
        read_input(f"http://127.0.0.1:{port}/a", options())


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate for the TLS test")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def test_tls_to_a_pinned_address_sends_sni_and_checks_the_host_name(
    tls_files: tuple[Path, Path],
) -> None:
    from digest.ingest.fetching import _PinnedHTTPSConnection

    cert, key = tls_files
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    names: list[str | None] = []
    server_context.sni_callback = lambda sock, name, ctx: names.append(name)  # type: ignore[assignment,misc,return-value]
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        conn, _ = listener.accept()
        try:
            with server_context.wrap_socket(conn, server_side=True) as tls:
                tls.recv(4096)
                tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        except (OSError, ssl.SSLError):
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client_context = ssl.create_default_context(cafile=str(cert))
    connection = _PinnedHTTPSConnection(
        "news.test", port, address="127.0.0.1", timeout=5, context=client_context
    )
    try:
        connection.request("GET", "/")
        body = connection.getresponse().read()
    finally:
        connection.close()
        thread.join(5)
        listener.close()
    assert body == b"ok"
    assert names == ["news.test"]


# --- protocol failures: one line each -----------------------------------------------------------

CHUNKED_CUT = OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n400\r\n" + PAGE[:100]
LENGTH_CUT = OK_HEAD + b"Content-Length: 5000\r\n\r\n" + PAGE
BAD_STATUS = b"HTTP/1.1 2OO Fine\r\nContent-Type: text/html\r\n\r\n" + PAGE
GARBAGE = b"\x16\x03\x01 not http at all\r\n\r\n"


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        pytest.param(CHUNKED_CUT, "the response ended early", id="truncated-chunked"),
        pytest.param(LENGTH_CUT, "the response ended early", id="short-content-length"),
        pytest.param(BAD_STATUS, "malformed HTTP response", id="bad-status-line"),
        pytest.param(GARBAGE, "malformed HTTP response", id="not-http"),
    ],
)
def test_protocol_failures_are_one_line(reply: bytes, message: str) -> None:
    """As the library's error and as `digest extract`'s one line (run in this process: the
    escape and credential tests below run it as a process of its own)."""
    with raw_server(respond(reply)) as (port, _):
        url = f"http://127.0.0.1:{port}/a"
        with pytest.raises(FetchError, match=message):
            read_input(url, options())
        run = CliRunner().invoke(
            main, ["extract", "--allow-private", "--no-cache", url], catch_exceptions=False
        )
    assert run.exit_code == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], run.stderr
    assert "internal error" not in run.stderr


ESCAPES = "\x1b[31mRED\x1b[0m\x1b]0;pwned title\x07\x9b2J\x07"


def test_server_text_is_stripped_of_escape_sequences() -> None:
    reply = f"HTTP/1.1 404 Not {ESCAPES}Found\r\nContent-Length: 0\r\n\r\n".encode("latin-1")
    with raw_server(respond(reply)) as (port, _):
        url = f"http://127.0.0.1:{port}/a"
        with pytest.raises(FetchError) as caught:
            read_input(url, options())
        run = subprocess.run(
            [*DIGEST, "extract", "--allow-private", "--no-cache", url],
            capture_output=True, text=True, timeout=60,
        )
    for text in (str(caught.value), run.stderr, run.stdout):
        assert not any(c in text for c in "\x1b\x07\x9b"), repr(text)
    assert "HTTP 404 Not RED" in str(caught.value)


def test_content_type_escape_sequences_are_stripped() -> None:
    reply = f"HTTP/1.1 200 OK\r\nContent-Type: image/{ESCAPES}\r\nContent-Length: 0\r\n\r\n"
    with (
        raw_server(respond(reply.encode("latin-1"))) as (port, _),
        pytest.raises(FetchError, match="not an HTML page") as caught,
    ):
        read_input(f"http://127.0.0.1:{port}/a", options())
    assert "\x1b" not in str(caught.value) and "\x07" not in str(caught.value)


# --- credentials in a URL -----------------------------------------------------------------------


def test_credentials_never_leave(tmp_path: Path) -> None:
    ok = OK_HEAD + b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE
    with raw_server(respond(ok)) as (port, requests):
        url = f"http://reader:hunter2secret@127.0.0.1:{port}/story"
        raw = read_input(url, options())
        extract = subprocess.run(
            [*DIGEST, "extract", "--allow-private", "--no-cache", url],
            capture_output=True, text=True, timeout=60,
        )
        add = subprocess.run(
            [*DIGEST, "add", "--allow-private", "--no-cache", "--docs", str(tmp_path / "docs"),
             "--date", "2025-01-10", url],
            capture_output=True, text=True, timeout=60,
        )
    with raw_server(respond(b"HTTP/1.1 404 Gone\r\nContent-Length: 0\r\n\r\n")) as (port, _):
        missing = subprocess.run(
            [*DIGEST, "extract", "--allow-private", "--no-cache",
             f"http://reader:hunter2secret@127.0.0.1:{port}/gone"],
            capture_output=True, text=True, timeout=60,
        )
    assert extract.returncode == 0 and add.returncode == 0, (extract.stderr, add.stderr)
    assert json.loads(extract.stdout)["url"] == raw.url
    entries = list((tmp_path / "docs" / "posts").glob("*.md"))
    assert len(entries) == 1
    shown = [raw.source, raw.url or "", extract.stdout, extract.stderr, add.stdout, add.stderr,
             entries[0].read_text(encoding="utf-8"), missing.stdout, missing.stderr]
    shown += [r.decode("latin-1") for r in requests]  # not sent either (no Authorization)
    assert missing.returncode == 1 and "HTTP 404" in missing.stderr
    for text in shown:
        assert "hunter2secret" not in text and "reader:" not in text, text


def test_unreachable_port_is_one_line() -> None:
    with pytest.raises(FetchError, match="cannot connect: connection refused"):
        read_input(f"http://127.0.0.1:{free_port()}/article", options())
