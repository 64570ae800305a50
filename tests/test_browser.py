"""The site as a reader meets it: the sample archive (plus a second outlet's write-up of the
Trainium2 launch, so related coverage shows) built into a temporary folder, served on
127.0.0.1, and read in headless Chromium (the OS package at /usr/bin/chromium, driven by
Playwright; Playwright's own browser downloads are never used).

Skipped, with the reason, when /usr/bin/chromium or the playwright package is absent.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from digest.archive.entry import read_entry, render_entry
from digest.models import Entry, Figure, Quote
from tests.browser_pages import (
    NETWORKIDLE_MS,
    QUIET_MS,
    open_settled,
    page_turn,
    settle,
    shared_page,
    watch,
)
from tests.conftest import REPO, browser_missing, serve_folder, skip_browser_tests

VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 15_000

pytestmark = pytest.mark.browser

if browser_missing():
    skip_browser_tests(browser_missing())
from playwright.sync_api import (  # noqa: E402
    Browser,
    ConsoleMessage,
    Page,
    Request,
)


def _trainium2_entry() -> tuple[Path, Entry]:
    for path in sorted((REPO / "docs" / "posts").glob("*.md")):
        entry = read_entry(path)
        if "Trainium2" in entry.tags and "Trainium2" in entry.title:
            return path, entry
    pytest.fail("the sample archive has no Trainium2 entry")


TRN2_PATH, TRN2 = _trainium2_entry()
SECOND_OUTLET = Entry(  # our own sentences about the same launch, from another outlet
    title="Amazon's Trn2 instances go live for every cloud customer",
    date=TRN2.date + dt.timedelta(days=1),
    source_name="Cloud Ledger",
    url="https://cloudledger.example/2024/12/trn2-instances-live",
    author="Mara Quint",
    summary=(
        "AWS switched on Trn2 instances for all customers at re:Invent in Las Vegas: sixteen "
        "Trainium2 accelerators each, at 30% to 40% better price performance than its GPU-based "
        "P5e and P5en instances. A 3nm Trainium3 is due late next year."
    ),
    tags=["AWS", "Trainium2", "Trainium3", "3nm", "Custom silicon"],
    categories=["AI accelerators"],
    figures=[
        Figure("30% to 40%", "better price performance than the GPU-based P5e and P5en instances"),
        Figure("20.8 petaflops", "dense FP8 compute of one Trn2 instance with 16 Trainium2 chips"),
    ],
    quotes=[
        Quote("Buyers will test the price claim before anything else", "Ola Brenner", "analyst")
    ],
    slug="amazon-s-trn2-instances-go-live-for-every-cloud-customer",
)



@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def engine(request: pytest.FixtureRequest) -> str:
    """Each engine builds the site (Zensical skipped, with the reason, when not installed)."""
    if request.param == "zensical":
        pytest.importorskip("zensical", reason="pip install 'silicon-digest[zensical]'")
    return str(request.param)


@pytest.fixture(scope="module")
def base_url(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site plus the second outlet's entry, built by the engine and served on
    127.0.0.1."""
    root = tmp_path_factory.mktemp(f"browser-site-{engine}")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    extra = root / "docs" / "posts" / f"{SECOND_OUTLET.date}-{SECOND_OUTLET.slug}.md"
    extra.write_text(render_entry(SECOND_OUTLET), encoding="utf-8")
    command = [sys.executable, "-m", "digest", "build", "--config", str(root / "mkdocs.yml")]
    command += ["--engine", engine, "--site-dir", str(root / "site")]
    subprocess.run(command, check=True, cwd=root)
    with serve_folder(root / "site") as url:
        yield url


# `browser`: the session's one Chromium (tests/conftest.py).


