"""extract_html on small hand-written pages: what must survive, what must not, and the metadata.

Every page here is written for this file; the prose is ours (facts about public chip-industry
events, in our own words).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.cli import main
from digest.errors import ExtractionError
from digest.ingest.extraction import extract_html
from digest.ingest.metadata import clean_author
from digest.text.dates import parse_date

# Body paragraphs reused across pages: long enough to read as prose.
P1 = (
    "TSMC said on Thursday that its advanced packaging capacity, known as CoWoS, would roughly "
    "double again next year, because demand from accelerator makers still exceeds supply."
)
P2 = (
    "The company did not name customers, but analysts expect Nvidia and AMD to take most of the "
    "new capacity, with smaller designers waiting in line for the remainder."
)
P3 = (
    "Packaging, once the cheap last step of chipmaking, has become a bottleneck as designers "
    "stack memory next to logic dies to feed large AI models with enough bandwidth."
)
P4 = (
    "Executives added that a new plant in Chiayi should start volume production in the second "
    "half of the year, earlier than the schedule given last spring."
)


def page(body: str, head: str = "", *, lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


@dataclass(frozen=True)
class Case:
    id: str
    html: str
    survives: tuple[str, ...]
    absent: tuple[str, ...] = ()
    meta: dict[str, object] = field(default_factory=dict)


JSON_LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Fab Weekly"},
            {
                "@type": "NewsArticle",
                "headline": "TSMC to double advanced packaging capacity again",
                "datePublished": "2024-01-18T09:30:00+08:00",
                "author": [{"@type": "Person", "name": "Mei Lin"}],
                "publisher": {"@type": "Organization", "name": "Fab Weekly"},
                "articleBody": " ".join((P1, P2, P3, P4)),
            },
        ],
    }
)

WORDPRESS = page(
    """
    <div id="cookie-notice" class="cookie-banner"><p>We use cookies to improve your experience on
      this website. By continuing you accept all cookies and our privacy policy.</p></div>
    <header id="masthead" class="site-header"><nav class="main-navigation"><ul>
      <li><a href="/">Home</a></li><li><a href="/foundry">Foundry</a></li></ul></nav></header>
    <div id="content" class="site-content">
      <main id="main" class="site-main">
        <article class="post type-post hentry">
          <h1 class="entry-title">TSMC to double advanced packaging capacity again</h1>
          <div class="entry-meta"><span class="byline">By Mei Lin</span></div>
          <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
          <div class="entry-content">
            <p class="disclosure">FTC: We use income earning auto affiliate links. More.</p>
            <p>P1</p>
            <h2>Why packaging matters now</h2>
            <p>P2</p>
            <ul><li>CoWoS-S remains the workhorse for large accelerators today</li>
                <li>CoWoS-L adds local silicon bridges for bigger interposers</li></ul>
            <blockquote><p>We will keep expanding until supply and demand are in balance,
              an executive told investors on the call.</p></blockquote>
            <p>P3</p>
            <div class="newsletter-signup"><p>Sign up for our newsletter and get the week's
              chip news in your inbox every Friday morning.</p></div>
            <p>P4</p>
            <p><a href="/t/tsmc">TSMC</a>, <a href="/t/cowos">CoWoS</a>, <a href="/t/hbm">HBM</a>,
              <a href="/t/nvidia">Nvidia</a>, <a href="/t/amd">AMD</a></p>
          </div>
          <div class="author-bio"><p>Mei Lin covers semiconductors and supply chains for the
            site. Send tips to the address on our contact page.</p></div>
          <div class="jp-relatedposts"><h3>Related</h3><p><a href="/a">Intel opens Ohio fab
            ahead of schedule in a surprise announcement</a></p></div>
        </article>
        <div id="comments" class="comments-area"><ol class="comment-list"><li><p>Great
          article, I have been waiting for this news for a very long time now!</p></li></ol></div>
      </main>
      <aside id="secondary" class="widget-area"><section class="widget"><h2>Popular</h2>
        <p>Samsung's foundry arm reports another quarterly loss as customers hold back.</p>
      </section></aside>
    </div>
    <footer class="site-footer"><p>Copyright 2024 Fab Weekly. All rights reserved.</p></footer>
    """.replace("<p>P1</p>", f"<p>{P1}</p>")
    .replace("<p>P2</p>", f"<p>{P2}</p>")
    .replace("<p>P3</p>", f"<p>{P3}</p>")
    .replace("<p>P4</p>", f"<p>{P4}</p>"),
    head='<title>TSMC to double advanced packaging capacity again | Fab Weekly</title>'
    '<meta property="og:site_name" content="Fab Weekly">'
    '<meta property="article:published_time" content="2024-01-18T09:30:00+08:00">',
)

CASES = [
    Case(
        id="json-ld-article",
        html=page(
            f"<article><h1>TSMC to double advanced packaging capacity again</h1>"
            f"{paragraphs(P1, P2, P3, P4)}</article>",
            head=f'<script type="application/ld+json">{JSON_LD}</script>',
        ),
        survives=(P1, P4),
        absent=("@context", "NewsArticle", "TSMC to double advanced packaging capacity again"),
        meta={
            "title": "TSMC to double advanced packaging capacity again",
            "author": "Mei Lin",
            "published": dt.date(2024, 1, 18),
            "site_name": "Fab Weekly",
        },
    ),
    Case(
        id="wordpress-with-chrome",
        html=WORDPRESS,
        survives=(P1, P2, P3, P4, "Why packaging matters now", "CoWoS-L adds local silicon",
                  "We will keep expanding"),
        absent=("cookies", "Home", "Share on Facebook", "FTC:", "Sign up for our newsletter",
                "Mei Lin covers", "Intel opens Ohio", "Great article", "Samsung's foundry",
                "All rights reserved", "By Mei Lin", "CoWoS, HBM"),
        meta={
            "title": "TSMC to double advanced packaging capacity again",
            "author": "Mei Lin",
            "published": dt.date(2024, 1, 18),
            "site_name": "Fab Weekly",
        },
    ),
    Case(
        id="no-article-tag",
        html=page(
            '<div id="top"><a href="/">Logo</a> <a href="/news">News</a> <a href="/x">Markets</a>'
            '</div><div id="wrap"><div class="col-left"><div class="txt">'
            f"{paragraphs(P1, P2, P3)}</div></div>"
            '<div class="col-right"><ul><li><a href="/1">Arm sues Qualcomm over Nuvia licences</a>'
            '</li><li><a href="/2">ASML ships first high-NA EUV tool to Intel</a></li></ul></div>'
            "</div><div class='bottom'><a href='/about'>About us</a></div>"
        ),
        survives=(P1, P2, P3),
        absent=("Logo", "Arm sues Qualcomm", "ASML ships", "About us"),
    ),
    Case(
        id="visible-byline",
        html=page(
            '<div class="story"><h1>Packaging crunch</h1><p class="byline">By Jane Doe</p>'
            f"{paragraphs(P1, P2, P3)}</div>",
            head="<title>Packaging crunch - Chip Ledger</title>",
        ),
        survives=(P1, P3),
        absent=("By Jane Doe",),
        meta={"author": "Jane Doe", "title": "Packaging crunch"},
    ),
    Case(
        id="headline-repeated-at-top",
        html=page(
            f"<div class='content'><h1>Capacity doubles</h1><p>Capacity doubles</p>"
            f"{paragraphs(P1, P2)}</div>",
            head='<meta property="og:title" content="Capacity doubles">',
        ),
        survives=(P1, P2),
        absent=("Capacity doubles",),
        meta={"title": "Capacity doubles"},
    ),
    Case(
        id="table-and-headings-kept",
        html=page(
            f"<article>{paragraphs(P1, P2)}<h2>Capacity by year</h2>"
            "<table><tr><th>Year</th><th>Wafers per month</th></tr>"
            "<tr><td>2023</td><td>15,000</td></tr><tr><td>2024</td><td>33,000</td></tr></table>"
            f"{paragraphs(P3)}</article>"
        ),
        survives=(P1, P3, "Capacity by year", "Wafers per month", "33,000"),
    ),
    Case(
        id="broken-truncated-html",
        html=(
            "<html><head><title>Broken page</title><body><div class=content><p>"
            f"{P1}<p>{P2}<div><p>{P3}</span></b></div></div></div><p>{P4}<div class='x"
        ),
        survives=(P1, P2, P3, P4[:60]),
        meta={"title": "Broken page"},
    ),
    Case(
        id="unicode-non-english",
        html=page(
            "<article>"
            "<p>台積電表示，先進封裝產能明年將再度倍增，因為人工智慧加速器的需求仍然超過供給。</p>"
            "<p>Η Intel ανακοίνωσε ότι το νέο εργοστάσιο στο Οχάιο θα καθυστερήσει έως το 2030, "
            "λόγω της αργής ζήτησης.</p>"
            "<p>أعلنت شركة سامسونج أنها ستبدأ الإنتاج الضخم لرقائق الذاكرة الجديدة هذا العام.</p>"
            "<p>Ça coûte 20 000 € — selon l’entreprise, « la demande reste forte ».</p>"
            "</article>",
            lang="zh-TW",
        ),
        survives=("先進封裝產能明年將再度倍增", "το νέο εργοστάσιο στο Οχάιο",
                  "الإنتاج الضخم لرقائق", "« la demande reste forte »"),
        meta={"lang": "zh-TW"},
    ),
    Case(
        id="short-caption-kept-long-caption-dropped",
        html=page(
            f"<article>{paragraphs(P1)}"
            '<figure><img src="a.png"><figcaption>CoWoS interposer cross-section</figcaption>'
            f"</figure>{paragraphs(P2, P3)}"
            '<div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">Workers in '
            "clean-room suits walk past a row of lithography scanners at the packaging plant "
            f"in Chiayi on Tuesday.</p></div>{paragraphs(P4)}</article>"
        ),
        survives=(P1, "CoWoS interposer cross-section", P4),
        absent=("clean-room suits",),
    ),
    Case(
        id="intro-beside-wrapper-kept",
        html=page(
            '<div class="story"><div class="story-intro"><p><strong>Intel will delay its Ohio '
            "fab again, the company told suppliers this week, citing weaker demand.</strong>"
            '</p></div><div class="lead-image"><img src="c.jpg"><p>A long description of the '
            "construction site photographed from the air last autumn, with cranes.</p></div>"
            f'<div class="more"><h3>Details</h3><div class="more-content">{paragraphs(P1, P2)}'
            f"{paragraphs(P3, P4)}</div></div></div>"
        ),
        survives=("Intel will delay its Ohio fab again", P1, P4),
        absent=("construction site",),
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_extract_html(case: Case) -> None:
    article = extract_html(case.html, source="test.html")
    text = article.text
    for wanted in case.survives:
        assert wanted in text, f"missing {wanted!r}"
    for unwanted in case.absent:
        assert unwanted not in text, f"kept {unwanted!r}"
    for name, value in case.meta.items():
        assert getattr(article, name) == value, name


def test_paragraph_boundaries_kept() -> None:
    article = extract_html(WORDPRESS, source="wp.html")
    assert P1 in article.paragraphs
    assert "Why packaging matters now" in article.paragraphs
    assert "CoWoS-S remains the workhorse for large accelerators today" in article.paragraphs


NO_ARTICLE = [
    pytest.param(
        page('<nav><ul><li><a href="/">Home</a></li>'
             '<li><a href="/about">About</a></li></ul></nav>'),
        id="only-nav",
    ),
    pytest.param(page(""), id="empty-body"),
    pytest.param("", id="empty-string"),
    pytest.param(page("<script>var story = 'a long script string that is not text';</script>"),
                 id="only-script"),
    pytest.param(page('<footer><p>Copyright 2024 Example Media Group, all rights reserved. '
                      'Terms of use and privacy policy apply.</p></footer>'), id="only-footer"),
]


@pytest.mark.parametrize("html", NO_ARTICLE)
def test_no_article_raises(html: str) -> None:
    with pytest.raises(ExtractionError, match="no article text found") as info:
        extract_html(html, source="empty.html")
    assert info.value.source == "empty.html"


# A row of links above the article: page chrome that keeps the article below 90% of the text.
MENU = '<div class="top">' + " ".join(
    f'<a href="/s{i}">Section number {i}</a>' for i in range(12)
) + "</div>"
CARDS = "<ol>" + "".join(
    f'<li><article><h3><a href="/t{i}">Tool {i}</a></h3><p>Tool {i} is a layout checker for '
    f"chip designers, and it runs on Linux.</p></article></li>"
    for i in range(8)
) + "</ol>"

# Pages the strict pass finds nothing in; a looser pass of boilerplate.PASSES finds the article,
# returned low-confidence. (name, page, text that must be found)
FALLBACKS = [
    pytest.param(
        page(MENU + f'<div class="inline-and-sidebar-container"><div>{paragraphs(P1, P2, P3)}'
                    "</div></div>"),
        P1, id="wrapper-named-for-its-sidebar",
    ),
    pytest.param(
        page(MENU + f'<div hidden id="S:0"><div>{paragraphs(P1, P2, P3)}</div></div>'),
        P1, id="streamed-content-in-hidden-block",
    ),
    pytest.param(page(CARDS), "Tool 7 is a layout checker", id="cards-without-one-container"),
]


# An author box of prose (100-250 words: weak, but not nothing) that outscores an article whose
# paragraphs sit in wrappers too deep to share a container.
BIO = " ".join((
    "Mei Lin has covered the semiconductor industry for twelve years, first from Hsinchu and",
    "later from Tokyo, where she wrote about memory makers and their long price cycles.",
))
BIO_BOX = '<div class="box">' + paragraphs(*[BIO.replace("twelve", n) for n in (
    "twelve", "ten", "eight", "six", "five")]) + "</div>"
DEEP_ARTICLE = "".join("<div>" * 6 + f"<p>{p}</p>" + "</div>" * 6 for p in (
    P1, P2, P3, P4, P2.replace("The company", "The firm"), P3.replace("Packaging", "Assembly")))
TEASERS = "".join(
    f'<div class="t"><h3>Intel opens fab number {i}</h3><p>A short teaser line about fab {i} '
    "and its output.</p></div>"
    for i in range(12)
)
CONSENT = " ".join(
    ["When you visit our website, we store cookies on your browser to collect information, "
     "which is used to make the site work as you expect it to and to personalise it."] * 3
)


def test_donation_box_inside_article_dropped() -> None:
    appeal = ("Reporting like this takes time and money, and readers who can afford it keep it "
              "free for everyone else; please consider a monthly gift to the newsroom.")
    html = page(f'<article>{paragraphs(P1, P2, P3)}<div class="donate-box">'
                f"{paragraphs(appeal)}</div>{paragraphs(P4)}</article>")
    article = extract_html(html, source="donate.html")
    assert P4 in article.text
    assert appeal not in article.text


def test_whole_page_pass_replaces_a_box_when_it_adds_more_prose() -> None:
    article = extract_html(page(BIO_BOX + DEEP_ARTICLE), source="deep.html")
    assert P1 in article.text and P4 in article.text
    assert article.low_confidence


def test_whole_page_pass_does_not_add_teasers_to_a_short_article() -> None:
    article = extract_html(page(f"<article>{paragraphs(P1, P2, P3, P4)}</article>{TEASERS}"),
                           source="teasers.html")
    assert P4 in article.text
    assert "teaser line" not in article.text
    assert not article.low_confidence


def test_relaxed_pass_still_drops_a_consent_dialog() -> None:
    html = page(
        f'<div class="layout-with-sidebar"><div>{paragraphs(P1, P2)}</div></div>'
        f'<div class="consent-modal">{paragraphs(CONSENT, CONSENT, CONSENT)}</div>' + MENU
    )
    article = extract_html(html, source="consent.html")
    assert P1 in article.text
    assert "store cookies" not in article.text


# Boilerplate lines between paragraphs inside the article container: each is dropped, and the
# sentence after it (which looks alike but is text) survives.
BOILERPLATE_LINES = [
    pytest.param("Story continues below advertisement", id="continuation-line"),
    pytest.param("Advertisement - Scroll to Continue", id="ad-scroll-line"),
    pytest.param("Continue reading below", id="continue-reading"),
    pytest.param("Write to Mei Lin at mei.lin@example.com", id="write-to"),
    pytest.param("Mei Lin is a reporter for the site. Reach her at mei@example.com",
                 id="reporter-email-line"),
    pytest.param("This material may not be published, broadcast, rewritten or redistributed.",
                 id="reproduction-notice"),
    pytest.param("Reproduction without prior written permission is prohibited.",
                 id="reproduction-prohibited"),
    pytest.param("SEE ALSO: Intel delays its Ohio fab again", id="see-also"),
    pytest.param("Read more: Intel delays its Ohio fab again", id="read-more"),
    pytest.param("Also read | Intel delays its Ohio fab again", id="also-read"),
    pytest.param("Related: Intel delays its Ohio fab again", id="related-colon"),
    pytest.param("Click here to read the full interview", id="click-here-to-read"),
    pytest.param("People are also reading\u2026", id="also-reading"),
    pytest.param("Get local news delivered to your inbox!", id="delivered-to-inbox"),
    pytest.param("If you register through a link on our site we may be paid. By using this "
                 "site, you consent to our User Agreement and agree that your clicks and "
                 "interactions may be recorded by us and by our partners, as described in our "
                 "Privacy Policy, which explains the choices you have about the data collected "
                 "on this site.", id="long-legal-notice"),
    pytest.param("Mei Lin may be reached at mei@example.com and followed on social media.",
                 id="reached-at-email"),
    pytest.param("If you buy through a link on our site, we may receive compensation.",
                 id="affiliate-compensation"),
    pytest.param("Disclaimer: the views of guest writers are their own.", id="disclaimer"),
    pytest.param("Our journalism needs your support. Please subscribe today.",
                 id="support-appeal"),
    pytest.param("Contribute as little as $2 to keep our news free for all.",
                 id="contribution-appeal"),
    pytest.param("Photo: Jane Roe for the site", id="photo-colon-credit"),
    pytest.param("Courtesy of Fabwell Inc.", id="courtesy-credit"),
]
LOOKALIKE = ("The new process is more efficient: it uses less power, according to the company, "
             "and the ad campaign for it starts in May.")


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_line_inside_article_dropped(line: str) -> None:
    html = page(f"<article>{paragraphs(P1, line, LOOKALIKE, P2, P3)}</article>")
    article = extract_html(html, source="lines.html")
    assert line not in article.text
    assert LOOKALIKE in article.text and P3 in article.text


RELEASE_TAILS = [
    pytest.param(["About Fabwell Inc.", "Fabwell Inc. (NASDAQ: FBWL) designs power chips for "
                  "electric cars and has offices in Austin and Dresden."], id="about-company"),
    pytest.param(["Forward-Looking Statements", "This release contains statements about future "
                  "events that involve risks and uncertainties."], id="forward-looking"),
    pytest.param(["This press release contains forward-looking statements within the meaning of "
                  "the securities laws, including statements about demand."],
                 id="forward-looking-sentence"),
    pytest.param(["Media contact:", "Jane Roe, +1 512 555 0100"], id="media-contact"),
    pytest.param(["Issued by Fabwell Inc. on behalf of its board"], id="issued-by"),
    pytest.param(["###"], id="end-marker"),
]


@pytest.mark.parametrize("tail", RELEASE_TAILS)
def test_press_release_tail_dropped(tail: list[str]) -> None:
    html = page(f"<article>{paragraphs(P1, P2, P3, P4, *tail)}</article>")
    article = extract_html(html, source="release.html")
    assert P4 in article.text
    for line in tail:
        assert line not in article.text


def test_disclaimer_note_of_the_story_kept() -> None:
    note = "Disclaimer: patch sizes differ when you press update by hand on a phone."
    html = page(f"<article>{paragraphs(P1, P2, note, P3, P4)}</article>")
    assert note in extract_html(html, source="note.html").text


def test_about_heading_of_a_story_section_kept() -> None:
    # "About the ..." introducing a part of the story (a table here) is not company boilerplate.
    heading = "About the Ten Largest Chip Foundries"
    table = ("<table><tr><th>Company</th><th>Share</th></tr>"
             "<tr><td>TSMC</td><td>62%</td></tr></table>")
    html = page(f"<article>{paragraphs(P1, P2, P3, heading)}{table}{paragraphs(P4)}</article>")
    article = extract_html(html, source="about.html")
    assert heading in article.text and P4 in article.text


def test_release_heading_early_in_the_text_is_not_a_tail() -> None:
    html = page(f"<article>{paragraphs(P1, 'Media contacts', P2, P3, P4)}</article>")
    assert P4 in extract_html(html, source="early.html").text


def test_blocks_named_like_the_best_candidate_join_after_promotion() -> None:
    # The best block ("text-content") is promoted to its wrapper ("block-a"), whose siblings are
    # named otherwise; the other "text-content" blocks are still the article's.
    blocks = "".join(
        f'<div class="block-{name}"><div class="text-content">{paragraphs(*texts)}</div></div>'
        f'<div class="block-image"><img src="{name}.jpg"></div>'
        for name, texts in (("a", (P1, P2, P3)), ("b", (P4,)), ("c", (LOOKALIKE,)))
    )
    article = extract_html(page(f'<div class="col">{blocks}</div>' + MENU), source="blocks.html")
    assert P1 in article.text and P4 in article.text and LOOKALIKE in article.text


@pytest.mark.parametrize(("html", "wanted"), FALLBACKS)
def test_weak_page_falls_back_low_confidence(html: str, wanted: str) -> None:
    article = extract_html(html, source="weak.html")
    assert wanted in article.text
    assert article.low_confidence


def test_style_hidden_text_stays_out_of_every_pass() -> None:
    html = page(f'<article>{paragraphs(P1)}<div style="display: none">{paragraphs(P2)}</div>'
                "</article>")
    article = extract_html(html, source="hidden.html")
    assert P1 in article.text
    assert P2 not in article.text


def test_text_hidden_until_a_subscriber_logs_in_is_read_low_confidence() -> None:
    html = page(f"<article>{paragraphs(P1)}<div class='subscriber-only' style='display:none'>"
                f"{paragraphs(P2, P3, P4)}</div></article>")
    article = extract_html(html, source="paywall.html")
    assert P1 in article.text and P4 in article.text
    assert article.low_confidence


def test_text_left_outside_body_is_read() -> None:
    # A page closes </body></html> early and carries on: the parser leaves the rest outside.
    html = (f"<html><head><title>x</title></head><body>{MENU}</body></html>"
            f"<html><body><div class='x'>{paragraphs(P1, P2, P3)}</div></body></html>")
    article = extract_html(html, source="outside.html")
    assert P1 in article.text and P3 in article.text
    assert not article.low_confidence


def test_low_confidence_only_for_weak_articles() -> None:
    assert not extract_html(WORDPRESS, source="wp.html").low_confidence
    short = extract_html(page(f"<article>{paragraphs(P1)}</article>"), source="short.html")
    assert short.low_confidence  # one paragraph: fewer words than LOW_CONFIDENCE_WORDS


def test_add_warns_about_a_weak_article(tmp_path: Path) -> None:
    weak = tmp_path / "weak.html"
    weak.write_text(FALLBACKS[1].values[0], "utf-8")
    strong = tmp_path / "strong.html"
    strong.write_text(WORDPRESS, "utf-8")
    docs = tmp_path / "docs"
    result = CliRunner().invoke(
        main, ["add", "--docs", str(docs), "--no-cache", "--jobs", "1", str(weak), str(strong)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("added ") == 2
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "weak.html" in warnings[0]


SCRIPT_MARK = "EVIL_PAYLOAD_42"
HOSTILE = [
    pytest.param(
        page("<div>" * 5000 + paragraphs(P1, P2) + "</div>" * 5000), id="deep-nesting-5000"
    ),
    pytest.param(
        page(f'<div class="{"x" * 1_000_000}" data-blob="{"y" * 500_000}">'
             f"{paragraphs(P1, P2)}</div>"),
        id="huge-attributes",
    ),
    pytest.param(
        page(f"<article>{paragraphs(P1)}<script>document.write('{SCRIPT_MARK}')</script>"
             f"<style>p:after{{content:'{SCRIPT_MARK}'}}</style>"
             f"<noscript>{SCRIPT_MARK}</noscript>{paragraphs(P2)}</article>"),
        id="scripts-and-styles",
    ),
    pytest.param(
        page(f"<article>{paragraphs(P1, P2)}<SCRIPT type='text/javascript'>"
             f"var a = '</scr' + 'ipt>{SCRIPT_MARK}';</SCRIPT></article>"),
        id="script-split-close-tag",
    ),
    pytest.param(
        page(f"<article>{paragraphs(P1, P2)}<script>{SCRIPT_MARK} never closed"),
        id="unclosed-script",
    ),
    pytest.param(
        page(f"<article>{paragraphs(P1, P2)}</article>",
             head=f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": '
                  f'"{SCRIPT_MARK}", "author": {{"name": ' + "[" * 3000 + "]" * 3000 + "}}"
                  "</script>"),
        id="json-ld-garbage",
    ),
    pytest.param(
        page(f"<article>{paragraphs(P1, P2)}<svg><text>{SCRIPT_MARK}</text></svg>"
             f"<iframe src='x'>{SCRIPT_MARK}</iframe><!-- {SCRIPT_MARK} --></article>"),
        id="svg-iframe-comment",
    ),
]


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_markup(html: str) -> None:
    article = extract_html(html, source="hostile.html")
    assert P1 in article.text
    assert SCRIPT_MARK not in article.text
    assert "document.write" not in article.text


def test_deeply_nested_json_ld_author() -> None:
    nested = '{"name": ' * 900 + '"X"' + "}" * 900
    ld = f'{{"@type": "NewsArticle", "author": {nested}}}'
    head = f'<script type="application/ld+json">{ld}</script>'
    article = extract_html(page(paragraphs(P1, P2), head=head), source="deep-ld.html")
    assert P1 in article.text
    assert article.author is None


# Random markup built from tags the extractor treats specially, text and broken fragments.
MARKUP = st.lists(
    st.one_of(
        st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<article>", "<li>", "<ul>", "<br>",
                         "<script>", "</script>", "<table><tr><td>", "<a href='x'>", "</a>",
                         '<div class="share">', '<span hidden>', "<!--", "-->", "<h1>",
                         '<script type="application/ld+json">{"@type": "Article", "author": [',
                         "<![CDATA[", "]]>", "<", ">", "&amp;", "&#0;", "\x00"]),
        st.text(max_size=40),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(MARKUP)
def test_arbitrary_markup_never_crashes(html: str) -> None:
    try:
        article = extract_html(html, source="fuzz.html")
    except ExtractionError:
        return
    assert article.paragraphs
    assert all(p.strip() == p and p for p in article.paragraphs)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2024-01-18T09:30:00+08:00", dt.date(2024, 1, 18), id="iso"),
        pytest.param("20240118", dt.date(2024, 1, 18), id="compact"),
        pytest.param("March 5, 2024 at 6:01 am", dt.date(2024, 3, 5), id="month-day-year"),
        pytest.param("5th Sept. 2023", dt.date(2023, 9, 5), id="day-month-year"),
        pytest.param("Posted Dec. 12, 2006 by staff", dt.date(2006, 12, 12), id="in-a-line"),
        pytest.param("2024-02-30", None, id="impossible-date"),
        pytest.param("yesterday", None, id="no-date"),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("By Jane Doe", "Jane Doe", id="by-prefix"),
        pytest.param("  by:  JANE   DOE ", "JANE DOE", id="spaces-and-colon"),
        pytest.param("Jane Doe | March 5, 2024", "Jane Doe", id="trailing-date"),
        pytest.param("Jane Doe (https://example.org/jane)", "Jane Doe", id="url-in-parens"),
        pytest.param("https://facebook.com/janedoe", None, id="url-only"),
        pytest.param("@janedoe", None, id="handle"),
        pytest.param("x" * 200, None, id="too-long"),
    ],
)
def test_clean_author(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected
