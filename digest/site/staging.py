"""The staging tree: the whole site as ordinary files, which an engine then only renders.

`stage_site` reads docs/ (the entries under docs/posts/, the hand-written pages and assets) and
computes every file of the site's docs tree:

- each entry's page with its body rendered (summary, key figures, quotes, "also covered by",
  entity links, tags and categories) at `YYYY/MM/DD/<slug>.md`;
- the weekly issues and their archive, the entity pages and their index, the figures and quotes
  indexes (digest.pages), the home page with this week's issue and the newest entries, the
  listing pages behind it, the tag index and a page per tag (digest.site.sitepages);
- the feeds: RSS and JSON Feed of the entries and of the weekly issues;
- the hand-written pages and assets, as they are.

Every page is plain front matter (title, description, search settings, edit link: what a later
template reads) + Markdown headings + HTML blocks. Each HTML block goes through the site's
sanitiser before it is written, so a page can carry no markup the sanitiser refuses, whether or
not `digest check` ran; Markdown text is escaped where it is made.

`sync_tree` writes the files into the staging folder, each only when its bytes differ from the
file already there, and removes files the site no longer has: a file's modification time then
says when its content last changed, which is what an engine's incremental build reads.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify as heading_id

from digest.archive.entry import entry_filename, entry_to_dict
from digest.editorial.vocabulary import Vocabulary, load_vocabulary
from digest.errors import DigestError
from digest.pages import entities, feeds, indexes, metadata, weekly
from digest.pages.items import SEARCH_EXCLUDE, Item, entity_src, relative_link
from digest.pages.related import coverage_map, group_related
from digest.pages.render import render_body, render_body_html
from digest.site import lunr, search, sitepages
from digest.site.entry_reading import plain_record, read_items
from digest.site.lifted import BLOCKS_KEY, PAGE_EXCLUDED, lift_blocks
from digest.site.memo import InputKeys, PageMemo, fingerprint, identities
from digest.site.memo import code_version as code_version  # build.py reads it here
from digest.site.sitepages import HOME_SRC, TAGS_SRC, Link
from digest.text import yamlsafe
from digest.text.siteconfig import POSTS_DIR

# Feeds that keep the addresses mkdocs-rss-plugin gave them (subscribers have them): the same
# documents under both names.
ENTRIES_RSS = ("feed_rss_created.xml", "feed_rss_updated.xml")
ENTRIES_JSON_ALIASES = ("feed_json_created.json", "feed_json_updated.json")
# Block-level tags that start an HTML block of a generated page (one element a line); a
# paragraph starting with an inline tag is Markdown's own paragraph.
BLOCK_TAGS = ("ul", "ol", "p", "div", "table", "section", "details", "dl", "figure", "nav", "form",
              "blockquote")
_BLOCK_START = re.compile(r"<(?:{})[\s>]".format("|".join(BLOCK_TAGS)))
_ELEMENT_LINE = re.compile(r"^<({})(?=[\s>])".format("|".join(BLOCK_TAGS)), re.M)
# On each element of a section kept out of the search index (its heading carries
# SEARCH_EXCLUDE, which Material's search reads): Pagefind reads this attribute instead.
PAGEFIND_IGNORE = "data-pagefind-ignore"
# The page's plain front matter block.
_FRONT = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.S)

Sanitize = Callable[[str], str]

def default_sanitizer() -> Sanitize:
    """The site's HTML sanitiser (digest.site.sanitize, nh3)."""
    from digest.site.sanitize import sanitize_html

    return sanitize_html


