"""Reading input and extraction: bytes, files and URLs -> an Article (HTML or plain-text scrape).

May import: digest.text, digest.models, digest.errors.
"""
