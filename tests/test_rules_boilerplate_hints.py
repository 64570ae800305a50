"""Every entry of the boilerplate tables (digest/ingest/boilerplate.py) is live: each negative
class hint takes out a box of prose whose class it names, each positive hint rescues a box a
negative hint names, and each tag that never holds editorial text takes its text out. One test
per table, run over its entries, so that an entry no test reaches shows up as a failure.

A hint is a small regular expression ("author-?bio", "sponsor(ed)?", "related\\w*"); its example
class name is the shortest one it matches (optional parts left out), or the longest when a
shorter hint already matches the shortest. Three hints are left out because another hint
matches everything they match ("signup" is in "sign-?up", "sidebar" in "side-?bar",
"wp-caption-text" in "\\w*caption\\w*"): tests/mutation/equivalents.yml lists them."""

from __future__ import annotations

import re

import pytest

from digest.ingest import boilerplate as bp
from digest.ingest.extraction import extract_html
from tests.test_rules_boilerplate import BOX, PROSE, box, page, text_of

COVERED_BY_ANOTHER = {"signup", "sidebar", "wp-caption-text"}


def example(hint: str, keep_optional: bool = False) -> str:
    """A class name the hint matches: optional parts left out (or kept), the first of each
    set of alternatives, nothing for "\\w*"."""
    name = hint.replace("\\w*", "")

    def group(m: re.Match[str]) -> str:
        optional = m.group(2) is not None
        return "" if optional and not keep_optional else m.group(1).split("|")[0]

    name = re.sub(r"\(([^()]*)\)(\?)?", group, name)
    return re.sub(r"(.)\?", (lambda m: m.group(1)) if keep_optional else "", name)


def own_example(hints: tuple[str, ...], i: int) -> str:
    """The example of hints[i] that no other hint of the table matches."""
    others = bp._alternation(tuple(h for j, h in enumerate(hints) if j != i))
    for keep in (False, True):
        name = example(hints[i], keep)
        assert re.fullmatch(hints[i], name), (hints[i], name)
        if not others.search(name) and not bp.POSITIVE_RE.search(name):
            return name
    raise AssertionError(f"another hint matches every example of {hints[i]!r}")


def plain_id(hint: str) -> str:
    """A test id without the regex's marks (node ids with backslashes or brackets cannot be
    passed back to pytest, as mutmut does)."""
    return re.sub(r"[^a-z0-9-]", "", hint.replace("\\w*", "")) or "hint"


@pytest.mark.parametrize("i", [i for i, h in enumerate(bp.NEGATIVE_HINTS)
                               if h not in COVERED_BY_ANOTHER],
                         ids=lambda i: plain_id(bp.NEGATIVE_HINTS[i]))
def test_each_negative_hint_takes_out_the_box_it_names(i: int) -> None:
    name = own_example(bp.NEGATIVE_HINTS, i)
    text = text_of(page(box(name)))
    assert BOX not in text and PROSE[3] in text


def test_the_negatively_hinted_box_positive_hints_rescue() -> None:
    assert BOX not in text_of(page(box("sidebar")))


@pytest.mark.parametrize("hint", bp.POSITIVE_HINTS, ids=plain_id)
def test_each_positive_hint_rescues_a_negatively_hinted_box(hint: str) -> None:
    assert any(BOX in text_of(page(box(f"sidebar {example(hint, keep)}")))
               for keep in (False, True))


@pytest.mark.parametrize("tag", ["video", "audio", "canvas", "label", "textarea", "option"])
def test_text_inside_media_and_form_tags_is_never_article_text(tag: str) -> None:
    assert tag in bp.DROP_TAGS
    text = text_of(page(f"<{tag}>{BOX}</{tag}>"))
    assert BOX not in text and PROSE[3] in text


def test_the_head_of_a_page_without_a_body_is_not_article_text() -> None:
    html = ("<html><head><title>Foundry delays second plant</title></head>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "</html>")
    assert extract_html(html, source="rule-test").text.startswith(PROSE[0])


@pytest.mark.parametrize("cls", ["has-sidebar", "with-sidebar", "no-sidebar", "is-sidebar",
                                 "js-sidebar", "show-sidebar", "hide-sidebar"])
def test_a_class_naming_a_state_says_nothing_about_the_element(cls: str) -> None:
    """STATE_CLASS_PREFIXES: a state or a script hook, not a sidebar."""
    assert BOX in text_of(page(box(cls)))


@pytest.mark.parametrize("line", [
    "Follow us on Bluesky at @waferweekly for more chip news.",
    "Follow me at @danawhit for more chip news.",  # no network named
    "Contact Dana Whitfield at dana@wafer.example with tips.",
    "Contact Dana Whitfield at dana@wafer with tips.",  # an address without a domain
], ids=["follow-on-network", "follow-me-at", "contact-email", "contact-no-domain"])
def test_follow_and_contact_lines_are_not_article_text(line: str) -> None:
    text = text_of(page(f"<p>{line}</p>"))
    assert line not in text and PROSE[3] in text


def test_a_long_paragraph_is_text_whatever_pattern_it_matches() -> None:
    """BOILERPLATE_TEXT_MAX_CHARS: past 200 characters a 'follow us' line is a paragraph."""
    line = ("Follow us on Bluesky at @waferweekly for more chip news, and "
            + "read our reports on memory, packaging and lithography tools every week " * 2)
    assert len(line) > bp.BOILERPLATE_TEXT_MAX_CHARS
    assert line.strip() in text_of(page(f"<p>{line}</p>"))


def test_an_article_of_four_words_is_an_article() -> None:
    """MIN_ARTICLE_WORDS: three words of body text are enough."""
    html = ("<html><head><title>T</title></head><body><article><p>Chip plant delayed again."
            "</p></article></body></html>")
    assert extract_html(html, source="rule-test").text == "Chip plant delayed again."
