"""The MkDocs plugin of Silicon Digest (`silicon-digest` in mkdocs.yml).

- on_config: the vocabulary becomes the tags plugin's `tags_allowed` and the blog plugin's
  `categories_allowed`, so a tag or category outside it fails the build, with no second list to
  keep in step by hand. The blog plugin parses front matter with libyaml (`CSafeLoader`, what
  MkDocs itself uses) instead of PyYAML's pure-Python loader (see docs/performance.md).
- on_files (after the blog plugin has given posts their dated URLs): takes every entry from the
  blog's parsed posts (no second parse) and adds the generated pages and feeds as virtual files:
  weekly issues and their archive, entity pages, the figures and quotes indexes, JSON Feed of
  entries, RSS + JSON Feed of issues. Their long lists are HTML with final URLs (`_href`), not
  Markdown. The blog's list of posts gets a constant-time membership test (`PostList`): the
  blog plugin asks `page not in posts` for every page, a list scan that made builds quadratic.
  The blog's category views are off (mkdocs.yml), so categories are checked here and link to
  the entry's section of its weekly issue (`CategoryLink`).
- on_page_markdown: an entry's page is rendered from its front matter (digest.pages.render) with its
  "Also covered by" and entity links; the home page gets the current weekly issue. Then (after
  the blog plugin) the post's excerpt is set to convert only the text before the separator.
- on_page_content: the figures page gets its table, written as HTML (too big for Markdown).

The pages themselves are made by pure modules (digest.pages.weekly, related, entities, indexes,
feeds) from the list of entries; this module only wires them into MkDocs. `digest serve` is in
digest.site.preview.
"""

from __future__ import annotations

import html
import json
import logging
import re
import xml.sax.saxutils
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from digest.archive.entry import clean_text, entry_from_dict, parse_entry_text
from digest.editorial.vocabulary import Term, Vocabulary, load_vocabulary
from digest.errors import DigestError
from digest.pages import entities, feeds, indexes, weekly
from digest.pages.items import Href, Item, entity_src, relative_link
from digest.pages.related import Story, coverage_map, group_related
from digest.pages.render import render_body
from digest.site.pagestore import BlockStash, ContentStore, missing_blocks
from digest.site.sanitize import sanitize_html
from digest.text.yamlsafe import LimitedLoader

log = logging.getLogger("mkdocs.plugins.silicon-digest")

POSTS_PREFIX = "posts/"  # entries live in docs/posts/ (Material blog with blog_dir ".")
HOME_SRC = "index.md"  # the blog index: the home page
# Stands for the rest of a post when only its excerpt is converted (see _ExcerptRender); the
# blog's templates test that there is more, and never show it in a list.
EXCERPT_MORE = "…"
# Theme overrides: feed discovery links; the header's repository link without its GitHub API
# calls (the site makes no third-party requests).
TEMPLATES = Path(__file__).parent / "templates"
# Front-matter fields of an entry that only this plugin reads (into the archive, in on_files):
# dropped from the page's metadata then, as they are the largest part of it.
META_READ_ONCE = ("quotes", "figures")


@dataclass
class Archive:
    """What one build knows about the entries (rebuilt on every `mkdocs serve` reload)."""

    items: dict[str, Item] = field(default_factory=dict)
    coverage: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    issues: list[weekly.Issue] = field(default_factory=list)
    entity_pages: dict[str, Term] = field(default_factory=dict)
    matcher: indexes.EntityMatcher | None = None
    figure_rows: list[indexes.FigureRow] = field(default_factory=list)
    # {entry src: its page's path in the site} (digest.site.preview copies these pages)
    post_pages: dict[str, str] = field(default_factory=dict)
    # {entry src: its categories as links to their sections of the week's issue}
    category_links: dict[str, list[CategoryLink]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CategoryLink:
    """What Material's post templates read from `page.categories` (`title`, `url`). The blog's
    category views are switched off (mkdocs.yml); a category links to the section of the weekly
    issue that lists the entry's story instead."""

    title: str  # escaped: the templates insert it as is
    url: str  # site-root-relative, like Page.url


class PostList(list[Any]):
    """The blog plugin's posts with an O(1) membership test by identity. The blog plugin asks
    `page not in self.blog.posts` for every page; on a list that calls `Page.__eq__` (titles,
    then files) against every post: N pages x N posts comparisons. Every post is one object, so
    identity is the same answer."""

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item: object) -> bool:
        return id(item) in self._ids

    # Keep the identity set in step if anything adds posts after the swap.
    def append(self, item: Any) -> None:
        super().append(item)
        self._ids.add(id(item))

    def extend(self, items: Iterable[Any]) -> None:
        items = list(items)
        super().extend(items)
        self._ids.update(id(item) for item in items)


