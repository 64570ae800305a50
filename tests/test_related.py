"""Related coverage: same story from two outlets grouped; different stories kept apart, even when
they share a company, a week and a headline's words. Write-ups below are our own sentences."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from digest.editorial.vocabulary import load_vocabulary
from digest.pages.items import Item
from digest.pages.related import coverage_map, group_related
from tests.entry_builders import item as make_item

VOCAB = load_vocabulary()


def item(*args: object, quotes: tuple[str, ...] = (), **kwargs: object) -> Item:
    """entry_builders.item with unattributed quotes given as plain strings."""
    return make_item(*args, quotes=tuple((q, None, None) for q in quotes), **kwargs)  # type: ignore[arg-type]


TRN2_A = item(
    "aws-trainium2-ga",
    "2024-12-03",
    "Wafer Weekly",
    ["AWS", "Trainium2", "Trainium3", "Anthropic", "3nm"],
    "Amazon Web Services made Trainium2 instances generally available at re:Invent and said "
    "Trainium3, built on a 3nm process, follows late next year. AWS claims 30% to 40% better "
    "price performance than its GPU instances.",
    figures=(
        ("30% to 40%", "better price performance than GPU-based instances"),
        ("20.8 petaflops", "dense FP8 compute of one Trn2 instance"),
    ),
    title="AWS opens Trainium2 instances and previews 3nm Trainium3",
)
TRN2_B = item(
    "amazon-trn2-instances",
    "2024-12-04",
    "Cloud Ledger",
    ["AWS", "Trainium2", "Trainium3", "Nvidia"],
    "At re:Invent, AWS switched on Trn2 instances for all customers: sixteen Trainium2 "
    "accelerators and 20.8 petaflops each, at 30% to 40% better price performance than its "
    "GPU instances. A 3nm Trainium3 is due late next year.",
    figures=(
        ("20.8 petaflops", "FP8 compute per Trn2 instance"),
        ("30% to 40%", "price-performance gain over P5e and P5en"),
    ),
    title="Amazon bets on its own silicon with Trn2 launch",
)
INTEL_GRANT = item(
    "intel-chips-grant",
    "2024-11-26",
    "Fabline News",
    ["Intel", "CHIPS Act", "18A", "Panther Lake"],
    "The Commerce Department finalized a CHIPS Act award of up to $7.86 billion for Intel, "
    "below the $8.5 billion preliminary figure, as the company readies its first 18A products.",
    figures=(
        ("$7.86 billion", "CHIPS Act direct funding award"),
        ("$8.5 billion", "preliminary award agreed in March"),
    ),
)
INTEL_GRANT_B = item(
    "commerce-finalizes-intel-award",
    "2024-11-27",
    "Policy Wafer",
    ["Intel", "CHIPS Act"],
    "Intel's CHIPS Act grant is final at up to $7.86 billion, trimmed from the $8.5 billion "
    "preliminary deal because the Commerce Department counted a separate defense contract.",
    figures=(
        ("$7.86 billion", "final CHIPS Act grant to Intel"),
        ("$8.5 billion", "preliminary CHIPS Act award"),
    ),
)
INTEL_CEO = item(
    "gelsinger-retires",
    "2024-12-02",
    "Core Desk",
    ["Intel", "CHIPS Act", "18A", "Panther Lake", "Clearwater Forest"],
    "Pat Gelsinger retired as Intel's chief executive and left its board; David Zinsner and "
    "Michelle Johnston Holthaus run the company as interim co-chief executives while the board "
    "searches for a successor.",
    figures=(
        ("$7.86 billion", "CHIPS Act grant for Intel's Arizona and Ohio factories"),
        ("50%", "share price lost this year"),
    ),
    quotes=("Leading Intel has been the honor of my lifetime",),
)
NVDA_EARN = item(
    "nvidia-q3",
    "2024-11-20",
    "The Die Shot",
    ["Nvidia", "Blackwell", "H200"],
    "Nvidia booked $35.1 billion of third-quarter revenue, up 94%, and guided to $37.5 billion "
    "as Blackwell shipments begin.",
    figures=(("$35.1 billion", "third-quarter revenue"), ("94%", "growth from a year earlier")),
)
NVDA_CHINA = item(
    "nvidia-china-probe",
    "2024-12-09",
    "Chipwire Daily",
    ["Nvidia", "Mellanox"],
    "China's market regulator opened an antitrust investigation into Nvidia over conditions "
    "attached to its 2020 purchase of Mellanox.",
    title="Nvidia earnings beat faces new China probe",  # shares headline words, not the story
)
NVDA_BLACKWELL = item(
    "nvidia-blackwell-heat",
    "2024-11-21",
    "Rack Report",
    ["Nvidia", "Blackwell"],
    "Customers report that Blackwell server racks overheat when 72 GPUs are installed, forcing "
    "Nvidia to ask suppliers to revise rack designs several times.",
    title="Nvidia quarter: Blackwell $35.1 billion beat",  # headline overlaps NVDA_EARN's
)
SAME_OUTLET = item(
    "aws-trainium2-followup",
    "2024-12-05",
    "Wafer Weekly",  # the same outlet as TRN2_A: a follow-up, not other coverage
    ["AWS", "Trainium2", "Trainium3", "3nm"],
    "Amazon Web Services made Trainium2 instances generally available at re:Invent; Trainium3, "
    "built on a 3nm process, follows late next year with 30% to 40% better price performance.",
    figures=(("30% to 40%", "better price performance than GPU-based instances"),),
)
TRN2_LATE = item(
    "trainium2-month-later",
    "2025-01-20",
    "Cloud Ledger 2",
    ["AWS", "Trainium2", "Trainium3"],
    TRN2_B.entry.summary,  # identical text, but seven weeks later: a different news cycle
    figures=(("20.8 petaflops", "FP8 compute per Trn2 instance"),),
)


BACKGROUND = (
    item(
        "tsmc-november",
        "2024-12-10",
        "Foundry Files",
        ["TSMC", "3nm", "Nvidia"],
        "TSMC's November revenue rose 34% from a year earlier on demand for AI accelerators.",
        figures=(("34%", "growth of November revenue"),),
    ),
    item(
        "micron-hbm",
        "2024-12-19",
        "DRAM Desk",
        ["Micron", "HBM3E", "Nvidia"],
        "Micron's quarterly revenue reached a record $8.71 billion, but a weak outlook for "
        "consumer memory sent the shares down 16%.",
        figures=(("$8.71 billion", "fiscal first-quarter revenue"),),
    ),
    item(
        "xai-colossus",
        "2024-12-05",
        "The Interconnect",
        ["xAI", "Nvidia", "H100"],
        "xAI plans to expand its Memphis supercomputer tenfold to a million GPUs.",
        figures=(("1 million", "GPUs planned for Colossus"),),
    ),
)


def together(stories: list, a: Item, b: Item) -> bool:
    return coverage_map(stories).get(a.src, ()).count(b) == 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(TRN2_A, TRN2_B, True, id="same-launch-different-words-and-headlines"),
        pytest.param(INTEL_GRANT, INTEL_GRANT_B, True, id="same-grant-two-outlets"),
        pytest.param(INTEL_GRANT, INTEL_CEO, False, id="same-company-shared-figure-other-story"),
        pytest.param(NVDA_EARN, NVDA_CHINA, False, id="headline-words-shared-only"),
        pytest.param(NVDA_EARN, NVDA_BLACKWELL, False, id="same-entities-next-day-other-story"),
        pytest.param(TRN2_A, SAME_OUTLET, False, id="same-outlet-follow-up"),
        pytest.param(TRN2_B, TRN2_LATE, False, id="identical-text-weeks-apart"),
    ],
)
def test_pairs(a: Item, b: Item, expected: bool) -> None:
    """The pair alone (with unrelated entries for word statistics): grouped or not."""
    archive = [a, b, *BACKGROUND]
    stories = group_related(archive, VOCAB)
    assert together(stories, a, b) is expected
    assert together(stories, b, a) is expected
    srcs = [i.src for s in stories for i in s.items]
    assert sorted(srcs) == sorted(i.src for i in archive)  # every entry in exactly one story


def test_whole_archive_groups() -> None:
    """All cases at once: stories chain through a shared write-up (the same outlet's follow-up
    joins the launch story through the other outlet), nothing else merges."""
    archive = [
        TRN2_A,
        TRN2_B,
        INTEL_GRANT,
        INTEL_GRANT_B,
        INTEL_CEO,
        NVDA_EARN,
        NVDA_CHINA,
        NVDA_BLACKWELL,
        SAME_OUTLET,
        TRN2_LATE,
        *BACKGROUND,
    ]
    groups = {frozenset(i.src for i in s.items) for s in group_related(archive, VOCAB)}
    multi = {g for g in groups if len(g) > 1}
    assert multi == {
        frozenset({TRN2_A.src, TRN2_B.src, SAME_OUTLET.src}),
        frozenset({INTEL_GRANT.src, INTEL_GRANT_B.src}),
    }


def test_lead_is_fullest_write_up() -> None:
    stories = group_related([TRN2_B, TRN2_A], VOCAB)
    (story,) = stories
    assert story.lead is TRN2_A  # more tags; both have two figures
    assert story.others == (TRN2_B,)


def test_lone_entry_is_its_own_story() -> None:
    (story,) = group_related([NVDA_CHINA], VOCAB)
    assert story.lead is NVDA_CHINA and story.others == ()
    assert coverage_map([story]) == {NVDA_CHINA.src: ()}


def test_scales_to_large_archives() -> None:
    """10,000 entries in ~3 years, a busy entity on every one: well under the time a full
    pairwise comparison would take (50 million pairs)."""
    tags = [["Nvidia", "H100"], ["AWS", "Trainium2"], ["Intel", "18A"], ["TSMC", "3nm"]]
    start = dt.date(2023, 1, 2)
    many = [
        item(
            f"story-{n}",
            (start + dt.timedelta(days=n // 10)).isoformat(),
            f"Outlet {n % 7}",
            tags[n % 4],
            f"Report number {n} about topic {n % 97} with figure {n * 13 % 1000} units.",
            figures=((f"{n}%", f"share number {n}"),),
        )
        for n in range(10_000)
    ]
    began = time.perf_counter()
    stories = group_related(many, VOCAB)
    elapsed = time.perf_counter() - began
    assert sum(len(s.items) for s in stories) == 10_000
    assert elapsed < 20, f"{elapsed:.1f}s"


def test_sample_archive_groups_only_the_trainium2_pair() -> None:
    """The committed sample: thirteen entries, twelve stories. Two outlets' write-ups of AWS's
    Trainium2 launch are one story; its closest different-story pair (Intel's CHIPS grant and
    Gelsinger's retirement: Intel, six days apart, "$7.86 billion" in both) must stay apart."""
    from digest.archive.entry import read_entry
    from tests.conftest import REPO

    posts = sorted((REPO / "docs" / "posts").glob("*.md"))
    items = [Item(read_entry(p), f"posts/{p.name}") for p in posts]
    stories = group_related(items, VOCAB)
    grouped = [sorted(i.entry.source_name for i in s.items) for s in stories if s.others]
    assert len(grouped) == 1, grouped
    assert all("Trainium2" in i.entry.tags for s in stories if s.others for i in s.items)
    assert len(stories) == len(items) - 1


def test_memory_packaging_and_systems_count_as_story_entities() -> None:
    from digest.pages.related import entity_names

    names = entity_names(VOCAB)
    assert {"HBM3E", "CoWoS", "Colossus", "Nvidia", "H100", "3nm"} <= names
    assert not {"AI PC", "China", "Computex", "Earnings"} & names
