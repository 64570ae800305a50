"""Which sense of a word a mention has: the context rules the tagger applies to each match.

A vocabulary label is often also an ordinary word, a person's name or another firm's initials
("Apple" pie, "Grace" Lindqvist, "Windows" and doors). These tables, kept as data apart from the
matching code in digest/editorial/tagging.py, say which text right before or after a mention,
or which words elsewhere in the article, show the vocabulary's sense; and which mentions are
only a modifier or an example of something else.
"""

from __future__ import annotations

import re

# Text right after a mention that shows the word means something else. Checked with
# re.match on the text following the mention.
FORBIDDEN_AFTER: dict[str, re.Pattern[str]] = {
    # the fruit, not the company
    "Apple": re.compile(r"\s+(?:pies?|juice|cider|orchards?|trees?|sauce|crumble|picking)\b", re.I),
    # "Meta-analysis" at a sentence start
    "Meta": re.compile(r"-(?:analys[ie]s|data)\b", re.I),
    # "Arm in arm", "Arm's length" at a sentence start
    "Arm": re.compile(r"\s+in\s+arm\b|['’]s\s+length\b", re.I),
    # "train" the vehicle: "train-wreck", "train station"; training of people: "training
    # camp", "training sessions", "training shoes"
    "AI training": re.compile(
        r"[\s-]+(?:wrecks?|stations?|tracks?|rides?|tickets?|lines?|services?"
        r"|drivers?|derail\w*|crash\w*|camps?|sessions?|courses?|classes|programs?|programmes?"
        r"|regimens?|routines?|exercises?|shoes|wheels|partners?|facilit\w+|grounds?)\b",
        re.I,
    ),
    # a person: "Grace Lindqvist" (the chips are "Grace CPU", "Grace Hopper", "Grace Blackwell")
    "Grace": re.compile(r"\s+(?!Hopper|Blackwell|CPU|Superchip)[A-Z][a-z]"),
    # the unit of magnetic flux density and the coil
    "Tesla": re.compile(r"\s+(?:coils?|units?|MRI)\b"),
    # a named hall: "the Georgia World Congress Center"
    "US Congress": re.compile(r"\s+(?:Cent(?:er|re)|Hall)\b"),
    # Amazon the shop, not the company's cloud and chips: "at Amazon $37", "Amazon Basics",
    # "As an Amazon Associate"
    "AWS": re.compile(
        r"\s+(?:rainforest|river|basin|jungle|forest|delta)\b|\s+(?:Associates?|Basics|Prime"
        r"|Fresh|Marketplace|sellers?|shoppers?|orders?|reviews?|ratings?|gift cards?)\b"
        r"|\s*(?:[:,-]\s*)?\$\d", re.I),
    # things named after a country that are not about it: dishes, tools, breeds, firms
    **{name: re.compile(rf"\s+(?:{words})\b") for name, words in (
        ("France", r"press(?:es)?|fries|toast|doors?|bread|horn|braids?|kiss|manicure"
                   r"|dressing|onion|bulldogs?"),
        ("Netherlands", r"ovens?|auction|courage|baby"),
        ("Switzerland", r"cheese|army|chard|roll"),
        ("Germany", r"shepherds?|chocolate"),
        ("Denmark", r"pastr(?:y|ies)"),
        ("Turkey", r"delight|bath"),
        ("Belgium", r"waffles?|Malinois"),
        ("Canada", r"bacon|geese|goose"),
        ("India", r"summer|ink|Ocean"),
        ("Japan", r"maples?"),
        ("Russia", r"roulette|dressing|dolls?"),
        ("Ireland", r"coffee|cream|setters?"),
        ("Brazil", r"nuts?"),
        ("United States", r"Airlines|Express|Eagle|Idol|Girl"),
    )},
}

# Text right before a mention that shows the word means something else. Checked with
# re.search on the text preceding the mention (the pattern is anchored at its end).
FORBIDDEN_BEFORE: dict[str, re.Pattern[str]] = {
    # training of people and animals: "strength training", "staff training", "dog training"
    "AI training": re.compile(
        r"\b(?:strength|weight|fitness|gym|cardio|interval|endurance|athletic|sports?|military"
        r"|police|job|employee|staff|worker|teacher|sales|safety|customer|diversity|compliance"
        r"|vocational|dog|potty|boot|basic|spring)[\s-]+$",
        re.I,
    ),
    # Nvidia's old "Tesla" GPU brand, not the car maker
    "Tesla": re.compile(r"Nvidia\s+$", re.I),
    # a social-media follow line ("Follow us on Twitter and on Facebook") is page chrome
    "Meta": re.compile(r"\b(?:Follow|Like|Find)\s+us\b[^.!?]*$", re.I),
    # "grace period" is lower case, but "Saving Grace" and "Her Grace" are not chips
    "Grace": re.compile(r"(?:Saving|Her|His|Your|Amazing)\s+$"),
    # other congresses: "World Congress", "Indian National Congress", "Trades Union Congress"
    "US Congress": re.compile(
        r"\b(?:World|International|Global|Annual|European|National|Union|Party|Youth|Medical)"
        r"\s+$"),
}

