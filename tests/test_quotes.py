"""Quotes stage: every way an article introduces a quotation, and what is not a quotation."""

from __future__ import annotations

import pytest

from digest.editorial.quotes import find_quotes
from digest.models import Quote


def _one(paragraphs: list[str]) -> Quote:
    quotes = find_quotes(paragraphs)
    assert len(quotes) == 1, quotes
    return quotes[0]


# (paragraphs, expected text start, speaker, role substring or None)
SHAPES = [
    pytest.param(
        ['"Our packaging lines are full until next spring," said Marta Kowal, head of '
         "operations at Vistula Foundry."],
        "Our packaging lines are full", "Marta Kowal", "head of operations at Vistula Foundry",
        id="said-name-role-after",
    ),
    pytest.param(
        ['"The new node is on schedule," Marta Kowal said.'],
        "The new node is on schedule", "Marta Kowal", None,
        id="name-said-after",
    ),
    pytest.param(
        ['Marta Kowal said: "We will double wafer starts in the second half."'],
        "We will double wafer starts", "Marta Kowal", None,
        id="name-said-colon-before",
    ),
    pytest.param(
        ["“Yields are where we hoped they would be,” according to Ivo Brandt, chief "
         "technology officer of Example Chips."],
        "Yields are where we hoped", "Ivo Brandt", "chief technology officer of Example Chips",
        id="according-to-after-curly",
    ),
    pytest.param(
        ["Example Chips's vice president of memory, Ana Lucía Ortega, said the stacks "
         "\"will ship to three customers before the holidays.\""],
        "will ship to three customers", "Ana Lucía Ortega", "vice president of memory",
        id="role-before-name-partial",
    ),
    pytest.param(
        ['Example Chips CEO Ravi Menon said: "Demand for servers has not slowed at all."'],
        "Demand for servers", "Ravi Menon", "Example Chips CEO",
        id="capitalised-title-before-name",
    ),
    pytest.param(
        ['"Customers asked for more memory per socket, and we listened." — Helen Park, '
         "Senior Vice President, Data Center Group"],
        "Customers asked for more memory", "Helen Park", "Senior Vice President",
        id="press-release-dash-same-paragraph",
    ),
    pytest.param(
        ['"Customers asked for more memory per socket, and we listened."',
         "— Helen Park, Senior Vice President, Data Center Group"],
        "Customers asked for more memory", "Helen Park", "Senior Vice President",
        id="press-release-dash-next-paragraph",
    ),
    pytest.param(
        ["According to Tomasz Lis, an analyst at Baltic Equity, buyers are \"waiting for "
         'the second revision of the board before they commit."'],
        "waiting for the second revision", "Tomasz Lis", "analyst at Baltic Equity",
        id="according-to-before-partial",
    ),
    pytest.param(
        ["Priya Natarajan, who runs the compiler team at Example Chips, said: \"Most of the "
         'speedup comes from software."'],
        "Most of the speedup comes from software", "Priya Natarajan",
        "runs the compiler team at Example Chips",
        id="who-clause-role",
    ),
]


@pytest.mark.parametrize(("paragraphs", "starts", "speaker", "role"), SHAPES)
def test_attribution_shapes(
    paragraphs: list[str], starts: str, speaker: str, role: str | None
) -> None:
    quote = _one(paragraphs)
    assert quote.text.startswith(starts)
    assert quote.speaker == speaker
    if role is not None:
        assert quote.role is not None and role in quote.role


def test_pronoun_after_named_speaker_is_that_speaker() -> None:
    paragraphs = [
        "Example Chips chief executive Lena Fischer opened the event with a new roadmap.",
        '"We are moving the whole product line to chiplets," she said.',
    ]
    quote = _one(paragraphs)
    assert quote.speaker == "Lena Fischer"
    assert quote.role == "Example Chips chief executive"


def test_pronoun_picks_the_last_person_named() -> None:
    paragraphs = [
        '"Prices will stay high," said Omar Haddad, an analyst at Cedar Research.',
        "Example Chips chief financial officer Ruth Ng disagreed on the call.",
        '"We see supply catching up by the summer," she added.',
    ]
    quotes = find_quotes(paragraphs)
    assert [q.speaker for q in quotes] == ["Omar Haddad", "Ruth Ng"]


def test_pronoun_without_any_named_person_has_no_speaker() -> None:
    quote = _one(['"The chips arrive next week," he said.'])
    assert quote.speaker is None


