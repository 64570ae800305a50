"""The MkDocs plugin of Silicon Digest (`silicon-digest` in mkdocs.yml).

- on_config: the vocabulary becomes the tags plugin's `tags_allowed` and the blog plugin's
  `categories_allowed`, so a tag or category outside it fails the build, with no second list to
  keep in step by hand.
- on_files (after the blog plugin has given posts their dated URLs): reads every entry once and
  adds the generated pages and feeds as virtual files: weekly issues and their archive, entity
  pages, the figures and quotes indexes, JSON Feed of entries, RSS + JSON Feed of issues.
- on_page_markdown: an entry's page is rendered from its front matter (digest.render) with its
  "Also covered by" and entity links; the home page gets the current weekly issue.
- on_page_content: the figures page gets its table, written as HTML (too big for Markdown).

The pages themselves are made by pure modules (digest.weekly, related, entities, indexes,
feeds) from the list of entries; this module only wires them into MkDocs.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from digest import entities, feeds, indexes, weekly
from digest.archive import Item, entity_src, relative_link
from digest.entry import clean_text, entry_from_dict, parse_entry_text
from digest.errors import DigestError
from digest.related import Story, coverage_map, group_related
from digest.render import render_body
from digest.vocabulary import Term, Vocabulary, load_vocabulary

log = logging.getLogger("mkdocs.plugins.silicon-digest")

POSTS_PREFIX = "posts/"  # entries live in docs/posts/ (Material blog with blog_dir ".")
HOME_SRC = "index.md"  # the blog index: the home page
# Theme overrides: feed discovery links; the header's repository link without its GitHub API
# calls (the site makes no third-party requests).
TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Archive:
    """What one build knows about the entries (rebuilt on every `mkdocs serve` reload)."""

    items: dict[str, Item] = field(default_factory=dict)
    coverage: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    issues: list[weekly.Issue] = field(default_factory=list)
    entity_pages: dict[str, Term] = field(default_factory=dict)
    matcher: indexes.EntityMatcher | None = None
    figure_rows: list[indexes.FigureRow] = field(default_factory=list)


class DigestPlugin(BasePlugin):  # type: ignore[type-arg]
    def __init__(self) -> None:
        self.archive = Archive()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Our template overrides (digest/templates) come before the theme's own templates.
        config.theme.dirs.insert(0, str(TEMPLATES))
        vocabulary = load_vocabulary()
        tags = config.plugins.get("material/tags")
        if tags is not None:
            from material.plugins.tags.structure.tag import Tag

            tags.config.tags_allowed = {Tag(name) for name in vocabulary.names()}
        blog = config.plugins.get("material/blog")
        if blog is not None:
            blog.config.categories_allowed = vocabulary.category_names()
        return config

    @event_priority(-100)  # after the blog plugin (-50): post URLs are final for the feeds
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        vocabulary = load_vocabulary()
        items = _read_items(files)
        stories = group_related(items, vocabulary)
        matcher = indexes.EntityMatcher(vocabulary)
        by_entity = entities.entries_by_entity(items, matcher)
        pages = {
            t.name: t
            for t in vocabulary.terms
            if t.name in by_entity and t.kind in indexes.ENTITY_KINDS
        }
        self.archive = Archive(
            items={item.src: item for item in items},
            coverage=coverage_map(stories),
            issues=weekly.build_issues(stories),
            entity_pages=pages,
            matcher=matcher,
        )
        site = feeds.FeedSite(
            title=config.site_name,
            description=config.site_description or config.site_name,
            home_url=(config.site_url or "/").rstrip("/") + "/",
        )
        # Pages first: the feeds link to the issues' URLs, known once their files exist.
        generated = _pages(self.archive, stories, vocabulary, by_entity)
        _add(files, config, generated)
        generated_feeds = _feeds(self.archive, vocabulary, site, files)
        _add(files, config, generated_feeds)
        log.debug(
            "generated %d pages and %d feeds from %d entries",
            len(generated),
            len(generated_feeds),
            len(items),
        )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        src = page.file.src_uri
        if src == HOME_SRC and self.archive.issues:
            return markdown.rstrip() + "\n\n" + weekly.render_home(self.archive.issues[0])
        if not src.startswith(POSTS_PREFIX):
            return markdown
        meta: dict[str, Any] = dict(page.meta)
        try:
            entry = entry_from_dict(meta, markdown, src)
        except DigestError as exc:
            raise PluginError(str(exc)) from None
        # Titles and descriptions reach theme templates that do not escape (and one that
        # unescapes): hand them text with no markup in it, escaped as well.
        title = html.escape(clean_text(entry.title), quote=True)
        page.title = page.meta["title"] = title
        page.meta["description"] = html.escape(clean_text(entry.summary), quote=True)
        also = [
            (o.entry.source_name, o.entry.title, relative_link(src, o.src))
            for o in self.archive.coverage.get(src, ())
        ]
        named = [
            (name, relative_link(src, entity_src(name)))
            for name in entry.tags
            if name in self.archive.entity_pages
        ]
        # The blog plugin (later in the chain) reads page.markdown, not the returned value.
        page.markdown = render_body(entry, also_covered=also, entities=named)
        return page.markdown

    def on_page_content(
        self, content: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """The figures page gets its table (see indexes.figures_table_html)."""
        if page.file.src_uri != indexes.FIGURES_SRC:
            return content

        def href(src: str) -> str:
            target = files.get_file_from_path(src)
            if target is None:
                raise PluginError(f"the figures table links to {src}, which is not in the site")
            return target.url_relative_to(page.file)

        table = indexes.figures_table_html(
            self.archive.figure_rows, frozenset(self.archive.entity_pages), href
        )
        return content.replace(indexes.FIGURES_TABLE, table, 1)


def _add(files: Files, config: MkDocsConfig, generated: dict[str, str]) -> None:
    for src, content in generated.items():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} exists, but the site generates it; remove the file")
        files.append(File.generated(config, src, content=content))


def _read_items(files: Files) -> list[Item]:
    """Every entry of docs/posts/ (front matter read here once for all generated pages)."""
    items = []
    for file in files:
        # the blog plugin has marked posts as excluded from the nav: look at every file
        if not (file.src_uri.startswith(POSTS_PREFIX) and file.is_documentation_page()):
            continue
        try:
            data, body = parse_entry_text(file.content_string, f"docs/{file.src_uri}")
            entry = entry_from_dict(data, body, f"docs/{file.src_uri}")
        except DigestError as exc:
            raise PluginError(str(exc)) from None
        items.append(Item(entry, file.src_uri))
    return items


def _pages(
    archive: Archive,
    stories: list[Story],
    vocabulary: Vocabulary,
    by_entity: dict[str, list[Item]],
) -> dict[str, str]:
    """{docs-relative path: Markdown} of every generated page."""
    order = vocabulary.category_names()
    pages = weekly.render_issues(archive.issues, order)
    pages[weekly.ARCHIVE_SRC] = weekly.render_archive(archive.issues)
    assert archive.matcher is not None
    rows = indexes.figure_rows(archive.items.values(), archive.matcher)
    pages[indexes.FIGURES_SRC] = indexes.render_figures(rows)
    archive.figure_rows = rows
    pages[indexes.QUOTES_SRC] = indexes.render_quotes(archive.items.values())
    rows_by_entity: dict[str, list[indexes.FigureRow]] = {}
    for row in rows:
        rows_by_entity.setdefault(row.entity, []).append(row)
    for name, term in archive.entity_pages.items():
        pages[entity_src(name)] = entities.render_entity(
            term, by_entity[name], figures=rows_by_entity.get(name, []), pages=archive.entity_pages
        )
    counts = {name: len(by_entity[name]) for name in archive.entity_pages}
    pages[entities.INDEX_SRC] = entities.render_index(archive.entity_pages, counts)
    return pages


def _feeds(
    archive: Archive, vocabulary: Vocabulary, site: feeds.FeedSite, files: Files
) -> dict[str, str]:
    """{site path: text} of the JSON Feeds and the issues' RSS (absolute URLs)."""

    def url_of(src: str) -> str:
        file = files.get_file_from_path(src)
        if file is None:
            raise PluginError(f"feed links to {src}, which is not in the site")
        return site.url(file.url.removeprefix("./"))

    order = vocabulary.category_names()
    items = list(archive.items.values())
    return {
        feeds.ENTRIES_JSON: feeds.dumps(feeds.entries_json_feed(items, site, url_of)),
        feeds.ISSUES_JSON: feeds.dumps(feeds.issues_json_feed(archive.issues, order, site, url_of)),
        feeds.ISSUES_RSS: feeds.issues_rss(archive.issues, order, site, url_of),
    }
