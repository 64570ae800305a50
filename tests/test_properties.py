"""Property-based tests: arbitrary input never crashes extraction (it gives an Article or a
domain error), and every entry that can be written parses back to the same data."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.archive.entry import entry_from_dict, parse_entry_text, render_entry
from digest.errors import DigestError
from digest.ingest.extraction import extract_html
from digest.ingest.plaintext import extract_text
from digest.ingest.reading import decode_bytes, detect_kind
from digest.models import Entry, Figure, Quote
from digest.text.normalize import clean_text

TAGS = st.sampled_from(
    ["p", "div", "article", "main", "nav", "aside", "script", "style", "h1", "span", "a", "li",
     "table", "td", "iframe", "svg", "template", "noscript", "form", "footer"]
)  # fmt: skip
ATTRS = st.sampled_from(
    ['', ' class="content"', ' id="comments"', ' class="related-posts"', ' onclick="x()"',
     ' href="javascript:alert(1)"', ' itemprop="articleBody"', ' class="byline"']
)  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=80
)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{draw(TAGS)}{draw(ATTRS)}>")
        elif kind == 1:
            parts.append(f"</{draw(TAGS)}>")
        elif kind == 2:
            parts.append(draw(TEXT))
        else:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "&#0;", "&amp", "<"])))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_html_never_crashes(html: str) -> None:
    try:
        article = extract_html(html, source="fuzz.html")
    except DigestError:
        return
    assert article.title is not None
    assert all(isinstance(p, str) and p.strip() for p in article.paragraphs)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_text_never_crashes(text: str) -> None:
    try:
        article = extract_text(text, source="fuzz.txt")
    except DigestError:
        return
    assert article.paragraphs


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_bytes_decode_or_refuse(data: bytes) -> None:
    try:
        text = decode_bytes("fuzz.bin", data)
    except DigestError:
        return
    assert isinstance(text, str)
    assert detect_kind(text) in ("html", "text")


LINE = TEXT.map(clean_text).filter(bool)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    return Entry(
        title=draw(LINE),
        date=draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))),
        source_name=draw(LINE),
        url=draw(st.none() | st.just("https://example.com/a?b=c")),
        author=draw(st.none() | LINE),
        summary=draw(LINE),
        tags=draw(st.lists(LINE, max_size=4)),
        categories=draw(st.lists(LINE, max_size=2)),
        quotes=draw(
            st.lists(st.builds(Quote, LINE, st.none() | LINE, st.none() | LINE), max_size=3)
        ),
        figures=draw(st.lists(st.builds(Figure, LINE, LINE), max_size=3)),
    )


@settings(max_examples=200, deadline=None)
@given(entries())
def test_entry_round_trip(entry: Entry) -> None:
    text = render_entry(entry)
    data, body = parse_entry_text(text, "prop.md")
    back = entry_from_dict(data, body, "prop.md")
    assert back.slug  # written with its permanent slug
    back.slug = ""
    assert back == entry
    assert render_entry(back) == text  # byte-identical when written again
