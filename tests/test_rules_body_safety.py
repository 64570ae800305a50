"""What `digest check` refuses in an entry's body (digest/archive/body_safety.py), one rule a
case, with the line and the whole message a contributor sees. Each case is the smallest body
that shows its rule; code spans and fences are the negative cases (nothing in code counts)."""

from __future__ import annotations

import pytest

from digest.archive.body_safety import body_problems

CDN = "https://cdn.example/a.png"


def link(target: str) -> str:
    return f"link target '{target}' is not allowed; use an http(s) link"


def image(target: str = CDN) -> str:
    return (f"image '{target}' is loaded from another host; an image must be a file of this "
            "site (a relative path)")


def attributes(listed: str, why: str) -> str:
    return (f"attribute list '{listed}' {why}; an attribute list may only set the classes "
            "md-button, md-button--primary (write \\{ for a literal brace)")


CASES = [
    # inline link targets: where the destination starts and ends
    pytest.param(["See [the report](javascript:alert(1))."], [(0, link("javascript:alert(1)"))],
                 id="balanced-parentheses"),
    pytest.param(["See [the report](  javascript:alert(1)  )."],
                 [(0, link("javascript:alert(1)"))], id="spaces-around"),
    pytest.param(["See [the report](", " javascript:alert(1))."],
                 [(1, link("javascript:alert(1)"))], id="newline-after-paren"),
    pytest.param(["See [the report](<javascript:alert(1)>)."],
                 [(0, link("javascript:alert(1)"))], id="angle-brackets"),
    pytest.param(["See [the report](<javascript:alert(1)"], [(0, link("javascript:alert(1)"))],
                 id="unclosed-angle-bracket"),
    pytest.param(["See [a (b) c](https://x.example/a_(b)) and [d](javascript:x)."],
                 [(0, link("javascript:x"))], id="second-link-after-nested-parens"),
    pytest.param(["See [a](https://x.example/(a(b))c) fine."], [], id="nested-parens-http"),
    pytest.param(["Line one", "Line two [x](javascript:y)"], [(1, link("javascript:y"))],
                 id="line-number"),
    pytest.param(["See [x](javascript:" + "a" * 50 + ")"],
                 [(0, link("javascript:" + "a" * 28 + "…"))], id="long-target-cut"),
    # images: only from this site
    pytest.param([f"Chart: ![chart]({CDN})"], [(0, image())], id="image-other-host"),
    pytest.param([f"Chart: ![a [b] c]({CDN})"], [(0, image())], id="image-nested-brackets"),
    pytest.param([f"![a [b [c] d] e]({CDN})"], [(0, image())], id="image-deeply-nested"),
    pytest.param([f"Chart: ![a \\] b]({CDN})"], [(0, image())], id="image-escaped-bracket"),
    pytest.param([f"Chart: !\\[a]({CDN})"], [], id="escaped-bang-is-a-link"),
    pytest.param([f"See [x] and ![y]({CDN})"], [(0, image())], id="image-after-a-bracket"),
    pytest.param([f"See ![x] [y]({CDN})"], [], id="link-after-an-image-label"),
    pytest.param([f"[a ![b] c]({CDN})"], [], id="link-holding-a-label"),
    pytest.param(["Chart: [![inner](img/a.png)](https://x.example)"], [],
                 id="local-image-in-a-link"),
    pytest.param(["Chart: ![chart][c]", "", f"[c]: {CDN}"], [(2, image())],
                 id="image-by-reference"),
    pytest.param(["Chart: ![chart][]", "", f"[chart]: {CDN}"], [(2, image())],
                 id="image-by-collapsed-reference"),
    pytest.param(["See [the report][r]", "", "[r]: javascript:alert(1)"],
                 [(2, link("javascript:alert(1)"))], id="link-by-reference"),
    pytest.param(["Mail <javascript:alert(1)> now"], [(0, link("javascript:alert(1)"))],
                 id="autolink"),
    # attribute lists
    pytest.param(["Text", "", "Button {: .md-button }"], [], id="allowed-class"),
    pytest.param(["Text {: #anchor }"], [(0, attributes("{: #anchor }", "sets id 'anchor'"))],
                 id="id"),
    pytest.param(['Text {: onclick="x" }'],
                 [(0, attributes('{: onclick="x" }', "sets the event handler 'onclick'"))],
                 id="event-handler"),
    pytest.param(['Text {: class="md-button evil" }'],
                 [(0, attributes('{: class="md-button evil" }', "sets class 'evil'"))],
                 id="class-value"),
    pytest.param(['Text {: style="color:red" }'],
                 [(0, attributes('{: style="color:red" }', "sets 'style'"))], id="style"),
    pytest.param(["Text {: data }"], [(0, attributes("{: data }", "sets 'data'"))],
                 id="bare-word"),
    pytest.param(["A set {a, b} in prose."], [], id="braces-in-prose"),
    # raw HTML and admonitions
    pytest.param(["<div>one</div> <span>two</span> <div>three</div> <b>x</b>"],
                 [(0, "contains raw HTML '<div>', '</div>', '<span>'; use Markdown")],
                 id="raw-html-first-three-distinct"),
    pytest.param(['!!! dangerous "Title"', "    text"],
                 [(0, "admonition type 'dangerous' is not one of Material's (note, info, tip, "
                      "warning, danger, example, quote...)")], id="admonition-type"),
    pytest.param(['!!! note "Title"', "    text"], [], id="admonition-allowed"),
    # code is never read as Markdown
    pytest.param(["`[x](javascript:y)` is code"], [], id="code-span"),
    pytest.param(["```", "[x](javascript:y)", "```"], [], id="fenced-block"),
]


