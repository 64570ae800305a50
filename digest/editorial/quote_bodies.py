"""Which organisation a description stands for ('the agency said', 'the company added'), for
the quotes stage.

The organisation named last before the quotation, in its paragraph or the one before; failing
that, the last organisation anywhere before whose name has a word of the description's kind
('the agency' -> 'Federal Trade Commission', 'the ministry' -> 'Ministry of Foreign Trade').
The kinds are data below.
"""

from __future__ import annotations

import re

from digest.editorial.quote_names import (
    NOT_NAME_WORDS,
    ORG_RUN_RE,
    is_org,
    org_name,
    resolve_name,
)
from digest.text.sentences import split_sentences

# --- data ---------------------------------------------------------------------------------------

# Words in the name of a body that a description of each kind may stand for.
BODY_KIND_WORDS: dict[str, frozenset[str]] = {
    "agency": frozenset({"agency", "commission", "administration", "bureau", "authority",
                         "office", "department", "service", "board"}),
    "regulator": frozenset({"commission", "authority", "agency", "board", "office",
                            "administration"}),
    "watchdog": frozenset({"commission", "authority", "agency", "office", "board"}),
    "ministry": frozenset({"ministry"}),
    "department": frozenset({"department"}),
    "commission": frozenset({"commission"}),
    "court": frozenset({"court", "tribunal"}),
    "bureau": frozenset({"bureau"}),
    "council": frozenset({"council"}),
    "government": frozenset({"government"}),
    "office": frozenset({"office"}),
}

# How far back 'the agency said' looks for the organisation it stands for (paragraphs).
ORG_LOOKBACK_PARAGRAPHS = 1


def body_of_kind(outside: list[str], para: int, pos: int, head: str) -> str | None:
    """The last organisation named anywhere before (para, pos) whose name has a word of the
    kind `head` names (BODY_KIND_WORDS), e.g. 'the agency' -> 'Federal Trade Commission'."""
    kind = BODY_KIND_WORDS.get(head)
    if not kind:
        return None
    best: str | None = None
    for i in range(para + 1):
        text = outside[i][: pos if i == para else None]
        for m in ORG_RUN_RE.finditer(text):
            name = org_name(m.group(0))
            if is_org(name) and kind & {w.lower().strip(".,") for w in name.split()}:
                best = name
    return best


def last_org_before(
    outside: list[str], para: int, pos: int, people: dict[str, str | None] | None = None
) -> str | None:
    """The organisation named last (outside quotes) before (para, pos), in that paragraph or
    the one before: 'reached out to the Department of Transportation. ... the agency said'.
    Besides names with an organisation word, a capitalised name opening a sentence that is
    no person the article introduces counts ('Microsoft blamed two updates ...', 'Magnetar
    released its first player ...'): companies are mostly written by bare name."""
    best: tuple[int, int, str] | None = None
    people = people or {}
    for i in range(max(0, para - ORG_LOOKBACK_PARAGRAPHS), para + 1):
        text = outside[i][: pos if i == para else None]
        for m in ORG_RUN_RE.finditer(text):
            if is_org(m.group(0)):
                best = max(best or (i, m.start(), ""), (i, m.start(), org_name(m.group(0))))
        offset = 0
        for sentence in split_sentences(text):
            at = text.find(sentence, offset)
            offset = max(offset, at)
            m = SENTENCE_OPENING_NAME.match(sentence)
            if m is None or m.group(1).split()[0].lower() in NOT_NAME_WORDS | QUESTION_WORDS:
                continue
            name = m.group(1)
            if name in people or resolve_name(name, people) in people:
                continue
            if best is None or (i, at) > best[:2]:
                best = (i, at, name)
    return best[2] if best else None


QUESTION_WORDS: frozenset[str] = frozenset({"what", "why", "how", "who", "which", "where",
                                            "whose", "whom", "does", "did", "do", "is", "was"})
# A capitalised name of one to three words opening a sentence, followed by a lower-case verb.
SENTENCE_OPENING_NAME = re.compile(r"^([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+[a-z]+(?:ed|s)\b")


def full_body_name(name: str, outside: list[str], people: dict[str, str | None]) -> str:
    """A one-word organisation speaker ('Corvane') under the full name the article gives it
    somewhere ('Corvane Systems'): the first organisation name that starts with that word."""
    if " " in name or name in people:
        return name
    for text in outside:
        for m in ORG_RUN_RE.finditer(text):
            full = org_name(m.group(0))
            extra = full[len(name) + 1 :].split()
            if (full.startswith(name + " ") and is_org(full)
                    and all(len(w) > 1 and w.lower() not in NOT_NAME_WORDS for w in extra)):
                return full
    return name
