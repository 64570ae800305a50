"""Speakers' names, roles and organisations for the quotes stage.

Who a capitalised run of words is (a person, an organisation, a role before a name), the people
an article introduces with their roles, and how a surname, a pronoun or a description ("the
group", "the president") is resolved to one of them. Used by quotes.py; the word lists are data.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from digest.text.dates import MONTH_NAMES, WEEKDAY_NAMES
from digest.text.sentences import split_sentences

# --- data ---------------------------------------------------------------------------------------

# Lower-case subjects that are not a person's name: the speaker stays unknown.
GENERIC_SPEAKER_HEADS: tuple[str, ...] = (
    "company", "firm", "spokesperson", "spokesman", "spokeswoman", "representative",
    "statement", "report", "source", "sources", "people", "person", "analyst", "analysts",
    "executive", "executives", "official", "officials", "group", "team", "maker", "giant",
)
# Words that make a phrase a job title / role. Lower-case compared.
ROLE_WORDS: frozenset[str] = frozenset({
    "ceo", "cfo", "cto", "coo", "cio", "cso", "cmo", "cpo", "svp", "evp", "vp", "gm",
    "chief", "executive", "president", "vice", "director", "head", "manager", "founder",
    "co-founder", "cofounder", "chairman", "chairwoman", "chair", "chairperson", "analyst",
    "professor", "researcher", "engineer", "scientist", "spokesperson", "spokesman",
    "spokeswoman", "secretary", "minister", "officer", "lead", "leader", "partner", "fellow",
    "senior", "principal", "architect", "economist", "strategist", "investor", "commissioner",
    "senator", "sen.", "representative", "rep.", "governor", "gov.", "lawmaker", "owner",
    "editor", "consultant", "boss", "chancellor", "premier", "mayor", "deputy", "general",
    "counsel", "technologist", "evangelist", "developer", "designer", "member", "adviser",
    "advisor", "administrator", "commerce", "treasurer", "ambassador", "coordinator",
    # people quoted in general news, described by what they do ('an illustrator and artist
    # who has used Glaze', 'the Buffalo Democrat who sponsored the bill')
    "artist", "illustrator", "writer", "author", "student", "graduate", "doctor", "physician",
    "lawyer", "attorney", "teacher", "expert", "worker", "employee", "farmer", "activist",
    "organizer", "organiser", "coach", "host", "reporter", "journalist", "columnist",
    "commentator", "historian", "sociologist", "psychologist", "entrepreneur", "banker",
    "trader", "broker", "insider", "democrat", "republican", "legislator", "sponsor",
    "candidate", "official", "specialist", "therapist", "resident", "customer", "user",
    "creator", "inventor", "researchers", "co-author", "nurse", "pilot", "operator",
    # people described by how they relate to others ('Her colleague Tom Roe')
    "colleague", "co-worker", "friend", "wife", "husband", "daughter", "son", "mother",
    "father", "sister", "brother", "neighbor", "neighbour", "client", "patient", "victim",
    # titles written before a name ('Cardinal Jean Hollerich', 'Judge Ana Ruiz')
    "cardinal", "bishop", "archbishop", "pope", "rabbi", "imam", "pastor", "reverend",
    "judge", "justice", "prosecutor", "detective", "sheriff", "lieutenant", "sergeant",
    "colonel", "captain", "admiral", "dietitian", "nutritionist", "dentist", "surgeon",
    # people described by what they did in the story ('A presenter said', 'one tester wrote')
    "presenter", "tester", "reviewer", "reader", "viewer", "listener", "fan", "witness",
    "visitor", "shopper", "buyer", "parent", "thinker", "participant", "respondent",
})
# A capitalised run right after one of these is an organisation or place ("analyst at X").
ORG_PREPOSITIONS: frozenset[str] = frozenset({"at", "of", "for", "from", "with", "by", "in",
                                              "on", "to", "into", "via", "and"})
# Prepositions after which a name with a role after it is a person ('For Dorothea Kessler of
# iFixit Europe', 'and Eddie Villalba, outbound product manager at X'), and what makes that
# role: 'of <Org>', an appositive ', a/an/the ...', or a clause of role words.
PERSON_PREPOSITIONS: frozenset[str] = frozenset({"for", "with", "by", "from", "to", "and"})
PERSON_FOLLOWER = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z]|^,\s+(?:a|an|the|another|who)\s")
# 'of <Organisation>' right after a name: the role the article gives the person.
_OF_ORGANISATION = re.compile(
    r"^of\s+(?:the\s+)?[a-z]?[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|&|on|in|the)\s+)?[A-Z][\w’'.&-]*)*"
)
# Head nouns of a lower-case description of an organisation ('the Ukrainian border service
# said', later 'the service said'): with a capitalised modifier the description names the body.
ORG_HEAD_NOUNS: tuple[str, ...] = (
    "service", "ministry", "agency", "department", "regulator", "commission", "government",
    "court", "police", "military", "army", "authority", "bureau", "council", "watchdog",
    "embassy", "broadcaster", "exchange", "cabinet", "parliament", "office",
)
DESCRIBED_ORG = re.compile(
    r"\b[Tt]he\s+(?P<org>(?:[A-Z][\w’'-]+\s+)+(?:[a-z][\w-]+\s+){0,2}(?P<head>"
    + "|".join(ORG_HEAD_NOUNS) + r"))\b"
)
_POSSESSIVE = re.compile(r"[’']s$")
# A person's name has at most this many words ("Ursula von der Leyen"); a longer capitalised
# run is a heading or a title glued to the name ("Best Finale Moment Gerry Turner"), and its
# last LONG_RUN_NAME_WORDS words are taken as the name.
MAX_NAME_WORDS = 4
LONG_RUN_NAME_WORDS = 2
# Words that make a capitalised run an organisation, not a person.
ORG_WORDS: frozenset[str] = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "ag", "sa", "gmbh",
    "group", "holdings", "research", "securities", "capital", "partners", "advisors", "advisers",
    "advisory", "systems", "labs", "laboratories", "technologies", "technology", "semiconductor",
    "semiconductors", "electronics", "insights", "investment", "investments", "equity", "bank",
    "markets", "ventures", "university", "institute", "association", "forum", "agency",
    "ministry", "department", "commission", "council", "services", "solutions", "networks",
    "devices", "instruments", "micro", "computing", "compute", "cloud", "intelligence", "ai",
    "news", "times", "journal", "post", "reuters", "bloomberg", "street", "analytics",
    # bodies that speak as one on real pages ("Kotak Institutional Equities", "WeWorkers
    # Coalition", "Joint Committee on Intelligence and Security")
    "equities", "coalition", "committee", "union", "alliance", "federation", "foundation",
    "office", "bureau", "authority", "administration", "board", "court", "parliament",
    "congress", "senate", "organization", "organisation", "society", "centre", "center",
})
# Lower-case words that may join the capitalised words of an organisation's name
# ("Joint Committee on Intelligence and Security", "Bank of America").
ORG_CONNECTORS: tuple[str, ...] = ("of", "on", "and", "for", "&", "the")

# Head nouns of a definite description that stands for a body named in apposition earlier
# ('The group, WeWorkers Coalition, ...' then 'the group added that ...').
APPOSITION_HEADS: tuple[str, ...] = ("group", "coalition", "committee", "union", "company",
                                     "firm", "organisation", "organization", "alliance",
                                     "agency", "body", "panel", "bank", "brokerage")
# Suffixes after a family name, skipped when matching a surname-only mention.
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Honorifics dropped from names ("Mr. Huang" is Huang).
HONORIFICS: frozenset[str] = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.",
                                        "prof", "prof.", "sir", "dame"})
# Capitalised words that open sentences or clauses and are never part of a speaker's name.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "the", "a", "an", "in", "on", "at", "and", "but", "as", "so", "yet", "then", "when", "while",
    "after", "before", "during", "since", "still", "also", "however", "meanwhile", "separately",
    "today", "yesterday", "tomorrow", "tonight", "now", "earlier", "later", "last", "this",
    "that", "these", "those", "speaking", "asked", "writing", *WEEKDAY_NAMES, *MONTH_NAMES,
    "here", "there",
    "it", "we", "i", "you", "he", "she", "they", "his", "her", "their", "our", "my", "its",
    "if", "for", "with", "from", "by", "of", "to", "about", "according", "both", "each",
    # words that open a sentence or a heading and are no one's name ('Like Christmas, it ...',
    # 'Why Florida State ...', 'Many Buddhists ...', 'Besides Blue Jays ...')
    "like", "unlike", "besides", "despite", "although", "though", "because", "whether",
    "why", "how", "what", "which", "where", "who", "whose", "can", "could", "should", "would",
    "is", "are", "was", "were", "does", "did", "do", "many", "some", "most", "all", "every",
    "even", "only", "not", "no", "your", "such", "other", "another",
    "or", "nor", "others", "moreover", "furthermore", "additionally", "instead", "indeed",
    "overall",
    "finally", "plus", "likewise", "similarly", "nevertheless", "nonetheless", "thus", "hence",
    "therefore", "otherwise", "rather", "ultimately", "eventually", "sometimes", "often",
})
# Lower-case particles inside names ("Ursula von der Leyen", "Lip-Bu Tan").
NAME_PARTICLES: frozenset[str] = frozenset({"de", "van", "von", "der", "den", "da", "del",
                                            "di", "la", "le", "bin", "al", "du", "dos"})

# Honorifics that make a capitalised pair a person ('Mr. Carlineo'), for pronoun resolution.
PERSON_HONORIFICS: tuple[str, ...] = ("Mr", "Ms", "Mrs", "Dr", "Prof")


# A word of a name: capitalised, or a lower-case particle standing as a word of its own (not
# the end of "insider", which would make "der Dan Reyes" a name).
NAME_TOKEN = r"(?<![\w’'])(?:[A-Z][\w’'.&-]*|(?:" + "|".join(NAME_PARTICLES) + r")\b)"

CAP_RUN = NAME_TOKEN + r"(?:\s+" + NAME_TOKEN + r")*"

ORG_RUN = (r"[A-Z][\w’'.&-]*(?:\s+(?:(?:" + "|".join(re.escape(c) for c in ORG_CONNECTORS)
            + r")\s+)*[A-Z][\w’'.&-]*)*")

APPOSITION = re.compile(
    r"\b[Tt]he\s+(?P<head>" + "|".join(APPOSITION_HEADS) + r"),\s+(?P<org>" + ORG_RUN + r"),"
)

DEFINITE = re.compile(r"^(?:the)\s+(?P<head>[a-z][\w-]*)$", re.I)

CAP_RUN_RE = re.compile(CAP_RUN)

CAP_RUN_AT_END = re.compile(r"(?:^|\s)(" + CAP_RUN + r")$")

ORG_RUN_RE = re.compile(ORG_RUN)

ORG_RUN_AT_END = re.compile(r"(?:^|\s)(" + ORG_RUN + r")$")

COMMA = re.compile(r",\s*")

WHO_PREFIX = re.compile(r"^(?:who|whose)\s+(?:is|was|has been|had been|serves as|served as)?\s*",
                         re.I)

TAIL_CLAUSE = re.compile(r"\b(?:and|but|that|while|as|when)\s+(?=[A-Z])")

ARTICLE_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.I)

ROLE_CUT = re.compile(r",\s*(?:who|which|said|says)\b|\s+(?:said|says)\b")

PERSON_HONORIFIC = re.compile(r"\b(?:" + "|".join(PERSON_HONORIFICS) + r")\.?\s+")


def is_who_clause(clause: str) -> bool:
    return clause.lower().startswith(("who ", "whose "))


def strip_who(clause: str) -> str:
    """'who covers memory at X' -> 'covers memory at X'; 'who is a partner at X' -> 'partner...'."""
    return WHO_PREFIX.sub("", clause)


def is_org(run: str) -> bool:
    """An organisation's name: an organisation word in it, and no job title ('Micron CEO X')."""
    words = [w.lower().strip(".,") for w in org_name(run).split()]
    return (any(w in ORG_WORDS for w in words) and not any(w in ROLE_WORDS for w in words)
            and words[0] not in NOT_NAME_WORDS)


