"""What a figure measures: the clause of its sentence around the number, in one piece.

The context of "38%" in "Revenue reached $4.2 billion, up 38% from a year earlier" is the words
of its own clause, "up 38% from a year earlier", widened to the clause before when its own says
nothing about what is measured (it opens with "up", "down", "which" ... or has too few words):
"Revenue reached $4.2 billion, up 38% from a year earlier". The phrase is always a contiguous
stretch of the sentence, cut at its ends only, never elided in the middle. A comparison that
follows a comma ("…, compared to x86 chips from Intel and AMD") is kept.

All boundaries, openers and budgets are data below; `measure_context` only applies them.
"""

from __future__ import annotations

import re

# --- data ---------------------------------------------------------------------------------------

# Characters and dashes that end a clause. A comma inside a number ("1,200") or a dash inside a
# range ("45–54") is not a boundary: the value's own span is never searched for boundaries.
CLAUSE_BOUNDARY = re.compile(
    r",(?!\d{3})|;|:(?!\d)|\(|\)|\s[—–-]\s|—|\s–"
    r"|\s(?:and|but|while|whereas)(?=\s(?:the|a|an|its|their|it|he|she|they|we|i|this|that)\s)"
)
# A short aside in brackets with no number in it (a stock ticker "(NYSE: NW)", an acronym
# "(FMCSA)") is no clause boundary: the clause reads through it.
ASIDE = re.compile(r"\([^()\d]{1,30}\)")
# First words of a clause that describe something named in the clause before: the context then
# starts in that clause ("revenue of $12.8 billion, up 1% ...", "the chip, which draws 700 W").
CONTINUING_OPENERS: frozenset[str] = frozenset({
    "up", "down", "rising", "falling", "rose", "fell", "compared", "versus", "plus", "or",
    "roughly", "about", "nearly", "which", "that", "who", "where",
    "from", "to", "with", "of", "at", "for", "by", "including", "representing", "making",
    "accounting", "equal", "equivalent", "bringing", "taking", "almost", "around", "some",
    "more", "less", "over", "under", "just", "only", "excluding",
})
# Adverbs and participles opening a clause continue the clause before too ('laptops draw
# little power, typically using 30 to 70 watts'): words with these endings, this long at least.
CONTINUING_SUFFIXES: tuple[str, ...] = ("ly", "ing")
CONTINUING_MIN_LENGTH = 5
# ... and only when so few words of the clause stand before the value (an opening phrase of a
# sentence likewise: 'At over 10 million tons a year, ...').
OPENING_PHRASE_MAX_WORDS = 3
# Words at the start of a comparison that may follow a comma and stay in the context.
COMPARISON_START = re.compile(
    r"^\s*(?:compared (?:to|with)|versus|vs\.?|than|from|up from|down from|over|against|"
    r"relative to|a year (?:earlier|ago)|year[- ]on[- ]year|year[- ]over[- ]year)\b", re.I,
)
# Words that mark a comparison: they raise a figure's rank.
COMPARISON_WORDS: frozenset[str] = frozenset({
    "compared", "versus", "vs", "vs.", "than", "from", "over", "against", "relative",
    "year-on-year", "year-over-year", "increase", "decrease", "rise", "rose", "fell", "fall",
    "gain", "growth", "faster", "slower", "improvement", "better", "more", "less", "up", "down",
    "jump", "drop", "cut", "higher", "lower",
})
# Budgets, in words. Before the value: enough to reach the subject of a short clause; more when
# nothing follows the value (the measured noun is then before it: "AI revenue ... rose 220%").
WORDS_BEFORE = 9
WORDS_BEFORE_WHEN_NOTHING_AFTER = 13
WORDS_AFTER = 8
# A clause with fewer words before the value than this is widened to the clause before.
MIN_WORDS_BEFORE = 2
# Conjunctions opening a clause: not counted as words of the clause.
CONJUNCTIONS: frozenset[str] = frozenset({"and", "but", "or", "while", "whereas", "so", "yet"})
# Words that name nothing: a value followed only by these has its measured noun before it.
FUNCTION_WORDS: frozenset[str] = frozenset({
    "and", "or", "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "is", "was", "are", "were", "be", "that", "which", "than", "as", "its", "their", "this",
})
# Extra words allowed to finish a comparison that follows the value's clause.
COMPARISON_EXTRA_WORDS = 8
# Characters trimmed from the ends of a context.
TRIM = " ,;:.—–-“”\"()‘’'"


