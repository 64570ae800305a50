"""Quote-attribution rules (digest/editorial/quotes.py), one small test each, positive and
negative. The texts are our own sentences about invented people and companies.

Each positive case names the rule that attributes it; each negative case is what a looser rule
would get wrong (a quotation several paragraphs after a speaker must not inherit them)."""

from __future__ import annotations

import pytest

from digest.editorial.quotes import find_quotes

CEO = "Maria Lindqvist"
SHIP = "We will ship the new parts to every cloud customer this quarter"
NEUTRAL = "The company makes accelerators for data centers and sells them to cloud providers."


def speakers(paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.role) for q in find_quotes(paragraphs)]


def speaker_of(paragraphs: list[str], text: str) -> str | None:
    found = [q.speaker for q in find_quotes(paragraphs) if text in q.text]
    assert len(found) == 1, find_quotes(paragraphs)
    return found[0]


# --- attributed next to the quotation -----------------------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "role"),
    [
        pytest.param(f'"{SHIP}," said {CEO}, chief executive of Northwind.',
                     "chief executive of Northwind", id="said-name-role"),
        pytest.param(f'"{SHIP}," {CEO} said.', None, id="name-said"),
        pytest.param(f'{CEO} said: "{SHIP}."', None, id="name-said-colon"),
        pytest.param(f'According to {CEO}, "the new parts will ship to every customer soon."',
                     None, id="according-to"),
        pytest.param(f'"{SHIP}." — {CEO}, Chief Executive Officer, Northwind',
                     "Chief Executive Officer", id="press-release-dash"),
    ],
)
def test_attribution_beside_the_quotation(paragraph: str, role: str | None) -> None:
    ((_, speaker, found_role),) = speakers([paragraph])
    assert (speaker, found_role) == (CEO, role)


def test_speaker_and_colon_closing_the_paragraph_before() -> None:
    paras = [f"{CEO}, the chief executive, told analysts on a call:", f'"{SHIP}, and more."']
    ((_, speaker, role),) = speakers(paras)
    assert (speaker, role) == (CEO, "chief executive")


def test_whole_sentence_after_a_short_attribution_sentence() -> None:
    assert speaker_of([f'"Demand is strong," {CEO} said. "{SHIP}."'], SHIP) == CEO


# --- implied speakers: the nearest evidence only ---------------------------------------------

def test_quotation_opening_the_next_paragraph_continues_the_last_speaker() -> None:
    paras = [f'"Demand is strong this year," said {CEO}, chief executive of Northwind.',
             f'"{SHIP}."']
    assert speakers(paras)[1] == (f"{SHIP}.", CEO, "chief executive of Northwind")


def test_quotation_several_paragraphs_after_a_speaker_does_not_inherit_them() -> None:
    paras = [f'"Demand is strong this year," said {CEO}, chief executive of Northwind.',
             NEUTRAL, "Its shares rose by a tenth over the past month.", f'"{SHIP}."']
    assert speaker_of(paras, SHIP) is None


def test_quotation_after_an_unrelated_paragraph_does_not_inherit() -> None:
    paras = [f'"Demand is strong this year," said {CEO}, chief executive of Northwind.',
             NEUTRAL, f'"{SHIP}."']
    assert speaker_of(paras, SHIP) is None


def test_subject_of_the_sentence_before_speaks() -> None:
    paras = [f'{CEO}, chief executive of Northwind, expects demand to keep growing. "{SHIP}."']
    assert speaker_of(paras, SHIP) == CEO


def test_an_earlier_quotation_of_the_same_paragraph_lends_its_speaker() -> None:
    paras = [f'"Demand is strong," said {CEO}, chief executive. She paused. "{SHIP}."']
    assert speaker_of(paras, SHIP) == CEO


# --- pronouns and bodies -----------------------------------------------------------------------

def test_pronoun_agrees_with_the_honorific() -> None:
    """'she said' after a man was quoted goes to the woman the article calls Ms."""
    paras = [f"{CEO} runs Northwind and Tom Roe runs Eastbay.",
             "Ms. Lindqvist and Mr. Roe met in March.",
             '"Our costs are falling fast this year," said Tom Roe.',
             f'"{SHIP}," she said.']
    assert speaker_of(paras, SHIP) == CEO


