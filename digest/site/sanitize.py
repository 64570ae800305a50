"""The build's layer against script on the site: every page's content HTML goes through an
allow-list sanitiser (nh3, the Python binding of Rust's ammonia) before the theme wraps it.

`sanitize_html(html)` keeps the elements, attributes, classes, URL schemes and style properties
listed below and drops everything else: event handlers, script and style elements, `javascript:`
and `data:` URLs, images from other hosts, ids that could take over the theme's controls. The
lists are what our pages legitimately carry (Python-Markdown with the extensions of mkdocs.yml,
the generated pages of digest.pages, the tags plugin's listings): see each comment. The theme's
own markup and scripts are not sanitised here; the Content-Security-Policy covers them.

It is a plain function of HTML to HTML, so it can be called wherever page content is produced
(today the MkDocs plugin, digest.site.plugin).
"""

from __future__ import annotations

import functools
import re

import nh3

from digest.archive.body_safety import (
    ADMONITION_TYPES,
    LANGUAGE_CLASS,
    LINK_SCHEMES,
    names_host,
    url_scheme,
)

# --- the allow-list -----------------------------------------------------------------------------

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

TAGS: frozenset[str] = frozenset({
    # Python-Markdown's own output (paragraphs, lists, emphasis, code, quotes, rules, images).
    "p", "br", "hr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "pre", "code",
    "em", "strong", "b", "i", "del", "ins", "sub", "sup", "abbr", "a", "img", "span", "div",
    *HEADINGS,
    # the tables extension, and the generated pages' tables (figures, entity pages)
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    # the figures index's filter (digest.pages.indexes, run by docs/assets/figures.js)
    "form", "label", "select", "option", "output",
    # block elements the generated pages may write (digest.site.pagestore.BLOCK_TAGS)
    "section", "details", "summary", "figure", "figcaption", "nav",
    # an entry's date in the listings' post metadata (digest.site.sitepages)
    "time",
})

# Removed with their content (ammonia's default pair plus what never carries reading text).
CLEAN_CONTENT_TAGS: frozenset[str] = frozenset({
    "script", "style", "template", "noscript", "iframe", "object", "embed", "textarea",
    "select-menu", "xmp", "noembed", "noframes", "title",
})

ATTRIBUTES: dict[str, set[str]] = {
    # link targets and image sources are then checked by URL_SCHEMES and _filter
    # aria-label: a link whose text is short for its target ("2" -> "2024, page 2");
    # (aria-current, the current page in a list of pages: ATTRIBUTE_VALUES)
    "a": {"href", "title", "aria-label"},
    # a page's navigation blocks (pagers, tag chips, an index's pages) are named landmarks
    "nav": {"aria-label"},
    "time": {"datetime"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    # fenced_code's language class (```python -> class="language-python"); see _filter
    "code": {"class"},
    "ol": {"start"},
    # the toc extension's heading ids (the permalinks point at them); `data-search-exclude`
    # keeps a section of a generated page out of Material's search
    **{h: {"id", "data-search-exclude"} for h in HEADINGS},
    # the tables extension aligns columns with `style="text-align: ..."` (see STYLE_PROPERTIES)
    "th": {"style"},
    "td": {"style"},
    # the figures filter: which column each select filters, and its choices
    "form": {"aria-label"},
    "select": {"name", "data-column"},
    "option": {"value"},
    # on any element: Pagefind leaves the elements of a section kept out of its index alone
    # (digest.site.pagestore marks them)
    "*": {"data-pagefind-ignore"},
}

# Attributes allowed with these values only.
ATTRIBUTE_VALUES: dict[str, dict[str, set[str]]] = {
    # the figures filter's form and its count (docs/assets/figures.js looks them up by id)
    "form": {"id": {"figure-filter"}},
    "a": {"aria-current": {"page"}},
    "output": {"id": {"figure-count"}},
}

# Classes allowed per element (any other class is dropped from the list).
CLASSES: dict[str, set[str]] = {
    # toc's permalinks; Material's buttons (the "Read the original article" button)
    # and the tag chips (md-tag) of an entry page and the tag index (digest.site.sitepages)
    "a": {"headerlink", "md-button", "md-button--primary", "md-tag"},
    # the entry's tag chips, the listing pager, a split index's pages
    "nav": {"md-tags", "sd-pager", "sd-pages"},
    # the tags index's list; the listings' "Continue reading" (sd-more, on p)
    "ul": {"sd-tags"},
    # admonitions: the box, Material's types, and the home page's weekly issue (sd-issue);
    # the quotes index's groups (sd-quotes)
    "div": {"admonition", *ADMONITION_TYPES, "sd-issue", "sd-quotes"},
    # the admonition's title; entity links, story lines and pagers of the generated pages
    "p": {"admonition-title", "sd-entities", "sd-meta", "sd-more", "sd-pager"},
    # the tags plugin's listing headings
    "span": {"md-tag"},
    # the figures filter
    "form": {"sd-filter"},
}

# Style properties kept where `style` is allowed: table column alignment, nothing that can
# move, cover or load anything.
STYLE_PROPERTIES: frozenset[str] = frozenset({"text-align"})

# The only schemes a link may carry (the same as digest check's); relative URLs pass.
URL_SCHEMES: frozenset[str] = LINK_SCHEMES

# Material gives its own controls ids that start with "__" (__search, __drawer, __palette_0...);
# a heading with such an id could shadow one.
THEME_ID_PREFIX = "__"
# A link of these characters only has nothing to decode (no entity, percent-escape, backslash
# or space) and no scheme (no colon): the generated pages' own relative links, thousands a
# page, pass without the decoding `_filter` does for any other.
PLAIN_RELATIVE = re.compile(r"[A-Za-z0-9._~/#-]*")


# --- applying it --------------------------------------------------------------------------------


def sanitize_html(html: str) -> str:
    """The HTML with everything outside the allow-list removed (elements unwrapped, with their
    text, except script-like ones, which go with their content)."""
    return _cleaner().clean(html)


def _filter(element: str, attribute: str, value: str) -> str | None:
    """Per-value rules the allow-list cannot state: images only from this site; no URL whose
    scheme, once decoded as digest check decodes it, is refused (a browser reads
    "%6Aavascript:" as a relative path, but nothing legitimate looks like that); no theme ids."""
    if attribute == "href" and PLAIN_RELATIVE.fullmatch(value):
        return value  # decodes to itself, no scheme: what decoding would find (the common case)
    if element == "img" and attribute == "src" and names_host(value):
        return None
    if attribute in ("href", "src") and url_scheme(value) not in (None, *URL_SCHEMES):
        return None
    if attribute == "id" and value.startswith(THEME_ID_PREFIX):
        return None
    if element == "code" and attribute == "class":
        return " ".join(c for c in value.split() if LANGUAGE_CLASS.fullmatch(c)) or None
    return value


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        tag_attribute_values={t: {a: set(v) for a, v in av.items()}
                              for t, av in ATTRIBUTE_VALUES.items()},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        filter_style_properties=set(STYLE_PROPERTIES),
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_filter,
        strip_comments=True,
        link_rel=None,  # our links carry no rel; internal links need none
    )
