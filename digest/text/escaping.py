"""The one escaping module: text from a scraped page or an entry file, made safe for the place
it is written to. Each function is named for that place; none of them is ever skipped.

- `html_text`: HTML element content. Quotation marks are escaped too, so the same rule holds
  for every HTML we write (one `quote=` setting) and a value moved into an attribute stays shut.
- `html_text_unquoted`: HTML element content exactly as Python-Markdown and MkDocs' search
  plugin write it (quotation marks left as they are), only where our HTML must equal theirs
  byte for byte (digest.site.lunr).
- `html_attribute`: a quoted HTML attribute value (links' href, aria-label, option values).
- `markdown_text`: Markdown that renders exactly the text and nothing else (no emphasis,
  link, list or heading syntax; no raw HTML).
- `yaml_scalar`: one value of YAML front matter, written as JSON (JSON is YAML): a string can
  never open a new key, a tag or an anchor.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# Characters with a meaning in Markdown syntax that Python-Markdown lets a backslash escape
# (its ESCAPED_CHARS, plus "|" from the tables extension); "<", ">" and "&" are HTML-escaped.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|-])")


def html_text(value: str | None) -> str:
    """Text as HTML element content: shown as written, never markup."""
    return html.escape(value or "", quote=True)


_HTML_SPECIALS = re.compile("[&<>]")


def html_text_unquoted(value: str | None) -> str:
    """Text as HTML element content the way Python-Markdown writes it: &, < and > escaped,
    quotation marks not. Quick on plain words (most of what it is given)."""
    text = value or ""
    return html.escape(text, quote=False) if _HTML_SPECIALS.search(text) else text


def html_attribute(value: str | None) -> str:
    """Text as the value of a double- or single-quoted HTML attribute."""
    return html.escape(value or "", quote=True)


def markdown_text(value: str | None) -> str:
    """Text as Markdown that renders exactly that text and nothing else. Quotation marks need
    no escaping in Markdown text and are left as written."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(value or "", quote=False))


def yaml_scalar(value: Any) -> str:
    """A front-matter value (string, number, list, mapping) as one line of YAML."""
    return json.dumps(value, ensure_ascii=False)
