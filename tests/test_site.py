"""The real site: a copy of the archive plus one new article, built with `mkdocs build --strict`.
Checks the entry's page, its tag listing, the search index and the RSS feed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "meta-mtia-v2.html"
TITLE = "Meta details its second-generation MTIA inference chip"

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("digest-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    digest = [sys.executable, "-m", "digest"]
    subprocess.run([*digest, "add", "--docs", str(root / "docs"), str(ARTICLE)], check=True)
    (root / "site").mkdir()
    (root / "site" / "stale.html").write_text("from an earlier build", encoding="utf-8")
    subprocess.run(
        [*digest, "build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(root / "site")],
        check=True,
        cwd=root,
    )
    return root / "site"


def test_build_replaces_the_old_site_whole(built: Path) -> None:
    assert not (built / "stale.html").exists()  # the old folder is gone, not merged into
    assert built.stat().st_mode & 0o777 == 0o755  # readable by the web server, like mkdocs's
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".site-")] == []


def test_entry_page(built: Path) -> None:
    page = built / "2024" / "04" / "10" / "meta-details-its-second-generation-mtia-inference-chip"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert TITLE in html
    assert "Key figures" in html and "1.35 GHz" in html
    assert "Lena Okafor" in html and "Northgate Research" in html
    assert 'href="https://dieshot.example/2024/04/meta-mtia-v2"' in html
    assert "Sign up for our newsletter" not in html
    # The entity links, written as HTML by the plugin, lead to pages that exist.
    soup = BeautifulSoup(html, "lxml")
    links = soup.select("p.sd-entities a")
    assert [a.get_text() for a in links][:1] == ["Meta"]
    for a in links:
        target = (page / a["href"]).resolve() / "index.html"
        assert target.is_file(), a["href"]


def test_tag_pages_list_entry(built: Path) -> None:
    """The tag index links to one page per tag; the tag's page lists the entry."""
    index = BeautifulSoup((built / "tags" / "index.html").read_text(encoding="utf-8"), "lxml")
    link = next(a for a in index.select("ul.sd-tags a, article a") if a.get_text() == "Meta")
    page = (built / "tags" / str(link["href"])).resolve() / "index.html"
    assert TITLE in page.read_text(encoding="utf-8")


def test_search_index_has_entry(built: Path) -> None:
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert TITLE in titles
    assert any("1.35 GHz" in doc["text"] for doc in index["docs"])


def test_rss_feed_has_entry(built: Path) -> None:
    feed = feedparser.parse((built / "feed_rss_created.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [item.title for item in feed.entries]
    assert TITLE in titles
    item = next(i for i in feed.entries if i.title == TITLE)
    assert item.link.endswith("/2024/04/10/meta-details-its-second-generation-mtia-inference-chip/")
    # Titles are plain text, not the HTML-escaped form the theme gets ("Micron&#x27;s").
    assert any(title.startswith("Micron's HBM") for title in titles)
    assert not any("&#" in title or "&amp;" in title for title in titles)
    data = json.loads((built / "feed_json_created.json").read_text(encoding="utf-8"))
    json_titles = [item["title"] for item in data["items"]]
    assert any(title.startswith("Micron's HBM") for title in json_titles)
    assert not any("&#" in title for title in json_titles)


def test_entry_categories_link_to_weekly_issue(built: Path) -> None:
    page = built / "2024" / "04" / "10" / "meta-details-its-second-generation-mtia-inference-chip"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./\.\./\.\./weekly/2024-w15/(#[a-z-]+)?"', html)


def test_no_blog_archive_or_category_pages(built: Path) -> None:
    """The blog's archive and category views are off (mkdocs.yml): no page of them, and no page
    links to one."""
    assert not (built / "archive").exists() and not (built / "category").exists()
    for page in built.rglob("*.html"):
        links = re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8"))
        assert not [x for x in links if "/archive/" in x or "category/" in x], page


def test_listing_pages_stay_out_of_search(built: Path) -> None:
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [x for x in locations if x.startswith(("weekly/", "quotes/", "figures/"))]
    # an entity page keeps its title and description, not its lists of entries
    meta = [x for x in locations if x.startswith("entities/meta/")]
    assert meta and not [x for x in meta if "#timeline" in x or "#quotes" in x]