@dataclass(frozen=True, slots=True)
class StageOptions:
    """What the staged pages depend on besides the entries (from mkdocs.yml)."""

    site: feeds.FeedSite
    search: str = "lunr"  # the resolved engine: lunr (the engine's own index) or pagefind
    per_page: int = sitepages.PER_PAGE
    directory_urls: bool = True
    edit_base: str | None = None  # repo_url + edit_uri: an entry's edit link is edit_base + file
    html_links: str = "page"  # how the engine reads HTML blocks' relative links (make_href)
    # Move the HTML blocks the engine's search index does not read into the front matter,
    # for our content.html override to put back (lift_blocks): engines whose templates do.
    lift_blocks: bool = False
    # With lunr and lift_blocks: entry pages are staged as HTML, lifted and kept out of the
    # engine's index, their index entries made by digest.site.lunr (StagedSite.search_docs)
    # and added to the engine's index after its build (Material's search plugin, default toc).
    lunr_docs: bool = False


@dataclass
class StagedSite:
    """Every file of the staged tree, and what the search step needs to know of it."""

    # None: the page staged already is the right one (PageMemo), kept as it is
    files: dict[str, bytes | None] = field(default_factory=dict)
    indexed: set[str] = field(default_factory=set)  # srcs of the pages Pagefind indexes
    entries: int = 0
    # lunr_docs: {src: its entries in the engine's lunr index} (digest.site.lunr.merge_index)
    search_docs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def page_url(src: str, directory_urls: bool = True) -> str:
    """The site path of a staged page ("" for the home page), as MkDocs and Zensical make it."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/" if directory_urls else stem + ".html"


def output_path(src: str, directory_urls: bool = True) -> str:
    """The HTML file a staged page becomes, relative to the site folder."""
    url = page_url(src, directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative_url(from_url: str, to_url: str) -> str:
    """The link from the page at `from_url` to `to_url` (site paths as page_url gives them)."""
    base = from_url.split("/")[:-1]
    target = to_url.split("/")
    common = 0
    for a, b in zip(base, target[:-1], strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + target[common:])
    return rel or "./"


def make_href(directory_urls: bool, html_links: str = "page") -> Callable[[str, str], str]:
    """(from src, to src) -> the link an HTML block of the first page writes to the second.

    Engines read a relative link in an HTML block differently. MkDocs leaves it as it is, so it
    is written relative to the page's URL ("page"). Zensical reads it like a Markdown link,
    relative to the page's source file, and rewrites it for the page's URL, so it is written
    relative to the source file's folder ("source"): from `tags/tsmc.md` (URL `tags/tsmc/`)
    to the tag index (URL `tags/`), "../" for MkDocs, "./" for Zensical."""
    urls: dict[str, str] = {}

    def url(src: str) -> str:
        found = urls.get(src)
        if found is None:
            found = urls[src] = page_url(src, directory_urls)
        return found

    def href(from_src: str, to_src: str) -> str:
        return relative_url(url(from_src), url(to_src))

    def source_href(from_src: str, to_src: str) -> str:
        folder = from_src.rpartition("/")[0]
        return relative_url(folder + "/" if folder else "", url(to_src))

    if html_links not in ("page", "source"):
        raise ValueError(f"html_links must be page or source, not {html_links!r}")
    return href if html_links == "page" else source_href


# -- reading -------------------------------------------------------------------------------


def _hand_written(docs_dir: Path) -> Iterator[tuple[str, Path]]:
    """(src, path) of every file of docs/ outside docs/posts/, in a stable order."""
    for dirpath, dirnames, filenames in os.walk(docs_dir):
        folder = Path(dirpath)
        if folder == docs_dir:
            dirnames[:] = [d for d in dirnames if d != POSTS_DIR]
        dirnames.sort()
        for name in sorted(filenames):
            path = folder / name
            yield path.relative_to(docs_dir).as_posix(), path


# -- the pages -----------------------------------------------------------------------------


def stage_site(
    docs_dir: Path,
    options: StageOptions,
    *,
    sanitize: Sanitize | None = None,
    vocabulary: Vocabulary | None = None,
    items: list[Item] | None = None,
    memo: PageMemo | None = None,
    entry_hashes: dict[str, str] | None = None,
) -> StagedSite:
    """Every file of the staged docs tree (see the module docstring)."""
    sanitize = sanitize or default_sanitizer()
    vocabulary = vocabulary or load_vocabulary()
    items = read_items(docs_dir) if items is None else items
    _check_categories(items, vocabulary)
    href = make_href(options.directory_urls, options.html_links)
    pagefind = options.search == "pagefind"
    own_docs = options.lunr_docs and options.lift_blocks and not pagefind
    own_titles: dict[str, str] = {}  # own_docs: the entry pages whose index entries we make
    # With Pagefind, no page goes into the engine's own index (the header's box is Pagefind's).
    hidden: dict[str, Any] = {"search": {"exclude": True}}
    listing_meta: dict[str, Any] = {**hidden, "edit_url": ""}

    staged = StagedSite(entries=len(items))
    pages: dict[str, str] = {}

    stories = group_related(items, vocabulary)
    coverage = coverage_map(stories)
    issues = weekly.build_issues(stories)
    matcher = indexes.EntityMatcher(vocabulary)
    by_entity = entities.entries_by_entity(items, matcher)
    mentioning = entities.entries_mentioning(items, matcher)  # "Also mentioned in"
    entity_pages = {
        t.name: t
        for t in vocabulary.terms
        if t.name in by_entity and t.kind in indexes.ENTITY_KINDS
    }
    order = vocabulary.category_names()
    categories = _category_links(issues, order)

    def categories_of(item: Item) -> list[Link]:
        return categories.get(item.src, [])

    by_tag: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for tag in dict.fromkeys(item.entry.tags):
            by_tag[tag].append(item)
    slugs = sitepages.tag_slugs(list(by_tag))

    # Entry pages: one made from the same inputs as the page already staged is kept as it is.
    setting = repr(dataclasses.astuple(options))
    # The generated pages likewise, each keyed on its own inputs (digest.pages.items.Fresh), the
    # vocabulary included (a caller may pass its own).
    fresh = InputKeys(memo, fingerprint(setting, vocabulary))
    ident = identities(entry_hashes or {})
    for item in items:
        entry = item.entry
        also = [(o.entry.source_name, o.entry.title, relative_link(item.src, o.src))
                for o in coverage.get(item.src, ())]
        named = [(n, href(item.src, entity_src(n))) for n in entry.tags if n in entity_pages]
        tags = [Link(t, sitepages.tag_src(slugs[t])) for t in dict.fromkeys(entry.tags)]
        staged.indexed.add(item.src)
        key = ""
        if memo is not None and not own_docs:  # (own_docs: its index entries are made below)
            record = (entry_hashes or {}).get(item.src) or plain_record(entry_to_dict(entry))
            key = memo.key(setting, record, entry.notes, also, named,
                           [(c.label, c.src, c.anchor) for c in categories_of(item)],
                           [(t.label, t.src, t.anchor) for t in tags])
            if memo.keep(item.src, key):
                staged.files[item.src] = None
                continue
        plain = dataclasses.replace(entry, notes="")
        body = None
        if (pagefind or own_docs) and options.lift_blocks:  # out of the engine's index: HTML
            linked = [(o.entry.source_name, o.entry.title, href(item.src, o.src))
                      for o in coverage.get(item.src, ())]
            body = render_body_html(plain, also_covered=linked, entities=named)
        if body is not None and entry.notes:
            body = body.rstrip() + "\n\n## Notes\n\n" + _notes_html(entry.notes, sanitize) + "\n"
        # With lunr, only a page digest.site.lunr can read: else the engine's plugin reads
        # the page, converted from its Markdown as before.
        own = own_docs and body is not None and _html_only(body)
        if own_docs and not own:
            body = None
        if body is None:
            body = render_body(plain, also_covered=also, entities=named)
            if entry.notes:
                notes = _notes_html(entry.notes, sanitize)
                body = body.rstrip() + "\n\n## Notes\n\n" + notes + "\n"
        # og and jsonld: the link preview and NewsArticle metadata (digest.pages.metadata)
        meta: dict[str, Any] = {
            "edit_url": _edit_url(options.edit_base, entry), **metadata.entry_meta(entry)
        }
        if pagefind or own:
            meta.update(hidden)
        pages[item.src] = sitepages.entry_page(
            item, body, categories=categories_of(item), tags=tags, href=href, meta=meta
        )
        if own:
            own_titles[item.src] = sitepages.page_title(entry.title)
        elif memo is not None:
            memo.made(item.src, key)

    # Weekly issues, entity pages, figures and quotes: only those whose inputs changed.
    pages.update(weekly.render_issues(issues, order, href, fresh=fresh, ident=ident))
    pages[weekly.ARCHIVE_SRC] = weekly.render_archive(issues)
    rows_of = indexes.RowsOf(matcher)  # each entry's figure rows, made when first needed
    # figures.md and quotes.md, split by year when large (digest.pages.paging)
    pages.update(indexes.index_figure_pages(
        items, rows_of, frozenset(entity_pages), href, fresh=fresh, ident=ident
    ))
    pages.update(indexes.quote_pages(items, href, fresh=fresh, ident=ident))
    pages.update(entities.render_entities(
        entity_pages, by_entity, mentioning, rows_of, href, fresh=fresh, ident=ident
    ))
    staged.indexed.update(entity_src(name) for name in entity_pages)
    counts = {name: len(by_entity[name]) for name in entity_pages}
    pages[entities.INDEX_SRC] = entities.render_index(entity_pages, counts)
    generated_meta = {"edit_url": "", **(hidden if pagefind else {})}
    entry_srcs = {item.src for item in items}
    for src in list(pages):
        if src not in entry_srcs:
            pages[src] = _with_front_matter(pages[src], generated_meta)

    # Home, listing pages, tags.
    listing = sitepages.paginate(items, options.per_page)
    intro = _read_text(docs_dir / HOME_SRC, f"# {options.site.title}\n")
    block = weekly.render_home(issues[0]) if issues else ""
    home = sitepages.home_page(intro, block, listing, categories_of, href)
    pages[HOME_SRC] = _with_front_matter(home, hidden if pagefind else {})
    pages.update(sitepages.listing_pages(
        listing, categories_of, href, listing_meta, fresh=fresh, ident=ident
    ))
    pages.update(sitepages.tag_pages(by_tag, slugs, href, listing_meta, fresh=fresh, ident=ident))
    for src in fresh.kept:
        staged.files[src] = None
    tags_intro = _read_text(docs_dir / TAGS_SRC, "# Tags\n\n" + sitepages.TAGS_MARKER + "\n")
    tags_page = sitepages.tags_index(tags_intro, by_tag, slugs, href)
    pages[TAGS_SRC] = _with_front_matter(tags_page, hidden)

    # The hand-written pages and assets.
    for src, path in _hand_written(docs_dir):
        if src in (HOME_SRC, TAGS_SRC):
            continue
        if src in pages or src in fresh.keys:
            raise DigestError(str(path), "the site generates this page; remove the file")
        if not src.endswith(".md"):
            staged.files[src] = path.read_bytes()
            continue
        page = _read_text(path, "")
        if pagefind:
            staged.indexed.add(src)
            page = _with_front_matter(page, hidden)
        pages[src] = page  # its HTML blocks through the sanitiser too (finish_page)

    for src in list(pages):
        page = pages.pop(src)  # each page's text is held once: as text, then as staged bytes
        # A page whose text before sanitising is the one staged last time is kept as it is; an
        # entry page here was rendered above, its memo keyed on its inputs (not its text).
        key = fresh.keys.get(src, "")  # a generated page keyed on its inputs
        if memo is not None and src not in entry_srcs and src not in fresh.keys:
            key = memo.key(setting, page)
            if memo.keep(src, key):
                staged.files[src] = None
                continue
        if BLOCKS_KEY in page[:_front_end(page)] and BLOCKS_KEY in _front_keys(page):
            raise DigestError(src, f"{BLOCKS_KEY} in front matter is reserved for the site")
        if src in own_titles:  # its index entries, from the sanitised blocks before lifting
            head, chunks, liftable = _finished_chunks(page, sanitize)
            url = page_url(src, options.directory_urls)
            staged.search_docs[src] = lunr.page_docs(chunks, url, own_titles[src])
            text = (lift_blocks(head, chunks, liftable) if head and liftable
                    else head + "\n\n".join(chunks))
            staged.files[src] = text.encode("utf-8")
            continue
        staged.files[src] = finish_page(page, sanitize, lift=options.lift_blocks).encode("utf-8")
        if memo is not None and src not in entry_srcs:
            memo.made(src, key)
    if pagefind:  # the header's search box runs on our script (search_theme/)
        staged.files[search.SCRIPT] = (search.THEME / search.SCRIPT).read_bytes()

    # Feeds.
    for name, content in _feeds(items, issues, order, options, sanitize).items():
        if name in staged.files:
            raise DigestError(str(docs_dir / name), "the site generates this file; remove it")
        staged.files[name] = content.encode("utf-8")
    return staged


def _edit_url(edit_base: str | None, entry: Any) -> str:
    return f"{edit_base}{POSTS_DIR}/{entry_filename(entry)}" if edit_base else ""


def _read_text(path: Path, default: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return default
    except (OSError, UnicodeDecodeError) as exc:
        raise DigestError(str(path), f"cannot read: {exc}") from None


@functools.cache
def _notes_converter() -> Any:
    """One Markdown converter for every entry's notes (making one costs ~10 ms)."""
    import markdown

    return markdown.Markdown(extensions=["attr_list", "tables"])


