"""Line kinds of a plain-text scrape (digest.ingest.lines): one named case per rule, each line our
own invented text, so that removing a rule makes its case fail."""

from __future__ import annotations

import pytest

from digest.ingest.lines import Kind, classify, count_words, is_date_line, split_lines


def kind_of(line: str) -> Kind:
    """The kind of a line standing alone (no repeats, no neighbours)."""
    lines = classify(line)
    assert len(lines) == 1, lines
    return lines[0].kind


CHROME = Kind.CHROME
END = Kind.END

# (id, line, kind): page controls, prompts and notices, one case per CHROME_PATTERNS rule.
CHROME_CASES = [
    ("skip-link", "Skip to the main navigation and all the other parts of the page", CHROME),
    ("in-page-link", "Jump to recipe", CHROME),
    ("table-of-contents", "Table of contents", CHROME),
    ("press-key", "Press Esc to close this dialog", CHROME),
    ("nav-toggle", "Toggle navigation", CHROME),
    ("nav-word", "Log in", CHROME),
    ("ad-label", "Advertisement", CHROME),
    ("ad-continuation", "Story continues below advertisement", CHROME),
    ("scroll-prompt", "Scroll down to keep reading the next part", CHROME),
    ("share-button-count", "Comments (12)", CHROME),
    ("share-this-thing", "Share full article", CHROME),
    ("cite-this", "Cite this page", CHROME),
    ("sharing-options", "All sharing options for this story", CHROME),
    ("stay-connected", "Stay connected with our team", CHROME),
    ("trust-blurb", "Why you can trust Fabline", CHROME),
    ("share-bar", "Tweet Flipboard Email", CHROME),
    ("read-full", "Read the full review", CHROME),
    ("enlarge-image", "Enlarge this image", CHROME),
    ("learn-more", "Learn more about Fabline.", CHROME),
    ("send-this-story", "Send this story to a friend who would like it", CHROME),
    ("listen-player", "Listen to this article", CHROME),
    ("read-time", "6 min read", CHROME),
    ("reading-time", "Reading time: about six minutes in all", CHROME),
    ("narrated", "Audio version narrated by a machine voice", CHROME),
    ("paywall-counter", "You have read 3 of your 5 free articles this month", CHROME),
    ("already-subscriber", "Already a subscriber? Sign in here", CHROME),
    ("subscribe-for", "Subscribe for unlimited access to the archive", CHROME),
    ("newsletter-delivered", "The chip briefing newsletter, delivered to your inbox daily", CHROME),
    ("newsletter-signup", "Get ahead: sign up to the foundry newsletters", CHROME),
    ("email-field", "Enter your email address", CHROME),
    ("account", "Create a free account to keep reading the story", CHROME),
    ("cookie-use", "This website uses cookies to make things work", CHROME),
    ("cookie-consent", "Cookies help us and our partners tailor ads to you", CHROME),
    ("cookie-allow", "To watch the clip, please allow marketing cookies", CHROME),
    ("script-required", "Scripts: JavaScript is required to see the wafer maps on this page.",
     CHROME),
    ("script-enable", "Please enable JavaScript to read the comments below.", CHROME),
    ("browser-outdated", "Your browser is out of date and some parts of the page may not work",
     CHROME),
    ("browser-old", "It looks like you are using Internet Explorer, which we no longer test",
     CHROME),
    ("consent-button", "Reject all", CHROME),
    ("dismiss", "Maybe later", CHROME),
    ("privacy-banner", "We value your privacy", CHROME),
    ("privacy-rights", "Your Oregon Privacy Rights", CHROME),
    ("notification-prompt", "We would like to show you notifications for breaking stories", CHROME),
    ("notification-icon", "notification icon", CHROME),
    ("comments-load", "Load 40 comments", CHROME),
    ("report-error", "Report an error in this story", CHROME),
    ("gallery-link", "View gallery", CHROME),
    ("gallery-counter", "Photo 3 of 12", CHROME),
    ("click-here", "Click here to see the wafer maps", CHROME),
    ("app-promo", "Download the app for faster reading", CHROME),
    ("back-to-top", "Back to top", CHROME),
    ("next-story", "Next article: Foundry prices rise again", CHROME),
    ("copyright", "© 2026 Fabline Media Group", CHROME),
    ("rights-reserved", "All rights reserved. Reproduction forbidden.", CHROME),
    ("footer-link", "Terms of use", CHROME),
    ("no-letters", "12 / 40", CHROME),
    ("player-clock", "0:00 / 4:12", CHROME),
]

