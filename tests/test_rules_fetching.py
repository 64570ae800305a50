"""Rules of fetching a URL (digest.ingest.fetching), one small test each: the size cap as a body
streams and as announced, over-long header lines, refused connections, statuses, content types,
redirects. Every server is a loopback server the test starts itself (tests/loopback.py); no
other network. Each test fails when its rule is removed.

Each fetch is also checked for the socket it leaves open once it has returned or raised (a
response left to the garbage collector keeps it open: a ResourceWarning some later test trips
over under -W error)."""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest.errors import FetchError, InputError, InputTooLarge
from digest.ingest import fetching
from digest.ingest.fetching import FetchLimits, fetch_url
from tests.loopback import OK_HEAD, drip, raw_server, respond

PAGE = b"<html><body><p>Fab opens.</p></body></html>"


@dataclass(frozen=True)
class Refusal:
    """An InputError as plain data (its kind, source and message)."""

    kind: type[InputError]
    source: str
    message: str


def _sockets_to(port: int) -> int | None:
    """How many TCP sockets of this process are connected to `port` (Linux's /proc; None
    elsewhere). The test servers run in this process too, but their sockets' remote ports are
    the client's, so only the fetch's own sockets count."""
    try:
        fds = os.listdir("/proc/self/fd")
        tables = [Path("/proc/self/net/tcp").read_text(), Path("/proc/self/net/tcp6").read_text()]
    except OSError:
        return None
    inodes = set()
    for fd in fds:
        with contextlib.suppress(OSError):  # the listing's own fd is gone by now
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    count = 0
    for table in tables:
        for row in table.splitlines()[1:]:
            cells = row.split()  # sl local_address rem_address st ... inode (cell 9)
            if int(cells[2].rsplit(":", 1)[1], 16) == port and cells[9] in inodes:
                count += 1
    return count


def _fetch(url: str, limits: FetchLimits) -> tuple[bytes, str | None, str] | Refusal:
    """fetch_url's result or refusal; fails when the fetch, returned or raised, leaves its
    socket open (while the error is alive its frames are too: a response left unclosed in
    them still holds the socket, until the garbage collector closes it with a ResourceWarning)."""
    port = urllib.parse.urlsplit(url).port or 80
    try:
        outcome: tuple[bytes, str | None, str] | Refusal = fetch_url(url, limits)
        left_open = _sockets_to(port)
    except InputError as exc:
        left_open = _sockets_to(port)
        outcome = Refusal(type(exc), exc.source, exc.message)
    assert left_open in (0, None), f"{left_open} socket(s) to port {port} left open"
    return outcome


def _fetched(url: str, limits: FetchLimits) -> tuple[bytes, str | None, str]:
    outcome = _fetch(url, limits)
    assert not isinstance(outcome, Refusal), outcome
    return outcome


def _refused(url: str, limits: FetchLimits) -> Refusal:
    outcome = _fetch(url, limits)
    assert isinstance(outcome, Refusal), outcome
    assert outcome.source == url  # every refusal names the URL asked for
    return outcome


def _limits(max_bytes: int = 10_000, timeout: float = 5) -> FetchLimits:
    return FetchLimits(timeout=timeout, max_bytes=max_bytes, allow_private=True)


def _ok(body: bytes, head: bytes = b"Content-Type: text/html\r\n") -> bytes:
    return (b"HTTP/1.1 200 OK\r\n" + head + b"Content-Length: %d\r\nConnection: close\r\n\r\n"
            % len(body) + body)


def _fetch_reply(reply: bytes, limits: FetchLimits | None = None) -> tuple[bytes, str | None, str]:
    with raw_server(respond(reply)) as (port, _):
        return _fetched(f"http://127.0.0.1:{port}/a", limits or _limits())


def _refusal(reply: bytes, limits: FetchLimits | None = None) -> Refusal:
    """How a fetch of `reply` is refused (FetchError, or InputTooLarge for the cap)."""
    with raw_server(respond(reply)) as (port, _):
        return _refused(f"http://127.0.0.1:{port}/a", limits or _limits())


# --- the size cap -------------------------------------------------------------------------------