def _notes_html(notes: str, sanitize: Sanitize) -> str:
    """The curator's notes (Markdown from the entry file) as one sanitised HTML block, without
    blank lines (the block must reach the engine whole), inside `<div class="sd-notes">`."""
    converted = sanitize(_notes_converter().reset().convert(notes))
    lines = [line for line in converted.split("\n") if line.strip()]  # Markdown's lines
    return "\n".join(['<div class="sd-notes">', *lines, "</div>"])


def _check_categories(items: Iterable[Item], vocabulary: Vocabulary) -> None:
    allowed = set(vocabulary.category_names())
    for item in items:
        for name in item.entry.categories:
            if name not in allowed:
                raise DigestError(
                    f"{POSTS_DIR}/{item.src}", f"categories: {name!r} is not in the vocabulary"
                )


def _category_links(issues: list[weekly.Issue], order: list[str]) -> dict[str, list[Link]]:
    """{entry src: a link per category}: to the entry's section of the issue that lists its
    story (the section of the story's lead), else to the top of that issue."""
    links: dict[str, list[Link]] = {}
    for issue in issues:
        for section, stories in weekly.sections(issue, order):
            for story in stories:
                for item in story.items:
                    links[item.src] = [
                        Link(name, issue.src, heading_id(name, "-") if name == section else "")
                        for name in item.entry.categories
                    ]
    return links


