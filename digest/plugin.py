"""The MkDocs plugin of Silicon Digest (`silicon-digest` in mkdocs.yml).

- on_config: the vocabulary becomes the tags plugin's `tags_allowed` and the blog plugin's
  `categories_allowed`, so a tag or category outside it fails the build, with no second list to
  keep in step by hand.
- on_page_markdown: an entry's page is rendered from its front matter (digest.render).
"""

from __future__ import annotations

import html
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from digest.entry import clean_text, entry_from_dict
from digest.errors import DigestError
from digest.render import render_body
from digest.vocabulary import load_vocabulary

log = logging.getLogger("mkdocs.plugins.silicon-digest")

POSTS_PREFIX = "posts/"  # entries live in docs/posts/ (Material blog with blog_dir ".")


class DigestPlugin(BasePlugin):  # type: ignore[type-arg]
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        vocabulary = load_vocabulary()
        tags = config.plugins.get("material/tags")
        if tags is not None:
            from material.plugins.tags.structure.tag import Tag

            tags.config.tags_allowed = {Tag(name) for name in vocabulary.names()}
        blog = config.plugins.get("material/blog")
        if blog is not None:
            blog.config.categories_allowed = vocabulary.category_names()
        return config

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if not page.file.src_uri.startswith(POSTS_PREFIX):
            return markdown
        meta: dict[str, Any] = dict(page.meta)
        try:
            entry = entry_from_dict(meta, markdown, page.file.src_uri)
        except DigestError as exc:
            raise PluginError(str(exc)) from None
        # Titles and descriptions reach theme templates that do not escape (and one that
        # unescapes): hand them text with no markup in it, escaped as well.
        title = html.escape(clean_text(entry.title), quote=True)
        page.title = page.meta["title"] = title
        page.meta["description"] = html.escape(clean_text(entry.summary), quote=True)
        # The blog plugin (later in the chain) reads page.markdown, not the returned value.
        page.markdown = render_body(entry)
        return page.markdown
