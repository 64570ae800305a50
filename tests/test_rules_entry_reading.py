"""Reading an entry file's front matter (digest.archive.entry.parse_entry_text) for the build:
a value PyYAML cannot build is one EntryError naming the file, never a crash. One test per rule."""

from __future__ import annotations

import pytest

from digest.archive.entry import parse_entry_text
from digest.errors import EntryError

TYPED = "a value tagged with a type (!!bool, !!timestamp) is not of that type"


@pytest.mark.parametrize(
    ("value", "problem"),
    [("!!int abc", "invalid literal for int() with base 10: 'abc'"),  # ValueError
     ("!!bool maybe", TYPED),  # a KeyError inside PyYAML's constructor
     ("!!timestamp soon", TYPED)],  # an AttributeError inside it
)
def test_a_value_that_cannot_be_built_is_one_entry_error(value: str, problem: str) -> None:
    with pytest.raises(EntryError) as info:
        parse_entry_text(f"---\ntitle: A\nauthor: {value}\n---\n", "docs/posts/a.md")
    assert str(info.value) == f"docs/posts/a.md: front matter cannot be read: {problem}"
