"""Feeds: JSON Feed 1.1 of entries, RSS 2.0 and JSON Feed 1.1 of weekly issues. RSS is parsed
back with feedparser; JSON Feeds are checked against the JSON Feed 1.1 rules (required keys,
types, absolute URLs, RFC 3339 dates). The last tests check the feeds of the real sample site."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import feedparser
import pytest

from digest.editorial.vocabulary import load_vocabulary
from digest.pages import feeds, indexes, weekly
from digest.pages.related import Story
from tests.conftest import REPO
from tests.entry_builders import item

ORDER = load_vocabulary().category_names()
SITE = feeds.FeedSite("Silicon Digest", "Chip news", "https://example.org/digest/")
HOSTILE = item(
    "hostile",
    "2024-12-04",
    "Evil <Outlet>",
    ["Intel"],
    title="Title with <script>alert(1)</script> & ampersand",
    summary="Summary with <img src=x onerror=alert(1)> & more",
    categories=("Business",),
    url="javascript:alert(1)",
)
TRN2 = item(
    "trn2",
    "2024-12-03",
    "Wafer Weekly",
    ["AWS", "Trainium2"],
    title="AWS opens Trainium2 instances",
    categories=("AI accelerators",),
    url="https://wafer.example/trn2",
)
OTHER = item("trn2-b", "2024-12-04", "Cloud Ledger", ["AWS"], categories=("AI accelerators",))
NEXT_WEEK = item("micron", "2024-12-19", "DRAM Desk", ["Micron"], categories=("Memory",))
ITEMS = [HOSTILE, TRN2, OTHER, NEXT_WEEK]
ISSUES = weekly.build_issues([Story(TRN2, (OTHER,)), Story(HOSTILE, ()), Story(NEXT_WEEK, ())])


def url_of(src: str) -> str:
    return SITE.url(src.removesuffix(".md") + "/")


def check_json_feed(feed: dict[str, Any]) -> None:
    """The JSON Feed 1.1 rules this project relies on (https://jsonfeed.org/version/1.1)."""
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    for key in ("home_page_url", "feed_url"):
        assert urllib.parse.urlsplit(feed[key]).scheme in ("http", "https"), key
    assert isinstance(feed["items"], list)
    ids = set()
    for entry in feed["items"]:
        assert isinstance(entry["id"], str) and entry["id"] not in ids
        ids.add(entry["id"])
        assert "content_html" in entry or "content_text" in entry
        for key in ("url", "external_url"):
            if key in entry:
                assert urllib.parse.urlsplit(entry[key]).scheme in ("http", "https"), key
        published = dt.datetime.fromisoformat(entry["date_published"])
        assert published.tzinfo is not None  # RFC 3339 needs an offset
        assert all(isinstance(t, str) for t in entry.get("tags", []))
        for author in entry.get("authors", []):
            assert isinstance(author["name"], str)


def test_entries_json_feed() -> None:
    feed = feeds.entries_json_feed(ITEMS, SITE, url_of)
    check_json_feed(json.loads(feeds.dumps(feed)))
    assert feed["feed_url"] == "https://example.org/digest/feed.json"
    assert [e["id"] for e in feed["items"]] == [
        url_of(NEXT_WEEK.src),
        url_of(HOSTILE.src),
        url_of(OTHER.src),
        url_of(TRN2.src),
    ]
    hostile = feed["items"][1]
    assert "<script>" not in hostile["title"] and "<img" not in hostile["content_text"]
    assert "external_url" not in hostile  # a javascript: URL is dropped
    assert feed["items"][3]["external_url"] == "https://wafer.example/trn2"


def test_entries_json_feed_is_capped() -> None:
    many = [item(f"e{n}", "2024-12-03", "A", []) for n in range(feeds.ENTRIES_IN_FEED + 5)]
    assert len(feeds.entries_json_feed(many, SITE, url_of)["items"]) == feeds.ENTRIES_IN_FEED


def test_issues_json_feed() -> None:
    feed = feeds.issues_json_feed(ISSUES, ORDER, SITE, url_of)
    check_json_feed(feed)
    assert [e["url"] for e in feed["items"]] == [
        "https://example.org/digest/weekly/2024-w51/",
        "https://example.org/digest/weekly/2024-w49/",
    ]
    week49 = feed["items"][1]
    assert week49["date_published"] == "2024-12-04T00:00:00Z"  # its last entry
    assert week49["title"].startswith("Week 49, 2024: ")
    body = week49["content_html"]
    assert f'<a href="{url_of(TRN2.src)}">AWS opens Trainium2 instances</a>' in body
    assert "also covered by Cloud Ledger" in body
    assert "<script>" not in body and "&lt;Outlet&gt;" not in body  # clean_text drops tags


def test_issues_rss_parses_back() -> None:
    parsed = feedparser.parse(feeds.issues_rss(ISSUES, ORDER, SITE, url_of))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Silicon Digest: weekly issues"
    assert [e.link for e in parsed.entries] == [
        "https://example.org/digest/weekly/2024-w51/",
        "https://example.org/digest/weekly/2024-w49/",
    ]
    assert parsed.entries[1].published_parsed[:3] == (2024, 12, 4)
    assert "AWS opens Trainium2 instances" in parsed.entries[1].summary


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feeds-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run([*command, "--site-dir", str(root / "site")], check=True, cwd=root)
    return root / "site"


@pytest.mark.site
def test_site_feeds(built: Path) -> None:
    entries = json.loads((built / feeds.ENTRIES_JSON).read_text(encoding="utf-8"))
    check_json_feed(entries)
    posts = sorted((REPO / "docs" / "posts").glob("*.md"))
    assert len(entries["items"]) == min(len(posts), feeds.ENTRIES_IN_FEED)
    for entry in entries["items"]:  # every URL is a page of the built site
        path = urllib.parse.urlsplit(entry["url"]).path.split("/", 2)[2]
        assert (built / path / "index.html").is_file(), path
    issues = json.loads((built / feeds.ISSUES_JSON).read_text(encoding="utf-8"))
    check_json_feed(issues)
    rss = feedparser.parse((built / feeds.ISSUES_RSS).read_bytes())
    assert not rss.bozo, rss.get("bozo_exception")
    assert [e.link for e in rss.entries] == [i["url"] for i in issues["items"]]
    for entry in rss.entries:
        path = urllib.parse.urlsplit(entry.link).path.split("/", 2)[2]
        assert (built / path / "index.html").is_file(), path


@pytest.mark.site
def test_site_generated_pages(built: Path) -> None:
    """The pages the feeds point at, checked without a browser (the browser tests skip where
    Chromium is absent): one issue per ISO week of the archive, an entity page per company and
    chip, every figure in the figures table."""
    from digest.archive.entry import read_entry
    from digest.pages.items import Week, entity_slug

    entries = [read_entry(p) for p in sorted((REPO / "docs" / "posts").glob("*.md"))]
    weeks = {Week.of(e.date).slug for e in entries}
    assert {p.name for p in (built / "weekly").iterdir() if p.is_dir()} == weeks
    vocabulary = load_vocabulary()
    for entry in entries:
        for tag in entry.tags:
            term = vocabulary.get(tag)
            page = built / "entities" / entity_slug(tag) / "index.html"
            assert page.is_file() == (term is not None and term.kind in ("company", "chip")), tag
    figures = (built / "figures" / "index.html").read_text(encoding="utf-8")
    assert figures.count("<tr><td><strong>") == sum(len(e.figures) for e in entries)
    assert indexes.FIGURES_TABLE not in figures
    home = (built / "index.html").read_text(encoding="utf-8")
    latest = max(weeks)
    assert f'href="weekly/{latest}/"' in home