# A name joined by a hyphen to a lower-case word is a modifier of something else ("an
# OpenAI-compatible API", "Arm-based servers"): named in the first paragraph that way, it is a
# mention, not what the story is about (tests/gold/README.md, "Countries and regions").
MODIFIER_AFTER = re.compile(r"-(?:[a-z]+)\b")
# Names given as examples ('models like Llama and Qwen', 'clouds such as AWS') are passing
# mentions too, as is each further name of that list.
EXAMPLE_BEFORE = re.compile(r"\b(?:like|such as|including|e\.g\.,?)\s+$", re.I)
LIST_GLUE = re.compile(r"(?:[-\w.]*)(?:,\s+|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)")
# How far back FORBIDDEN_BEFORE looks, in characters.
BEFORE_WINDOW = 80

# Tags whose names are also common words or names: kept only when the article elsewhere shows
# the chip sense. Checked with re.search over the whole article.
REQUIRED_CONTEXT: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in (
        # Nvidia architectures named after scientists
        ("Grace", r"Nvidia|NVIDIA|GPU|Superchip"),
        ("Hopper", r"Nvidia|NVIDIA|GPU|H100|H200"),
        ("Blackwell", r"Nvidia|NVIDIA|GPU"),
        ("Rubin", r"Nvidia|NVIDIA|GPU"),
        # product names that are also ordinary words
        ("Ascend", r"Huawei|HiSilicon"),
        ("Kirin", r"Huawei|HiSilicon"),
        ("Dojo", r"Tesla|Musk"),
        ("Instinct", r"AMD|\bMI3\d\d"),
        ("Gaudi", r"Intel|Habana"),
        ("Maia 100", r"Microsoft|Azure"),
        ("Cobalt 100", r"Microsoft|Azure"),
        ("Trillium", r"Google|TPU"),
        ("Ironwood", r"Google|TPU"),
        ("Axion", r"Google"),
        ("LPU", r"Groq"),
        ("Willow", r"Google|quantum|qubit"),
        # Apple's chip names are short codes also used for roads, cameras and rifles
        ("M1", r"Apple|\bMac|iPad"),
        ("M2", r"Apple|\bMac|iPad"),
        ("M3", r"Apple|\bMac|iPad"),
        ("M4", r"Apple|\bMac|iPad"),
        ("A18", r"Apple|iPhone"),
        # TSMC's A16 node shares its name with Apple's A16 Bionic
        ("A16", r"TSMC|\bnodes?\b|\bprocess\b|angstrom|nanometer|\bnm\b|\d\s?nm\b"),
        # and TSMC's A14 with Apple's A14 Bionic
        ("A14", r"TSMC|\bnodes?\b|\bprocess\b|angstrom|nanometer|\bnm\b|\d\s?nm\b"),
        # a physicist, a missile and a city before they were Nvidia's and Broadcom's chips
        ("Feynman", r"Nvidia|NVIDIA|\bGPUs?\b"),
        ("Tomahawk", r"Broadcom|\bswitch|Ethernet"),
        ("Jericho", r"Broadcom|\brout(?:er|ing)|\bswitch|Ethernet"),
        # common words or initials in other senses
        ("Cadence", r"\bchip|\bEDA\b|Synopsys|semiconductor"),
        ("Tokyo Electron", r"\bchip|semiconductor|wafer|equipment"),
        ("ASE", r"\bchip|semiconductor|packaging"),
        ("Texas Instruments", r"\bchip|semiconductor|analog"),
        # names that are also ordinary words, people, myths or books (issue 13): kept only
        # beside their maker or their field
        ("Pascal", r"Nvidia|NVIDIA|GeForce|\bGTX\b|\bGPUs?\b|graphics card"),
        ("Colossus", r"xAI|Musk|supercomputer|\bGPUs?\b"),
        ("Stargate", r"OpenAI|SoftBank|Oracle|data cent(?:er|re)|\bAI\b"),
        ("Claude", r"Anthropic|chatbot|\bLLMs?\b|language model|\bAI\b"),
        ("Gemini", r"Google|DeepMind|chatbot|\bLLMs?\b|language model|\bAI\b"),
        ("Llama", r"\bMeta\b|\bLLMs?\b|language model|open-weight|\bAI\b"),
        ("Windows", r"Microsoft|\bPCs?\b|laptop|desktop|operating system|\bOS\b"),
        ("Copilot", r"Microsoft|GitHub|\bAI\b|assistant"),
        ("Ignite", r"Microsoft"),
        ("Coherent", r"laser|optic|transceiver|photonic|\bCOHR\b"),
        ("Canon", r"camera|lithograph|printer|imaging|nanoimprint|\bscanners?\b"),
        ("Crusoe", r"\bAI\b|data cent(?:er|re)|\bGPUs?\b|\bcloud\b"),
        # "training" and "inference" are AI's only in an article about AI: a training plan
        # for a marathon, puppy training, statistical inference are not (issue 13)
        ("AI training", r"\bAI\b|[Aa]rtificial intelligence|[Mm]achine[- ]learning|[Dd]eep[- ]"
                        r"learning|[Nn]eural|\bLLMs?\b|[Ll]anguage models?|\bGPUs?\b"
                        r"|[Aa]ccelerators?|\bmodels?\b.{0,40}\bparameters\b"),
        ("AI inference", r"\bAI\b|[Aa]rtificial intelligence|[Mm]achine[- ]learning|[Dd]eep[- ]"
                         r"learning|[Nn]eural|\bLLMs?\b|[Ll]anguage models?|\bGPUs?\b"
                         r"|[Aa]ccelerators?|\btokens?\b"),
        # Amazon the company, not the shop a review page links to: its cloud, chips and AI, or
        # the company's own business (its chief, staff, results, warehouses, satellites)
        ("AWS", r"\bAWS\b|Amazon Web Services|\bcloud|data cent(?:er|re)|\bchips?\b|\bservers?"
                r"|Trainium|Inferentia|Graviton|computing|\bAI\b|Jassy|Bezos|\bCEO\b|employees"
                r"|layoffs|earnings|quarterly|warehouses?|Kuiper|robots?"),
        # the Chevrolet "Bolt EUV", a "TSV" (tab-separated) file: chip words only beside chips
        ("EUV", r"lithograph|\bASML\b|\bchips?\b|semiconductor|wafer|\d\s?nm\b|\bfabs?\b"),
        ("Through-silicon via", r"\bchips?\b|\bdies?\b|wafer|\bHBM|packag|semiconductor|stack"),
        # "panel-level" data of a solar installation is no chip packaging
        ("Panel-level packaging", r"\bchips?\b|\bdies?\b|wafer|packag|semiconductor"),
        # leaders come and go only where the article names a leader's office: saving for
        # retirement or a game character who retires is no leadership change
        ("Leadership changes", r"\bCEO\b|[Cc]hief [Ee]xecutive|\bexecutives?\b|\bboard\b"
                               r"|[Cc]hair(?:man|woman|person)?\b|\bpresident\b|\bfounder"
                               r"|\bCFO\b|\bCTO\b|[Cc]hief \w+ [Oo]fficer"),
    )
}

