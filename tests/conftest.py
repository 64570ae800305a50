"""Shared fixtures: paths to the repository, the shared seed and corpus, a loopback server."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.browser_pages import NO_OTHER_HOSTS

REPO = Path(__file__).resolve().parents[1]
# CI sets DIGEST_REQUIRE_BROWSER=1: there a missing Chromium or Playwright fails the job instead
# of skipping the browser tests without anyone noticing.
REQUIRE_BROWSER = os.environ.get("DIGEST_REQUIRE_BROWSER") == "1"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_11a8933b39e6874c.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article absent ({SEED}); it ships in ../shared/seed")
    return SEED.read_text(encoding="utf-8")


SEED_HEADLINE = "Apple turns to Amazon chips for AI pre-training and more"
SEED_LAST_BODY_END = "tend to rely on."  # the seed README: the body ends "...tend to rely on."


@pytest.fixture
def seed_body(seed_text: str) -> list[str]:
    """The seed's editorial paragraphs, cut by hand from the README's description (not by our
    extractor), for testing the editorial stages on their own."""
    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    start = paragraphs.index(SEED_HEADLINE) + 1
    end = next(i for i, p in enumerate(paragraphs) if p.endswith(SEED_LAST_BODY_END))
    return paragraphs[start : end + 1]


Route = tuple[int, dict[str, str], bytes]


@pytest.fixture
def http_server() -> Iterator[Callable[[dict[str, Route]], str]]:
    """Start a server on 127.0.0.1 serving fixed routes: {path: (status, headers, body)}.
    Returns a function that installs the routes and gives the base URL."""
    routes: dict[str, Route] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            status, headers, body = routes.get(path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with _serving(Handler) as server:

        def install(new_routes: dict[str, Route]) -> str:
            routes.update(new_routes)
            return f"http://127.0.0.1:{server.server_address[1]}"

        yield install


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    """Serves a folder's files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """The folder's files on 127.0.0.1 (a free port) while the block runs: its base URL."""
    with _serving(functools.partial(QuietFiles, directory=str(folder))) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def _serving(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[
    http.server.ThreadingHTTPServer
]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- the order of the modules under pytest-xdist ---------------------------------------------
# `make test` hands whole modules to the workers (`--dist loadfile --no-loadscope-reorder`), in
# the order collected: the longest first, so that no long module starts last and runs alone.
# A module's length is its time in the last run that ran it (pytest's cache); a module never
# timed counts as long when it drives the browser or builds a site, else as short.
MODULE_SECONDS = "silicon-digest/module-seconds"  # the cache key: {module path: seconds}
UNTIMED_SECONDS = {"browser": 60.0, "site": 30.0}  # by marker, for a module not yet timed


def _estimate(items: list[pytest.Item], timed: dict[str, float]) -> float:
    module = items[0].nodeid.split("::")[0]
    if module in timed:
        return timed[module]
    marks = {mark.name for item in items for mark in item.iter_markers()}
    return max((s for name, s in UNTIMED_SECONDS.items() if name in marks), default=0.0)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """(xdist, main process) Every worker gets the same times, read once: a run ending
    meanwhile in the same checkout cannot give two workers two orders."""
    cache = getattr(node.config, "cache", None)  # None under -p no:cacheprovider
    node.workerinput[MODULE_SECONDS] = cache.get(MODULE_SECONDS, {}) if cache else {}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    timed = getattr(config, "workerinput", {}).get(MODULE_SECONDS)
    if timed is None:
        return  # a run in one process keeps the collected order
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:  # a module's items keep their order (fixtures grouped by pytest)
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    ordered = sorted(modules.values(), key=lambda group: -_estimate(group, timed))
    items[:] = [item for group in ordered for item in group]


_seconds: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    module = report.nodeid.split("::")[0]
    _seconds[module] = _seconds.get(module, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The main process (or a run without xdist) records each module's time of this run."""
    cache = getattr(session.config, "cache", None)
    if "PYTEST_XDIST_WORKER" in os.environ or cache is None or not _seconds:
        return
    cache.set(MODULE_SECONDS, {**cache.get(MODULE_SECONDS, {}), **_seconds})


@pytest.fixture(scope="session")
def _working_folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cwd")


@pytest.fixture(autouse=True)
def _run_outside_the_repository(_working_folders: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in a fresh empty folder: what a command writes relative to its working
    directory (`digest add`'s .cache/digest) never lands in the repository, where a later run
    would read it, and no test can rely on being started from the repository root. The folders
    are made by tempfile in one folder of the session's temporary tree: pytest's numbered
    folders (mktemp) list the whole tree at each call, which over some 5,000 tests cost seconds."""
    monkeypatch.chdir(tempfile.mkdtemp(dir=_working_folders))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The sample site, built once per test run (tests/built_site.py): read only."""
    from tests.built_site import sample_site

    return sample_site(tmp_path_factory)


@pytest.fixture(scope="session")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A synthetic 300-entry archive's site, built once per test run (tests/built_site.py):
    read only."""
    from tests.built_site import synthetic_site

    return synthetic_site(tmp_path_factory)


def free_port() -> int:
    """A loopback port nothing listens on: bound to learn a free one, then closed."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def skip_browser_tests(reason: str) -> None:
    """Skip this browser test module for `reason`, or fail it when CI requires the browser."""
    if REQUIRE_BROWSER:
        pytest.fail(f"DIGEST_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


# -- one Chromium per test process -------------------------------------------------------------
# The OS's Chromium, driven by Playwright (its own browser downloads are never used). One
# browser serves every browser test of the session (tests/test_a11y.py, test_browser.py,
# test_csp.py, test_search.py): each module reads in one page of a context of its own, and its
# tests take turns on it, the storage emptied after each (tests/browser_pages.py).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    NO_OTHER_HOSTS,  # no host but 127.0.0.1 resolves (tests/browser_pages.py)
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # V8 runs the pages' scripts and axe-core in its interpreter and baseline compiler only
    # (Sparkplug), never in its optimising compilers (Maglev, TurboFan): a test page lives for
    # a second or two, too short for optimised code to repay its compiling. The same results,
    # less CPU: measured on the sample site (load average 4-7, 2 cores), 24 page loads
    # 9.2 -> 8.5 CPU s, the axe audit of every page type in both palettes 16.3 -> 13.1.
    "--js-flags=--max-opt=1",
]


def browser_missing() -> str:
    """Why the browser tests cannot run here ("" when they can)."""
    if not CHROMIUM.is_file():
        return f"browser tests need Chromium at {CHROMIUM} (apt install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need the playwright package (pip install playwright)"
    return ""


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium for the whole session (skipped, or failed under
    DIGEST_REQUIRE_BROWSER=1, when it cannot start)."""
    reason = browser_missing()
    if reason:
        skip_browser_tests(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