def org_name(run: str) -> str:
    """'Parliament’s Joint Committee on X' -> 'Joint Committee on X' (the owner is dropped)."""
    tokens = run.split()
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].endswith(("’s", "'s")):
            tokens = tokens[i + 1 :]
            break
    while tokens and (tokens[0].lower() in NOT_NAME_WORDS or tokens[0].lower() in ORG_CONNECTORS):
        tokens = tokens[1:]  # 'As the Senate Committee' -> 'Senate Committee'
    for i in range(1, len(tokens)):
        if tokens[i].lower() in ORG_CONNECTORS and tokens[i + 1 :] and (
                tokens[i + 1].lower().strip(".,") in NOT_NAME_WORDS):
            tokens = tokens[:i]  # 'Federal Trade Commission on Monday': a date, not a name
            break
    return " ".join(tokens).rstrip(".,")


def _bare(word: str) -> str:
    """A word lower-cased without punctuation or a possessive: "Source's," -> "source" (a
    strip of "s" would also eat the first letter of "source")."""
    return _POSSESSIVE.sub("", word.lower().strip(".,()")).strip("’'")


def is_generic(phrase: str) -> bool:
    words = [_bare(w) for w in phrase.split()[-4:]]
    return bool(words) and any(w in GENERIC_SPEAKER_HEADS for w in words[-2:])