class Reader:
    """A page plus what went wrong while reading it: console errors, script errors, and
    requests that tried to leave 127.0.0.1 (the site makes no third-party requests)."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.errors: list[str] = []
        self.outside: list[str] = []
        watch(page)
        page.set_default_timeout(TIMEOUT_MS)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        # Seen, not intercepted: a route would turn the browser's HTTP cache off and pass every
        # request through this process (some 30 % of the CPU of a page load). The browser
        # cannot reach another host anyway (tests/conftest.py: CHROMIUM_ARGS).
        page.on("request", self._request)


    @contextmanager
    def turn(self) -> Iterator[Reader]:
        """One test's turn on a module's shared page: what went wrong before it is forgotten,
        and what the test stored is emptied when it ends (browser_pages.page_turn)."""
        self.errors.clear()
        self.outside.clear()
        with page_turn(self.page):
            yield self

    @contextmanager
    def on_site(self, base_url: str) -> Iterator[Reader]:
        """The reader on another site served on 127.0.0.1 while the block runs: paths are
        opened on it, its requests are the site's own and requests that leave it `outside`."""
        before, self.base_url = self.base_url, base_url
        try:
            yield self
        finally:
            self.base_url = before

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def _request(self, request: Request) -> None:
        if not request.url.startswith(self.base_url):
            self.outside.append(request.url)

    def open(self, path: str, quiet_ms: int = QUIET_MS) -> Page:
        return open_settled(self.page, urllib.parse.urljoin(self.base_url, path), quiet_ms)

    def follow(self, locator: Any) -> Page:
        """Click a link and wait for the page it opens to settle."""
        with self.page.expect_navigation():
            locator.click()
        settle(self.page)
        return self.page


@pytest.fixture(scope="module")
def module_page(browser: Browser) -> Iterator[Reader]:
    """One page for the module's tests, of both engines' sites (tests/browser_pages.py): a
    page of a new context cost some 0.5 CPU seconds more to start than a load in this one."""
    with shared_page(browser, TIMEOUT_MS, viewport=VIEWPORT) as page:
        yield Reader(page, "")


@pytest.fixture(scope="module")
def module_reader(module_page: Reader, base_url: str) -> Iterator[Reader]:
    """The module's page on an engine's site (pytest runs one engine's tests, then the
    other's)."""
    with module_page.on_site(base_url) as reader:
        yield reader


@pytest.fixture
def reader(module_reader: Reader) -> Iterator[Reader]:
    """The module's page for one test, with what went wrong in it during the test."""
    with module_reader.turn() as reader:
        yield reader


def _entry_path(page: Page, entry: Entry) -> str:
    """The site path of an entry, found through the home page's links (blog URLs are dated)."""
    href = page.locator(f"a[href$='/{entry.slug}/']").first.get_attribute("href")
    assert href, f"the home page does not link to {entry.slug}"
    return urllib.parse.urljoin(page.url, href)


def _heading(page: Page) -> str:
    """The page's title as shown (without the permalink sign)."""
    return page.locator(".md-content h1").first.inner_text().removesuffix("¶").strip()


# Addresses found through a listing's links, once per site: a test that only needs to open
# the page then opens it directly (a page load is some 0.3 CPU seconds of Chromium's).


@pytest.fixture(scope="module")
def trn2_url(module_reader: Reader) -> str:
    """The Trainium2 entry's address, from the home page's links."""
    with module_reader.turn():
        return _entry_path(module_reader.open(""), TRN2)


@pytest.fixture(scope="module")
def latest_issue_url(module_reader: Reader) -> str:
    """The newest weekly issue's address, from the archive of issues."""
    with module_reader.turn():
        page = module_reader.open("weekly/")
        href = page.locator("article a[href*='-w']").first.get_attribute("href")
        assert href, "the archive of issues links to no issue"
        return urllib.parse.urljoin(page.url, href)


def test_search_finds_trainium2(reader: Reader, engine: str) -> None:
    page = reader.open("")
    if engine == "zensical":
        # Zensical's own search: a button opening a dialog, its results a listbox
        page.locator(".md-search__button").first.click()
        page.keyboard.type("Trainium2", delay=30)
        hit = page.get_by_role("option").filter(has_text=TRN2.title).first
    else:
        page.locator("label.md-search__icon, .md-search__input").first.click()
        # typed key by key, as a reader types: Material searches on keyboard events
        page.locator("input.md-search__input").press_sequentially("Trainium2", delay=30)
        page.locator(".md-search-result__item").first.wait_for()
        hit = page.locator(".md-search-result__link", has_text=TRN2.title).first
    hit.wait_for()
    page = reader.follow(hit)
    assert _heading(page) == TRN2.title


def test_tag_page_lists_entry(reader: Reader) -> None:
    """The tag index links to the tag's page, which lists both outlets' entries."""
    page = reader.open("tags/")
    page = reader.follow(page.locator("article a.md-tag", has_text="Trainium2").first)
    assert _heading(page) == "Entries tagged Trainium2"
    listing = page.locator("article ul").first
    assert listing.get_by_role("link", name=TRN2.title).count() == 1
    assert listing.get_by_role("link", name=SECOND_OUTLET.title).count() == 1


