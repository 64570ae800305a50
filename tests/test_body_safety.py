"""The check's layer against script on the site (digest.archive.body_safety): every hostile
body of tests/hostile_bodies.py is refused with its line; what entries legitimately write is not."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from digest.archive.body_safety import (
    MARKDOWN_EXTENSIONS,
    _rendered_problems,
    body_problems,
    decode_url,
    names_host,
    url_scheme,
)
from digest.archive.validate import check_text
from tests.conftest import REPO
from tests.hostile_bodies import BODY_FIRST_LINE, HOSTILE_BODIES, Hostile, entry_text

TODAY = dt.date(2025, 1, 15)


def _problems(text: str, date: str = "2024-12-03", slug: str = "case") -> list[tuple[int, str]]:
    problems = check_text(text, f"posts/{date}-{slug}.md", today=TODAY)
    return [(p.line, f"{p.field}: {p.message}") for p in problems]


@pytest.mark.parametrize("variant", [pytest.param(v, id=v.id) for v in HOSTILE_BODIES])
def test_hostile_body_is_refused_at_its_line(variant: Hostile) -> None:
    problems = _problems(entry_text(variant), slug=f"notes-case-{variant.id}")
    assert problems, f"{variant.id} passes the check"
    assert all(message.startswith("body: ") for _, message in problems), problems
    assert problems[0][0] == BODY_FIRST_LINE + variant.line - 1, problems


def test_the_entry_around_the_bodies_is_valid() -> None:
    harmless = Hostile("harmless", "A plain note.", 1, "")
    assert _problems(entry_text(harmless), slug="notes-case-harmless") == []


ALLOWED_BODIES = [
    pytest.param("See [the filing](https://www.sec.gov/a) and [mail](mailto:ir@example.com).",
                 id="http-and-mailto-links"),
    pytest.param("An [earlier entry](../2024/12/03/other/) and [a section](#notes).",
                 id="relative-links"),
    pytest.param("[Read more](https://example.com/a){ .md-button }", id="button-class"),
    pytest.param("[Buy](https://example.com/a){: .md-button .md-button--primary }",
                 id="primary-button-class"),
    pytest.param("![Die shot](../../assets/die.png)", id="same-site-image"),
    pytest.param("The set {a, b} of options, and a brace { in prose.", id="braces-in-prose"),
    pytest.param("Code: `<b onclick=x>` and `{: onclick=x }`", id="code-spans"),
    pytest.param("```html\n<script>x</script>\n\n<b onclick=x>\n```", id="fenced-code-block"),
    pytest.param("~~~\n{: onclick=x }\n~~~", id="attr-list-inside-a-fence"),
    pytest.param("A span ```<b>x</b>``` of three backticks.", id="triple-backtick-span"),
    pytest.param('!!! note "Disclosure"\n    The writer owns shares.', id="admonition-note"),
    pytest.param("| Year | Revenue |\n| --- | ---: |\n| 2024 | $1 |", id="table"),
    pytest.param("## Background\n\nText with *emphasis* and **strength**.", id="heading"),
    pytest.param("Rates of 5:1 and a ratio (3:2) in prose.", id="colons-in-prose"),
    pytest.param("[ref link][r]\n\n[r]: https://example.com/r", id="reference-link"),
    pytest.param("Mail <press@example.com> or see <https://example.com/a>.", id="autolinks"),
    pytest.param("Literal \\{: onclick=x } brace.", id="escaped-brace"),
]


@pytest.mark.parametrize("body", ALLOWED_BODIES)
def test_legitimate_body_passes(body: str) -> None:
    assert _problems(entry_text(Hostile("ok", body, 1, "")), slug="notes-case-ok") == []


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        pytest.param("&#106;avascript:x", "javascript", id="decimal-entity"),
        pytest.param("&amp;#x6a;avascript:x", "javascript", id="entity-of-entity"),
        pytest.param("%256A%2561vascript:x", "javascript", id="double-percent"),
        pytest.param("java\tscript:x", "javascript", id="tab"),
        pytest.param(" \x01JAVASCRIPT:x", "javascript", id="control-and-case"),
        pytest.param("javascript&colon;x", "javascript", id="named-colon"),
        pytest.param("javascript\\:x", "javascript", id="markdown-escape"),
        pytest.param("https://example.com/a:b", "https", id="https"),
        pytest.param("../a:b/", None, id="relative-with-colon-later"),
        pytest.param("#section", None, id="fragment"),
    ],
)
def test_url_scheme_after_decoding(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme


@pytest.mark.parametrize(
    ("url", "foreign"),
    [
        ("https://tracker.example/p.png", True),
        ("//tracker.example/p.png", True),
        ("/\\tracker.example/p.png", True),
        ("&#47;&#47;tracker.example/p.png", True),
        ("https:tracker.example/p.png", True),
        ("data:image/png;base64,AAAA", True),
        ("../assets/die.png", False),
        ("/assets/die.png", False),
    ],
)
def test_names_host(url: str, foreign: bool) -> None:
    assert names_host(url) is foreign


def test_decode_url_peels_nested_encodings_and_stops() -> None:
    nested = "&" + "amp;" * 5 + "#106;avascript:x"
    assert decode_url(nested) == "javascript:x"
    deep = "&" + "amp;" * 500 + "#106;avascript:x"  # a browser decodes once: harmless
    assert decode_url(deep).startswith("&amp;")


RENDERED = [
    pytest.param('A note.\n{: onmouseover="x" }', "an attribute Markdown does not write",
                 id="event-handler"),
    pytest.param("[a](java&#9;script:x)", "a link scheme other than", id="script-link"),
    pytest.param("![x](//tracker.example/p.png)", "an image from another host", id="image"),
    pytest.param('Para\n{: style="color:red" }', "a style other than", id="style"),
    pytest.param("## __search", "an id that is not a heading's own", id="theme-id-from-text"),
    pytest.param("Para\n{: .md-dialog }", "a class outside the allow-list", id="class"),
    pytest.param("<iframe></iframe>", "renders to a <iframe> element", id="raw-element"),
]


@pytest.mark.parametrize(("body", "words"), RENDERED)
def test_backstop_reads_what_the_markdown_renders_to(body: str, words: str) -> None:
    """The rules on Python-Markdown's output, each on its own (the source rules would report
    most of these first; the backstop catches the spellings they miss)."""
    messages = [message for _, message in _rendered_problems(body)]
    assert any(words in m for m in messages), messages


def test_backstop_passes_what_markdown_writes_for_legitimate_notes() -> None:
    body = "\n\n".join(str(p.values[0]) for p in ALLOWED_BODIES)
    assert _rendered_problems(body) == []


def test_backstop_uses_the_sites_markdown_extensions() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    block = config.split("markdown_extensions:", 1)[1].split("\n\n", 1)[0]
    names = re.findall(r"^  - ([\w.]+)", block, re.M)
    mkdocs_builtins = {"toc", "tables", "fenced_code"}  # MkDocs adds these to every site
    assert set(MARKDOWN_EXTENSIONS) == set(names) | mkdocs_builtins


def test_the_reused_converter_forgets_the_last_notes() -> None:
    """The backstop's Markdown converter is made once per thread and reset before each notes:
    a reference defined in one entry's notes must not resolve in the next entry's."""
    defines = ["Background reading.", "", "[pic]: https://other.example/p.png"]
    uses = ["A chart: ![chart][pic]"]
    assert body_problems(defines) == []
    assert body_problems(uses) == []
