"""Rules of the quote stage's helpers that a mutation run found unpinned (digest/editorial/
quote_spans.py, quote_pronouns.py, quote_names.py), one small test each on the helper itself:
how quoted spans open and close, how spans of one paragraph join into one quotation, which
unmarked statements a dash line attributes, and which quoted text is no one's speech. The
sentences are our own, about invented people and companies."""

from __future__ import annotations

import pytest

from digest.editorial.quote_attribution import Attribution, speaker_from_object, subject_verb
from digest.editorial.quote_bodies import body_of_kind, full_body_name, last_org_before
from digest.editorial.quote_intros import (
    characterisation,
    colon_subject,
    document_read,
    possessive_colon,
)
from digest.editorial.quote_names import TitledSurnames, person_like, resolve_name, surname
from digest.editorial.quote_pronouns import Pronouns, learn_pronouns
from digest.editorial.quote_spans import (
    Span,
    find_spans,
    group_spans,
    join_text,
    not_speech,
    unmarked_blocks,
)
from digest.editorial.quote_speech import _lone_question, _title_case, is_speech
from digest.editorial.quotes import _one_per_speaker_and_paragraph, _sole_speaker_for_orphans
from digest.models import Quote


def texts(text: str) -> list[str]:
    return [s.text for s in find_spans(0, text)]


def groups(text: str) -> list[list[str]]:
    return [[s.text for s in group] for group in group_spans([text], [find_spans(0, text)])]


# --- spans -------------------------------------------------------------------------------------

def test_low_high_marks_close_with_the_high_mark() -> None:
    """In a paragraph that opens a quotation with „, the mark “ closes it."""
    assert find_spans(3, "Er sagte „Wir bauen“ heute.") == [
        Span(3, 9, 20, "Wir bauen", True)]


def test_a_closing_mark_with_nothing_open_is_ignored() -> None:
    assert find_spans(0, "He left” early.") == []


@pytest.mark.parametrize("tail", ["", ", she said.", " to help."])
def test_an_opening_mark_where_a_closing_one_belongs_closes(tail: str) -> None:
    """'a “pivotal moment“ to help': after a word and before a space, punctuation or the end."""
    assert texts(f"It was a “pivotal moment“{tail}") == ["pivotal moment"]


def test_a_span_left_open_runs_to_the_paragraph_end() -> None:
    assert find_spans(0, "She said “we will ship") == [Span(0, 9, 22, "we will ship", False)]


# --- spans joined into one quotation ---------------------------------------------------------

def test_two_partial_quotes_joined_by_a_few_words_are_one() -> None:
    assert groups("The move was “mostly painless” but still “real work” for us.") == [
        ["mostly painless", "real work"]]


def test_partial_quotes_are_not_joined_after_a_comma_or_before_a_capital() -> None:
    assert groups("The move was “mostly painless,” but still “real work” for us.") == [
        ["mostly painless,"], ["real work"]]
    assert groups("The move was “mostly painless” but still “Real work” for us.") == [
        ["mostly painless"], ["Real work"]]


def test_partial_quotes_too_far_apart_are_two() -> None:
    text = ("The move was “mostly painless” but the board and the staff and the customers and "
            "all of the rest still called it “real work” for us.")
    assert groups(text) == [["mostly painless"], ["real work"]]


@pytest.mark.parametrize("between", ["", ", ", ". ", ": "])
def test_spans_separated_by_nothing_or_one_mark_are_one(between: str) -> None:
    assert groups(f"“We Ship”{between}“It Works”") == [["We Ship", "It Works"]]


def test_an_attribution_between_two_spans_joins_them() -> None:
    assert groups("“We ship,” Ada Roe said. “It works.”") == [["We ship,", "It works."]]
    assert groups("“We ship,” said Ada Roe. “It works,” she added.") == [
        ["We ship,", "It works,"]]


def test_a_second_span_with_another_speaker_is_another_quotation() -> None:
    assert groups("“We ship,” said Ada Roe. “It works,” said Tom Lee.") == [
        ["We ship,"], ["It works,"]]


# --- statements without marks ----------------------------------------------------------------

STATEMENT = "We will open the plant next spring and hire locally."
DASH_LINE = "— Ada Roe, Chief Executive Officer"