# --- names and roles ----------------------------------------------------------------------------


def looks_like_name(run: str) -> bool:
    tokens = [t for t in run.split() if t.lower() not in HONORIFICS]
    tokens = drop_leading_non_names(tokens)
    return bool(tokens) and tokens[0][:1].isupper()


def drop_leading_non_names(tokens: list[str]) -> list[str]:
    while tokens and tokens[0].lower().strip(",") in NOT_NAME_WORDS:
        tokens = tokens[1:]
    return tokens


# Credentials written after a name in capitals ('Kelly Jones MS, RD'), not honorifics ('Ms');
# Roman numerals stay with the name ('John Roe III').
CREDENTIAL = re.compile(r"(?![IVX]+$)[A-Z]{2,5}|Ph\.?D\.?|M\.D\.")
# A word with a contraction ('We’re', 'Don’t', 'I’ll') belongs to a clause, never to a name.
CONTRACTION = re.compile(r"[’'](?:re|t|m|ll|ve|d)$", re.I)
# Dotted abbreviations of countries and bodies before a name belong to its role ('U.N. Linda
# Thomas-Greenfield'); other dotted initials are part of a name ('J.D. Power').
ABBREVIATION = re.compile(r"U\.S\.(?:A\.)?|U\.K\.|U\.N\.|E\.U\.|N\.Y\.|D\.C\.")


@functools.lru_cache(maxsize=4096)  # pure; the same runs recur across the passes of an article
def split_role_name(run: str) -> tuple[str | None, str | None]:
    """'Nvidia CEO Jensen Huang' -> ('Jensen Huang', 'Nvidia CEO'); "Apple's Dupin" -> Dupin."""
    tokens = drop_leading_non_names(run.split())
    if any(CONTRACTION.search(t) for t in tokens):
        return None, None  # 'We’re', 'Don’t Call Yourself', 'What I’m': a clause, no name
    cut = 0
    for i, tok in enumerate(tokens):
        low = tok.lower().strip(",")
        if (low in ROLE_WORDS or low.endswith(("’s", "'s"))
                or (low in HONORIFICS and not CREDENTIAL.fullmatch(tok))
                or (i == cut and ABBREVIATION.fullmatch(tok))):
            cut = i + 1  # 'U.N. Linda Thomas-Greenfield': an abbreviation is no first name
    name_tokens = [t for t in tokens[cut:] if t.lower() not in HONORIFICS]
    while len(name_tokens) > 2 and CREDENTIAL.fullmatch(name_tokens[-1]):
        name_tokens.pop()  # 'Kelly Jones MS', 'Ada Roe PhD': a credential after the name
    while name_tokens and name_tokens[-1].lower() in NAME_PARTICLES:
        name_tokens.pop()
    if len(name_tokens) > MAX_NAME_WORDS and not any(
            t.lower() in NAME_PARTICLES for t in name_tokens):
        name_tokens = name_tokens[-LONG_RUN_NAME_WORDS:]  # a heading run glued to a name
    if not name_tokens or not name_tokens[0][:1].isupper():
        return None, None
    role_tokens = [t for t in tokens[:cut] if t.lower() not in HONORIFICS]
    role = " ".join(role_tokens) if any(t.lower() in ROLE_WORDS for t in role_tokens) else None
    return " ".join(name_tokens).rstrip(".,"), role


