"""The entry schema is declared once (digest.models, read by digest.archive.schema) and every
consumer iterates that declaration: a field added to it reaches the writer, the reader, the
validator and the JSON output with no other change."""

from __future__ import annotations

import dataclasses
import datetime as dt

import yaml

from digest.archive import field_checks, schema
from digest.archive.entry import entry_to_dict, parse_entry_text, render_entry
from digest.archive.field_checks import Context, Record, check_front_matter
from digest.editorial.vocabulary import load_vocabulary
from digest.models import Article, Entry, Figure, Quote, front_matter
from digest.pipeline import Digested, from_json, to_json

FULL = Entry(
    title="A title", date=dt.date(2025, 1, 7), slug="a-title", source_name="Wire",
    url="https://example.com/a", author="A. Writer", tags=["Nvidia"], mentions=["TSMC"],
    categories=["AI accelerators"], summary="A summary.",
    quotes=[Quote("Words.", "A. Speaker", "CEO", fragment=True)],
    figures=[Figure("40%", "growth")],
)

# The declaration with one field more, as a contributor would add it to digest.models.Entry.
Extended = dataclasses.make_dataclass(
    "Extended",
    [("region", "str | None",
      dataclasses.field(default=None, metadata=front_matter("region", "line")))],
    bases=(Entry,), kw_only=True, slots=True,
)


def test_the_declaration_is_the_files_order() -> None:
    assert schema.KEYS == ("title", "date", "slug", "source", "url", "author", "tags",
                           "mentions", "categories", "summary", "quotes", "figures")
    assert tuple(entry_to_dict(FULL)) == schema.KEYS
    assert schema.REQUIRED == ("title", "date", "source", "summary")


def test_records_declare_their_keys() -> None:
    quotes, figures = schema.BY_KEY["quotes"], schema.BY_KEY["figures"]
    assert [(s.key, s.required) for s in quotes.items] == [
        ("text", True), ("speaker", False), ("role", False), ("fragment", False)]
    assert [(s.key, s.required) for s in figures.items] == [("value", True), ("context", True)]


def test_a_new_field_reaches_the_writer_and_the_reader() -> None:
    entry = Extended(**{f.name: getattr(FULL, f.name) for f in dataclasses.fields(Entry)},
                     region="Taiwan")
    data = schema.to_front_matter(entry, "a-title")
    assert list(data)[-1] == "region" and data["region"] == "Taiwan"
    assert "region" not in schema.to_front_matter(FULL, "a-title")  # Entry itself unchanged
    back = schema.from_front_matter(data, cls=Extended)
    assert back == entry


def test_a_new_field_reaches_the_validator() -> None:
    text = render_entry(FULL).replace("summary:", "region: Taiwan\nsummary:", 1)
    data, _ = parse_entry_text(text, "x.md")
    root = yaml.compose(yaml.safe_dump(data, sort_keys=False))
    assert isinstance(root, yaml.MappingNode)

    def problems(fields: tuple[schema.FieldSpec, ...]) -> list[str]:
        loader = yaml.SafeLoader("")
        ctx = Context("x.md", load_vocabulary(), dt.date(2025, 1, 8), loader=loader,
                      record=Record("x.md"))
        check_front_matter(ctx, root, fields)
        return [p.field for p in ctx.problems]

    assert problems(schema.FIELDS) == ["region"]  # unknown to the declaration as it is
    assert problems(schema.specs_of(Extended)) == []  # declared: checked as one line of text
    assert "line" in field_checks.KIND_CHECKS  # each kind is checked once, for every field of it


def test_a_new_record_key_reaches_the_json_and_back() -> None:
    article = Article(source="a.html", title="T", paragraphs=["P."])
    result = Digested(article=article, summary="S.", quotes=[Quote("Words.", "A", None, True)],
                      figures=[Figure("40%", "growth")], tags=["Nvidia"])
    data = to_json(result)
    assert data["quotes"] == [{"text": "Words.", "speaker": "A", "role": None,
                               "fragment": True}]
    assert set(data) >= {f.name for f in dataclasses.fields(Article)}
    assert from_json(data) == result


def test_every_kind_in_the_declaration_has_a_check() -> None:
    kinds = {spec.kind for spec in schema.FIELDS}
    assert kinds <= set(field_checks.KIND_CHECKS)
    record_kinds = {item.kind for spec in schema.FIELDS for item in spec.items}
    assert record_kinds <= set(field_checks.KIND_CHECKS) | {"flag"}