def test_entity_page_lists_entry(reader: Reader) -> None:
    page = reader.open("entities/trainium2/")
    assert _heading(page) == "Trainium2"
    assert page.get_by_text("Made by").count() == 1
    timeline = page.locator("h2#timeline + ul")
    page = reader.follow(timeline.get_by_role("link", name=TRN2.title))
    assert _heading(page) == TRN2.title


def test_entry_shows_also_covered_by(reader: Reader, trn2_url: str) -> None:
    page = reader.open(trn2_url)
    covered = page.locator("h2#also-covered-by + ul")
    # One line per other outlet, "Outlet: headline" (the sample archive has a second outlet's
    # write-up of the launch as well).
    lines = covered.inner_text().splitlines()
    assert f"{SECOND_OUTLET.source_name}: {SECOND_OUTLET.title}" in lines
    page = reader.follow(covered.get_by_role("link", name=SECOND_OUTLET.title))
    assert page.locator("h2#also-covered-by + ul").get_by_role("link", name=TRN2.title).count() == 1


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # 127.0.0.1 only
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_weekly_issue_links_resolve(reader: Reader) -> None:
    """Every link of the archive of issues and of every issue answers 200 (same-site links;
    in-page anchors point at an element of the page)."""
    page = reader.open("weekly/")
    issues = sorted(
        {
            urllib.parse.urljoin(page.url, h)
            for h in _hrefs(page)
            if "/weekly/20" in urllib.parse.urljoin(page.url, h)
        }
    )
    assert issues, "no issue linked from the archive"
    checked: dict[str, int] = {}
    for url in [page.url, *issues]:
        if url != page.url:  # the archive is open already
            page = reader.open(url)
        for href in _hrefs(page):
            target = urllib.parse.urljoin(page.url, href)
            if not target.startswith(reader.base_url):
                continue  # the original articles and the repository: not ours to check offline
            document, _, anchor = target.partition("#")
            if anchor and document == page.url.partition("#")[0]:
                assert page.locator(f"[id='{anchor}']").count() == 1, f"{url}: #{anchor}"
                continue
            if document not in checked:
                checked[document] = _status(document)
            assert checked[document] == 200, f"{url} links to {document}: {checked[document]}"
    assert len(checked) > 10


def _hrefs(page: Page) -> list[str]:
    return [
        str(h)
        for h in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    ]


def _visible_rows(page: Page) -> Any:
    return page.locator("article table tbody tr:not([hidden])")


def test_figures_table_filters(reader: Reader) -> None:
    page = reader.open("figures/")
    total = _visible_rows(page).count()
    assert total > 20
    headers = [h.strip() for h in page.locator("article table thead th").all_inner_texts()]
    entity_col, kind_col = headers.index("Entity"), headers.index("Kind")

    page.select_option("select[name=entity]", "Trainium2")
    rows = _visible_rows(page)
    shown = rows.count()
    assert 0 < shown < total
    cells = [rows.nth(i).locator("td").nth(entity_col).inner_text() for i in range(shown)]
    assert set(cells) == {"Trainium2"}
    assert page.locator("#figure-count").inner_text() == f"{shown} of {total} figures"

    page.select_option("select[name=kind]", "Compute")
    rows = _visible_rows(page)
    both = rows.count()
    assert 0 < both <= shown
    for i in range(both):
        cells = rows.nth(i).locator("td")
        assert cells.nth(entity_col).inner_text() == "Trainium2"
        assert cells.nth(kind_col).inner_text() == "Compute"

    page.select_option("select[name=entity]", "")
    page.select_option("select[name=kind]", "")
    assert _visible_rows(page).count() == total


# The screenshots this test used to write (tests/screenshots/, which nothing read) are taken
# by benchmarks/screenshots.py --full-page.
@pytest.mark.parametrize("name", ["home", "entry", "weekly-issue", "entity", "figures"])
def test_no_console_errors(reader: Reader, name: str, request: pytest.FixtureRequest) -> None:
    if name == "entry":
        path = request.getfixturevalue("trn2_url")
    elif name == "weekly-issue":
        path = request.getfixturevalue("latest_issue_url")
    else:
        path = {"home": "", "entity": "entities/aws/", "figures": "figures/"}[name]
    reader.errors.clear()
    # Here, where the errors are the point, the page is given as long as Playwright's
    # networkidle would: a request started late (a timer's) has its answer, and its error.
    page = reader.open(path, quiet_ms=NETWORKIDLE_MS)
    assert _heading(page)
    assert reader.errors == []
    assert reader.outside == []
