"""No process-wide hidden state (issue 16): caches are bounded objects keyed by content."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from digest.editorial import tagging
from digest.editorial.vocabulary import load_vocabulary, parse_vocabulary
from digest.text.cache import ContentCache


def test_content_cache_is_keyed_by_content_and_bounded() -> None:
    cache: ContentCache[str] = ContentCache(maxsize=2)
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    assert cache.get("a", lambda: make("a")) == "A"
    assert cache.get("a", lambda: make("a")) == "A"  # same content: kept
    assert made == ["a"]
    cache.get("b", lambda: make("b"))
    cache.get("c", lambda: make("c"))  # over the bound: "a", least recently used, goes
    assert len(cache) == 2
    cache.get("a", lambda: make("a"))
    assert made == ["a", "b", "c", "a"]


def test_content_cache_refuses_no_room() -> None:
    with pytest.raises(ValueError):
        ContentCache(maxsize=0)


def test_an_edited_vocabulary_is_seen_at_once(tmp_path: Path) -> None:
    """A preview that keeps running must see the vocabulary as it is now, not as first read."""
    text = resources.files("digest.editorial").joinpath("data/vocabulary.yml").read_text("utf-8")
    path = tmp_path / "vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    cache = ContentCache[object](maxsize=2)
    before = load_vocabulary(str(path), cache=cache)  # type: ignore[arg-type]
    assert load_vocabulary(str(path), cache=cache) is before  # unchanged: parsed once
    added = "\n  - name: Zyxwv Chips\n    kind: company\n    description: A test company.\n"
    path.write_text(text.replace("\ntags:\n", "\ntags:" + added, 1), encoding="utf-8")
    after = load_vocabulary(str(path), cache=cache)  # type: ignore[arg-type]
    assert "Zyxwv Chips" in after.names() and "Zyxwv Chips" not in before.names()


def test_the_tagger_keeps_its_matcher_with_the_vocabulary() -> None:
    """No table keyed by id() that grows without bound: the matcher lives on its vocabulary."""
    assert not hasattr(tagging, "_COMPILED")
    text = resources.files("digest.editorial").joinpath("data/vocabulary.yml").read_text("utf-8")
    one, two = parse_vocabulary(text), parse_vocabulary(text)
    assert tagging._matcher(one) is tagging._matcher(one)
    assert tagging._matcher(two) is not tagging._matcher(one)
    assert tagging._matcher(one).vocabulary is one
