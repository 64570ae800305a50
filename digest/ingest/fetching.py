"""Fetching an http(s) URL, defended against the server and the network.

- One deadline for the whole fetch (connection, TLS, status line, headers, body, every
  redirect): a server that sends a byte a second is cut off at the timeout, not at the timeout
  per read. A watchdog shuts the socket down when the deadline passes, whatever is blocked on it.
- The host is resolved once per hop, every address is checked (public unless `allow_private`),
  and the connection goes to that checked address: a DNS answer that changes between the check
  and the connection (rebinding) cannot move the request to another host. The request still
  carries the original Host header, and TLS still checks the certificate against, and sends SNI
  for, the original host name.
- Each redirect target is checked again (scheme, address) before it is fetched.
- A malformed status line, a body cut short (chunked or Content-Length) or any other protocol
  failure is one FetchError line. Text the server controls (reason phrase, content type) is made
  terminal-safe before it goes into a message.
- Credentials in the URL (`user:pass@`) are never sent, shown, logged or stored.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from digest.errors import FetchError, InputTooLarge
from digest.text.terminal import terminal_safe
from digest.text.urls import without_credentials

MAX_REDIRECTS = 5
USER_AGENT = "SiliconDigest/0.1 (+https://github.com/silicon-digest)"
READ_CHUNK = 64 * 1024
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Content types a URL may answer with; anything else (images, PDFs, JSON) is refused.
ACCEPTED_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

# host, port -> the addresses to try, in order (socket.getaddrinfo by default; tests inject one).
Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: float
    max_bytes: int
    allow_private: bool = False
    resolver: Resolver | None = None


def fetch_url(url: str, limits: FetchLimits) -> tuple[bytes, str | None, str]:
    """Fetch an http(s) URL: returns (body, content type, final URL without credentials).
    Raises FetchError (InputTooLarge for the size cap) with one terminal-safe line."""
    shown = without_credentials(url)
    deadline = time.monotonic() + limits.timeout
    current = shown
    for _ in range(MAX_REDIRECTS + 1):
        try:
            result = _fetch_once(shown, current, limits, deadline)
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise FetchError(shown, _describe(exc, limits, deadline)) from None
        if isinstance(result, str):  # a redirect: check and fetch the target next
            current = without_credentials(urllib.parse.urljoin(current, result))
            continue
        return result
    raise FetchError(shown, f"more than {MAX_REDIRECTS} redirects")


def _fetch_once(
    shown: str, url: str, limits: FetchLimits, deadline: float
) -> tuple[bytes, str | None, str] | str:
    """One request: the body, or the Location of a redirect."""
    parts = urllib.parse.urlsplit(url)
    host, port, address = _checked_address(shown, parts, limits)
    connection = _connection(parts.scheme, host, port, address, _remaining(deadline))
    watchdog = threading.Timer(_remaining(deadline), _shut_down, args=(connection,))
    watchdog.daemon = True
    watchdog.start()
    try:
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        if _expired(deadline):  # the watchdog cut the status line or headers short
            raise TimeoutError
        status = response.status
        if status in REDIRECT_STATUSES and response.getheader("Location"):
            return str(response.getheader("Location"))
        if status >= 400 or status < 200:
            raise FetchError(shown, f"HTTP {status} {terminal_safe(response.reason or '', 80)}")
        content_type = response.getheader("Content-Type")
        mime = (content_type or "").split(";")[0].strip().lower()
        if mime and mime not in ACCEPTED_CONTENT_TYPES:
            raise FetchError(shown, f"not an HTML page (Content-Type: {terminal_safe(mime, 80)})")
        length = response.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > limits.max_bytes:
            raise InputTooLarge(shown, f"larger than the {limits.max_bytes:,}-byte limit")
        body = _read_body(response, shown, limits.max_bytes, deadline)
        return body, (terminal_safe(content_type, 200) if content_type else None), url
    finally:
        watchdog.cancel()
        connection.close_response()
        connection.close()


def _read_body(
    response: http.client.HTTPResponse, shown: str, max_bytes: int, deadline: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read1(READ_CHUNK)
        if _expired(deadline):  # the watchdog ended the body early, or it is simply late
            raise TimeoutError
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(shown, f"larger than the {max_bytes:,}-byte limit")
        chunks.append(chunk)
    if response.length is not None and response.length > 0:  # Content-Length not reached
        raise http.client.IncompleteRead(b"".join(chunks), response.length)
    return b"".join(chunks)


def _checked_address(
    shown: str, parts: urllib.parse.SplitResult, limits: FetchLimits
) -> tuple[str, int, str]:
    """(host, port, the one address to connect to), after the scheme and address checks."""
    if parts.scheme not in ("http", "https"):
        raise FetchError(shown, f"only http and https URLs are fetched, not {parts.scheme}:")
    host = parts.hostname
    if not host:
        raise FetchError(shown, "URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(shown, "URL has an invalid port") from None
    resolver = limits.resolver or system_resolver
    try:
        addresses = resolver(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise FetchError(shown, f"cannot resolve host {host}: {reason}") from None
    if not addresses:
        raise FetchError(shown, f"cannot resolve host {host}: no address")
    checked = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not limits.allow_private:
        for address in checked:
            if not address.is_global:
                raise FetchError(
                    shown,
                    f"refusing non-public address {address} for {host} "
                    "(use --allow-private to fetch from local networks)",
                )
    return host, port, str(checked[0])


class _ResponseKeeper:
    """Keeps the response http.client builds on our socket, so that its file is closed even when
    reading the status line or headers fails (http.client then drops the half-read response and
    only the garbage collector would close its file: an fd left open past the request)."""

    opened: http.client.HTTPResponse | None = None

    def response_class(self, sock: socket.socket, *args: Any, **kwargs: Any) -> Any:
        self.opened = http.client.HTTPResponse(sock, *args, **kwargs)
        return self.opened

    def close_response(self) -> None:
        if self.opened is not None:
            self.opened.close()
            self.opened = None


class _PinnedHTTPConnection(_ResponseKeeper, http.client.HTTPConnection):
    """An HTTP connection to `address`, whatever the host name resolves to now; the Host
    header still names the host."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.pinned: socket.socket | None = None  # kept when http.client hands sock over

    def connect(self) -> None:
        self.sock = self.pinned = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(_ResponseKeeper, http.client.HTTPSConnection):
    """An HTTPS connection to `address`; the certificate is checked against, and SNI sent
    for, the host name."""

    def __init__(
        self, host: str, port: int, *, address: str, timeout: float,
        context: ssl.SSLContext | None = None,
    ) -> None:
        self.tls = context or ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address
        self.pinned: socket.socket | None = None

    def connect(self) -> None:
        raw = socket.create_connection((self.address, self.port), self.timeout)
        try:
            self.sock = self.pinned = self.tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


