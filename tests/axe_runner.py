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

from tests.browser_pages import DEFAULT_MEDIA, emulate, open_settled

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
    open_settled(page, url)


def _from(page: Any, url: str) -> None:
    """Open the listing at `url`, unless the page is on it already (PAGE_TYPES audits each
    listing just before the page it links to)."""
    if page.url != url:
        _open(page, url)


def _entry(page: Any, base: str) -> None:
    _from(page, base)
    _open(page, _first_link(page, "article a[href*='/20']:not([href*='weekly'])", "an entry"))


def _issue(page: Any, base: str) -> None:
    _from(page, base + "weekly/")
    _open(page, _first_link(page, "article a[href*='-w']", "an issue"))


def _entity(page: Any, base: str) -> None:
    _from(page, base + "entities/")
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
    # ... and the panel at rest: no transition or animation still running (was a fixed 300 ms)
    page.wait_for_function("() => document.getAnimations().length === 0")


# A listing comes just before the page type found through it: the page is then on it already.
PAGE_TYPES: dict[str, Callable[[Any, str], None]] = {
    "home": lambda page, base: _open(page, base),
    "entry": _entry,
    "issue archive": lambda page, base: _open(page, base + "weekly/"),
    "weekly issue": _issue,
    "entity index": lambda page, base: _open(page, base + "entities/"),
    "entity page": _entity,
    "figures": lambda page, base: _open(page, base + "figures/"),
    "quotes": lambda page, base: _open(page, base + "quotes/"),
    "tags": lambda page, base: _open(page, base + "tags/"),
    "search results open": _search_open,
    "404": lambda page, base: _open(page, base + "404.html"),
}


# The palette as Material shows it (body's data-md-color-scheme) for each scheme of SCHEMES.
SHOWN = {"light": "default", "dark": "slate"}
SHOWN_NOW = "document.body.getAttribute('data-md-color-scheme')"
# Material's palette toggle, as a reader's click on it works: the label shown for the other
# palette names a radio button of the palette form; checking it fires the `change` event that
# Material's palette component follows. Set here rather than clicked, so that the focus stays
# where the page type put it (the search box of "search results open").
SWITCH_PALETTE = """() => {
  const label = document.querySelector('form[data-md-component=palette] label:not([hidden])');
  const input = label && document.getElementById(label.htmlFor);
  if (!input) return false;
  input.checked = true;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  return true;
}"""
SETTLED = "() => document.getAnimations().length === 0"
# Where the page type left the page (its address, the element focused), kept in the document
# to check after a palette switch.
KEEP_PLACE = "() => { window.__auditPlace = [location.href, document.activeElement]; }"
SAME_PLACE = """() => location.href === window.__auditPlace[0] &&
  document.activeElement === window.__auditPlace[1]"""


def audit_palettes(page: Any, base: str, types: list[str] | None = None
                   ) -> dict[str, dict[str, list[Violation]]]:
    """{scheme: {page type: violations}} for the site at `base`, every page type audited in both
    palettes of SCHEMES from one load: in the palette it opens in, then in the other one,
    switched by Material's palette toggle (SWITCH_PALETTE) on the same document, as a reader
    who clicks the toggle gets it. `page` is watched (tests/browser_pages.py), of a browser that
    reaches no host but 127.0.0.1 (browser_pages.NO_OTHER_HOSTS). The first page opens in the
    reader's light scheme; Material stores the palette a reader switches to, so the next page
    type opens in the palette the last one ended in: the page types open in turn in either
    palette.

    Against one load per palette this leaves out a second load of every page type and of the
    listings it is found through: 14 page loads, some 0.3 CPU seconds each
    (measured on the sample site). The audit sees the same thing: a page's palette is Material's
    body attributes, which its stylesheets key on; the toggle sets them as a load with that
    palette does (tests/test_a11y.py checks the load in each scheme, and that the audit after a
    switch finds a violation only the dark palette has). A switch must leave the page as the
    page type made it: same address, same element focused, else the audit fails."""
    emulate(page, color_scheme="light", reduced_motion="reduce")
    try:
        results: dict[str, dict[str, list[Violation]]] = {scheme: {} for scheme in SCHEMES}
        for name in types or list(PAGE_TYPES):
            PAGE_TYPES[name](page, base)
            for scheme, found in audit_both_palettes(page).items():
                results[scheme][name] = found
        return results
    finally:
        emulate(page, **DEFAULT_MEDIA)


def audit_both_palettes(page: Any) -> dict[str, list[Violation]]:
    """{scheme: violations} of the page as it stands, in the palette it shows, then in each
    other palette of SCHEMES in turn, switched by Material's toggle (audit_palettes)."""
    page.evaluate(KEEP_PLACE)
    results: dict[str, list[Violation]] = {}
    for switches in range(len(SCHEMES)):
        if switches:
            _switch_palette(page)
        shown = page.evaluate(SHOWN_NOW)
        scheme = next((s for s in SCHEMES if SHOWN[s] == shown), None)
        if scheme is None or scheme in results:
            raise AssertionError(f"{page.url}: palette {shown!r} after {switches} switches")
        results[scheme] = audit(page)
    return results


def _switch_palette(page: Any) -> None:
    """Material's toggle to the next palette, then the page at rest, where it was."""
    shown = page.evaluate(SHOWN_NOW)
    if not page.evaluate(SWITCH_PALETTE):
        raise AssertionError(f"{page.url}: no palette toggle")
    page.wait_for_function(f"() => {SHOWN_NOW} !== {shown!r}")
    page.wait_for_function(SETTLED)
    if not page.evaluate(SAME_PLACE):
        raise AssertionError(f"{page.url}: the palette switch moved the page or the focus")


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