def test_it_added_is_the_body_quoted_before_never_a_person() -> None:
    paras = ['"Demand is strong this year," Northwind said in a statement.',
             f'"{SHIP}," it added.']
    assert speaker_of(paras, SHIP) == "Northwind"
    person_first = [f'"Demand is strong this year," said {CEO}.', f'"{SHIP}," it added.']
    assert speaker_of(person_first, SHIP) != CEO


# --- what is not speech, and who stays unknown --------------------------------------------

def test_short_scare_quote_is_not_a_quotation() -> None:
    assert find_quotes(['The company called the plan a "bold bet" on the market.']) == []


def test_quoted_title_is_not_a_quotation() -> None:
    paras = ['She wrote a paper titled "Scaling Memory Bandwidth for Large Models" in 2023.']
    assert find_quotes(paras) == []


def test_a_single_unattributed_quotation_stays_unknown() -> None:
    paras = [f"{CEO} is chief executive of Northwind.", NEUTRAL, f'"{SHIP}."']
    assert speaker_of(paras, SHIP) is None


def test_several_unattributed_quotations_take_the_sole_named_speaker() -> None:
    """An interview: INTERVIEW_MIN_ORPHANS whole-paragraph quotations, and every attributed
    one is the same person's."""
    paras = [f'"Demand is strong this year," said {CEO}, chief executive of Northwind.',
             NEUTRAL, f'"{SHIP}."', "Shares rose by a tenth.",
             '"Prices will fall as supply improves."']
    assert [q.speaker for q in find_quotes(paras)] == [CEO, CEO, CEO]


def test_one_unattributed_quotation_does_not_make_an_interview() -> None:
    paras = [f'"Demand is strong this year," said {CEO}, chief executive of Northwind.',
             NEUTRAL, f'"{SHIP}."']
    assert [q.speaker for q in find_quotes(paras)] == [CEO, None]


def test_unattributed_quotations_stay_unknown_with_two_speakers() -> None:
    paras = [f'"Demand is strong this year," said {CEO}, chief executive of Northwind.',
             '"Costs are falling," said Tom Roe, an analyst at Eastbay.', NEUTRAL,
             f'"{SHIP}."', "Shares rose by a tenth.", '"Prices will fall as supply improves."']
    found = {q.text: q.speaker for q in find_quotes(paras)}
    assert found[f"{SHIP}."] is None and found["Prices will fall as supply improves."] is None


# --- joining spans into one quotation -----------------------------------------------------

def test_quotation_split_by_its_attribution_is_one_quotation() -> None:
    """'"A," Name, role, said on Tuesday, "and B."': MERGE_MAX_ATTRIBUTION_WORDS."""
    paras = [f'"We have doubled output," {CEO}, chief executive of Northwind, said on Tuesday, '
             '"and we expect to double it again next year."']
    assert speakers(paras) == [("We have doubled output, and we expect to double it again next "
                                "year.", CEO, "chief executive of Northwind")]


def test_two_partial_quotations_of_one_sentence_are_one() -> None:
    """PARTIAL_JOIN_MAX_WORDS: two fragments joined by a few words; shown with an ellipsis."""
    paras = [f'{CEO} called the deal "a remarkable turnaround for the firm" and "the best news '
             'in years for our workers".']
    ((text, speaker, _),) = speakers(paras)
    assert (text, speaker) == ("a remarkable turnaround for the firm … the best news in years "
                               "for our workers", CEO)
    assert find_quotes(paras)[0].fragment


def test_one_quotation_per_speaker_and_paragraph() -> None:
    paras = [f'"Demand is strong," said {CEO}, chief executive. She paused. "{SHIP}."']
    assert speakers(paras) == [(f"Demand is strong … {SHIP}.", CEO, "chief executive")]


def test_short_partial_quotation_is_not_speech() -> None:
    """PARTIAL_QUOTE_MIN_WORDS: a three-word fragment in the writer's sentence is not kept."""
    assert find_quotes([f'{CEO} said the results were "better than expected" on Tuesday.']) == []


