"""axe-core in headless Chromium: the page types of a built site, each opened in the light and
the dark palette and audited. Used by tests/test_a11y.py and by benchmarks/a11y_audit.py (which
prints the counts per page type).

axe-core is vendored (tests/vendor/axe.min.js, see tests/vendor/README.md): no network at test
time. It is injected with `page.evaluate`, which the page's Content-Security-Policy does not
govern, so the audit sees the page exactly as a reader gets it.
"""

from __future__ import annotations

import re
import tempfile
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# Impacts that fail the audit (axe's scale: minor, moderate, serious, critical).
FAILING = ("serious", "critical")
# The palettes of mkdocs.yml, chosen as a reader's system would: Material picks the palette
# whose `media` query matches the browser's prefers-color-scheme.
SCHEMES = ("light", "dark")
TIMEOUT_MS = 20_000


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    impact: str
    nodes: int
    targets: tuple[str, ...]
    help: str

    def __str__(self) -> str:
        where = "; ".join(self.targets[:3])
        return f"{self.rule} ({self.impact}, {self.nodes} nodes: {where}): {self.help}"


def audit(page: Any) -> list[Violation]:
    """axe-core's violations on the page as it stands (every rule axe runs by default)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({
                rule: v.id, impact: v.impact || 'minor', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }"""
    )
    return [
        Violation(v["rule"], v["impact"], len(v["targets"]), tuple(v["targets"]), v["help"])
        for v in found
    ]


def failing(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in FAILING]


# -- the page types --------------------------------------------------------------------------


def _first_link(page: Any, selector: str, what: str) -> str:
    href = page.locator(selector).first.get_attribute("href")
    if not href:
        raise AssertionError(f"no link to {what} ({selector}) on {page.url}")
    return urllib.parse.urljoin(page.url, href)


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def _entry(page: Any, base: str) -> None:
    _open(page, base)
    _open(page, _first_link(page, "article a[href*='/20']:not([href*='weekly'])", "an entry"))


def _issue(page: Any, base: str) -> None:
    _open(page, base + "weekly/")
    _open(page, _first_link(page, "article a[href*='-w']", "an issue"))


def _entity(page: Any, base: str) -> None:
    _open(page, base + "entities/")
    _open(page, _first_link(page, "article table a[href]", "an entity page"))


def _search_open(page: Any, base: str) -> None:
    """The home page with the search dialog open and results for a word every site has."""
    _open(page, base)
    page.keyboard.press("/")  # Material's shortcut, as a keyboard user opens search
    box = page.locator("input.md-search__input, input[type=search]").first
    box.wait_for(state="visible")
    word = page.locator("article h2 a, article h1").first.inner_text().split()[0]
    box.press_sequentially(re.sub(r"\W", "", word) or "chip", delay=20)
    page.locator(".md-search-result__item").first.wait_for()  # results, not the placeholder
    page.wait_for_timeout(300)


PAGE_TYPES: dict[str, Callable[[Any, str], None]] = {
    "home": lambda page, base: _open(page, base),
    "entry": _entry,
    "weekly issue": _issue,
    "issue archive": lambda page, base: _open(page, base + "weekly/"),
    "entity page": _entity,
    "entity index": lambda page, base: _open(page, base + "entities/"),
    "figures": lambda page, base: _open(page, base + "figures/"),
    "quotes": lambda page, base: _open(page, base + "quotes/"),
    "tags": lambda page, base: _open(page, base + "tags/"),
    "search results open": _search_open,
    "404": lambda page, base: _open(page, base + "404.html"),
}


def audit_site(browser: Any, base: str, scheme: str, types: list[str] | None = None
               ) -> dict[str, list[Violation]]:
    """{page type: violations} for the site at `base` in one palette."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.route(
            "**/*",
            lambda route, request: route.continue_()
            if request.url.startswith(base) else route.abort(),
        )
        results = {}
        for name in types or list(PAGE_TYPES):
            PAGE_TYPES[name](page, base)
            results[name] = audit(page)
        return results
    finally:
        context.close()


@contextmanager
def serve_site(site: Path, site_url: str | None = None) -> Iterator[str]:
    """The built site on 127.0.0.1 at the path of its `site_url` ("/silicon-digest/"), where
    its 404 page's absolute links point: the base URL of the site."""
    from tests.conftest import serve_folder

    path = urllib.parse.urlsplit(site_url or "").path.strip("/")
    if not path:
        with serve_folder(site) as base:
            yield base
        return
    with tempfile.TemporaryDirectory(prefix="a11y-root-") as root:
        mount = Path(root, *path.split("/"))
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site.resolve(), target_is_directory=True)
        with serve_folder(Path(root)) as base:
            yield base + path + "/"
