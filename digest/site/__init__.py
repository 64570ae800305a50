"""Building the site: the MkDocs plugins, theme overrides, preview and the build command.

May import: every stage above (text, ingest, editorial, archive, pages), never digest.cli.
"""