# Headings and lines that open the trailing chrome (END_PATTERNS, END_LINE_PATTERNS).
END_CASES = [
    ("comments-heading", "42 Comments", END),
    ("join-discussion", "Join the discussion", END),
    ("comments-closed", "Comments are closed for this story.", END),
    ("leave-reply", "Leave a reply", END),
    ("about-name", "About Dana Whitcombe", END),
    ("author-heading", "Authors", END),
    ("related", "Related stories", END),
    ("for-you", "Recommended for you", END),
    ("may-like", "You might also like", END),
    ("read-next", "Read next", END),
    ("dont-miss", "Don't miss", END),
    ("tags", "Tags: HBM, packaging", END),
    ("filed-under", "Filed under memory", END),
    ("follow-us", "Follow us", END),
    ("avatar", "Avatar for Dana Whitcombe", END),
    ("disclosure", "Disclosure: links on this page may pay us a fee when you buy things.", END),
    ("affiliate-links", "This post contains affiliate links, so read it with that in mind.", END),
    ("may-earn", "When you buy through our links we may earn a commission at no cost to you.", END),
    ("independent", "Our editors independently select every product we write about here.", END),
    ("self-promo", "You're reading Fabline, the briefing on how chips are made and sold.", END),
    ("follow-on", "Follow Fabline on Bluesky, Threads and LinkedIn for more.", END),
    ("tips-line", "Send us your tips and corrections at any time of day or night.", END),
]

# Captions' credits (CREDIT_PATTERNS), bylines and datelines.
META_CASES = [
    ("credit-prefix", "Photo: Dana Whitcombe for Fabline", Kind.CREDIT),
    ("credit-agency-tail", "Engineers in the clean room (Getty Images)", Kind.CREDIT),
    ("credit-by", "Wafer maps, illustration by our graphics desk", Kind.CREDIT),
    ("credit-courtesy", "Courtesy of the Tainan science park office", Kind.CREDIT),
    ("credit-slash", "Dana Whitcombe / Fabline News", Kind.CREDIT),
    ("credit-inline-after-caption", "A test board in the Cheonan lab. Photograph: Dana Whitcombe",
     Kind.CREDIT),
    ("credit-inline-lower-case", "Wafers stacked at dawn in the fab image: d.w. archive",
     Kind.CREDIT),
    ("credit-inline-courtesy", "The first tool arrives on site. Courtesy of the Tainan office.",
     Kind.CREDIT),
    ("byline", "By Mariko Tanaka and Tomas Lindqvist", Kind.BYLINE),
    ("byline-role", "Reviewed by Dana Whitcombe", Kind.BYLINE),
    ("byline-long-with-bars", "By Mariko Tanaka | mariko@fabline.example | Fabline News staff "
     "writer covering memory, packaging and the equipment makers of Japan", Kind.BYLINE),
    ("byline-word-only", "By", Kind.BYLINE),
    ("date-full", "December 3, 2024", Kind.DATE),
    ("date-published", "Published 11:04 am", Kind.DATE),
    ("date-ago", "3 hours ago", Kind.DATE),
    ("date-weekday", "Thursday 1:30PM", Kind.DATE),
    ("date-month-day", "Dec 4 at 9:15", Kind.DATE),
    ("date-day-month", "4 December at 9:15", Kind.DATE),
    ("date-clock", "9:15 pm ET", Kind.DATE),
    ("date-numeric", "12/04/24 09:15 ET", Kind.DATE),
    ("date-iso-no-letters", "2024-12-04 09:15", Kind.DATE),
    ("reading-time-meta", "Fabline Team | 5 min read", Kind.DATE),
]

# Shapes: what is left when no vocabulary rule matched.
SHAPE_CASES = [
    ("prose", "Rapidus switched on the first tools of its pilot line this week, a milestone.",
     Kind.PROSE),
    ("long-without-stop", " ".join(["wafer"] * 26), Kind.PROSE),
    ("short", "Memory prices", Kind.SHORT),
    ("sentence", "Memory prices rose again.", Kind.SENTENCE),
    ("heading", "Why the second fab matters more than the first", Kind.HEADING),
    ("heading-with-images-colon", "Hardened Images: Security Validated by Outside Testers",
     Kind.HEADING),
    ("caption-in-parentheses-stays-text", "Wafers stacked in the fab at dawn (Image: ARCHIVE)",
     Kind.SENTENCE),
    ("inline-menu", "Chips  Licensing  Devices  Opinion", Kind.MENU),
    ("truncated-teaser", "Rapidus has switched on the first tools of its pilot line in Chitose, "
     "and the company now says that prototype wafers will reach its early customers before "
     "the end of the...", Kind.HEADING),
]