@pytest.mark.parametrize("block", [STATEMENT, STATEMENT + " ", STATEMENT[:-1] + "?"])
def test_a_statement_above_a_dash_line_is_a_quotation(block: str) -> None:
    assert unmarked_blocks([block, DASH_LINE], [[], []]) == [
        [Span(0, 0, len(block), block, True)], []]


def test_a_dash_line_of_sixteen_words_still_attributes() -> None:
    line = DASH_LINE + " of the Northwind Silicon Company of the Upper Valley Region West"
    assert unmarked_blocks([STATEMENT, line], [[], []])[0] != []


def test_a_statement_above_a_list_of_dashed_lines_is_not_a_quotation() -> None:
    paras = [STATEMENT, DASH_LINE, "— Tom Lee, Chief Financial Officer"]
    assert unmarked_blocks(paras, [[], [], []]) == [[], [], []]


# --- not speech --------------------------------------------------------------------------------

def test_typed_text_at_the_paragraph_start_is_not_speech() -> None:
    text = "typed “hello world” in the box"
    assert not_speech(text, find_spans(0, text)[0])


# --- pronouns the article gives its people (quote_pronouns) ------------------------------------

PEOPLE: dict[str, str | None] = {"Elin Sandvik": None, "Tomas Berg": None}


def learnt(paras: list[str], people: dict[str, str | None] = PEOPLE
           ) -> tuple[dict[str, str], list[tuple[int, int, str, str]]]:
    known = learn_pronouns(paras, paras, people)
    return known.of, known.chains


def test_a_pronoun_opening_the_next_paragraph_continues_the_chain() -> None:
    assert learnt(["Elin Sandvik was not satisfied.", "She asked for more."]) == (
        {"Elin Sandvik": "she"}, [(1, 0, "she", "Elin Sandvik")])


def test_a_chain_sentence_is_placed_where_it_stands() -> None:
    """The same sentence twice in a paragraph: the chain is the second one, after the name."""
    assert learnt(["She agreed. Elin Sandvik spoke. She agreed."]) == (
        {"Elin Sandvik": "she"}, [(0, 32, "she", "Elin Sandvik")])


def test_a_pronoun_with_no_named_person_before_it_starts_no_chain() -> None:
    assert learnt(["She left. She returned."]) == ({}, [])


def test_a_pronoun_that_does_not_fit_the_person_breaks_the_chain() -> None:
    """'Mr. Berg' is 'he': a 'She' after his sentence is someone else, and so is the next."""
    assert learnt(["Mr. Berg arrived.", "Tomas Berg spoke. She left. She returned."]) == (
        {"Tomas Berg": "he"}, [])


def test_every_sentence_of_a_paragraph_is_read() -> None:
    assert learnt(["Elin Sandvik spoke. She agreed. Tomas Berg spoke. He left."]) == (
        {"Elin Sandvik": "she", "Tomas Berg": "he"},
        [(0, 20, "she", "Elin Sandvik"), (0, 50, "he", "Tomas Berg")])


@pytest.mark.parametrize("sentence", [
    "Elin Sandvik, the chief executive, opened the plant.",  # a name closed by a comma
    "In her review, Elin Sandvik wrote that the plant is late.",  # after a circumstance
])
def test_the_named_subject_of_a_sentence(sentence: str) -> None:
    assert learnt([f"{sentence} She said more."])[0] == {"Elin Sandvik": "she"}


def test_the_subject_is_the_name_not_the_role_before_it() -> None:
    assert learnt(["Example Chips chief executive Tomas Berg spoke. He agreed."]) == (
        {"Tomas Berg": "he"}, [(0, 48, "he", "Tomas Berg")])


@pytest.mark.parametrize(("paragraph", "people"), [
    ("Northwind Labs shipped parts. She agreed.", PEOPLE),  # not one of the people
    ("Madonna spoke. She agreed.", {"Madonna": None}),  # a one-word name is too thin
])
def test_only_a_full_name_of_the_people_quoted_is_a_subject(
        paragraph: str, people: dict[str, str | None]) -> None:
    assert learnt([paragraph], people) == ({}, [])


CHAINS = Pronouns(chains=[(0, 10, "she", "Elin Sandvik")])