def test_streamed_body_over_the_cap_is_refused_as_it_arrives() -> None:
    """No Content-Length: the body is counted as it streams, one byte over the cap refused."""
    with raw_server(drip(OK_HEAD + b"\r\n", b"0123456789A", every=0.005)) as (port, _):
        url = f"http://127.0.0.1:{port}/a"
        refusal = _refused(url, _limits(max_bytes=10))
    assert refusal == Refusal(InputTooLarge, url, "larger than the 10-byte limit")


def test_streamed_body_of_exactly_the_cap_is_read() -> None:
    with raw_server(drip(OK_HEAD + b"\r\n", b"0123456789", every=0.005)) as (port, _):
        body, _, _ = _fetched(f"http://127.0.0.1:{port}/a", _limits(max_bytes=10))
    assert body == b"0123456789"


def test_body_larger_than_one_read_is_read_whole() -> None:
    """The body arrives in several reads of READ_CHUNK; all of them are kept, in order."""
    body = bytes(range(256)) * ((fetching.READ_CHUNK * 3) // 256 + 1)
    got, _, _ = _fetch_reply(_ok(body), _limits(max_bytes=len(body)))
    assert got == body


def test_announced_length_over_the_cap_is_refused_before_reading() -> None:
    """A Content-Length above the cap is refused from the header alone: the server here
    announces 11 bytes and sends none, which would otherwise be a truncated transfer."""
    reply = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 11\r\n\r\n"
    error = _refusal(reply, _limits(max_bytes=10))
    assert error.kind is InputTooLarge
    assert error.message == "larger than the 10-byte limit"


def test_announced_length_of_exactly_the_cap_is_read() -> None:
    body, _, _ = _fetch_reply(_ok(b"0123456789"), _limits(max_bytes=10))
    assert body == b"0123456789"


def test_cap_is_shown_with_thousands_separators() -> None:
    error = _refusal(_ok(b"x" * 1_001), _limits(max_bytes=1_000))
    assert error.message == "larger than the 1,000-byte limit"


# --- protocol failures, one plain line each -----------------------------------------------------


def test_over_long_header_line_is_one_plain_line() -> None:
    reply = b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n"
    error = _refusal(reply)
    assert error.message == ("malformed HTTP response (LineTooLong: got more than 65536 bytes "
                             "when reading header line)")


def test_bad_status_line_is_named() -> None:
    error = _refusal(b"HELLO WORLD\r\n\r\n")
    assert error.message == "malformed HTTP response (BadStatusLine: HELLO WORLD)"


def test_too_many_headers_is_a_malformed_response() -> None:
    """An HTTPException that is neither a bad status line nor a long line: named by its class."""
    reply = b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 120 + b"\r\n"
    error = _refusal(reply)
    assert error.message == "malformed HTTP response (HTTPException)"


def test_closed_without_a_response_is_named() -> None:
    error = _refusal(b"")
    assert error.message == "the server closed the connection without a response"


def test_content_length_not_reached_says_how_much_arrived() -> None:
    reply = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50\r\n\r\n" + PAGE[:20]
    error = _refusal(reply)
    assert error.message == "the response ended early (20 bytes read; truncated transfer)"


def test_refused_connection_is_one_plain_line() -> None:
    from tests.conftest import free_port

    url = f"http://127.0.0.1:{free_port()}/a"
    refused = Refusal(FetchError, url, "cannot connect: connection refused")
    assert _refused(url, _limits()) == refused


# --- statuses and content types -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "shown"),
    [(400, "HTTP 400 Bad Request"), (404, "HTTP 404 Not Found"), (500, "HTTP 500 Oops"),
     (199, "HTTP 199 Early")],
)
def test_status_outside_2xx_and_3xx_is_refused(status: int, shown: str) -> None:
    reason = {400: b"Bad Request", 404: b"Not Found", 500: b"Oops", 199: b"Early"}[status]
    reply = b"HTTP/1.1 %d %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" % (status, reason)
    assert _refusal(reply).message == shown


def test_status_without_a_reason_phrase_is_shown_alone() -> None:
    reply = b"HTTP/1.1 404\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    assert _refusal(reply).message.rstrip() == "HTTP 404"