# Endings of common nouns and verb forms, not of given names: a one-word 'speaker' ending so
# is a heading or an imperative ('Reducing', 'Security', 'Location', 'Hiring').
NOUN_SUFFIXES: tuple[str, ...] = ("ing", "ion", "ity", "ment", "ness", "ance", "ence", "able",
                                  "ible", "ship", "ism", "ogy", "phy")


def plausible_speaker(name: str) -> bool:
    """False for a capitalised run that is a clause, not a name: a contraction in it ('We’re',
    'Don’t Call Yourself') or a first word that opens sentences ('Like Christmas')."""
    tokens = name.split()
    return bool(tokens) and not any(CONTRACTION.search(t) for t in tokens) and (
        tokens[0].lower() not in NOT_NAME_WORDS) and not (
        len(tokens) == 1 and len(name) > 5 and name.lower().endswith(NOUN_SUFFIXES))


def is_role(phrase: str) -> bool:
    words = {_bare(w) for w in phrase.split()}
    return bool(words & ROLE_WORDS) and len(phrase.split()) <= 16


# Words that end a role written before a name, walking back from the name ('said professor').
PREFIX_STOPS: frozenset[str] = frozenset({"said", "says", "told", "tells", "added", "wrote",
                                          "asked", "according", "explained", "noted"})


def role_prefix(prefix: str) -> str | None:
    """Lower-case role words right before a name: 'Nvidia chief executive' Jensen Huang."""
    words = prefix.split()
    picked: list[str] = []
    for w in reversed(words):
        low = w.lower().strip(",")
        if low in NOT_NAME_WORDS - {"of", "for"} or w.endswith(","):
            break
        if low in PREFIX_STOPS or (w.endswith(".") and w[:-1].isalpha() and w[:-1].islower()):
            break  # '... boost efficiency. said MIT professor Ada Roe': the role starts after
        picked.insert(0, w)
        if len(picked) >= 8:
            break
    phrase = " ".join(picked)
    return clean_role(phrase) if phrase and is_role(phrase) else None


def tail_clause(clause: str) -> str:
    """The role phrase at the end of a clause ('As reported by X, Apple's director' -> the role)."""
    return TAIL_CLAUSE.split(clause)[-1]


def clean_role(role: str) -> str:
    role = role.strip().strip(",.;:").strip()
    role = ARTICLE_PREFIX.sub("", role)
    role = ROLE_CUT.split(role)[0]
    if len(role.split()) > LONG_ROLE_WORDS and (cut := ROLE_SOURCE.search(role)) is not None:
        # 'But reporters did receive a text from her husband' -> 'her husband'
        role = role[cut.end() :]
    return role.strip()


# A role longer than this is a whole clause ending in the relation ('... a text from her
# husband'); only what follows its last 'from'/'by' is the role.
LONG_ROLE_WORDS = 6
ROLE_SOURCE = re.compile(r".*\b(?:from|by)\s+")


