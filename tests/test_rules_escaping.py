"""The one escaping module (digest/text/escaping.py): each function on the characters that
matter in the place it writes to."""

from __future__ import annotations

import json

import pytest
import yaml

from digest.text.escaping import (
    html_attribute,
    html_text,
    html_text_unquoted,
    markdown_text,
    yaml_scalar,
)


@pytest.mark.parametrize("escape", [html_text, html_attribute])
def test_html_escapes_markup_and_both_quotes(escape) -> None:  # type: ignore[no-untyped-def]
    assert escape("""<a href="x" title='y'>R&D</a>""") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;R&amp;D&lt;/a&gt;")
    assert escape(None) == "" and escape("") == ""


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain words", "plain words"),
        ('AT&T said "<b>"', 'AT&amp;T said "&lt;b&gt;"'),
        ("it's > 3 & < 5", "it's &gt; 3 &amp; &lt; 5"),
        ("&amp;", "&amp;amp;"),
        ("", ""),
    ],
)
def test_html_text_unquoted_is_python_markdowns_escaping(text: str, written: str) -> None:
    """As Python-Markdown writes element text: &, < and > escaped, quotation marks kept."""
    import markdown

    assert html_text_unquoted(text) == written
    if text:
        assert markdown.markdown(markdown_text(text)) == f"<p>{written}</p>"


def test_markdown_text_escapes_html_and_every_markdown_special() -> None:
    specials = "\\`*_{}[]()#+!|-"
    assert markdown_text(specials) == "".join("\\" + c for c in specials)
    assert markdown_text('<b>"x"</b> & y') == '&lt;b&gt;"x"&lt;/b&gt; &amp; y'
    assert markdown_text(None) == "" and markdown_text("plain words.") == "plain words."


@pytest.mark.parametrize("value", ["plain", "key: value", "- item", "&anchor", "!tag", "#x",
                                   "line\nbreak", 42, ["a", "b: c"], {"k": "v"}, "é ✓"])
def test_yaml_scalar_is_one_line_read_back_as_written(value: object) -> None:
    written = yaml_scalar(value)
    assert "\n" not in written
    assert yaml.safe_load(f"key: {written}") == {"key": value}
    assert json.loads(written) == value and "\\u00e9" not in written