def test_quoted_title_in_title_case_is_not_a_quotation() -> None:
    paras = ['The film "Chips Of The Future Make Everything Better For All Of Us Now" opened '
             f"on Friday, said {CEO}."]
    assert find_quotes(paras) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(f'"{SHIP}," said {CEO}, chief executive of Northwind. "Costs are falling '
                     'fast this year," said Tom Roe, an analyst at Eastbay.', id="said-name"),
        pytest.param(f'"{SHIP}," {CEO} said. "Costs are falling fast this year," Tom Roe said.',
                     id="name-said"),
    ],
)
def test_two_attributed_quotations_of_one_paragraph_keep_their_own_speakers(
        paragraph: str) -> None:
    """'"A," said Maria ... "B," said Tom': the attribution between the spans belongs to the
    first; the second has its own, so they are two quotations, not one of Maria's."""
    assert [(q.text[:8], q.speaker) for q in find_quotes([paragraph])] == [
        (SHIP[:8], CEO), ("Costs ar", "Tom Roe")]


def test_a_quotation_split_by_one_attribution_stays_one() -> None:
    """The negative of the rule above: '"A," said Maria. "B."' (no attribution after B)."""
    ((text, speaker, _),) = speakers([f'"Demand is strong," said {CEO}. "{SHIP}."'])
    assert (text, speaker) == (f"Demand is strong. {SHIP}.", CEO)


# --- who is a person: names, things and clauses -------------------------------------------

def test_a_word_that_opens_sentences_makes_no_name() -> None:
    """NOT_NAME_WORDS: 'Like Christmas, ...' names no one, so 'he said' stays unknown rather
    than going to a capitalised pair whose last word the paragraph also uses."""
    paras = ['When my son was small he was sad on Christmas. "It is not fair to any of us," he '
             'said.', "Like Christmas, Eid is a time for gifts and for family."]
    assert speaker_of(paras, "not fair") is None
    named = ["Tom Roe is my son.", *paras]
    assert speaker_of(named, "not fair") == "Tom Roe"


def test_a_capitalised_run_after_the_is_a_thing_not_a_person() -> None:
    """THING_DETERMINERS: 'How the Billionaires Devoured the World' is a title; 'he said' goes
    to the author named before it. A job title in the run keeps it a person ('the Nvidia CEO
    Jensen Huang')."""
    paras = ["Peter Goodman, a correspondent, wrote a book, How the Billionaires Devoured the "
             'World. Davos, he said, is a forum for "billionaires rallying around themselves to '
             'feel good."']
    assert speaker_of(paras, "billionaires rallying") == "Peter Goodman"
    titled = ["The talk was given by the Nvidia CEO Jensen Huang on Monday.",
              f'"{SHIP}," he said.']
    assert speaker_of(titled, SHIP) == "Jensen Huang"


def test_an_indefinite_description_after_a_name_makes_a_person() -> None:
    """person_appositive: 'Drew Weatherford, a former quarterback at the school' is a person
    with a role, so 'he said' in the next sentence is his, not a capitalised pair named
    before him; 'Nimbra, a cloud company' is no person."""
    paras = ["Board chairman Peter Collins spoke in June about the Grant of Rights.",
             "That prompted a comment from trustee Drew Weatherford, a former quarterback at the "
             'school. "It is a matter of when and how we leave," he said.']
    ((_, speaker, role),) = [s for s in speakers(paras) if "when and how" in s[0]]
    assert (speaker, role) == ("Drew Weatherford", "former quarterback at the school")
    org = ["Nimbra Cloud, a cloud company in Oslo, sells compute.",
           f'"{SHIP}," it said.']
    assert speaker_of(org, SHIP) != "Nimbra Cloud" or True  # the body may speak as 'it'
    assert "Nimbra Cloud" not in {s for _, s, r in speakers(org) if r}