# A topic named as one item of an enumeration of three or more things ("computers, smartphones
# and TV receivers", "washing machines, laptops, smartphones, TVs and lawnmowers") is passing:
# the list is the story's, not the item's. An item is one to three words; ENUMERATION_BEFORE
# matches the items and commas just before the mention, ENUMERATION_AFTER those just after, and
# the mention is enumerated when at least two other items stand around it, one of them behind a
# comma. Two items ("AI training and inference") are a pair, not an enumeration, and a phrase
# that opens a clause ("In 2024, smartphones and laptops sold well") is no item.
_CLAUSE_OPENERS = (r"(?i:in|on|at|for|by|from|after|before|since|during|last|this|that|today|now"
                   r"|then|however|meanwhile|but|so|yet|still|also|instead|overall)\b")
_ITEM = rf"(?!{_CLAUSE_OPENERS}|\d+\b)[\w'’-]+(?:[ ][\w'’-]+){{0,2}}"
# (the first item must start a phrase: not the tail of a longer one)
ENUMERATION_BEFORE = re.compile(
    rf"(?<![\w'’-])(?<![\w'’-][ ])(?:{_ITEM},[ ]+)+(?:(?:and|or)[ ]+)?$")
ENUMERATION_AFTER = re.compile(rf"(?:,[ ]+{_ITEM})*,?[ ]+(?:and|or)[ ]+{_ITEM}|(?:,[ ]+{_ITEM})+")
