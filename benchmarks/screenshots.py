"""The README's screenshots: the home page, an entry, a weekly issue and an entity page of a
built site, in the light and the dark palette, as headless Chromium shows them.

    .venv/bin/digest build --site-dir /tmp/site
    python benchmarks/screenshots.py /tmp/site [--out docs/assets] [--full-page]

Writes `screenshot-<page>-<light|dark>.png` (1280 x 800, the top of the page) into --out.
With --full-page, each page whole, and the figures index as well (the screenshots
tests/test_browser.py used to write on every run, which no test looked at).
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from digest.text.siteconfig import read_site_config  # noqa: E402
from tests.axe_runner import serve_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 800}
ENTITY = "entities/aws/"  # the sample archive's most covered company


def _pages(page: object, base: str, full: bool) -> dict[str, str]:
    """{name: URL}: the entry is the home page's first one, the issue the newest (with `full`,
    the figures index too)."""
    page.goto(base)  # type: ignore[attr-defined]
    entry = page.locator("article h2 a:not(.headerlink)").first.get_attribute("href")  # type: ignore[attr-defined]
    page.goto(base + "weekly/")  # type: ignore[attr-defined]
    issue = page.locator("article a[href*='-w']").first.get_attribute("href")  # type: ignore[attr-defined]
    return {
        "home": base,
        "entry": urllib.parse.urljoin(base, entry or ""),
        "issue": urllib.parse.urljoin(base + "weekly/", issue or ""),
        "entity": base + ENTITY,
        **({"figures": base + "figures/"} if full else {}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "assets")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("--full-page", action="store_true",
                        help="the whole of each page, and the figures index too")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    site_url = read_site_config(args.config).get("site_url")
    with serve_site(args.site, site_url) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme)
            page = context.new_page()
            for name, url in _pages(page, base, args.full_page).items():
                page.goto(url)
                page.wait_for_load_state("networkidle")
                path = args.out / f"screenshot-{name}-{scheme}.png"
                page.screenshot(path=str(path), full_page=args.full_page)
                print(path)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
