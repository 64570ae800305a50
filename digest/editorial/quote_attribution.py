"""How a quotation is attributed: speech verbs, the speaker before or after a quotation, and
the subject of a sentence, for the quotes stage.

`Attribution` says who a quotation is attributed to and how close the evidence is; the
functions read one piece of text around a quotation ('said Name, role', 'Name said', 'according
to Name', '— Name, Title', 'Name, role, said', the subject of a sentence). quotes.py decides
which text to read. The verbs and openers they match on are data below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.editorial.quote_names import (
    CAP_RUN,
    CAP_RUN_AT_END,
    CAP_RUN_RE,
    COMMA,
    DEFINITE,
    DESCRIBED_ORG,
    ORG_HEAD_NOUNS,
    ORG_PREPOSITIONS,
    ORG_RUN,
    ORG_RUN_AT_END,
    ORG_RUN_RE,
    ROLE_WORDS,
    clean_role,
    is_generic,
    is_org,
    is_role,
    is_who_clause,
    looks_like_name,
    org_name,
    resolve_name,
    role_prefix,
    split_role_name,
    strip_who,
    tail_clause,
)

# --- data ---------------------------------------------------------------------------------------

# Speech verbs, most common first. A verb here attributes a quote in both word orders
# ("Dupin said" and "said Dupin").
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "added", "adds", "explained", "explains", "noted", "notes",
    "wrote", "writes", "stated", "states", "continued", "continues", "argued", "argues",
    "asked", "asks", "recalled", "recalls", "insisted", "insists", "claimed", "claims",
    "remarked", "remarks", "observed", "observes", "commented", "comments", "declared",
    "declares", "announced", "announces", "confirmed", "confirms", "acknowledged",
    "acknowledges", "admitted", "admits", "warned", "warns", "predicted", "predicts",
    "suggested", "suggests", "emphasized", "emphasised", "emphasizes", "emphasises",
    "stressed", "stresses", "touted", "touts", "boasted", "boasts", "quipped", "quips",
    "joked", "jokes", "replied", "replies", "responded", "responds", "answered", "answers",
    "posted", "posts", "tweeted", "tweets", "agreed", "agrees", "concluded", "concludes",
    "cautioned", "cautions", "conceded", "concedes", "maintained", "maintains", "described",
    "described it", "reiterated", "reiterates", "promised", "promises", "vowed", "vows",
    "countered", "counters", "highlighted", "highlights", "put it", "puts it",
    # two-word verbs and participles seen on real pages ('as the committee has pointed out, ...',
    # 'sent a letter stating that ...')
    "pointed out", "points out", "stating", "saying", "inquired", "inquires", "enquired",
    # verbs of telling found on general news pages ('Habets elaborates, "..."', 'Cossio
    # imparted to all writers, "..."')
    "elaborated", "elaborates", "revealed", "reveals", "imparted", "recounted", "recounts",
    "reflected", "reflects", "mused", "muses", "lamented", "laments", "complained",
    "complains", "testified", "testifies", "urged", "urges", "advised", "advises",
    "echoed", "echoes", "opined", "shared", "shares", "captioned", "texted", "emailed",
    # participles and verbs of reporting ('declined to comment, clarifying only that "..."',
    # 'delayed the launch, citing "..."', 'ESPN reported there is "..."')
    "clarified", "clarifies", "clarifying", "citing", "adding", "noting", "explaining",
    "arguing", "warning", "insisting", "reported", "reports",
)

# Left out on purpose: belief verbs ("expects", "believes", "thinks"). In 'Dupin said Apple
# expects "..."' they would make the company the speaker of Dupin's words.
# Verbs whose object is the listener, not the speaker: only the "Name told" order attributes.
SUBJECT_ONLY_VERBS: tuple[str, ...] = ("told", "tells", "informed", "assured", "reminded")

# Words allowed between a speaker and the verb ("Dupin also said", "Huang has long argued").
VERB_MODIFIERS: tuple[str, ...] = (
    "also", "later", "then", "previously", "once", "recently", "further", "has", "had", "have",
    "long", "repeatedly", "again", "earlier", "would", "will", "often", "simply", "later",
    # intensifiers ('Oppenheimer himself once said')
    "himself", "herself", "itself", "themselves",
)

# Pronouns that stand for the last person named.
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they"})

# Object pronouns after a verb of hearing or remembering speak the quotation: 'I remember him
# saying', 'we heard her say'. Other verbs make them the listener ('she told him').
OBJECT_PRONOUNS: dict[str, str] = {"him": "he", "her": "she", "them": "they"}
PERCEPTION_VERBS: frozenset[str] = frozenset({
    "remember", "remembers", "remembered", "recall", "recalls", "recalled", "heard", "hear",
    "hears", "overheard", "watched", "saw", "see", "imagine", "imagined",
})

# 'it said', 'it added': the organisation quoted just before.
NEUTER_PRONOUN = "it"

# Nouns for a document that speaks for an organisation: 'said a report from <Org>'.
DOCUMENT_NOUNS: tuple[str, ...] = ("report", "note", "research note", "statement", "study",
                                   "analysis", "survey", "memo", "letter", "filing", "release",
                                   # legal and web documents ('The Department of Justice
                                   # complaint says', "the company's blog post said")
                                   "complaint", "lawsuit", "indictment", "website",
                                   "blog post", "post", "announcement", "assessment")

# Words opening what follows a speech verb that leave the verb's subject the speaker ('Claure
# said in the email, which ...', 'Hicks said of her time in the military').
CIRCUMSTANCE_OPENERS: tuple[str, ...] = ("in ", "on ", "during", "at ", "to ", "reporters",
                                         "that", "via", "of ", "over ", "after ", "before ",
                                         "when ", "while ")

# '"...," <subject> said <anything>': a subject of at most this many words.
ANY_TAIL_MAX_SUBJECT_WORDS = 12

# Dashes that open a press-release attribution line ("— Jane Doe, CEO of Example").
ATTRIBUTION_DASHES = "—–-"

# --- patterns built from the data ---------------------------------------------------------------

VERBS = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
SUBJECT_VERBS = VERBS + "|" + "|".join(SUBJECT_ONLY_VERBS)
MODS = "|".join(VERB_MODIFIERS)
# "said <speaker>" at the start of the text after a quote.
VERB_FIRST = re.compile(
    r"^[\s,]*(?:(?:" + MODS + r")\s+)*(?P<verb>" + VERBS + r")\s+(?P<rest>.+)$", re.S
)
# 'president David Weisbrot', 'Keystone Policy Group analyst Renata Ilves'
ROLE_WORDS_RE = "|".join(re.escape(w) for w in sorted(ROLE_WORDS, key=len, reverse=True))
ROLE_THEN_NAME = re.compile(  # role words in any case, the name capitalised
    r"(?P<role>.*\b(?i:" + ROLE_WORDS_RE + r"))\s+(?P<name>" + CAP_RUN + r")"
)
# '<Org> complaint says', "<Org>'s report said": the organisation speaks through its document.
ORG_DOCUMENT = re.compile(
    r"(?:^|\s)(?P<org>" + ORG_RUN + r")(?:[’']s)?\s+(?:" + "|".join(DOCUMENT_NOUNS) + r")$"
)
# "the department's website", "its statement": a document of a body named before.
OWNED_DOCUMENT = re.compile(
    r"^(?P<owner>[Tt]he\s+(?P<head>[a-z]+)[’']s|[Ii]ts)\s+(?:[a-z]+\s+)?(?:"
    + "|".join(DOCUMENT_NOUNS) + r")$"
)
DOCUMENT_FROM = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+)?(?:" + "|".join(DOCUMENT_NOUNS) + r")\s+(?:from|by)\s+(?P<org>"
    + ORG_RUN + r")$"
)
# An unnamed speaker after a speech verb: an indefinite description in lower case ('said a
# recent graduate who asked not to be named', 'said one trader'); the relative clause is cut.
UNNAMED_SPEAKER = re.compile(
    r"^(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<who>(?:[A-Z][\w&-]*\s+){0,2}[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}?)"
    r"(?=\s+(?:who|whose|that|with|in|at|from|when|while|after|on|via|to)\b|\s*$)"
)
# A circumstance between a named subject and its speech verb ('Visa at the time said', 'Ada
# Roe in a statement said'): a preposition and at most four lower-case words after a
# capitalised word.
SUBJECT_CIRCUMSTANCE = re.compile(
    r"^(?P<keep>.*\b[A-Z][\w’'.&-]*)\s+(?:at|in|on|during|last|this|earlier|later)"
    r"(?:\s+[a-z][\w-]*){1,4}$", re.S
)
RELATIVE_AFTER_NAME = re.compile(r"^(?P<keep>.*\b[A-Z][\w’'.&-]*),?\s+(?:that|who|which)$", re.S)
APPOSED_CIRCUMSTANCE = re.compile(
    r"^(?:in|on|at|during|via|through|speaking|writing|later|earlier|meanwhile)\b[^A-Z]*$")
# An attribution set off by commas inside the writer's sentence: ', wrote Ada Rhodes, author of
# X,' up to the comma that closes it (at most two comma-separated parts: the name and a role).
INVERTED_ATTRIBUTION = re.compile(r"[^,]+(?:,[^,]+)?(?=,)")
# An appositive after a name: 'a professor at X', 'the Buffalo Democrat who ...', 'who ...'.
APPOSITIVE = re.compile(r"^(?:a|an|the|another|one|who|whose)\s", re.I)  # 'one of the ...'
# "theCUBE's Savannah Peterson", "the agency's Jane Roe": an owner in the possessive, then a name.
OWNER_THEN_NAME = re.compile(
    r"^(?P<owner>\S+[’']s)\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)$"
)
# Words that open a circumstance before a sentence's subject ('In a memo, Hochul said ...').
CIRCUMSTANCE_WORDS: tuple[str, ...] = (
    "In", "At", "On", "After", "Before", "During", "For", "With", "When", "While", "Since",
    "Speaking", "Asked", "Later", "Earlier", "Then", "Now", "Still", "However", "Meanwhile",
    "Separately", "Last", "This", "Next", "As", "Back", "By", "From", "Under", "Over",
)
# A sentence that opens with its subject, after at most one circumstance ('Fundamentally,',
# 'At a dinner last year with X,'): a capitalised name or a pronoun, an optional appositive
# (', a professor at X,'), then a lower-case word (the verb).
SENTENCE_SUBJECT = re.compile(
    r"^(?:(?:" + "|".join(CIRCUMSTANCE_WORDS) + r"|[A-Z][a-z]+ly)\b[^,]{0,90},\s+)?"
    r"(?P<subj>" + CAP_RUN + r"|[Hh]e|[Ss]he|[Tt]hey)"
    r"(?:,\s+[^,]{1,120},)?\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)"
)
# The subject opening a sentence that a participle of saying hangs on: a name, a pronoun or a
# definite description ('The agency', 'The company's lawyers'), after at most one circumstance.
PARTICIPLE_SUBJECT = re.compile(
    r"^(?:(?:" + "|".join(CIRCUMSTANCE_WORDS) + r")\b[^,]{0,90},\s+)?"
    r"(?P<subj>[Tt]he\s+[a-z][\w-]*|" + CAP_RUN + r"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
    r"(?:,\s+[^,]{1,120},)?\s+[a-z]"
)
# A person's name of two or three words followed by 'of/at/from <Organisation>'.
PERSON_OF_ORG = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})\s+(?P<org>(?:of|at|from)\s+.+)$"
)
# A title with a lower-case 'of'/'for' and its object, then a two-word name at the end.
TITLE_THEN_NAME = re.compile(r"^(?P<role>[A-Z][\w-]*(?:\s+[\w-]+)*?\s+(?:of|for)\s+[A-Z][\w-]*)"
                             r"\s+(?P<name>[A-Z][a-z][\w’'-]*\s+[A-Z][a-z][\w’'-]*)$")
# A two-word capitalised name later in a description ('Secretary of State Mike Pompeo').
NAME_LATER = re.compile(r"\b[A-Z][a-z][\w’'-]*\s+[A-Z][a-z][\w’'-]*")
# An age or a credential in apposition ('Jane Doe, 52, said', 'Beth Keith, MS, RDN, a
# dietitian, told'): no part of the name or the role.
AGE_CLAUSE = re.compile(r"\d{1,3}|[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?")  # 'Doe, 52,' 'Keith, MS, RDN,'
# A one-word subject ('Adele spoke out against ...') is a speaker when one of these follows it.
SPEAKING_WORDS = frozenset({*(v for v in SPEECH_VERBS if " " not in v), *SUBJECT_ONLY_VERBS,
                             "spoke", "speaks", "talked", "talks"})
# 'announced in October, said Derek Scissors, ...': an attribution after a few words of the
# sentence the quote sits in.
LATE_VERB = re.compile(r",\s+(?=(?:" + VERBS + r")\s+[A-Z])")
ACCORDING_TO = re.compile(r"\baccording to\s+(?P<rest>.+)$", re.I | re.S)
WORD = re.compile(r"[\w’'%$.-]+")
SUBJECT_VERB_WORD = re.compile(r"\b(?:" + SUBJECT_VERBS + r")\b")
SUBJECT_THEN_VERB = re.compile(
    r"^(?P<subj>.+?)\s+(?:(?:" + MODS + r")\s+)*(?P<verb>" + SUBJECT_VERBS + r")\b(?P<tail>.*)$",
    re.S,
)
TRAILING_MODS = re.compile(r"(?:\s+(?:" + MODS + r"))+$")
ACCORDING_TO_WORD = re.compile(r"\baccording to\b", re.I)
COMMA_SPACES = re.compile(r",\s+")
CIRCUMSTANCE_CUT = re.compile(
    r"\s+(?:in an?|on|during|at the|when|while|via|before|after)\s+"
    r"(?:interview|statement|keynote|call|email|post|blog|press|conference|"
    r"event|earnings|briefing|speech|panel|presentation|podcast|video|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    # 'wrote Mikhail Roe on Telegram', 'said Ada Roe via LinkedIn': where it was said
    r"|(?<=[a-z])\s+(?:on|via)\s+(?=[A-Z])"
)
# Lower-case descriptors before a name after a speech verb ('wrote exiled businessman Mikhail
# Roe', 'said longtime customer Ada Roe'): the descriptors are the role.
DESCRIBED_NAME = re.compile(r"^(?P<role>(?:[a-z][\w’'-]*\s+){1,5})(?P<name>" + CAP_RUN + r")$")
PARTS = re.compile(r",\s+|\s+—\s+|\s+–\s+")



# --- attribution --------------------------------------------------------------------------------

@dataclass(slots=True)
class Attribution:
    """Who a span is attributed to, and how close the evidence was."""

    speaker: str | None
    role: str | None
    adjacent: bool  # a speech verb right next to the quote (not a partial-sentence guess)
    pronoun: bool = False
    descriptor: str | None = None  # 'the president', 'the group': resolved against the article
    plural: bool = False  # the pronoun is 'they': may stand for an organisation
    gender: str | None = None  # the pronoun itself ('he', 'she', 'they')

def sentence_subject(sentence: str, people: dict[str, str | None]) -> Attribution | None:
    """The person a sentence is about, when it opens with them: 'Governor Murphy emphasized
    that ...', 'Fundamentally, Tipton credits ...', 'At a dinner, Murphy asked ...', 'She
    previously removed ...'. None for other subjects."""
    m = SENTENCE_SUBJECT.match(sentence.strip())
    if not m:
        return None
    subject = m.group("subj")
    if subject.lower() in PRONOUNS:
        return Attribution(None, None, adjacent=True, pronoun=True, plural=subject == "they",
                            gender=subject.lower())
    if not looks_like_name(subject) or is_org(subject):
        return None
    name, role = split_role_name(subject)
    if not name:
        return None
    speaking = m.group("verb") in SPEAKING_WORDS
    if len(name.split()) < 2 and resolve_name(name, people) == name and not speaking:
        return None  # one capitalised word that names no one introduced: 'Demand for ...'
    return Attribution(name, role, adjacent=True)

