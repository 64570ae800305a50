"""Silicon Digest: from a scraped chip-industry article to a published, searchable digest.

Data flows one way through small modules, one stage each:

    reading      raw bytes from a file, stdin or URL -> RawInput (decoded text, html/text kind)
    extraction   RawInput (HTML) -> Article            (BeautifulSoup; nothing soup-shaped leaves)
    plaintext    RawInput (text scrape) -> Article     (line-level rules)
    quotes       paragraphs -> [Quote]
    figures      paragraphs -> [Figure]
    tagging      title + paragraphs -> [tag names] from the curated vocabulary
    summary      title + paragraphs (+ figures) -> short summary
    entry        Article + the above -> Entry; Entry <-> Markdown file with YAML front matter
    validate     entries on disk -> [Problem]
    site         check + mkdocs build / serve
    pipeline     composes the stages; the CLI (cli.py) is a thin wrapper around it
"""

__version__ = "0.1.0"
