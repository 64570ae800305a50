"""The lines of a plain-text scrape, each with the features that tell article text from chrome.

A scrape is what "select all, copy" gives on a page: one line per block element, the article's
paragraphs as long lines, the page's chrome (menus, share bars, captions, counters, teasers) as
short ones. The signals are the ones that work for HTML, adapted to lines:

* length and sentence punctuation (prose is long and ends like a sentence);
* function words (prose is made of them; menus, names and headlines have few);
* repetition across the page (menus, share bars and prompts come back; paragraphs do not);
* runs of short lines (menus, link lists, tag clouds);
* the vocabulary of page controls (share, listen, save, subscribe, sign in, cookies ...);
* credits and counters (photo credits, "3 free articles left", lone numbers).

Every rule is data below, in the order it is applied, with why it is there; `classify` applies
them. Nothing here knows a site.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from digest.ingest.boilerplate import WholeParagraph
from digest.text.dates import MONTH_WORDS, WEEKDAY_WORDS, parse_date
from digest.text.normalize import collapse_whitespace


class Kind(Enum):
    """What a line is, as far as its own shape and the page around it tell."""

    CHROME = "chrome"  # a page control, prompt or notice: never body, never headline
    END = "end"  # the heading of a trailing section (related, comments, author box)
    CREDIT = "credit"  # a photo/image credit or caption credit
    DATE = "date"  # a dateline or timestamp
    BYLINE = "byline"  # "By Jane Doe", "Written by ...", "Author: ..."
    REPEATED = "repeated"  # the same short line occurs elsewhere in the page
    MENU = "menu"  # one of a run of short lines (navigation, link lists, tags)
    PROSE = "prose"  # a sentence-like line long enough to be a paragraph
    SENTENCE = "sentence"  # a short line that ends like a sentence
    HEADING = "heading"  # a title-shaped line: several words, no sentence end
    SHORT = "short"  # one to three words


# --- the vocabulary of page controls ------------------------------------------------------------
# Each pattern must match the WHOLE line (case-insensitive, spaces collapsed). Ordered roughly by
# where they appear on a page. These are words of web UIs in general, not of any one site.
CHROME_PATTERNS = tuple(
    re.compile(p, re.I)
    for p in (
        r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)\b.*",  # skip links
        r"(?:jump|go|skip) to\b.{0,40}",  # in-page links: "Jump to recipe", "Skip to content"
        r"(?:table of )?contents",
        r"press (?:esc|escape|enter|return)\b.*",
        r"(?:toggle |open |close |main )?(?:menu|navigation|search|sections?)(?: menu)?",  # nav
        r"(?:home|log ?in|log ?out|sign ?in|sign ?up|register|subscribe|close|search|more|back)"
        r"(?: now)?",
        r"(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|partner content)",
        r"(?:story )?continues? (?:below|after) (?:the )?(?:advertisement|ad)\.?",
        r"(?:scroll|swipe) (?:down|to continue)\b.*",
        # share bars and their buttons
        r"(?:share|shares|share this|share (?:this )?(?:article|story|post|page)|tweet|pin|"
        r"email|e-mail|print|copy(?: the)? link|link copied|reddit|facebook|twitter|x|linkedin|"
        r"whatsapp|flipboard|pinterest|comment|comments|save|saved|bookmark|gift|"
        r"gift (?:this )?(?:article|story)|give this article|listen|follow|like|reply)"
        r"(?:\s*\(?\d[\d,.k]*\)?)?:?",
        r"share (?:this|it|the|your|all|on|via|to|with|article|story|post|full)\b.{0,60}",
        r"cite (?:this|the) \w+",
        r".*\bsharing options\b.*",
        r"stay (?:connected|in touch|up to date|informed)\b.{0,40}",
        r"why (?:you can )?trust (?:us|\w+)\b.{0,40}",
        # a bar of share buttons on one line: "Share Tweet LinkedIn Email"
        r"(?:(?:share|tweet|post|email|e-mail|print|facebook|twitter|x|linkedin|reddit|whatsapp|"
        r"pinterest|flipboard|threads|bluesky|mastodon|telegram|copy link|copy|link|save|"
        r"comments?|messenger|sms)[\s,|·•/]*){2,}",
        r"read (?:the )?(?:full|whole|entire|original) (?:article|story|post|review|report)\b.*",
        r"(?:enlarge|expand|zoom|toggle|hide|show) (?:this )?(?:image|photo|caption|picture)\b.*",
        r"learn more(?: about \w+)?\.?",
        r"(?:share|send|gift) (?:this|the) (?:article|story|post)\b.*",
        # audio players and reading-time lines
        r"(?:listen|play)(?: to)?(?: this| the)? (?:story|article|audio|podcast|episode)\b.*",
        r"(?:\d+|one|two|three|four|five)[ -]?(?:min|minute|mins|minutes)"
        r"(?: (?:read|listen|watch))?",
        r"(?:reading|read) time:?.*",
        r"(?:audio|narrated) (?:by|version)\b.*",
        # subscriptions, paywalls, counters
        r".*\b(?:free|remaining) (?:articles?|stories)\b.*(?:left|remaining|month|limit).*",
        r"(?:already|not) (?:a )?(?:subscriber|member|registered)\b.*",
        r"(?:subscribe|sign up|register)(?: now| today)?(?: for| to)\b.{0,60}",
        r".*\b(?:newsletter|inbox)\b.*\b(?:sign up|subscribe|deliver|delivered)\b.*",
        r".*\b(?:sign up|subscribe)\b.*\bnewsletters?\b.*",
        r"(?:enter your|your) e-?mail(?: address)?.*",
        r"(?:create (?:a |your )?(?:free )?account|forgot (?:your )?password)\b.*",
        # cookie and notification prompts
        r".*\b(?:we|this (?:site|website)|our (?:site|partners)) uses? cookies\b.*",
        r".*\bcookies?\b.*\b(?:partners|consent|your device|privacy|preferences|settings)\b.*",
        r".*\b(?:allow|accept|enable|manage) (?:\w+ )?cookies\b.*",
        r"(?:accept|reject|allow|block|decline|manage)(?: all)?(?: cookies| choices| settings)?",
        r"(?:not now|no thanks|got it|ok|okay|dismiss|maybe later|yes,? notify me|agree)",
        # browser notices: scripts turned off, an old or unsupported browser
        r".*\bjavascript\b.{0,40}\b(?:required|enabled?|disabled|turned off|switched off|"
        r"necessary|needs? to be)\b.*",
        r".*\b(?:enable|turn on|activate|requires?)\b.{0,20}\bjavascript\b.*",
        r".*\b(?:your|this) browser\b.{0,60}\b(?:not (?:be )?supported|out of date|outdated|"
        r"no longer supported|update|upgrade)\b.*",
        r".*\busing (?:internet explorer|an? (?:older|outdated|unsupported) browser)\b.*",
        r"(?:we value )?your privacy\b.*",
        r"(?:your |do not sell )?(?:\w+ )?privacy"
        r" (?:rights|choices|settings|notice|preferences)\b.*",
        r"(?=.*\bnotifications?\b)(?=.*\b(?:allow|turn on|enable|subscribed|show you|send you|"
        r"manage|get)\b).*",
        r"notification icon\b.*",
        r"(?:load|show|view|see|read)(?: all| more)? (?:\d+ )?comments?\b.*",
        r"(?:report this|report an error|report a (?:typo|correction))\b.*",
        r"(?:view|see|show) (?:all|more|gallery|image|photos?|slideshow)\b.{0,30}",
        r"(?:image|photo|video|gallery) \d+ (?:of|/) \d+",
        r"(?:click|tap) (?:here|to)\b.{0,60}",
        r"(?:download|get) (?:the|our) app\b.*",
        r"(?:back to top|top of page|return to top)",
        r"(?:previous|next) (?:article|story|post|page)\b:?.{0,80}",
        r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).*",  # copyright notices
        r"all rights reserved\.?.*",
        r"(?:terms (?:of (?:use|service)|and conditions)|privacy policy|cookie policy|"
        r"contact us|about us|sitemap|accessibility)\b.{0,40}",
    )
)

# Headings of the sections that follow an article: once the body has started, the body ends at
# the first of them. Matched against the whole line; only short lines are considered.
END_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"(?i)(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?",  # comment section heading
        r"(?i)(?:show|view|load|read|see|join) (?:all |the )?(?:\d+ )?(?:comments|discussion)\b.*",
        r"(?i)comments are (?:closed|disabled)\b.*",
        r"(?i)(?:leave|post|add|write) a (?:comment|reply)\b.*",
        # author boxes: "About the author", "More from Jane Doe" (a capitalised name)
        r"(?i:about|more about|more from|read more from|more by|more stories by|"
        r"more articles by|other articles by|latest from|read the latest from) "
        r"(?:[Tt]he )?(?:(?i:author|writer)|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})",
        r"(?i)(?:about the )?authors?:?",
        # link lists after the article: "Related articles", "Recommended by our editors"
        r"(?i)(?:related|recommended|suggested|popular|trending|latest|top|more|further|also|"
        r"similar|recent|editors['’]? picks?|most (?:read|popular|viewed|shared))"
        r"(?: (?:\w+ )?(?:stories|articles|posts|news|reading|reads|coverage|videos|content|"
        r"links|headlines|topics|guides|reviews))?(?: (?:by|from|for|on|in|to) .{1,30})?:?",
        r"(?i)(?:you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in))\b.*",
        r"(?i)(?:read|watch|see) (?:next|more|also)\b.{0,40}",
        r"(?i)(?:don['’]t|do not) miss\b.{0,40}",
        r"(?i)(?:tags?|topics?|categories|category|keywords?)(?::.*)?",
        r"(?i)filed under\b.*",
        r"(?i)(?:follow|find) (?:us|me)\b.*",
        r"(?i)avatar for\b.*",
    )
)
END_MAX_WORDS = 8  # a trailing-section heading is short; longer lines are not headings

# Lines of any length that only stand after an article: disclosures, the publication's
# self-promotion, follow prompts, tip lines.
END_LINE_PATTERNS = tuple(
    re.compile(p, re.I)
    for p in (
        r"(?:ftc|disclosure|affiliate notice|affiliate disclosure):.*",
        r".*\b(?:affiliate links?|commission on purchases)\b.*",
        r".*\b(?:we|may|might|could) (?:may |might )?(?:earn|receive|get)\b.{0,30}"
        r"\b(?:commissions?|compensation|a (?:small )?(?:share|fee|cut))\b.*",
        r".*\b(?:independently (?:select|selected|review|reviewed|research|test|tested|chosen)|"
        r"reader-supported)\b.*",
        r"you['’]re reading\b.*",
        r"follow (?:us|me|@?\w+)(?: \w+)? on\b.*",
        r"(?:send|email|e-mail) (?:us )?(?:your )?(?:news )?tips\b.*",
    )
)
# Photo and image credits, captions' credit tails. Matched with `search`.
CREDIT_PATTERNS = tuple(
    re.compile(p, re.I)
    for p in (
        r"^\(?(?:photo|photograph|image|picture|illustration|graphic|video|credit|source|via|"
        r"photo illustration|lead image|top image|header image|featured image|"
        r"image credit|photo credit|credits?)\s*(?:by|:|credit:?|courtesy)\s*.*",
        r"\b(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash|pexels|"
        r"associated press|afp|reuters|ap photo|epa|bloomberg via)\)?\s*$",
        r"\b(?:photo|image|illustration|picture)s? (?:by|courtesy of|credit)\b.{0,60}$",
        r"^courtesy (?:of )?.{0,60}$",
        # "Jane Doe / Agency", "Jane Doe/Getty": the photographer / agency convention
        r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,5}$",
        # a caption whose credit follows its text on the same line: "... harbour. Photograph:
        # Jane Doe", "... at dawn image: Jane Doe", "... on stage. Courtesy of the museum."
        # (a capitalised "Images:" inside a title is not a credit)
        r"(?:[.!?]\s+(?:photo(?:graph)?|image|picture|illustration|credit)|"
        r"\s(?-i:photo(?:graph)?|image|picture|illustration|credit)):\s+[^!?]{1,60}$",
        r"[.!?]\s+courtesy (?:of )?[^.!?]{1,60}\.?$",
    )
)

# Bylines: "By Jane Doe", "Written by Jane Doe", "Author: Jane Doe", "Words by ...".
BYLINE = re.compile(
    r"^(?:(?:written|words|reporting|story|text|posted|published|updated|edited|reviewed|"
    r"fact[- ]checked|medically reviewed|compiled|interview|photos?|photographs) by|by|author|"
    r"authors|reporter|writer|editor|contributors?)\s*[:\-–—]?\s+(?P<name>\S.*)$",
    re.I,
)
BYLINE_WORD_ONLY = re.compile(r"^(?:by|written by|author|authors|words by):?$", re.I)

# Dates and timestamps a line may consist of, beyond what parse_date reads (which needs a year).
TIMESTAMP_PATTERNS = tuple(
    re.compile(p, re.I)
    for p in (
        r"(?:published|updated|posted|modified|last updated|first published|created)\b.{0,60}",
        r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\b.*",
        r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
        r"\s.{0,40}",
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b.{0,30}",
        r"\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
        r"\b.{0,30}",
        r"\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?\b.{0,30}",
        r"\d{1,2}/\d{1,2}/\d{2,4}\b.{0,30}",
    )
)
DATE_MAX_WORDS = 24
# "5 min read": a meta line under the headline, like the dateline it often shares.
READING_TIME = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+(?:read|listen)\b", re.I)
EXCLAIMED = re.compile(r"[!?]$")  # a line ending like an exclamation or a question
DATE_MAX_OTHER_WORDS = 4  # words that are not part of a date: a sentence mentioning a date
# The words a dateline is made of besides numbers (compared without a plural s).
DATE_WORDS = frozenset(
    [
        *MONTH_WORDS, *WEEKDAY_WORDS,
        "am", "pm", "a", "p", "m", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt",
        "gmt", "utc", "bst", "cet", "cest", "ist", "aest", "st", "nd", "rd", "th", "published",
        "updated", "posted", "modified", "last", "first", "on", "at", "date", "time", "ago",
        "minute", "hour", "day", "week", "month", "year", "min", "hr", "created", "edited",
    ]
)  # a dateline is short; a sentence that mentions a date is not one

# Function words: prose is made of them, menus and names are not. English, the language of the
# digest's sources.
STOPWORDS = frozenset(
    [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "but", "by", "can", "could", "did", "do", "does", "for", "from",
        "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "just", "more", "most", "my", "no", "not", "of", "on", "one", "only", "or",
        "our", "out", "over", "she", "so", "some", "than", "that", "the", "their", "them",
        "then", "there", "these", "they", "this", "to", "up", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "will", "with", "would", "you", "your"
    ]
)

# A menu written on one line: three or more items separated by runs of spaces, pipes or bullets.
# Checked on the raw line, before spaces collapse.
INLINE_MENU = re.compile(
    r"^\s*[^\s|•·]+(?:\s[^\s|•·]+)?(?:(?: {2,}|\s*[|•·]\s*)[^\s|•·]+(?:\s[^\s|•·]+)?){2,}\s*$"
)
SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]。！？」』）]$")
WORD = re.compile(r"\w+")
# Scripts written without spaces between words (Chinese, Japanese; Korean is spaced but dense):
# a run of their characters counts as one word per CJK_CHARS_PER_WORD characters, and their
# function words are not English ones.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2
UPPER = re.compile(r"[A-Z]")
LETTER = re.compile(r"[^\W\d_]")

# A line cut short with an ellipsis is a teaser for another page, however long it runs.
TRUNCATED = re.compile(r"(?:\w|\w[,;])\s?(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")
TEASER_MAX_WORDS = 60

# Shape thresholds.
PROSE_MIN_WORDS = 10  # a line this long that ends like a sentence is prose
LONG_PROSE_WORDS = 25  # a line this long is prose even without a sentence end
SHORT_MAX_WORDS = 3  # up to this many words a line is "short" (menu items, labels)
MENU_RUN = 4  # this many short lines in a row (blank lines aside) are a menu or link list
REPEAT_MAX_WORDS = 30  # lines up to this length that occur twice are page furniture

# The rule tables above as `classify` applies them: whether any pattern of a table matches the
# whole line (a line holds no line break, so "matches the whole line" is what WholeParagraph
# tests; it looks for every ".*X.*" pattern in one unanchored pass, which is several times
# faster on a long line than trying each pattern in turn).
_ANY_CHROME = WholeParagraph(tuple(p.pattern for p in CHROME_PATTERNS))
_ANY_END_LINE = WholeParagraph(tuple(p.pattern for p in END_LINE_PATTERNS))


@dataclass(slots=True)
class Line:
    """One non-blank line of a scrape."""

    index: int  # position among the non-blank lines
    text: str  # spaces collapsed
    words: int
    kind: Kind
    stop_ratio: float  # share of words that are function words
    blank_before: bool  # a blank line separates it from the previous line (a <p> boundary)
    repeats: int  # how often its text occurs in the page

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS


BODY_KINDS = frozenset({Kind.PROSE, Kind.SENTENCE, Kind.HEADING, Kind.SHORT})


def clean(line: str) -> str:
    """A line with non-breaking and repeated spaces collapsed, stripped."""
    return collapse_whitespace(line)  # white space of every kind, non-breaking spaces too


def split_lines(text: str) -> list[tuple[str, str, bool]]:
    """(raw, cleaned, blank_before) for each non-blank line; a hard-wrapped text (every line cut
    at one width, as typed or mailed) is first joined back into one line per paragraph."""
    raw_lines = text.splitlines()
    if _is_hard_wrapped(raw_lines):
        raw_lines = _unwrap(raw_lines)
    out: list[tuple[str, str, bool]] = []
    blank = False
    for raw in raw_lines:
        line = clean(raw)
        if not line:
            blank = True
            continue
        if out and not blank and CONTINUATION.match(line) and len(WORD.findall(out[-1][1])) >= 6:
            previous_raw, previous, previous_blank = out[-1]
            out[-1] = (previous_raw + " " + raw, previous + " " + line, previous_blank)
            continue
        out.append((raw, line, blank or not out))
        blank = False
    return out


# A line that continues the one above it (no blank line between): an attribution after a quote
# ("— Jane Doe, analyst"), or a sentence that goes on in lower case.
CONTINUATION = re.compile(r"^(?:[—–]\s*\w|[a-z])")


# Hard wrapping: text typed or mailed is cut at one width (at most WRAP_MAX_WIDTH characters); a
# line was wrapped when the next line's first word would not have fitted on it. Browser
# scrapes never wrap: their paragraphs are single long lines.
WRAP_MAX_WIDTH = 120
WRAP_MIN_LINES = 2  # this many wrapped lines make the text hard-wrapped


def _wrapped(lines: list[str], width: int) -> list[bool]:
    """For each line: does the next line continue it (its first word did not fit)?"""
    flags = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        words = following.split()
        # the line after a wrap goes on with the sentence: several words, or its end
        goes_on = len(words) >= 3 or bool(SENTENCE_END.search(following.strip()))
        fits = bool(words) and len(line.rstrip()) + 1 + len(words[0]) <= width
        flags.append(bool(line.strip()) and goes_on and not fits)
    return flags


def _is_hard_wrapped(lines: list[str]) -> bool:
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths or max(lengths) > WRAP_MAX_WIDTH:
        return False
    return sum(_wrapped(lines, max(lengths))) >= WRAP_MIN_LINES


def _unwrap(lines: list[str]) -> list[str]:
    """Join every wrapped line with the line that continues it."""
    width = max(len(line.rstrip()) for line in lines)
    out: list[str] = []
    joining = False
    for line, wrapped in zip(lines, _wrapped(lines, width), strict=True):
        if joining:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        joining = wrapped
    return out


def classify(text: str) -> list[Line]:
    """Every non-blank line of a scrape with its kind, by the rules above in order."""
    split = split_lines(text)
    keys = [_key(line) for _, line, _ in split]
    counts = Counter(keys)
    lines: list[Line] = []
    for index, ((raw, line, blank), key) in enumerate(zip(split, keys, strict=True)):
        words, stop = count_words(line)
        repeats = counts[key]
        lines.append(Line(index, line, words, _kind(raw, line, words, repeats), stop, blank,
                          repeats))
    _mark_menu_runs(lines)
    return lines


def count_words(line: str) -> tuple[int, float]:
    """(words, share of function words) of a line; runs of CJK characters count by length,
    and a line mostly in such a script is not judged by English function words (share 1)."""
    tokens = WORD.findall(line)
    if not CJK.search(line):
        words = len(tokens)
        stop = sum(map(STOPWORDS.__contains__, map(str.lower, tokens))) / words if words else 0.0
        return words, stop
    words = sum(
        max(1, len(CJK.findall(t)) // CJK_CHARS_PER_WORD) if CJK.search(t) else 1 for t in tokens
    )
    return words, 1.0


def _key(line: str) -> str:
    return " ".join(WORD.findall(line.casefold()))


def _kind(raw: str, line: str, words: int, repeats: int) -> Kind:
    """The first rule that matches decides."""
    if not LETTER.search(line):  # digits, symbols, counters: "12", "•", "0 / 5"; or a date
        return Kind.DATE if parse_date(line) else Kind.CHROME
    if _ANY_CHROME.match(line):  # any(p.fullmatch(line) for p in CHROME_PATTERNS)
        return Kind.CHROME
    if words <= END_MAX_WORDS and any(p.fullmatch(line) for p in END_PATTERNS):
        return Kind.END
    if _ANY_END_LINE.match(line):  # any(p.fullmatch(line) for p in END_LINE_PATTERNS)
        return Kind.END
    if words <= 30 and any(p.search(line) for p in CREDIT_PATTERNS):
        return Kind.CREDIT
    if BYLINE_WORD_ONLY.match(line) or (
        BYLINE.match(line) and (words <= 15 or (words <= 30 and re.search(r"[|@·•]", line)))
    ):
        return Kind.BYLINE
    if is_date_line(line, words) or (words <= 12 and READING_TIME.search(line)):
        return Kind.DATE
    if repeats > 1 and words <= REPEAT_MAX_WORDS:
        return Kind.REPEATED
    if words > 2 and INLINE_MENU.match(raw) and not SENTENCE_END.search(line):
        return Kind.MENU
    if words <= TEASER_MAX_WORDS and TRUNCATED.search(line):
        return Kind.HEADING  # a teaser cut short ("...the rest of the story…"): a link, not prose
    ends = bool(SENTENCE_END.search(line))
    if words >= LONG_PROSE_WORDS or (words >= PROSE_MIN_WORDS and ends):
        return Kind.PROSE
    if words <= SHORT_MAX_WORDS:
        return Kind.SHORT
    if ends and not line.endswith(":"):
        return Kind.SENTENCE
    return Kind.HEADING


def is_date_line(line: str, words: int | None = None) -> bool:
    """A dateline or timestamp: short, and either a full date or a time stamp shape."""
    words = count_words(line)[0] if words is None else words
    if words > DATE_MAX_WORDS or (words > 6 and EXCLAIMED.search(line)):
        return False
    tokens = WORD.findall(line)
    other = [t for t in tokens if not t.isdigit() and t.lower().rstrip("s") not in DATE_WORDS]
    if len(other) > DATE_MAX_OTHER_WORDS:
        return False
    if parse_date(line) is not None:
        return True
    has_digit = any(c.isdigit() for c in line)
    return has_digit and words <= 8 and any(p.fullmatch(line) for p in TIMESTAMP_PATTERNS)


def _mark_menu_runs(lines: list[Line]) -> None:
    """Runs of MENU_RUN or more short lines (one to three words, no sentence end) are menus,
    link lists or tag clouds, wherever they stand."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.kind in (Kind.SHORT, Kind.REPEATED, Kind.MENU, Kind.CHROME):
            run.append(line)
            continue
        if len([x for x in run if x.kind is not Kind.CHROME]) >= MENU_RUN:
            for item in run:
                if item.kind is Kind.SHORT or (
                    item.kind is Kind.REPEATED and item.words <= SHORT_MAX_WORDS
                ):
                    item.kind = Kind.MENU
        run = []
