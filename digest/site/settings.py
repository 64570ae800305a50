"""The digest's site settings: the silicon-digest plugin's options in mkdocs.yml, read as data,
and the staging options they give."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digest.errors import DigestError
from digest.pages import feeds
from digest.site import sitepages
from digest.site.staging import StageOptions
from digest.text.siteconfig import CONFIG_FILE, DEFAULT_PLUGINS

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


# Markdown extensions that leave a heading of plain text as that text (they act on blocks, or
# on syntax markdown_text escapes): with only these, digest.site.lunr makes the index entries
# Material's search plugin would make of an entry page. Any other (smarty, emoji, magiclink...)
# may change a heading's text; the plugin then reads the pages itself.
PLAIN_HEADING_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "meta",
    "sane_lists", "tables", "toc", "pymdownx.details", "pymdownx.highlight",
    "pymdownx.superfences", "pymdownx.tabbed",
})
# toc options that change a heading's id (digest.site.lunr writes toc's default ids)
TOC_ID_OPTIONS = ("slugify", "separator")
SEARCH_PLUGINS = ("search", "material/search")


def lunr_docs_possible(site_config: dict[str, Any]) -> bool:
    """Whether digest.site.lunr can make the lunr index entries of the entry pages for the
    site's engine: Material's search plugin is on (MkDocs runs it when no plugin is listed),
    does not segment Chinese text (it does when jieba is installed), and every Markdown
    extension leaves plain headings as they are, with toc's default ids."""
    import importlib.util

    plugins = site_config["plugins"] if "plugins" in site_config else list(DEFAULT_PLUGINS)
    found = False
    for name, options in _named(plugins):
        if name in SEARCH_PLUGINS:
            found = not isinstance(options, dict) or options.get("enabled", True) is not False
    if not found or importlib.util.find_spec("jieba") is not None:
        return False
    for name, options in _named(site_config.get("markdown_extensions")):
        name = name.removeprefix("markdown.extensions.")
        if name not in PLAIN_HEADING_EXTENSIONS:
            return False
        if name == "toc" and isinstance(options, dict) and set(TOC_ID_OPTIONS) & set(options):
            return False
    return True


def _named(items: Any) -> list[tuple[str, Any]]:
    """(name, options) of each item of a mkdocs.yml list of plugins or extensions (a name, or
    a mapping of one name to its options)."""
    named: list[tuple[str, Any]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            named.append((item, {}))
        elif isinstance(item, dict):
            named.extend((str(key), value) for key, value in item.items())
    return named


def stage_options(
    site_config: dict[str, Any], search: str, settings: Settings, html_links: str = "page",
    lift_blocks: bool = False,
) -> StageOptions:
    """StageOptions from mkdocs.yml's data and the resolved search engine. With lift_blocks
    and lunr, the entry pages' index entries are ours when they can be (lunr_docs_possible)."""
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
        lunr_docs=lift_blocks and search == "lunr" and lunr_docs_possible(site_config),
    )