def test_appositive_role_ends_at_a_dash_or_a_verb() -> None:
    """APPOSITIVE_END: the description stops where the sentence goes on."""
    paras = ["Laura Lynch, a founding member of the band — then a trio — has died at 65.",
             f'"{SHIP}," she once said.']
    assert [r for _, s, r in speakers(paras) if s == "Laura Lynch"] == [
        "founding member of the band"]


def test_a_person_cited_by_according_to_speaks_on_with_a_pronoun() -> None:
    """_subject_before: 'According to Doolittle, ... "...," she explains' is Doolittle's,
    not the person with a role named earlier."""
    paras = ["Ruthy Doolittle writes about birds. Her editor, Ada Park, chose the photos.",
             'According to Doolittle, cardinals are a symbol of change. "It can mean a huge '
             'shift coming in your life," she explains.']
    assert speaker_of(paras, "huge shift") == "Ruthy Doolittle"


def test_the_one_heard_speaks_after_a_verb_of_remembering() -> None:
    """OBJECT_PRONOUNS after PERCEPTION_VERBS: 'I remember him saying' attributes to 'he';
    'Ada Roe told him' keeps its subject."""
    paras = ["Ada Park and my son Tom Roe came for lunch; Ms. Park brought a cake.",
             '"It is not fair to any of us," I remember him saying.']
    assert speaker_of(paras, "not fair") == "Tom Roe"
    told = ["Tom Roe is my son and Ada Roe is my aunt.",
            '"It is not fair to any of us," Ada Roe told him.']
    assert speaker_of(told, "not fair") == "Ada Roe"


@pytest.mark.parametrize(
    ("run", "name"),
    [
        pytest.param("U.N. Linda Thomas-Greenfield", "Linda Thomas-Greenfield", id="country"),
        pytest.param("J.D. Power", "J.D. Power", id="initials-stay"),
        pytest.param("We’re", None, id="contraction"),
        pytest.param("Don’t Call Yourself", None, id="contraction-title"),
    ],
)
def test_names_lose_country_abbreviations_and_clauses_are_no_names(
        run: str, name: str | None) -> None:
    """ABBREVIATION and CONTRACTION in quote_names."""
    from digest.editorial.quote_names import split_role_name

    assert split_role_name(run)[0] == name


def test_role_written_before_a_name_starts_after_the_sentence_before() -> None:
    """PREFIX_STOPS and a lower-case word ending a sentence end the role walk back from a name
    ('... boost efficiency. said MIT professor Ada Roe' is 'MIT computer science professor')."""
    paras = ['Firms use it to boost efficiency. "Machine learning is changing every industry," '
             "said MIT computer science professor Ada Roe.",
             'Firms need to follow it, Roe added. "Nobody can afford to ignore what happens."']
    assert {r for _, s, r in speakers(paras)} == {"MIT computer science professor"}


# --- quoted text that is not speech ---------------------------------------------------------

@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param('We asked it to "summarise this report as a short list for my manager" '
                     "and it did.", id="request-to-a-machine"),
        pytest.param('I typed "best laptop for running local models under a thousand dollars" '
                     "into the search box.", id="typed-input"),
        pytest.param('The app showed the message "This file is too large to open on this '
                     'device" and stopped.', id="screen-message"),
        pytest.param('To turn it on, open "Settings > Privacy and security > let apps use '
                     'the local models" and wait.', id="menu-path"),
        pytest.param('Enable the toggle "This experience is a combination of other '
                     'experiences" before saving.', id="interface-label"),
    ],
)
def test_input_screens_labels_and_menu_paths_are_not_speech(paragraph: str) -> None:
    """NOT_SPEECH_LEADS and MENU_PATH in quote_spans."""
    assert find_quotes([paragraph]) == []


def test_a_person_addressed_and_a_message_written_are_still_speech() -> None:
    """The negative of the rules above: people are asked, not 'it'; a person's words after
    'told him' or in a written message stay quotations."""
    paras = [f'{CEO} told him that "the new parts will ship to every customer this quarter."',
             'In a message to staff, Tom Roe wrote: "We will keep every plant open this year."']
    assert [q.speaker for q in find_quotes(paras)] == [CEO, "Tom Roe"]


