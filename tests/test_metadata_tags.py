"""What a page says about itself, read from the built sample site as a browser tab, a link
preview or a search engine reads it: <title>, <h1>, description, canonical URL, OpenGraph,
Twitter card, article:* and JSON-LD; the header tab of the page's section; and the entry's
byline in every case of outlet and author present or missing."""

from __future__ import annotations

import html
import json
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from digest.archive.entry import read_entry
from digest.models import Entry
from digest.pages import metadata
from digest.pages.render import byline, render_body
from digest.site.sitepages import entry_src
from digest.site.staging import output_path, page_url
from tests.built_site import BuiltSite  # the fixture built_site: tests/conftest.py
from tests.conftest import REPO

SITE_NAME = "Silicon Digest"
URL = "https://wafer.example/2024/12/story"

# -- the byline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outlet", "author", "url", "expected"),
    [
        pytest.param("Wafer Weekly", "Caleb Strand", URL,
                     f"Reported by Caleb Strand for [Wafer Weekly](<{URL}>).", id="outlet+author"),
        pytest.param("Wafer Weekly", None, URL, f"Reported by [Wafer Weekly](<{URL}>).",
                     id="outlet-only"),
        pytest.param("", "Caleb Strand", URL,
                     f"Reported by Caleb Strand in the [original article](<{URL}>).",
                     id="author-only"),
        pytest.param("", None, URL, f"From the [original article](<{URL}>).", id="neither"),
        pytest.param("Wafer Weekly", "Caleb Strand", None, "Reported by Caleb Strand for Wafer "
                     "Weekly.", id="outlet+author-no-link"),
        pytest.param("Wafer Weekly", "  ", None, "Reported by Wafer Weekly.",
                     id="blank-author-is-missing"),
        pytest.param(" ", "Caleb Strand", None, "Reported by Caleb Strand.",
                     id="author-only-no-link"),
        pytest.param(None, None, None, "", id="nothing-to-say"),
        pytest.param("Wafer_Weekly *", "A [B]", None, r"Reported by A \[B\] for Wafer\_Weekly \*.",
                     id="names-escaped"),
    ],
)
def test_byline(outlet: str | None, author: str | None, url: str | None, expected: str) -> None:
    assert byline(outlet, author, url) == expected


def _entry(**changes: Any) -> Entry:
    fields: dict[str, Any] = {
        "title": "A story", "date": __import__("datetime").date(2024, 12, 4),
        "source_name": "Wafer Weekly", "url": URL, "author": "Caleb Strand",
        "summary": "What happened.", "tags": ["AWS", "Trainium2"],
        "categories": ["AI accelerators"],
    }
    fields.update(changes)
    return Entry(**fields)


def test_entry_body_has_one_natural_byline() -> None:
    body = render_body(_entry())
    assert f"*Reported by Caleb Strand for [Wafer Weekly](<{URL}>).*" in body
    assert body.count("Reported by") == 1 and " by Caleb Strand." not in body
    assert "Read the original article at Wafer Weekly" in body
    bare = render_body(_entry(source_name="", author=None, url=None))
    assert "Reported" not in bare and "From the" not in bare and "original article" not in bare


def test_entry_meta() -> None:
    meta = metadata.entry_meta(_entry(author=None))
    assert meta["og"] == {
        "type": "article",
        "published_time": "2024-12-04",
        "section": "AI accelerators",
        "tags": ["AWS", "Trainium2"],
    }
    article = meta["jsonld"]
    assert article["@type"] == "NewsArticle" and article["headline"] == "A story"
    assert article["isBasedOn"] == {
        "@type": "NewsArticle",
        "url": URL,
        "publisher": {"@type": "Organization", "name": "Wafer Weekly"},
    }
    # no link that is not http(s): no isBasedOn URL
    assert "url" not in metadata.entry_meta(_entry(url="javascript:alert(1)"))["jsonld"][
        "isBasedOn"
    ]


def test_front_matter_is_yaml_of_the_values() -> None:
    import yaml

    data = {"title": metadata.meta_text('A <b>"bold"</b> & title'), "og": {"tags": ["a: b"]}}
    text = metadata.front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text.split("---\n")[1]) == data
    assert data["title"] == "A &quot;bold&quot; &amp; title"  # tags dropped, the rest escaped


# -- the built site --------------------------------------------------------------------------


