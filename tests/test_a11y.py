"""Accessibility as a reader meets it, in headless Chromium (/usr/bin/chromium, driven by
Playwright; no browser download, no network beyond 127.0.0.1):

- axe-core (vendored, tests/vendor/axe.min.js) finds no serious or critical violation on any
  page type (tests/axe_runner.PAGE_TYPES), in the light and in the dark palette;
- every control can be reached and used by keyboard alone, with a visible focus: the search box
  and its results, the palette toggle, the figures filter, and the pagers (listing pages, a
  weekly issue's neighbours, a split index's pages).

Skipped, with the reason, when /usr/bin/chromium or the playwright package is absent.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from tests.axe_runner import (
    PAGE_TYPES,
    SCHEMES,
    audit,
    audit_both_palettes,
    audit_palettes,
    failing,
    serve_site,
)
from tests.browser_pages import (
    DEFAULT_MEDIA,
    emulate,
    open_settled,
    page_turn,
    settle,
    shared_page,
)
from tests.built_site import BuiltSite  # the fixtures built_site, synth_site: tests/conftest.py
from tests.conftest import browser_missing, skip_browser_tests

VIEWPORT = {"width": 1280, "height": 900}
TABS_MAX = 200  # Tab presses to reach a control before giving up (the home page has ~90 stops)

pytestmark = pytest.mark.browser

if browser_missing():
    skip_browser_tests(browser_missing())
from playwright.sync_api import Browser, Page  # noqa: E402  (after the check above)

# `browser`: the session's one Chromium (tests/conftest.py).


@pytest.fixture(scope="module")
def base(built_site: BuiltSite) -> Iterator[str]:
    with serve_site(built_site.site, built_site.site_url) as url:
        yield url


@pytest.fixture(scope="module")
def synth_base(synth_site: BuiltSite) -> Iterator[str]:
    with serve_site(synth_site.site, synth_site.site_url) as url:
        yield url


@pytest.fixture(scope="module")
def module_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """One page for the module's tests (tests/browser_pages.py), and its script errors."""
    with shared_page(browser, 20_000, viewport=VIEWPORT) as opened:
        errors: list[str] = []
        opened.on("pageerror", lambda exc: errors.append(str(exc)))
        yield opened, errors


@pytest.fixture
def page(module_page: tuple[Page, list[str]], base: str) -> Iterator[Page]:
    opened, errors = module_page
    errors.clear()
    with page_turn(opened):
        yield opened
    assert errors == [], "script errors while using the page"


# -- axe ---------------------------------------------------------------------------------------


def test_no_serious_axe_violations(page: Page, base: str) -> None:
    """Every page type in both palettes, each page opened once (axe_runner.audit_palettes)."""
    results = audit_palettes(page, base)
    assert set(results) == set(SCHEMES)
    for scheme, by_type in results.items():
        assert set(by_type) == set(PAGE_TYPES), scheme
        found = {name: [str(v) for v in failing(v)] for name, v in by_type.items() if failing(v)}
        assert found == {}, f"axe, {scheme} palette: {found}"


@pytest.mark.parametrize(("scheme", "body"), [("light", "default"), ("dark", "slate")])
def test_palette_follows_the_readers_system(page: Page, base: str, scheme: str,
                                            body: str) -> None:
    """The audit's dark run is the dark palette: Material picks it from prefers-color-scheme."""
    emulate(page, color_scheme=scheme)
    try:
        _open(page, base)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == body
    finally:
        emulate(page, **DEFAULT_MEDIA)


def test_audit_fails_on_a_serious_violation(page: Page) -> None:
    """The harness itself: a page with grey-on-grey text, an unnamed dialog and an unlabelled
    field has serious or critical violations, and `failing` reports them."""
    page.goto("about:blank")  # no script of the site's left to act on the new content
    page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main>'
        '<p style="color:#aaa;background:#bbb">Faint text</p>'
        '<div role="dialog">Search</div><input type="text"></main></body></html>'
    )
    rules = {v.rule for v in failing(audit(page))}
    assert {"color-contrast", "aria-dialog-name", "label"} <= rules


