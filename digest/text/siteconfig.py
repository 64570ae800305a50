"""Reading mkdocs.yml: the site's configuration as plain data (the one reader every stage calls),
and the site's layout: every folder the digest reads or writes, declared once (`Layout`).

The file is MkDocs' format, which Zensical reads too. Tags such as `!ENV [NAME, default]` or
`!relative` are read as their plain values (the first item of a sequence: `!ENV`'s variable
name is not looked up), and Python tags as nothing: `digest build` writes each engine's own
configuration from this data, and needs none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# The layout's names. MkDocs defines docs_dir and site_dir (read from mkdocs.yml, these are its
# defaults); the entries' folder inside docs_dir and the source snapshots beside mkdocs.yml are
# the digest's own.
CONFIG_FILE = "mkdocs.yml"
DEFAULT_PLUGINS = ("search",)  # what MkDocs runs when mkdocs.yml has no `plugins` key
DOCS_DIR = "docs"
SITE_DIR = "site"
POSTS_DIR = "posts"  # docs_dir/posts/: the entry files (their pages are at posts/...)
SOURCES_DIR = "sources"  # sources/<entry stem>.txt: the article text each entry was made from
# The cache of digested inputs (digest.bulk), in the working folder: `add` and `extract` keep it.
INPUT_CACHE_DIR = ".cache/digest"


class ConfigError(ValueError):
    """mkdocs.yml cannot be read or is not a mapping."""


class _Loader(yaml.SafeLoader):
    pass


def _construct_any(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix.startswith("python"):
        return None
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        # `!ENV [NAME, default]`: the default, as a build without that variable sees it
        return items[-1] if suffix == "ENV" and items else items
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _construct_any)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_any)


def read_site_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping; ConfigError (with the file named) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: the configuration is not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of settings")
    return data


def site_dir_of(path: Path, data: dict[str, Any]) -> Path:
    """The site folder the configuration names (`site_dir`, default "site" beside it)."""
    name = data.get("site_dir")
    return path.parent / (name if isinstance(name, str) and name else SITE_DIR)


def docs_dir_of(path: Path, data: dict[str, Any]) -> Path:
    """The docs folder the configuration names (`docs_dir`, default "docs" beside it)."""
    name = data.get("docs_dir")
    return path.parent / (name if isinstance(name, str) and name else DOCS_DIR)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a site's files are: mkdocs.yml, its docs and site folders (as it names them), the
    entries inside docs and the source snapshots beside mkdocs.yml."""

    config: Path
    docs_dir: Path
    site_dir: Path

    @property
    def posts_dir(self) -> Path:
        return self.docs_dir / POSTS_DIR

    @property
    def sources_dir(self) -> Path:
        return self.config.parent / SOURCES_DIR

    @classmethod
    def of(cls, config: Path, data: dict[str, Any] | None = None) -> Layout:
        """The layout mkdocs.yml at `config` gives (`data`: the file already read). A missing
        file gives MkDocs' defaults beside it; ConfigError when it cannot be read."""
        if data is None:
            data = read_site_config(config) if config.exists() else {}
        return cls(config, docs_dir_of(config, data), site_dir_of(config, data))