def _page(site: BuiltSite, url: str) -> BeautifulSoup:
    return BeautifulSoup((site.site / output_path(url)).read_text(encoding="utf-8"),
                         "html.parser")


def _meta(soup: BeautifulSoup, key: str) -> list[str]:
    found = soup.find_all("meta", attrs={"property": key}) + soup.find_all(
        "meta", attrs={"name": key}
    )
    return [str(m.get("content")) for m in found]


def _one(soup: BeautifulSoup, key: str) -> str:
    values = _meta(soup, key)
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def _h1(soup: BeautifulSoup) -> str:
    heading = soup.select_one("article h1")
    assert isinstance(heading, Tag), "no h1 in the page's article"
    for link in heading.select("a.headerlink"):
        link.decompose()
    return heading.get_text(" ", strip=True)


def _title(soup: BeautifulSoup) -> str:
    assert soup.title is not None and len(soup.find_all("title")) == 1
    return soup.title.get_text()


def _active_tab(soup: BeautifulSoup) -> tuple[str, str | None]:
    tabs = soup.select(".md-tabs__item--active a")
    assert len(tabs) == 1, f"{len(tabs)} active tabs"
    return tabs[0].get_text(strip=True), tabs[0].get("aria-current")  # type: ignore[return-value]


def _trainium2() -> Entry:
    for path in sorted((REPO / "docs" / "posts").glob("*.md")):
        entry = read_entry(path)
        if "Trainium2" in entry.tags and "Trainium2" in entry.title and entry.author:
            return entry
    pytest.fail("the sample archive has no Trainium2 entry with an author")


def test_entry_page_metadata(built_site: BuiltSite) -> None:
    entry = _trainium2()
    url = page_url(entry_src(entry))
    soup = _page(built_site, url)
    canonical = urllib.parse.urljoin(built_site.site_url, url)
    assert _title(soup) == f"{entry.title} · {SITE_NAME}"
    assert _h1(soup) == entry.title
    assert _one(soup, "description") == entry.summary
    link = soup.find("link", rel="canonical")
    assert isinstance(link, Tag) and link["href"] == canonical
    assert _one(soup, "og:url") == canonical
    assert _one(soup, "og:type") == "article"
    assert _one(soup, "og:title") == entry.title == _one(soup, "twitter:title")
    assert _one(soup, "og:description") == entry.summary == _one(soup, "twitter:description")
    assert _one(soup, "og:site_name") == SITE_NAME
    assert _one(soup, "twitter:card") == "summary"
    assert _one(soup, "article:published_time") == entry.date.isoformat()
    assert _meta(soup, "article:tag") == list(dict.fromkeys(entry.tags))
    (script,) = soup.find_all("script", type="application/ld+json")
    article = json.loads(script.string or "")
    assert article["@context"] == "https://schema.org" and article["@type"] == "NewsArticle"
    assert article["headline"] == entry.title
    assert article["datePublished"] == entry.date.isoformat()
    assert article["isBasedOn"]["url"] == entry.url
    assert article["isBasedOn"]["publisher"]["name"] == entry.source_name
    assert article["isBasedOn"]["author"]["name"] == entry.author
    byline_text = soup.select_one("article em")
    assert byline_text is not None
    assert byline_text.get_text() == f"Reported by {entry.author} for {entry.source_name}."
    assert _active_tab(soup) == ("Latest", "location")


def _issue_urls(site: BuiltSite) -> list[str]:
    return sorted(p.parent.relative_to(site.site).as_posix() + "/"
                  for p in (site.site / "weekly").glob("20*/index.html"))


def test_issue_page_metadata(built_site: BuiltSite) -> None:
    urls = _issue_urls(built_site)
    assert urls, "the sample site has no weekly issue"
    for url in urls:
        soup = _page(built_site, url)
        year, week = url.removeprefix("weekly/").strip("/").split("-w")
        name = f"Week {int(week)}, {year}"
        assert _title(soup) == f"{name} · {SITE_NAME}" and _h1(soup) == name
        assert _one(soup, "og:type") == "article"
        assert _one(soup, "og:title") == name
        description = _one(soup, "description")
        assert "stories from" in description or "story from" in description
        assert _one(soup, "og:description") == description
        assert _one(soup, "article:published_time")[:4] in (year, str(int(year) - 1))
        assert _meta(soup, "article:tag"), "an issue is tagged with its sections"
        assert _one(soup, "og:url") == urllib.parse.urljoin(built_site.site_url, url)
        assert soup.find_all("script", type="application/ld+json") == []
        assert _active_tab(soup) == ("Weekly", "location")