def measure_context(sentence: str, s: int, e: int) -> tuple[str, bool]:
    """The context of the value at sentence[s:e], and whether it makes a comparison."""
    plain = sentence
    if "(" in sentence:  # boundaries are looked for with the asides blanked out
        plain = ASIDE.sub(lambda m: " " * len(m.group()), sentence)
        plain = plain[:s] + sentence[s:e] + plain[e:]
    return _measure_context(sentence, plain, s, e)


def _measure_context(sentence: str, plain: str, s: int, e: int) -> tuple[str, bool]:
    starts = [m.end() for m in CLAUSE_BOUNDARY.finditer(plain, 0, s)]
    clause_start = starts[-1] if starts else 0
    before_words = sentence[clause_start:s].split()
    first = before_words[0].lower().strip(TRIM) if before_words else ""
    own = [w for w in before_words if w.lower().strip(TRIM) not in CONJUNCTIONS]
    named_after = any(w.strip(TRIM).isalpha() and w.lower().strip(TRIM) not in FUNCTION_WORDS
                      for w in sentence[e:].split()[:3])
    bare = (len(own) < MIN_WORDS_BEFORE and not (own or named_after)) or not before_words
    # 'At over 10 million tons a year, e-waste is ...': an opening phrase of the sentence,
    # whose subject is the main clause after it
    opening_phrase = not clause_start and first in CONTINUING_OPENERS and (
        len(own) <= OPENING_PHRASE_MAX_WORDS)
    continues = _continues(first) and len(own) <= OPENING_PHRASE_MAX_WORDS
    if clause_start and (bare or first in CONTINUING_OPENERS or continues or (
            len(own) < MIN_WORDS_BEFORE and not named_after)):
        clause_start = starts[-2] if len(starts) > 1 else 0  # the clause before, in one piece
        before_words = sentence[clause_start:s].split()
    lead_words = before_words
    while lead_words and lead_words[0].lower().strip(TRIM) in CONJUNCTIONS:
        lead_words = lead_words[1:]  # no context opens with 'and' or 'but'
    before_words = lead_words
    end_match = CLAUSE_BOUNDARY.search(plain, e)
    clause_end = end_match.start() if end_match else len(sentence)
    if (opening_phrase and end_match and plain[end_match.start()] == ","
            and plain[end_match.end() : end_match.end() + 1] not in "”\"’'"):
        nxt = CLAUSE_BOUNDARY.search(plain, end_match.end())
        end_match = nxt
        clause_end = nxt.start() if nxt else len(sentence)
    after = sentence[e:clause_end]
    extra = 0
    if end_match and COMPARISON_START.match(sentence[end_match.end() :]):
        nxt = CLAUSE_BOUNDARY.search(plain, end_match.end())
        clause_end = nxt.start() if nxt else len(sentence)
        after = sentence[e:clause_end]
        extra = COMPARISON_EXTRA_WORDS
    after_words = after.split()
    if not extra and any(COMPARISON_START.match(w) for w in after_words[:WORDS_AFTER]):
        extra = COMPARISON_EXTRA_WORDS  # finish the comparison the budget would cut
    has_after = sum(1 for w in after_words[:3] if w.strip(TRIM).isalpha()) >= 1
    budget = WORDS_BEFORE if has_after else WORDS_BEFORE_WHEN_NOTHING_AFTER
    lead = before_words[-budget:]
    tail = after_words[: WORDS_AFTER + extra]
    while tail and tail[-1].lower().strip(TRIM) in FUNCTION_WORDS:
        tail.pop()  # no dangling "at", "and", "of" at the end
    glue = " " if after[:1].isspace() else ""
    value = sentence[s:e]
    phrase = (" ".join([*lead, value]) + glue + " ".join(tail)).strip().strip(TRIM)
    if not phrase:
        phrase = value
    comparison = any(w.lower().strip(TRIM) in COMPARISON_WORDS for w in [*lead, *tail])
    return phrase, comparison


def _continues(word: str) -> bool:
    """An adverb or a participle ('typically', 'usually', 'jumping'): see CONTINUING_SUFFIXES."""
    return len(word) >= CONTINUING_MIN_LENGTH and word.isalpha() and word.endswith(
        CONTINUING_SUFFIXES)
