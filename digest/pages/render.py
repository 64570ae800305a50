"""Render an entry's readable page body from its front matter (used by the site plugin).

Everything that came from a scraped page is escaped here: it is shown as text and can never
become markup, a link target or Markdown syntax in the built site.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence

from digest.models import Entry, Quote
from digest.text.escaping import html_attribute, html_text, markdown_text
from digest.text.normalize import clean_text

KEY_FIGURES_SHOWN = 5  # the entry page's "Key figures" table shows the top few
EXCERPT_SEPARATOR = "<!-- more -->"  # Material blog: what comes before is the excerpt
# Between two quotes: Markdown merges blockquotes separated only by a blank line into one.
QUOTE_SEPARATOR = "<!-- quote -->"

def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, percent-encoded for use in a link; else None."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")


# Marks around a quote that is a fragment of the writer's sentence, so no reader takes "is our
# dream" for a whole statement.
FRAGMENT_MARK = "…"


def quote_display(quote: Quote) -> str:
    """A quote's text as shown: a fragment between "…" marks, a whole sentence as it is."""
    if not quote.fragment:
        return quote.text
    return f"{FRAGMENT_MARK}{quote.text.strip(' .…')}{FRAGMENT_MARK}"


def render_body(
    entry: Entry,
    *,
    also_covered: Sequence[tuple[str, str, str]] = (),
    entities: Sequence[tuple[str, str]] = (),
) -> str:
    """The page Markdown: headline, summary (the excerpt), key figures, quotes, "Also covered
    by" (`(source, title, link)` of other outlets' entries on the story), links to the entity
    pages (`(name, link)`), source link, then the curator's notes verbatim. Links are relative
    Markdown links made by the caller; every text is escaped here."""
    parts = [
        f"# {markdown_text(entry.title)}", "", markdown_text(entry.summary), "", EXCERPT_SEPARATOR
    ]
    url = safe_url(entry.url)
    line = byline(entry.source_name, entry.author, url)
    if line:
        parts += ["", f"*{line}*"]
    figures = entry.figures[:KEY_FIGURES_SHOWN]
    if figures:
        parts += ["", "## Key figures", "", "| Figure | What it measures |", "| --- | --- |"]
        parts += [f"| **{markdown_text(f.value)}** | {markdown_text(f.context)} |" for f in figures]
    if entry.quotes:
        parts += ["", "## Quotes"]
        for n, quote in enumerate(entry.quotes):
            if n:
                parts += ["", QUOTE_SEPARATOR]
            parts += ["", f"> {markdown_text(quote_display(quote))}"]
            who = _attribution(quote.speaker, quote.role)
            if who:
                parts += [">", f"> — {who}"]
    if also_covered:
        parts += ["", "## Also covered by", ""]
        parts += [
            f"- **{markdown_text(other_source)}**: [{markdown_text(title)}](<{link}>)"
            for other_source, title, link in also_covered
        ]
    if entities:  # HTML with final URLs: Markdown would only resolve and copy eight links
        parts += ["", _entities_paragraph(entities)]
    if url:
        source = markdown_text(clean_text(entry.source_name or ""))
        read = f"Read the original article at {source}" if source else "Read the original article"
        parts += ["", f"[{read}](<{url}>){{ .md-button }}"]
    if entry.notes:
        parts += ["", "## Notes", "", entry.notes]
    return "\n".join(parts) + "\n"


def byline(
    outlet: str | None, author: str | None, url: str | None, *, as_html: bool = False
) -> str:
    """The entry's credit line, as Markdown (or, `as_html`, the HTML Python-Markdown makes of
    it), for each case of outlet and author present or missing; the outlet (or, without one,
    "the original article") links to `url` when there is one (a checked URL, see `safe_url`).
    "" when there is neither name nor link.

    - outlet and author: "Reported by Caleb Strand for Wafer Weekly."
    - outlet only: "Reported by Wafer Weekly."
    - author only: "Reported by Caleb Strand in the original article."
    - neither: "From the original article."
    """
    escape = html_text if as_html else markdown_text
    outlet = escape(clean_text(outlet or ""))
    author = escape(clean_text(author or ""))

    def linked(label: str) -> str:
        if not url:
            return label
        return f'<a href="{html_attribute(url)}">{label}</a>' if as_html else f"[{label}](<{url}>)"

    if outlet and author:
        return f"Reported by {author} for {linked(outlet)}."
    if outlet:
        return f"Reported by {linked(outlet)}."
    if author:
        return f"Reported by {author} in the {linked('original article')}." if url else (
            f"Reported by {author}."
        )
    return f"From the {linked('original article')}." if url else ""