def _feeds(
    items: list[Item],
    issues: list[weekly.Issue],
    order: list[str],
    options: StageOptions,
    sanitize: Sanitize,
) -> dict[str, str]:
    site = options.site

    def url_of(src: str) -> str:
        return site.url(page_url(src, options.directory_urls))

    entries_json = feeds.dumps(feeds.entries_json_feed(items, site, url_of))
    out = {
        feeds.ENTRIES_JSON: entries_json,
        feeds.ISSUES_JSON: feeds.dumps(
            feeds.issues_json_feed(issues, order, site, url_of, clean=sanitize)
        ),
        feeds.ISSUES_RSS: feeds.issues_rss(issues, order, site, url_of, clean=sanitize),
    }
    rss = feeds.entries_rss(items, site, url_of)
    out.update({name: rss for name in ENTRIES_RSS})
    out.update({name: entries_json for name in ENTRIES_JSON_ALIASES})
    return out


# -- finishing a page ----------------------------------------------------------------------


def _with_front_matter(page: str, extra: dict[str, Any]) -> str:
    """The page with `extra` keys added to its front matter (its own keys win)."""
    if not extra:
        return page
    match = _FRONT.match(page)
    data: dict[str, Any] = {}
    body = page
    if match:
        loaded = yamlsafe.load(match.group("yaml"))  # hand-written pages come from PRs too
        data = loaded if isinstance(loaded, dict) else {}
        body = page[match.end() :]
    merged = {**extra, **data}
    return sitepages.front_matter(merged) + ("" if body.startswith("\n") else "\n") + body


