"""extract_html pauses the cyclic garbage collector while it works on a page and runs it once,
over generation 0, at the end (digest.ingest.extraction._collector_paused): the page's tree is
freed as young garbage instead of being moved into the older generations on the way.

The page below is our own writing: a long list of short paragraphs, enough objects that an
extraction with the collector running would set it off many times.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from digest.errors import ExtractionError
from digest.ingest.extraction import extract_html

SENTENCE = (
    "The foundry said its second packaging line would start in the spring, adding capacity for "
    "stacked memory that accelerator makers have been waiting for."
)
PAGE = "<html><body><article><h1>Packaging lines</h1>" + "".join(
    f"<div class='block'><p>{SENTENCE} Item {i}.</p></div>" for i in range(1500)
) + "</article></body></html>"
EMPTY_PAGE = "<html><body><nav><a href='/'>Home</a></nav></body></html>"


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of every collection that runs while the test does; the collector's state
    as it was afterwards."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    was_enabled = gc.isenabled()
    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def test_one_young_collection_at_the_end(collections: list[int]) -> None:
    gc.enable()
    gc.collect()
    collections.clear()
    article = extract_html(PAGE, source="page.html")
    assert len(article.paragraphs) > 1000
    assert collections == [0]  # none while the page was read, one of generation 0 after it
    assert gc.isenabled()


def test_collector_left_paused_when_the_caller_paused_it(collections: list[int]) -> None:
    gc.disable()
    extract_html(PAGE, source="page.html")
    assert collections == []
    assert not gc.isenabled()


def test_collector_running_again_after_a_page_without_an_article(
    collections: list[int],
) -> None:
    gc.enable()
    with pytest.raises(ExtractionError):
        extract_html(EMPTY_PAGE, source="empty.html")
    assert gc.isenabled()
    assert collections[-1:] == [0]