def strip_after_comma(before: str) -> str:
    """'According to Name, a role at X, customers' -> 'According to Name, a role at X'."""
    m = ACCORDING_TO_WORD.search(before)
    if not m:
        return ""
    parts = COMMA_SPACES.split(before[m.start() :])
    keep = [parts[0]]
    for part in parts[1:]:
        if is_role(part) or is_who_clause(part):
            keep.append(part)
        else:
            break
    return ", ".join(keep)

def verb_first(after: str) -> Attribution | None:
    """'said Name, role' / 'said the company's CEO, Name' right after a quote."""
    m = VERB_FIRST.match(after)
    if not m:
        return None
    return speaker_from_object(m.group("rest"))

def according_to(text: str) -> Attribution | None:
    m = ACCORDING_TO.search(text)
    if not m:
        return None
    return speaker_from_object(m.group("rest"))

def dash_attribution(text: str) -> Attribution | None:
    """'— Jane Doe, chief executive of Example' (press-release style); '— Software engineer
    at a bank' names no one but describes the speaker (speaker None, the role kept)."""
    rest = text.lstrip(ATTRIBUTION_DASHES + " ")
    found = speaker_from_object(rest)
    if found is None or (found.speaker is None and not (found.role and is_role(found.role))):
        return None
    return found

