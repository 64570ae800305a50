"""Boilerplate heuristics for HTML extraction, kept as ordered, commented data.

Nothing here runs: `digest.ingest.extraction` applies these constants. Each pattern says why
it is here.
Class/id patterns are matched against an element's class names and id, lower-cased, after
`digest.ingest.extraction` reduces BEM names to their element part and drops state classes
("has-sidebar"). Tokens match between "-"/"_"/space boundaries; NEGATIVE_EXACT needs the whole name.
Thresholds are named here so that each one can be measured with benchmarks/extract_eval.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- Raw-markup pre-strip ----------------------------------------------------------------------
# Elements whose content is never article text, removed from the markup with one regex pass
# before the tree is built (this is most of a modern page's bytes and most of the parse time).
# JSON-LD scripts are kept (the metadata reader needs them); every other script goes.
PRESTRIP_TAGS = (
    "script", "style", "noscript", "svg", "template", "iframe", "object", "math",  # never text
    "nav", "footer", "aside",  # page chrome; dropped from the tree anyway, cheaper here
    "select", "button",  # form controls
)

# --- Elements dropped from the tree ------------------------------------------------------------
# Tags that never hold editorial text, whatever their class says.
DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "svg", "template", "iframe", "object", "embed",
        "canvas", "video", "audio", "map", "math",
        "button", "input", "select", "option", "textarea", "label",  # form controls
        "nav",  # site navigation by definition
        "link", "meta", "head",
    }
)
# Tags that are page chrome unless they hold the article itself (checked by text share).
CHROME_TAGS = frozenset({"aside", "footer", "header", "form", "dialog", "menu"})
# ARIA roles of page chrome.
CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alertdialog", "alert", "tooltip"}
)

# --- Negative class/id hints: removed subtrees -------------------------------------------------
# Each group names a kind of boilerplate seen on news sites. Tokens are matched at word
# boundaries inside the class/id string ("-" and "_" count as boundaries).
NEGATIVE_HINTS = (
    # navigation and page structure outside the article
    "nav", "navbar", "navigation", "menu", "breadcrumbs?", "masthead", "site-?header",
    "site-?footer", "footer", "rodape", "skip-?link", "pagination", "pager", "toolbar", "topbar",
    # advertising and sponsorship
    "ad", "ads", "adv", "advert", "advertisement", "ad-?slot", "ad-?container", "ad-?unit",
    "dfp", "gpt", "sponsor(ed)?", "promo(tion)?s?", "taboola", "outbrain", "native-?ad",
    "commercial", "marketing",
    # share / follow / social bars
    "share", "sharing", "social", "socials", "share-?bar", "share-?tools", "sharedaddy",
    "addthis", "follow(-us)?", "print-?button",
    # affiliate and legal disclosures shown around the article
    "disclosure", "disclaimer", "affiliate",
    # author bio boxes (the byline itself is read by the metadata reader first)
    "author-?bio", "author-?box", "author-?info", "about-?author", "author-?card",
    "bio-?box", "contributor-?bio",
    # related / recommended / trending stories
    "related\\w*", "recommend(ed|ations)?", "more-?stories", "more-?from",
    "trending", "popular", "most-?read", "most-?popular", "also-?read", "you-?might",
    "further-?reading", "next-?article", "post-?navigation", "up-?next",
    # donation and membership appeals
    "donat(e|ions?)", "support-?us", "contribute",
    # newsletter, subscription and push-notification prompts
    "newsletter\\w*", "subscribe", "subscription", "signup", "sign-?up", "push-?notification",
    "onesignal", "paywall", "regwall", "inline-?cta", "cta",
    # comments
    "comments?", "comment-?list", "disqus", "respond", "replies", "discussion",
    # cookie / consent banners and modals
    "cookies?", "consent", "gdpr", "cmp", "modal", "popup", "overlay", "lightbox",
    # captions and media credits (the ScrapingHub references leave them out)
    "\\w*caption\\w*", "wp-caption-text", "credit", "image-?credit", "photo-?credit",
    # media galleries and carousels: captions of pictures, not the story
    "gallery", "slideshow", "carousel", "slider", "swiper",
    # tags, categories and meta rows
    "tags", "tag-?list", "post-?tags", "categories", "post-?meta", "entry-?meta", "byline",
    "dateline", "timestamp",
    # sidebars and misc chrome
    "sidebar", "side-?bar", "right-?rail", "left-?rail", "complementary", "sr-only",
    "visually-?hidden", "screen-?reader-?text", "print-?only", "offscreen",
)
# Hints no article wrapper is named for: dropped even by the looser passes (a cookie or consent
# dialog is long prose and would outvote a short article).
ALWAYS_CHROME_HINTS = ("cookies?", "consent", "gdpr", "modal", "popup", "comments?", "disqus",
                       "push-?notification", "onesignal")
# Blocks a page hides by their style until a subscriber logs in ("subscriber-only",
# "premium-content"): the looser passes keep them, since the saved page holds the article.
SUBSCRIBER_HINTS = ("subscribers?(-?only)?", "premium", "members?(-?only)?", "paywalled")
# Whole class names (or ids) that are chrome only when they stand alone: "rail" is a sidebar, but
# "pg-rail-tall" and "grid--with-rail" are layouts holding the article; likewise a bare "widget"
# is a sidebar box while "elementor-widget-container" wraps page-builder content. "hidden" and
# "d-none" are the CSS frameworks' classes for blocks not shown (the other variants of an appeal
# whose one variant a script reveals); "hidden-xs" and the like hide only on small screens.
NEGATIVE_EXACT = frozenset(
    {"rail", "widget", "widgets", "aside", "teaser", "teasers", "hidden", "d-none"}
)
# Class-name prefixes that describe a state or a script hook, not what the element is
# ("has-sidebar" on the article wrapper says nothing about the wrapper being a sidebar).
STATE_CLASS_PREFIXES = ("has-", "with-", "no-", "is-", "js-", "show-", "hide-")
# A class or id with this many hyphens is a slug of a heading ("sharing-with-a-single-developer"),
# not a name for the element's role.
SLUG_HYPHENS = 4
# Picture captions, recognised by class name (and <figcaption> by tag). Inside the chosen article
# a caption of at most CAPTION_MAX_WORDS words is kept as its own paragraph: a figure's label
# ("Block diagram of the device"). Longer ones are news-photo descriptions, which human-annotated
# bodies leave out (measured: keeping every caption cost ScrapingHub F1 0.009). Captions elsewhere
# (galleries, teasers) go with their container.
CAPTION_HINTS = ("\\w*caption\\w*", "wp-caption-text")
# The picture credit inside or beside a caption ("Jane Roe/Agency Images"), named by its class:
# never part of a caption's text, and a caption named so is only a credit.
CREDIT_HINTS = ("credits?", "(image|photo|media|picture)-?credits?", "copyright")
CAPTION_MAX_WORDS = 10
# Tokens that rescue an element matched by a negative hint: the article container itself often
# carries words like "post-body" next to e.g. "has-sidebar".
POSITIVE_HINTS = (
    "article", "article-?body", "articlebody", "article-?content", "story", "story-?body",
    "entry-?content", "post-?content", "post-?body", "post-?entry", "main-?content",
    "content-?body", "body-?text", "text", "blog-?post", "hentry", "content", "main",
    "page-?content", "prose", "rich-?text", "markdown",
    "embed",  # embedded posts quoted by the story ("social-media-embed" is not a share bar)
)
# Score bonus/penalty for candidate containers (Readability-style class weight).
CLASS_WEIGHT = 25

# Attribute values that mark an element as the article body.
ARTICLE_BODY_ITEMPROPS = frozenset({"articlebody", "text", "reviewbody", "description"})

# --- Scoring thresholds ------------------------------------------------------------------------
MIN_PARAGRAPH_CHARS = 25  # shorter blocks do not vote for their container
SCORE_LEVELS = 5  # how many ancestors receive a share of a paragraph's score
SIBLING_SCORE_RATIO = 0.2  # a sibling joins the top candidate at this share of its score
SIBLING_MIN_SCORE = 10.0  # ...and never below this score
SIBLING_PARAGRAPH_CHARS = 80  # a sibling paragraph this long with low link density joins too
SIBLING_MAX_LINK_DENSITY = 0.25
# Prose paragraphs beside the chosen element's wrappers join it (an intro before the block that
# holds the rest of the story), looking this many levels up, while the wrapper below holds at least
# this share of the level's text (higher up, the siblings are the page's other blocks).
INTRO_LEVELS = 2
INTRO_PARENT_SHARE = 0.6
# Elements elsewhere on the page with the top candidate's tag and class join at this share of its
# score (an article body split into several blocks under separate wrappers).
TWIN_SCORE_RATIO = 0.2
# An <article> nested in the chosen article and this small next to it is a teaser of another story.
NESTED_ARTICLE_MAX_SHARE = 0.3
# Blocks inside the chosen article that are mostly links (related stories, tag clouds) go...
MAX_CONTAINER_LINK_DENSITY = 0.5
# ...unless they have this many commas: prose that happens to cite many links.
PROSE_MIN_COMMAS = 10
# Lists are judged item by item: a list is a list of links (other stories' headlines) when this
# share of its items are nearly all link text; prose items that cite links survive.
LINK_LIST_MIN_ITEMS = 1
LINK_LIST_ITEM_SHARE = 0.75
MAX_LIST_ITEM_LINK_DENSITY = 0.8
# Whatever its commas, a block this much link text is a tag cloud or a list of headlines.
LINK_ONLY_DENSITY = 0.85
TAG_ROW_MIN_LINKS = 5  # a paragraph with this many links at that density is a tag row
# A chrome element (aside/header/footer/form) survives when it holds this share of the text.
CHROME_KEEP_SHARE = 0.5
# An element with a negative class/id hint survives only when it holds nearly all the text
# (a page wrapper whose class happens to say "has-sidebar" or "comments-open").
NEGATIVE_KEEP_SHARE = 0.9
# Runners-up within this share of the top score that share an ancestor pull the choice up to it
# (an article split into several sibling blocks, each scoring on its own).
RIVAL_SCORE_RATIO = 0.75
MIN_RIVALS = 3
# The chosen element is replaced by its parent while it holds this share of the parent's text.
PARENT_TEXT_SHARE = 1.0
# JSON-LD articleBody replaces the scored text when ours is this much shorter than it.
ARTICLE_BODY_FALLBACK_RATIO = 0.5
MIN_ARTICLE_WORDS = 3  # fewer words of body text than this means "no article"


# --- Passes: what to do when the text found is weak ---------------------------------------------
@dataclass(frozen=True, slots=True)
class Pass:
    """Settings of one extraction pass; later passes run only while the text found is weak."""

    name: str
    # True: subtrees with a negative class/id hint are dropped; False: only ALWAYS_CHROME ones
    # (subtrees with a chrome role are dropped by every pass)
    drop_hinted: bool
    drop_hidden: bool  # subtrees with a `hidden` or aria-hidden attribute are dropped
    # (subtrees hidden by their style, display:none or visibility:hidden, are dropped by every pass)
    whole_page: bool = False  # no container is chosen: every kept block of the page is emitted
    runs_below: int = 0  # the pass runs while the best text so far has fewer words than this


PASSES = (
    Pass("strict", drop_hinted=True, drop_hidden=True),
    # Class names are only hints: a layout wrapper named for what sits beside the article
    # ("content-with-sidebar", "body-ad-wrapper"), or a streamed page that parks its content in
    # a block with the `hidden` attribute until a script moves it ("<div hidden id=S:0>"), loses
    # the whole article to the strict pass. Scoring (negative hints still count against a
    # container) decides instead.
    Pass("relaxed", drop_hinted=False, drop_hidden=False, runs_below=250),
    # A page whose text sits in many small blocks none of which outscores the rest (a list of
    # cards, a page of short sections) has no one container: its text, less chrome, is the
    # article, and it is returned low-confidence.
    Pass("whole page", drop_hinted=True, drop_hidden=True, whole_page=True, runs_below=250),
)
FALLBACK_GAIN = 2.0  # a later pass's result replaces the text so far with this many times the words
# ...and holding this share of its paragraphs (a relaxed pass that extends the text found
# rather than picking another block: comments, a list of other stories), unless the text so far
# is shorter than WEAK_EVIDENCE_WORDS, too little to say where the article is.
FALLBACK_KEEP_SHARE = 0.5
WEAK_EVIDENCE_WORDS = 100
# ...or it adds more prose than the text so far holds: words in paragraphs this long that end
# a sentence.
PROSE_PARAGRAPH_WORDS = 25
# An article this short, or one that only a looser pass found, is returned low-confidence.
LOW_CONFIDENCE_WORDS = 60

# --- Text patterns of boilerplate paragraphs ---------------------------------------------------
# Matched against a whole (short) paragraph, case-insensitive; a match drops the paragraph.
BOILERPLATE_TEXT = (
    r"advertisement|advert|sponsored( content)?|ad|ads|advertising",  # ad slot labels
    r"(share|tweet|email|print)( (this|on)( \w+)?)?:?",  # share bar labels
    r"(click|tap) (here )?to (share|print|email|tweet)\b.*",
    r".*\bfollow (us|him|her|them|me)\b.{0,40}\b(on|at)\b.*",  # "Follow us on ...", contact lines
    # "Follow the desk on Instagram, Threads and YouTube": any account, named networks
    r".{0,20}\bfollow\b.{0,60}\bon (twitter|x|facebook|instagram|snapchat|threads|youtube|tiktok|"
    r"linkedin|bluesky|mastodon)\b.*",
    r"(email|contact|reach) [\w .'-]{2,40} (at|on) \S+@\S+.*",
    r"\(?(reporting|writing|editing|additional reporting) by .*",  # wire-service credits
    r"(subscribe|sign up|register)( now| today| here)?( to| for)?\b.{0,150}",  # paywall prompts
    r".*\b(sign up|subscrib\w*)\b.{0,80}\bnewsletters?\b.*",  # newsletter prompts, both orders
    r".*\bnewsletters?\b.{0,80}\b(sign up|subscrib\w*|inbox)\b.*",
    # a newsletter named by its schedule: "Get The Weekly Brief delivered every Thursday"
    r"get\b.{0,60}\b(delivered|sent)( to you| to your inbox)? (every|each) (day|week|morning|"
    r"evening|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*",
    # account and log-in prompts, sign-offs of a site ("Create your free account or log in",
    # "Thanks for reading The Daily", "Be the first to know")
    r"(create|register for) (a|an|your) (free )?account\b.{0,60}",
    r"thanks for reading\b.{0,60}",
    r"be the first to (know|hear|find out|rate|review|comment)\b.{0,60}",
    # bookmark and reading-list prompts ("You can find this story in My Bookmarks")
    r".*\b(in|to) (my|your) (bookmarks|saved (stories|articles|items)|reading list)\b.*",
    # a newsletter sign-up's confirmation ("Your subscription has been confirmed. Keep an eye on
    # your inbox!")
    r".*\b(your subscription (has been|is) confirmed|thanks for (signing up|subscribing)|"
    r"(check|keep an eye on) your inbox)\b.*",
    # a placeholder for an embedded post the saved page did not load
    r".*\bcontent (is|can (also )?be) (viewed|seen) on the (site|website|platform)\b.*",
    # notes on when the story ran first ("This story was originally published May 2, 2025",
    # "This story is from the May issue"; "...published by <outlet>" credits a source and stays)
    r"this (story|article|piece) (was|is) (originally|first) published (on )?"
    r"(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec).{0,60}",
    r"this (story|article|piece) (is from|appears in|appeared in) (the|our) .{0,40}\bissue\b.*",
    r"(have|got) a (news )?tip\b.*",  # "Have a tip? Reach the reporter at ..."
    r"ftc: .*affiliate.*",  # affiliate disclosures (9to5 sites and others)
    r"(read|see) (more|also|next)\b:?.{0,120}",
    r"related( (stories|articles|posts|coverage|content))?:?",
    r"(most|more) (read|popular|viewed|shared|watched)\b.{0,40}",  # headings of story lists
    r"(people|readers|others) (are )?(also )?(reading|read|viewed|liked)\b.{0,40}",
    r".*\b(delivered|sent|straight|direct|directly) to your inbox\b.*",
    r"(don'?t miss|(you )?(may|might) also like|recommended( for you)?|trending( now)?)\b.{0,40}",
    r"(tags|tagged|topics|categories|filed under)( with| in)?:?",  # labels of tag rows
    r"(this|our) (site|website) uses cookies.*",
    r".*\b(accept|allow) (all )?cookies\b.*",
    r"(turn on|enable|allow) (push )?notifications.*",
    r"(leave|post|add) a (comment|reply).*|\d+ comments?|comments?( \(\d+\))?",
    r"(image|photo|picture) (copyright|credit|source|courtesy)s?\b:?.{0,80}",  # credit lines
    # picture credits under a photo: "Photo: Jane Roe", "Courtesy of X". A bare "Jane Roe/Agency
    # Images" line is not matched by its text: Readability's references keep such caption lines,
    # the human-annotated ones drop them; a credit is left out by its class instead (CREDIT_HINTS).
    r"(photo|photograph|image|picture|illustration|graphic|video)s?( by)?\s*(:|by\b).{0,80}",
    r"(photo )?courtesy( of)?\b.{0,60}",
    r"(updated|published|posted|last updated)( at| on)?\b.{0,40}",  # timestamps between paragraphs
    # two or three stamps in one line: "Last Updated: May 2 at 3:26 p.m. First Published: ..."
    r"((last |first |originally )?(updated|published|posted|modified)( at| on)?\W{0,3}"
    r"[\w ,.:]{0,45}){2,3}",
    # a date line closed by a reading-time badge: "Thu, May 2, 2024, 9:42 PM · 2 min read"
    r".{0,60}\W\s*\d+ min(ute)?s? read",
    r"(skip|jump) to (main )?(content|navigation).*",
    r"copyright (©|\(c\)|\d{4}).*|© ?\d{4}.*",
    r"(loading|please wait)\.*",
    r"\d+ min(ute)?s?( read| listen)?",  # reading-time badges
    r"listen to (this|the) (article|story).*",
    r"(spotted|found|see) an? (error|mistake|typo)\b.*",  # corrections prompts
    # ad slots and continuation lines between paragraphs ("Story continues below advertisement")
    r"(the )?(story|article|text|content|post) continues (below|after|under)\b.{0,40}",
    r"continue reading (below|after|under)\b.{0,40}",
    r"(advertisement|ad)\W{0,3}(scroll|continue) (down )?to (continue|read)( reading)?.{0,20}",
    r"scroll (down )?to continue( reading)?",
    # reporter contact lines: "Write to Jane Doe at jane@example.com", a bio ending in an address
    r"write to .{2,80}\b(at|on)\b.{0,80}",
    r".{0,160}\b[\w.+-]+@[\w-]+(\.[\w-]+)+",
    r".{0,120}\b(reach|reached|contact|contacted|e-?mail|write|send|tips?)\b.{0,60}"
    r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b.*",
    # copyright and reproduction notices
    r".{0,80}\b((may|must|can)( not|not)?|not to) be (published|reproduced|broadcast|rewritten|"
    r"redistributed|republished)\b.*",
    r".{0,80}\b(reproduction|republication|redistribution|reuse)\b.{0,60}\b(prohibited|"
    r"forbidden|not (permitted|allowed)|without (prior |the )?(written )?permission)\b.*",
    # pointers to other stories in the middle of the body ("SEE ALSO: ...", "Also read: ...")
    r"(also read|read also|more|watch|listen|recommended reading|further reading)\s*[:|].{0,150}",
    r"(click|tap) here to (read|see|watch|learn)\b.{0,150}",
    # "For the full schedule, click here." (a row of "Part 2: Click here" links is the page's own
    # index and stays)
    r"for\b.{0,80}\b(click|tap) here",
    r"read (it|this|the (full )?(story|article|report)) (at|on) .{2,60}",  # "Read it at Agency"
    r"journal information\s*:.{0,120}",  # the journal a study ran in, under a science story
    r"read (the )?(full|original|complete) (story|article|report)\b.{0,150}",
    r"related( \w+)?\s*[:|].{0,150}",
)
BOILERPLATE_TEXT_MAX_CHARS = 200
# Legal notices, disclosures and appeals run longer than other boilerplate lines; matched up to
# LEGAL_NOTICE_MAX_CHARS (a paragraph of a story that happens to use these words is longer).
LEGAL_NOTICES = (
    # terms of use and cookies
    r".*\bby using this (site|website|service)\b.*",
    r".*\byou (consent|agree) to (our|the) (user agreement|terms|privacy policy|use of cookies)"
    r"\b.*",
    # copyright and rights notices ("This document is subject to copyright. Apart from any fair
    # dealing ... no part may be reproduced")
    r".*\ball rights reserved\b.*",
    r"this (document|article|material|content) (is|may be) (subject to|protected by) copyright.*",
    # site disclaimers printed under the story (about rights, views, advice), not a note of the
    # story's own that starts "Disclaimer:"
    r"disclaimer\s*:.*\b(rights?|views?|opinions?|affiliate|advice|endorse\w*|responsib\w*|"
    r"liab\w*|accura\w*)\b.*",
    # advice columns' and finance pages' disclaimers
    r".*\b(is|are) (provided )?for (general )?(informational|information|educational) purposes "
    r"only\b.*",
    r".*\b(does|do) not constitute (medical|legal|financial|investment|professional|tax) "
    r"advice\b.*",
    # affiliate disclosures ("we may earn an affiliate fee", "we receive a small commission")
    r".*\b(we|may) (earn|receive|get)\b.{0,30}\b(commission|compensation|affiliate|revenue)\b.*",
    # appeals for support or donations ("Our journalism needs your support", "Support our
    # newsroom", "a contribution of as little as $2", "help keep news free")
    r".*\b(support (our|independent|local|quality) (journalism|newsroom|reporting|work)|"
    r"journalism (needs|relies on|depends on) (your|reader) support|"
    r"(contribut\w*|giv\w*|donat\w*)( of| us)? as little as|keep (news|journalism) free)\b.*",
    # how to cite the page: "Citation: <headline> (2024, May 2) retrieved 3 May 2024 from <url>"
    r"citation\s*:.*\bretrieved\b.*\bfrom\b.*",
    # the print edition's note: "A version of this article appears in print on ..."
    r"a version of this (article|story|review|column) appear(s|ed) in print\b.*",
    # comment-section notices ("Comments on this piece are premoderated")
    r".*\bcomments? (on this (piece|article|story|post) (are|is)|are (pre-?)?moderated)\b.*",
)
LEGAL_NOTICE_MAX_CHARS = 600
# Trailing sections of a press release or a wire story: a paragraph matching one of these, in the
# second half of the article, starts boilerplate that runs to the end (company boilerplate,
# forward-looking statements, contacts). Matched against the whole paragraph, case-insensitive
# except where the pattern says (the company name after "About" is capitalised).
TRAILING_SECTIONS = (
    r"(forward[- ]looking statements?|safe harbou?r( statement)?|cautionary (note|statement)s?"
    r"( regarding forward[- ]looking statements?)?)\W*",
    r"(this|the) (press )?(release|announcement|document|communication) (contains|includes|"
    r"may contain)\b.{0,40}\bforward[- ]looking statements\b.*",
    r"(media|press|investor|analyst)( relations)? (contacts?|inquiries|enquiries)\b.{0,200}",
    r"(for (more|further) information|contacts?)\s*[:,].{0,200}",
    r"issued by\b.{0,120}",
    r"#{3}|-?\s*ends\s*-?",  # end-of-release markers
)
# An author's bio printed as the story's last paragraphs: "Jane Doe (she/her) is a senior editor
# at ...", "Jane Doe writes about chips". A paragraph among the last AUTHOR_BIO_TAIL that opens
# with a name and one of these verbs is a bio when it names a job in journalism (a story's own
# last paragraph about a person seldom does; a bio without one, "is the author of a book on
# kitchens", stays: the references that keep bios and those that drop them disagree).
AUTHOR_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})(?:\s*\([^)]{1,20}\))?\s+"
    r"(?:is|was|writes|covers|has (?:been|covered|written|worked)|joined)\b"
)
AUTHOR_BIO_ROLES = re.compile(
    r"\b(editors?|writers?|reporters?|columnists?|correspondents?|journalists?|producers?|"
    r"contributors?|critics?|freelancers?|specialists?|writes about|covers)\b",
    re.IGNORECASE,
)
AUTHOR_BIO_TAIL = 2
AUTHOR_BIO_MAX_CHARS = 500
# "About Acme Corp." starts the company boilerplate of a press release when the paragraph after
# it names the company ("Acme Corp. (NASDAQ: ACME) is a leading..."); "About the top ten
# makers" followed by a table is a section of the story.
ABOUT_HEADING = re.compile(r"^\W*[Aa]bout\s+(?:the\s+)?(?P<name>[A-Z0-9][\w&.,'’()\- ]{1,60}?)\W*$")
ABOUT_MAX_NAME_WORDS = 6
TRAILING_SECTION_MAX_CHARS = 300  # a longer paragraph is text, whatever it starts with
TRAILING_SECTION_MIN_POSITION = 0.5  # share of the paragraphs before the section may start
# Paragraphs at least this long are kept once: a second copy is a repeated box.
DUPLICATE_MIN_CHARS = 10**9  # longer paragraphs are never dropped by text pattern

# The headline is looked for among the first paragraphs; short lines above it (a section label, a
# kicker, breadcrumbs) go with it.
HEADLINE_WINDOW = 4
KICKER_MAX_CHARS = 80
DATELINE_MAX_CHARS = 60  # a leading paragraph this short that parses as a date is a dateline
# Bylines and datelines at the edges of the body: "By Jane Doe", "Posted on May 3, 2024".
BYLINE_TEXT = re.compile(
    r"^(by|von|par|por|door)\s+\S.{0,80}$|^(posted|published|updated)( on| at)?\b.{0,60}$",
    re.IGNORECASE,
)


def _alternation(tokens: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any token at class/id word boundaries."""
    return re.compile(r"(?:^|[\s_-])(?:" + "|".join(tokens) + r")(?=$|[\s_-])")