def _use_libyaml_for_blog_posts() -> None:
    """The blog plugin parses each post's front matter with `yaml.SafeLoader`, PyYAML's
    pure-Python loader (a quarter of a profiled build: our front matter carries the quotes and
    figures); libyaml's `CSafeLoader` gives the same data several times faster. The loader is
    the project's one front-matter loader (digest.text.yamlsafe: libyaml when present, with
    size and alias limits), so an alias bomb in a post fails the build instead of its memory."""
    from material.plugins.blog import structure

    structure.SafeLoader = LimitedLoader


class DigestPlugin(BasePlugin):  # type: ignore[type-arg]
    def __init__(self) -> None:
        self.archive = Archive()
        self.vocabulary: Vocabulary | None = None
        self.excerpt_separator = "<!-- more -->"  # the blog plugin's, read in on_config
        self._reset_stores()

    def _reset_stores(self) -> None:
        """Per-build memory savers (digest.site.pagestore): generated pages' HTML blocks, pages'
        HTML between conversion and rendering, and the excerpts' one Markdown converter."""
        self.blocks = BlockStash()
        self.contents = ContentStore()
        self.excerpts = SharedExcerptMarkdown()
        self.generated: frozenset[str] = frozenset()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Our template overrides (digest/templates) come before the theme's own templates.
        config.theme.dirs.insert(0, str(TEMPLATES))
        vocabulary = self.vocabulary = load_vocabulary()  # read once per build
        tags = config.plugins.get("material/tags")
        if tags is not None:
            from material.plugins.tags.structure.tag import Tag

            tags.config.tags_allowed = {Tag(name) for name in vocabulary.names()}
        blog = config.plugins.get("material/blog")
        if blog is not None:
            blog.config.categories_allowed = vocabulary.category_names()
            self.excerpt_separator = blog.config.post_excerpt_separator
            _use_libyaml_for_blog_posts()
        return config

    @event_priority(-100)  # after the blog plugin (-50): post URLs are final for the feeds
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        blog = config.plugins.get("material/blog")
        if blog is not None and blog.config.enabled and not isinstance(blog.blog.posts, PostList):
            blog.blog.posts = PostList(blog.blog.posts)
        vocabulary = self.vocabulary or load_vocabulary()
        self._reset_stores()
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
        _check_categories(items, vocabulary)
        site = feeds.FeedSite(
            title=config.site_name,
            description=config.site_description or config.site_name,
            home_url=(config.site_url or "/").rstrip("/") + "/",
        )
        # Pages first: the feeds link to the issues' URLs, known once their files exist.
        # The pages' files first, empty: the pages link to each other by final URL (href).
        placeholders = {src: "" for src in _page_srcs(self.archive)}
        self.generated = frozenset(placeholders)
        _add(files, config, placeholders)
        generated = _pages(self.archive, stories, vocabulary, by_entity, _href(files))
        for src, content in generated.items():
            file = files.get_file_from_path(src)
            if file is None or src not in placeholders:
                raise PluginError(f"generated page {src} has no file (see _page_srcs)")
            file.content_string = self.blocks.split(src, content)
        for src in self.archive.items:
            file = files.get_file_from_path(src)
            if file is not None:
                self.archive.post_pages[src] = file.dest_uri
        self.archive.category_links = _category_links(self.archive.issues, files, vocabulary)
        generated_feeds = _feeds(self.archive, vocabulary, site, files)
        _add(files, config, generated_feeds)
        log.debug(
            "generated %d pages and %d feeds from %d entries",
            len(generated),
            len(generated_feeds),
            len(items),
        )
        return files

    def _render_page(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        if src == HOME_SRC and self.archive.issues:
            return markdown.rstrip() + "\n\n" + weekly.render_home(self.archive.issues[0])
        if not src.startswith(POSTS_PREFIX):
            return markdown
        item = self.archive.items.get(src)
        if item is not None:  # read in on_files: the same file, parsed once
            entry = item.entry
        else:
            try:
                entry = entry_from_dict(dict(page.meta), markdown, src)
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
        href = _href(files)  # final URLs: the entity links are HTML (see render_body)
        named = [
            (name, href(src, entity_src(name)))
            for name in entry.tags
            if name in self.archive.entity_pages
        ]
        # Read by the blog plugin (later in the chain) for the post's excerpt, and by the theme.
        page.categories = list(self.archive.category_links.get(src, ()))
        # The blog plugin (later in the chain) reads page.markdown, not the returned value.
        # Its HTML blocks (the entity links) skip Python-Markdown, as a generated page's do.
        body = render_body(entry, also_covered=also, entities=named)
        page.markdown = self.blocks.split(src, body)
        return page.markdown

    @event_priority(-60)  # after the blog plugin (-50) has made the post's excerpt
    def _shorten_excerpt(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        excerpt = getattr(page, "excerpt", None)
        if excerpt is not None and page.file.src_uri.startswith(POSTS_PREFIX):
            excerpt.render = _ExcerptRender(excerpt, page, self.excerpts)
        return markdown

    on_page_markdown = CombinedEvent(_render_page, _shorten_excerpt)

    @event_priority(-1000)  # last: every other plugin has seen the page's HTML
    def on_page_content(
        self, content: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated page gets its HTML blocks back (those of sections outside the search
        index wait for _restore_late); the figures page gets its table (indexes.
        figures_table_html). Then the HTML is stored compressed until the page is rendered."""
        src = page.file.src_uri
        self._drop_markdown(page)
        content = self.blocks.restore(src, content, late=False)
        if src == indexes.FIGURES_SRC:
            content = content.replace(indexes.FIGURES_TABLE, self._figures_table(page, files), 1)
        if src.startswith(POSTS_PREFIX) or src in self.generated:
            # Only entries and generated pages: other plugins may still edit a hand-written
            # page before it is rendered (the tags plugin fills the tag index in on_env).
            self.contents.put(src, content)
            return ""
        return content

    def _drop_markdown(self, page: Page) -> None:
        """Once converted, a generated page's Markdown is not read again, and of an entry's
        only the part its excerpt converts (see _ExcerptRender)."""
        src = page.file.src_uri
        if src in self.generated:
            page.markdown = None
            page.file.content_string = ""
        elif src.startswith(POSTS_PREFIX) and page.markdown:
            head, found, _ = page.markdown.partition(self.excerpt_separator)
            if found:
                page.markdown = f"{head}{self.excerpt_separator}\n\n{EXCERPT_MORE}\n"

    def _figures_table(self, page: Page, files: Files) -> str:
        def href(src: str) -> str:
            target = files.get_file_from_path(src)
            if target is None:
                raise PluginError(f"the figures table links to {src}, which is not in the site")
            return target.url_relative_to(page.file)

        return indexes.figures_table_html(
            self.archive.figure_rows, frozenset(self.archive.entity_pages), href
        )

    @event_priority(100)  # first: the search plugin and the theme read the HTML
    def _take_content(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        content = self.contents.take(page.file.src_uri)
        if content is not None:
            page.content = content
        return context

    @event_priority(-100)  # after the search plugin, before the theme renders the page
    def _restore_late(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        src = page.file.src_uri
        if page.content:
            page.content = self.blocks.restore(src, page.content, late=True)
            if missing := missing_blocks(page.content):
                raise PluginError(f"{src}: generated HTML block(s) {missing} did not come back")
            # Every page's content HTML (entries, generated pages, tag listings, hand-written
            # pages), complete now, goes through the allow-list sanitiser before the theme wraps
            # it, whatever digest check said (digest.site.sanitize; issue 11).
            page.content = sanitize_html(page.content)
        self.blocks.drop(src)
        return context

    on_page_context = CombinedEvent(_take_content, _restore_late)

    @event_priority(-100)  # after mkdocs-rss-plugin has written its feeds
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The rss plugin's entry feeds get plain titles (see feeds.RSS_PLUGIN_FEEDS)."""
        site = Path(config.site_dir)
        for name in feeds.RSS_PLUGIN_FEEDS:
            path = site / name
            if path.is_file():
                text = _sanitize_feed_xml(path.read_text(encoding="utf-8"))  # issue 11
                path.write_text(feeds.unescape_titles_xml(text), encoding="utf-8")
        for name in feeds.RSS_PLUGIN_JSON_FEEDS:
            path = site / name
            if path.is_file():
                data = feeds.unescape_titles_json(json.loads(path.read_text(encoding="utf-8")))
                _sanitize_feed_json(data)  # issue 11
                path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @event_priority(-1000)  # last: the page is written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The page's HTML is in `output` now; MkDocs would keep it until the build ends."""
        page.content = None
        return output


def _add(files: Files, config: MkDocsConfig, generated: dict[str, str]) -> None:
    for src, content in generated.items():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} exists, but the site generates it; remove the file")
        files.append(File.generated(config, src, content=content))


class SharedExcerptMarkdown:
    """One Markdown converter for every excerpt of a build. The blog plugin gives each post's
    excerpt its own converter (with its extensions, about 20 KB), kept for the whole build: 200 MB
    at ten thousand entries. Excerpts differ only in the post their anchors point to and the file
    their relative links start from, so the first excerpt's converter is kept and pointed at each
    excerpt in turn, and the others are dropped as soon as the blog plugin has made them."""

    # The tree processors Material's Excerpt registers, and the attribute that binds each to
    # one excerpt.
    POST_PROCESSOR = ("excerpt", "page")
    FILE_PROCESSOR = ("relpath", "file")

    def __init__(self) -> None:
        self.md: Any = None

    def adopt(self, excerpt: Any) -> None:
        """Take the excerpt's converter as the shared one, or drop it for the shared one."""
        md = getattr(excerpt, "md", None)
        if md is None or not self._fits(md):
            return
        if self.md is None:
            self.md = md
        excerpt.md = None

    def bind(self, excerpt: Any, post: Page) -> None:
        md = self.md
        assert md is not None
        setattr(md.treeprocessors[self.POST_PROCESSOR[0]], self.POST_PROCESSOR[1], post)
        setattr(md.treeprocessors[self.FILE_PROCESSOR[0]], self.FILE_PROCESSOR[1], excerpt.file)
        md.reset()
        excerpt.md = md

    def _fits(self, md: Any) -> bool:
        """Whether the converter has the processors this class re-binds (a Material release that
        changes them keeps one converter per excerpt, as before)."""
        try:
            return all(
                hasattr(md.treeprocessors[name], attr)
                for name, attr in (self.POST_PROCESSOR, self.FILE_PROCESSOR)
            )
        except (KeyError, AttributeError):
            return False


class _ExcerptRender:
    """The blog plugin renders a post's excerpt on every index page that lists it by converting
    the whole post and keeping what comes before the excerpt separator: a second conversion of
    every post, most of it thrown away. This converts the part before the separator only (the
    title and summary: nothing in it refers to the rest) plus one placeholder paragraph after it,
    so the excerpt still knows there is more to read ("Continue reading"). With a
    `SharedExcerptMarkdown`, the excerpt borrows the build's one converter while it renders."""

    def __init__(
        self, excerpt: Any, post: Page, shared: SharedExcerptMarkdown | None = None
    ) -> None:
        self.render = excerpt.render  # the blog plugin's own, bound to the excerpt
        self.excerpt = excerpt
        self.post = post
        self.shared = shared if shared is not None and getattr(excerpt, "md", None) else None
        if self.shared is not None:
            self.shared.adopt(excerpt)
            if excerpt.md is not None:  # not adopted: keeps its own converter
                self.shared = None

    def __call__(self, page: Page, separator: str) -> None:
        if self.shared is not None:
            self.shared.bind(self.excerpt, self.post)
        try:
            self._render(page, separator)
        finally:
            if self.shared is not None:
                self.excerpt.md = None
        # The excerpt is content HTML too (the blog's lists show it): sanitised like a page's.
        if isinstance(getattr(self.excerpt, "content", None), str):
            self.excerpt.content = sanitize_html(self.excerpt.content)

    def _render(self, page: Page, separator: str) -> None:
        full = self.post.markdown
        assert full is not None
        head, found, _ = full.partition(separator)
        if not found:
            self.render(page, separator)
            return
        self.post.markdown = f"{head}{separator}\n\n{EXCERPT_MORE}\n"
        try:
            self.render(page, separator)
        finally:
            self.post.markdown = full


def _check_categories(items: list[Item], vocabulary: Vocabulary) -> None:
    """The blog plugin checks categories against its allow-list only in its category views,
    which are off: check them here, naming the file and the category."""
    allowed = set(vocabulary.category_names())
    for item in items:
        for name in item.entry.categories:
            if name not in allowed:
                raise PluginError(f"docs/{item.src}: categories: {name!r} is not in the vocabulary")


def _category_links(
    issues: list[weekly.Issue], files: Files, vocabulary: Vocabulary
) -> dict[str, list[CategoryLink]]:
    """{entry src: a link per category}: to the entry's section of the issue that lists its
    story (the section of the story's lead), else to the top of that issue."""
    order = vocabulary.category_names()
    links: dict[str, list[CategoryLink]] = {}
    for issue in issues:
        file = files.get_file_from_path(issue.src)
        if file is None:
            continue
        for section, stories in weekly.sections(issue, order):
            for story in stories:
                for item in story.items:
                    links[item.src] = [
                        CategoryLink(
                            title=html.escape(name),
                            url=file.url + ("#" + slugify(name, "-") if name == section else ""),
                        )
                        for name in item.entry.categories
                    ]
    return links


def _read_items(files: Files) -> list[Item]:
    """Every entry of docs/posts/, read here once for every generated page. The blog plugin
    (on_files, before this) has already parsed each post's front matter; its mapping and body
    are used as they are, and only a file it did not take as a post is parsed here."""
    from material.plugins.blog.structure import Post

    items = []
    for file in files:
        # the blog plugin has marked posts as excluded from the nav: look at every file
        if not (file.src_uri.startswith(POSTS_PREFIX) and file.is_documentation_page()):
            continue
        path = f"docs/{file.src_uri}"
        page = file.page
        try:
            if isinstance(page, Post) and isinstance(page.meta, dict) and page.meta:
                data, body = dict(page.meta), page.markdown or ""
                # Read from the entry from now on (self.archive); the theme never shows them.
                for key in META_READ_ONCE:
                    page.meta.pop(key, None)
            else:
                data, body = parse_entry_text(file.content_string, path)
            entry = entry_from_dict(data, body, path)
        except DigestError as exc:
            raise PluginError(str(exc)) from None
        items.append(Item(entry, file.src_uri))
    return items


def _href(files: Files) -> Href:
    """(from src, to src) -> the URL of one docs/ file relative to the page of another."""

    def href(from_src: str, to_src: str) -> str:
        source, target = files.get_file_from_path(from_src), files.get_file_from_path(to_src)
        if source is None or target is None:
            raise PluginError(f"{from_src} links to {to_src}, which is not in the site")
        return target.url_relative_to(source)

    return href


def _page_srcs(archive: Archive) -> list[str]:
    """The docs/ paths of every generated page (what _pages returns)."""
    srcs = [issue.src for issue in archive.issues]
    srcs += [weekly.ARCHIVE_SRC, indexes.FIGURES_SRC, indexes.QUOTES_SRC, entities.INDEX_SRC]
    srcs += [entity_src(name) for name in archive.entity_pages]
    return srcs


def _pages(
    archive: Archive,
    stories: list[Story],
    vocabulary: Vocabulary,
    by_entity: dict[str, list[Item]],
    href: Href,
) -> dict[str, str]:
    """{docs-relative path: Markdown} of every generated page."""
    order = vocabulary.category_names()
    pages = weekly.render_issues(archive.issues, order, href)
    pages[weekly.ARCHIVE_SRC] = weekly.render_archive(archive.issues)
    assert archive.matcher is not None
    rows = indexes.figure_rows(archive.items.values(), archive.matcher)
    pages[indexes.FIGURES_SRC] = indexes.render_figures(rows)
    archive.figure_rows = rows
    pages[indexes.QUOTES_SRC] = indexes.render_quotes(archive.items.values(), href)
    rows_by_entity: dict[str, list[indexes.FigureRow]] = {}
    for row in rows:
        rows_by_entity.setdefault(row.entity, []).append(row)
    for name, term in archive.entity_pages.items():
        pages[entity_src(name)] = entities.render_entity(
            term,
            by_entity[name],
            figures=rows_by_entity.get(name, []),
            pages=archive.entity_pages,
            href=href,
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
    # The feed items' HTML goes through the site's sanitiser, as pages do (issue 11).
    issues_json = _sanitize_feed_json(feeds.issues_json_feed(archive.issues, order, site, url_of))
    return {
        feeds.ENTRIES_JSON: feeds.dumps(feeds.entries_json_feed(items, site, url_of)),
        feeds.ISSUES_JSON: feeds.dumps(issues_json),
        feeds.ISSUES_RSS: _sanitize_feed_xml(feeds.issues_rss(archive.issues, order, site, url_of)),
    }


# An RSS item's HTML: the escaped text of its <description>.
_RSS_DESCRIPTION = re.compile(r"(<description>)(.*?)(</description>)", re.S)


def _sanitize_feed_xml(text: str) -> str:
    """Every <description> of an RSS document with its HTML sanitised."""

    def clean(match: re.Match[str]) -> str:
        content = sanitize_html(xml.sax.saxutils.unescape(match.group(2)))
        return match.group(1) + xml.sax.saxutils.escape(content) + match.group(3)

    return _RSS_DESCRIPTION.sub(clean, text)


def _sanitize_feed_json(data: dict[str, Any]) -> dict[str, Any]:
    """A JSON Feed with every item's `content_html` sanitised (in place; returned)."""
    for item in data.get("items", []):
        if isinstance(item, dict) and isinstance(item.get("content_html"), str):
            item["content_html"] = sanitize_html(item["content_html"])
    return data
