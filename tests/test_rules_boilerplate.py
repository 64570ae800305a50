"""Boilerplate rules of the HTML extractor (digest/ingest/boilerplate.py), one small test each:
every class-hint group, the link-density rules, every text-pattern group and the trailing
sections of a press release. Each test holds a control: the same page with the rule's trigger
made neutral keeps the text, so a test fails when its rule is removed.

The pages are our own writing: five paragraphs of an invented story with one box or line put
between them."""

from __future__ import annotations

import re

import pytest

from digest.ingest import boilerplate as bp
from digest.ingest.extraction import extract_html

PROSE = [
    "The foundry said on Tuesday that its second plant in the valley would start production in "
    "the spring, a year later than first planned.",
    "Executives blamed the delay on a shortage of lithography tools, which are made by a handful "
    "of suppliers and take months to install and qualify.",
    "The plant will make chips for cars and industrial machines rather than the leading-edge "
    "processors that power data centers and phones.",
    "Local officials welcomed the news, saying the project would bring about two thousand jobs "
    "to a region that lost its textile mills decades ago.",
    "Analysts said the company was likely to keep spending heavily on new capacity even as "
    "demand for some older chips has started to cool.",
]
# A box of prose that would pass for article text if its class did not say otherwise.
BOX = ("Dana Whitfield has covered memory chips and packaging for eleven years, and before that "
       "she wrote about batteries for a trade weekly in Osaka.")
NEUTRAL_CLASS = "panel"


def page(inserted: str, *, at: int = 3) -> str:
    """The story with `inserted` (HTML) placed before paragraph `at` inside the article body."""
    paragraphs = [f"<p>{p}</p>" for p in PROSE]
    paragraphs.insert(at, inserted)
    return ("<html><head><title>Foundry delays second plant</title></head><body><article>"
            "<h1>Foundry delays second plant</h1><div class='story-body'>"
            + "".join(paragraphs) + "</div></article></body></html>")


def text_of(html: str) -> str:
    return extract_html(html, source="rule-test").text


def box(cls: str, content: str = BOX, tag: str = "div") -> str:
    return f"<{tag} class='{cls}'><p>{content}</p></{tag}>"


def test_control_a_neutral_box_is_kept() -> None:
    text = text_of(page(box(NEUTRAL_CLASS)))
    assert BOX in text and all(p in text for p in PROSE)


# --- class/id hints: one class per group of NEGATIVE_HINTS ----------------------------------

HINT_GROUPS = [
    pytest.param("site-header", id="navigation-and-structure"),
    pytest.param("breadcrumbs", id="breadcrumbs"),
    pytest.param("ad-slot", id="advertising"),
    pytest.param("sponsored", id="sponsorship"),
    pytest.param("share-tools", id="share-bar"),
    pytest.param("social", id="social-links"),
    pytest.param("follow-us", id="follow"),
    pytest.param("disclosure", id="disclosure"),
    pytest.param("affiliate", id="affiliate"),
    pytest.param("author-bio", id="author-bio"),
    pytest.param("about-author", id="about-author"),
    pytest.param("contributor-bio", id="contributor-bio"),
    pytest.param("related-posts", id="related"),
    pytest.param("recommended", id="recommended"),
    pytest.param("most-read", id="most-read"),
    pytest.param("donate", id="donation"),
    pytest.param("support-us", id="support-appeal"),
    pytest.param("newsletter-signup", id="newsletter"),
    pytest.param("paywall", id="paywall"),
    pytest.param("comments", id="comments"),
    pytest.param("cookie-banner", id="cookies"),
    pytest.param("consent", id="consent"),
    pytest.param("gallery", id="gallery"),
    pytest.param("carousel", id="carousel"),
    pytest.param("post-tags", id="tags"),
    pytest.param("entry-meta", id="meta-row"),
    pytest.param("sidebar", id="sidebar"),
    pytest.param("right-rail", id="right-rail"),
    pytest.param("sr-only", id="screen-reader-only"),
]


@pytest.mark.parametrize("cls", HINT_GROUPS)
def test_box_with_a_boilerplate_class_is_dropped(cls: str) -> None:
    text = text_of(page(box(cls)))
    assert BOX not in text
    assert all(p in text for p in PROSE)


@pytest.mark.parametrize("cls", HINT_GROUPS)
def test_boilerplate_hint_also_read_from_the_id(cls: str) -> None:
    html = page(f"<div id='{cls}'><p>{BOX}</p></div>")
    assert BOX not in text_of(html)