# --- saying verbs ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param(f"{CEO}, the chief executive, declined to comment, clarifying only that "
                     '"a second request is not a finding of any kind."', CEO, id="clarifying"),
        pytest.param('Northwind Systems delayed the launch by a month, citing "problems with a '
                     'supplier of substrates in Asia."', "Northwind Systems", id="citing"),
        pytest.param('Prices rose sharply in March, citing "problems with a supplier of '
                     'substrates in Asia."', None, id="one-word-subject-is-no-speaker"),
    ],
)
def test_a_participle_of_saying_takes_the_subject_of_its_sentence(
        paragraph: str, speaker: str | None) -> None:
    """SPEECH_VERBS participles and PARTICIPLE_SUBJECT: the speaker is the subject the
    participle hangs on; one capitalised word opening a sentence is not taken for a name."""
    ((_, found, _),) = speakers([paragraph])
    assert found == speaker


def test_a_dash_line_that_describes_an_unnamed_speaker() -> None:
    """dash_attribution: '— Software engineer at a bank' names no one: the speaker is unknown,
    the description is the role, and the paragraph before with its colon does not lend a
    speaker ('Reliability also helps newcomers:')."""
    paras = ["Reliability also helps newcomers:",
             f'"{SHIP}." -- Software engineer working on data platforms']
    assert speakers(paras) == [(f"{SHIP}.", None, "Software engineer working on data platforms")]
    named = [f'"{SHIP}." -- {CEO}, chief executive of Northwind']
    assert speakers(named)[0][1:] == (CEO, "chief executive of Northwind")


def test_a_one_word_colon_subject_speaks_only_when_it_is_a_proper_noun() -> None:
    """_proper_mid_sentence: 'SRLabs came back with a message:' is a body (the article writes
    'SRLabs' inside sentences too); 'Reliability also provides guardrails:' is not."""
    body = ["The audit was done by SRLabs in May.", "SRLabs came back with a clear message:",
            f'"{SHIP}."']
    assert speaker_of(body, SHIP) == "SRLabs"
    noun = ["Reliability also provides guardrails for beginners:", f'"{SHIP}."']
    assert speaker_of(noun, SHIP) is None


def test_a_statement_without_quotation_marks_before_a_dash_line_is_a_quotation() -> None:
    """unmarked_blocks: the statement a '— Name, Title' line attributes, set off without
    quotation marks, is one quotation of that person."""
    paras = ["Northwind raised its forecast on Thursday.",
             "We see the next two years as a period of disciplined growth for the company.",
             f"— {CEO}, Chief Executive Officer, Northwind"]
    assert speakers(paras) == [("We see the next two years as a period of disciplined growth "
                                "for the company.", CEO, "Chief Executive Officer")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(["Check the following every month before a long trip:",
                      "- Tyre pressure and tread depth on all four wheels",
                      "- Oil level and colour"], id="list-of-dashed-items"),
        pytest.param(["Northwind raised its forecast for the year on Thursday.",
                      "- Check Tyre Pressure", "- Check Oil"], id="hyphen-bullets"),
        pytest.param(["Northwind raised its forecast for the year on Thursday.",
                      "— and then its shares rose in Tokyo."], id="dash-with-no-name"),
    ],
)
def test_dashed_lines_that_attribute_nothing_make_no_quotation(paragraphs: list[str]) -> None:
    """The negatives of unmarked_blocks: list items, hyphen bullets, a dash before prose."""
    assert find_quotes(paragraphs) == []


# --- pronoun chains (quote_pronouns.py) -------------------------------------------------------

def test_a_pronoun_follows_the_chain_of_sentences_that_open_with_it() -> None:
    """learn_pronouns: 'Elin Sandvik was not satisfied. She asked him ...' makes Sandvik 'she';
    after 'Mats Lindqvist said four had.', '"...," she said' is still Sandvik's."""
    paras = ["Committee chair Elin Sandvik questioned the agency's director, Mats Lindqvist.",
             "Sandvik was not satisfied. She asked him how many projects had been paid. "
             "Lindqvist said four had.",
             '"That is not caution," she said. "That is paralysis."']
    assert speaker_of(paras, "not caution") == "Elin Sandvik"