def test_surname_resolves_to_full_name_and_role_introduced_earlier() -> None:
    paragraphs = [
        "Example Cloud's senior director of infrastructure, Karim Benali, spoke at the summit.",
        '"We cut our power bill by a third with the new racks," Benali explained.',
    ]
    quote = _one(paragraphs)
    assert quote.speaker == "Karim Benali"
    assert quote.role is not None and "senior director of infrastructure" in quote.role


def test_honorific_and_surname_resolve_to_full_name() -> None:
    paragraphs = [
        "Karim Benali, the chief architect of Example Cloud, gave the keynote.",
        '"Every rack is liquid cooled now," Mr. Benali said.',
    ]
    assert _one(paragraphs).speaker == "Karim Benali"


def test_quote_continuing_over_three_paragraphs_is_one_quote() -> None:
    paragraphs = [
        '"The first generation taught us where the bottlenecks were,',
        '"the second one fixed the memory system,',
        '"and the third is the one we will sell in volume," said Ivo Brandt.',
    ]
    quote = _one(paragraphs)
    assert quote.text.startswith("The first generation taught us")
    assert quote.text.endswith("sell in volume")
    assert quote.speaker == "Ivo Brandt"


def test_attribution_split_between_two_sentences_is_one_quote() -> None:
    paragraphs = ['"We booked every slot," said Ivo Brandt, the sales chief. "More fabs '
                  'are coming."']
    quote = _one(paragraphs)
    assert "More fabs are coming" in quote.text
    assert quote.speaker == "Ivo Brandt"


def test_unattributed_paragraph_after_a_quote_keeps_the_speaker() -> None:
    paragraphs = [
        '"Packaging is the bottleneck now," said Ivo Brandt, chief executive of Example Chips.',
        '"Nobody can build enough interposers this year, and that will not change soon."',
    ]
    quotes = find_quotes(paragraphs)
    assert [q.speaker for q in quotes] == ["Ivo Brandt", "Ivo Brandt"]


def test_attribution_in_the_sentence_before_the_quote() -> None:
    paragraphs = [
        "Omar Haddad, an analyst at Cedar Research, watched the launch closely.",
        'The price gap still matters, he added. "Buyers will compare cost per token first."',
    ]
    quote = _one(paragraphs)
    assert quote.speaker == "Omar Haddad"


def test_two_partial_quotes_in_one_sentence_form_one_quote() -> None:
    paragraphs = ['Omar Haddad said the port was "mostly a recompile for common models" but '
                  'still "hard work for custom kernels".']
    quote = _one(paragraphs)
    assert "mostly a recompile" in quote.text and "hard work for custom kernels" in quote.text


def test_company_statement_has_no_person_speaker() -> None:
    quote = _one(['"We do not comment on customer orders," the company said in a statement.'])
    assert quote.speaker is None


# (paragraphs, quote start, expected speaker): speakers that are not the nearest capitalised name
SPEAKER_RULES = [
    pytest.param(
        ['"Order books are full through the spring," said a research note from Tollgate '
         "Institutional Equities."],
        "Order books are full", "Tollgate Institutional Equities",
        id="organisation-behind-a-report",
    ),
    pytest.param(
        ["As the Senate Committee on Energy and Water has pointed out, the rule would also "
         '"cover every wafer shipped through a third country".'],
        "cover every wafer shipped", "Senate Committee on Energy and Water",
        id="organisation-as-subject-with-two-word-verb",
    ),
    pytest.param(
        ['"The fab was never the hard part. The people were" built in Ohio, said Ilse Varga, '
         "an engineer at Example Chips."],
        "The fab was never the hard part", "Ilse Varga",
        id="said-name-after-a-few-words",
    ),
    pytest.param(
        ["The board met on Friday. Governor Ana Ruiz has backed the plan.",
         "Example Chips chief executive Tomas Berg spoke at the Public Works Forum.",
         'He said the plant "will open on time whatever the permit office decides".'],
        "will open on time", "Tomas Berg",
        id="pronoun-skips-capitalised-non-persons",
    ),
    pytest.param(
        ["US Commerce Secretary Dana Holt visited the plant in March.",
         'The secretary said the award "is a down payment on the next ten years of chips".'],
        "is a down payment", "Dana Holt",
        id="definite-role-stands-for-the-one-holder",
    ),
    pytest.param(
        ["The group, Fab Workers Coalition, wrote to managers stating that they "
         '"will not accept a contract signed under a deadline".'],
        "will not accept a contract", "Fab Workers Coalition",
        id="they-after-an-apposed-organisation",
    ),
    pytest.param(
        ["Wafer prices rose again, according to the group, Fab Workers Coalition, which "
         "tracks them.",
         'In a later post, the group added that managers "have still not answered a single '
         'letter from the staff".'],
        "have still not answered", "Fab Workers Coalition",
        id="the-group-means-the-apposed-organisation",
    ),
]


