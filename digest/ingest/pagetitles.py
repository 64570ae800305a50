"""The title of an HTML page: the declared title (JSON-LD headline, og:title and other <meta>
keys, or the <title>) with the site's name taken off, or the visible headline (<h1>) when the
two relate so that the h1 is the article's own title (`_prefer_h1` lists the relations).

Called by `digest.ingest.metadata` with strings it read; the soup never comes here.
"""

from __future__ import annotations

import re
from collections import Counter

from digest.text.normalize import collapse_whitespace

# The visible <h1> is the headline when the page has one (copies aside) of this many words...
H1_MIN_WORDS = 3
H1_MAX_WORDS = 40
H1_CONFIRM_F1 = 0.5  # ...and shares this much (word F1) with the declared title or <title>
H1_LABEL_MAX_WORDS = 3  # a section label printed in the h1 before the headline ("Opinion")
NOT_LABEL_WORDS = frozenset({"the", "a", "an"})  # ...and not an article or a year ("The", "2025")
H1_VARIANT_F1 = 0.9  # a declared title this close to the h1 is a variant of it, not an SEO one
# Separators between a page title and the site name ("Headline | Site", "Headline - Site").
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•»/\\]|::)\s+")
# Separators between a site name and a headline in a <title>, checked against the page's h1
# (a colon is only trusted there, since headlines use colons too).
SITE_SEPARATORS = (" | ", " - ", " – ", " — ", ": ", " :: ", " · ", " • ", " » ", " / ")


def page_title(
    declared: str | None, doc_title: str | None, h1s: list[str], site: str | None
) -> str | None:
    """The article's title from the declared title (already entity-decoded), the <title>, the
    texts of the page's <h1>s and the site's name."""
    h1 = h1s[0] if h1s else None
    if declared:
        title: str | None = _without_site(declared, site)
    elif doc_title:
        title = _strip_site(doc_title, site, h1)
    else:
        title = h1
    return _visible_headline(h1s, title, site, doc_title) or title


def _without_site(title: str, site: str | None) -> str:
    """'Headline | Site' or 'Site - Headline' -> 'Headline' when the site's name is known."""
    if not site:
        return title
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if parts[-1].casefold() == site.casefold():
        return title[: title.casefold().rindex(parts[-1].casefold())].rstrip(" |-–—·•»/\\:")
    if parts[0].casefold() == site.casefold():
        return title[len(parts[0]) :].lstrip(" |-–—·•»/\\:")
    return title


def _visible_headline(
    h1s: list[str], title: str | None, site: str | None, doc_title: str | None
) -> str | None:
    """The headline a reader sees, when the page has one and it is this article's title: the
    only <h1> (or several copies of it), long enough to be a headline and not the site's name.
    Whether it or the declared title wins depends on how the two relate (`_prefer_h1`)."""
    texts = set(h1s)
    if len(texts) != 1 or not title:
        return None
    h1 = texts.pop()
    words = len(h1.split())
    if not H1_MIN_WORDS <= words <= H1_MAX_WORDS:
        return None
    names = {n.casefold() for n in (site, site_from_title(doc_title, title)) if n}
    if h1.casefold() in names:
        return None  # "Site" as the page's h1
    return h1 if _prefer_h1(h1, title, site, doc_title) else None


def _prefer_h1(h1: str, title: str, site: str | None, doc_title: str | None) -> bool:
    """Which of the visible headline and the declared title (og:title, JSON-LD, <title>) names
    the article. The relations, checked in this order:

    same words          the h1: the page's own typography (curly quotes, case)
    label + title       the declared title: the h1 opens with a short section label
                        ("Opinion", "Politics |")
    title + site name   the h1: the declared title adds the site's name ("Headline | Site"),
                        but not some other name after the headline ("Headline | Author" is the
                        declared title); a label before it ("Site: Headline", "Column: Headline")
                        is never part of the headline
    cut title           the h1: the declared title stops part way, maybe in a word ("Headline
                        that ru...")
    title + more words  the declared title: the h1 is its start ("Weekly Edition [Site]")
    near variant        the declared title: a word or a mark changed, not another headline
    another headline    the h1, when it shares enough words with a declared title to be this
                        article's (an SEO headline in the meta tags); an h1 sharing little is a
                        section or blog name ("Health Center")
    """
    h, t = _words(h1), _words(title)
    if h == t:
        return True
    if (
        len(t) < len(h) <= len(t) + H1_LABEL_MAX_WORDS
        and h[len(h) - len(t):] == t
        and not all(w in NOT_LABEL_WORDS or w.isdigit() for w in h[: len(h) - len(t)])
    ):
        return False
    rest = site_from_title(title, h1)
    if rest is not None:
        return title.endswith(h1) or _names_site(rest, site, doc_title)
    if 0 < len(t) <= len(h) and h[: len(t) - 1] == t[:-1] and h[len(t) - 1].startswith(t[-1]):
        return True
    if len(h) < len(t) and t[: len(h)] == h:
        return False
    if _token_f1(h1, title) >= H1_VARIANT_F1:
        return False
    return any(_token_f1(h1, t) >= H1_CONFIRM_F1 for t in (title, doc_title) if t)


def _names_site(part: str, site: str | None, doc_title: str | None) -> bool:
    """A title part that names the site or a section of it: it holds the declared site name, or
    the page's <title> prints it after a separator too (sites add their names to every page's
    <title>)."""
    words = " ".join(_words(part))
    if site and _words(site) and " ".join(_words(site)) in words:
        return True
    if not doc_title:
        return not site  # nothing says what the site is called: a suffix usually names it
    folded = doc_title.casefold()
    return any(sep + part.casefold() in folded for sep in SITE_SEPARATORS)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _token_f1(a: str, b: str) -> float:
    """F1 of the case-folded word multisets of two strings."""
    ta, tb = Counter(re.findall(r"\w+", a.casefold())), Counter(re.findall(r"\w+", b.casefold()))
    matched = sum((ta & tb).values())
    return 2 * matched / (sum(ta.values()) + sum(tb.values())) if matched else 0.0


def site_from_title(doc_title: str | None, headline: str | None) -> str | None:
    """'Site | Headline' or 'Headline - Site': the part of the <title> that is not the headline."""
    if not doc_title or not headline or doc_title == headline:
        return None
    for separator in SITE_SEPARATORS:
        if doc_title.endswith(separator + headline):
            return collapse_whitespace(doc_title[: -len(separator + headline)]) or None
        if doc_title.startswith(headline + separator):
            return collapse_whitespace(doc_title[len(headline + separator) :]) or None
    return None


def _strip_site(title: str, site: str | None, h1: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the page's h1 or site name tells which part is which."""
    if h1 and site_from_title(title, h1):
        return h1
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if h1 and h1 in parts:
        return h1
    if site:
        kept = [p for p in parts if p.casefold() != site.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    longest = max(parts, key=len)
    return longest if len(longest.split()) >= 3 else title
