"""The site's Content-Security-Policy: the third layer against script on the site (after digest
check and the sanitiser), and the one that covers the theme's own markup.

The policy is a `<meta http-equiv="Content-Security-Policy">` in our theme override
(digest/site/templates/main.html), ahead of every script of the page. Scripts run only from the
site's own files, plus Material's inline scripts, allowed by their SHA-256 hashes: no inline
event handler, no `javascript:` URL, no script from elsewhere. Images come from the site (data:
URLs too: icons); no plugins (`object-src 'none'`); `<base>` cannot move the page's links.

The hashes are written in main.html, so the policy holds whichever engine renders the pages.
Material's inline scripts are in its `partials/javascripts/` templates; two carry the page's
relative base URL (".", "..", "../.." ...), so each of those is hashed once per depth up to
MAX_DEPTH, and once more for the absolute base of pages outside the tree (404.html).
`expected_sources` recomputes the list from the installed Material; tests/test_csp.py compares
it with main.html, so a Material upgrade that changes a script fails the tests (with the new
list to paste) instead of silently blocking the script.
"""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

import jinja2

# Pages sit at most this many folders below the site root (entries: YYYY/MM/DD/slug/ is 4).
MAX_DEPTH = 6
# Material's templates of inline scripts (its base, palette, content, announce, consent and
# outdated-version scripts); analytics is left out: the site loads no third-party script.
SCRIPT_TEMPLATES = "partials/javascripts"
# Sources beyond the site's files and Material's hashes: none. (Pagefind, the search from 2,000
# entries on, compiles its WebAssembly in a worker, which the page's policy does not govern;
# tests/test_search.py runs it under this policy.)
EXTRA_SCRIPT_SOURCES: tuple[str, ...] = ()
TEMPLATES = Path(__file__).parent / "templates"
POLICY_TEMPLATE = TEMPLATES / "main.html"

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
POLICY_META = re.compile(
    r"""<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(["'])(.*?)\1""", re.I | re.S
)


def material_templates() -> Path:
    """The installed Material theme's template folder."""
    import material

    return Path(material.__file__).parent / "templates"


def base_urls(site_url: str | None, max_depth: int = MAX_DEPTH) -> list[str]:
    """Every base URL a page's templates see: relative ones by depth, and the site's path (the
    absolute base of 404.html)."""
    relative = ["."] + ["/".join([".."] * depth) for depth in range(1, max_depth + 1)]
    path = urllib.parse.urlsplit(site_url or "").path or "/"
    return [*relative, path]


def material_scripts(templates: Path, bases: Iterable[str]) -> list[str]:
    """The text of every inline script Material's script templates write, for each base URL."""
    environment = jinja2.Environment(autoescape=False)
    scripts: dict[str, None] = {}
    bases = list(bases)
    for path in sorted((templates / SCRIPT_TEMPLATES).glob("*.html")):
        for match in SCRIPT.finditer(path.read_text(encoding="utf-8")):
            if not _runs_inline(match["attrs"]):
                continue
            body = environment.from_string(match["body"])
            for base in bases:
                scripts[body.render(base_url=base, config={"extra": {}})] = None
    return list(scripts)


def expected_sources(site_url: str | None, templates: Path | None = None) -> list[str]:
    """The script-src sources main.html must list, from the installed Material."""
    scripts = material_scripts(templates or material_templates(), base_urls(site_url))
    return [*(script_hash(s) for s in scripts), *EXTRA_SCRIPT_SOURCES]


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of a page that a browser would run."""
    return [m["body"] for m in SCRIPT.finditer(html) if _runs_inline(m["attrs"])]


def script_hash(script: str) -> str:
    """The CSP source of one inline script: 'sha256-<base64 of the digest of its UTF-8 text>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_policy(html: str) -> dict[str, list[str]] | None:
    """The directives of the page's (first) policy meta, or None."""
    match = POLICY_META.search(html)
    if match is None:
        return None
    directives = {}
    for part in match.group(2).split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def _runs_inline(attrs: str) -> bool:
    """A script element without src whose type a browser runs (JSON data blocks do not)."""
    found = {m.group(1).lower(): (m.group(2) or "").strip("\"'") for m in ATTRIBUTE.finditer(attrs)}
    return "src" not in found and found.get("type", "").strip().lower() in RUNNABLE_TYPES
