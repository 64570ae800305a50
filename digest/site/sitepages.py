"""The pages that give the archive its shape: each entry's page, the home page and the older
listing pages, the tag index and one page per tag. Pure functions from `Item`s to page text
(plain front matter + Markdown headings + HTML blocks); digest.site.staging writes them.

What an engine's blog or tags plugin used to make, made here, so that any engine renders the
same site from files:

- An entry lives at `YYYY/MM/DD/<slug>.md` (URL `YYYY/MM/DD/<slug>/`, as the blog made it).
- Listings are paginated from the oldest entry up (`page/1/` holds the ten oldest): adding a
  recent entry changes the home page and the newest listing page only, never the whole chain
  (a listing numbered from the newest entry shifts every page by one). The home page shows the
  `per_page` newest entries; the pages behind it hold the rest, `per_page` each, the newest of
  them possibly fewer. An entry dated in the past moves the pages newer than its date.
- One page per tag (`tags/<slug>/`) and an index of tags with their counts: a single page of
  every tag's entries is megabytes at ten thousand entries, and changes with every entry.

Every text from an entry is escaped here (`html_text`, `text`); links between pages are final
URLs (`Href`) in HTML and source paths in Markdown, which the engine resolves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from digest.archive.entry import entry_slug
from digest.models import Entry
from digest.pages.items import (
    Fresh,
    Href,
    Ident,
    Item,
    always,
    by_date_desc,
    entity_slug,
    long_date,
    no_ident,
    relative_link,
)

# One writer of front matter and of its text values for every page (digest.pages.metadata):
# staging adds its keys to a page's front matter with the same function.
from digest.pages.metadata import front_matter
from digest.pages.metadata import meta_text as page_title
from digest.text.escaping import html_attribute, html_text, markdown_text
from digest.text.normalize import clean_text

HOME_SRC = "index.md"
TAGS_SRC = "tags.md"
PAGE_DIR = "page"  # listing pages: page/<n>.md, n from the oldest
TAG_DIR = "tags"  # one page per tag: tags/<slug>.md
# Where the tag index goes in docs/tags.md (Material's tags plugin marker, kept as ours).
TAGS_MARKER = "<!-- material/tags -->"
PER_PAGE = 10  # entries per listing page (the blog's pagination_per_page)

FrontMatter = dict[str, Any]


def entry_src(entry: Entry) -> str:
    """The entry page's path in the staged tree: its URL is `YYYY/MM/DD/<slug>/`."""
    return f"{entry.date:%Y/%m/%d}/{entry_slug(entry)}.md"


def page_src(number: int) -> str:
    return f"{PAGE_DIR}/{number}.md"


def tag_src(slug: str) -> str:
    return f"{TAG_DIR}/{slug}.md"


def tag_slugs(names: Sequence[str]) -> dict[str, str]:
    """{tag: slug}, unique: a second tag with the same slug gets "-2" (in name order)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names), key=lambda n: (n.casefold(), n)):
        base = entity_slug(name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


@dataclass(frozen=True, slots=True)
class Link:
    """A link shown on a page: its text (plain) and the target's src (or an URL with `url`)."""

    label: str
    src: str
    anchor: str = ""


def _anchor_html(link: Link, from_src: str, href: Href, css: str = "") -> str:
    url = href(from_src, link.src) + (f"#{link.anchor}" if link.anchor else "")
    cls = f' class="{css}"' if css else ""
    return f'<a href="{html_attribute(url)}"{cls}>{html_text(link.label)}</a>'


def meta_line(item: Item, categories: Sequence[Link], from_src: str, href: Href) -> str:
    """`<p class="sd-meta">date · in Category, Category</p>` (the blog's post metadata)."""
    day = item.entry.date
    parts = [f'<time datetime="{day.isoformat()}">{long_date(day)}</time>']
    if categories:
        parts.append("in " + ", ".join(_anchor_html(c, from_src, href) for c in categories))
    return f'<p class="sd-meta">{" · ".join(parts)}</p>'


def tags_nav(tags: Sequence[Link], from_src: str, href: Href) -> str:
    """The entry's tags as Material's tag chips (its `md-tags` markup), by name."""
    chips = sorted(tags, key=lambda t: t.label.casefold())
    inner = "".join(_anchor_html(t, from_src, href, "md-tag") for t in chips)
    return f'<nav class="md-tags" aria-label="Tags">{inner}</nav>'


def entry_page(
    item: Item,
    body: str,
    *,
    categories: Sequence[Link],
    tags: Sequence[Link],
    href: Href,
    meta: FrontMatter,
) -> str:
    """An entry's page: front matter (title, description, date, then `meta`), the tag chips,
    the body (digest.pages.render) with the date and categories under its heading."""
    entry = item.entry
    data: FrontMatter = {
        "title": page_title(entry.title),
        "description": page_title(entry.summary),
        "date": entry.date.isoformat(),
        **meta,
    }
    heading, _, rest = body.partition("\n\n")
    parts = [front_matter(data)]
    if tags:
        parts.append(tags_nav(tags, item.src, href) + "\n")
    parts += [heading, "", meta_line(item, categories, item.src, href), "", rest]
    return "\n".join(parts).rstrip() + "\n"


def excerpt(item: Item, categories: Sequence[Link], from_src: str, href: Href) -> str:
    """An entry in a listing: its title as a heading (the page's contents), date and categories,
    summary and a link to read on."""
    link = html_attribute(href(from_src, item.src))
    return "\n".join(
        [
            f"## [{markdown_text(item.entry.title)}](<{relative_link(from_src, item.src)}>)",
            "",
            meta_line(item, categories, from_src, href),
            f"<p>{html_text(clean_text(item.entry.summary))}</p>",
            f'<p class="sd-more"><a href="{link}">Continue reading</a></p>',
            "",
        ]
    )