@pytest.mark.parametrize(
    ("url", "title", "tab"),
    [
        pytest.param("", SITE_NAME, ("Latest", "page"), id="home"),
        pytest.param("weekly/", f"Weekly issues · {SITE_NAME}", ("Weekly", "page"), id="archive"),
        pytest.param("entities/", f"Entities · {SITE_NAME}", ("Entities", "page"), id="entities"),
        pytest.param("entities/aws/", f"AWS · {SITE_NAME}", ("Entities", "location"),
                     id="entity"),
        pytest.param("figures/", f"Figures · {SITE_NAME}", ("Figures", "page"), id="figures"),
        pytest.param("quotes/", f"Quotes · {SITE_NAME}", ("Quotes", "page"), id="quotes"),
        pytest.param("tags/", f"Tags · {SITE_NAME}", ("Tags", "page"), id="tags"),
        pytest.param("tags/aws/", f"Entries tagged AWS · {SITE_NAME}", ("Tags", "location"),
                     id="tag"),
        pytest.param("page/1/", None, ("Latest", "location"), id="older-entries"),
    ],
)
def test_page_title_and_tab(
    built_site: BuiltSite, url: str, title: str | None, tab: tuple[str, str]
) -> None:
    soup = _page(built_site, url)
    if title is not None:
        assert _title(soup) == title
    assert _active_tab(soup) == tab
    assert _one(soup, "og:title")
    assert _one(soup, "og:type") == "website"
    assert _one(soup, "twitter:card") == "summary"


def test_every_page_has_its_own_title_naming_its_heading(built_site: BuiltSite) -> None:
    titles: dict[str, Path] = {}
    for path in sorted(built_site.site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        title = _title(soup)
        assert title.endswith(SITE_NAME), path
        assert title not in titles, f"{path} and {titles.get(title)} are both titled {title!r}"
        titles[title] = path
        if path == built_site.site / "index.html":
            assert title == SITE_NAME
            continue
        heading = html.unescape(_h1(soup))
        # "Week 49, 2024 · Silicon Digest" over "Week 49, 2024"; a page of the nav may be
        # titled by its nav label ("About" over "About Silicon Digest")
        own = title.removesuffix(f" · {SITE_NAME}")
        assert own != title and own.casefold() in heading.casefold(), (path, title, heading)
    assert len(titles) > 30


# -- the template, on hostile values ---------------------------------------------------------

HOSTILE = '"><script>alert(1)</script></head><img src=x onerror=alert(2)>'


def test_metadata_partial_prints_values_as_text() -> None:
    """partials/metadata.html, rendered as the engine does (no autoescape): the `og` values are
    escaped by the template and the JSON-LD cannot end its script element, whatever the values
    hold (front matter titles and descriptions are escaped by their producer, meta_text)."""
    from types import SimpleNamespace

    import jinja2

    from digest.site.treesync import TEMPLATES

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False)
    jsonld = {"@type": "NewsArticle", "headline": "</script>" + HOSTILE, "keywords": [HOSTILE]}
    page = SimpleNamespace(
        meta={
            "title": metadata.meta_text(HOSTILE),
            "description": metadata.meta_text(HOSTILE),
            "og": {"type": "article", "published_time": HOSTILE, "section": HOSTILE,
                   "tags": [HOSTILE, "AWS"]},
            "jsonld": jsonld,
        },
        title="ignored", is_homepage=False, canonical_url="https://example.org/a/?q=" + HOSTILE,
    )
    config = {"site_name": "Site", "site_description": "About", "theme": {"language": "en"}}
    out = env.get_template("partials/metadata.html").render(page=page, config=config)
    soup = BeautifulSoup(f"<html><head>{out}</head></html>", "html.parser")
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]
    assert soup.find("img") is None
    assert json.loads(soup.find("script").string or "") == jsonld
    assert _meta(soup, "article:tag") == [HOSTILE, "AWS"]
    assert _one(soup, "article:published_time") == HOSTILE
    assert _one(soup, "og:url") == page.canonical_url
    assert _one(soup, "og:title") == _one(soup, "og:description") == metadata.meta_text(
        HOSTILE).replace("&quot;", '"').replace("&amp;", "&")
