"""Reader pages: pure functions from entries to weekly issues, entity pages, indexes, feeds.

May import: digest.text, digest.models, digest.errors, digest.editorial, digest.archive.
"""
