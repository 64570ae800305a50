"""Who 'he' and 'she' stand for, learnt from the article itself, for the quotes stage.

Two kinds of evidence, both written by the article: an honorific before a surname ('Ms.
Kessel'), and a sentence that opens with 'He'/'She'/'His'/'Her' right after a sentence whose
subject is a named person ('Elin Sandvik was not satisfied. She asked him ...'): that person
is 'she', and the pronoun chain goes on while the following sentences keep opening with the
same pronoun. quotes.py uses the first to rule people out ('she said' is never Mr. Roe) and
the chains to tell which of two people a pronoun follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.editorial.quote_attribution import sentence_subject
from digest.editorial.quote_names import ROLE_WORDS, resolve_name, split_role_name, surname
from digest.text.sentences import split_sentences

# --- data ---------------------------------------------------------------------------------------

# Honorifics that tell which pronoun stands for a person ('Ms. Kessel' ... 'she said').
HONORIFIC_PRONOUNS: dict[str, str] = {"mr": "he", "ms": "she", "mrs": "she", "miss": "she"}
GENDERED_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
# Words opening a sentence that continue the last person's pronoun chain, and its gender.
CHAIN_OPENERS: dict[str, str] = {"he": "he", "she": "she", "his": "he", "her": "she"}
# A pronoun quotation follows a chain that ran at most this many paragraphs before it.
CHAIN_REACH_PARAGRAPHS = 1

# --- patterns built from the data ---------------------------------------------------------------

_GENDERED_HONORIFIC = re.compile(
    r"\b(?P<title>" + "|".join(t.capitalize() for t in HONORIFIC_PRONOUNS) + r")\.?\s+"
    r"(?P<surname>[A-Z][\w’'-]+)"
)
_CHAIN_OPENER = re.compile(r"^(?P<pro>" + "|".join(w.capitalize() for w in CHAIN_OPENERS)
                           + r")\b")


@dataclass(slots=True)
class Pronouns:
    """`of`: the pronoun known for a person; `chains`: (paragraph, position, pronoun, person)
    for every sentence that opens with a pronoun standing for a named person."""

    of: dict[str, str] = field(default_factory=dict)
    chains: list[tuple[int, int, str, str]] = field(default_factory=list)

    def chained(self, para: int, pos: int, pronoun: str | None) -> str | None:
        """The person of the last chain sentence with this pronoun before (para, pos), in that
        paragraph or the CHAIN_REACH_PARAGRAPHS before it."""
        found = [c for c in self.chains if c[2] == pronoun and (c[0], c[1]) < (para, pos)
                 and c[0] >= para - CHAIN_REACH_PARAGRAPHS]
        return found[-1][3] if found else None


def learn_pronouns(paras: list[str], outside: list[str], people: dict[str, str | None]
                   ) -> Pronouns:
    """The pronouns the article itself gives its people (see the module docstring)."""
    known = Pronouns()
    by_surname = {surname(full): full for full in people}
    for text in paras:
        for m in _GENDERED_HONORIFIC.finditer(text):
            full = by_surname.get(m.group("surname"))
            if full:
                known.of.setdefault(full, HONORIFIC_PRONOUNS[m.group("title").lower()])
    subject: str | None = None  # the named person the last sentence was about
    for i, text in enumerate(outside):
        offset = 0
        for sentence in split_sentences(text):
            at = text.find(sentence, offset)
            offset = max(offset, at)
            opener = _CHAIN_OPENER.match(sentence)
            if opener is not None:
                pronoun = CHAIN_OPENERS[opener.group("pro").lower()]
                if subject is not None and known.of.get(subject, pronoun) == pronoun:
                    known.of.setdefault(subject, pronoun)
                    known.chains.append((i, at, pronoun, subject))
                else:
                    subject = None
                continue
            subject = _named_subject(sentence, people)
    return known


def _named_subject(sentence: str, people: dict[str, str | None]) -> str | None:
    """The full name of the person a sentence opens with: its leading capitalised and role
    words ('Example Chips chief executive Tomas Berg spoke ...' is Tomas Berg), else the
    subject after a circumstance ('In her review, Ada Roe wrote ...')."""
    lead: list[str] = []
    for word in sentence.split():
        bare = word.strip(",;:")
        if not (bare[:1].isupper() or bare.lower() in ROLE_WORDS):
            break
        lead.append(bare)
        if word.endswith((",", ";", ":")):
            break
    name = split_role_name(" ".join(lead))[0] if lead else None
    if name is None:
        found = sentence_subject(sentence, people)
        name = found.speaker if found is not None else None
    full = resolve_name(name, people) if name else None
    return full if full in people and len(full.split()) > 1 else None
