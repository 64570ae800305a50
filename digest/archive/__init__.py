"""Entry files on disk: the schema, reading and writing entries, validation of the archive.

May import: digest.text, digest.models, digest.errors, digest.editorial (the vocabulary).
"""
