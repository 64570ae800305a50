"""Plain-text scrapes: the seed article and hand-written scrapes with page chrome."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.errors import ExtractionError
from digest.ingest.plaintext import extract_text

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