@pytest.mark.parametrize("status", [200, 203, 299, 300, 399])
def test_2xx_and_other_3xx_statuses_give_the_body(status: int) -> None:
    """Only 400 and above, and below 200, are refused; a 3xx without Location is a page."""
    reply = _ok(PAGE).replace(b"200 OK", b"%d Fine" % status, 1)
    assert _fetch_reply(reply)[0] == PAGE


@pytest.mark.parametrize(
    "content_type",
    ["text/html", "application/xhtml+xml", "text/plain", "TEXT/HTML; charset=utf-8",
     " text/html ;charset=latin-1"],
)
def test_accepted_content_types(content_type: str) -> None:
    body, shown, _ = _fetch_reply(_ok(PAGE, f"Content-Type: {content_type}\r\n".encode()))
    assert body == PAGE and shown == content_type.strip()


def test_missing_content_type_is_accepted_and_reported_as_none() -> None:
    body, shown, _ = _fetch_reply(_ok(PAGE, b""))
    assert body == PAGE and shown is None


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_other_content_types_are_refused(content_type: str) -> None:
    error = _refusal(_ok(PAGE, f"Content-Type: {content_type}; x=1\r\n".encode()))
    assert error.message == f"not an HTML page (Content-Type: {content_type})"


def test_request_names_the_path_and_query_and_our_agent() -> None:
    with raw_server(respond(_ok(PAGE))) as (port, requests):
        _fetched(f"http://127.0.0.1:{port}/news/story?id=7#top", _limits())
        _fetched(f"http://127.0.0.1:{port}", _limits())
    first = requests[0].decode()
    assert first.startswith("GET /news/story?id=7 HTTP/1.1\r\n")
    assert f"User-Agent: {fetching.USER_AGENT}\r\n" in first and "Accept: */*\r\n" in first
    assert requests[1].decode().startswith("GET / HTTP/1.1\r\n")


# --- redirects ----------------------------------------------------------------------------------


def _redirect(status: int, location: bytes) -> bytes:
    return (b"HTTP/1.1 %d Moved\r\nLocation: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            % (status, location))


@pytest.mark.parametrize("status", sorted(fetching.REDIRECT_STATUSES))
def test_each_redirect_status_is_followed(status: int) -> None:
    with raw_server(respond(_ok(PAGE))) as (target, _):
        moved = _redirect(status, b"http://127.0.0.1:%d/final" % target)
        body, _, final = _fetch_reply(moved)
    assert body == PAGE and final == f"http://127.0.0.1:{target}/final"


def test_relative_redirect_is_resolved_against_the_current_url() -> None:
    def handler(conn, head: bytes) -> None:  # type: ignore[no-untyped-def]
        if head.startswith(b"GET /final "):
            conn.sendall(_ok(PAGE))
        else:
            conn.sendall(_redirect(302, b"/final"))

    with raw_server(handler) as (port, _):
        body, _, final = _fetched(f"http://127.0.0.1:{port}/a/b", _limits())
    assert body == PAGE and final == f"http://127.0.0.1:{port}/final"


def test_a_redirect_without_location_is_not_followed() -> None:
    """A 3xx without Location is neither followed nor an error status: its body is the page."""
    reply = _ok(PAGE).replace(b"200 OK", b"302 Found", 1)
    assert _fetch_reply(reply)[0] == PAGE


def test_more_than_the_redirect_limit_is_refused() -> None:
    hops: list[bytes] = []

    def handler(conn, head: bytes) -> None:  # type: ignore[no-untyped-def]
        hops.append(head)
        conn.sendall(_redirect(302, b"/again%d" % len(hops)))

    with raw_server(handler) as (port, _):
        url = f"http://127.0.0.1:{port}/a"
        refusal = _refused(url, _limits())
    assert refusal == Refusal(FetchError, url, f"more than {fetching.MAX_REDIRECTS} redirects")
    assert len(hops) == fetching.MAX_REDIRECTS + 1


def test_the_last_allowed_redirect_is_followed() -> None:
    hops: list[bytes] = []

    def handler(conn, head: bytes) -> None:  # type: ignore[no-untyped-def]
        hops.append(head)
        if len(hops) > fetching.MAX_REDIRECTS:
            conn.sendall(_ok(PAGE))
        else:
            conn.sendall(_redirect(302, b"/hop%d" % len(hops)))

    with raw_server(handler) as (port, _):
        body, _, _ = _fetched(f"http://127.0.0.1:{port}/a", _limits())
    assert body == PAGE


# --- the URL and its address --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [("ftp://news.test/a", "only http and https URLs are fetched, not ftp:"),
     ("http:///a", "URL has no host"),
     ("http://news.test:99999/a", "URL has an invalid port")],
)
def test_url_refusals(url: str, message: str) -> None:
    """Each refusal names the URL it was asked for."""
    with pytest.raises(FetchError) as info:
        fetch_url(url, FetchLimits(timeout=2, max_bytes=10, resolver=lambda h, p: ["127.0.0.1"]))
    assert (info.value.source, info.value.message) == (url, message)


