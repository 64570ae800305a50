"""MkDocs with Material for MkDocs: `mkdocs build --strict`, or `--dirty` for an incremental
build (only the pages whose staged file is newer than their HTML are built again).

`--dirty` keeps every page's navigation as it was, which is right here: the navigation is
mkdocs.yml's `nav`, and no entry, issue or listing page is in it. Material's search index
(lunr), though, is written from the pages built in that run only, so an incremental build is
offered only when the site searches with Pagefind (digest.site.build decides). MkDocs refuses
`--strict` with `--dirty` (it warns about the dirty build itself), so a dirty build fails on
any other warning instead (`problems`).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import yaml

from digest.site.engines import Project, base_config

CONFIG_NAME = "mkdocs.engine.yml"
# MkDocs' own notice about a dirty build: the one warning an incremental build expects.
DIRTY_NOTICE = "A 'dirty' build is being performed"


class MkDocsEngine:
    name = "mkdocs"
    incremental = True
    html_links = "page"  # digest.site.staging.make_href
    lifts_blocks = True  # Jinja: our partials/content.html override splits page.content

    def missing(self) -> str | None:
        for module in ("mkdocs", "material"):
            if importlib.util.find_spec(module) is None:
                return f"needs {module}: pip install mkdocs-material"
        return None

    def write_config(self, site_config: dict[str, Any], project: Project) -> Path:
        config = base_config(site_config, project)
        path = project.root / CONFIG_NAME
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        return path

    def adapt_overrides(
        self, files: dict[str, bytes], site_config: dict[str, Any]
    ) -> dict[str, bytes]:
        return files  # our overrides are written for Material

    def command(self, config: Path, *, incremental: bool) -> list[str]:
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)]
        return command + (["--dirty"] if incremental else ["--strict"])

    def problems(self, output: str, *, incremental: bool) -> list[str]:
        return [
            line.strip()
            for line in output.splitlines()
            if line.startswith(("WARNING", "ERROR")) and DIRTY_NOTICE not in line
        ]