# An indefinite description in apposition after a name describes a person ('Drew Weatherford,
# a former quarterback at the school'), unless its head word is one for a place, a body or a
# thing ('Nimbra, a cloud company', 'Penang, a state in Malaysia').
APPOSITIVE_DESCRIPTION = re.compile(r"^(?:a|an)\s+(?P<words>(?:[a-z][\w’'-]*\s*){1,8})")
NON_PERSON_HEADS: frozenset[str] = frozenset({
    "company", "firm", "maker", "startup", "start-up", "business", "group", "brand", "chain",
    "retailer", "manufacturer", "supplier", "provider", "platform", "service", "app", "website",
    "site", "country", "city", "town", "village", "state", "province", "region", "county",
    "district", "island", "nation", "university", "college", "school", "agency", "body",
    "organisation", "organization", "nonprofit", "charity", "fund", "bank", "lender",
    "network", "outlet", "newspaper", "magazine", "broadcaster", "publication", "product",
    "device", "chip", "model", "system", "program", "programme", "project", "plan", "law",
    "bill", "rule", "tool", "game", "film", "book", "show", "series", "song", "album", "event",
    "conference", "festival", "team", "club", "league", "division", "unit", "subsidiary",
    "affiliate", "venture", "joint", "facility", "plant", "factory", "fab", "campus", "building",
    "hospital", "airport", "port", "river", "lake", "mountain", "park", "area", "suburb",
})


# Where an appositive description ends: a relative clause, a dash, a verb of the sentence, a
# blanked quotation (a run of spaces) or the sentence end.
APPOSITIVE_END = re.compile(r"\s{2,}|\s+[—–]\s+|\s+(?:who|whose|which|that|has|have|had|is|was|"
                            r"are|were|will|would|said|says)\s|(?<=[a-z\d)])[.;:!?](?:\s|$)")


def person_appositive(clause: str) -> bool:
    """True for 'a former quarterback at the school', not for 'a cloud company in Oslo'."""
    m = APPOSITIVE_DESCRIPTION.match(clause.strip())
    if m is None:
        return False
    words = m.group("words").split()
    head = next((w for w in words if w in ORG_PREPOSITIONS), None)
    nouns = words[: words.index(head)] if head else words
    return bool(nouns) and not any(w.strip("’'s") in NON_PERSON_HEADS or w in NON_PERSON_HEADS
                                   for w in nouns)


def collect_people(outside: list[str]) -> dict[str, str | None]:
    """Full names introduced outside quotes (`outside`: the paragraphs with quoted spans blanked),
    with the role given next to them when any."""
    people: dict[str, str | None] = {}
    for text in outside:
        for sentence in split_sentences(text):
            collect_from_sentence(sentence, people)
    return people


def collect_from_sentence(sentence: str, people: dict[str, str | None]) -> None:
    clauses = [c.strip() for c in COMMA.split(sentence)]
    for k, clause in enumerate(clauses):
        for m in CAP_RUN_RE.finditer(clause):
            name, role = split_role_name(m.group(0))
            owner = _POSSESSIVE.sub("", m.group(0))
            if name is None and owner != m.group(0) and len(owner.split()) > 1:
                # "Darren Larvin's window": the owner is a person named in full
                name, role = split_role_name(owner)
                if name and not is_org(name) and name not in people:
                    people[name] = role
                continue
            nxt = clauses[k + 1] if k + 1 < len(clauses) else ""
            after = clause[m.end() :] or (", " + nxt if nxt else "")
            if not name or len(name.split()) < 2 or not could_be_person(
                    clause, m.start(), name, after):
                continue
            if role is None:
                role = role_prefix(clause[: m.start()].strip()) if m.start() else None
            starts, ends = m.start() == 0, m.end() == len(clause)
            if role is None and starts and ends and k > 0 and is_role(clauses[k - 1]):
                role = clean_role(tail_clause(clauses[k - 1]))
            of_org = _OF_ORGANISATION.match(clause[m.end() :].strip())
            if role is None and of_org:
                role = of_org.group(0).rstrip(".,")  # 'Dora Kessel of Repair Europe'
            if role is None and ends and nxt and (is_role(nxt) or is_who_clause(nxt)
                                                  or person_appositive(nxt)):
                # 'Drew Weatherford, a former quarterback at the school', up to where the
                # sentence goes on ('a founding member of the band — then a trio — has died')
                role = clean_role(APPOSITIVE_END.split(strip_who(nxt))[0])
            known = people.get(name)
            if name not in people or (known is None and role):
                people[name] = role