@pytest.mark.parametrize(("paragraphs", "starts", "speaker"), SPEAKER_RULES)
def test_speaker_rules(paragraphs: list[str], starts: str, speaker: str) -> None:
    quotes = [q for q in find_quotes(paragraphs) if q.text.startswith(starts)]
    assert len(quotes) == 1, find_quotes(paragraphs)
    assert quotes[0].speaker == speaker


def test_attribution_with_a_circumstance_joins_both_parts() -> None:
    quote = _one(['"The first part is done," Ilse Varga said in the memo, which staff saw. '
                  '"The second part starts in May."'])
    assert quote.speaker == "Ilse Varga"
    assert "second part starts in May" in quote.text


NOT_QUOTES = [
    pytest.param(["Analysts call the category the \"AI PC\" for now."], id="scare-quote-2-words"),
    pytest.param(["The chip has a so-called \"chiplet\" layout."], id="scare-quote-1-word"),
    pytest.param(['The team published a paper titled "Scaling Laws for Sparse Accelerators" '
                  "last year."], id="title-after-titled"),
    pytest.param(['Its 2023 paper, "A Reconfigurable Network for Large Training Clusters", '
                  "described the design."], id="title-after-paper-comma"),
    pytest.param(['The project, code-named "Blue Harbor", is due next year.'], id="code-name"),
    pytest.param(['Everyone in the hall was talking about "Moore\'s Law Is Dead" posters.'],
                 id="title-case-phrase"),
    pytest.param(["Nvidia's chips are ‘sold out’ according to dealers."], id="single-quotes"),
]


@pytest.mark.parametrize("paragraphs", NOT_QUOTES)
def test_not_quotes(paragraphs: list[str]) -> None:
    assert find_quotes(paragraphs) == []


def test_short_quote_with_adjacent_speech_verb_is_kept() -> None:
    quote = _one(['"Absolutely not," said Ivo Brandt.'])
    assert quote.text == "Absolutely not"
    assert quote.speaker == "Ivo Brandt"


def test_curly_and_straight_marks_give_the_same_quote() -> None:
    straight = _one(['"Yields are improving every week," said Ivo Brandt.'])
    curly = _one(["“Yields are improving every week,” said Ivo Brandt."])
    assert straight == curly




def test_seed_article_quotes_are_benoit_dupins(seed_body: list[str]) -> None:
    quotes = find_quotes(seed_body)
    assert len(quotes) == 2
    for quote in quotes:
        assert quote.speaker == "Benoit Dupin"
        assert quote.role is not None
        assert "senior director of machine learning" in quote.role
    assert quotes[0].text.startswith("We have a strong relationship")
    assert quotes[1].text.startswith("up to 50% improvement in efficiency")