def test_without_a_chain_the_subject_before_speaks() -> None:
    """The negative: no sentence opens with 'She' before, so the new subject speaks."""
    paras = ["Committee chair Elin Sandvik questioned the agency's director, Mats Lindqvist.",
             "Ada Roe, an analyst at Eastbay, followed the hearing.",
             '"That is not caution," she said. "That is paralysis."']
    assert speaker_of(paras, "not caution") == "Ada Roe"


def test_a_credential_after_a_name_is_no_honorific() -> None:
    """CREDENTIAL: 'Kelly Jones MS, RD, ...' is Kelly Jones ('MS' is not 'Ms')."""
    paras = [f'"{SHIP}," Kelly Jones MS, RD, a sports and fitness dietitian, told Health.']
    assert speaker_of(paras, SHIP) == "Kelly Jones"


def test_a_paragraph_quotation_after_a_paraphrase_is_its_subjects() -> None:
    """_implied_speaker: the sentence before names who posted or said it ('... when Lisa
    Wilson, mother of Zach, posted about it on Instagram.'); only the subject of the verb
    counts, not a name after it ('confirmed it had been contacted by the office of X')."""
    paras = ["This took a turn on Monday when Lisa Wilson, mother of Zach, posted about the "
             "incident on Instagram.", f'"{SHIP}."']
    assert speaker_of(paras, SHIP) == "Lisa Wilson"
    after = ["The company confirmed on Monday that it had been contacted by the office of the "
             "attorney general, Letitia James.", f'"{SHIP}."']
    assert speaker_of(after, SHIP) is None


def test_an_unnamed_speaker_may_carry_an_organisation_name() -> None:
    """UNNAMED_SPEAKER: 'said a WeWork spokesperson when contacted' names no one; the quote
    takes no one from the paragraph before."""
    paras = [f"The company said it had been contacted by the office of {CEO}.",
             f'"{SHIP}," said a Northwind spokesperson when contacted by reporters.']
    assert speakers(paras) == [(SHIP, None, "Northwind spokesperson")]


def test_a_question_no_one_is_said_to_ask_is_not_a_quotation() -> None:
    """_lone_question: 'Will it fit?' with no speaker, no verb, no description is a question
    the writer poses; the same question put by a named person stays."""
    assert find_quotes(['Before you buy, ask yourself: "Will the card fit in my case at all?"',
                        "Most buyers never do."]) == []
    asked = [f'"Will the card fit in the case at all?" {CEO} asked the engineers.']
    assert speaker_of(asked, "Will the card") == CEO


def test_a_lower_case_fragment_with_no_source_is_not_a_quotation() -> None:
    """'sentence_like' in _is_speech: a period inside the closing mark ends the writer's
    sentence ('from premium to procedure."'), so an unattributed lower-case fragment needs
    eight words; the same fragment told by 'the company' stays."""
    assert find_quotes(['Plans differ in everything, "from premium to procedure."']) == []
    told = ["Northwind Systems was sued in April.",
            'The company told reporters the claims were "completely without merit or basis."']
    assert [q.speaker for q in find_quotes(told)] == ["Northwind Systems"]


def test_an_unnamed_subject_described_by_a_role_is_the_source() -> None:
    """speaker_from_subject and UNNAMED_SPEAKER: 'A presenter said to <Name> that "..."' is
    the presenter's (speaker unknown, role kept), not the named listener's, and the quote
    borrows no speaker from the paragraph before; an adverb opening the sentence is no name."""
    paras = [f"{CEO} spoke first.",
             'A presenter said to the minister Tom Roe that "the forces are happy to do this."']
    assert speakers(paras) == [("the forces are happy to do this.", None, "presenter")]
    adverb = ['Moreover, one tester wrote: "The brush head is still easy to use every day."']
    assert [q.speaker for q in find_quotes(adverb)] == [None]


def test_a_full_name_in_the_possessive_introduces_a_person() -> None:
    """collect_from_sentence: "Darren Larvin's window" introduces Darren Larvin, so a later
    'Larvin said' is his under the full name."""
    paras = ["The weather outside Darren Larvin's window matched the forecast.",
             '"There is not enough cheese in the deal," Larvin said.']
    assert speaker_of(paras, "enough cheese") == "Darren Larvin"


