"""Direct quotations and who said them: paragraphs -> [Quote].

The stage works on plain paragraphs in four passes:

1. find quoted spans in each paragraph (curly, straight and low-high marks), a span left open at
   the end of a paragraph continuing into the next paragraph when that one opens with a mark;
2. attribute each span from the text around it, nearest first: `"...," said Name, role`,
   `"...," Name said`, `Name said: "..."`, `according to Name`, a speech verb with its subject
   earlier in the same sentence (partial quotes), a press-release `— Name, Title` line, and a
   previous paragraph ending in a colon;
3. drop what is not speech: scare quotes (short phrases with no speech verb next to them) and
   titles or names introduced by "called", "titled", "dubbed" ...;
4. resolve speakers: a surname ("Dupin said") is the full name and role introduced earlier; a
   pronoun ("he added") is the subject of the quotation's sentence or of the one before it,
   else the last person named, never someone the article calls by the other pronoun; a
   quotation with no attribution takes the speaker the text implies (an earlier quotation of
   its paragraph, the quotation ending the paragraph before, the person the sentence before is
   about, a named speaker in the sentence right after), and nothing from further back, except
   on interview pages (several answers, one named speaker);
5. one quote per speaker and paragraph; a quote built into the writer's sentence is a fragment.

Quoted spans and how they group are in quote_spans.py, the reading of one piece of text (verbs,
"said Name, role", sentence subjects) in quote_attribution.py, colon and characterising
introductions in quote_intros.py, names and roles in quote_names.py, which body "the agency"
is in quote_bodies.py, who "he" and "she" are in quote_pronouns.py, what is speech at all in
quote_speech.py; the thresholds of attribution below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.editorial.quote_attribution import (
    ATTRIBUTION_DASHES,
    COMMA_SPACES,
    LATE_VERB,
    NEUTER_PRONOUN,
    WORD,
    Attribution,
    according_to,
    dash_attribution,
    sentence_subject,
    speaker_from_object,
    strip_after_comma,
    subject_verb,
    subject_verb_anywhere,
    verb_first,
)
from digest.editorial.quote_bodies import body_of_kind, full_body_name, last_org_before
from digest.editorial.quote_intros import (
    characterisation,
    colon_subject,
    document_read,
    possessive_colon,
)
from digest.editorial.quote_names import (
    APPOSITION_HEADS,
    CAP_RUN_RE,
    ORG_HEAD_NOUNS,
    TitledSurnames,
    apposed_bodies,
    body_before,
    collect_people,
    drop_role_object,
    full_name_anywhere,
    last_person_before,
    person_like,
    plausible_speaker,
    resolve_descriptor,
    resolve_name,
    split_role_name,
)
from digest.editorial.quote_pronouns import GENDERED_PRONOUNS, learn_pronouns
from digest.editorial.quote_spans import (
    MARK,
    MERGE_MAX_ATTRIBUTION_WORDS,
    OPENING_MARKS,
    STRAIGHT_MARK,
    Span,
    find_spans,
    group_spans,
    join_text,
    outside_quotes,
    sentence_after,
    sentence_before,
    unmarked_blocks,
)
from digest.editorial.quote_speech import is_speech
from digest.models import Quote
from digest.text.sentences import sentence_ends, sentence_start, split_sentences

# --- data ---------------------------------------------------------------------------------------

# 'the agency said', 'the company added': a body, resolved to the organisation named last.
ORG_DESCRIPTORS: frozenset[str] = frozenset(ORG_HEAD_NOUNS) | frozenset(APPOSITION_HEADS)
# Unattributed whole-paragraph quotations take the article's sole speaker (an interview)
# only when there are at least this many of them; a single one stays unknown.
INTERVIEW_MIN_ORPHANS = 2
# The sentence after an unattributed quotation may name its speaker: 'So said Ada Roe',
# 'Those were the words of Ada Roe'.
FOLLOWING_LEAD = re.compile(r"^(?:So|Thus|Or so)\s+", re.I)
# 'Ada Roe said this on Monday.': a short sentence of its own, not the start of a new topic.
FOLLOWING_MAX_WORDS = 12
SUBORDINATE_OPENING = re.compile(
    r"^(?:As|If|When|While|Although|Though|Because|Since|After|Before|Unless|Whether)\b")
WORDS_OF = re.compile(r"\b(?:words|promise|message|verdict|warning|view|answer|advice)\s+"
                      r"(?:(?:are|were)\s+those\s+)?"  # 'The words are those of Ada Roe'
                      r"(?:of|from)\s+")
# --- patterns built from the data ---------------------------------------------------------------



def _proper_mid_sentence(word: str) -> re.Pattern[str]:
    """A one-word name capitalised inside a sentence ('reviewed by SRLabs'): a proper noun;
    a common noun is capitalised only where a sentence opens."""
    return re.compile(r"[a-z,;]\s+" + re.escape(word) + r"\b")
# --- public API ---------------------------------------------------------------------------------


def find_quotes(paragraphs: Sequence[str]) -> list[Quote]:
    """Return the direct quotations in `paragraphs`, in reading order, with speaker and role."""
    paras = [p.strip() for p in paragraphs]
    spans = unmarked_blocks(paras, [find_spans(i, p) for i, p in enumerate(paras)])
    outside = [outside_quotes(p, s) for p, s in zip(paras, spans, strict=True)]
    people = collect_people(outside)
    groups = group_spans(paras, spans)
    bodies = apposed_bodies(outside)
    titled = TitledSurnames("\n".join(paras))
    pronouns = learn_pronouns(paras, outside, people)
    pronoun_of = pronouns.of
    quotes: list[Quote] = []
    quote_paras: list[int] = []
    last_person: tuple[int, int, str] | None = None
    last_quote_para = -2
    orphans: list[bool] = []  # no attribution of any kind, not even an implied one
    for group in groups:
        attribution = _attribute_group(paras, group)
        if attribution is None:
            continue
        first = group[0]
        if _unattributed(attribution):
            attribution = _implied_speaker(paras, group, quotes, quote_paras, last_quote_para,
                                           people)
        text = join_text(group)
        if not is_speech(paras, group, text, attribution):
            continue
        speaker, role = attribution.speaker, attribution.role
        body = body_before(bodies, first.para, first.start)
        sentence_start = first.start - len(sentence_before(paras[first.para], first.start))
        subject_body = body_before(bodies, first.para, first.start, sentence_start)
        last_body = quotes[-1].speaker if quotes and quotes[-1].speaker not in people else None
        if attribution.pronoun and attribution.plural and body:
            speaker, role = body, None  # 'The group, X, ... stating that they "..."'
        elif attribution.pronoun and attribution.plural and last_body:
            speaker, role = last_body, None  # 'they' after quotations of a body ('In their words:')
        elif speaker is None and not attribution.pronoun and subject_body:
            speaker, role = subject_body, None  # the sentence opens with the body it quotes
        elif attribution.pronoun:
            likely = person_like(titled, people, {q.speaker for q in quotes if q.speaker})
            agree = {n: r for n, r in people.items()
                     if pronoun_of.get(n, attribution.gender) == attribution.gender}
            likely = {n: r for n, r in likely.items() if n in agree}
            # 'she said' cannot be the man quoted last
            fallback = last_person if last_person and last_person[2] in agree else None
            # a person named earlier in the quotation's own sentence ('Asked how much Ada Roe
            # paid, "...," she said'), else the subject of the sentence before
            prior = _named_in_own_sentence(paras, outside, first, agree, likely)
            if prior is None:
                prior = _subject_before(paras, first, people, likely)
            chained = pronouns.chained(first.para, first.start, attribution.gender)
            if chained in agree and (prior is None or prior not in pronoun_of):
                # 'Sandvik was not satisfied. She asked him ... Lindqvist said four had.' then
                # '"...," she said': the chain of 'she' sentences, not the last subject
                prior = chained
            if prior is None and attribution.gender in GENDERED_PRONOUNS:
                # the latest speaker of the last two paragraphs known by this pronoun, when the
                # speaker quoted last is not ('Lena ... she said', 'Tom said', 'she added')
                known = [q.speaker for q, p in zip(quotes, quote_paras, strict=True)
                         if p >= first.para - 2 and q.speaker
                         and pronoun_of.get(q.speaker) == attribution.gender]
                last = quotes[-1].speaker if quotes else None
                if known and (last is None or pronoun_of.get(last) != attribution.gender):
                    prior = known[-1]
            if prior is None:
                prior = last_person_before(outside, likely, first.para, first.start, fallback)
            if prior is None:  # no one described as a person: any full name named before
                prior = last_person_before(outside, agree, first.para, first.start, None)
            speaker, role = (prior, people.get(prior)) if prior else (None, None)
            if speaker and attribution.gender in GENDERED_PRONOUNS:
                pronoun_of.setdefault(speaker, attribution.gender)
        elif speaker is None and attribution.descriptor == NEUTER_PRONOUN:
            # 'it added': the body quoted just before, never a person
            previous = quotes[-1].speaker if quotes else None
            speaker, role = (previous, None) if previous and previous not in people else (None,
                                                                                         None)
        elif speaker is None and attribution.descriptor:
            speaker = resolve_descriptor(attribution.descriptor, people, bodies)
            if speaker is None and attribution.descriptor in ORG_DESCRIPTORS:
                # a body whose name says it is of that kind ('the agency' -> '... Commission'),
                # else the organisation named last
                speaker = body_of_kind(outside, first.para, first.start, attribution.descriptor
                                       ) or last_org_before(outside, first.para, first.start,
                                                            people)
            role = people.get(speaker) if speaker else None
        elif speaker:
            speaker = resolve_name(speaker, people)
            role = role or people.get(speaker)
        if speaker and not plausible_speaker(speaker):
            speaker, role = None, None  # 'We’re', 'Don’t Call Yourself': words of a clause
        if speaker and speaker in people:
            last_person = (first.para, first.start, speaker)
        last_quote_para = group[-1].para
        if speaker and role and not people.get(speaker):
            people[speaker] = role
        quotes.append(Quote(text=text, speaker=speaker, role=role,
                            fragment=_is_fragment(paras, first, text)))
        quote_paras.append(first.para)
        # no attribution of any kind, and the quotation is a paragraph of its own (an answer)
        orphans.append(_unattributed(attribution) and first.start == 0
                       and group[-1].end >= len(paras[group[-1].para].rstrip()) - 1)
    quotes = _sole_speaker_for_orphans(quotes, orphans, people)
    quotes = [Quote(q.text, full_name_anywhere(drop_role_object(full_body_name(
                        q.speaker, outside, people), paras), paras) if q.speaker else None,
                    q.role or (people.get(q.speaker) if q.speaker else None), q.fragment)
              for q in quotes]
    return _one_per_speaker_and_paragraph(quotes, quote_paras)


def _sole_speaker_for_orphans(
    quotes: list[Quote], orphans: list[bool], people: dict[str, str | None]
) -> list[Quote]:
    """Quotations with no attribution at all take the article's one named speaker when every
    attributed quotation is theirs (an interview or profile of one person quotes them again
    and again without repeating the name: at least INTERVIEW_MIN_ORPHANS whole-paragraph
    quotations with no attribution); when no quotation is attributed, the one person
    the article introduces with a role (the interviewee). With two candidates, or an unnamed
    source described ('a spokesperson'), they stay unknown."""
    attributed = [q for q, orphan in zip(quotes, orphans, strict=True) if not orphan]
    named = {q.speaker for q in attributed if q.speaker}
    if not attributed:
        named = {name for name, role in people.items() if role}
    if (len(named) != 1 or any(q.speaker is None for q in attributed)
            or sum(orphans) < INTERVIEW_MIN_ORPHANS):
        return quotes
    (sole,) = named
    role = next((q.role for q in attributed if q.speaker == sole), people.get(sole))
    return [Quote(q.text, sole, role, q.fragment) if orphan and q.speaker is None else q
            for q, orphan in zip(quotes, orphans, strict=True)]


def _named_in_own_sentence(
    paras: list[str], outside: list[str], first: Span, agree: dict[str, str | None],
    likely: dict[str, str | None],
) -> str | None:
    """The last full name of a person (someone the pronoun can stand for, described as a
    person or called by the surname alone somewhere, as articles call people and not firms)
    written before the quotation in its own sentence."""
    text = outside[first.para]
    start = sentence_start(paras[first.para], first.start)
    found = None
    for m in CAP_RUN_RE.finditer(text[start : first.start]):
        name, _ = split_role_name(m.group(0))
        full = resolve_name(name, agree) if name and len(name.split()) > 1 else None
        if full in agree and (full in likely or _called_by_surname(outside, full)):
            found = full
    return found


def _called_by_surname(outside: list[str], full: str) -> bool:
    """True when the article writes the surname of `full` without the words before it."""
    words = full.split()
    alone = re.compile(r"(?<!" + re.escape(words[-2]) + r" )\b" + re.escape(words[-1]) + r"\b")
    return any(alone.search(text) for text in outside)


def _subject_before(
    paras: list[str], first: Span, people: dict[str, str | None], likely: dict[str, str | None]
) -> str | None:
    """The person who is the subject of the sentence before a quotation's sentence (in its
    paragraph, or the last of the paragraph before), when the pronoun can stand for them (a
    person described as one, `likely`, whose known pronoun agrees):
    'Lena Marsh met reporters with Tom Roe. "...," she said' is Lena Marsh."""
    text = paras[first.para]
    own = sentence_before(text, first.start).strip()  # 'Eisgruber said the hub "..."'
    head = text[: sentence_start(text, first.start)].strip()
    if not head and first.para > 0:
        head = paras[first.para - 1].strip()
    sentences = split_sentences(head) if head else []
    for sentence in [own, *sentences[-1:]]:
        found = sentence_subject(sentence, people) if sentence else None
        if found is not None and found.speaker is not None:
            name = resolve_name(found.speaker, people)
            return name if name in likely else None
        # 'According to Doolittle, cardinals are a sign of change. "...," she explains': the
        # source the sentence cites is the one who goes on speaking
        cited = according_to(strip_after_comma(sentence)) if sentence else None
        if cited is not None and cited.speaker is not None:
            name = resolve_name(cited.speaker, people)
            if name in people:
                return name
    # the person who spoke in the sentence before, however it opens, when that sentence is a
    # paraphrase (no quotation of its own): 'Following the decision, former tycoon Mikhail Roe,
    # who ..., told reporters there were no protections. "...," he said'
    paraphrase = sentences[-1] if sentences and not MARK.search(sentences[-1]) else ""
    if paraphrase and (found := subject_verb_anywhere(paraphrase)) is not None and (
            found.speaker):
        name = resolve_name(found.speaker, people)
        return name if name in likely else None
    return None


def _unattributed(found: Attribution) -> bool:
    """True when nothing around a quotation names or describes its speaker."""
    return (found.speaker is None and not found.adjacent and not found.pronoun
            and found.descriptor is None and not found.role)


def _implied_speaker(
    paras: list[str], group: list[Span], quotes: list[Quote], quote_paras: list[int],
    last_para: int, people: dict[str, str | None],
) -> Attribution:
    """The speaker the text implies for a quotation with no attribution of its own, nearest
    evidence first: an earlier quotation of the same paragraph; for a quotation opening its
    paragraph, the quotation that ended the paragraph before; the person who is the subject of
    the sentence right before it (the paraphrase that introduces it). Nothing further back: a
    quotation several paragraphs after a speaker does not inherit that speaker. Last, a named
    speaker in the sentence right after it."""
    first, last = group[0], group[-1]
    same = [q for q, p in zip(quotes, quote_paras, strict=True) if p == first.para]
    if same and same[-1].speaker:
        return Attribution(same[-1].speaker, same[-1].role, adjacent=True)
    if first.start == 0 and last_para == first.para - 1 and quotes and quotes[-1].speaker:
        return Attribution(quotes[-1].speaker, quotes[-1].role, adjacent=True)
    own = sentence_before(paras[first.para], first.start).rstrip()
    if own.endswith(":"):  # 'Hollerich began by reminding the synod: "..."'
        found = sentence_subject(own, people)
        if found is not None and (found.speaker or found.pronoun):
            return found
    if not _opens_sentence(paras[first.para], first.start):
        return Attribution(None, None, adjacent=False)
    head = paras[first.para][: first.start].strip()
    if not head and first.para > 0:
        head = paras[first.para - 1].strip()
    sentences = split_sentences(head) if head else []
    found = sentence_subject(sentences[-1], people) if sentences else None
    if found is None and sentences and not MARK.search(sentences[-1]):
        # the speaker of the paraphrase before ('... when Lisa Roe, his mother, posted about
        # it on Instagram.' then the post): a named subject of a saying verb anywhere in it
        said = subject_verb_anywhere(sentences[-1], inverted=False)
        found = said if said is not None and said.speaker else None
    if found is None:
        found = _following_sentence(paras, last)
    return found if found is not None else Attribution(None, None, adjacent=False)


def _following_sentence(paras: list[str], last: Span) -> Attribution | None:
    """A named speaker in the sentence right after a quotation ('"...." So said Ada Roe, ...',
    '"...." Those were the words of Ada Roe.', '"...." Ada Roe said this on Monday.'): the
    rest of the quotation's paragraph, or the next paragraph when the quotation ends its own."""
    rest = paras[last.para][last.end :].strip()
    if not rest and last.para + 1 < len(paras):
        rest = paras[last.para + 1].strip()
        if rest[:1] in OPENING_MARKS or rest[:1] == STRAIGHT_MARK:
            return None  # the next paragraph is a quotation of its own
    sentences = split_sentences(rest) if rest else []
    if not sentences:
        return None
    sentence = sentences[0].rstrip(".!?")
    if len(WORD.findall(sentence)) > MERGE_MAX_ATTRIBUTION_WORDS:
        return None
    found = None
    if (lead := FOLLOWING_LEAD.match(sentence)) is not None:
        found = verb_first(sentence[lead.end() :])  # 'So said Ada Roe'
    if found is None and (words := WORDS_OF.search(sentence)) is not None:
        found = speaker_from_object(sentence[words.end() :])  # 'the words of Ada Roe'
    if found is None and len(WORD.findall(sentence)) <= FOLLOWING_MAX_WORDS and not (
            SUBORDINATE_OPENING.match(sentence)):  # 'As the report suggested, ...': a new point
        found = subject_verb(COMMA_SPACES.split(sentence)[0], at_start=True)
    return found if found is not None and found.speaker else None


