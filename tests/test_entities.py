"""Entity pages: which companies and chips get one, and what each page holds (description,
maker and products, timeline, key figures, quotes); the entities index."""

from __future__ import annotations

import pytest
import yaml

from digest.editorial.vocabulary import parse_vocabulary
from digest.pages import entities, indexes
from digest.pages.items import entity_slug
from tests.entry_builders import item

VOCAB = parse_vocabulary(
    """
categories:
  - {name: AI accelerators, description: x}
tags:
  - {name: AWS, kind: company, case_sensitive: true, description: Amazon's cloud arm.}
  - {name: Trainium2, kind: chip, maker: AWS, description: A training accelerator.}
  - {name: Trainium3, kind: chip, maker: AWS, description: The next one.}
  - {name: SK hynix, kind: company, description: Korean memory maker.}
  - {name: 3nm, kind: process, description: A process node.}
  - {name: AI training, kind: topic, description: Training models.}
"""
)
MATCHER = indexes.EntityMatcher(VOCAB)
LAUNCH = item(
    "launch",
    "2024-12-03",
    "Wafer Weekly",
    ["Trainium2", "AWS", "3nm", "AI training"],
    title="AWS opens Trainium2 instances",
    figures=(("20.8 petaflops", "compute of one Trainium2 instance"), ("4x", "AWS says faster")),
    quotes=(("Price performance is what buyers test", "Noor Haddad", "cloud analyst"),),
)
FOLLOW = item(
    "follow",
    "2024-12-10",
    "Cloud Ledger",
    ["AWS", "SK hynix"],
    title="AWS signs memory deal",
    quotes=(("No comment beyond the filing", None, None),),
)
ARCHIVE = [LAUNCH, FOLLOW]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        pytest.param("SK hynix", "sk-hynix", id="space-and-case"),
        pytest.param("Snapdragon X Elite", "snapdragon-x-elite", id="several-words"),
        pytest.param("18A", "18a", id="digits"),
        pytest.param("Sørensen Chips", "sorensen-chips", id="non-ascii"),
    ],
)
def test_entity_slug(name: str, slug: str) -> None:
    assert entity_slug(name) == slug


def test_which_entities_get_pages() -> None:
    found = entities.entries_by_entity(ARCHIVE, MATCHER)
    # companies and chips with entries; not the process tag, the topic, or Trainium3 (no entries)
    assert set(found) == {"AWS", "Trainium2", "SK hynix"}
    assert found["AWS"] == [FOLLOW, LAUNCH]  # newest first


def page_of(name: str) -> str:
    found = entities.entries_by_entity(ARCHIVE, MATCHER)
    pages = {n: VOCAB.get(n) for n in found}
    rows = [r for r in indexes.figure_rows(ARCHIVE, MATCHER) if r.entity == name]
    term = VOCAB.get(name)
    assert term is not None
    return entities.render_entity(term, found[name], figures=rows, pages=pages)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "present", "absent"),
    [
        pytest.param(
            "AWS",
            [
                "# AWS",
                "*Company · 2 entries · 3 December 2024 – 10 December 2024*",
                "Amazon's cloud arm.",
                "**Products in the digest:** [Trainium2](<trainium2.md>)",
                "<li><strong>10 December 2024</strong> · "
                '<a href="../posts/2024-12-10-follow.md">AWS signs memory deal</a> · Cloud Ledger',
                "<li><strong>3 December 2024</strong> · "
                '<a href="../posts/2024-12-03-launch.md">AWS opens Trainium2 instances</a>'
                " · Wafer Weekly",
                "<tr><td><strong>4x</strong></td><td>AWS says faster</td><td>Multiple</td>"
                "<td>2024-12-03</td>",
                "<p>Price performance is what buyers test</p>",
                "<p>— <strong>Noor Haddad</strong>, cloud analyst · "
                '<a href="../posts/2024-12-03-launch.md">AWS opens Trainium2 instances</a>',
                "<p>No comment beyond the filing</p>",
                "## Timeline { data-search-exclude }",
            ],
            ["Trainium3", "20.8 petaflops", "Made by"],
            id="company-with-products-figures-quotes",
        ),
        pytest.param(
            "Trainium2",
            [
                "*Chip or product · 1 entry · 3 December 2024*",
                "**Made by** [AWS](<aws.md>)",
                "<tr><td><strong>20.8 petaflops</strong></td>"
                "<td>compute of one Trainium2 instance</td><td>Compute</td>",
                "## Quotes",
            ],
            ["4x", "AWS signs memory deal", "Products in the digest"],
            id="chip-with-maker",
        ),
        pytest.param(
            "SK hynix",
            ["# SK hynix", "*Company · 1 entry · 10 December 2024*", "## Timeline"],
            ["## Key figures", "Products in the digest"],
            id="company-without-figures",
        ),
    ],
)
def test_entity_page(name: str, present: list[str], absent: list[str]) -> None:
    page = page_of(name)
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["hide"] == ["navigation"]
    assert front["title"] == name.replace("&", "&amp;")  # HTML-escaped, as the theme prints it
    assert front["description"]
    for text in present:
        assert text in page
    for text in absent:
        assert text not in page


def test_entities_index() -> None:
    found = entities.entries_by_entity(ARCHIVE, MATCHER)
    pages = {n: VOCAB.get(n) for n in found}
    index = entities.render_index(pages, {n: len(v) for n, v in found.items()})  # type: ignore[arg-type]
    assert index.index("## Companies") < index.index("## Chips and products")
    assert "| [AWS](<aws.md>) | 2 | Amazon's cloud arm. |" in index
    assert "| [SK hynix](<sk-hynix.md>) | 1 |" in index
    assert index.index("[AWS]") < index.index("[SK hynix]")
    assert "| [Trainium2](<trainium2.md>) | 1 |" in index


def test_entities_index_when_empty() -> None:
    assert "No entries name a company or chip yet." in entities.render_index({}, {})
