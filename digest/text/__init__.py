"""Shared text primitives: dates, URLs (and sentence splitting, normalising, slugs, escaping).

May import: the standard library and third-party packages only, never another digest module.
"""
