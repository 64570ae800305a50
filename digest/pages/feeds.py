"""Feeds: RSS 2.0 and JSON Feed 1.1 of the entries and of the weekly issues.

Inputs are absolute URLs resolved by the caller (`url_of(src)`); everything else is built here.
Text values go into JSON as strings and into XML through ElementTree, so no scraped text can
become markup; HTML content is assembled from escaped parts.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from digest.pages.items import Item, by_date_desc
from digest.pages.render import safe_url
from digest.pages.weekly import Issue, sections, top_stories
from digest.text.escaping import html_attribute, html_text
from digest.text.normalize import clean_text

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ENTRIES_JSON = "feed.json"
# At the site's root, like the entries' feeds: Material fetches `sitemap.xml` next to every
# <link rel="alternate"> target, and there is one only at the root.
ISSUES_JSON = "feed_weekly.json"
ISSUES_RSS = "feed_weekly_rss.xml"
ENTRIES_IN_FEED = 50  # newest entries in the entries' feeds
ISSUES_IN_FEED = 20

UrlOf = Callable[[str], str]
Clean = Callable[[str], str]  # HTML -> HTML a feed may carry (the site's sanitiser)


@dataclass(frozen=True, slots=True)
class FeedSite:
    title: str
    description: str
    home_url: str  # absolute, ends with "/"

    def url(self, path: str) -> str:
        return self.home_url + path


def _rfc3339(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _rfc822(day: dt.date) -> str:
    moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return email.utils.format_datetime(moment)


def entries_json_feed(items: Sequence[Item], site: FeedSite, url_of: UrlOf) -> dict[str, Any]:
    """JSON Feed 1.1 of the newest entries."""
    feed_items = []
    for item in by_date_desc(list(items))[:ENTRIES_IN_FEED]:
        entry = item.entry
        url = url_of(item.src)
        record: dict[str, Any] = {
            "id": url,
            "url": url,
            "title": clean_text(entry.title),
            "content_text": clean_text(entry.summary),
            "summary": clean_text(entry.summary),
            "date_published": _rfc3339(entry.date),
            "tags": list(entry.tags),
        }
        external = safe_url(entry.url)
        if external:
            record["external_url"] = external
        if entry.author:
            record["authors"] = [{"name": clean_text(entry.author)}]
        feed_items.append(record)
    return {
        "version": JSON_FEED_VERSION,
        "title": site.title,
        "home_page_url": site.home_url,
        "feed_url": site.url(ENTRIES_JSON),
        "description": site.description,
        "language": "en",
        "items": feed_items,
    }


def _same(html_text: str) -> str:
    return html_text


def issue_html(
    issue: Issue, section_order: Sequence[str], url_of: UrlOf, clean: Clean = _same
) -> str:
    """An issue as HTML for feed readers: top stories, then every story by section, passed
    through `clean` (the site's sanitiser)."""

    def story_line(story: Any) -> str:
        lead = story.lead
        line = (
            f'<a href="{html_attribute(url_of(lead.src))}">'
            f"{html_text(clean_text(lead.entry.title))}</a> "
            f"({html_text(clean_text(lead.entry.source_name))}"
        )
        if story.others:
            others = ", ".join(html_text(clean_text(o.entry.source_name)) for o in story.others)
            line += f"; also covered by {others}"
        return f"<li>{line})</li>"

    parts = ["<h2>Top stories</h2>", "<ul>", *(story_line(s) for s in top_stories(issue)), "</ul>"]
    for name, stories in sections(issue, section_order):
        parts += [f"<h2>{html_text(name)}</h2>", "<ul>", *(story_line(s) for s in stories)]
        parts.append("</ul>")
    return clean("".join(parts))


def _issue_date(issue: Issue) -> dt.date:
    """An issue is published with its last entry."""
    return max(i.entry.date for s in issue.stories for i in s.items)


def _issue_title(issue: Issue) -> str:
    return f"{issue.week.title}: {clean_text(issue.stories[0].lead.entry.title)}"


def issues_json_feed(
    issues: Sequence[Issue],
    section_order: Sequence[str],
    site: FeedSite,
    url_of: UrlOf,
    clean: Clean = _same,
) -> dict[str, Any]:
    """JSON Feed 1.1 of the newest weekly issues."""
    feed_items = []
    for issue in issues[:ISSUES_IN_FEED]:
        url = url_of(issue.src)
        feed_items.append(
            {
                "id": url,
                "url": url,
                "title": _issue_title(issue),
                "content_html": issue_html(issue, section_order, url_of, clean),
                "date_published": _rfc3339(_issue_date(issue)),
            }
        )
    return {
        "version": JSON_FEED_VERSION,
        "title": f"{site.title}: weekly issues",
        "home_page_url": url_of("weekly/index.md"),
        "feed_url": site.url(ISSUES_JSON),
        "description": f"{site.description}, one issue a week",
        "language": "en",
        "items": feed_items,
    }


def issues_rss(
    issues: Sequence[Issue],
    section_order: Sequence[str],
    site: FeedSite,
    url_of: UrlOf,
    clean: Clean = _same,
) -> str:
    """RSS 2.0 of the newest weekly issues."""
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = f"{site.title}: weekly issues"
    ET.SubElement(channel, "link").text = url_of("weekly/index.md")
    ET.SubElement(channel, "description").text = f"{site.description}, one issue a week"
    ET.SubElement(channel, "language").text = "en"
    if issues:
        ET.SubElement(channel, "lastBuildDate").text = _rfc822(_issue_date(issues[0]))
    for issue in issues[:ISSUES_IN_FEED]:
        url = url_of(issue.src)
        node = ET.SubElement(channel, "item")
        ET.SubElement(node, "title").text = _issue_title(issue)
        ET.SubElement(node, "link").text = url
        ET.SubElement(node, "guid", {"isPermaLink": "true"}).text = url
        ET.SubElement(node, "pubDate").text = _rfc822(_issue_date(issue))
        ET.SubElement(node, "description").text = issue_html(
            issue, section_order, url_of, clean
        )
    return _xml(rss)


def entries_rss(items: Sequence[Item], site: FeedSite, url_of: UrlOf) -> str:
    """RSS 2.0 of the newest entries, each described by its summary (plain text). Its dates
    are the entries' own, so the feed changes only when the entries do."""
    newest = by_date_desc(list(items))[:ENTRIES_IN_FEED]
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = site.title
    ET.SubElement(channel, "link").text = site.home_url
    ET.SubElement(channel, "description").text = site.description
    ET.SubElement(channel, "language").text = "en"
    if newest:
        ET.SubElement(channel, "lastBuildDate").text = _rfc822(newest[0].entry.date)
    for item in newest:
        entry = item.entry
        url = url_of(item.src)
        node = ET.SubElement(channel, "item")
        ET.SubElement(node, "title").text = clean_text(entry.title)
        ET.SubElement(node, "link").text = url
        ET.SubElement(node, "guid", {"isPermaLink": "true"}).text = url
        ET.SubElement(node, "pubDate").text = _rfc822(entry.date)
        ET.SubElement(node, "description").text = clean_text(entry.summary)
        for tag in entry.tags:
            ET.SubElement(node, "category").text = clean_text(tag)
    return _xml(rss)


def _xml(rss: ET.Element) -> str:
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def dumps(feed: dict[str, Any]) -> str:
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
