"""The site's Content-Security-Policy (digest/site/csp.py, the meta in
digest/site/templates/main.html): its script hashes are those of the installed Material, every
inline script of a built page is allowed by it, the site works under it in Chromium with no
violation, and an inline handler, inline script or javascript: link slipped into a page does
not run."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.site.csp import (
    POLICY_TEMPLATE,
    expected_sources,
    inline_scripts,
    page_policy,
    script_hash,
)
from tests.browser_pages import shared_page
from tests.built_site import BuiltSite  # the fixture built_site: tests/conftest.py
from tests.conftest import REPO, serve_folder


def _site_url() -> str | None:
    match = re.search(r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text("utf-8"), re.M)
    return match.group(1) if match else None


def test_policy_lists_the_installed_materials_script_hashes() -> None:
    """Every inline script of the installed Material is allowed: fails after a Material upgrade
    that changes its inline scripts (paste the printed list into main.html's script-src, after
    'self'). The list is the newest supported release's, which holds the scripts of the lowest
    one too (CI builds with both, pyproject.toml's range): on an older release the policy
    lists hashes that release does not need, and the test asks only that none is missing."""
    policy = page_policy(POLICY_TEMPLATE.read_text(encoding="utf-8"))
    assert policy is not None, f"{POLICY_TEMPLATE} has no Content-Security-Policy meta"
    expected = expected_sources(_site_url())
    listed = [s for s in policy["script-src"] if s != "'self'"]
    missing = [s for s in expected if s not in listed]
    assert missing == [], "script-src should be:\n" + " ".join(expected)


def test_policy_forbids_what_the_issue_names() -> None:
    policy = page_policy(POLICY_TEMPLATE.read_text(encoding="utf-8"))
    assert policy is not None
    assert "'unsafe-inline'" not in policy["script-src"]  # no inline handlers or scripts
    assert policy["img-src"] == ["'self'", "data:"]  # no images from other hosts
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]


def test_hash_of_a_script() -> None:  # the example of the CSP specification's hash source
    assert script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


@pytest.fixture(scope="module")
def sample_site(built_site: BuiltSite) -> Path:
    """The sample site, built by `digest build` into a temporary folder (once per test run,
    tests/built_site.py; read only)."""
    return built_site.site


@pytest.mark.site
def test_every_inline_script_of_every_page_is_allowed(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = page_policy(html)
        if policy is None:
            problems.append(f"{path.relative_to(sample_site)}: no policy")
            continue
        if html.find("Content-Security-Policy") > html.find("<script"):
            problems.append(f"{path.relative_to(sample_site)}: policy after a script")
        problems += [
            f"{path.relative_to(sample_site)}: not allowed: {script[:60]!r}"
            for script in inline_scripts(html) if script_hash(script) not in policy["script-src"]
        ]
    assert problems == []


# --- in the browser --------------------------------------------------------------------------

# Chromium and the Reader of the browser tests (tests/test_browser.py skips itself, with the
# reason, without Chromium or playwright: these tests then skip with the same reason).
try:
    from tests.test_browser import VIEWPORT, Reader
    BROWSER_MISSING = ""
except pytest.skip.Exception as exc:
    BROWSER_MISSING = str(exc)

# Violations reported to the page (the `securitypolicyviolation` event), kept for the test.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
});
"""
INJECTED = (
    '<img id="sd-injected-img" src="missing.png" onerror="window.__ran = \'img\'">'
    '<button id="sd-injected-button" onclick="window.__ran = \'button\'">press</button>'
    '<a id="sd-injected-link" href="javascript:window.__ran = \'link\'">follow</a>'
    "<script>window.__ran = 'script';</script>"
)


@pytest.fixture(scope="module")
def served(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the built site on 127.0.0.1, plus one page with script slipped into its
    article (as if every other layer had failed)."""
    site = tmp_path_factory.mktemp("csp-site") / "site"
    shutil.copytree(sample_site, site)
    entry = next(site.glob("2024/12/03/*/index.html"))
    injected = entry.parent.parent / "sd-injected" / "index.html"
    injected.parent.mkdir()
    html = entry.read_text(encoding="utf-8")
    injected.write_text(re.sub(r"(<article[^>]*>)", r"\1" + INJECTED, html, count=1), "utf-8")
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="module")
def module_reader(request: pytest.FixtureRequest, served: str) -> Iterator[Reader]:
    """One page for the module's browser tests (tests/browser_pages.py), listening for
    violations in every document it opens."""
    if BROWSER_MISSING:
        pytest.skip(BROWSER_MISSING)
    with shared_page(request.getfixturevalue("browser"), viewport=VIEWPORT) as page:
        page.add_init_script(LISTEN)
        yield Reader(page, served)


@pytest.fixture
def reader(module_reader: Reader) -> Iterator[Reader]:
    with module_reader.turn() as reader:
        yield reader


def _violations(reader: Reader) -> list[str]:
    found = [str(v) for v in reader.page.evaluate("window.__cspViolations || []")]
    return found + [e for e in reader.errors if "Content Security Policy" in e]


@pytest.mark.browser
def test_site_works_under_the_policy_without_violations(reader: Reader) -> None:
    page = reader.open("")
    # search returns a result (Material's search worker, from the site)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Trainium2", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() > 0
    page.keyboard.press("Escape")
    # the palette toggle switches the colour scheme
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') !== {before!r}"
    )
    # the figures filter filters
    page = reader.open("figures/")
    rows = page.locator("article table tbody tr:not([hidden])")
    total = rows.count()
    page.select_option("select[name=entity]", "Trainium2")
    assert 0 < rows.count() < total
    assert _violations(reader) == []
    assert reader.errors == []


@pytest.mark.browser
def test_injected_inline_script_and_handlers_do_not_run(reader: Reader) -> None:
    page = reader.open("2024/12/03/sd-injected/")
    page.locator("#sd-injected-button").click()
    page.locator("#sd-injected-link").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran === undefined")
    violations = _violations(reader)
    assert any("script-src" in v for v in violations), violations
    # and the page's own scripts did run: Material's header and palette are live
    assert page.evaluate("typeof __md_get === 'function'")
