"""Rules of reading a URL, one test each: which addresses are refused, on the first request
and after every redirect. Each test fails when its rule is removed.

The network is simulated where a rule can only show on a public address: the resolver is
injected (ReadOptions.resolver, the documented seam), and so is the connection (our own
fetching._connection), so a "public" host is served by a loopback server of the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.errors import FetchError
from digest.ingest import fetching
from digest.ingest.reading import ReadOptions, read_input

PUBLIC = "93.184.216.34"  # a global address: the fake network serves it from loopback


def _page(title: str) -> bytes:
    body = f"<html><head><title>{title}</title></head><body><p>{title} text.</p></body></html>"
    return body.encode()


def _resolver(table: dict[str, str]) -> Callable[[str, int], list[str]]:
    return lambda host, port: [table[host]]


@pytest.fixture
def public_network(http_server, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Install routes on a loopback server that stands for every public address; returns the
    list of addresses connected to."""
    connected: list[str] = []
    real = fetching._connection

    def install(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> int:
        base = http_server(routes)
        port = int(base.rsplit(":", 1)[1])

        def connect(scheme: str, host: str, _port: int, address: str, timeout: float):  # type: ignore[no-untyped-def]
            connected.append(address)
            return real(scheme, host, port, "127.0.0.1", timeout)

        monkeypatch.setattr(fetching, "_connection", connect)
        return port

    return install, connected


def test_public_address_is_fetched(public_network) -> None:  # type: ignore[no-untyped-def]
    install, connected = public_network
    install({"/a": (200, {"Content-Type": "text/html"}, _page("Fab opens"))})
    options = ReadOptions(timeout=5, resolver=_resolver({"news.test": PUBLIC}))
    raw = read_input("http://news.test/a", options)
    assert "Fab opens" in raw.text and connected == [PUBLIC]


@pytest.mark.parametrize(
    "target",
    [pytest.param("10.0.0.5", id="private"), pytest.param("127.0.0.1", id="loopback"),
     pytest.param("169.254.169.254", id="link-local"),
     pytest.param("100.64.0.1", id="shared-address-space")],
)
def test_redirect_to_a_non_public_address_is_refused(public_network, target: str) -> None:  # type: ignore[no-untyped-def]
    install, connected = public_network
    install({"/a": (302, {"Location": "http://internal.test/admin"}, b"")})
    options = ReadOptions(timeout=5, resolver=_resolver({"news.test": PUBLIC,
                                                         "internal.test": target}))
    with pytest.raises(FetchError, match=f"refusing non-public address {target} for internal"):
        read_input("http://news.test/a", options)
    assert connected == [PUBLIC]  # the internal address was never connected to


def test_shared_address_space_is_not_public() -> None:
    """100.64.0.0/10 (carrier-grade NAT) is neither private nor global: only a check for
    'global' refuses it."""
    options = ReadOptions(timeout=2, resolver=_resolver({"news.test": "100.64.0.1"}))
    with pytest.raises(FetchError, match=r"refusing non-public address 100\.64\.0\.1"):
        read_input("http://news.test/a", options)


def test_allow_private_lets_a_redirect_reach_the_local_network(public_network) -> None:  # type: ignore[no-untyped-def]
    install, connected = public_network
    install({"/a": (302, {"Location": "http://internal.test/b"}, b""),
             "/b": (200, {"Content-Type": "text/html"}, _page("Intranet"))})
    options = ReadOptions(timeout=5, allow_private=True,
                          resolver=_resolver({"news.test": PUBLIC, "internal.test": "10.0.0.5"}))
    raw = read_input("http://news.test/a", options)
    assert "Intranet" in raw.text and connected == [PUBLIC, "10.0.0.5"]
    assert raw.url == "http://internal.test/b"


# --- a body without Content-Length: counted as it streams ---------------------------------

def _streamed(body: bytes) -> object:
    from tests.test_fetching import OK_HEAD, drip, raw_server

    return raw_server(drip(OK_HEAD + b"\r\n", body, every=0.01))


def test_streamed_body_of_exactly_the_cap_is_read() -> None:
    with _streamed(b"0123456789") as (port, _):  # type: ignore[attr-defined]
        raw = read_input(f"http://127.0.0.1:{port}/a",
                         ReadOptions(allow_private=True, timeout=10, max_bytes=10))
    assert raw.text == "0123456789"


@pytest.mark.parametrize(
    ("response", "message"),
    [(b"HELLO WORLD\r\n\r\n", "malformed HTTP response (BadStatusLine: HELLO WORLD)")],
)
def test_malformed_response_is_named(response: bytes, message: str) -> None:
    from tests.test_fetching import raw_server, respond

    with raw_server(respond(response)) as (port, _), pytest.raises(FetchError) as info:
        read_input(f"http://127.0.0.1:{port}/a", ReadOptions(allow_private=True, timeout=5))
    assert info.value.message == message