# A capitalised run right after one of these (with no job title in it) names a thing, not a
# person: people are not written 'the Jane Roe' ('the Nvidia CEO Jensen Huang' has a title).
THING_DETERMINERS: frozenset[str] = frozenset({"the", "a", "an", "its", "their"})


def could_be_person(clause: str, start: int, name: str, after: str = "") -> bool:
    """False for organisations: 'at Copperline Research', 'Harbor Quay Partners'. A name after
    'according to', or after 'for'/'with'/'by' when a role follows it ('For Dorothea Kessler of
    iFixit Europe', 'with Jane Roe, an analyst'), is a person."""
    if any(w.lower().strip(".,") in ORG_WORDS for w in name.split()):
        return False
    before = clause[:start].split()[-2:] if start else []
    prev = before[-1].lower() if before else ""
    if prev in THING_DETERMINERS and clause[start:].startswith(name):
        return False  # 'the ACC Grant of Rights', 'How the Billionaires Devoured': a thing
    if prev not in ORG_PREPOSITIONS:
        return True
    if " ".join(before).lower() == "according to":
        return True
    if prev not in PERSON_PREPOSITIONS:
        return False
    role = after.lstrip(", ").split(",")[0] if after.lstrip().startswith(",") else ""
    return bool(PERSON_FOLLOWER.match(after)) or (bool(role) and is_role(role))


def resolve_name(name: str, people: dict[str, str | None]) -> str:
    """A surname (or 'Mr. Surname') -> the full name introduced earlier, when unambiguous."""
    tokens = [t for t in name.split() if t.lower() not in HONORIFICS]
    if not tokens:
        return name
    # the last words of a longer name ('Reif Ehrlich' for 'Jessica Reif Ehrlich'): the one
    # person whose full name ends with them, even when the short form was collected too
    longer = [full for full in people
              if len(full.split()) > len(tokens) and full.split()[-len(tokens):] == tokens]
    if len(tokens) > 1 and len(longer) == 1 and not people.get(name):
        return longer[0]
    if name in people:
        return name
    candidates = [full for full in people if surname(full) == surname(" ".join(tokens))]
    if len(tokens) == 1 and len(candidates) == 1:
        return candidates[0]
    if len(tokens) == 1 and candidates:
        return candidates[0]
    return " ".join(tokens)


def surname(name: str) -> str:
    """The family name: last token that is not a suffix ('James P. Kennedy Jr.' -> 'Kennedy')."""
    tokens = [t for t in name.split() if t.lower().strip(".,") not in NAME_SUFFIXES]
    return tokens[-1].strip(",") if tokens else name


def last_person_before(
    outside: list[str],
    people: dict[str, str | None],
    para: int,
    pos: int,
    last_speaker: tuple[int, int, str] | None,
) -> str | None:
    """The last person named (outside quotes) before (para, pos), else the last speaker."""
    best: tuple[int, int, str] | None = last_speaker
    surnames = {surname(full): full for full in people}
    for i in range(max(0, para - 3), para + 1):
        text = outside[i]
        limit = pos if i == para else len(text)
        for m in CAP_RUN_RE.finditer(text[:limit]):
            name, _ = split_role_name(m.group(0))
            if not name:
                continue
            full = name if name in people else surnames.get(surname(name))
            if full and (best is None or (i, m.start()) >= best[:2]):
                best = (i, m.start(), full)
    return best[2] if best else None


@dataclass(slots=True)
class TitledSurnames:
    """Which surnames the article writes after an honorific ('Mr. Carlineo'). The honorifics are
    found in one pass over the text, and each surname is looked up once per article."""

    text: str
    _ends: list[int] | None = None  # where each honorific (with its space) ends
    _known: dict[str, bool] = field(default_factory=dict)

    def __contains__(self, surname: str) -> bool:
        found = self._known.get(surname)
        if found is None:
            if self._ends is None:
                self._ends = [m.end() for m in PERSON_HONORIFIC.finditer(self.text)]
            after = re.compile(re.escape(surname) + r"\b")
            found = self._known[surname] = any(after.match(self.text, e) for e in self._ends)
        return found