def _opens_sentence(text: str, start: int) -> bool:
    """True when a quotation at `start` begins a sentence (nothing of the writer's before it)."""
    return not sentence_before(text, start).strip()


def _is_fragment(paras: list[str], first: Span, text: str) -> bool:
    """True when the quoted words are built into the writer's sentence ('called it "a
    remarkable turnaround"'), not a whole sentence of the speaker's."""
    if not text[:1].isupper() and not text[:1].isdigit() and text[:1] not in "[‘'\"":
        return True
    before = sentence_before(paras[first.para], first.start).rstrip()
    return bool(before) and not before.endswith((":", ",", "—", "–", "-"))


def _one_per_speaker_and_paragraph(quotes: list[Quote], paras: list[int]) -> list[Quote]:
    """Quotations of one speaker in one paragraph become one quote, the parts joined by "…"
    (a paragraph of one interviewee is one statement, not several)."""
    out: list[Quote] = []
    last: tuple[int, str] | None = None
    for q, p in zip(quotes, paras, strict=True):
        if q.speaker and last == (p, q.speaker):
            prev = out[-1]
            out[-1] = Quote(f"{prev.text} … {q.text}", prev.speaker, prev.role or q.role,
                            prev.fragment)
            continue
        out.append(q)
        last = (p, q.speaker) if q.speaker else None
    return out


