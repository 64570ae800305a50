"""Plain-text scrapes: the seed article and hand-written scrapes with page chrome."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.errors import ExtractionError
from digest.ingest.plaintext import extract_text
from digest.ingest.scrapemeta import scrape_date

# Chrome of the seed page that must never reach an entry.
SEED_CHROME = (
    "Skip to main content",
    "Follow Chance",
    "FTC:",
    "You’re reading",
    "Comments",
    "Avatar for",
    "editor-in-chief",
    "tips, questions",
    "notification",
)


def test_seed_comes_out_clean(seed_text: str) -> None:
    article = extract_text(seed_text, source="seed.txt")
    assert article.title == "Apple turns to Amazon chips for AI pre-training and more"
    assert article.author == "Chance Miller"
    assert article.site_name == "9to5Mac"
    # The seed's editorial body is every blank-line-separated block between the headline and the
    # "Follow" line: eight blocks in the file as shipped (the seed README speaks of eleven
    # paragraphs; the file itself holds eight).
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("As reported by CNBC")
    assert article.paragraphs[-1].endswith("that other companies tend to rely on.")
    body = article.text
    for chrome in SEED_CHROME:
        assert chrome not in body, chrome


SCRAPE_WITH_BYLINE = """\
Accept all cookies

We use cookies to improve your experience. Cookie settings

Menu

Rapidus starts a 2nm pilot line in Hokkaido

By Mariko Tanaka | Published April 1, 2025

Rapidus switched on the first tools of its 2nm pilot line in Chitose this week, a milestone for
Japan's effort to make leading-edge logic at home again.

The company plans to hand prototype wafers to early customers later in the year and to reach
volume production in 2027.

Related stories

Japan adds subsidies for chip plants

Sign up for our daily newsletter

© 2025 Fabline News. All rights reserved.
"""

SCRAPE_AUTHOR_BOX = """\
Skip to content

Micron lifts HBM forecast as AI servers soak up memory

Micron told investors that its high-bandwidth memory business is sold out for the coming year and
that pricing for the next twelve months is already settled.

“We expect HBM revenue to keep growing every quarter,” the company said in its statement.

Share this article

Comments (12)

About the author

Tomas Lindqvist

Tomas covers memory and storage. Send tips to tomas@example.com.