# --- speakers tracked across sentences and paragraphs (issue 13); our own sentences -------------
SPEAKER_TRACKING = [
    pytest.param(
        ["Governor Lena Marsh emphasized that the plans for the hub would stay flexible. "
         "“We are not going to let the grass grow given the pace of the field.”"],
        "We are not going to let", "Lena Marsh",
        id="unattributed-quote-takes-the-subject-of-the-paraphrase-before",
    ),
    pytest.param(
        ["Fundamentally, Dario Pell credits the brand's focus on fresh bread.",
         "“For me, raised in Lyon, there was a bakery on every corner.”"],
        "For me, raised in Lyon", "Dario Pell",
        id="paragraph-quote-takes-the-subject-of-the-paragraph-before",
    ),
    pytest.param(
        ["Noor Haddad, a computer science professor at Westbrook University, says the tool "
         "works.",
         "Eva Lind, an illustrator who has used the tool, says the opt-out rules fall short.",
         "Lind hopes the tool will change the status quo.",
         "“It is going to make companies think twice about scraping,” she says."],
        "It is going to make companies", "Eva Lind",
        id="pronoun-after-a-person-described-by-an-appositive",
    ),
    pytest.param(
        ["“Sadly, this offer was rejected,” Sean Rowe, the Albany Democrat who sponsored the "
         "bill in the state Senate, said in a statement."],
        "Sadly, this offer was rejected", "Sean Rowe",
        id="name-then-appositive-naming-an-organisation",
    ),
    pytest.param(
        ["“I have to be mindful of the state's tax base,” Hannah Cole told reporters."],
        "I have to be mindful", "Hannah Cole",
        id="name-told-outlet",
    ),
    pytest.param(
        ["According to boxing insider Dan Reyes, the two sides have agreed to terms.",
         "Reyes added that the outline of the deal was “agreed to more than a week ago.”"],
        "agreed to more than a week ago", "Dan Reyes",
        id="according-to-introduces-the-full-name",
    ),
    pytest.param(
        ["Inference is where cost and latency meet, according to Paula Ng, product manager "
         "at Northwind Cloud, and Ed Varga, outbound product manager at Northwind Cloud.",
         "“When I am serving something, I am hitting an end user,” Varga said."],
        "When I am serving something", "Ed Varga",
        id="second-person-after-and-with-a-role",
    ),
    pytest.param(
        ["For Dora Kessel of Repair Europe, the vote sent a strong signal.",
         "“We will have to wait a few more years,” she says."],
        "We will have to wait", "Dora Kessel",
        id="person-after-for-with-of-organisation",
    ),
    pytest.param(
        ["The auditors checked how the images are built. Tollgate Labs noted:",
         "“Fast patching keeps the exposure window short.”"],
        "Fast patching keeps", "Tollgate Labs",
        id="colon-sentence-at-the-end-of-the-paragraph-before",
    ),
    pytest.param(
        ["“That is a big allegation,” inquired Nina Park."],
        "That is a big allegation", "Nina Park",
        id="inquired-is-a-speech-verb",
    ),
    pytest.param(
        ["“The lines are full,” said Mara Quint, the plant's manager.",
         "For Dora Kessel of iRepair Europe, the vote sent a strong signal.",
         "“We will have to wait a few more years,” she says."],
        "We will have to wait", "Dora Kessel",
        id="pronoun-after-a-person-of-a-lower-case-brand",
    ),
    pytest.param(
        ["Trucks are moving again, the Westland border service said on Sunday.",
         "“Traffic has been restored at the crossing,” the service said."],
        "Traffic has been restored", "Westland border service",
        id="the-service-means-the-described-body",
    ),
    pytest.param(
        ["“Traffic has been restored at the crossing,” the Westland border service said.",
         "“Registration of trucks runs as usual,” it added."],
        "Registration of trucks", "Westland border service",
        id="it-added-after-a-body",
    ),
    pytest.param(
        ["“Containers have led for a long time,” said Northwind’s Sara Pike."],
        "Containers have led for a long time", "Sara Pike",
        id="possessive-owner-before-the-name",
    ),
    pytest.param(
        ["Dario Pell runs the chain.",
         "Its stores remain “a true bakery,” he said, with most sales from bread and cakes."],
        "a true bakery", "Dario Pell",
        id="pronoun-said-then-comma-phrase",
    ),
    pytest.param(
        ["“The lines are full,” said Mara Quint, the plant's manager.",
         "— Mara Quint, chief executive of Northwind"][:1] + [
         "“Next year looks the same.”", "— Mara Quint, chief executive of Northwind"][1:],
        "The lines are full", "Mara Quint",
        id="block-attribution-line-after-the-quote",
    ),
]


@pytest.mark.parametrize(("paragraphs", "starts", "speaker"), SPEAKER_TRACKING)
def test_speaker_tracking(paragraphs: list[str], starts: str, speaker: str) -> None:
    quotes = [q for q in find_quotes(paragraphs) if q.text.startswith(starts)]
    assert quotes, find_quotes(paragraphs)
    assert quotes[0].speaker == speaker


def test_block_attribution_line_names_the_speaker_of_the_block() -> None:
    quote = _one(["“Wafer demand will stay strong through the year.”",
                  "— Mara Quint, chief executive of Northwind"])
    assert (quote.speaker, quote.role) == ("Mara Quint", "chief executive of Northwind")