def _front_end(page: str) -> int:
    match = _FRONT.match(page)
    return match.end() if match else 0


def _front_keys(page: str) -> set[str]:
    """The keys of the page's front matter (hand-written pages' too: read as untrusted)."""
    match = _FRONT.match(page)
    loaded = yamlsafe.load(match.group("yaml")) if match else None
    return {str(key) for key in loaded} if isinstance(loaded, dict) else set()


def _is_block(chunk: str) -> bool:
    return _BLOCK_START.match(chunk) is not None and all(
        # Markdown's lines, not str.splitlines(): a U+2028 or U+0085 in an entry's text must not
        # make a block look mixed (and so skip the sanitiser)
        line.startswith("<") for line in chunk.rstrip("\n").split("\n")
    )


def finish_page(page: str, sanitize: Sanitize, *, lift: bool = False) -> str:
    """Each HTML block of the page through the sanitiser; the blocks of a section kept out of
    the search index marked for Pagefind too. With `lift`, the blocks the engine's search
    index does not read (all of a page kept out of it, or of a section kept out) move into
    the front matter (`lift_blocks`)."""
    head, chunks, liftable = _finished_chunks(page, sanitize)
    if lift and liftable and head:
        return lift_blocks(head, chunks, liftable)
    return head + "\n\n".join(chunks)


