"""Zensical, Material's successor from the same team: `zensical build --strict` on the same
configuration format. Zensical keeps its own cache beside its configuration (.cache/) and
rebuilds only what changed; `--clean` empties that cache for a full build.

Zensical reads mkdocs.yml itself, with two differences that matter here: its site and docs
folders must be inside the folder of its configuration (they are: the staging folder), and its
default look is its "modern" variant: the staged configuration asks for "classic", Material's.
It runs no MkDocs plugin, which the staged tree does not need.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from digest.site.engines import Project, base_config

CONFIG_NAME = "zensical.engine.yml"
VARIANT = "classic"  # Material's look (Zensical's default is "modern")
# The policy's script sources in our main.html override (digest.site.csp): Material's inline
# scripts by hash. Zensical's templates write other inline scripts; their hashes replace these.
SCRIPT_SOURCES = re.compile(r"script-src 'self'[^;]*;")
SEARCH_PARTIAL = "partials/search.html"
CONTENT_PARTIAL = "partials/content.html"
# Material's sidebar navigation written inline (a plain item without the theme's macros): its
# markup is Material's, so Zensical keeps its own partial and macros.
NAV_PARTIAL = "partials/nav.html"
PAGEFIND_BOX = b"data-digest-search"  # on our Pagefind search box (search_theme/)
SEARCH_STYLE = "assets/stylesheets/digest-search.css"  # its stylesheet under Zensical


class ZensicalEngine:
    name = "zensical"
    incremental = True
    html_links = "source"  # digest.site.staging.make_href
    # Its own content partial (MiniJinja) is kept: no staged page carries lifted blocks.
    lifts_blocks = False

    def missing(self) -> str | None:
        if importlib.util.find_spec("zensical") is None:
            return "needs Zensical: pip install 'silicon-digest[zensical]'"
        return None

    def write_config(self, site_config: dict[str, Any], project: Project) -> Path:
        config = base_config(site_config, project)
        config["theme"].setdefault("variant", VARIANT)
        path = project.root / CONFIG_NAME
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        return path

    def adapt_overrides(
        self, files: dict[str, bytes], site_config: dict[str, Any]
    ) -> dict[str, bytes]:
        """Our theme overrides as Zensical needs them: the Content-Security-Policy lists the
        hashes of Zensical's own inline scripts (computed from its templates by
        digest.site.csp, as for Material)."""
        files = dict(files)
        search = files.get(SEARCH_PARTIAL)
        if search is not None and PAGEFIND_BOX not in search:
            # Material's search box markup: Zensical's script runs its own box (a button and
            # a dialog), so its own partial stays; the Pagefind box is ours and stays.
            del files[SEARCH_PARTIAL]
        elif search is not None:
            # Zensical's stylesheet has no rules for the Material classes our box uses: ours
            # (search_theme/zensical-search.css) comes with the box, as a theme asset.
            from digest.site import search as site_search

            link = f'<link rel="stylesheet" href="{{{{ {SEARCH_STYLE!r} | url }}}}">\n'
            files[SEARCH_PARTIAL] = link.encode("utf-8") + search
            files[SEARCH_STYLE] = (site_search.THEME / "zensical-search.css").read_bytes()
        files.pop(CONTENT_PARTIAL, None)  # lifts_blocks is False: Zensical's own partial
        files.pop(NAV_PARTIAL, None)
        main = files.get("main.html")
        if main is None:
            return files
        import zensical

        from digest.site import csp

        templates = Path(zensical.__file__).parent / "templates"
        sources = csp.expected_sources(site_config.get("site_url"), templates=templates)
        policy = "script-src 'self' " + " ".join(sources) + ";"
        text = SCRIPT_SOURCES.sub(lambda _: policy, main.decode("utf-8"), count=1)
        return {**files, "main.html": text.encode("utf-8")}

    def command(self, config: Path, *, incremental: bool) -> list[str]:
        command = [sys.executable, "-m", "zensical", "build", "--strict"]
        command += ["--config-file", str(config)]
        return command if incremental else [*command, "--clean"]

    def problems(self, output: str, *, incremental: bool) -> list[str]:
        return []  # --strict: Zensical fails the build itself