# Text the dark palette alone makes faint: a rule keyed on Material's dark palette, added to the
# document as a constructed stylesheet (which the page's Content-Security-Policy does not govern).
DARK_ONLY_FAINT = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('[data-md-color-scheme=slate] .md-typeset p { color: #3a3a3a !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


def test_audit_switches_to_the_dark_palette(page: Page, base: str) -> None:
    """The audit's palette switch (axe_runner.audit_both_palettes) audits the page as the dark
    palette shows it: text made faint by a dark-only rule fails there, and only there."""
    emulate(page, color_scheme="light")
    try:
        _open(page, base)
        page.evaluate(DARK_ONLY_FAINT)
        found = {scheme: {v.rule for v in failing(violations)}
                 for scheme, violations in audit_both_palettes(page).items()}
    finally:
        emulate(page, **DEFAULT_MEDIA)
    assert "color-contrast" not in found["light"]
    assert "color-contrast" in found["dark"]


# -- keyboard ----------------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // A control drawn by its label (the palette toggle is a visually hidden radio button whose
  // next sibling label is the icon a reader sees): the focus ring is on that label.
  let shown = e;
  const box = e.getBoundingClientRect();
  if ((box.width < 2 || box.height < 2) && e.nextElementSibling &&
      e.nextElementSibling.tagName === 'LABEL') shown = e.nextElementSibling;
  const style = getComputedStyle(shown);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
  const rect = shown.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), cls: e.className || '', name: e.getAttribute('name'),
          href: e.getAttribute('href'),
          text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
          current: e.getAttribute('aria-current'),
          nav: e.closest('nav') ? e.closest('nav').className : null,
          visible: ring && rect.width > 0 && rect.height > 0};
}"""


def _tab_to(page: Page, wanted: Any, what: str) -> dict[str, Any]:
    """Press Tab until the focused element satisfies `wanted`; it must show a visible focus,
    and so must every element met on the way."""
    for _ in range(TABS_MAX):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        assert focused["visible"], f"no visible focus on {focused}"
        if wanted(focused):
            return dict(focused)
    pytest.fail(f"{what}: not reached in {TABS_MAX} Tab presses on {page.url}")


def _open(page: Page, url: str) -> None:
    open_settled(page, url)


def test_search_by_keyboard(page: Page, base: str) -> None:
    _open(page, base)
    _tab_to(page, lambda f: "md-search__input" in f["cls"], "the search box")
    page.keyboard.type("Trainium2", delay=20)
    page.locator(".md-search-result__link").first.wait_for()
    page.keyboard.press("ArrowDown")  # into the results, as Material's keyboard handling does
    focused = page.evaluate(FOCUSED)
    assert focused["visible"] and "md-search-result__link" in focused["cls"]
    target = urllib.parse.urljoin(page.url, focused["href"]).split("?")[0]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    settle(page)
    assert page.url.split("?")[0] == target
    assert "Trainium2" in page.locator("article h1").first.inner_text()


def test_palette_toggle_by_keyboard(page: Page, base: str) -> None:
    _open(page, base)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    _tab_to(page, lambda f: f["name"] == "__palette", "the palette toggle")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{scheme} === 'slate'")
    assert page.evaluate(FOCUSED)["visible"]  # the focus stays on the toggle, still shown
    page.keyboard.press("Enter")
    page.wait_for_function(f"{scheme} === 'default'")


def test_figures_filter_by_keyboard(page: Page, base: str) -> None:
    _open(page, base + "figures/")
    total = page.locator("article table tbody tr").count()
    _tab_to(page, lambda f: f["tag"] == "select" and f["name"] == "entity", "the entity filter")
    page.keyboard.press("ArrowDown")  # the first entity
    chosen = page.evaluate("document.activeElement.value")
    assert chosen
    shown = page.locator("article table tbody tr:not([hidden])").count()
    assert 0 < shown < total
    assert page.locator("#figure-count").inner_text() == f"{shown} of {total} figures"
    _tab_to(page, lambda f: f["tag"] == "select" and f["name"] == "kind", "the kind filter")


def _follow_by_keyboard(page: Page, link: dict[str, Any]) -> str:
    """Press Enter on the focused link: the page it names opens. Returns its address."""
    target = urllib.parse.urljoin(page.url, link["href"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    settle(page)
    assert page.url == target
    return target


def test_listing_pager_by_keyboard(page: Page, base: str) -> None:
    _open(page, base)
    link = _tab_to(page, lambda f: f["tag"] == "a" and "Older entries" in f["text"],
                   "the home page's pager")
    _follow_by_keyboard(page, link)
    _tab_to(page, lambda f: f["tag"] == "a" and "Newer entries" in f["text"],
            "the listing page's pager")


def test_issue_pager_by_keyboard(page: Page, base: str) -> None:
    _open(page, base + "weekly/")
    issue = page.locator("article a[href*='-w']").last.get_attribute("href")  # the oldest
    assert issue
    _open(page, urllib.parse.urljoin(page.url, issue))
    link = _tab_to(page, lambda f: f["tag"] == "a" and f["text"].endswith("→"),
                   "the issue's link to the next issue")
    assert "/weekly/" in _follow_by_keyboard(page, link)


def test_split_index_pages_by_keyboard(page: Page, synth_base: str) -> None:
    _open(page, synth_base + "figures/")
    years = page.locator("nav.sd-pages a")
    assert years.count() >= 2, "the synthetic archive's figures index is not split"
    current = _tab_to(page, lambda f: f["nav"] == "sd-pages" and f["current"] == "page",
                      "the current page's link")
    assert current["text"]
    link = _tab_to(page, lambda f: f["nav"] == "sd-pages" and f["current"] is None,
                   "another page of the index")
    _follow_by_keyboard(page, link)
    assert page.locator("nav.sd-pages a[aria-current='page']").count() == 1
    # the page's own filter works on its rows
    total = page.locator("article table tbody tr").count()
    _tab_to(page, lambda f: f["tag"] == "select" and f["name"] == "kind", "the kind filter")
    page.keyboard.press("ArrowDown")
    shown = page.locator("article table tbody tr:not([hidden])").count()
    assert 0 < shown < total
    assert page.locator("#figure-count").inner_text() == f"{shown} of {total} figures"
    found = failing(audit(page))
    assert found == [], [str(v) for v in found]