You're reading Wafer Weekly — independent news about the chip industry.
"""


@pytest.mark.parametrize(
    ("text", "title", "author", "published", "site", "first", "last", "absent"),
    [
        pytest.param(
            SCRAPE_WITH_BYLINE,
            "Rapidus starts a 2nm pilot line in Hokkaido",
            "Mariko Tanaka",
            dt.date(2025, 4, 1),
            "Fabline News",
            "Rapidus switched on",
            "volume production in 2027.",
            ("cookies", "Menu", "Related", "subsidies", "newsletter", "Published"),
            id="byline-date-cookie-related",
        ),
        pytest.param(
            SCRAPE_AUTHOR_BOX,
            "Micron lifts HBM forecast as AI servers soak up memory",
            "Tomas Lindqvist",
            None,
            "Wafer Weekly",
            "Micron told investors",
            "said in its statement.",
            ("Share", "Comments", "tips", "You're reading"),
            id="author-box-site-promo",
        ),
    ],
)
def test_scrapes(
    text: str,
    title: str,
    author: str | None,
    published: dt.date | None,
    site: str | None,
    first: str,
    last: str,
    absent: tuple[str, ...],
) -> None:
    article = extract_text(text, source="scrape.txt")
    assert article.title == title
    assert article.author == author
    assert article.published == published
    assert article.site_name == site
    assert article.paragraphs[0].startswith(first)
    assert article.paragraphs[-1].endswith(last)
    for chrome in absent:
        assert chrome not in article.text, chrome


def test_wrapped_lines_join_into_one_paragraph() -> None:
    article = extract_text(SCRAPE_WITH_BYLINE, source="s.txt")
    assert "make leading-edge logic at home again." in article.paragraphs[0]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Skip to main content\n\nMenu\n\nShare\n", id="only-chrome"),
        pytest.param("ok.\n\nfine.\n", id="no-headline"),
        pytest.param("A perfectly good headline here\n\nComments\n", id="headline-no-body"),
    ],
)
def test_no_article(text: str) -> None:
    with pytest.raises(ExtractionError, match=r"scrape\.txt"):
        extract_text(text, source="scrape.txt")


# --- the body stretch (REGION_WEIGHTS, GAP_CAP, KEEP_KINDS) --------------------------------------

PARA_1 = (
    "Rapidus switched on the first tools of its 2nm pilot line in Chitose this week, a milestone "
    "for Japan's effort to make leading-edge logic at home again."
)
PARA_2 = (
    "The company plans to hand prototype wafers to early customers later in the year and to "
    "reach volume production in 2027, helped by another round of state subsidies."
)
PARA_3 = (
    "Engineers from its partner in New York have spent two years in Hokkaido tuning the process, "
    "and the first test chips are expected before the summer holidays begin."
)
PARA_4 = (
    "Local officials say the plant has already brought hundreds of jobs to the town, and that "
    "housing for the engineers' families is the next thing they need to solve."
)
TOP = (
    "Menu\nChips\nMemory\nFoundry\n\n"
    "Rapidus starts a 2nm pilot line in Hokkaido\nBy Mariko Tanaka\n"
)


def _body(text: str) -> list[str]:
    return extract_text(text, source="scrape.txt").paragraphs


def test_body_bridges_an_ad_label_and_a_subhead() -> None:
    text = f"{TOP}\n{PARA_1}\n\nAdvertisement\n\nWhat comes next\n\n{PARA_2}\n"
    assert _body(text) == [PARA_1, "What comes next", PARA_2]


def test_body_bridges_a_product_box_inside_the_article() -> None:
    box = "\n".join(["Pros", "Fast", "Cheap", "Cons", "Loud", "Hot", "Price", "Check", "Retailer"])
    text = f"{TOP}\n{PARA_1}\n\n{PARA_2}\n\n{box}\n\n{PARA_3}\n\n{PARA_4}\n"
    body = _body(text)
    assert body[0] == PARA_1 and body[2] == PARA_3
    assert "Retailer" not in body  # the box's lines are a menu: bridged, not kept


def test_body_ends_at_a_trailing_section() -> None:
    teaser = "Japan adds subsidies for chip plants as the race for 2nm heats up in Asia."
    text = f"{TOP}\n{PARA_1}\n\n{PARA_2}\n\nRelated stories\n\n{teaser}\n\n{teaser.upper()}\n"
    assert _body(text) == [PARA_1, PARA_2]


def test_caption_before_a_credit_is_dropped() -> None:
    caption = "The clean room in Chitose, seen from the visitor gallery."
    text = f"{TOP}\n{PARA_1}\n\n{caption}\nPhoto: Fabline archive\n\n{PARA_2}\n"
    assert _body(text) == [PARA_1, PARA_2]


def test_keyword_lines_earn_little() -> None:
    """Prose with almost no function words (tag clouds, keyword lists) weighs less than prose."""
    from digest.ingest.lines import classify
    from digest.ingest.plaintext import line_weight

    keywords = classify(" ".join(["Rapidus", "Hokkaido", "2nm", "foundry", "subsidy"] * 6))[0]
    prose = classify(PARA_1)[0]
    assert keywords.kind is prose.kind
    assert line_weight(keywords) < line_weight(prose) / 2


def test_repeated_sentences_stand_in_when_nothing_else_reads_like_prose() -> None:
    blurb = "A collaborative approach brought new energy to the museum's yearly campaign"
    text = f"Work\nAgency\nBlog\n{blurb}\nMore\n{blurb}\nMore\n"
    article = extract_text(text, source="s.txt")
    assert set(article.paragraphs) == {blurb}
    assert article.low_confidence


def test_a_clear_article_is_not_low_confidence() -> None:
    article = extract_text(f"{TOP}\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n", source="s.txt")
    assert not article.low_confidence
    assert extract_text(f"{TOP}\n{PARA_1}\n", source="s.txt").low_confidence  # one paragraph


# --- byline and date near the headline (digest.ingest.scrapemeta) ---------------------------------


def _meta(under_headline: str, body: str = f"{PARA_1}\n\n{PARA_2}\n") -> tuple[str | None, object]:
    text = f"Menu\nChips\n\nRapidus starts a 2nm pilot line in Hokkaido\n{under_headline}\n\n{body}"
    article = extract_text(text, source="s.txt")
    return article.author, article.published


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        pytest.param("By Mariko Tanaka", "Mariko Tanaka", id="by"),
        pytest.param("By\nMariko Tanaka", "Mariko Tanaka", id="by-alone-on-its-line"),
        pytest.param("BY MARIKO TANAKA", "Mariko Tanaka", id="capitals"),
        pytest.param("By Mariko Tanaka, Senior Reporter", "Mariko Tanaka", id="role-cut"),
        pytest.param("By Mariko Tanaka and Tomas Lindqvist", "Mariko Tanaka, Tomas Lindqvist",
                     id="two-authors"),
        pytest.param("Mariko Tanaka • Fabline", "Mariko Tanaka", id="name-then-outlet"),
        pytest.param("Mariko Tanaka | Fabline News", "Mariko Tanaka", id="name-bar-outlet"),
        pytest.param("Mariko Tanaka@mtanaka", "Mariko Tanaka", id="name-then-handle"),
        pytest.param("Mariko Tanaka Senior Writer", "Mariko Tanaka", id="name-then-role"),
        pytest.param("Dec 2, 2025 / Mariko Tanaka", "Mariko Tanaka", id="date-then-name"),
        pytest.param("Pilot Line • Fabline", None, id="category-then-outlet-is-no-name"),
        pytest.param("By Mariko Tanaka MS, RDN", "Mariko Tanaka", id="credentials-cut"),
        pytest.param("By Mariko Tanaka, Trial Attorney at Fabline", "Mariko Tanaka",
                     id="role-phrase-after-a-comma"),
        pytest.param("By Mariko TanakaCity Hall", "Mariko Tanaka", id="next-link-glued"),
        pytest.param("BY MARIKO TANAKASTAFF WRITER", "Mariko Tanaka", id="role-glued-in-capitals"),
        pytest.param("By Mariko Tanaka3 min read", "Mariko Tanaka", id="count-glued"),
        pytest.param("BY MARIKO TANAKA AND TOMAS LINDQVIST", "Mariko Tanaka, Tomas Lindqvist",
                     id="two-authors-in-capitals"),
        pytest.param("Show Sidebar\nDecember 2, 2025", None, id="interface-link-is-no-name"),
        pytest.param("MARIKO TANAKA Fabline Daily", "Mariko Tanaka", id="capitals-then-outlet"),
        pytest.param("Mariko TanakaWriterDec 2, 2025", "Mariko Tanaka",
                     id="name-role-date-glued"),
        pytest.param("PILOT LINE Memory", None, id="capital-label-then-word-is-no-name"),
        pytest.param("Mariko Tanaka December 2, 2025", "Mariko Tanaka", id="name-space-date"),
        pytest.param("Mariko Tanaka Published: 2 December 2025", "Mariko Tanaka",
                     id="name-space-label-date"),
        pytest.param("Çelik Ørsted\nDecember 2, 2025", "Çelik Ørsted", id="accented-initials"),
        pytest.param("Written By Dec 2, 2025 · 3 min read", None, id="byline-label-is-no-name"),
        pytest.param("By Sponsored by Fabline", None, id="sponsor-is-no-name"),
        pytest.param("BY MARIKO TANAKAPUBLISHED: DEC 2, 2025", "Mariko Tanaka", id="glued-meta"),
        pytest.param("4 min · by Mariko Tanaka · Updated 2 Dec 2025", "Mariko Tanaka",
                     id="inside-a-meta-line"),
        pytest.param("Mariko Tanaka · Dec 2, 2025, 5:48 PM ET", "Mariko Tanaka", id="name-date"),
        pytest.param("Mariko Tanaka\nDecember 2, 2025", "Mariko Tanaka", id="bare-name-by-date"),
        pytest.param("Mariko Tanaka", "Mariko Tanaka", id="bare-name-under-headline"),
        pytest.param("Pilot Line", None, id="category-is-not-a-name"),
        pytest.param("May 18, 2025 By Mariko Tanaka In Foundry", "Mariko Tanaka",
                     id="by-inside-a-dateline"),
        pytest.param("Newer Article\nDecember 2, 2025", None, id="interface-words-are-no-name"),
    ],
)
def test_author_near_headline(lines: str, author: str | None) -> None:
    body = PARA_1.replace("first tools", "first tools of its pilot line") + "\n\n" + PARA_2 + "\n"
    assert _meta(lines, body)[0] == author


def test_byline_and_date_glued_to_the_headline_give_author_and_date() -> None:
    text = (
        "Menu\nChips\n\nRapidus starts a 2nm pilot line by Mariko Tanaka on May 2, 2025\n\n"
        f"{PARA_1}\n\n{PARA_2}\n"
    )
    article = extract_text(text, source="s.txt")
    assert article.title == "Rapidus starts a 2nm pilot line"
    assert article.author == "Mariko Tanaka"
    assert article.published == dt.date(2025, 5, 2)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        pytest.param("DEC 2, 202510:30 AM", dt.date(2025, 12, 2), id="year-glued-to-time"),
        pytest.param("Posted on June 29, 2025November 12, 2025", dt.date(2025, 6, 29),
                     id="two-dates-glued"),
        pytest.param("Mar 27, 20255 min read", dt.date(2025, 3, 27), id="year-glued-to-count"),
        pytest.param("Mar 27, 2025", dt.date(2025, 3, 27), id="plain"),
    ],
)
def test_scrape_date_sets_a_glued_year_apart(line: str, date: dt.date) -> None:
    assert scrape_date(line) == date
    assert _meta(f"By Mariko Tanaka\n{line}")[1] == date


def test_a_dateline_just_under_the_body_dates_it_when_none_stands_above() -> None:
    """The article is longer than the lines under the headline where a dateline is looked for;
    its date closes it instead."""
    paragraphs = [
        f"Paragraph {n} of the story says that the fab in Hokkaido will hire {n * 50} engineers "
        "from the region next year, a spokesperson for the company said on Tuesday."
        for n in range(1, 16)
    ]
    text = (
        "Menu\nChips\n\nRapidus starts a 2nm pilot line in Hokkaido\n\n"
        + "\n\n".join(paragraphs)
        + "\n\nShare this story\nPosted on May 2, 2025\n\nRelated stories\n"
    )
    assert extract_text(text, source="s.txt").published == dt.date(2025, 5, 2)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        pytest.param("Dec 2, 2025 · Mariko Tanaka in Foundry news and the wider trade",
                     dt.date(2025, 12, 2), id="date-first-then-items"),
        pytest.param("On behalf of Fabline Legal Desk | Dec 2, 2025 | Chips",
                     dt.date(2025, 12, 2), id="date-between-separators"),
        pytest.param("Published on December 2nd, 2025 for the foundry desk in Hokkaido",
                     dt.date(2025, 12, 2), id="published-on"),
        pytest.param("The company said on May 2, 2025 that it would build a second line there",
                     None, id="a-standfirst-mentioning-a-date"),
    ],
)
def test_a_meta_line_under_the_headline_dates_the_article(line: str, date: dt.date | None) -> None:
    assert _meta(line)[1] == date


def test_published_date_beats_updated() -> None:
    both = "By Mariko Tanaka\nUpdated December 9, 2025\nPublished December 2, 2025"
    assert _meta(both)[1] == dt.date(2025, 12, 2)
    assert _meta("By Mariko Tanaka\nUpdated December 9, 2025")[1] == dt.date(2025, 12, 9)


def test_byline_far_from_headline_is_still_found() -> None:
    body = f"{PARA_1}\n\nBy Mariko Tanaka\n\n{PARA_2}\n\n{PARA_3}\n"
    text = "Menu\nChips\n\nRapidus starts a 2nm pilot line in Hokkaido\n" + "\n".join(
        f"Teaser line number {i} about other chip news" for i in range(14)
    ) + f"\n\n{body}"
    assert extract_text(text, source="s.txt").author == "Mariko Tanaka"


def test_function_words_only_count_on_english_pages() -> None:
    """On a page in another language every prose line lacks English function words; they must
    not all be discounted (the menus would outweigh the article)."""  # our own German
    from digest.ingest.lines import classify
    from digest.ingest.plaintext import line_weight, reads_english

    german = classify(
        "Die Fabrik hat in dieser Woche die ersten Wafer produziert, sagte das Unternehmen, "
        "das im nächsten Jahr die Serienfertigung erreichen will.\n\n"
        "Die Ingenieure haben zwei Jahre lang den Prozess abgestimmt, bevor die Maschinen der "
        "neuen Linie eingeschaltet wurden, die hunderte Menschen beschäftigt.\n"
    )
    assert not reads_english(german)
    assert line_weight(german[0], english=False) > line_weight(german[0], english=True)
    assert reads_english(classify(PARA_1 + "\n\n" + PARA_2))


def test_author_box_name_must_not_be_body_words() -> None:
    body = f"{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n"
    head = "Menu\nChips\n\nRapidus starts a 2nm pilot line in Hokkaido\n\n"
    box = "\n\nAbout the author\n\nMariko Tanaka\nSenior Reporter, Fabline News\n"
    assert extract_text(head + body + box, source="s.txt").author == "Mariko Tanaka"
    teaser = "\n\nAbout the author\n\nPilot Line\nEditor picks, Fabline News\n"
    assert extract_text(head + body + teaser, source="s.txt").author is None


def test_far_byline_needs_a_full_name() -> None:
    """A "By ..." line far above the headline (a menu's facet) is no byline unless it names a
    person in full."""
    body = f"{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n"
    menu = "Browse\n{facet}\nChips\nMemory\nFoundry\nPolicy\nEvents\n\n"
    head = "Rapidus starts a 2nm pilot line in Hokkaido\n\n"
    text = menu.format(facet="By Role") + head + body
    assert extract_text(text, source="s.txt").author is None
    text = menu.format(facet="By Mariko Tanaka") + head + body
    assert extract_text(text, source="s.txt").author == "Mariko Tanaka"