@dataclass(frozen=True, slots=True)
class Listing:
    """The home page's entries and the listing pages behind it (see the module docstring)."""

    home: tuple[Item, ...]
    pages: tuple[tuple[Item, ...], ...]  # pages[0] is page/1 (the oldest entries)


def paginate(items: Sequence[Item], per_page: int = PER_PAGE) -> Listing:
    newest = by_date_desc(list(items))
    home, rest = newest[:per_page], newest[per_page:]
    oldest_first = rest[::-1]
    pages = [
        tuple(reversed(oldest_first[start : start + per_page]))
        for start in range(0, len(oldest_first), per_page)
    ]
    return Listing(home=tuple(home), pages=tuple(pages))


def pager(from_src: str, newer: str | None, older: str | None, href: Href) -> str:
    links = []
    if newer is not None:
        links.append(_anchor_html(Link("← Newer entries", newer), from_src, href))
    if older is not None:
        links.append(_anchor_html(Link("Older entries →", older), from_src, href))
    label = 'aria-label="Older and newer entries"'
    return f'<nav class="sd-pager" {label}>{" · ".join(links)}</nav>' if links else ""


CategoriesOf = Callable[[Item], Sequence[Link]]


def home_page(
    intro: str, issue_block: str, listing: Listing, categories: CategoriesOf, href: Href
) -> str:
    """docs/index.md's own text, this week's issue (weekly.render_home), the newest entries."""
    parts = [intro.rstrip(), "", issue_block.rstrip() if issue_block else "## Latest entries", ""]
    parts += [excerpt(item, categories(item), HOME_SRC, href) for item in listing.home]
    older = page_src(len(listing.pages)) if listing.pages else None
    parts.append(pager(HOME_SRC, None, older, href))
    return "\n".join(parts).rstrip() + "\n"


def listing_pages(
    listing: Listing,
    categories: CategoriesOf,
    href: Href,
    meta: FrontMatter,
    *,
    fresh: Fresh = always,
    ident: Ident = no_ident,
) -> dict[str, str]:
    """{src: page} of the listing pages behind the home page (those `fresh` asks for: a page
    is made from its number, whether it is the newest, and its entries with their
    categories' links)."""
    pages: dict[str, str] = {}
    count = len(listing.pages)
    for n, items in enumerate(listing.pages, start=1):
        src = page_src(n)

        def inputs(n: int = n, items: tuple[Item, ...] = items) -> object:
            return ("listing", n, n == count, meta, [
                (ident(item), [(c.label, c.src, c.anchor) for c in categories(item)])
                for item in items
            ])

        if not fresh(src, inputs):
            continue
        first, last = items[-1].entry.date, items[0].entry.date
        span = long_date(first) if first == last else f"{long_date(first)} – {long_date(last)}"
        title = f"Entries of {span}"
        parts = [front_matter({"title": title, **meta}), f"# {markdown_text(title)}", ""]
        parts += [excerpt(item, categories(item), src, href) for item in items]
        newer = HOME_SRC if n == count else page_src(n + 1)
        parts.append(pager(src, newer, page_src(n - 1) if n > 1 else None, href))
        pages[src] = "\n".join(parts).rstrip() + "\n"
    return pages


def tag_pages(
    by_tag: dict[str, list[Item]],
    slugs: dict[str, str],
    href: Href,
    meta: FrontMatter,
    *,
    fresh: Fresh = always,
    ident: Ident = no_ident,
) -> dict[str, str]:
    """{src: page}: one page per tag, its entries newest first (those `fresh` asks for: a page
    is made from its tag, its address and its entries)."""
    pages: dict[str, str] = {}
    for name, items in by_tag.items():
        src = tag_src(slugs[name])

        def inputs(name: str = name, items: list[Item] = items) -> object:
            return ("tag", name, meta, [ident(item) for item in items])

        if not fresh(src, inputs):
            continue
        count = len(items)
        # "Entries tagged AWS": the title and heading tell it from AWS's entity page
        parts = [
            front_matter({"title": page_title(f"Entries tagged {name}"), **meta}),
            f"# Entries tagged {markdown_text(name)}",
            "",
            f"*{count} {'entry' if count == 1 else 'entries'} tagged {markdown_text(name)}*",
            "",
            "<ul>",
        ]
        for item in by_date_desc(items):
            parts.append(
                f"<li>{_anchor_html(Link(item.entry.title, item.src), src, href)} · "
                f"{html_text(item.entry.source_name)} · {long_date(item.entry.date)}</li>"
            )
        parts += ["</ul>", ""]
        all_tags = href(src, TAGS_SRC)
        parts.append(f'<p><a href="{html_attribute(all_tags)}">All tags</a></p>')
        pages[src] = "\n".join(parts).rstrip() + "\n"
    return pages


def tags_index(
    intro: str, by_tag: dict[str, list[Item]], slugs: dict[str, str], href: Href
) -> str:
    """docs/tags.md with its marker replaced by every tag, its page and its entry count."""
    items = []
    for name in sorted(by_tag, key=lambda n: (n.casefold(), n)):
        count = len(by_tag[name])
        link = _anchor_html(Link(name, tag_src(slugs[name])), TAGS_SRC, href, "md-tag")
        items.append(f"<li>{link} {count}</li>")
    listing = "\n".join(['<ul class="sd-tags">', *items, "</ul>"]) if items else ""
    if TAGS_MARKER in intro:
        return intro.replace(TAGS_MARKER, listing, 1).rstrip() + "\n"
    return intro.rstrip() + "\n\n" + listing + "\n"
