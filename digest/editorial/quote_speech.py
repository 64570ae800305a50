"""What quoted text is speech, for the quotes stage: not scare quotes and terms, titles and
names in quotation marks, input typed to a machine or a screen's words (quote_spans.py's
`not_speech`), lone questions no one is said to ask, nor unattributed fragments of the
writer's sentence. The thresholds and markers are data below.
"""

from __future__ import annotations

import re

from digest.editorial.quote_attribution import SUBJECT_VERB_WORD, WORD, Attribution
from digest.editorial.quote_spans import PERSON_NAMING, Span, not_speech
from digest.text.sentences import split_sentences

# --- data ---------------------------------------------------------------------------------------

# Words just before a quoted span that make it a title or a name, not speech.
TITLE_MARKERS: tuple[str, ...] = (
    "called", "titled", "entitled", "dubbed", "named", "nicknamed", "known as", "branded",
    "billed as", "labelled", "labeled", "marketed as", "the term", "the phrase", "the word",
    "the words", "the slogan", "the motto", "the tagline", "so-called", "a paper", "the paper",
    "the report", "the book", "the song", "the album", "the film", "the movie", "the show",
    "the podcast", "the episode", "the series", "the headline", "the game", "code name",
    "codename", "codenamed", "code-named", "the name", "the hashtag", "paper", "study",
    "report", "article", "book", "blog post", "post", "essay", "white paper", "whitepaper",
    "slogan", "campaign", "program", "programme", "initiative", "project", "song", "film",
    # designations ('designated 2024 as "a year of special action"')
    "designated", "declared", "proclaimed",
)
# A title follows its marker directly ('the project "Blue Harbor"', 'a paper, "..."', 'titled
# "..."', 'a study of the "..."'), with at most these lower-case words between; any other
# lower-case word (a verb: 'the project was "compelled by fear"', 'the program would "raise
# the bar"') makes the quotation a predicate of the writer's sentence, not a title.
TITLE_LEADERS: frozenset[str] = frozenset({"as", "a", "an", "the", "new", "latest", "its", "their",
                                           "his", "her", "our", "called", "titled", "named",
                                           "dubbed", "entitled", "of", "on", "about",
                                           "for", "in"})
# A title marker counts when it is among the last words before the mark ("a 2023 paper, "...").
TITLE_MARKER_REACH = 3
# Words left lower case inside titles, ignored when deciding whether a quote is Title Case.
TITLE_SMALL_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "for", "of", "on", "in", "at", "to", "by", "as",
    "with", "from", "into", "onto", "over", "via", "vs", "vs.", "is", "be", "it",
})
# A fragment of the writer's sentence (lower-case start) shorter than this is a term, never a
# quotation, whatever verb is near (the gold rules: "fewer than three words"); a short whole
# utterance ('"Absolutely not," said X') is kept under the next rule.
MIN_FRAGMENT_WORDS = 3
# Quoted spans with at most this many words need a speech verb right next to them to count.
SCARE_QUOTE_MAX_WORDS = 3
# Partial quotes attributed from elsewhere in the sentence need at least this many words.
PARTIAL_QUOTE_MIN_WORDS = 4

# --- patterns built from the data ---------------------------------------------------------------

_TITLE_MARKER = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in TITLE_MARKERS) + r")\b")
_LETTER = re.compile(r"[A-Za-z]")


def is_speech(paras: list[str], group: list[Span], text: str, found: Attribution) -> bool:
    """False for scare quotes, titles and names in quotation marks."""
    words = WORD.findall(text)
    if not words or not _LETTER.search(text):
        return False
    first = group[0]
    if not_speech(paras[first.para], first):
        return False  # a prompt, a screen's message, a label or a menu path
    before = paras[first.para][: first.start].rstrip().rstrip(",:").lower()
    near = " ".join(before.split()[-TITLE_MARKER_REACH:])
    markers = list(_TITLE_MARKER.finditer(near))
    # words between the marker and the mark that make the quotation a predicate, not a title:
    # 'the project was "..."', 'the program would "raise ..."'
    tail = near[markers[-1].end() :].split() if markers else []
    predicate = any(w.isalpha() and w.islower() and w not in TITLE_LEADERS for w in tail)
    if markers and not SUBJECT_VERB_WORD.search(near) and not predicate and not (
            PERSON_NAMING.search(near)):
        return False
    has_speaker = found.speaker is not None or found.pronoun
    if not has_speaker and not found.adjacent and not found.role and _lone_question(text):
        return False  # 'Will it fit?', "what's in my bag?": a question no one is said to ask
    if len(group) > 1 and not found.adjacent and all(
            len(WORD.findall(g.text)) <= SCARE_QUOTE_MAX_WORDS for g in group):
        return False  # 'the "geography of AI" called the region a "superstar"': terms
    if len(words) < MIN_FRAGMENT_WORDS and not text[:1].isupper():
        return False  # 'called tourism its "sweet spot," she added': a term, not a quotation
    if len(words) <= SCARE_QUOTE_MAX_WORDS:
        return found.adjacent and has_speaker and not _title_case(words)
    if not found.adjacent and not has_speaker and len(words) < PARTIAL_QUOTE_MIN_WORDS:
        return False
    if not has_speaker and not found.adjacent and _title_case(words):
        return False
    # an unattributed fragment inside a sentence (not a whole sentence) is a scare/title quote
    whole_para = first.start == 0 or not group[0].closed
    # a closing period inside the marks ends the writer's sentence as often as the speaker's:
    # only a capitalised quotation ending in one reads as a sentence of its own
    ends = text[-1:] in ".!?…" and not text[:1].islower()
    sentence_like = ends or whole_para or len(group) > 1
    # 'the company told CNN', 'A presenter said to ...'
    described = has_speaker or found.descriptor is not None or bool(found.role)
    if not described and not found.adjacent and not sentence_like:
        return len(words) >= 8 and not _title_case(words)
    return True


def _lone_question(text: str) -> bool:
    """One sentence ending in a question mark ('Do I cut this back, or leave it alone?')."""
    body = text.rstrip(" ”\"’'")
    return body.endswith("?") and not split_sentences(body)[:-1]


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


