"""Shared text primitives, one module each: dates, URLs, sentences, normalising, slugs, escaping,
files (regular-file reading, the atomic writer), caches, similarity, mkdocs.yml and the layout.

May import: nothing from digest (the standard library and third-party packages only).
"""