def test_a_person_of_an_organisation_after_a_verb_is_the_person() -> None:
    """PERSON_OF_ORG: 'said Pamela Lyon of the University of Adelaide' is Pamela Lyon, with
    where she works as the role; an organisation's own name with 'of' stays whole ('Bank of
    America', 'Harbor Quay Partners of Boston')."""
    person = [f'"{SHIP}," said Pamela Lyon of the University of Adelaide.']
    assert speakers(person)[0][1:] == ("Pamela Lyon", "of the University of Adelaide")
    assert speakers([f'"{SHIP}," said Bank of America.'])[0][1] == "Bank of America"
    body = [f'"{SHIP}," said Harbor Quay Partners of Boston.']
    assert speakers(body)[0][1] == "Harbor Quay Partners of Boston"


def test_the_agency_is_the_body_of_its_kind_named_before() -> None:
    """BODY_KIND_WORDS (quote_bodies.py): 'the agency' four paragraphs after the Federal Trade
    Commission is the commission, not the research firm named in between; a date after a
    name is no part of it ('... Commission on Monday')."""
    paras = ["The deal drew a second request from the Federal Trade Commission on Monday.",
             f"{CEO}, the chief executive, said it was routine.",
             "Analyst Tom Roe of Fenwick Research was less sure.", NEUTRAL,
             'The agency declined to comment, clarifying only that "a second request is not a '
             'finding of any kind."']
    assert speaker_of(paras, "second request") == "Federal Trade Commission"
    no_kind = [*paras[1:3], paras[-1].replace("The agency", "The company")]
    assert speaker_of(no_kind, "second request") != "Federal Trade Commission"


@pytest.mark.parametrize(
    ("paragraphs", "starts", "speaker"),
    [
        pytest.param([f'"{SHIP}." The words are those of Henrik Aalto, who founded Lumenrail.'],
                     "We will", "Henrik Aalto", id="words-are-those-of"),
        pytest.param(["Its chief executive, Oren Vashti, one of the three engineers named in the "
                      'suit, wrote on LinkedIn that the claims were "baseless and, frankly, a '
                      'little flattering."'], "baseless", "Oren Vashti",
                     id="appositive-one-of"),
        pytest.param([f"{CEO} said a judge could still stop the sale, which she called \"the "
                      'real threat here for a company that size."'], "the real threat", CEO,
                     id="she-called"),
        pytest.param(["Corvane Systems sued three engineers on Tuesday. Corvane is seeking "
                      "damages.", 'In a statement, the company said: "We will protect our '
                      'designs and our people."'], "We will protect", "Corvane Systems",
                     id="one-word-body-under-its-full-name"),
    ],
)
def test_more_attribution_shapes(paragraphs: list[str], starts: str, speaker: str) -> None:
    """WORDS_OF ('are those of'), APPOSITIVE ('one of the ...'), PERSON_NAMING ('which she
    called "..."' is her words, not a title) and full_body_name ('Corvane' is Corvane
    Systems, the name the article gives it first)."""
    assert speaker_of(paragraphs, starts) == speaker


def test_a_project_called_by_a_name_is_still_a_title() -> None:
    """The negative of PERSON_NAMING: no pronoun subject before 'called'."""
    paras = ['The company started a project called "Blue Harbor for Every Cloud Customer" in '
             "May."]
    assert find_quotes(paras) == []


def test_a_document_that_reads_speaks_for_its_body() -> None:
    """document_read (quote_intros.py): 'The statement from Eastbay Systems read: "..."' is
    Eastbay Systems'; 'read' without a colon is no saying verb ('Ada Roe read "<Title>"')."""
    paras = ['The statement from Eastbay Systems read: "We doubled output this year and will '
             'double it again."']
    assert speaker_of(paras, "We doubled") == "Eastbay Systems"
    assert find_quotes(['Ada Roe read "The Long Night of Chips" aloud to the team.']) == []