def test_hints_match_whole_words_only() -> None:
    # "shared" is not "share", "address" is not "ad", "adverbs" is not "advert"
    for cls in ("shared-resources", "address-block", "adverbs"):
        assert BOX in text_of(page(box(cls))), cls


def test_state_prefixed_class_is_not_a_hint() -> None:
    """'has-sidebar' says the wrapper has a sidebar, not that it is one."""
    assert BOX in text_of(page(box("has-sidebar")))


def test_slug_like_class_is_not_a_hint() -> None:
    """A class with SLUG_HYPHENS hyphens is a heading's slug, not a role."""
    assert BOX in text_of(page(box("sharing-with-a-single-developer")))


@pytest.mark.parametrize("cls", ["rail", "widget", "teaser", "hidden", "d-none"])
def test_exact_names_are_chrome_alone(cls: str) -> None:
    assert BOX not in text_of(page(box(cls)))
    assert BOX in text_of(page(box(f"pg-{cls}-tall")))


@pytest.mark.parametrize("tag", ["aside", "footer", "form"])
def test_chrome_tags_inside_the_article_are_dropped(tag: str) -> None:
    assert BOX not in text_of(page(box(NEUTRAL_CLASS, tag=tag)))


@pytest.mark.parametrize("role", ["complementary", "navigation", "dialog"])
def test_chrome_roles_are_dropped(role: str) -> None:
    html = page(f"<div role='{role}'><p>{BOX}</p></div>")
    assert BOX not in text_of(html)
    assert BOX in text_of(page(f"<div role='region'><p>{BOX}</p></div>"))


def test_hidden_blocks_are_dropped() -> None:
    assert BOX not in text_of(page(f"<div style='display:none'><p>{BOX}</p></div>"))
    assert BOX not in text_of(page(f"<div hidden><p>{BOX}</p></div>"))


# --- link density ------------------------------------------------------------------------------


def _linked(words: str, plain: str) -> str:
    return f"<div class='{NEUTRAL_CLASS}'><p><a href='/a'>{words}</a> {plain}</p></div>"


def test_block_mostly_links_is_dropped() -> None:
    """MAX_CONTAINER_LINK_DENSITY: a block whose text is over half link text (and has few
    commas) goes, though it is not a list and not all links."""
    links = "Chip shortage eases for carmakers as new fabs open their doors"
    html = _linked(links, "and more stories from our desk.")  # about 2/3 link text
    assert links not in text_of(page(html))


def test_block_with_a_minority_of_links_is_kept() -> None:
    links = "new fabs open"
    html = _linked(links, "Carmakers said the shortage of chips had eased this year as the "
                          "industry added capacity.")
    assert links in text_of(page(html))


def test_list_of_headlines_is_dropped_and_list_of_prose_kept() -> None:
    headlines = "".join(f"<li><a href='/{i}'>Headline of another story number {i}</a></li>"
                        for i in range(4))
    assert "another story number 2" not in text_of(page(f"<ul>{headlines}</ul>"))
    prose = "".join(f"<li>Point {i} of the plan covers training for {i} hundred technicians "
                    f"at the <a href='/s'>site</a>.</li>" for i in range(4))
    assert "training for 2 hundred technicians" in text_of(page(f"<ul>{prose}</ul>"))


def test_list_of_links_nested_in_a_list_item_is_kept() -> None:
    """A sub-list of links under a prose item ("In progress:") goes with that item; the same
    links as a list of their own are a box of other stories."""
    links = "".join(f"<li><a href='/b/{i}'>Fix number {i} for the wafer scheduler</a></li>"
                    for i in range(4))
    nested = (f"<ul><li>The tooling team landed two patches this week and started on the "
              f"scheduler.</li><li>In progress:<ul>{links}</ul></li></ul>")
    assert "Fix number 2 for the wafer scheduler" in text_of(page(nested))
    assert "Fix number 2 for the wafer scheduler" not in text_of(page(f"<ul>{links}</ul>"))


def test_linked_names_in_table_cells_are_kept() -> None:
    """A block of one link inside a table cell is the table's data (a product linked to its
    page), not a box of links: the cell's blocks are not judged one by one."""
    rows = "".join(f"<tr><td><div><a href='/p/{i}'>Wafer tester model {i}</a></div></td>"
                   f"<td><div>{10 + i} units shipped to the valley plant last quarter</div>"
                   "</td></tr>" for i in range(4))
    text = text_of(page(f"<table>{rows}</table>"))
    assert "Wafer tester model 2" in text and "12 units shipped" in text


