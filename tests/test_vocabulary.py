"""The curated vocabulary loads, is big enough, and every entry is complete and unambiguous."""

from __future__ import annotations

import pytest

from digest.editorial.vocabulary import TAG_KINDS, load_vocabulary, parse_vocabulary
from digest.errors import DigestError

VOCAB = load_vocabulary()
TERMS = {t.name: t for t in VOCAB.terms}


def test_vocabulary_loads_with_enough_tags() -> None:
    assert len(VOCAB.terms) >= 150
    assert len(VOCAB.categories) >= 8


@pytest.mark.parametrize("kind", TAG_KINDS)
def test_every_kind_is_represented(kind: str) -> None:
    assert sum(t.kind == kind for t in VOCAB.terms) >= 20


def test_every_product_names_an_existing_company_as_maker() -> None:
    chips = [t for t in VOCAB.terms if t.kind == "chip"]
    assert all(t.maker for t in chips), [t.name for t in chips if not t.maker]
    for term in chips:
        maker = TERMS.get(term.maker or "")
        assert maker is not None and maker.kind == "company", term.name


def test_every_tag_has_a_one_line_description() -> None:
    for term in VOCAB.terms:
        assert term.description, term.name
        assert "\n" not in term.description, term.name
        assert len(term.description) <= 160, term.name


def test_every_non_company_tag_has_a_category() -> None:
    missing = [t.name for t in VOCAB.terms if t.kind != "company" and not t.categories]
    assert missing == []


def test_categories_have_descriptions_and_are_used() -> None:
    used = {c for t in VOCAB.terms for c in t.categories}
    for category in VOCAB.categories:
        assert category.description, category.name
        assert category.name in used, f"category {category.name} has no tag"


def test_no_alias_collisions() -> None:
    seen: dict[str, str] = {}
    for term in VOCAB.terms:
        for label in (term.name, *term.aliases):
            key = label.lower()
            assert seen.get(key, term.name) == term.name, f"{label!r}: {seen[key]} / {term.name}"
            seen[key] = term.name


def test_tag_names_are_unique_and_trimmed() -> None:
    names = VOCAB.names()
    assert len(names) == len(set(names))
    assert all(name == name.strip() for name in names)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        pytest.param("AWS", "company", id="aws"),
        pytest.param("Arm", "company", id="arm"),
        pytest.param("Trainium2", "chip", id="trainium2"),
        pytest.param("TPU", "chip", id="tpu"),
        pytest.param("HBM3E", "process", id="hbm3e"),
        pytest.param("CoWoS", "process", id="cowos"),
        pytest.param("AI training", "topic", id="ai-training"),
        pytest.param("Export controls", "topic", id="export-controls"),
    ],
)
def test_key_tags_exist(name: str, kind: str) -> None:
    assert TERMS[name].kind == kind


@pytest.mark.parametrize(
    ("name", "case_sensitive"),
    [
        pytest.param("Arm", True, id="arm-vs-arm"),
        pytest.param("Apple", True, id="apple-vs-apple"),
        pytest.param("Intel", True, id="intel-vs-intel"),
        pytest.param("Micron", True, id="micron-vs-micron"),
        pytest.param("Nvidia", False, id="nvidia-any-case"),
    ],
)
def test_case_sensitivity_where_it_matters(name: str, case_sensitive: bool) -> None:
    assert TERMS[name].case_sensitive is case_sensitive


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "tags:\n  - {name: X, kind: gadget, description: d}\n", "kind must be", id="bad-kind"
        ),
        pytest.param(
            "tags:\n  - {name: X, kind: chip}\n", "missing description", id="no-description"
        ),
        pytest.param(
            "tags:\n  - {name: X, kind: chip, description: d, maker: Nobody}\n",
            "maker 'Nobody' is not a tag",
            id="unknown-maker",
        ),
        pytest.param(
            "tags:\n  - {name: X, kind: chip, description: d}\n"
            "  - {name: Y, kind: chip, description: d, aliases: [x]}\n",
            "already names X",
            id="alias-collision",
        ),
    ],
)
def test_loader_rejects_bad_entries(text: str, message: str) -> None:
    with pytest.raises(DigestError, match=message):
        parse_vocabulary(text)