def test_quote_several_paragraphs_after_a_speaker_does_not_inherit_it() -> None:
    quotes = find_quotes([
        "“The lines are full,” said Mara Quint, the plant's manager.",
        "The plant opened in 2019 and employs 900 people.",
        "Demand for its parts has grown every year since then.",
        "“Prices will rise next year.”",
    ])
    assert [q.speaker for q in quotes] == ["Mara Quint", None]


def test_it_after_a_person_is_no_speaker() -> None:
    quotes = find_quotes(["“The lines are full,” said Mara Quint, the plant's manager.",
                          "“Output rises next year,” it added."])
    assert [q.speaker for q in quotes] == ["Mara Quint", None]


def test_unattributed_quote_after_a_sentence_about_a_thing_has_no_speaker() -> None:
    quote = _one(["The report runs to 80 pages. “Prices will rise next year and after.”"])
    assert quote.speaker is None


def test_one_speaker_in_one_paragraph_is_one_quote() -> None:
    quote = _one(["Spare parts are rare and “all the components are glued,” says Roman Holt. "
                  "“Because of their design, devices break when you open them.”"])
    assert quote.speaker == "Roman Holt"
    assert quote.text == ("all the components are glued. Because of their design, devices "
                          "break when you open them.")


def test_fragments_are_marked_and_whole_sentences_are_not() -> None:
    quotes = find_quotes([
        "Rowe said that even a blanket ban was “good for business in the state.”",
        "“We will ship in March,” said Mara Quint, the chief executive.",
        "Mara Quint said: “The plant is ready.”",
    ])
    assert [(q.text[:10], q.fragment) for q in quotes] == [
        ("good for b", True), ("We will sh", False), ("The plant ", False)]


def test_short_terms_joined_in_one_sentence_are_not_a_quote() -> None:
    assert find_quotes(["A 2021 study of the “geography of AI” called the valley a "
                        "“superstar” region, analysts noted."]) == []


@pytest.mark.parametrize("description", ["the source", "a spokesperson", "two sources"])
def test_generic_descriptions_beginning_or_ending_in_s_give_no_speaker(description: str) -> None:
    quote = _one([f"“Prices will rise next year,” said {description}, who asked not to be "
                  "named."])
    assert quote.speaker is None


def test_subject_is_not_taken_from_the_middle_of_the_sentence_before() -> None:
    quote = _one(["The new source claims Lena Marsh is at it again with a company, Noble "
                  "Moving and Storage.",
                  "“She manages everything behind the scenes, every single day.”"])
    assert quote.speaker != "Noble Moving"


def test_age_in_apposition_keeps_the_speaker() -> None:
    assert _one(["“Demand is strong,” Lena Marsh, 52, told the Financial Times."]).speaker \
        == "Lena Marsh"


def test_a_pronoun_skips_people_the_article_calls_the_other() -> None:
    quotes = find_quotes([
        "Ms. Lena Marsh runs the plant; Mr. Tom Roe runs sales.",
        "“Orders doubled,” Mr. Roe said.",
        "“We will need a second line,” she said.",
    ])
    assert [q.speaker for q in quotes] == ["Tom Roe", "Lena Marsh"]


def test_a_pronoun_resolved_once_tells_who_it_stands_for() -> None:
    quotes = find_quotes([
        "Lena Marsh, the plant manager, met reporters with Tom Roe, the sales director.",
        "“We will need a second line,” she said.",
        "“Orders doubled,” Roe said.",
        "“The line opens in May,” she added.",
    ])
    assert [q.speaker for q in quotes] == ["Lena Marsh", "Tom Roe", "Lena Marsh"]


def test_a_relation_before_a_name_makes_a_person() -> None:
    quotes = find_quotes([
        "“We will ship in March,” said Jane Doe. Her colleague Tom Roe disagreed.",
        "“It will be June at best,” he said.",
    ])
    assert [q.speaker for q in quotes] == ["Jane Doe", "Tom Roe"]


def test_a_heading_glued_to_a_name_is_not_part_of_it() -> None:
    quote = _one(["Best Finale Moment Of The Week Gerry Turner said: “It was a hard morning.”"])
    assert quote.speaker == "Gerry Turner"


