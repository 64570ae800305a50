"""The engines that render the staged tree into the site: MkDocs with Material (the default)
and Zensical. Each engine is one module that knows its configuration file, its command line
and what its templates need of our theme overrides (`Engine`); everything else about the site
is in the staged files and the theme overrides, which both engines read the same way.

A new release of an engine is a version bump in pyproject.toml; a new engine is a module here
with the same functions, added to `get_engine`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from digest.text.siteconfig import DEFAULT_PLUGINS, DOCS_DIR, SITE_DIR

# Plugins whose work the staged tree does (digest.site.staging): never passed to an engine.
REPLACED_PLUGINS = ("blog", "tags", "rss", "silicon-digest", "silicon-digest-search")
DIGEST_SETTINGS = "digest"  # extra.digest in mkdocs.yml: read by digest build, not by engines
OVERRIDES_DIR = "overrides"  # a staging folder's theme overrides (beside its docs and site)


@dataclass(frozen=True, slots=True)
class Project:
    """The staging folder an engine builds: its docs tree, its theme overrides, its output."""

    root: Path  # the engine's configuration file is written here
    docs: Path  # the staged tree (root/docs)
    overrides: Path  # theme overrides (root/overrides)
    site: Path  # where the engine writes the site (root/site)

    @classmethod
    def at(cls, root: Path) -> Project:
        """The staging folder laid out under `root`, as every build and preview lays it out."""
        return cls(root=root, docs=root / DOCS_DIR, overrides=root / OVERRIDES_DIR,
                   site=root / SITE_DIR)


class Engine(Protocol):
    name: str
    # Whether `command(..., incremental=True)` rebuilds only what changed (and is then as
    # good as a full build); the build falls back to a full build when it is not.
    incremental: bool
    # How it reads a relative link in an HTML block: from the page's URL or its source file.
    html_links: str
    # Whether its templates put back the HTML blocks staging moved into a page's front matter
    # (digest.site.lifted, our partials/content.html override).
    lifts_blocks: bool

    def missing(self) -> str | None:
        """Why the engine cannot run here (not installed), or None."""

    def write_config(self, site_config: dict[str, Any], project: Project) -> Path:
        """Write the engine's configuration for the project; its path."""

    def adapt_overrides(
        self, files: dict[str, bytes], site_config: dict[str, Any]
    ) -> dict[str, bytes]:
        """Our theme overrides ({path: bytes}) as this engine's templates need them."""

    def command(self, config: Path, *, incremental: bool) -> list[str]:
        """The command that builds the site."""

    def problems(self, output: str, *, incremental: bool) -> list[str]:
        """The lines of the engine's output that fail the build (its warnings)."""


def base_config(site_config: dict[str, Any], project: Project) -> dict[str, Any]:
    """mkdocs.yml as an engine of the staged tree reads it: the staged docs, our theme
    overrides, the site folder, and only the plugins whose work is not in the tree."""
    config = copy.deepcopy(site_config)
    for key in ("docs_dir", "site_dir", "hooks"):
        config.pop(key, None)
    config["docs_dir"] = project.docs.relative_to(project.root).as_posix()
    config["site_dir"] = project.site.relative_to(project.root).as_posix()
    extra = config.get("extra")
    if isinstance(extra, dict):
        extra.pop(DIGEST_SETTINGS, None)
        if not extra:
            config.pop("extra")
    theme = config.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else dict(theme or {"name": "material"})
    theme["custom_dir"] = project.overrides.relative_to(project.root).as_posix()
    config["theme"] = theme
    plugins = []
    # No `plugins` key: MkDocs runs its default list, the search plugin (which
    # digest.site.settings.lunr_docs_possible counts on); `plugins: []` turns it off.
    listed = config["plugins"] if "plugins" in config else list(DEFAULT_PLUGINS)
    for plugin in listed or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin), "")
        if name.removeprefix("material/") not in REPLACED_PLUGINS:
            plugins.append(plugin)
    config["plugins"] = plugins
    return config


def get_engine(name: str) -> Engine:
    from digest.site.engines import mkdocs_engine, zensical_engine

    engines: dict[str, Engine] = {
        "mkdocs": mkdocs_engine.MkDocsEngine(),
        "zensical": zensical_engine.ZensicalEngine(),
    }
    if name not in engines:
        raise ValueError(f"unknown engine {name!r}: one of {', '.join(engines)}")
    return engines[name]


ENGINE_NAMES = ("mkdocs", "zensical")