@pytest.mark.parametrize(("lines", "problems"), CASES)
def test_body_rule(lines: list[str], problems: list[tuple[int, str]]) -> None:
    assert body_problems(lines) == problems


# --- attribute lists: where attr_list reads braces --------------------------------------------

ATTRIBUTE_CASES = [
    pytest.param(["Text {: .evil } more"], "{: .evil }", "sets class 'evil'",
                 id="colon-form-anywhere"),
    pytest.param(["Text {.evil} more"], "{.evil}", "sets class 'evil'", id="class-shape-anywhere"),
    pytest.param(["Text {data}"], "{data}", "sets 'data'", id="bare-word-at-line-end"),
    pytest.param(["Text {data}", "line2", "line3"], "{data}", "sets 'data'",
                 id="line-end-before-more-lines"),
    pytest.param(["| a | b {data} |"], "{data}", "sets 'data'", id="before-a-table-bar"),
    pytest.param(["[x](a.html){data} more"], "{data}", "sets 'data'", id="after-a-link"),
    pytest.param(["word*{data} more"], "{data}", "sets 'data'", id="after-emphasis"),
    pytest.param(["Text {: #a .evil }"], "{: #a .evil }", "sets id 'a'; sets class 'evil'",
                 id="every-refusal-listed"),
    pytest.param(['Text {: class="Xray" }'], '{: class="Xray" }', "sets class 'Xray'",
                 id="class-value-as-written"),
    pytest.param(['Text {: class="a b" }'], '{: class="a b" }', "sets class 'a b'",
                 id="every-bad-class"),
]


@pytest.mark.parametrize(("lines", "listed", "why"), ATTRIBUTE_CASES)
def test_attribute_list_read_where_attr_list_reads_it(
    lines: list[str], listed: str, why: str
) -> None:
    assert body_problems(lines) == [(0, attributes(listed, why))]


@pytest.mark.parametrize(
    "lines",
    [pytest.param(["A set {data} in prose."], id="bare-word-mid-line"),
     pytest.param(["{data} then text (end)"], id="bare-word-opening-the-body"),
     pytest.param(["Text {Xyz} more"], id="capitalised-word-mid-line"),
     pytest.param(['Text {: class="md-button" }'], id="allowed-class-value")],
)
def test_braces_attr_list_does_not_read_are_prose(lines: list[str]) -> None:
    assert body_problems(lines) == []


def test_prose_braces_do_not_hide_a_later_attribute_list() -> None:
    assert body_problems(["A set {a, b} here.", "Then {: #x }"]) == [
        (1, attributes("{: #x }", "sets id 'x'"))]


# --- several problems, lines and excerpts ---------------------------------------------------

def test_problems_of_one_line_keep_the_order_of_the_checks() -> None:
    assert body_problems(["<span>x</span> {: #id }"]) == [
        (0, "contains raw HTML '<span>', '</span>'; use Markdown"),
        (0, attributes("{: #id }", "sets id 'id'"))]


def test_problems_are_sorted_by_line() -> None:
    assert body_problems(["[x](javascript:y)", "", "<div>z</div>"]) == [
        (0, link("javascript:y")), (2, "contains raw HTML '<div>', '</div>'; use Markdown")]


def test_lines_count_from_the_first_even_when_empty() -> None:
    assert body_problems(["", "[x](javascript:y)"]) == [(1, link("javascript:y"))]


