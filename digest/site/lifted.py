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
# A chunk of comments only (one a line, no markup inside): lifted with the blocks around it.
_COMMENTS = re.compile(r"<!--[^<>\n]*?-->(?:\n<!--[^<>\n]*?-->)*")


def lift_blocks(head: str, chunks: list[str], liftable: list[int]) -> str:
    """The page with the chunks at `liftable` moved into its front matter (see above). A page
    whose Markdown holds the marker's text already is returned as it is.

    Chunks to lift that follow one another (with nothing between them but blank lines and
    comments, such as the excerpt mark) move as one block, their texts joined by a blank
    line: Python-Markdown writes consecutive HTML blocks and comments so, so the page is the
    same, and the engine converts one marker instead of each block (an entry page: 3 markers
    instead of 9)."""
    if BLOCK_MARKER in "\n\n".join(chunks) or f"\n{BLOCKS_KEY}:" in head:
        return head + "\n\n".join(chunks)
    blocks = []
    lifted = set(liftable)
    kept: list[str] = []
    i = 0
    while i < len(chunks):
        if i not in lifted:
            kept.append(chunks[i])
            i += 1
            continue
        last = i  # the run of chunks to lift from i: up to the last lifted one
        k = i + 1
        while k < len(chunks) and (k in lifted or _COMMENTS.fullmatch(chunks[k].strip("\n"))):
            if k in lifted:
                last = k
            k += 1
        first, end = chunks[i], chunks[last]
        lead = first[: len(first) - len(first.lstrip("\n"))]  # blank lines stay in Markdown
        trail = end[len(end.rstrip("\n")) :]
        blocks.append("\n\n".join(c.strip("\n") for c in chunks[i : last + 1]))
        kept.append(lead + BLOCK_MARKER + trail)
        i = last + 1
    chunks[:] = kept
    listed = json.dumps(blocks, ensure_ascii=False)
    listed = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", listed)
    head = head[: -len("---\n")] + f"{BLOCKS_KEY}: {listed}\n---\n"
    return head + "\n\n".join(chunks)
