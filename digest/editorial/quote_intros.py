"""How a sentence introduces a quotation without a plain '<Name> said': a colon sentence whose
subject is a body ('SRLabs came back with a clear message:'), a possessive ('Their
assessment:'), a document that reads ('The statement from X read:') and a characterisation
('Ada Roe called the outlook "..."'), for the quotes stage. The patterns are data below; the
reading of subjects and objects is quote_attribution.py's.
"""

from __future__ import annotations

import re

from digest.editorial.quote_attribution import (
    NEUTER_PRONOUN,
    PRONOUNS,
    SENTENCE_SUBJECT,
    Attribution,
    speaker_from_subject,
)
from digest.editorial.quote_names import ORG_RUN_RE, is_org, org_name

# --- data ---------------------------------------------------------------------------------------

# Possessive pronouns and the pronoun each stands for.
POSSESSIVE_PRONOUNS: dict[str, str] = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Nouns of what someone said, after a possessive: 'Their assessment:', 'In his words:'.
SAYING_NOUNS: tuple[str, ...] = ("words", "assessment", "verdict", "conclusion", "answer",
                                 "response", "reply", "view", "message", "summary", "advice",
                                 "take", "warning", "explanation", "statement")
POSSESSIVE_INTRO = re.compile(
    r"^(?:(?:In|As)\s+)?(?P<pro>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:own\s+|final\s+)?"
    r"(?:" + "|".join(SAYING_NOUNS) + r")\s*:?$"
)
# 'called the outlook', 'described it as', 'labelled them': a characterisation in the quoted
# words, at the end of the text before a quotation.
CHARACTERISATION = re.compile(
    r"\s+(?:called|calls|described|describes|labelled|labeled|branded|dubbed)\s+"
    r"(?:it|them|him|her|this|that|(?:the|its|their|his|her)\s+[a-z]+(?:\s+[a-z]+)?)"
    r"(?:\s+as)?\s*$"
)
# A document's words introduced with a colon: 'The statement from Eastbay Systems read:'.
DOCUMENT_READ = re.compile(r"^(?P<subj>.+?)\s+(?:read|reads)$")


def colon_subject(sentence: str) -> Attribution | None:
    """The subject of a sentence that introduces the next paragraph's quotation with a colon
    ('SRLabs came back with a clear message:'): a person, or any organisation that opens it."""
    m = SENTENCE_SUBJECT.match(sentence)
    if not m or m.group("subj").lower() in PRONOUNS:
        return None
    subject = m.group("subj")
    name = org_name(subject)
    if name and (is_org(subject) or ORG_RUN_RE.fullmatch(subject)):
        return Attribution(name, None, adjacent=True)
    return None


def possessive_colon(sentence: str) -> Attribution | None:
    """'Their assessment:', 'In her words:': a possessive pronoun introducing the next
    paragraph's quotation stands for its speaker, resolved like the pronoun itself."""
    m = POSSESSIVE_INTRO.match(sentence.strip())
    if not m:
        return None
    pronoun = POSSESSIVE_PRONOUNS[m.group("pro").lower()]
    if pronoun == NEUTER_PRONOUN:
        return Attribution(None, None, adjacent=True, descriptor=NEUTER_PRONOUN)
    return Attribution(None, None, adjacent=True, pronoun=True, plural=pronoun == "they",
                       gender=pronoun)


def document_read(clause: str) -> Attribution | None:
    """'<The statement from Org> read' before a colon and a quotation: the document's body."""
    m = DOCUMENT_READ.match(clause.strip())
    found = speaker_from_subject(m.group("subj")) if m else None
    return found if found is not None and found.speaker else None


def characterisation(before: str) -> Attribution | None:
    """'Ada Roe, an analyst at X, called the outlook "..."': the one who calls something by
    the quoted words is their speaker, when a name is the subject."""
    m = CHARACTERISATION.search(before)
    if not m:
        return None
    found = speaker_from_subject(before[: m.start()])
    return found if found is not None and (found.speaker or found.pronoun) else None