def _attribution(speaker: str | None, role: str | None) -> str:
    if speaker and role:
        return f"**{markdown_text(speaker)}**, {markdown_text(role)}"
    if speaker:
        return f"**{markdown_text(speaker)}**"
    return ""


def _attribution_html(speaker: str | None, role: str | None) -> str:
    if speaker and role:
        return f"<strong>{html_text(speaker)}</strong>, {html_text(role)}"
    if speaker:
        return f"<strong>{html_text(speaker)}</strong>"
    return ""


def render_body_html(
    entry: Entry,
    *,
    also_covered: Sequence[tuple[str, str, str]] = (),
    entities: Sequence[tuple[str, str]] = (),
) -> str | None:
    """`render_body` with every part but the headings, the excerpt mark and the quote separators
    written as the HTML block Python-Markdown (with the site's extensions) makes of it, one
    element a line: a page whose blocks the engine need not convert (digest.site.lifted).
    The links of `also_covered` are final hrefs here. None when a text holds a line break
    (a block must be one element a line): then the page is `render_body`'s Markdown."""
    texts = [entry.title, entry.summary, entry.source_name, entry.author]
    texts += [t for f in entry.figures[:KEY_FIGURES_SHOWN] for t in (f.value, f.context)]
    texts += [t for q in entry.quotes for t in (quote_display(q), q.speaker, q.role)]
    texts += [t for other in also_covered for t in other[:2]]
    if any(len((t or "").splitlines()) > 1 for t in texts):
        return None
    parts = [
        f"# {markdown_text(entry.title)}", "", f"<p>{html_text(entry.summary)}</p>", "",
        EXCERPT_SEPARATOR,
    ]
    url = safe_url(entry.url)
    line = byline(entry.source_name, entry.author, url, as_html=True)
    if line:
        parts += ["", f"<p><em>{line}</em></p>"]
    figures = entry.figures[:KEY_FIGURES_SHOWN]
    if figures:
        parts += ["", "## Key figures", "", "<table>", "<thead>", "<tr>", "<th>Figure</th>",
                  "<th>What it measures</th>", "</tr>", "</thead>", "<tbody>"]
        for f in figures:
            parts += ["<tr>", f"<td><strong>{html_text(f.value)}</strong></td>",
                      f"<td>{html_text(f.context)}</td>", "</tr>"]
        parts += ["</tbody>", "</table>"]
    if entry.quotes:
        parts += ["", "## Quotes"]
        for n, quote in enumerate(entry.quotes):
            if n:
                parts += ["", QUOTE_SEPARATOR]
            parts += ["", "<blockquote>", f"<p>{html_text(quote_display(quote))}</p>"]
            who = _attribution_html(quote.speaker, quote.role)
            if who:
                parts += [f"<p>— {who}</p>"]
            parts += ["</blockquote>"]
    if also_covered:
        parts += ["", "## Also covered by", "", "<ul>"]
        parts += [
            f'<li><strong>{html_text(other_source)}</strong>: '
            f'<a href="{html_attribute(link)}">{html_text(title)}</a></li>'
            for other_source, title, link in also_covered
        ]
        parts += ["</ul>"]
    if entities:
        parts += ["", _entities_paragraph(entities)]
    if url:
        source = html_text(clean_text(entry.source_name or ""))
        read = f"Read the original article at {source}" if source else "Read the original article"
        parts += ["", f'<p><a class="md-button" href="{html_attribute(url)}">{read}</a></p>']
    if entry.notes:
        return None  # the curator's Markdown: render_body (the staging writes notes as HTML)
    return "\n".join(parts) + "\n"


def _entities_paragraph(entities: Sequence[tuple[str, str]]) -> str:
    """The entry's companies and chips as one HTML paragraph of links (entity pages' URLs)."""
    links = " · ".join(
        f'<a href="{html_attribute(href)}">{html_text(name)}</a>' for name, href in entities
    )
    return f'<p class="sd-entities"><strong>Companies and chips:</strong> {links}</p>'
