"""Tagging: title + paragraphs -> tag names from the curated vocabulary, most relevant first.

Every name and alias of the vocabulary becomes a small regular expression tolerant of spacing,
hyphens and plurals, compiled once per vocabulary. At each word start the labels that can begin
there are tried and the longest match wins ("Apple Silicon" is not also "Apple", "Trainium2" not
also "Trainium"). Mentions are then filtered by the context rules of tag_senses.py, topics that
turn up in any industry's news need a chip-industry anchor and more than a passing mention, and
a product brings in its maker.

tags_and_mentions splits what the article names by salience (tests/gold/README.md, "Tags:
salience"): the entities and topics the story is about become tags, every other entity a
mention. The salience rules are ordered, commented data below: headline, lead (the first
sentences of the first paragraph), paragraphs that name it, the subject; places and events need
more (they are often only where a story happens), topics are capped and weighed by how much of
the page they fill, and a headline's bare "AI" is read through the body.

Relevance order: tags named in the title first, then by number of mentions, then by first
appearance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from digest.editorial.tag_senses import (  # the context rules, kept as data there
    BEFORE_WINDOW,
    ENUMERATION_AFTER,
    ENUMERATION_BEFORE,
    EXAMPLE_BEFORE,
    FORBIDDEN_AFTER,
    FORBIDDEN_BEFORE,
    LIST_GLUE,
    MODIFIER_AFTER,
    REQUIRED_CONTEXT,
)
from digest.editorial.vocabulary import Term, Vocabulary, load_vocabulary
from digest.text.sentences import sentence_ends

# --- Matching data -------------------------------------------------------------------------------

# Kinds whose labels also match with a plural "s" ("H100s", "data centers", "chiplets", "SSDs",
# "AI PCs"). Companies, places and names are excluded: "Arms" or "Intels" are not mentions of
# the company.
PLURAL_KINDS = frozenset({"chip", "process", "topic", "memory", "packaging", "device"})

# A letter run this long followed by digits may be written with a space or hyphen between them
# ("Trainium 2", "Graviton-4", "Gaudi3"). Shorter runs are product codes that are never split
# ("H100", "M4", "A16": "A 16-core" must not read as A16).
MIN_LETTERS_BEFORE_SPLIT_DIGITS = 3

# Units written glued or apart after a number ("3nm", "3 nm", "3-nm").
SPLITTABLE_UNITS = ("nm",)

# Headline words too broad to be a tag of their own, read as the topic the body shows they
# mean: (pattern, topic). The bare "AI" of a headline ("AI won't steal your job", "AI coding
# agents tested", "smaller AI projects") is generative AI when the body names that topic or a
# product that is an instance of it (the vocabulary's `topic` field: ChatGPT, Copilot, Llama);
# the headline then counts as naming the topic. Inside a vocabulary name ("AI PC", "AI
# inference", "AI server") the word belongs to that name, and a body that names no generative
# AI leaves it unread. Before a word of hardware or of its market ("AI chips", "AI demand",
# "AI spending") the word is chip news, whatever the body says about chatbots: the AI topics
# of such a story are its workloads (AI training, AI inference), not generative AI.
_AI_HARDWARE_OR_MARKET = (
    r"chips?|chipmakers?|accelerators?|processors?|GPUs?|servers?|data ?cent(?:er|re)s?"
    r"|infrastructure|hardware|PCs?|laptops?|phones?|supercomputers?|clusters?|compute|computing"
    r"|silicon|semiconductors?|memory|networking|demand|boom|spending|capex|investments?"
    r"|markets?|stocks?|shares|sales|revenue|bubble")
HEADLINE_TOPIC_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:\bAI\b|\b[Aa]rtificial [Ii]ntelligence\b)"
                rf"(?![\s-]+(?i:{_AI_HARDWARE_OR_MARKET})\b)"), "Generative AI"),
)

# Topics whose own names are everyday words: only their aliases (trigger phrases) count
# ("memory bandwidth" is not an article about the memory business; "DRAM prices" is).
NAME_IS_NOT_A_TRIGGER = frozenset({"Memory", "Funding"})

# Topics that turn up in news of any industry ("acquired", "net loss", "training", "laptops").
# They are kept only when the article is about chips: when it has an anchor tag, a chip or
# process, a chip company, or a chip-specific topic.
# fmt: off
# Subjects of any industry's or any household's news, added with the vocabulary's general
# topics (issue 13): besides an anchor, they always need the stronger evidence of
# _generic_topic_is_the_story, in chip news too.
EVERYDAY_TOPICS = frozenset({
    "Layoffs", "Stock market", "Inflation", "Interest rates", "Cybersecurity", "Video games",
    "Robotics", "Batteries", "Labor unions", "Cloud computing", "Capital spending",
    "Generative AI", "Emissions", "Renewable energy", "Smart home", "Cryptocurrency", "Telecom",
    "Mixed reality", "Workforce and talent",
})
# The business and technology topics of chip news itself need that evidence only outside chip
# news (no anchor); in chip news "Data center" or "Earnings" named twice is what it is about.
GENERIC_TOPICS = frozenset({
    "AI training", "Earnings", "Mergers and acquisitions", "Funding", "Leadership changes",
    "Antitrust and litigation", "Energy and power", "Smartphones", "PCs", "Automotive",
    "Supply chain", "Data center", "Supercomputers", "On-device AI",
}) | EVERYDAY_TOPICS
# fmt: on
# Kinds of tag that make an article chip news by themselves. Countries, agencies, policies,
# events and software products turn up in any industry's news ("the United States", "the FBI",
# "CES", "Windows"): they anchor nothing.
ANCHOR_KINDS = frozenset({"chip", "process", "memory", "packaging", "device", "system"})
# Site sections of the chip business: a company or topic in none of them (a satellite operator,
# a network-equipment maker, "Right to repair", "Tariffs") does not make an article chip news.
CHIP_CATEGORIES = frozenset({"AI accelerators", "CPUs and PCs", "Foundry and process", "Memory",
                             "Quantum"})
# Companies whose news is often about something other than chips (social media, cars, cloud
# software, investment): alone they do not make an article a chip article.
# fmt: off
BROAD_COMPANIES = frozenset({
    "AWS", "Google", "Microsoft", "Meta", "Apple", "Oracle", "IBM", "Alibaba", "Baidu",
    "Tencent", "ByteDance", "SoftBank", "OpenAI", "xAI", "Anthropic", "Tesla", "Dell", "HPE",
    "Foxconn", "CoreWeave",
})
# fmt: on

# A topic named only in passing (fewer mentions than this, outside the title and the first
# LEAD_PARAGRAPHS paragraphs) is dropped. Measured on the gold set (tests/gold): annotators tag a
# specific topic ("Export controls", "HBM") the article names even once, so one mention is
# enough; generic topics need two (with 1: recall 0.980, precision 0.853; with 2: 0.956 / 0.885;
# with 3: 0.929 / 0.887), and the lead is the first two paragraphs (1 paragraph: 0.943 / 0.886).
TOPIC_MIN_MENTIONS = 1
GENERIC_TOPIC_MIN_MENTIONS = 2
LEAD_PARAGRAPHS = 2
# A generic topic is an entry's tag only with stronger evidence than a specific one: the
# headline, the first paragraph and one more, or this many paragraphs (see
# _generic_topic_is_the_story). Real-page gold, development 3/4, tag recall / precision: 3
# paragraphs 80.8 / 70.0, 4 paragraphs 80.8 / 73.7, 5 paragraphs 78.8 / 73.2 (all generic
# topics judged so in chip news too). With the chip-news topics exempt in chip news (the rule
# kept): development 82.7 / 72.9, own articles 81.8 / 80.6 -> 84.3 / 80.3, sample articles
# 87.1 / 79.3 -> 93.2 / 79.9.
GENERIC_TOPIC_MIN_PARAGRAPHS = 4
# A product mentioned in the article brings in its maker ("Trainium2" -> "AWS"). On the gold set
# the maker was always named as well, so this changes nothing measured; it matters for short
# items that name only the product.
IMPLY_MAKERS = True
# Salience (tests/gold/README.md, "Tags: salience"): an entity is a tag when the headline or the
# first paragraph names it, when at least this many paragraphs name it, or when it is the entity
# named most often, at least SUBJECT_MIN_MENTIONS times; otherwise it is a mention.
SALIENT_MIN_PARAGRAPHS = 3
SUBJECT_MIN_MENTIONS = 3
# The first paragraph makes a name salient only up to its LEAD_SENTENCES-th sentence: a first
# paragraph that runs on for dozens of sentences (a page whose paragraphs were merged, an
# introduction that goes into detail) is not all lead. On the real-page gold the tags named only
# in the first paragraph are all named within its first four sentences.
LEAD_SENTENCES = 5
# A subject named only near the end (an aside in the last paragraphs: "my old player was an
# X") is not what the story is about: the subject rule needs a first mention within this share
# of the body's paragraphs.
SUBJECT_WITHIN_SHARE = 0.5
# Events are where news is made ("unveiled at Computex", "at its GTC conference"): like places,
# an event is a tag only when the headline names it or the body returns to it (at least
# SALIENT_MIN_PARAGRAPHS paragraphs); named in the lead only as the setting, it is a mention.
SETTING_KINDS = frozenset({"event"})
# The topic tags that say what the story is about: at most this many, the most relevant first,
# each named in the headline, the first paragraph or at least TOPIC_MIN_PARAGRAPHS paragraphs.
# Measured on the real-page gold (development 3/4, tag recall / precision): 3 topics 82.7 /
# 53.8, 2 topics 82.7 / 57.3, 1 topic 69.2 / 63.2 (with no paragraph rule).
MAX_TOPIC_TAGS = 2
TOPIC_MIN_PARAGRAPHS = 2
# On a long page a few paragraphs are an aside: a topic that neither the headline nor the lead
# names must be named in at least this share of the body's paragraphs (a gaming GPU's product
# page of 60 paragraphs that speaks of games in four is not a story about video games).
TOPIC_MIN_SHARE = 0.1
# Topics that are facets of one subject: a story about one of them names the others in passing
# (generative AI models are trained and then serve queries; an inference engine is described by
# what it does not do in training). Of each family only the most relevant topic is a tag.
TOPIC_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"AI training", "AI inference", "Generative AI"}),
)
# Places are where a story happens more often than what it is about ("in the U.S.", "a
# California start-up"): a country or region is a tag only when the headline names it and the
# body returns to it (PLACE_TITLE_MIN_PARAGRAPHS paragraphs), or the body keeps returning to it
# (PLACE_MIN_PARAGRAPHS paragraphs); otherwise it is a mention.
PLACE_KINDS = frozenset({"country", "region"})
PLACE_TITLE_MIN_PARAGRAPHS = 2
PLACE_MIN_PARAGRAPHS = 6
# ... and only when the story is about the place's state, policy, trade or economy
# (tests/gold/README.md, "Countries and regions"): at least PLACE_MIN_STATE_TEXTS of the texts
# that name the place (the headline, paragraphs) also speak of what a state does. A market a
# firm sells in ('60% share in Egypt') or a trip ('travel to the Philippines') is a mention.
STATE_WORDS = re.compile(
    r"\b(?:government|ministry|minister|officials?|authorities|regulators?|regulations?|laws?|"
    r"legislation|legislators|lawmakers|bans?|banned|tariffs?|sanctions?|border|parliament|"
    # (a policy, but not an insurance, privacy, return or cookie policy)
    r"president|prime minister|(?<!insurance )(?<!privacy )(?<!return )(?<!cookie )"
    r"polic(?:y|ies)|rules|seiz\w+|trade|exports?|imports?|"
    r"central bank|state-owned|state media|blockade|military|troops|war|police|"
    r"courts?|crackdown|censor\w*|elections?|subsid\w+|cyberspace|embassy|diplomat\w*)\b",
    re.I,
)
# A place's economy is weaker evidence than an act of its state: a firm's press release hopes
# "the Egyptian economy will prosper" in passing. A text that speaks only of the economy counts
# ECONOMY_TEXT_WEIGHT of a text that speaks of a state; a story about the economy names it
# often enough to pass anyway.
ECONOMY_WORDS = re.compile(r"\b(?:economy|economies|economic)\b", re.I)
ECONOMY_TEXT_WEIGHT = 0.5
# How many of the texts naming a place must speak of a state (one is often a passing word), and
# what share of them: a gardening blog that names the UK in 23 paragraphs and a clematis called
# "The President" in two is not about the British state.
PLACE_MIN_STATE_TEXTS = 2
PLACE_MIN_STATE_SHARE = 0.25
# Regions that have institutions of their own (a bloc that legislates or a summit that sets
# policy). Every other region is a geographic area ("Europe", "the Middle East"), with no
# government whose acts a story could be about: an area is a tag only when the headline names
# it (and the texts naming it speak of states), never from the body alone.
REGIONS_WITH_INSTITUTIONS = frozenset({"European Union", "G7", "G20", "BRICS"})
# Kind weights for choosing an entry's categories: products and topics say more about what an
# entry covers than the companies it names.
# Memory types, packaging, device classes, named systems and policies say what an entry covers
# as much as a chip does; companies, software, places, agencies and events less (0.5, the
# default for kinds not listed).
CATEGORY_KIND_WEIGHT = {"chip": 1.0, "process": 1.0, "topic": 1.0, "memory": 1.0,
                        "packaging": 1.0, "device": 1.0, "system": 1.0, "policy": 1.0,
                        "company": 0.5}
# The second category is kept when it scores at least this fraction of the first.
SECOND_CATEGORY_RATIO = 0.5
# Used when no tag has a category.
FALLBACK_CATEGORY = "Business"


@dataclass(frozen=True, slots=True)
class _Matcher:
    """The vocabulary's labels as small regexes, bucketed by how a mention can begin.

    One alternation of every label would be tried at every word start; instead each word start
    looks up the few labels sharing its first two characters (or first one, for labels that may
    be split right after it: "3 nm"), and the longest match wins.
    """

    vocabulary: Vocabulary
    by_two: dict[str, re.Pattern[str]]  # first two characters, lower-cased -> labels
    by_one: dict[str, re.Pattern[str]]  # first character, lower-cased -> labels
    groups: dict[str, str]  # regex group name -> tag name
    terms: dict[str, Term]  # tag name -> term
    ascii_keys: bool  # every bucket key is ASCII (see _mentions)


@dataclass(slots=True)
class _Stats:
    in_title: bool = False
    in_lead: bool = False
    count: int = 0
    first: float = 0.0
    in_first_paragraph: bool = False  # the title or the first paragraph of the body
    paragraphs: int = 0  # body paragraphs that name it
    last_paragraph: int = -1
    where: list[int] = field(default_factory=list)  # indexes of the texts naming it (0: title)
    implied: bool = False  # not named: the maker of a product the article names


def _label_fragment(label: str, case_sensitive: bool, plural: bool) -> str:
    """The regex for one label, tolerant of spacing, hyphens and (for products) plurals."""
    out: list[str] = []
    letters = 0
    for i, ch in enumerate(label):
        prev = label[i - 1] if i else ""
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == "-":
            out.append(r"[\s\-]?")
        else:
            if ch.isdigit() and prev.isalpha() and letters >= MIN_LETTERS_BEFORE_SPLIT_DIGITS:
                out.append(r"[\s\-]?")
            if prev.isdigit() and any(label.startswith(u, i) for u in SPLITTABLE_UNITS):
                out.append(r"[\s\-]?")
            if case_sensitive and i == 0 and ch.islower():
                out.append(f"[{ch}{ch.upper()}]")  # a lower-case word may start a sentence
            else:
                out.append(re.escape(ch))
        letters = letters + 1 if ch.isalpha() else 0
    fragment = "".join(out) + ("s?" if plural else "")
    return fragment if case_sensitive else f"(?i:{fragment})"


# The key of the compiled matcher in Vocabulary.memo: kept with the vocabulary it was compiled
# from (no table of its own that outlives vocabularies or mistakes a new one for an old).
MATCHER_MEMO = "tagging.matcher"


def _matcher(vocabulary: Vocabulary) -> _Matcher:
    """The compiled matcher of `vocabulary`, built on first use and kept with it."""
    matcher = vocabulary.memo.get(MATCHER_MEMO)
    if matcher is None:
        matcher = vocabulary.memo[MATCHER_MEMO] = _compile(vocabulary)
    return matcher


def _compile(vocabulary: Vocabulary) -> _Matcher:
    """Compile the vocabulary's labels, longest labels first in each bucket."""
    labels: list[tuple[str, Term]] = []
    for term in vocabulary.terms:
        names = () if term.name in NAME_IS_NOT_A_TRIGGER else (term.name,)
        for label in dict.fromkeys((*names, *term.aliases)):
            labels.append((label, term))
    labels.sort(key=lambda item: (-len(item[0]), item[0]))
    two: dict[str, list[str]] = {}
    one: dict[str, list[str]] = {}
    groups: dict[str, str] = {}
    for i, (label, term) in enumerate(labels):
        group = f"g{i}"
        fragment = _label_fragment(label, term.case_sensitive, term.kind in PLURAL_KINDS)
        alternative = f"(?P<{group}>{fragment})"
        if _fixed_prefix(label) >= 2:
            two.setdefault(label[:2].lower(), []).append(alternative)
        else:
            one.setdefault(label[:1].lower(), []).append(alternative)
        groups[group] = term.name

    def compile_all(buckets: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
        return {k: re.compile(f"(?:{'|'.join(v)})(?!\\w)") for k, v in buckets.items()}

    terms = {t.name: t for t in vocabulary.terms}
    ascii_keys = all(k.isascii() for k in (*two, *one))
    return _Matcher(vocabulary, compile_all(two), compile_all(one), groups, terms, ascii_keys)


def _fixed_prefix(label: str) -> int:
    """How many leading characters of `label` always appear as written (up to two)."""
    if len(label) < 2 or not (label[0].isalnum() and label[1].isalnum()):
        return 1
    if label[0].isdigit() and any(label.startswith(u, 1) for u in SPLITTABLE_UNITS):
        return 1  # "3nm" may be written "3 nm"
    return 2


# Where a mention may begin: a word start not inside a decimal number ("0.3nm").
MENTION_START = re.compile(r"(?<!\w)(?<!\d\.)\w")


def _mentions(text: str, matcher: _Matcher) -> list[tuple[str, bool, int, int]]:
    """Tag names mentioned in `text`, in order, after the local context rules, each with
    whether the mention is only a modifier ('an OpenAI-compatible API') and where it starts
    and ends."""
    found: list[tuple[str, bool, int, int]] = []
    example_end: int | None = None  # where the last mention given as an example ends
    resume = 0
    # Lower-case the text once instead of at every word start. When no character changed length
    # ("İ" lower-cases to two), each position holds the lower case of the same character; the one
    # context-dependent mapping (final sigma) gives non-ASCII letters that no ASCII key matches.
    low = text.lower()
    aligned = matcher.ascii_keys and len(low) == len(text)
    for start in MENTION_START.finditer(text):
        pos = start.start()
        if pos < resume:
            continue
        best: re.Match[str] | None = None
        if aligned:
            two, one = low[pos : pos + 2], low[pos]
        else:
            two, one = text[pos : pos + 2].lower(), text[pos].lower()
        for pattern in (matcher.by_two.get(two), matcher.by_one.get(one)):
            m = pattern.match(text, pos) if pattern is not None else None
            if m is not None and (best is None or m.end() > best.end()):
                best = m
        if best is None:
            continue
        resume = best.end()
        name = matcher.groups[best.lastgroup or ""]
        after = FORBIDDEN_AFTER.get(name)
        if after is not None and after.match(text, best.end()):
            continue
        before = FORBIDDEN_BEFORE.get(name)
        if before is not None and before.search(text[max(0, pos - BEFORE_WINDOW) : pos]):
            continue
        window = text[max(0, pos - BEFORE_WINDOW) : pos]
        example = EXAMPLE_BEFORE.search(window) is not None or (
            example_end is not None and LIST_GLUE.fullmatch(text[example_end:pos]) is not None)
        example_end = best.end() if example else None
        modifier = example or MODIFIER_AFTER.match(text, best.end()) is not None
        if matcher.terms[name].kind == "topic" and _enumerated(text, pos, best.end()):
            continue  # one item of a list of things: passing
        found.append((name, modifier, pos, best.end()))
    return found


_LIST_SEPARATORS = re.compile(r",|\b(?:and|or)\b")


def _enumerated(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is one item of an enumeration of three or more (see
    ENUMERATION_BEFORE in tag_senses.py)."""
    before = ENUMERATION_BEFORE.search(text, max(0, start - BEFORE_WINDOW), start)
    after = ENUMERATION_AFTER.match(text, end)
    around = (before.group(0) if before else "") + "|" + (after.group(0) if after else "")
    if "," not in around:
        return False
    items = [part for side in around.split("|") for part in _LIST_SEPARATORS.split(side)]
    return sum(1 for item in items if item.strip()) >= 2


def _collect(title: str, paragraphs: Sequence[str], matcher: _Matcher) -> dict[str, _Stats]:
    stats: dict[str, _Stats] = {}
    position = 0
    for index, text in enumerate((title, *paragraphs)):
        if not isinstance(text, str):
            continue
        # the lead is the first paragraph up to its LEAD_SENTENCES-th sentence
        lead_end = _lead_end(text) if index == 1 else len(text)
        for name, modifier, at, _end in _mentions(text, matcher):
            s = stats.get(name)
            if s is None:
                s = stats[name] = _Stats(first=position)
            s.count += 1
            s.in_title |= index == 0
            s.in_lead |= index <= LEAD_PARAGRAPHS
            # a modifier in the lead ('an OpenAI-compatible API') does not make a tag
            s.in_first_paragraph |= index == 0 or (index == 1 and not modifier and at < lead_end)
            if index > 0 and s.last_paragraph != index:
                s.paragraphs += 1
                s.last_paragraph = index
            if not s.where or s.where[-1] != index:
                s.where.append(index)
            position += 1
    return stats


def _read_headline_words(title: str, stats: dict[str, _Stats], matcher: _Matcher) -> None:
    """Count a broad headline word (HEADLINE_TOPIC_WORDS) as the headline naming its topic when
    the word stands outside every vocabulary name of the headline and the body names the topic
    or one of its instances."""
    spans = [(start, end) for _, _, start, end in _mentions(title, matcher)]
    for pattern, topic in HEADLINE_TOPIC_WORDS:
        bare = any(not any(a <= m.start() < b for a, b in spans) for m in pattern.finditer(title))
        if not bare or topic not in matcher.terms:
            continue
        evidence = any(s.paragraphs and (name == topic or matcher.terms[name].topic == topic)
                       for name, s in stats.items())
        if not evidence:
            continue
        s = stats.setdefault(topic, _Stats(first=-1.0))
        if not s.in_title:
            s.in_title = s.in_lead = s.in_first_paragraph = True
            s.count += 1
            s.where.insert(0, 0)


def _lead_end(first_paragraph: str) -> int:
    """Where the lead ends in the first paragraph: after its LEAD_SENTENCES-th sentence."""
    ends = sentence_ends(first_paragraph)
    return ends[LEAD_SENTENCES - 1] if len(ends) > LEAD_SENTENCES else len(first_paragraph)


def _generic_topic_is_the_story(s: _Stats) -> bool:
    """Stronger evidence for a generic topic: the headline names it, or the first paragraph
    and another paragraph do, or GENERIC_TOPIC_MIN_PARAGRAPHS paragraphs do."""
    return s.in_title or (s.in_first_paragraph and s.paragraphs >= 2) or (
        s.paragraphs >= GENERIC_TOPIC_MIN_PARAGRAPHS)


def _state_evidence(texts: Sequence[str], where: Sequence[int]) -> float:
    """How strongly the texts naming a place speak of its state: one for each text that speaks
    of a state's acts, ECONOMY_TEXT_WEIGHT for one that speaks only of the economy."""
    score = 0.0
    for i in where:
        if STATE_WORDS.search(texts[i]):
            score += 1
        elif ECONOMY_WORDS.search(texts[i]):
            score += ECONOMY_TEXT_WEIGHT
    return score


def _is_anchor(term: Term | None) -> bool:
    """True for a tag that shows an article is about chips."""
    if term is None:
        return False
    if term.kind in ("company", "topic"):
        # a company or topic of the chip business itself (its site sections say so), not one
        # whose news is mostly about something else
        return (term.name not in BROAD_COMPANIES and term.name not in GENERIC_TOPICS
                and bool(CHIP_CATEGORIES.intersection(term.categories)))
    return term.kind in ANCHOR_KINDS


def tag_article(
    title: str, paragraphs: Sequence[str], vocabulary: Vocabulary | None = None
) -> list[str]:
    """Every vocabulary name the article names (tags and mentions together), most relevant
    first. An entry's `tags` and `mentions` come from tags_and_mentions."""
    return [name for name, _ in _ranked(title, paragraphs, vocabulary)]


def tags_and_mentions(
    title: str, paragraphs: Sequence[str], vocabulary: Vocabulary | None = None
) -> tuple[list[str], list[str]]:
    """(tags, mentions): the entities and topics the story is about, and the other entities of
    the vocabulary it names in passing. Both most relevant first (title mentions, then mention
    count, then first appearance).

    An entity is a tag when it is salient: named in the headline or the first paragraph, named
    in at least SALIENT_MIN_PARAGRAPHS paragraphs, or the story's subject (the entity named most,
    at least SUBJECT_MIN_MENTIONS times). Topics are tags only (at most MAX_TOPIC_TAGS of
    them); every other entity named goes to the mentions."""
    ranked = _ranked(title, paragraphs, vocabulary)
    texts = [title if isinstance(title, str) else "",
             *(p for p in paragraphs or () if isinstance(p, str))]
    terms = _matcher(vocabulary if vocabulary is not None else load_vocabulary()).terms
    entities = [(n, s) for n, s in ranked if terms[n].kind != "topic"]
    chip_news = any(_is_anchor(terms[n]) for n, _ in ranked)
    needs_evidence = EVERYDAY_TOPICS if chip_news else GENERIC_TOPICS
    share = TOPIC_MIN_SHARE * (len(texts) - 1)
    candidates = [n for n, s in ranked if terms[n].kind == "topic" and (
        s.in_first_paragraph or s.paragraphs >= max(TOPIC_MIN_PARAGRAPHS, share)) and (
        n not in needs_evidence or _generic_topic_is_the_story(s))]
    topics = [n for i, n in enumerate(candidates) if not any(
        n in family and family.intersection(candidates[:i]) for family in TOPIC_FAMILIES)]
    topics = topics[:MAX_TOPIC_TAGS]
    top_count = max((s.count for _, s in entities), default=0)
    subject_by = math.ceil(SUBJECT_WITHIN_SHARE * (len(texts) - 1))  # last paragraph index
    tags: list[str] = []
    mentions: list[str] = []
    for name, s in ranked:
        if terms[name].kind == "topic":
            if name in topics:
                tags.append(name)
            continue
        subject = (s.count == top_count and s.count >= SUBJECT_MIN_MENTIONS
                   and bool(s.where) and s.where[0] <= subject_by)
        kind = terms[name].kind
        if kind in PLACE_KINDS:
            area = kind == "region" and name not in REGIONS_WITH_INSTITUTIONS
            salient = ((s.in_title and s.paragraphs >= PLACE_TITLE_MIN_PARAGRAPHS) or (
                s.paragraphs >= PLACE_MIN_PARAGRAPHS and not area)) and _state_evidence(
                texts, s.where) >= max(PLACE_MIN_STATE_TEXTS, PLACE_MIN_STATE_SHARE * len(s.where))
        elif kind in SETTING_KINDS:
            salient = s.in_title or s.paragraphs >= SALIENT_MIN_PARAGRAPHS
        else:
            salient = s.in_first_paragraph or s.paragraphs >= SALIENT_MIN_PARAGRAPHS or subject
        (tags if salient else mentions).append(name)
    return tags, mentions


def _ranked(
    title: str, paragraphs: Sequence[str], vocabulary: Vocabulary | None
) -> list[tuple[str, _Stats]]:
    """Every vocabulary name the article names (after the context rules), most relevant first."""
    vocab = vocabulary if vocabulary is not None else load_vocabulary()
    title = title if isinstance(title, str) else ""
    paragraphs = [p for p in paragraphs if isinstance(p, str)] if paragraphs else []
    matcher = _matcher(vocab)
    terms = matcher.terms
    stats = _collect(title, paragraphs, matcher)
    _read_headline_words(title, stats, matcher)
    full_text = "\n".join((title, *paragraphs))
    kept: dict[str, _Stats] = {}
    for name, s in stats.items():
        term = terms.get(name)
        if term is None:
            continue
        required = REQUIRED_CONTEXT.get(name)
        if required is not None and not required.search(full_text):
            continue
        passing = not (s.in_lead or s.count >= GENERIC_TOPIC_MIN_MENTIONS)
        if name in GENERIC_TOPICS and passing:
            continue
        if term.kind == "topic" and not (s.in_lead or s.count >= TOPIC_MIN_MENTIONS):
            continue
        kept[name] = s
    if not any(_is_anchor(terms.get(name)) for name in kept):
        # no chip news: a generic topic stays only when the story is plainly about it
        kept = {name: s for name, s in kept.items()
                if name not in GENERIC_TOPICS or _generic_topic_is_the_story(s)}
    if IMPLY_MAKERS:
        for name, s in list(kept.items()):
            term = terms.get(name)
            maker = term.maker if term is not None else None
            if maker and maker not in kept:
                # implied, not named: a mention at most (the story names the product, not the
                # maker; 'Llama' in the lead does not make Meta what the story is about)
                kept[maker] = _Stats(first=s.first + 0.5, implied=True)
    return sorted(
        kept.items(), key=lambda item: (not item[1].in_title, -item[1].count, item[1].first)
    )


def categorize(tags: Sequence[str], vocabulary: Vocabulary | None = None) -> list[str]:
    """One or two site categories for an entry, from its tags (most relevant tags weigh most)."""
    vocab = vocabulary if vocabulary is not None else load_vocabulary()
    terms = _matcher(vocab).terms
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for rank, name in enumerate(tags):
        term = terms.get(name)
        if term is None:
            continue
        weight = CATEGORY_KIND_WEIGHT.get(term.kind, 0.5) / (1 + rank)
        for category in term.categories:
            scores[category] = scores.get(category, 0.0) + weight
            first_seen.setdefault(category, len(first_seen))
    if not scores:
        return [FALLBACK_CATEGORY] if FALLBACK_CATEGORY in vocab.category_names() else []
    ranked = sorted(scores, key=lambda c: (-scores[c], first_seen[c]))
    top = ranked[:1]
    if len(ranked) > 1 and scores[ranked[1]] >= SECOND_CATEGORY_RATIO * scores[ranked[0]]:
        top.append(ranked[1])
    return top
