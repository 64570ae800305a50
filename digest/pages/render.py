"""Render an entry's readable page body from its front matter (used by the site plugin).

Everything that came from a scraped page is escaped here: it is shown as text and can never
become markup, a link target or Markdown syntax in the built site.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Sequence

from digest.models import Entry

KEY_FIGURES_SHOWN = 5  # the entry page's "Key figures" table shows the top few
EXCERPT_SEPARATOR = "<!-- more -->"  # Material blog: what comes before is the excerpt
# Between two quotes: Markdown merges blockquotes separated only by a blank line into one.
QUOTE_SEPARATOR = "<!-- quote -->"

# Characters with a meaning in Markdown syntax that Python-Markdown lets a backslash escape
# (its ESCAPED_CHARS, plus "|" from the tables extension); "<", ">" and "&" are HTML-escaped.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|-])")


def escape_text(value: str) -> str:
    """Scraped text -> Markdown that renders exactly that text and nothing else."""
    value = html.escape(value, quote=False)  # text content: quotes need no escaping
    return MARKDOWN_SPECIALS.sub(r"\\\1", value)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, percent-encoded for use in a link; else None."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")


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
    parts = [f"# {escape_text(entry.title)}", "", escape_text(entry.summary), "", EXCERPT_SEPARATOR]
    source = escape_text(entry.source_name)
    byline = f" by {escape_text(entry.author)}" if entry.author else ""
    url = safe_url(entry.url)
    origin = f"[{source}](<{url}>)" if url else source
    parts += ["", f"*Reported by {origin}{byline}.*"]
    figures = entry.figures[:KEY_FIGURES_SHOWN]
    if figures:
        parts += ["", "## Key figures", "", "| Figure | What it measures |", "| --- | --- |"]
        parts += [f"| **{escape_text(f.value)}** | {escape_text(f.context)} |" for f in figures]
    if entry.quotes:
        parts += ["", "## Quotes"]
        for n, quote in enumerate(entry.quotes):
            if n:
                parts += ["", QUOTE_SEPARATOR]
            parts += ["", f"> {escape_text(quote.text)}"]
            who = _attribution(quote.speaker, quote.role)
            if who:
                parts += [">", f"> — {who}"]
    if also_covered:
        parts += ["", "## Also covered by", ""]
        parts += [
            f"- **{escape_text(other_source)}**: [{escape_text(title)}](<{link}>)"
            for other_source, title, link in also_covered
        ]
    if entities:  # HTML with final URLs: Markdown would only resolve and copy eight links
        links = " · ".join(
            f'<a href="{html.escape(href, quote=True)}">{html.escape(name)}</a>'
            for name, href in entities
        )
        parts += ["", f'<p class="sd-entities"><strong>Companies and chips:</strong> {links}</p>']
    if url:
        parts += ["", f"[Read the original article at {source}](<{url}>){{ .md-button }}"]
    if entry.notes:
        parts += ["", "## Notes", "", entry.notes]
    return "\n".join(parts) + "\n"


def _attribution(speaker: str | None, role: str | None) -> str:
    if speaker and role:
        return f"**{escape_text(speaker)}**, {escape_text(role)}"
    if speaker:
        return f"**{escape_text(speaker)}**"
    return ""