@pytest.mark.parametrize(("para", "pos", "pronoun", "person"), [
    (0, 20, "she", "Elin Sandvik"),  # after the chain sentence
    (1, 0, "she", "Elin Sandvik"),  # in the next paragraph
    (0, 10, "she", None),  # not before itself
    (2, 0, "she", None),  # too far
    (0, 20, "he", None),  # another pronoun
])
def test_a_pronoun_follows_a_chain_only_nearby(para: int, pos: int, pronoun: str,
                                                person: str | None) -> None:
    assert CHAINS.chained(para, pos, pronoun) == person


# --- names (quote_names) -----------------------------------------------------------------------

def test_a_surname_goes_to_the_person_who_bears_it() -> None:
    assert resolve_name("Roe", {"Ada Roe": None, "Tom Lee": None}) == "Ada Roe"
    assert resolve_name("Ms. Roe", {"Ada Roe": None}) == "Ada Roe"


def test_a_surname_two_people_share_goes_to_the_first_introduced() -> None:
    assert resolve_name("Roe", {"Ada Roe": None, "Tom Roe": None}) == "Ada Roe"


def test_a_full_name_is_not_another_person_with_the_same_surname() -> None:
    assert resolve_name("Anna Roe", {"Ada Roe": None}) == "Anna Roe"


def test_a_surname_loses_a_trailing_comma() -> None:
    assert surname("Ada Roe,") == "Roe"
    assert surname("James P. Kennedy Jr.") == "Kennedy"


def test_surnames_written_after_an_honorific() -> None:
    titled = TitledSurnames("The board met. Mr. Roe said the plant would wait.")
    for _ in range(2):  # the second answer comes from what the first learnt
        assert "Roe" in titled
        assert "Lee" not in titled


def test_people_a_pronoun_may_stand_for() -> None:
    """A speaker, a person given a role or a titled surname; not any capitalised pair."""
    people: dict[str, str | None] = {"Ada Roe": None, "Tom Lee": "analyst", "Dan Ek": None,
                                     "First Amendment": None}
    titled = TitledSurnames("Mr. Ek agreed.")
    assert person_like(titled, people, {"Ada Roe"}) == {
        "Ada Roe": None, "Tom Lee": "analyst", "Dan Ek": None}


# --- '<subject> said' (quote_attribution.subject_verb) ----------------------------------------

@pytest.mark.parametrize("tail", [
    "during a call with analysts and investors on Monday morning last week",
    "to analysts and investors on a call on Monday morning last week",
    "via a statement sent to analysts and investors on Monday morning",
    "in an interview with the paper on Monday and again on Tuesday",
    ", with most of the sales coming from the new plant in the valley",
])
def test_after_a_quote_a_long_circumstance_keeps_the_speaker(tail: str) -> None:
    found = subject_verb(f"Ada Roe said {tail}", at_start=True)
    assert found is not None and found.speaker == "Ada Roe"


def test_after_a_quote_a_long_tail_that_is_no_circumstance_is_no_attribution() -> None:
    tail = "about the new plant and the old plant and the rest of the sites"
    assert subject_verb(f"Ada Roe said {tail}", at_start=True) is None


def test_before_a_quote_the_verb_must_end_the_clause_or_open_a_circumstance() -> None:
    assert subject_verb("Ada Roe said the plant is late") is None  # not at_start by default
    found = subject_verb("Ada Roe said In an interview with the paper")
    assert found is not None and found.speaker == "Ada Roe"


# --- whole quotations (quotes.py) --------------------------------------------------------------

def test_orphan_quotations_of_an_interview_take_the_one_speaker_and_role() -> None:
    quotes = [Quote("We ship in May.", "Ada Roe", "chief executive"), Quote("It works."),
              Quote("We hire.", fragment=True)]
    assert _sole_speaker_for_orphans(quotes, [False, True, True], {"Ada Roe": None}) == [
        Quote("We ship in May.", "Ada Roe", "chief executive"),
        Quote("It works.", "Ada Roe", "chief executive"),
        Quote("We hire.", "Ada Roe", "chief executive", fragment=True)]


def test_one_orphan_quotation_is_not_an_interview() -> None:
    quotes = [Quote("We ship in May.", "Ada Roe"), Quote("It works.")]
    assert _sole_speaker_for_orphans(quotes, [False, True], {"Ada Roe": None}) == quotes


