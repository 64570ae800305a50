"""Pages for the browser tests (tests/test_a11y.py, test_browser.py, test_csp.py,
test_search.py) and tests/axe_runner.py: one page shared by a module's tests, and waiting for
a page to settle.

Opening a new page starts a new renderer process, which loads every asset and compiles the
theme's script cold: measured on the sample site (load average 8, 2 cores), a page opened in a
new page, of a new context or of one that had served the site already, cost 0.9-1.0 CPU
seconds, against 0.3-0.45 for the next page opened in the same page. So a module's tests share
one page (`shared_page`) and each test starts with a navigation (a new document: nothing of
the earlier test's scripts or DOM is left). `page_turn` empties the local and session storage
(Material keeps the palette chosen there) and the cookies at the end of each test. What a test
still shares with the earlier ones is the HTTP cache and the tab's history, as when a reader
opens a second page of the site.

Playwright's "networkidle" waits until no request has been in flight for 500 ms: on a site
served from 127.0.0.1, whose pages are loaded in some 0.1-0.3 s, that fixed half second was most
of the time of every page the tests open (some 100 per run). `settle` waits for the same
thing with a shorter quiet window: the page's load event, then no request of the page (its
search worker's included: Playwright reports a dedicated worker's requests on the page) in
flight and none started for QUIET_MS. Measured on the sample site's pages (both engines), the
last request (the favicon) starts 10-60 ms after the load event and none follows it. A test
whose point is what happens after the load (tests/test_browser.py's console errors) waits
NETWORKIDLE_MS, as networkidle did.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Chromium's argument that makes every host name but 127.0.0.1 fail to resolve: a page of the
# tests (tests/conftest.py) or of the audit benchmark cannot reach another host, without a
# route, which would pass each request through Playwright and turn the HTTP cache off.
NO_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
QUIET_MS = 150  # no request in flight for this long after the load event: the page has settled
NETWORKIDLE_MS = 500  # Playwright's networkidle: for a test about what happens after the load
SETTLE_TIMEOUT_MS = 20_000
POLL_MS = 20


class _Requests:
    """The requests of one page still in flight, and when the last one started or ended."""

    def __init__(self, page: Any) -> None:
        self.pending: set[Any] = set()
        self.changed = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Any) -> None:
        self.pending.add(request)
        self.changed = time.monotonic()

    def _ended(self, request: Any) -> None:
        self.pending.discard(request)
        self.changed = time.monotonic()


_WATCHED: weakref.WeakKeyDictionary[Any, _Requests] = weakref.WeakKeyDictionary()


def watch(page: Any) -> Any:
    """Follow the page's requests from now on (before its first navigation); the page."""
    if page not in _WATCHED:
        _WATCHED[page] = _Requests(page)
    return page


def settle(page: Any, quiet_ms: int = QUIET_MS) -> None:
    """Wait for the load event, then until no request has been in flight for `quiet_ms`."""
    requests = _WATCHED.get(page)
    if requests is None:
        raise RuntimeError("settle() needs a page passed to watch() before it navigated")
    page.wait_for_load_state("load")
    deadline = time.monotonic() + SETTLE_TIMEOUT_MS / 1000
    while requests.pending or time.monotonic() - requests.changed < quiet_ms / 1000:
        if time.monotonic() > deadline:
            urls = sorted(r.url for r in requests.pending)
            raise TimeoutError(f"{page.url}: requests still in flight: {urls}")
        page.wait_for_timeout(POLL_MS)


def open_settled(page: Any, url: str, quiet_ms: int = QUIET_MS) -> Any:
    """Go to `url` and wait for the page to settle; the page."""
    page.goto(url)
    settle(page, quiet_ms)
    return page



@contextmanager
def shared_page(browser: Any, timeout_ms: int = SETTLE_TIMEOUT_MS, **options: Any
                ) -> Iterator[Any]:
    """One page, of a context of its own made with `options`, watched (`settle`): for the
    tests of a module, each inside `page_turn`."""
    context = browser.new_context(**options)
    try:
        page = watch(context.new_page())
        page.set_default_timeout(timeout_ms)
        yield page
    finally:
        context.close()


FORGET = "() => { localStorage.clear(); sessionStorage.clear(); }"
EMPTY_STORAGE: dict[str, list[Any]] = {"cookies": [], "origins": []}
DEFAULT_MEDIA = {"color_scheme": "light", "reduced_motion": "no-preference"}  # Playwright's


def emulate(page: Any, **media: Any) -> None:
    """Change the page's emulated media (`color_scheme`, `reduced_motion`) with no page of the
    site open, then empty the context's storage: a page of the site open when the reader's
    colour scheme changes stores the palette it shows (Material), and a stored palette wins
    over the scheme on the next page."""
    page.goto("about:blank")
    page.emulate_media(**media)
    page.context.set_storage_state(EMPTY_STORAGE)


@contextmanager
def page_turn(page: Any) -> Iterator[Any]:
    """One test's use of a shared page: what the test stored (local and session storage of
    the origin the page is on, cookies) is emptied when it ends."""
    try:
        yield page
    finally:
        if not page.is_closed():
            from playwright.sync_api import Error

            try:
                if page.url.startswith("http"):
                    page.evaluate(FORGET)
            except Error:  # the page between two documents: empty the storage the slow way
                page.goto("about:blank")
                page.context.set_storage_state(EMPTY_STORAGE)
            page.context.clear_cookies()