def person_like(
    titled: TitledSurnames, people: dict[str, str | None], speakers: set[str]
) -> dict[str, str | None]:
    """The people a pronoun may stand for: names seen as speakers, given a role, or a title
    ('Mr. Carlineo'); other capitalised pairs ('First Amendment') are not persons."""
    out: dict[str, str | None] = {}
    for name, role in people.items():
        if role or name in speakers or surname(name) in titled:
            out[name] = role
    return out


def apposed_bodies(outside: list[str]) -> dict[str, tuple[int, int, str]]:
    """Organisations named in apposition ('The group, WeWorkers Coalition,') or described with
    a capitalised modifier ('the Ukrainian border service'): head noun -> (paragraph,
    position, name) of the last such naming."""
    bodies: dict[str, tuple[int, int, str]] = {}
    for i, text in enumerate(outside):
        for m in APPOSITION.finditer(text):
            org = org_name(m.group("org"))
            if is_org(org):
                bodies[m.group("head").lower()] = (i, m.start(), org)
        for m in DESCRIBED_ORG.finditer(text):
            bodies.setdefault(m.group("head").lower(), (i, m.start(), m.group("org")))
    return bodies


def body_before(
    bodies: dict[str, tuple[int, int, str]], para: int, pos: int, since: int = 0
) -> str | None:
    """An organisation named in apposition in paragraph `para` between `since` and `pos`."""
    here = [b for b in bodies.values() if b[0] == para and since <= b[1] < pos]
    return max(here)[2] if here else None


def resolve_descriptor(
    head: str, people: dict[str, str | None], bodies: dict[str, tuple[int, int, str]]
) -> str | None:
    """'the group' -> the body named 'The group, X'; 'the president' -> the one person whose
    role ends in 'president' ('US President Donald Trump')."""
    if head in bodies:
        return bodies[head][2]
    if head in ORG_HEAD_NOUNS or head in APPOSITION_HEADS:
        return None  # a body: see last_org_before
    holders = [name for name, role in people.items()
               if role and role.lower().split()[-1].strip(".,") == head]
    return holders[0] if len(holders) == 1 else None


def drop_role_object(name: str, paras: list[str]) -> str:
    """'State Mike Pompeo', 'Urbanism Ans Persoons': a name of three or more words that the
    text writes after 'of'/'for' ('Secretary of State Mike Pompeo') begins with the object of
    the role; the name is the rest."""
    tokens = name.split()
    if len(tokens) < 3 or any(t.lower() in NAME_PARTICLES for t in tokens):
        return name
    after_role = re.compile(r"\b(?:" + "|".join(ROLE_WORDS_BEFORE_OBJECT) + r")\s+(?:of|for)\s+"
                            + re.escape(name) + r"\b", re.I)
    return " ".join(tokens[1:]) if any(after_role.search(p) for p in paras) else name


# Role words whose object ('of State', 'for Urbanism') may be glued to the name after them.
ROLE_WORDS_BEFORE_OBJECT: tuple[str, ...] = ("secretary", "minister", "director", "head",
                                             "chief", "president", "commissioner", "chair",
                                             "chairman", "governor", "ambassador", "state",
                                             "officer", "professor")


def full_name_anywhere(name: str, paras: list[str]) -> str:
    """A surname-only speaker ('Steenburgen') under the full name the text gives it anywhere,
    quotations included ('... for Mary Steenburgen to ...'), when it gives exactly one."""
    if " " in name or not name[:1].isupper() or name.isupper() or is_org(name):
        return name
    found = {m.group(0) for text in paras for m in re.finditer(
        r"\b[A-Z][a-z][\w’'-]*\s+" + re.escape(name) + r"\b", text)}
    found = {f for f in found if f.split()[0].lower() not in NOT_NAME_WORDS | ROLE_WORDS}
    return found.pop() if len(found) == 1 else name
