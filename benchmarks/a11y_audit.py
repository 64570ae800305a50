"""axe-core counts per page type of a built site, in the light and the dark palette.

    python benchmarks/a11y_audit.py SITE_DIR [--json OUT] [--all]

Serves SITE_DIR on 127.0.0.1, opens each page type (tests/axe_runner.PAGE_TYPES) in headless
Chromium (/usr/bin/chromium) and prints, per palette and page type, the serious and critical
violations as `rule (nodes)`; with --all the moderate and minor ones too. Exit status 1 when any
serious or critical violation is found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from digest.text.siteconfig import read_site_config  # noqa: E402
from tests.axe_runner import FAILING, PAGE_TYPES, SCHEMES, audit_palettes, serve_site  # noqa: E402
from tests.browser_pages import NO_OTHER_HOSTS, watch  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        NO_OTHER_HOSTS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path, help="write every violation here")
    parser.add_argument("--all", action="store_true", help="show moderate and minor too")
    parser.add_argument("--skip", action="append", default=[], metavar="PAGE_TYPE",
                        help="leave a page type out (e.g. 'search results open')")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml",
                        help="the site's mkdocs.yml (its site_url: where the site is served)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    report: dict[str, dict[str, list[dict[str, object]]]] = {}
    bad = 0
    site_url = read_site_config(args.config).get("site_url")
    with serve_site(args.site, site_url) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        types = [t for t in PAGE_TYPES if t not in args.skip]
        page = watch(browser.new_page(viewport={"width": 1280, "height": 900}))
        found_by_scheme = audit_palettes(page, base, types)  # both palettes, each page once
        page.close()
        for scheme in SCHEMES:
            report[scheme] = {}
            print(f"== {scheme}")
            for name, found in found_by_scheme[scheme].items():
                shown = [v for v in found if args.all or v.impact in FAILING]
                bad += sum(1 for v in found if v.impact in FAILING)
                line = ", ".join(f"{v.rule} [{v.impact}] ({v.nodes})" for v in shown) or "none"
                print(f"{name:20} {line}")
                report[scheme][name] = [
                    {"rule": v.rule, "impact": v.impact, "nodes": v.nodes,
                     "targets": list(v.targets)}
                    for v in found
                ]
        browser.close()
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