def speaker_from_object(rest: str) -> Attribution | None:
    """Speaker and role at the start of `rest`: 'Name, role', 'Org's role, Name', 'Org CEO Name'."""
    rest = rest.strip().rstrip(".!?").strip()
    rest = CIRCUMSTANCE_CUT.split(rest)[0]
    if not rest:
        return None
    first = rest.split()[0].lower().strip(",")
    if first in PRONOUNS:
        return Attribution(None, None, adjacent=True, pronoun=True, plural=first == "they",
                            gender=first)
    if first == NEUTER_PRONOUN and len(rest.split()) == 1:
        return Attribution(None, None, adjacent=True, descriptor=NEUTER_PRONOUN)
    parts = [p.strip() for p in PARTS.split(rest) if p.strip()]
    head = parts[0]
    # 'a report from Kotak Institutional Equities': the organisation speaks
    if (doc := DOCUMENT_FROM.match(head)) and is_org(doc.group("org")):
        return Attribution(org_name(doc.group("org")), None, adjacent=True)
    if ORG_RUN_RE.fullmatch(head) and is_org(head):
        person = PERSON_OF_ORG.match(head)
        if person is not None and not is_org(person.group("name")):
            # 'Pamela Lyon of the University of Adelaide': a person, then where they work
            return Attribution(person.group("name"), person.group("org").rstrip(".,"),
                               adjacent=True)
        return Attribution(org_name(head), None, adjacent=True)
    # 'the company's CEO, Lisa Su' / 'Nvidia's chief executive, Jensen Huang'
    if len(parts) > 1 and not looks_like_name(head) and looks_like_name(parts[1]):
        name, role = split_role_name(parts[1])
        return Attribution(name, clean_role(head), adjacent=True)
    # 'president David Weisbrot', 'Keystone Policy Group analyst Renata Ilves'
    titled = ROLE_THEN_NAME.fullmatch(head)
    role_words = titled.group("role").split() if titled else []
    if titled and (role_words[0][:1].islower() or role_words[-1].islower()):
        name, _ = split_role_name(titled.group("name"))
        if name:
            return Attribution(name, clean_role(titled.group("role")), adjacent=True)
    described = DESCRIBED_NAME.fullmatch(head)
    if described and described.group("role").split()[0] not in ("the", "a", "an", "its"):
        name, _ = split_role_name(described.group("name"))
        if name and len(name.split()) > 1:
            return Attribution(name, described.group("role").strip(), adjacent=True)
    owner = OWNER_THEN_NAME.match(head)
    if owner and looks_like_name(owner.group("name")):
        name, _ = split_role_name(owner.group("name"))
        if name:  # "theCUBE's Savannah Peterson": the owner is her role
            return Attribution(name, owner.group("owner"), adjacent=True)
    titled_name = TITLE_THEN_NAME.match(head)
    if titled_name is not None and is_role(titled_name.group("role")):
        # 'Secretary of State Mike Pompeo': a title with its object, then the name
        name, _ = split_role_name(titled_name.group("name"))
        if name:
            return Attribution(name, clean_role(titled_name.group("role")), adjacent=True)
    m = CAP_RUN_RE.match(head)
    if m is not None and " " not in m.group(0) and head[m.end() :].strip()[:1].islower() and (
            is_role(head)) and not NAME_LATER.search(head[m.end() :]):
        # '— Software engineer working on data platforms', 'said Research scientist at X': one
        # capitalised word opening a description is no name; the speaker is unnamed
        return Attribution(None, clean_role(head), adjacent=True)
    if not m:
        if is_generic(head):  # 'according to the company': resolved like 'the company said'
            return generic_or_none(head) or Attribution(None, None, adjacent=True)
        if (unnamed := UNNAMED_SPEAKER.match(head)) is not None:
            # 'said a recent graduate who asked not to be named': someone the text does not
            # name; the description is the role, and no earlier speaker is inherited
            return Attribution(None, clean_role(unnamed.group("who")), adjacent=True)
        return None
    name, role = split_role_name(m.group(0))
    if name is None:
        if is_generic(head):  # 'according to the company': resolved like 'the company said'
            return generic_or_none(head) or Attribution(None, None, adjacent=True)
        return None
    if role is None and len(parts) > 1 and (is_role(parts[1]) or is_who_clause(parts[1])):
        role = clean_role(strip_who(parts[1]))
    if role is None and m.end() < len(head):
        trailing = head[m.end() :].strip()
        # 'Lisa Su of AMD' -> role-ish 'of AMD' is not a role; leave it
        if trailing.lower().startswith(("who ", "which ")):
            role = None
    return Attribution(name, role, adjacent=True)