def test_excerpt_shows_a_tag_on_one_line() -> None:
    assert body_problems(["<div", 'class="x">y</div>']) == [
        (0, "contains raw HTML '<div class=\"x\">'; use Markdown"),
        (1, "contains raw HTML '</div>'; use Markdown")]


def test_excerpt_of_exactly_the_limit_is_not_cut() -> None:
    target = "javascript:" + "a" * 29  # 40 characters
    assert body_problems([f"[x]({target})"]) == [(0, link(target))]


# --- the backstop: what the rendered HTML may hold --------------------------------------

def test_host_names_written_with_backslashes_after_every_decoding_round() -> None:
    from digest.archive.body_safety import names_host

    assert names_host("/\\cdn.example/a.png")
    assert names_host("\\" * 2048 + "cdn.example/a.png")  # "\\cdn..." once decoded
    assert names_host("\\" * 1024 + "/cdn.example/a.png")  # "\/cdn..." once decoded
    assert not names_host("img/a.png")


def test_backstop_names_the_line_of_what_renders() -> None:
    from digest.archive.body_safety import _rendered_problems

    assert _rendered_problems('Intro\n\nSome <SPAN onclick="x">y</SPAN> text\n') == [
        (2, "renders to a <span> element; use Markdown"),
        (2, "renders to <span onclick='x'>: an attribute Markdown does not write (an event "
            "handler?)")]
    assert _rendered_problems("Intro\n\n<b>bold</b>\n")[0][0] == 2


@pytest.mark.parametrize(
    ("tag", "name", "value", "message"),
    [
        ("span", "onclick", "x", "an attribute Markdown does not write (an event handler?)"),
        ("a", "href", "javascript:x", "a link scheme other than http(s) or mailto"),
        ("a", "href", "mailto:a@b.example", None),
        ("img", "src", CDN, "an image from another host"),
        ("img", "src", "img/a.png", None),
        ("td", "style", "text-align: left;", None),
        ("td", "style", "color: red", "a style other than a table column's alignment"),
        ("p", "style", "text-align: left;", "a style other than a table column's alignment"),
        ("h2", "id", "intro", None),
        ("p", "id", "intro", "an id that is not a heading's own"),
        ("h2", "id", "__theme", "an id that is not a heading's own"),
        ("div", "class", "admonition note", None),
        ("code", "class", "language-python", None),
        ("p", "class", "language-python", "a class outside the allow-list"),
        ("p", "class", "evil", "a class outside the allow-list"),
    ],
)
def test_backstop_attribute_rules(tag: str, name: str, value: str, message: str | None) -> None:
    from digest.archive.body_safety import _rendered_attribute

    assert _rendered_attribute(tag, name, value) == message


def test_backstop_attribute_without_a_value() -> None:
    from digest.archive.body_safety import _rendered_problems

    assert _rendered_problems("Some <span hidden>y</span> text\n")[1] == (
        0, "renders to <span hidden=''>: an attribute Markdown does not write (an event "
           "handler?)")


# --- code spans and fences at any place of the body ---------------------------------------------

def test_fence_after_text_blanks_only_its_code() -> None:
    lines = ["Intro", "", "```", "[x](javascript:y)", "```", "", "[z](javascript:w)"]
    assert body_problems(lines) == [(6, link("javascript:w"))]


def test_fence_opener_keeps_its_attribute_list() -> None:
    lines = ["Intro", "", "``` {: .evil }", "code", "```"]
    assert body_problems(lines) == [(2, attributes("{: .evil }", "sets class 'evil'"))]


@pytest.mark.parametrize("tag", ["div", "DIV"])
def test_a_line_opening_with_a_tag_ends_a_code_span(tag: str) -> None:
    lines = ["Some `code", f"<{tag}>raw</{tag}> more`"]
    assert body_problems(lines) == [
        (1, f"contains raw HTML '<{tag}>', '</{tag}>'; use Markdown")]


def test_attribute_list_ending_a_paragraph() -> None:
    assert body_problems(["Text {data}", "", "Next paragraph"]) == [
        (0, attributes("{data}", "sets 'data'"))]


# --- images: the "[" that opens the text -------------------------------------------------------

def test_image_with_empty_text() -> None:
    assert body_problems([f"![]({CDN})"]) == [(0, image())]


def test_image_with_an_escaped_bracket_in_its_text() -> None:
    assert body_problems([f"![a \\[ b]({CDN})"]) == [(0, image())]


def test_closing_bracket_with_no_opening_one_is_no_image() -> None:
    assert body_problems([f"x]({CDN}) !["]) == []
