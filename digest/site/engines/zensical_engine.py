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
import sys
from pathlib import Path
from typing import Any

import yaml

from digest.site.engines import Project, base_config

CONFIG_NAME = "zensical.engine.yml"
VARIANT = "classic"  # Material's look (Zensical's default is "modern")


class ZensicalEngine:
    name = "zensical"
    incremental = True

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

    def command(self, config: Path, *, incremental: bool) -> list[str]:
        command = [sys.executable, "-m", "zensical", "build", "--strict"]
        command += ["--config-file", str(config)]
        return command if incremental else [*command, "--clean"]

    def problems(self, output: str, *, incremental: bool) -> list[str]:
        return []  # --strict: Zensical fails the build itself