def subject_verb(
    clause: str, at_start: bool = False, any_tail: bool = False
) -> Attribution | None:
    """'<subject> said' ending `clause` (or starting it when `at_start`; with `any_tail`, the
    words after the verb may run on: '"...," Black said about the bushes with the trees ...')."""
    clause = clause.strip().lstrip(",").strip()
    if not clause:
        return None
    m = SUBJECT_THEN_VERB.match(clause)
    if not m:
        return None
    tail = m.group("tail").strip()
    if at_start:
        # after a quote: a short tail ('reporters') or a circumstance ('in the email, which ...')
        circumstance = tail.lower().startswith(("in ", "on ", "at ", "during ", "to ", "via "))
        # '" he said, with 80% of sales from ...': the verb closes the attribution
        circumstance = circumstance or tail.startswith(",")
        if len(WORD.findall(tail)) > 8 and not circumstance and not (
                any_tail and len(WORD.findall(m.group("subj"))) <= ANY_TAIL_MAX_SUBJECT_WORDS):
            return None
    elif len(WORD.findall(tail)) > 3 and not tail.lower().startswith(CIRCUMSTANCE_OPENERS):
        return None
    return speaker_from_subject(m.group("subj"))

def subject_verb_anywhere(before: str, inverted: bool = True) -> Attribution | None:
    """The last '<subject> said' in the sentence part before a partial quote (with `inverted`,
    also 'said <Name>' after the verb)."""
    matches = list(SUBJECT_VERB_WORD.finditer(before))
    for m in reversed(matches):
        subj = before[: m.start()].rstrip()
        subj = TRAILING_MODS.sub("", subj)
        if subj.endswith(","):
            # 'The project, wrote Ada Rhodes, author of X, was "..."': an attribution set off
            # by commas names its speaker after the verb, not before it
            inverted = INVERTED_ATTRIBUTION.match(before, m.start())
            if inverted is not None and (found := verb_first(inverted.group(0))) is not None \
                    and found.speaker:
                return found
            if m.group(0).endswith("ing") and (found := participle_subject(subj)) is not None:
                return found  # 'The agency declined to comment, clarifying that "..."'
        found = speaker_from_subject(subj)
        if found is not None:
            return found
        after = verb_first(before[m.start() :]) if inverted else None
        if after is not None and after.speaker:
            return after
    return None