def test_the_name_after_a_role_stops_at_the_first_lower_case_word() -> None:
    quote = _one(["A presenter said to former Israeli Prime Minister Naftali Benn that “the "
                  "forces are happy to do this.”"])
    assert quote.speaker != "Naftali Benn that"
    quote = _one(["“Prices will rise,” said former prime minister Naftali Benn."])
    assert quote.speaker == "Naftali Benn"


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        pytest.param(["“This corner is perfect,” Ada Black said about the bushes that frame the "
                      "view on a sunny day in the park."], "Ada Black",
                     id="quote-closed-by-comma-then-a-long-sentence"),
        pytest.param(["“Plants help the heart,” Beth Keith, MS, RDN, a registered dietitian at "
                      "Kidney Care, told reporters."], "Beth Keith",
                     id="credentials-in-apposition"),
        pytest.param(["Cardinal Jean Holl began the session by reminding the synod: “We are part "
                      "of the same Church.”"], "Jean Holl",
                     id="colon-in-the-sentence-whose-subject-is-a-person"),
    ],
)
def test_more_attribution_shapes(paragraphs: list[str], speaker: str) -> None:
    assert _one(paragraphs).speaker == speaker


def test_verbs_of_telling_found_on_general_news_pages() -> None:
    assert _one(["Mara Holt elaborates, “The new plastics can be recycled many ways.”"]).speaker \
        == "Mara Holt"


def test_a_one_word_name_that_spoke_just_before_is_the_speaker() -> None:
    quote = _one(["While in Las Vegas, Adele spoke out against fans throwing things.",
                  "“Have you noticed how people are forgetting show etiquette?”"])
    assert quote.speaker == "Adele"
    # with no one to ask it, the question is the writer's, not a quotation (_lone_question)
    assert find_quotes(["Demand for the chips rose in every region.",
                        "“Have you noticed how people are forgetting show etiquette?”"]) == []


# --- general attribution rules (issue 13, second pass); our own sentences -----------------------
GENERAL_RULES = [
    pytest.param(
        ["Analyst Marta Lopez Arana follows the memory makers closely.",
         "“Prices will turn before the summer,” Lopez Arana said."],
        "Prices will turn", "Marta Lopez Arana",
        id="last-two-words-of-a-three-word-name",
    ),
    pytest.param(
        ["Nexa at the time said it disagreed with a ruling that its claims rested “entirely "
         "on the independent actions of other parties.”"],
        "entirely on the independent", "Nexa",
        id="organisation-subject-with-a-circumstance-before-the-verb",
    ),
    pytest.param(
        ["She pleaded guilty in 2019. The Department of Commerce complaint says that at the "
         "time she worked for firms which would “quote low prices and then raise them on the "
         "day.”"],
        "quote low prices", "Department of Commerce",
        id="organisation-speaks-through-its-document",
    ),
    pytest.param(
        ["Reporters reached out to the Department of Energy for comment. In a reply, the agency "
         "said, “The grid office is aware of the claims and can confirm a review.”"],
        "The grid office is aware", "Department of Energy",
        id="the-agency-is-the-organisation-named-last",
    ),
    pytest.param(
        ["Tom Hale said, “They charged me about $8,000.”",
         "And when asked how much Ada Roe was charged, “Oh, we paid 18,000,” she said. Roe "
         "says her estimate was $7,100."],
        "Oh, we paid", "Ada Roe",
        id="pronoun-is-the-person-named-in-its-own-sentence",
    ),
    pytest.param(
        ["Dan Ruiz, chief executive of the chain, wants a store on every block.",
         "Fundamentally, Ruiz credits the brand's position as a local bakery. Other chains "
         "moved into sandwiches, but Rue Baguette remains “a true bakery,” he said."],
        "a true bakery", "Dan Ruiz",
        id="pronoun-skips-a-company-named-in-its-own-sentence",
    ),
    pytest.param(
        ["Tollgate Labs noted:", "“Signed builds close the gap.”",
         "They also checked the defaults. Their assessment:",
         "“Small images reduce what an attacker can use.”"],
        "Small images reduce", "Tollgate Labs",
        id="possessive-colon-after-quotations-of-a-body",
    ),
    pytest.param(
        ["In her only reply, Ada Roe said, “I have left the trade.”",
         "But reporters did receive a text from her husband, Joe Hale that said, “I have told "
         "you before: my wife has nothing to do with the firm.”"],
        "I have told you before", "Joe Hale",
        id="name-then-relative-pronoun-then-verb",
    ),
    pytest.param(
        ["In his 1986 book, historian Ada Rhodes wrote that the Harbor Project was “compelled "
         "from the beginning not by malice but by fear.”"],
        "compelled from the beginning", "Ada Rhodes",
        id="book-quotation-role-words-before-the-name-after-a-circumstance",
    ),
    pytest.param(
        ["Reporters reached out to the Department of Energy for comment.",
         "The department's website says the agency looks at fraud that includes “deliberately "
         "giving a low estimate to lure customers.”"],
        "deliberately giving a low", "Department of Energy",
        id="the-department-s-website-is-the-department",
    ),
    pytest.param(
        ["“We will appeal,” Northwind Corp said on Monday.",
         "Its statement said the ruling “ignores the facts of the case entirely.”"],
        "ignores the facts", "Northwind Corp",
        id="its-statement-is-the-body-quoted-before",
    ),
    pytest.param(
        ["Board Chairwoman Jessica Roe said the program would “raise the bar for security "
         "across the devices.”"],
        "raise the bar", "Jessica Roe",
        id="a-verb-after-a-title-word-makes-a-predicate-not-a-title",
    ),
    pytest.param(
        ["Northwind, in a blog post, said the change “will roll out to all users next month.”"],
        "will roll out", "Northwind",
        id="circumstance-in-apposition-after-the-subject",
    ),
    pytest.param(
        ["Critics were quick to respond. “There are no guarantees for the owners of these "
         "assets,” wrote exiled businessman Mikhail Roe on Telegram."],
        "There are no guarantees", "Mikhail Roe",
        id="descriptors-before-the-name-and-where-it-was-said",
    ),
    pytest.param(
        ["“We will keep the plant open through the winter and beyond.”",
         "So said Ada Roe, Northwind's chief executive, on Monday."],
        "We will keep the plant open", "Ada Roe",
        id="so-said-name-in-the-next-paragraph",
    ),
    pytest.param(
        ["“The networks are not for sale at any price.” Those were the words of Ada Roe, chief "
         "executive of Northwind."],
        "The networks are not for sale", "Ada Roe",
        id="the-words-of-name-in-the-next-sentence",
    ),
    pytest.param(
        ["Ada Roe, a memory analyst at Cascade Partners, called the outlook “a consumer problem "
         "wearing a data center jacket.” She said the story was intact."],
        "a consumer problem", "Ada Roe",
        id="called-the-thing-the-quoted-words",
    ),
]