NEGATIVE_RE = _alternation(NEGATIVE_HINTS)
POSITIVE_RE = _alternation(POSITIVE_HINTS)
CAPTION_RE = _alternation(CAPTION_HINTS)
CREDIT_RE = _alternation(CREDIT_HINTS)
ALWAYS_CHROME_RE = _alternation(ALWAYS_CHROME_HINTS)
SUBSCRIBER_RE = _alternation(SUBSCRIBER_HINTS)
TRAILING_SECTION_RE = re.compile(
    r"^\W*(?:" + "|".join(TRAILING_SECTIONS) + r")\W*$", re.IGNORECASE | re.DOTALL
)


def _top_level_alternation(pattern: str) -> bool:
    """The pattern has a "|" outside every group (it is itself several alternatives)."""
    depth, escaped = 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


class WholeParagraph:
    """Patterns matched against a whole paragraph, case-insensitive, `edge` (e.g. punctuation)
    allowed around them. A pattern of the form ".*X.*" holds when X occurs anywhere: those are
    searched for in one unanchored pass, which is many times faster on a long paragraph than
    letting the anchored alternation backtrack over every start."""

    def __init__(self, patterns: tuple[str, ...], edge: str = "") -> None:
        def anywhere(p: str) -> bool:
            return (p.startswith(".*") and p.endswith(".*") and not p.endswith("\\.*")
                    and not _top_level_alternation(p))

        flags = re.IGNORECASE | re.DOTALL
        inner = [p[2:-2] for p in patterns if anywhere(p)]
        whole = [p for p in patterns if not anywhere(p)]
        self._anywhere = re.compile("|".join(f"(?:{p})" for p in inner), flags) if inner else None
        self._whole = re.compile(f"^{edge}(?:" + "|".join(whole) + f"){edge}$", flags)

    def match(self, text: str) -> bool:
        return bool(
            (self._anywhere is not None and self._anywhere.search(text))
            or self._whole.match(text)
        )


LEGAL_NOTICE_RE = WholeParagraph(LEGAL_NOTICES)
BOILERPLATE_TEXT_RE = WholeParagraph(BOILERPLATE_TEXT, edge=r"\W*")