def participle_subject(clause: str) -> Attribution | None:
    """The subject of the sentence a participle of saying hangs on ('Ada Roe declined to
    comment, clarifying only that ...', 'The agency delayed the rule, citing ...')."""
    m = PARTICIPLE_SUBJECT.match(clause.strip())
    if m is None:
        return None
    subj = m.group("subj")
    if subj.lower() in PRONOUNS or subj.lower() == NEUTER_PRONOUN:
        return speaker_from_object(subj)
    found = speaker_from_subject(subj)
    if found is not None and found.speaker and len(found.speaker.split()) < 2 and not is_org(
            found.speaker):
        return None  # one capitalised word opening a sentence: 'Prices rose, citing ...'
    return found if found is not None and (found.speaker or found.descriptor) else None

def speaker_from_subject(subj: str) -> Attribution | None:
    """Speaker and role from the words just before a speech verb."""
    subj = subj.strip().rstrip(",").strip()
    # 'Visa at the time said', 'Ada Roe on Tuesday said': the circumstance is no part of it
    subj = SUBJECT_CIRCUMSTANCE.sub(r"\g<keep>", subj)
    # 'a text from her husband, Joe Roe, that said', 'Ada Roe, who said': the relative
    # pronoun after a name leaves the name as the subject
    subj = RELATIVE_AFTER_NAME.sub(r"\g<keep>", subj)
    if not subj:
        return None
    words = subj.split()
    if words[-1].lower() in PRONOUNS:
        return Attribution(None, None, adjacent=True, pronoun=True,
                            plural=words[-1].lower() == "they", gender=words[-1].lower())
    if (len(words) > 1 and words[-1].lower() in OBJECT_PRONOUNS
            and words[-2].lower() in PERCEPTION_VERBS):
        # 'I remember him saying', 'we heard her say': the one heard speaks
        pronoun = OBJECT_PRONOUNS[words[-1].lower()]
        return Attribution(None, None, adjacent=True, pronoun=True, plural=pronoun == "they",
                           gender=pronoun)
    # 'Apple's senior director of machine learning, Benoit Dupin,' / 'Benoit Dupin, a VP at X,'
    clauses = [c.strip() for c in COMMA.split(subj) if c.strip()]
    clauses = [c for c in clauses if not AGE_CLAUSE.fullmatch(c)] or clauses  # 'Doe, 52,'
    # 'Northwind, in a blog post, said': a circumstance in apposition is no part of the subject
    clauses = [c for c in clauses if not APPOSED_CIRCUMSTANCE.match(c)] or clauses
    last = clauses[-1]
    if len(clauses) > 1 and APPOSITIVE.match(last):
        # 'Name, the Buffalo Democrat who sponsored the bill in the state Senate,': the name in
        # the clause before an appositive, whatever organisation the appositive names
        m0 = CAP_RUN_AT_END.search(clauses[-2])
        if m0 and looks_like_name(m0.group(1)):
            name, role = split_role_name(m0.group(1))
            if name and len(name.split()) > 1:
                return Attribution(name, role or _role_before(clauses) or clean_role(
                    strip_who(last)), adjacent=True)
    if (owned := OWNED_DOCUMENT.match(last)) is not None:
        # "the department's website says", "its statement said": the body, resolved like
        # 'the department said' / 'it said'
        head = (owned.group("head") or "").lower()
        if owned.group("owner").lower() == "its":
            return Attribution(None, None, adjacent=True, descriptor=NEUTER_PRONOUN)
        if head:
            return Attribution(None, None, adjacent=True, descriptor=head)
    if (doc := DOCUMENT_FROM.match(last[:1].lower() + last[1:])) and is_org(doc.group("org")):
        return Attribution(org_name(doc.group("org")), None, adjacent=True)  # 'The statement
        # from Eastbay Systems read'
    if (doc := ORG_DOCUMENT.search(last)) and looks_like_name(doc.group("org")):
        name = org_name(doc.group("org"))
        if name and not split_role_name(name)[1]:
            return Attribution(name, None, adjacent=True)
    org = ORG_RUN_AT_END.search(last)
    before_org = last[: org.start(1)].split()[-1:] if org else []
    if (org and is_org(org.group(1)) and not is_role(last)
            and not (before_org and before_org[0].lower() in ORG_PREPOSITIONS)):
        # 'as Parliament's Joint Committee on X has pointed out', not 'an analyst at X'
        return Attribution(org_name(org.group(1)), None, adjacent=True)
    m = CAP_RUN_AT_END.search(last)
    role_clause = len(clauses) > 1 and (is_who_clause(last) or (
        is_role(last) and m is not None and m.start(1) > 0))
    if m and looks_like_name(m.group(1)) and not role_clause:
        name, role = split_role_name(m.group(1))
        if name is None:
            return generic_or_none(last)
        prefix = last[: m.start(1)].strip()
        if role is None and prefix:
            role = role_prefix(prefix)
        if role is None and len(clauses) > 1 and is_role(clauses[-2]):
            role = clean_role(tail_clause(clauses[-2]))
        return Attribution(name, role, adjacent=True)
    # 'Benoit Dupin, Apple's senior director,' -> name in the clause before a role clause
    if len(clauses) > 1 and (is_role(last) or is_who_clause(last)):
        m2 = CAP_RUN_AT_END.search(clauses[-2])
        if m2 and looks_like_name(m2.group(1)):
            name, role = split_role_name(m2.group(1))
            if name:
                return Attribution(name, role or _role_before(clauses) or clean_role(
                    strip_who(last)), adjacent=True)
    if m and looks_like_name(m.group(1)) and not is_who_clause(last):
        # 'In his book, historian Ada Rhodes': no name before the role clause, so the name
        # the role words lead to is the speaker
        name, role = split_role_name(m.group(1))
        if name:
            prefix = last[: m.start(1)].strip()
            return Attribution(name, role or (role_prefix(prefix) if prefix else None),
                               adjacent=True)
    unnamed = UNNAMED_SPEAKER.match(last)
    if (unnamed is not None and not last[unnamed.end() :].strip() and not is_generic(last)
            and is_role(unnamed.group("who"))):
        # 'A presenter said to ...': someone the text does not name, described
        return Attribution(None, clean_role(unnamed.group("who")), adjacent=True)
    return generic_or_none(last)

def _role_before(clauses: list[str]) -> str | None:
    """The description written before a name ('Its chief executive, Oren Vashti, one of the
    founders,'): preferred to the clause after it, as the article gives it first."""
    if len(clauses) > 2 and is_role(clauses[-3]) and not CAP_RUN_AT_END.search(clauses[-3]):
        return clean_role(tail_clause(clauses[-3]))
    return None


def generic_or_none(phrase: str) -> Attribution | None:
    described = DESCRIBED_ORG.fullmatch(phrase.strip())
    if described:  # 'the Ukrainian border service': the body it describes
        return Attribution(described.group("org"), None, adjacent=True)
    definite = DEFINITE.match(phrase.strip())
    descriptor = definite.group("head").lower() if definite else None
    if phrase.strip().lower() == NEUTER_PRONOUN:
        return Attribution(None, None, adjacent=True, descriptor=NEUTER_PRONOUN)
    if is_generic(phrase) or (descriptor and (descriptor in ROLE_WORDS
                                              or descriptor in ORG_HEAD_NOUNS)):
        return Attribution(None, None, adjacent=True, descriptor=descriptor)
    return None