@pytest.mark.parametrize(("url", "port"), [("http://news.test/a", 80),
                                           ("https://news.test/a", 443),
                                           ("http://news.test:8080/a", 8080)])
def test_default_port_by_scheme(url: str, port: int) -> None:
    asked: list[tuple[str, int]] = []

    def resolver(host: str, p: int) -> list[str]:
        asked.append((host, p))
        return ["10.0.0.1"]  # refused before any connection

    with pytest.raises(FetchError, match=r"refusing non-public address 10\.0\.0\.1 for news\.test"):
        fetch_url(url, FetchLimits(timeout=2, max_bytes=10, resolver=resolver))
    assert asked == [("news.test", port)]


def test_every_resolved_address_is_checked_not_only_the_first() -> None:
    limits = FetchLimits(timeout=2, max_bytes=10,
                         resolver=lambda h, p: ["93.184.216.34", "192.168.1.1"])
    with pytest.raises(FetchError) as info:
        fetch_url("http://news.test/a", limits)
    assert info.value.source == "http://news.test/a"
    assert info.value.message == ("refusing non-public address 192.168.1.1 for news.test "
                                  "(use --allow-private to fetch from local networks)")


@pytest.mark.parametrize("answer", ["fe80::1%eth0", "fe80::1%eth0%1"])
def test_scoped_ipv6_address_is_checked_without_its_zone(answer: str) -> None:
    """The zone is everything after the first '%'."""
    limits = FetchLimits(timeout=2, max_bytes=10, resolver=lambda h, p: [answer])
    with pytest.raises(FetchError, match=r"refusing non-public address fe80::1 for news\.test"):
        fetch_url("http://news.test/a", limits)


@pytest.mark.parametrize(
    ("error", "message"),
    [(socket.gaierror(-2, "Name or service not known"),
      "cannot resolve host news.test: Name or service not known"),
     (UnicodeError("label too long"), "cannot resolve host news.test: label too long")],
)
def test_resolver_failures_are_one_line(error: Exception, message: str) -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise error

    with pytest.raises(FetchError) as info:
        fetch_url("http://news.test/a", FetchLimits(timeout=2, max_bytes=10, resolver=resolver))
    assert (info.value.source, info.value.message) == ("http://news.test/a", message)


def test_no_address_is_one_line() -> None:
    with pytest.raises(FetchError) as info:
        fetch_url("http://news.test/a",
                  FetchLimits(timeout=2, max_bytes=10, resolver=lambda h, p: []))
    assert (info.value.source, info.value.message) == (
        "http://news.test/a", "cannot resolve host news.test: no address")


def test_system_resolver_gives_each_address_once() -> None:
    addresses = fetching.system_resolver("127.0.0.1", 80)
    assert addresses == ["127.0.0.1"]


# --- TLS, addresses and what is shown of the server's text ------------------------------------