# --- text patterns: one line per group of BOILERPLATE_TEXT ---------------------------------

TEXT_GROUPS = [
    pytest.param("Advertisement", id="ad-label"),
    pytest.param("Share this:", id="share-label"),
    pytest.param("Click to share on Mastodon", id="click-to-share"),
    pytest.param("Follow us on Bluesky for more updates", id="follow-us"),
    pytest.param("Contact Dana Whitfield at dana@example.com", id="contact-line"),
    pytest.param("Reporting by Dana Whitfield; editing by Sam Roe", id="wire-credit"),
    pytest.param("Subscribe now for unlimited access to all our stories", id="paywall-prompt"),
    pytest.param("Want more chip news? Sign up for The Chip Brief newsletter", id="newsletter-1"),
    pytest.param("The Chip Brief newsletter lands every Friday, sign up here", id="newsletter-2"),
    pytest.param("Have a tip? Send it our way", id="tip"),
    pytest.param("FTC: We use income earning affiliate links", id="ftc"),
    pytest.param("We may earn a commission when you buy through links", id="commission"),
    pytest.param("Disclaimer: the views expressed are the author's own", id="disclaimer"),
    pytest.param("Our journalism needs your support to continue", id="support-appeal"),
    pytest.param("Read more: Fabs race to hire technicians", id="read-more"),
    pytest.param("Related stories", id="related-heading"),
    pytest.param("Most read this week", id="most-read"),
    pytest.param("People are also reading", id="also-reading"),
    pytest.param("Get the best stories delivered to your inbox", id="inbox"),
    pytest.param("You might also like", id="also-like"),
    pytest.param("Filed under:", id="tag-label"),
    pytest.param("This site uses cookies to improve your experience", id="cookie-notice"),
    pytest.param("Accept all cookies", id="accept-cookies"),
    pytest.param("Turn on notifications", id="notifications"),
    pytest.param("Leave a comment", id="comment-prompt"),
    pytest.param("Photo credit: Dana Whitfield", id="photo-credit"),
    pytest.param("Courtesy of the company", id="courtesy"),
    pytest.param("Updated 5 minutes ago", id="timestamp"),
    pytest.param("Skip to main content", id="skip-link"),
    pytest.param("All rights reserved.", id="rights"),
    pytest.param("Loading...", id="loading"),
    pytest.param("4 min read", id="reading-time"),
    pytest.param("Listen to this article", id="listen"),
    pytest.param("Spotted an error? Tell us", id="corrections"),
    pytest.param("Story continues below advertisement", id="continues-below"),
    pytest.param("Write to Dana Whitfield at the newsroom desk", id="write-to"),
    pytest.param("This material may not be published, broadcast or rewritten.", id="reproduction"),
    pytest.param("SEE ALSO: Fabs race to hire technicians", id="see-also"),
    pytest.param("Click here to read the full report", id="click-here"),
    pytest.param("Follow the chip desk on Instagram and Threads", id="follow-on-network"),
    pytest.param("Get The Wafer Brief delivered every Thursday.", id="newsletter-schedule"),
    pytest.param("Create your free account or log in", id="account-prompt"),
    pytest.param("Thanks for reading The Wafer Brief.", id="sign-off"),
    pytest.param("Be the first to know", id="first-to-know"),
    pytest.param("You can find this story in My Bookmarks.", id="bookmarks"),
    pytest.param("Last Updated: May 2, 2025 at 3:26 p.m. ET First Published: May 2, 2025 at "
                 "3:19 p.m. ET", id="two-stamps"),
    pytest.param("Fri, May 2, 2025, 9:42 PM \u00b7 3 min read", id="date-and-reading-time"),
    pytest.param("Your subscription has been confirmed. Keep an eye on your inbox!",
                 id="subscription-confirmed"),
    pytest.param("This content can also be viewed on the site it originates from.",
                 id="embed-placeholder"),
    pytest.param("This story was originally published May 2, 2025, 11:09 AM.",
                 id="first-published-note"),
    pytest.param("This story is from the May/June issue. Get the magazine", id="issue-note"),
    pytest.param("For the full list of fabs under construction, click here.", id="click-here-for"),
    pytest.param("Read it at Wafer Wire", id="read-it-at"),
    pytest.param("Journal information: Journal of Chip Studies", id="journal-information"),
    pytest.param("\u00a9 Wafer Weekly. Not to be reproduced without permission",
                 id="not-to-be-reproduced"),
    pytest.param("We may earn revenue from the products on this page.", id="affiliate-revenue"),
]
CONTROL_LINE = "The plant opens in May."