# --- attribution --------------------------------------------------------------------------------


def _attribute_group(paras: list[str], group: list[Span]) -> Attribution | None:
    """The first attribution found, nearest evidence first; a weak fallback when none."""
    for span in group:
        found = _attribute_span(paras, span)
        if found is not None:
            return found
    first = group[0]
    # `Name said:` closing the previous paragraph, with the quote as the whole next paragraph.
    if first.start == 0 and first.para > 0 and paras[first.para - 1].rstrip().endswith(":"):
        # only the sentence that ends with the colon: 'They checked the chain. SRLabs noted:'
        last = split_sentences(paras[first.para - 1].rstrip())[-1].rstrip(":").strip()
        found = subject_verb(last) or colon_subject(last) or possessive_colon(last)
        if found is not None and found.speaker and " " not in found.speaker and not any(
                _proper_mid_sentence(found.speaker).search(p) for p in paras):
            found = None  # 'Reliability also provides guardrails:' a common noun, no body
        if found is not None:
            return found
    # A press-release attribution on the next paragraph ("— Name, Title").
    nxt = group[-1].para + 1
    if nxt < len(paras) and paras[nxt][:1] in ATTRIBUTION_DASHES:
        found = dash_attribution(paras[nxt])
        if found is not None:
            return found
    return Attribution(None, None, adjacent=False)


