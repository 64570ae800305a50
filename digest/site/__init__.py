"""Building the site: staging every page, the engines (MkDocs, Zensical), preview, the plugins.

May import: digest.text, digest.models, digest.errors, digest.ingest, digest.editorial,
digest.archive, digest.pages.
"""