def test_control_a_short_plain_line_is_kept() -> None:
    assert CONTROL_LINE in text_of(page(f"<p>{CONTROL_LINE}</p>"))


@pytest.mark.parametrize("line", TEXT_GROUPS)
def test_boilerplate_line_is_dropped(line: str) -> None:
    text = text_of(page(f"<p>{line}</p>"))
    assert line not in text
    assert all(p in text for p in PROSE)


def test_text_patterns_match_whole_short_paragraphs_only() -> None:
    """A pattern must match the whole paragraph: prose that mentions a newsletter or shares
    stays, and so does any paragraph over BOILERPLATE_TEXT_MAX_CHARS."""
    mention = ("The company said it would share the cost of the new plant with the state, which "
               "had offered tax credits.")
    assert mention in text_of(page(f"<p>{mention}</p>"))
    long_line = "Advertisement " + "x" * 200
    assert long_line in text_of(page(f"<p>{long_line}</p>"))


@pytest.mark.parametrize("line", [
    pytest.param("This article was originally published by Wafer Wire. Read the original.",
                 id="credit-to-a-source"),
    pytest.param("Section 2 - Click Here", id="index-row-of-links"),
    pytest.param("\u00a9 Provided by Wafer Wire", id="copyright-sign-without-a-year"),
])
def test_lookalikes_of_notes_and_pointers_are_kept(line: str) -> None:
    assert line in text_of(page(f"<p>{line}</p>"))


def test_a_story_note_headed_disclaimer_is_kept() -> None:
    line = "Disclaimer: the reporter toured the plant at the company's invitation."
    assert line in text_of(page(f"<p>{line}</p>"))


def test_legal_notice_is_dropped() -> None:
    line = ("By using this website, you agree to our terms of use and to the use of cookies as "
            "described in the policy.")
    assert line not in text_of(page(f"<p>{line}</p>"))


# Longer notices: each over BOILERPLATE_TEXT_MAX_CHARS, so only LEGAL_NOTICES can drop them.
LONG_NOTICES = [
    pytest.param("Note from the publisher: all rights reserved for the writing on this page; the "
                 "pictures belong to the agencies and photographers named beside them, and an "
                 "owner who objects to their use may write to the desk to have them removed.",
                 id="rights"),
    pytest.param("This document is subject to copyright. Apart from fair use for private study or "
                 "research, no part of it may be copied without written permission from the "
                 "publisher, and the text is offered for information only, not as advice.",
                 id="copyright-document"),
    pytest.param("Disclaimer: the opinions in this column are the writer's own and not the "
                 "publisher's, which accepts no liability for decisions readers make after "
                 "reading it and does not endorse any product or company that it names.",
                 id="disclaimer"),
    pytest.param("The answers in this column are for informational purposes only and are no "
                 "substitute for a doctor, who can examine you and take your history; if you "
                 "need help urgently, call your local emergency number or visit a clinic.",
                 id="informational-purposes"),
    pytest.param("Our market coverage does not constitute financial advice; the figures quoted "
                 "come from company filings and analysts' notes, and readers should consult a "
                 "licensed adviser before they buy or sell any security mentioned here.",
                 id="not-advice"),
    pytest.param("We test every gadget we write about ourselves. When you buy something through "
                 "the links in our reviews, we may earn an affiliate fee from the retailer, which "
                 "never changes the price you pay or the verdict of the review.",
                 id="affiliate-fee"),
    pytest.param("Keeping this newsroom going costs money, and we do not put our reporting "
                 "behind a paywall. Help keep news free for everyone by giving us as little as "
                 "a dollar; every contribution, large or small, pays for the next story.",
                 id="support-appeal"),
    pytest.param("Citation: Foundry delays its second plant (2025, May 2) retrieved 3 May 2025 "
                 "from https://news.example.org/2025-05-foundry-delays-second-plant.html and "
                 "reproduced here with the permission of the publisher.", id="citation"),
    pytest.param("A version of this article appears in print on May 3, 2025, Section B, Page 4 "
                 "of the national edition with the headline: Foundry Delays Its Second Plant as "
                 "Tools Run Short. Order reprints of the paper here.", id="print-edition"),
    pytest.param("Comments on this piece are premoderated to keep the discussion on the topics "
                 "the article raises, so there may be a short delay before your comment appears "
                 "on the site; please be patient and do not post it twice.",
                 id="comment-moderation"),
]