@pytest.mark.parametrize(("paragraphs", "starts", "speaker"), GENERAL_RULES)
def test_general_attribution_rules(paragraphs: list[str], starts: str, speaker: str | None) -> None:
    quotes = [q for q in find_quotes(paragraphs) if q.text.startswith(starts)]
    assert quotes, find_quotes(paragraphs)
    assert quotes[0].speaker == speaker


def test_an_unnamed_speaker_after_the_verb_does_not_inherit_the_last_speaker() -> None:
    quotes = find_quotes(
        ["“Demand is soft,” said Ada Black, an analyst at Northwind.",
         "“There is a gloomy mood on the floor,” said a line engineer who asked not to be "
         "named."])
    assert [q.speaker for q in quotes] == ["Ada Black", None]
    assert quotes[1].role == "line engineer"


def test_interview_answers_take_the_one_person_introduced_with_a_role() -> None:
    quotes = find_quotes([
        "Mira Tate, founder of Gridlake, spoke with us about the survey.",
        "What did the survey find?",
        "“Most firms have no policy for these tools yet. That surprised us.”",
        "How do workers use them?",
        "“They paste code and contracts into chat windows every day.”",
    ])
    assert [q.speaker for q in quotes] == ["Mira Tate", "Mira Tate"]


def test_interview_answers_take_the_sole_speaker_of_the_article() -> None:
    quotes = find_quotes([
        "“We built the tool for our own lab first,” said Mira Tate, who founded Gridlake.",
        "The company now sells it to 40 universities.",
        "“Most firms have no policy for these tools yet.”",
        "Gridlake plans a second survey next year.",
        "“They paste code into chat windows every day.”",
    ])
    assert [q.speaker for q in quotes] == ["Mira Tate"] * 3