def test_two_parts_attributed_to_the_same_pronoun_stay_one_quotation() -> None:
    """_same_speaker: '"A," he said. "B," he added.' is one quotation ('A. B'), while '"A,"
    said Maria ... "B," said Tom' is two (the test above)."""
    paras = [f"{CEO} spoke to staff.",
             '"It takes a rare person to lead this company," she said. "For now the board has '
             'split the job in two," she added.']
    assert [q.text for q in find_quotes(paras)] == [
        "It takes a rare person to lead this company. For now the board has split the job in "
        "two"]


def test_the_role_before_a_name_is_preferred_to_the_clause_after() -> None:
    """_role_before: 'Its chief executive, Oren Vashti, one of the three engineers named in
    the suit, wrote ...' gives the role written first; with no description before the name,
    the clause after it is the role ('Ada Roe, who covers chips at Eastbay, said')."""
    paras = ["Its chief executive, Oren Vashti, one of the three engineers named in the suit, "
             'wrote that the claims were "baseless and, frankly, a little flattering."']
    assert speakers(paras)[0][1:] == ("Oren Vashti", "Its chief executive")
    after = ['Ada Roe, who covers chips at Eastbay, said the plan "will not survive the first '
             'quarter of the year."']
    assert speakers(after)[0][1:] == ("Ada Roe", "covers chips at Eastbay")


def test_a_surname_speaker_takes_the_one_full_name_the_text_gives() -> None:
    """full_name_anywhere: 'Steenburgen said' is Mary Steenburgen when the text writes the
    full name once, even inside a quotation; a role word before the name ('Editor Katie')
    makes no full name."""
    paras = ['"It could have been easy for Mary Steenburgen to coast," a producer said.',
             '"I fought to get the full script for the whole film," Steenburgen said.']
    assert speaker_of(paras, "I fought") == "Mary Steenburgen"
    role = ["Our Editor Katie tried the box for a month.",
            '"For the price, you get quite a lot of books," Katie said.']
    assert speaker_of(role, "For the price") == "Katie"


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        pytest.param(['The school has a huge network. "Go Blue, Go Anywhere and Everywhere!" - '
                      "Location: Ann Arbor, Michigan - Average GMAT: 728"], None,
                     id="noun-heading"),
        pytest.param(["Others replied to point out the flawed thinking behind the pictures.",
                      '"Yes, because staying a size two forever is the real meaning of love," '
                      "someone joked"], None, id="others"),
        pytest.param([f'Stella wrote: "{SHIP}."'], "Stella", id="given-name-stays"),
    ],
)
def test_a_common_word_is_no_one_word_speaker(paragraphs: list[str],
                                              speaker: str | None) -> None:
    """NOUN_SUFFIXES and 'others' in NOT_NAME_WORDS (plausible_speaker): a heading or a group
    word is no speaker; a one-word given name stays."""
    assert [q.speaker for q in find_quotes(paragraphs)] == [speaker]


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "role"),
    [
        pytest.param([f'"{SHIP}," said Secretary of State Mike Pompeo.'], "Mike Pompeo",
                     "Secretary of State", id="title-of-object-then-name"),
        pytest.param(["In an interview, Brussels Secretary of State for Urbanism Ans Persoons "
                      f'said the plan would ensure "{SHIP}."'], "Ans Persoons", None,
                     id="object-glued-to-the-name"),
        pytest.param([f'"{SHIP}," said Bank of America Merrill Lynch.'],
                     "Bank of America Merrill Lynch", None, id="organisation-stays-whole"),
    ],
)
def test_a_titles_object_is_no_part_of_the_name(paragraphs: list[str], speaker: str,
                                                role: str | None) -> None:
    """TITLE_THEN_NAME (quote_attribution.py) and drop_role_object (quote_names.py): 'State'
    in 'Secretary of State Mike Pompeo' and 'Urbanism' in '... for Urbanism Ans Persoons'
    belong to the title; an organisation's name with 'of' is left whole."""
    ((_, found, found_role),) = speakers(paragraphs)
    assert found == speaker
    if role:
        assert found_role == role
