"""The editorial stages: an Article's paragraphs -> quotes, figures, tags, summary.

May import: digest.text, digest.models, digest.errors.
"""