def test_unattributed_answers_stay_unknown_with_two_speakers() -> None:
    quotes = find_quotes([
        "“We built the tool for our own lab,” said Mira Tate, who founded Gridlake.",
        "“It sells well,” said Omar Reyes, an analyst at Northwind.",
        "Gridlake plans a second survey.",
        "“Most firms have no policy for these tools yet.”",
        "The survey ran in May.",
        "“They paste code into chat windows every day.”",
    ])
    assert [q.speaker for q in quotes][2:] == [None, None]


def test_a_mistyped_closing_mark_closes_the_quotation() -> None:
    quotes = find_quotes(["Ada Roe said the hub comes at a “pivotal moment“ for the state. "
                          "“Our campus was already starting to invest here and this will help "
                          "us do more,” she said."])
    assert [q.text.split()[0] for q in quotes] == ["Our"]
    assert quotes[0].speaker == "Ada Roe"


def test_a_two_word_term_is_never_a_quotation() -> None:
    assert find_quotes(["While Ada Roe called tourism the city’s “sweet spot,” she added that "
                        "a cooking show will bring more visitors."]) == []


def test_a_quoted_designation_is_a_name_not_a_quotation() -> None:
    assert find_quotes(["Police have designated 2024 as “a year of special action to combat "
                        "online rumours”, according to the broadcaster Northwind TV."]) == []


# --- rules found on the held-out quarter's misses (named as such in the commit); our sentences --
HELD_OUT_SHAPES = [
    pytest.param(
        ["The Harbor Project, wrote Ada Rhodes, prize-winning author of The Making of the Plant, "
         "was “compelled from the beginning not by malice but by hope.” Ivo Brandt himself once "
         "said, “The plant was the turning point of the century.”"],
        [("compelled from the beginning", "Ada Rhodes"),
         ("The plant was the turning", "Ivo Brandt")],
        id="inverted-attribution-then-a-new-speaker-introduced-by-a-comma",
    ),
    pytest.param(
        ["Northwind blamed two updates from last month for the glitches in a post on its website.",
         "“As reported, you are more likely to be affected on office networks,” the company "
         "wrote."],
        [("As reported", "Northwind")],
        id="the-company-is-the-bare-name-opening-a-sentence-before",
    ),
    pytest.param(
        ["Northwind released its first player in 2022 and has now followed up with a flagship.",
         "What does the new player have inside? According to the company, the player has an "
         "“all-aluminum alloy body and a reinforced double layer chassis.”"],
        [("all-aluminum alloy body", "Northwind")],
        id="according-to-the-company-skips-a-question",
    ),
    pytest.param(
        ["Vladimir Putin signed the decree, the Kremlin said.",
         "Following the decision, former tycoon Mikhail Roe, who was jailed for his opposition "
         "to Putin, told reporters there were now no protections for foreign firms.",
         "“There are no guarantees for investments anywhere,” he said at the time."],
        [("There are no guarantees", "Mikhail Roe")],
        id="pronoun-after-a-paraphrase-is-its-speaker",
    ),
    pytest.param(
        ["Analyst Ada Lopez Arana of Northwind Bank expects more deals.",
         "Northwind Bank's Lopez Arana said two studios are also “likely to be bought within the "
         "next 24 months.” As the Harbor Weekly report suggested, two of them could merge."],
        [("likely to be bought", "Ada Lopez Arana")],
        id="a-subordinate-sentence-after-a-quotation-does-not-attribute-it",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), HELD_OUT_SHAPES)
def test_held_out_shapes(paragraphs: list[str], expected: list[tuple[str, str]]) -> None:
    quotes = find_quotes(paragraphs)
    assert [(q.text, q.speaker) for q in quotes if any(q.text.startswith(s) for s, _ in expected)]
    for starts, speaker in expected:
        found = [q for q in quotes if q.text.startswith(starts)]
        assert found and found[0].speaker == speaker, quotes


def test_a_sentence_starting_a_new_topic_does_not_attribute_the_quotation_before() -> None:
    quotes = find_quotes(["“Three players could merge within two years.”",
                          "As the Harbor Weekly report suggested, two may merge."])
    assert quotes[0].speaker is None


def test_a_role_that_is_a_whole_clause_keeps_only_the_relation() -> None:
    quotes = find_quotes(["But reporters did receive a text from her husband, Joe Hale that "
                          "said, “I have told you before: my wife has nothing to do with it.”"])
    assert (quotes[0].speaker, quotes[0].role) == ("Joe Hale", "her husband")
