"""The header's tabs (digest/site/templates/partials/tabs.html, written inline rather than a
macro per tab): each tab links to the first page of its nav item, however deep, and the tab of
the page's section is marked active, for nav pages and for generated pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from digest.site.build import build_site
from tests.conftest import REPO

pytestmark = pytest.mark.site

# A section four levels deep (its first page found past the template's three inline levels)
# and a section of two pages.
NAV = [
    {"Latest": "index.md"},
    {"Deep": [{"Level 2": [{"Level 3": [{"Level 4": ["about.md"]}]}]}]},
    {"More": ["reliability.md", "performance.md"]},
    {"Tags": "tags.md"},
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tabs")
    shutil.copytree(REPO / "docs", root / "docs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = NAV
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    build_site(root / "mkdocs.yml", root / "site", cache_dir=root / "cache", check=False)
    return root / "site"


def _tabs(site: Path, page: str) -> list[tuple[str, str, bool, str | None]]:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [
        (
            item.a.get_text(strip=True), str(item.a["href"]),
            "md-tabs__item--active" in item["class"], item.a.get("aria-current"),
        )
        for item in soup.select("nav.md-tabs li.md-tabs__item")
    ]


def test_tabs_link_to_the_first_page_of_each_item(site: Path) -> None:
    assert _tabs(site, "") == [
        ("Latest", ".", True, "page"), ("Deep", "about/", False, None),
        ("More", "reliability/", False, None), ("Tags", "tags/", False, None),
    ]


@pytest.mark.parametrize(
    ("page", "active", "current"),
    [
        ("about", "Deep", "location"),  # in a section four levels deep
        ("performance", "More", "location"),  # the section's second page
        ("tags", "Tags", "page"),
        ("tags/tsmc", "Tags", "location"),  # a generated page: by its folder
        ("weekly/2024-w49", "Latest", "location"),  # no tab's folder: the first tab
    ],
)
def test_the_tab_of_the_pages_section_is_active(
    site: Path, page: str, active: str, current: str
) -> None:
    tabs = _tabs(site, page)
    assert [(title, aria) for title, _, on, aria in tabs if on] == [(active, current)]
    assert all(aria is None for _, _, on, aria in tabs if not on)
