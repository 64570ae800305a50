"""The figures index (kinds, entity attribution, rows, the filter form) and the quotes index
(grouped by speaker, with role and entry), on a small vocabulary of our own."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from digest.editorial.vocabulary import parse_vocabulary
from digest.pages import indexes
from tests.entry_builders import item

VOCAB = parse_vocabulary(
    """
categories:
  - {name: AI accelerators, description: x}
tags:
  - {name: AWS, kind: company, case_sensitive: true, aliases: [Amazon], description: Cloud.}
  - {name: Trainium2, kind: chip, maker: AWS, aliases: [Trn2], description: Accelerator.}
  - {name: Nvidia, kind: company, description: GPUs.}
  - {name: H200, kind: chip, maker: Nvidia, description: GPU.}
  - {name: HBM, kind: process, description: Memory.}
  - {name: Export controls, kind: topic, description: Rules.}
"""
)
MATCHER = indexes.EntityMatcher(VOCAB)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        pytest.param("$35.1 billion", "Money", id="dollars"),
        pytest.param("NT$276.06 billion", "Money", id="new-taiwan-dollars"),
        pytest.param("$60 billion to $90 billion", "Money", id="money-range"),
        pytest.param("94%", "Percentage", id="percent"),
        pytest.param("57% to 59%", "Percentage", id="percent-range"),
        pytest.param("10x", "Multiple", id="multiple"),
        pytest.param("3nm", "Process node and length", id="node"),
        pytest.param("100 square feet", "Area", id="other-quantity-by-name"),
        pytest.param("122 days", "Duration", id="days"),
        pytest.param("60-day", "Duration", id="hyphenated-duration"),
        pytest.param("10 septillion years", "Duration", id="years-not-count"),
        pytest.param("20.8 petaflops", "Compute", id="petaflops"),
        pytest.param("45 TOPS", "Compute", id="tops"),
        pytest.param("1.5 TB", "Memory and bandwidth", id="terabytes"),
        pytest.param("2 GB/s", "Memory and bandwidth", id="bandwidth"),
        pytest.param("4.32 GHz", "Frequency", id="clock"),
        pytest.param("150 megawatts", "Power", id="power"),
        pytest.param("140", "Count", id="bare-number"),
        pytest.param("1 million", "Count", id="million"),
        pytest.param("105-qubit", "Count", id="qubits"),
        pytest.param("Q3", "Other", id="unclassified"),
    ],
)
def test_figure_kind(value: str, kind: str) -> None:
    assert indexes.figure_kind(value) == kind


TRN2 = item(
    "trn2",
    "2024-12-03",
    "Wafer Weekly",
    ["Trainium2", "AWS", "Nvidia", "H200"],
    title="AWS opens Trainium2 instances",
    figures=(
        ("30% to 40%", "better price performance than Nvidia H200 instances"),
        ("20.8 petaflops", "dense FP8 compute of one Trn2 instance"),
        ("5x", "Amazon expects to provide more compute to its customer"),
        ("16", "chips in each instance"),
    ),
)
CURBS = item(
    "curbs",
    "2024-12-02",
    "Chipwire",
    ["HBM", "Export controls", "Nvidia"],
    title="US widens chip curbs to HBM",
    figures=(("140", "entities added to the list"), ("98%", "of gallium output")),
)


@pytest.mark.parametrize(
    ("entry", "value", "entity"),
    [
        pytest.param(TRN2, "30% to 40%", "Nvidia", id="context-names-nvidia-first"),
        pytest.param(TRN2, "20.8 petaflops", "Trainium2", id="alias-trn2-names-the-chip"),
        pytest.param(TRN2, "5x", "AWS", id="alias-amazon-names-aws"),
        pytest.param(TRN2, "16", "AWS", id="unnamed-falls-back-to-title-entity"),
        pytest.param(CURBS, "140", "", id="topic-led-entry-has-no-entity"),
    ],
)
def test_figure_entity(entry: object, value: str, entity: str) -> None:
    rows = indexes.figure_rows([entry], MATCHER)  # type: ignore[list-item]
    (row,) = [r for r in rows if r.value == value]
    assert row.entity == entity


def test_figure_rows_newest_first_in_entry_order() -> None:
    rows = indexes.figure_rows([CURBS, TRN2], MATCHER)
    assert [(r.item.entry.slug, r.value) for r in rows] == [
        ("trn2", "30% to 40%"),
        ("trn2", "20.8 petaflops"),
        ("trn2", "5x"),
        ("trn2", "16"),
        ("curbs", "140"),
        ("curbs", "98%"),
    ]
    assert rows[0].date.isoformat() == "2024-12-03" and rows[0].kind == "Percentage"


def test_figures_page() -> None:
    rows = indexes.figure_rows([TRN2, CURBS], MATCHER)
    page = indexes.render_figures(rows)
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["hide"] == ["navigation", "toc"] and front["search"] == {"exclude": True}
    assert front["title"] == "Figures" and "# Figures\n" in page
    form = next(line for line in page.splitlines() if line.startswith("<form"))
    assert 'data-column="Entity"' in form and 'data-column="Kind"' in form
    for value in ("AWS", "Nvidia", "Trainium2"):
        assert f'<option value="{value}">{value}</option>' in form
    assert '<option value="Money">' not in form  # only kinds that occur
    assert '<option value="Percentage">Percentage</option>' in form
    assert "6 figures" in form
    assert page.count(indexes.FIGURES_TABLE) == 1


def href(src: str) -> str:
    """URLs as the site plugin gives them: relative to the figures page."""
    return "../" + src.removesuffix(".md") + "/"


def test_figures_table_html() -> None:
    hostile = item(
        "hostile",
        "2024-12-04",
        "Evil Outlet",
        ["AWS"],
        title="A <b>bold</b> title & more",
        figures=(("<b>7</b>", 'measures "x" & <script>alert(1)</script>'),),
    )
    rows = indexes.figure_rows([TRN2, CURBS, hostile], MATCHER)
    table = indexes.figures_table_html(rows, frozenset({"AWS", "Trainium2", "Nvidia"}), href)
    lines = table.splitlines()
    assert lines[0].startswith("<table><thead><tr><th>Figure</th><th>What it measures</th>")
    assert len([line for line in lines if line.startswith("<tr>")]) == 7
    assert (
        "<tr><td><strong>20.8 petaflops</strong></td><td>dense FP8 compute of one Trn2 instance"
        '</td><td><a href="../entities/trainium2/">Trainium2</a></td><td>Compute</td>'
        '<td>2024-12-03</td><td><a href="../posts/2024-12-03-trn2/">AWS opens Trainium2 '
        "instances</a></td></tr>"
    ) in lines
    assert "<td><strong>140</strong></td><td>entities added to the list</td><td>—</td>" in table
    # scraped text: tags dropped by clean_text, the rest escaped
    assert "<script>" not in table and "<b>" not in table
    assert "measures &quot;x&quot; &amp;" in table and "A bold title &amp; more" in table


def test_quotes_grouped_by_speaker() -> None:
    a = item(
        "a",
        "2024-12-03",
        "Outlet A",
        ["AWS"],
        title="First",
        quotes=(("One", "Jensen Huang", "chief executive of Nvidia"), ("Anon", None, None)),
    )
    b = item(
        "b",
        "2024-12-05",
        "Outlet B",
        ["AWS"],
        title="Second",
        quotes=(("Two", "jensen huang", "CEO"), ("Three", "Priya Raman", None)),
    )
    groups = indexes.quote_groups([a, b])
    assert [(name, [r.text for r in rows]) for name, rows in groups] == [
        ("jensen huang", ["Two", "One"]),  # by surname, newest quote first, first spelling seen
        ("Priya Raman", ["Three"]),
        (indexes.UNATTRIBUTED, ["Anon"]),
    ]
    page = indexes.render_quotes([a, b])
    assert "4 quotes from 3 speakers" in page
    assert "## jensen huang" in page and "## Unattributed" in page
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["search"] == {"exclude": True} and front["title"] == "Quotes"
    first = '<p>— chief executive of Nvidia · <a href="posts/2024-12-03-a.md">First</a>, Outlet A, '
    assert first in page
    assert '<p>— <a href="posts/2024-12-05-b.md">Second</a>, Outlet B, 5 December 2024</p>' in page


def test_the_site_build_classifies_figures_without_the_figure_finder() -> None:
    """The build only classifies figures it has (digest.editorial.figures_kind): the patterns
    that find figures in an article's text (digest.editorial.figures, figure_words), some 50 ms
    of compiling, are not loaded by it, and the ranking classifies with the same function."""
    code = (
        "import sys, digest.site.build, digest.archive.validate; "
        "print(sorted(m for m in sys.modules if m.startswith('digest.editorial.fig')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['digest.editorial.figures_kind']"]
    from digest.editorial import figures, figures_kind

    assert figures.figure_kind is figures_kind.figure_kind
