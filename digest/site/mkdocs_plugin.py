"""The `silicon-digest` MkDocs plugin: `mkdocs build` (or `mkdocs serve`) on the project's own
mkdocs.yml builds the same site as `digest build --engine mkdocs --full`, without the check.

It only uses MkDocs' plugin events on its own configuration: on_config writes the staging tree
(digest.site.staging) into `.digest-cache/mkdocs-plugin/` and points `docs_dir` and the theme's
folders at it; on_post_build indexes the site with Pagefind when the site searches with it. Its
options (`search`, `pagefind_from`, `per_page`) are the digest's settings, which `digest build`
reads from the same entry of mkdocs.yml; engines built by `digest build` never see this plugin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from digest.errors import DigestError
from digest.site import entry_reading, staging, treesync
from digest.site import search as site_search
from digest.site import settings as site_settings
from digest.site.engines import Project
from digest.text.siteconfig import CONFIG_FILE, ConfigError, read_site_config

FOLDER = Path(".digest-cache") / "mkdocs-plugin"  # beside mkdocs.yml


class DigestConfig(base.Config):
    search = c.Choice(site_search.ENGINES, default="auto")
    pagefind_from = c.Type(int, default=site_search.PAGEFIND_FROM)
    per_page = c.Type(int, default=staging.sitepages.PER_PAGE)


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.indexed: list[str] = []
        self.search = "lunr"
        self.watched: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        source = Path(config.config_file_path or CONFIG_FILE)
        staged_at = Project.at(source.parent / FOLDER)
        docs = Path(config.docs_dir)
        if docs.resolve() == staged_at.docs.resolve():  # `mkdocs serve` reloads: the original
            docs = Path(self.watched or config.docs_dir)
        try:
            site_config = read_site_config(source)
            settings = site_settings.Settings(
                search=self.config.search,
                pagefind_from=self.config.pagefind_from,
                per_page=self.config.per_page,
            )
            items = entry_reading.read_items(docs)
            self.search = site_search.resolve_engine(
                settings.search, len(items), settings.pagefind_from
            )
            options = site_settings.stage_options(site_config, self.search, settings)
            staged = staging.stage_site(docs, options, items=items)
        except (DigestError, ConfigError) as exc:
            raise PluginError(str(exc)) from None
        treesync.sync_tree(staged_at.docs, staged.files)
        treesync.sync_tree(staged_at.overrides, treesync.theme_overrides(self.search))
        self.indexed = sorted(
            staging.output_path(src, options.directory_urls) for src in staged.indexed
        )
        self.watched = str(docs)
        config.docs_dir = str(staged_at.docs)
        config.theme.dirs.insert(0, str(staged_at.overrides))
        return config

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.watched:  # changes to the original docs/ rebuild the staged tree
            server.watch(self.watched)
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.search != "pagefind":
            return
        site = Path(config.site_dir)
        try:
            site_search.mark_pages(site, self.indexed)
            shards, tops = site_search.plan_shards(self.indexed)
            site_search.index_site(site, shards, tops)
        except DigestError as exc:
            raise PluginError(str(exc)) from None