ALL_CASES = CHROME_CASES + END_CASES + META_CASES + SHAPE_CASES


@pytest.mark.parametrize(
    ("line", "kind"), [pytest.param(line, kind, id=name) for name, line, kind in ALL_CASES]
)
def test_line_kind(line: str, kind: Kind) -> None:
    assert kind_of(line) is kind


# Lines that look like a rule's target but are article text: the rules must not take them.
NOT_CHROME = [
    ("headline-starting-with-more", "More than 200 engineers move to the new fab"),
    ("headline-with-top", "Top 10 chipmakers by revenue in 2025"),
    ("sentence-with-date", "The company was founded on May 5, 2010, in a garage in Hsinchu."),
    ("subhead-about", "About the study design"),
    ("topic-subhead", "Topic 1: Artificial Intelligence"),
    ("copyright-in-prose", "Copyright law has not caught up with chip layouts, lawyers say."),
    ("sunrise", "Sunrise over the fab"),
    ("script-language-headline", "Why chip tools still ship JavaScript dashboards"),
    ("script-language-prose", "The team rewrote the JavaScript front end in a month, and the "
     "dashboards now load twice as fast on the fab floor."),
]


@pytest.mark.parametrize(("line",), [pytest.param(line, id=name) for name, line in NOT_CHROME])
def test_article_lines_stay_article(line: str) -> None:
    assert kind_of(line) in (Kind.PROSE, Kind.SENTENCE, Kind.HEADING, Kind.SHORT)


def test_repeated_short_lines_are_furniture() -> None:
    text = "Fabline Pro for teams\n\nA paragraph.\n\nFabline Pro for teams\n"
    kinds = [line.kind for line in classify(text)]
    assert kinds[0] is Kind.REPEATED and kinds[2] is Kind.REPEATED


def test_runs_of_short_lines_are_menus() -> None:
    menu = (
        "Chips\nMemory\nFoundry\nPolicy\n\n"
        "Rapidus switched on the first tools of its pilot line in Chitose this week."
    )
    kinds = [line.kind for line in classify(menu)]
    assert kinds[:4] == [Kind.MENU] * 4
    assert kinds[4] is Kind.PROSE
    # three short lines are not yet a menu
    assert classify("Chips\nMemory\nFoundry\n")[0].kind is Kind.SHORT


def test_hard_wrapped_text_is_unwrapped() -> None:
    text = (
        "Rapidus switched on the first tools of its 2nm pilot line in Chitose this week, a\n"
        "milestone for Japan's effort to make leading-edge logic at home again after decades.\n"
        "\n"
        "The company plans to hand prototype wafers to early customers later in the year and\n"
        "to reach volume production in 2027.\n"
    )
    lines = [line for _, line, _ in split_lines(text)]
    assert len(lines) == 2
    assert lines[0].endswith("after decades.")


def test_scrape_lines_are_not_unwrapped() -> None:
    long = "Rapidus switched on the first tools of its 2nm pilot line in Chitose this week. " * 3
    text = f"Short heading\n{long}\n{long}\n"
    assert len(split_lines(text)) == 3


def test_continuation_lines_join_the_line_above() -> None:
    text = '"HBM4 doubles the interface width," she said.\n— Dana Whitcombe, analyst\n'
    lines = split_lines(text)
    assert len(lines) == 1
    assert lines[0][1].endswith("— Dana Whitcombe, analyst")


CJK_SENTENCE = "半導体の新しい工場が熊本で稼働を始め、地元の雇用が大きく増えている。"


def test_cjk_lines_count_words_by_characters() -> None:
    words, stop = count_words(CJK_SENTENCE)
    assert words >= 10
    assert stop == 1.0  # not judged by English function words
    assert kind_of(CJK_SENTENCE) is Kind.PROSE


def test_date_lines_hold_few_other_words() -> None:
    assert is_date_line("Published: December 5, 2024 at 3:17 p.m. | Updated: December 6, 2024")
    assert not is_date_line("The fab opened on December 5, 2024 after four years of building")