def test_quotes_of_one_speaker_in_one_paragraph_are_joined_keeping_a_role() -> None:
    quotes = [Quote("We ship.", "Ada Roe", "chief executive"), Quote("It works.", "Ada Roe")]
    assert _one_per_speaker_and_paragraph(quotes, [0, 0]) == [
        Quote("We ship. … It works.", "Ada Roe", "chief executive")]
    assert _one_per_speaker_and_paragraph(quotes, [0, 1]) == quotes


# --- what quoted text is speech (quote_speech) -------------------------------------------------

NO_ONE = Attribution(None, None, adjacent=False)


def speech(paragraph: str, found: Attribution = NO_ONE) -> bool:
    spans = find_spans(0, paragraph)
    return is_speech([paragraph], spans, join_text(spans), found)


def test_quoted_text_without_words_is_not_speech() -> None:
    assert not speech("He wrote “…” at the end.", Attribution("Ada Roe", None, adjacent=True))


@pytest.mark.parametrize("paragraph", [
    "the “geography of AI” called the region a “superstar” for chips",  # 3 words and 1
    "the “geography” called the region a “superstar” for chips",
])
def test_several_short_unattributed_quotes_are_terms(paragraph: str) -> None:
    assert not speech(paragraph)


def test_several_unattributed_quotes_of_some_length_are_a_quotation() -> None:
    assert speech("He wrote that “we ship the parts” and “plant opens soon” later.")


@pytest.mark.parametrize("paragraph", ["“we ship the parts”", "He wrote: “we ship the parts"])
def test_an_unattributed_whole_paragraph_or_open_quotation_is_speech(paragraph: str) -> None:
    """Opening its paragraph, or left open to run on: not a fragment of the writer's sentence."""
    assert speech(paragraph)


def test_an_unattributed_title_is_not_speech_but_an_attributed_one_is() -> None:
    assert not speech("“The Art Of Making Chips”")
    assert speech("“The Art Of Making Chips”", Attribution("Ada Roe", None, adjacent=False))


def test_title_case_ignores_small_words_and_takes_numbers() -> None:
    assert _title_case(["The", "Art", "of", "War"])
    assert _title_case(["3nm", "Chips"])
    assert not _title_case(["The", "art", "of", "war"])
    assert not _title_case(["of", "the"])


def test_a_lone_question_is_one_sentence_ending_in_a_question_mark() -> None:
    assert _lone_question("Will it fit?”")
    assert not _lone_question("It is big. Will it fit?")


# --- how a sentence introduces a quotation (quote_intros) --------------------------------------

def test_a_body_opening_a_colon_sentence_speaks() -> None:
    assert colon_subject("SRLabs came back with a clear message:") == Attribution(
        "SRLabs", None, adjacent=True)
    assert colon_subject("They came back with a clear message:") is None  # a pronoun


def test_a_possessive_introduction_stands_for_its_pronoun() -> None:
    assert possessive_colon("Its verdict:") == Attribution(None, None, adjacent=True,
                                                          descriptor="it")
    assert possessive_colon("In her words:") == Attribution(None, None, adjacent=True,
                                                           pronoun=True, gender="she")


def test_a_document_that_reads_speaks_only_when_it_names_a_body() -> None:
    assert document_read("The statement from Eastbay Systems read") == Attribution(
        "Eastbay Systems", None, adjacent=True)
    assert document_read("A spokesperson read") is None
    assert document_read("The company read") is None


def test_who_calls_something_by_the_quoted_words_is_their_speaker_when_named() -> None:
    assert characterisation("Ada Roe, an analyst at Northwind, called the outlook") == (
        Attribution("Ada Roe", "analyst at Northwind", adjacent=True))
    assert characterisation("A spokesperson called it") is None


# --- which organisation a description stands for (quote_bodies) -------------------------------

FTC = "The Federal Trade Commission opened a case."


def test_a_description_stands_for_the_last_body_of_its_kind_anywhere_before() -> None:
    assert body_of_kind(["Officials met.", FTC, "Then the agency said"], 2, 9, "agency") == (
        "Federal Trade Commission")
    assert body_of_kind([FTC, "Northwind Labs sued."], 1, 20, "agency") == (
        "Federal Trade Commission")  # a company is no agency