def test_tls_failure_is_one_line_and_leaves_no_socket() -> None:
    """An https URL answered in plain HTTP: the handshake fails; the raw socket it was built on
    is closed with it."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def answer() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)  # the client hello
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        refusal = _refused(f"https://127.0.0.1:{port}/a", _limits())
    finally:
        thread.join(5)
        listener.close()
    assert refusal.kind is FetchError
    assert refusal.message.startswith("TLS error: ") and "\n" not in refusal.message


def test_an_answer_that_is_not_an_address_is_one_line() -> None:
    limits = FetchLimits(timeout=2, max_bytes=10, resolver=lambda h, p: ["nonsense"])
    assert _refused("http://news.test/a", limits).message == (
        "invalid URL: 'nonsense' does not appear to be an IPv4 or IPv6 address")


def test_redirect_target_loses_its_credentials() -> None:
    with raw_server(respond(_ok(PAGE))) as (target, requests):
        moved = _redirect(302, b"http://reader:secret@127.0.0.1:%d/final" % target)
        _, _, final = _fetch_reply(moved)
    assert final == f"http://127.0.0.1:{target}/final"
    assert b"Authorization" not in requests[0] and b"secret" not in requests[0]


def test_reason_phrase_is_shown_cut_to_80_characters() -> None:
    reply = b"HTTP/1.1 404 " + b"r" * 200 + b"\r\nContent-Length: 0\r\n\r\n"
    assert _refusal(reply).message == "HTTP 404 " + "r" * 79 + "…"


def test_refused_content_type_is_shown_cut_to_80_characters() -> None:
    mime = "image/" + "x" * 200
    message = _refusal(_ok(PAGE, f"Content-Type: {mime}\r\n".encode())).message
    assert message == f"not an HTML page (Content-Type: {mime[:79]}…)"


def test_accepted_content_type_is_returned_cut_to_200_characters() -> None:
    content_type = "text/html; charset=utf-8; x=" + "y" * 300
    _, shown, _ = _fetch_reply(_ok(PAGE, f"Content-Type: {content_type}\r\n".encode()))
    assert shown == content_type[:199] + "…"


def test_malformed_status_line_is_shown_cut_to_80_characters() -> None:
    line = "NOT-HTTP " + "z" * 200
    message = _refusal(line.encode() + b"\r\n\r\n").message
    assert message == f"malformed HTTP response (BadStatusLine: {line[:79]}…)"


def test_content_length_with_spaces_still_counts_against_the_cap() -> None:
    reply = b"HTTP/1.1 200 OK\r\nContent-Length:  5 \r\nConnection: close\r\n\r\nhello"
    refusal = _refusal(reply, _limits(max_bytes=4))
    assert (refusal.kind, refusal.message) == (InputTooLarge, "larger than the 4-byte limit")


def _tls_dripping_server(host: str, drip_bytes: int, every: float) -> tuple[socket.socket, int]:
    """A server that takes the client hello and answers with the start of a TLS record, one
    byte every `every` seconds: a handshake that never ends by itself."""
    listener = socket.create_server((host, 0))
    listener.settimeout(10)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(4096)
            record = b"\x16\x03\x03\x40\x00" + b"\x02" * drip_bytes
            for i in range(len(record)):
                try:
                    conn.sendall(record[i : i + 1])
                except OSError:
                    return  # the client gave up: what this server is for
                time.sleep(every)

    threading.Thread(target=serve, daemon=True).start()
    return listener, listener.getsockname()[1]


def test_tls_handshake_that_drips_is_cut_at_the_deadline() -> None:
    listener, port = _tls_dripping_server("127.0.0.1", drip_bytes=25, every=0.2)
    started = time.monotonic()
    try:
        refusal = _refused(f"https://127.0.0.1:{port}/a", _limits(timeout=0.5))
    finally:
        listener.close()
    elapsed = time.monotonic() - started
    assert refusal.message == "timed out after 0.5 s"
    assert elapsed < 2.5, f"the handshake went on for {elapsed:.1f} s"


def test_https_connects_to_the_checked_address_not_the_host_name() -> None:
    """news.test resolves to 127.0.0.2, where the TLS server listens; nothing listens on the
    loopback address a name lookup of the host would give."""
    listener, port = _tls_dripping_server("127.0.0.2", drip_bytes=0, every=0)
    resolver = {"news.test": ["127.0.0.2"]}
    limits = FetchLimits(timeout=2, max_bytes=10, allow_private=True,
                         resolver=lambda host, _port: resolver[host])
    try:
        refusal = _refused(f"https://news.test:{port}/a", limits)
    finally:
        listener.close()
    assert refusal.message.startswith("TLS error: ") or refusal.message.startswith(
        "the server closed"), refusal.message


def _without_reason(error: ssl.SSLError) -> ssl.SSLError:
    """An SSLError as _ssl.c makes one when OpenSSL gives no reason: `reason` is None."""
    error.reason = None  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "message"),
    [(_without_reason(ssl.SSLError(1, "x" * 300)), "TLS error: " + "x" * 119 + "…"),
     (OSError(113, "No route to host"), "cannot connect: No route to host"),
     (OSError("y" * 300), "cannot connect: " + "y" * 119 + "…"),
     (ValueError("z" * 300), "invalid URL: " + "z" * 119 + "…")],
)
def test_failures_without_a_server_text_are_cut_to_120_characters(
    error: Exception, message: str
) -> None:
    far = time.monotonic() + 60
    assert fetching._describe(error, _limits(), far) == message


def test_a_body_one_byte_short_of_its_content_length_is_truncated() -> None:
    reply = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 21\r\n\r\n" + b"x" * 20
    assert _refusal(reply).message == "the response ended early (20 bytes read; truncated transfer)"


def test_a_truncated_body_that_came_in_pieces_counts_every_byte() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50\r\n\r\n"
    with raw_server(drip(head, b"abcdefghij", every=0.02)) as (port, _):
        refusal = _refused(f"http://127.0.0.1:{port}/a", _limits())
    assert refusal.message == "the response ended early (10 bytes read; truncated transfer)"


def test_http_connects_to_the_checked_address_not_the_host_name() -> None:
    with raw_server(respond(_ok(PAGE)), host="127.0.0.2") as (port, _):
        limits = FetchLimits(timeout=2, max_bytes=1000, allow_private=True,
                             resolver=lambda host, _port: ["127.0.0.2"])
        body, _, _ = _fetched(f"http://news.test:{port}/a", limits)
    assert body == PAGE


def test_a_connection_that_is_never_accepted_is_cut_at_the_deadline() -> None:
    """A listener whose queue is full drops new connection requests, so connecting hangs; the
    watchdog cannot reach a socket that is still connecting, the socket's own timeout (the time
    left) ends it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued = []
    for _ in range(4):  # fill the accept queue; these are never accepted
        client = socket.socket()
        client.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            client.connect(("127.0.0.1", port))
        queued.append(client)
    outcome: list[str] = []

    def fetch() -> None:
        try:
            fetch_url(f"http://127.0.0.1:{port}/a", _limits(timeout=0.5))
        except InputError as exc:
            outcome.append(exc.message)

    try:
        worker = threading.Thread(target=fetch, daemon=True)
        worker.start()
        worker.join(4)
        assert not worker.is_alive(), "still connecting 4 s after a 0.5 s deadline"
    finally:
        for client in queued:
            client.close()
        listener.close()
    assert outcome == ["timed out after 0.5 s"]


def test_credentials_in_the_url_are_never_sent_nor_shown() -> None:
    with raw_server(respond(_ok(PAGE))) as (port, requests):
        _, _, final = _fetched(f"http://reader:secret@127.0.0.1:{port}/a", _limits())
    assert final == f"http://127.0.0.1:{port}/a"
    assert b"Authorization" not in requests[0] and b"secret" not in requests[0]
    reply = b"HTTP/1.1 404 Gone\r\nContent-Length: 0\r\n\r\n"
    with raw_server(respond(reply)) as (port, _), pytest.raises(FetchError) as info:
        fetch_url(f"http://reader:secret@127.0.0.1:{port}/a", _limits())
    assert info.value.source == f"http://127.0.0.1:{port}/a"


def test_reason_phrase_loses_its_escape_sequences() -> None:
    reply = b"HTTP/1.1 404 Not \x1b[31mRED\x1b[0m Found\x07\r\nContent-Length: 0\r\n\r\n"
    assert _refusal(reply).message == "HTTP 404 Not RED Found"
