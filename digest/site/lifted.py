"""HTML blocks the engine does not convert, lifted into the front matter (staging.finish_page).

Python-Markdown runs every HTML block of a page through its HTML parser, about half of the
engine's work on a generated page (docs/performance.md). A block the engine's search index
does not read can skip it: the block moves into the page's front matter (BLOCKS_KEY, a list
of strings), a marker comment takes its place in the Markdown, and our theme override
(templates/partials/content.html) puts the blocks back where the markers are. The page's
Markdown (headings, short lines) is still the engine's, so its table of contents and
heading anchors are as before, and the HTML the reader gets is the same.
"""

from __future__ import annotations

import json
import re

BLOCK_MARKER = "<!-- sd-block -->"  # templates/partials/content.html splits on this
BLOCKS_KEY = "sd_blocks"
PAGE_EXCLUDED = '\nsearch: {"exclude": true}\n'  # as metadata.front_matter writes it
# Characters JSON leaves as they are that YAML reads otherwise (line breaks, a byte-order mark,
# non-characters, C1 controls): written as \u escapes, which a YAML double-quoted string reads.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def lift_blocks(head: str, chunks: list[str], liftable: list[int]) -> str:
    """The page with the chunks at `liftable` moved into its front matter (see above). A page
    whose Markdown holds the marker's text already is returned as it is."""
    if any(BLOCK_MARKER in chunk for chunk in chunks) or f"\n{BLOCKS_KEY}:" in head:
        return head + "\n\n".join(chunks)
    blocks = []
    for i in liftable:
        chunk = chunks[i]
        block = chunk.strip("\n")  # the blank lines around it stay in the Markdown
        start = chunk.index(block)
        blocks.append(block)
        chunks[i] = chunk[:start] + BLOCK_MARKER + chunk[start + len(block) :]
    listed = json.dumps(blocks, ensure_ascii=False)
    listed = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", listed)
    head = head[: -len("---\n")] + f"{BLOCKS_KEY}: {listed}\n---\n"
    return head + "\n\n".join(chunks)
