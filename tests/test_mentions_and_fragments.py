"""The `mentions` field and the quote `fragment` flag (issue 13) through the whole schema: the
entry writer and reader, `digest check`, the JSON interface, the entry page and entity pages."""

from __future__ import annotations

import datetime as dt

from digest.archive.entry import entry_from_dict, entry_to_dict, parse_entry_text, render_entry
from digest.archive.validate import check_text
from digest.editorial.vocabulary import parse_vocabulary
from digest.models import Article, Entry, Quote
from digest.pages.entities import entries_mentioning, render_entity
from digest.pages.indexes import EntityMatcher
from digest.pages.items import Item
from digest.pages.render import quote_display, render_body
from digest.pipeline import Digested, to_entry, to_json

TODAY = dt.date(2025, 1, 15)
VOCAB = parse_vocabulary("""
categories:
  - {name: AI accelerators, description: Chips for AI.}
tags:
  - {name: Apple, kind: company, case_sensitive: true, description: Apple.}
  - {name: AWS, kind: company, aliases: [Amazon Web Services], description: Amazon's cloud.}
  - {name: Nvidia, kind: company, description: A GPU maker.}
""")


def _entry(**overrides: object) -> Entry:
    fields: dict = {
        "title": "Northwind ships a new accelerator",
        "date": dt.date(2025, 1, 10),
        "source_name": "Example News",
        "url": "https://example.com/northwind",
        "author": None,
        "summary": "Northwind said it ships a new accelerator to cloud customers.",
        "tags": ["AWS"],
        "mentions": ["Nvidia"],
        "categories": ["AI accelerators"],
        "quotes": [Quote("We are sold out for the year", "Mara Quint", None),
                   Quote("is our dream", "Mara Quint", None, fragment=True)],
    }
    fields.update(overrides)
    return Entry(**fields)


def test_mentions_and_fragment_round_trip_through_the_entry_file() -> None:
    entry = _entry()
    text = render_entry(entry)
    assert "mentions: [Nvidia]" in text
    assert text.index("tags:") < text.index("mentions:") < text.index("categories:")
    assert text.count("fragment: true") == 1  # only the fragment carries the key
    data, notes = parse_entry_text(text, "x.md")
    back = entry_from_dict(data, notes)
    assert back.mentions == ["Nvidia"]
    assert [q.fragment for q in back.quotes] == [False, True]


def test_empty_mentions_are_left_out() -> None:
    assert "mentions" not in entry_to_dict(_entry(mentions=[]))


def test_check_accepts_vocabulary_mentions_and_reports_unknown_ones() -> None:
    good = render_entry(_entry())
    path = "posts/2025-01-10-northwind-ships-a-new-accelerator.md"
    assert check_text(good, path, vocabulary=VOCAB, today=TODAY) == []
    bad = good.replace("mentions: [Nvidia]", "mentions: [Nvidea]")
    (problem,) = check_text(bad, path, vocabulary=VOCAB, today=TODAY)
    assert problem.field == "mentions[0]" and "did you mean 'Nvidia'" in problem.message


def test_check_reports_a_fragment_flag_that_is_not_true_or_false() -> None:
    text = render_entry(_entry()).replace("fragment: true", "fragment: maybe")
    path = "posts/2025-01-10-northwind-ships-a-new-accelerator.md"
    (problem,) = check_text(text, path, vocabulary=VOCAB, today=TODAY)
    assert problem.field == "quotes[1].fragment" and "true or false" in problem.message


def test_json_interface_and_entry_carry_mentions_and_fragments() -> None:
    article = Article(source="x.txt", title="T", paragraphs=["P."])
    result = Digested(article=article, summary="S.", tags=["AWS"], mentions=["Nvidia"],
                      quotes=[Quote("is our dream", "Mara Quint", None, fragment=True)])
    data = to_json(result)
    assert data["mentions"] == ["Nvidia"] and data["quotes"][0]["fragment"] is True
    entry = to_entry(result, today=TODAY)
    assert entry.mentions == ["Nvidia"] and entry.quotes[0].fragment


def test_entry_page_marks_fragments() -> None:
    assert quote_display(Quote("is our dream", fragment=True)) == "…is our dream…"
    assert quote_display(Quote("We are sold out.")) == "We are sold out."
    body = render_body(_entry())
    assert "> …is our dream…" in body and "> We are sold out for the year" in body


def test_entity_page_lists_entries_that_mention_it() -> None:
    about = Item(_entry(tags=["Nvidia"], mentions=[], slug="about"), "posts/a.md")
    passing = Item(_entry(slug="passing"), "posts/b.md")
    matcher = EntityMatcher(VOCAB)
    mentioning = entries_mentioning([about, passing], matcher)
    assert [i.src for i in mentioning["Nvidia"]] == ["posts/b.md"]
    term = VOCAB.get("Nvidia")
    assert term is not None
    page = render_entity(term, [about], figures=[], pages={"Nvidia": term},
                         mentioned_in=mentioning["Nvidia"])
    assert "Also mentioned in" in page
    plain = render_entity(term, [about], figures=[], pages={"Nvidia": term})
    assert "Also mentioned in" not in plain