def _attribute_span(paras: list[str], span: Span) -> Attribution | None:
    text = paras[span.para]
    after = sentence_after(text, span.end)
    before = sentence_before(text, span.start)
    # 1. '"...," said Name, role.' / '"...," Name said.' / '"..." — Name, Title'; not words
    #    that introduce the next quotation after a closed sentence ('"...hope." Ivo Brandt
    #    once said, "..."')
    closed_sentence = span.text.rstrip()[-1:] in ".!?"
    introduces_next = closed_sentence and (
        (after.rstrip().endswith((",", ":")) and len(text) > span.end + len(after))
        or SUBORDINATE_OPENING.match(after.lstrip()) is not None)  # '." As the report said,
    if span.closed and after and not introduces_next:
        stripped = after.lstrip()
        if stripped[:1] in ATTRIBUTION_DASHES and (found := dash_attribution(stripped)):
            return found
        if (found := verb_first(after)) is not None:
            return found
        late = LATE_VERB.search(after)
        if (late and after.lstrip()[:1].islower()
                and (found := verb_first(after[late.end() :])) is not None and found.speaker):
            return found  # '" built in Ohio, said Name': the words before are no subject
        # a quotation closed by its comma ('"...," X said ...') is attributed by the subject and
        # verb that follow it, however the sentence goes on
        any_tail = span.text.rstrip()[-1:] in ",?!"
        if (found := subject_verb(after.strip().rstrip(".!?"), at_start=True,
                                   any_tail=any_tail)) is not None:
            return found
        if (found := according_to(after)) is not None:
            return found
        late = LATE_VERB.search(after)
        if late and (found := verb_first(after[late.end() :])) is not None and found.speaker:
            return found
    # 2. 'Name said: "..."' / 'According to Name, "..."'
    if before.strip():
        lead = before.rstrip()
        if lead.endswith((":", ",")):
            clause = lead.rstrip(":,").strip()
            if (found := subject_verb(clause) or (document_read(clause) if lead.endswith(":")
                                                  else None)) is not None:
                return found
            if (found := according_to(clause)) is not None:
                return found
        # 3. a speech verb earlier in the sentence: 'Dupin said Apple expects "up to ..."',
        #    'According to Name, a role, customers "will keep ..."'
        found = (subject_verb_anywhere(before) or according_to(strip_after_comma(before))
                 or characterisation(before))
        if found is not None:
            found.adjacent = False
            return found
    # 4. a whole-sentence quote after a short attribution sentence ('..., he added. "For ...')
    if (found := _previous_sentence(text, span.start)) is not None:
        return found
    return None


def _previous_sentence(text: str, start: int) -> Attribution | None:
    """Attribution in the sentence right before a quote that opens a sentence."""
    head = text[:start].rstrip()
    if not head.endswith((".", ":")):
        return None
    ends = sentence_ends(head[:-1])
    sentence = head[ends[-1] if ends else 0 : -1].strip()
    if len(WORD.findall(sentence)) > MERGE_MAX_ATTRIBUTION_WORDS:
        return None
    # only the clause that carries the verb: 'The gap has not closed everywhere, he added'
    clause = COMMA_SPACES.split(sentence)[-1]
    return subject_verb(clause, at_start=False) if clause else None