def test_a_description_with_no_body_of_its_kind_before_stands_for_none() -> None:
    assert body_of_kind([f"Then the agency said. {FTC}"], 0, 20, "agency") is None  # after
    assert body_of_kind(["Officials met."], 0, 10, "agency") is None
    assert body_of_kind([FTC], 0, 40, "team") is None  # no kind of body


def test_the_last_body_is_looked_for_one_paragraph_back_only() -> None:
    paras = ["The Department of Transportation ruled.", "Nothing.", "The agency said more."]
    assert last_org_before(paras, 2, 4) is None
    assert last_org_before(paras[1:], 1, 4) is None
    assert last_org_before(paras, 1, 8) == "Department of Transportation"


@pytest.mark.parametrize("text", [
    "Officials met. Microsoft blamed two updates. Later the company said",
    "Roe blamed two updates. Microsoft blamed two more. Later the company said",
])
def test_a_name_opening_a_sentence_that_is_no_person_is_a_body(text: str) -> None:
    assert last_org_before([text], 0, len(text), {"Ada Roe": None}) == "Microsoft"


@pytest.mark.parametrize("text", ["Roe blamed two updates. Later the company said",
                                  "What happened was odd. Later the company said"])
def test_a_person_or_a_question_word_opening_a_sentence_is_no_body(text: str) -> None:
    assert last_org_before([text], 0, len(text), {"Ada Roe": None}) is None


def test_an_organisation_name_keeps_its_own_spelling_over_the_sentence_opening() -> None:
    assert last_org_before(["Acme Inc. sued the city."], 0, 24) == "Acme Inc"


@pytest.mark.parametrize(("name", "text", "people", "full"), [
    ("Corvane", "Corvane Systems makes chips.", {}, "Corvane Systems"),
    ("Corvane", "Corvane AI Inc said", {}, "Corvane AI Inc"),
    ("Corvane", "Corvane Systems makes chips.", {"Corvane": None}, "Corvane"),  # a person
    ("Corvane Systems", "Corvane Systems Group Inc makes chips.", {}, "Corvane Systems"),
    ("Corvane", "Corvane X Inc said", {}, "Corvane"),  # a one-letter word
    ("Corvane", "Corvane Of Inc said", {}, "Corvane"),  # a function word
    ("Corvane", "Northwind Inc said", {}, "Corvane"),  # another name
])
def test_a_one_word_body_takes_the_full_name_the_article_gives_it(
        name: str, text: str, people: dict[str, str | None], full: str) -> None:
    assert full_body_name(name, [text], people) == full


# --- who follows the speech verb (quote_attribution.speaker_from_object) ----------------------

@pytest.mark.parametrize(("rest", "expected"), [
    ("she", Attribution(None, None, adjacent=True, pronoun=True, gender="she")),
    ("they told reporters", Attribution(None, None, adjacent=True, pronoun=True, plural=True,
                                        gender="they")),
    ("it", Attribution(None, None, adjacent=True, descriptor="it")),
    ("a report from Kotak Institutional Equities",
     Attribution("Kotak Institutional Equities", None, adjacent=True)),
    ("Northwind Labs", Attribution("Northwind Labs", None, adjacent=True)),
    ("the company's CEO, Lisa Su", Attribution("Lisa Su", "company's CEO", adjacent=True)),
    ("Keystone Policy Group analyst Renata Ilves",
     Attribution("Renata Ilves", "Keystone Policy Group analyst", adjacent=True)),
    ("Secretary of State Mike Pompeo",
     Attribution("Mike Pompeo", "Secretary of State", adjacent=True)),
    ("a recent graduate who asked not to be named",
     Attribution(None, "recent graduate", adjacent=True)),
    ("the company", Attribution(None, None, adjacent=True, descriptor="company")),
    ("Ada Roe, who leads the chip team",
     Attribution("Ada Roe", "leads the chip team", adjacent=True)),
    ("Ada Roe, chief executive", Attribution("Ada Roe", "chief executive", adjacent=True)),
    ("Ada Roe which leads it", Attribution("Ada Roe", None, adjacent=True)),
    ("Research scientist at Northwind",
     Attribution(None, "Research scientist at Northwind", adjacent=True)),
])
def test_the_speaker_after_the_speech_verb(rest: str, expected: Attribution) -> None:
    assert speaker_from_object(rest) == expected
