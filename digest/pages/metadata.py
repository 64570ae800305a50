"""What a page says about itself: its front matter, which the engine's template (our override,
digest/site/templates/partials/metadata.html, and the theme's own head) prints as <title>,
<meta name="description">, OpenGraph, Twitter-card and JSON-LD metadata. Front matter is the
interface: however a page is produced, these keys are what link previews and search engines see.

Keys:
- `title`, `description`: one line of text, HTML-escaped here, because the theme prints them
  as they are (`meta_text`);
- `og`: `type` ("article" for an entry or an issue), `published_time` (ISO date), `section`,
  `tags`: plain text, escaped by the template;
- `jsonld`: a schema.org mapping, printed as JSON by the template; for an entry a NewsArticle
  whose `isBasedOn` is the article it digests (`entry_meta`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from digest.models import Entry
from digest.pages.render import safe_url
from digest.text.escaping import html_attribute, yaml_scalar
from digest.text.normalize import clean_text

FrontMatter = dict[str, Any]
SCHEMA = "https://schema.org"
ARTICLE = "article"  # og:type of entries and issues; every other page is a "website"


def meta_text(value: str | None) -> str:
    """A title or description for front matter: one line of text, HTML-escaped."""
    return html_attribute(clean_text(value or ""))


def front_matter(data: FrontMatter) -> str:
    """Plain YAML front matter (`---` lines included); values are data, never markup. Each
    value is written as JSON, which is YAML too (and far quicker to write than PyYAML's
    emitter), as digest.site.sitepages writes the entry pages'."""
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in data.items()]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n"


def article_meta(published: str, tags: Sequence[str], section: str | None = None) -> FrontMatter:
    """The `og` key of an article page: its date, section and tags."""
    og: FrontMatter = {"type": ARTICLE, "published_time": published}
    if section:
        og["section"] = clean_text(section)
    tags = [clean_text(t) for t in dict.fromkeys(tags) if clean_text(t)]
    if tags:
        og["tags"] = tags
    return og


def entry_meta(entry: Entry) -> FrontMatter:
    """An entry page's `og` and `jsonld` keys (its title and description are the entry's title
    and summary, which the entry page's producer writes)."""
    published = entry.date.isoformat()
    og = article_meta(published, entry.tags, entry.categories[0] if entry.categories else None)
    article: FrontMatter = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": clean_text(entry.title),
        "description": clean_text(entry.summary),
        "datePublished": published,
    }
    if og.get("tags"):
        article["keywords"] = og["tags"]
    if entry.categories:
        article["articleSection"] = [clean_text(c) for c in entry.categories]
    source: FrontMatter = {"@type": "NewsArticle"}
    url = safe_url(entry.url)
    if url:
        source["url"] = url
    outlet = clean_text(entry.source_name or "")
    if outlet:
        source["publisher"] = {"@type": "Organization", "name": outlet}
    author = clean_text(entry.author or "")
    if author:
        source["author"] = {"@type": "Person", "name": author}
    if len(source) > 1:
        article["isBasedOn"] = source
    return {"og": og, "jsonld": article}