def _connection(
    scheme: str, host: str, port: int, address: str, timeout: float
) -> _PinnedHTTPConnection | _PinnedHTTPSConnection:
    if scheme == "https":
        return _PinnedHTTPSConnection(host, port, address=address, timeout=timeout)
    return _PinnedHTTPConnection(host, port, address=address, timeout=timeout)


def _shut_down(connection: Any) -> None:
    """The watchdog: the deadline has passed; whatever waits on the socket wakes up. (The
    connection's own `sock` is dropped once the response owns the socket, hence `pinned`; the
    TCP shutdown is the plain socket's, so a TLS socket's state is left to its reader.)"""
    sock = getattr(connection, "pinned", None)
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed: nothing waits on it
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _remaining(deadline: float) -> float:
    return max(deadline - time.monotonic(), 0.001)


def _expired(deadline: float) -> bool:
    return time.monotonic() >= deadline


def _describe(exc: BaseException, limits: FetchLimits, deadline: float) -> str:
    """One terminal-safe line for a network or protocol failure."""
    if isinstance(exc, TimeoutError) or _expired(deadline):
        return f"timed out after {limits.timeout:g} s"
    if isinstance(exc, http.client.IncompleteRead):
        return f"the response ended early ({len(exc.partial):,} bytes read; truncated transfer)"
    if isinstance(exc, http.client.RemoteDisconnected):  # a BadStatusLine: test it first
        return "the server closed the connection without a response"
    if isinstance(exc, http.client.BadStatusLine | http.client.LineTooLong):
        return f"malformed HTTP response ({type(exc).__name__}: {terminal_safe(str(exc), 80)})"
    if isinstance(exc, http.client.HTTPException):
        return f"malformed HTTP response ({type(exc).__name__})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {terminal_safe(exc.reason or str(exc), 120)}"
    if isinstance(exc, ConnectionRefusedError):
        return "cannot connect: connection refused"
    if isinstance(exc, OSError):
        return f"cannot connect: {terminal_safe(exc.strerror or str(exc), 120)}"
    return f"invalid URL: {terminal_safe(str(exc), 120)}"
