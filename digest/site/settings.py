"""The digest's site settings: the silicon-digest plugin's options in mkdocs.yml, read as data,
and the staging options they give."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digest.errors import DigestError
from digest.pages import feeds
from digest.site import sitepages
from digest.site.staging import StageOptions
from digest.text.siteconfig import CONFIG_FILE

PLUGIN = "silicon-digest"  # mkdocs.yml: the plugin entry whose options are the digest's settings


@dataclass(frozen=True, slots=True)
class Settings:
    """The silicon-digest plugin's options in mkdocs.yml (read by `digest build` too)."""

    search: str = "auto"  # lunr | pagefind | auto: Pagefind from `pagefind_from` entries
    pagefind_from: int = 2000
    per_page: int = sitepages.PER_PAGE


def settings_of(site_config: dict[str, Any], source: str = CONFIG_FILE) -> Settings:
    """The plugin's options from mkdocs.yml as data; DigestError naming a bad one."""
    options: Any = {}
    for plugin in site_config.get("plugins") or []:
        if isinstance(plugin, dict) and PLUGIN in plugin:
            options = plugin[PLUGIN] or {}
    if not isinstance(options, dict):
        raise DigestError(source, f"plugins: {PLUGIN}: its options must be a mapping")
    settings = Settings(**{k: v for k, v in options.items() if k in Settings.__slots__})
    unknown = sorted(set(options) - set(Settings.__slots__))
    if unknown:
        raise DigestError(source, f"plugins: {PLUGIN}: unknown option(s) {', '.join(unknown)}")
    if settings.search not in ("auto", "lunr", "pagefind"):
        raise DigestError(
            source, f"plugins: {PLUGIN}: search must be auto, lunr or pagefind, not "
            f"{settings.search!r}"
        )
    for name in ("pagefind_from", "per_page"):
        value = getattr(settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise DigestError(source, f"plugins: {PLUGIN}: {name} must be a positive number")
    return settings


def stage_options(
    site_config: dict[str, Any], search: str, settings: Settings, html_links: str = "page",
    lift_blocks: bool = False,
) -> StageOptions:
    """StageOptions from mkdocs.yml's data and the resolved search engine."""
    name = str(site_config.get("site_name") or "Site")
    site = feeds.FeedSite(
        title=name,
        description=str(site_config.get("site_description") or name),
        home_url=str(site_config.get("site_url") or "/").rstrip("/") + "/",
    )
    repo = site_config.get("repo_url")
    edit_uri = site_config.get("edit_uri")
    edit_base = None
    if isinstance(repo, str) and repo and isinstance(edit_uri, str) and edit_uri:
        edit_base = repo.rstrip("/") + "/" + edit_uri.strip("/") + "/"
    return StageOptions(
        site=site,
        search=search,
        per_page=settings.per_page,
        directory_urls=site_config.get("use_directory_urls", True) is not False,
        edit_base=edit_base,
        html_links=html_links,
        lift_blocks=lift_blocks,
    )