def _html_only(body: str) -> bool:
    """Whether a page body is plain headings (digest.site.lunr.plain_heading), HTML blocks
    and comments only, with no character Python-Markdown would change in them: what
    digest.site.lunr makes index entries of."""
    return not lunr.NORMALISED.search(body) and all(
        not chunk.strip("\n")
        or _is_block(chunk.strip("\n"))
        or lunr.is_comment(chunk)
        or lunr.plain_heading(chunk.strip("\n")) is not None
        for chunk in body.split("\n\n")
    )


def _finished_chunks(page: str, sanitize: Sanitize) -> tuple[str, list[str], list[int]]:
    """(front matter, the body's chunks with their HTML blocks sanitised, the chunks the
    engine's search index does not read) of a page (see finish_page)."""
    match = _FRONT.match(page)
    head, body = (page[: match.end()], page[match.end() :]) if match else ("", page)
    chunks = body.split("\n\n")
    excluded = False
    hidden = bool(match) and PAGE_EXCLUDED in "\n" + match.group("yaml")
    liftable: list[int] = []
    for i, chunk in enumerate(chunks):
        lead = chunk[: len(chunk) - len(chunk.lstrip("\n"))]  # blank lines before the block
        block = chunk[len(lead) :]
        if block.startswith("#"):
            excluded = SEARCH_EXCLUDE in block.split("\n", 1)[0]
        elif block and _is_block(block):
            clean = sanitize(block)
            if excluded:
                clean = _ELEMENT_LINE.sub(rf"<\1 {PAGEFIND_IGNORE}", clean)
            chunks[i] = lead + clean
            if hidden or excluded:
                liftable.append(i)
    return head, chunks, liftable