@pytest.mark.parametrize("line", LONG_NOTICES)
def test_long_notice_is_dropped(line: str) -> None:
    assert len(line) > 200
    text = text_of(page(f"<p>{line}</p>", at=5))
    assert line not in text
    assert all(p in text for p in PROSE)


# --- an author's bio at the end ------------------------------------------------------------------

BIO = ("Dana Whitfield is a senior reporter covering memory chips and packaging for the desk in "
       "Osaka.")


def test_author_bio_at_the_end_is_dropped() -> None:
    text = text_of(page(f"<p>{BIO}</p>", at=5))
    assert BIO not in text and all(p in text for p in PROSE)


def test_author_bio_shaped_paragraph_inside_the_story_is_kept() -> None:
    """Only the last AUTHOR_BIO_TAIL paragraphs are looked at."""
    assert BIO in text_of(page(f"<p>{BIO}</p>", at=1))


def test_closing_paragraph_about_a_person_without_a_newsroom_job_is_kept() -> None:
    line = "Dana Whitfield is the author of a history of the transistor, out next spring."
    assert line in text_of(page(f"<p>{line}</p>", at=5))


# --- picture credits in captions --------------------------------------------------------------


def _figure(caption: str, cls: str = "") -> str:
    attr = f" class='{cls}'" if cls else ""
    return f"<figure><img src='wafer.jpg' alt=''><figcaption{attr}>{caption}</figcaption></figure>"


def test_credit_inside_a_short_caption_is_left_out() -> None:
    credit = "Dana Whitfield/Valley Images"
    text = text_of(page(_figure(f"Wafer map of the first run <span class='media-credit'>"
                                f"{credit}</span>")))
    assert "Wafer map of the first run" in text and credit not in text
    control = text_of(page(_figure(f"Wafer map of the first run <span class='note'>{credit}"
                                   "</span>")))
    assert credit in control


def test_credit_named_wrapper_of_a_caption_keeps_the_caption() -> None:
    html = page(_figure("<span class='lead-caption'>Wafer map of the first run</span>",
                        "lead-credit"))
    assert "Wafer map of the first run" in text_of(html)


def test_caption_named_a_credit_is_dropped() -> None:
    credit = "Dana Whitfield for the desk"
    assert credit not in text_of(page(_figure(credit, "photo-credit")))
    assert credit in text_of(page(_figure(credit, "note")))


# --- trailing sections of a press release -----------------------------------------------------


def test_forward_looking_statements_in_the_second_half_cut_to_the_end() -> None:
    tail = "<p>Forward-looking statements</p><p>This release says things about the future.</p>"
    text = text_of(page(tail, at=5))
    assert "about the future" not in text and PROSE[4] in text


def test_trailing_heading_in_the_first_half_is_kept() -> None:
    heading = "Media contacts: the press office answers questions about the plant"
    text = text_of(page(f"<p>{heading}</p>", at=1))
    assert heading in text and PROSE[4] in text


def test_about_the_company_starts_the_boilerplate_when_the_next_paragraph_names_it() -> None:
    about = ("<p>About Valley Foundry</p><p>Valley Foundry Inc. is a maker of chips for cars, "
             "with plants in three states.</p>")
    assert "plants in three states" not in text_of(page(about, at=5))
    section = ("<p>About the new plant</p><p>The site covers forty acres and will run two "
               "production lines at first.</p>")
    assert "forty acres" in text_of(page(section, at=5))


# --- the whole-paragraph matcher ---------------------------------------------------------------


def test_whole_paragraph_matcher_agrees_with_the_anchored_patterns() -> None:
    """WholeParagraph searches ".*X.*" patterns without anchors (for speed): on every sample line
    of this file it must say what the plain anchored alternation of each pattern says."""
    samples = [*(p.values[0] for p in TEXT_GROUPS), *(p.values[0] for p in LONG_NOTICES),
               *PROSE, BOX, CONTROL_LINE, "Advertisement " + "x" * 40]
    flags = re.IGNORECASE | re.DOTALL
    for patterns, edge in ((bp.BOILERPLATE_TEXT, r"\W*"), (bp.LEGAL_NOTICES, "")):
        for pattern in patterns:
            plain = re.compile(f"^{edge}(?:{pattern}){edge}$", flags)
            fast = bp.WholeParagraph((pattern,), edge=edge)
            for line in samples:
                assert fast.match(line) == bool(plain.match(line)), (pattern, line)
