"""Related coverage: entries about the same story from different outlets, grouped.

Two entries are one story when they come from different outlets, are dated within a week of each
other, share at least one entity (company, chip or process tag), and their text (summary, quote
and figure wording, figure values) is similar by TF-IDF cosine (digest.text.similarity, the
measure `digest check` also uses for one write-up filed twice). Title words are not used:
same-event headlines share few words (aggregators that matched titles scored them 0.12-0.5),
while the body facts - the figures and the entities - are what two write-ups of one event share.

Cost: candidates come from per-entity lists sorted by date, compared only within the date window
and at most MAX_NEIGHBOURS back, so a 10,000-entry archive costs O(n log n) for the sorts plus
O(n * entities * MAX_NEIGHBOURS) comparisons, never O(n^2).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from digest.editorial.vocabulary import Vocabulary
from digest.pages.items import Item
from digest.text.normalize import squeeze
from digest.text.similarity import cosine, tfidf_vectors

WINDOW_DAYS = 7  # one news cycle: later write-ups of an event land within days, not weeks
# Per-entity neighbours compared, newest first: bounds the work for an entity with hundreds of
# entries a week (a busy "Nvidia" week); the pair is still found through a rarer shared entity.
MAX_NEIGHBOURS = 60
# Tag kinds that name what a story is about; topics ("Earnings", "Data center") are shared by
# unrelated stories of the same week and would link everything. Memory types and packaging
# ("HBM3E", "CoWoS") were chips and processes before the vocabulary gave them kinds of their
# own, and named systems ("Colossus") are as particular; device classes ("AI PC"), places,
# agencies and events are shared like topics.
ENTITY_KINDS = frozenset({"company", "chip", "process", "memory", "packaging", "system"})
# Thresholds, measured on tests/test_related.py's pairs and the sample archive: same-story
# write-ups in different words score 0.53-0.60 on text; different stories score at most 0.26
# (the sample's Intel CHIPS grant and Gelsinger retirement: same company, six days apart, a
# shared figure), most below 0.15. The threshold sits between the two.
MIN_TEXT_SIMILARITY = 0.35
MIN_ENTITY_OVERLAP = 0.34  # shared entities / entities of the entry with fewer (overlap coeff.)
# Words that carry no story: function words and the vocabulary of every business article.
STOPWORDS = frozenset(
    # one string, split: a word list reads better as prose than as 150 one-word lines
    (  # noqa: SIM905
        "a about above after again against all also an and any are as at be because been before "
        "being below between both but by can could did do does doing down during each few for "
        "from further had has have having he her here hers him his how i if in into is it its "
        "itself just me more most my no nor not now of off on once only or other our out over own "
        "same she should so some such than that the their them then there these they this those "
        "through to too under until up very was we were what when where which while who whom why "
        "will with would you your said says say according company companies year years quarter "
        "month week day today tuesday monday wednesday thursday friday saturday sunday new first "
        "last next per cent percent around roughly nearly market chip chips billion million"
    ).split()
)
WORD = re.compile(r"[a-z][a-z0-9'-]{2,}|\d[\d.,]*%?")


@dataclass(frozen=True, slots=True)
class Story:
    """Entries about one event: `lead` is the fullest write-up, `others` the rest, by date."""

    lead: Item
    others: tuple[Item, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return (self.lead, *self.others)


def entity_names(vocabulary: Vocabulary) -> frozenset[str]:
    """The vocabulary's company, chip and process names. (Built once: Vocabulary.get hashes the
    whole vocabulary on each call.)"""
    return frozenset(t.name for t in vocabulary.terms if t.kind in ENTITY_KINDS)


def entities(item: Item, names: frozenset[str]) -> frozenset[str]:
    """The entry's company, chip and process tags."""
    return frozenset(tag for tag in item.entry.tags if tag in names)


def tokens(item: Item) -> Counter[str]:
    """Bag of words of the entry's body text (summary, quotes, figure wording) plus its figure
    values as single tokens ("fig:$7.86billion"). The title is left out on purpose."""
    entry = item.entry
    parts = [entry.summary, *(q.text for q in entry.quotes), *(f.context for f in entry.figures)]
    # one pass over the parts joined by a space (no word spans one: the same words as part by
    # part), counted by Counter's own loop
    words = (word.strip(".,'-") for word in WORD.findall(" ".join(parts).lower()))
    bag: Counter[str] = Counter(word for word in words if word and word not in STOPWORDS)
    for figure in entry.figures:
        bag["fig:" + squeeze(figure.value)] += 2  # a shared figure is strong
    return bag


def _candidates(items: list[Item], ents: list[frozenset[str]]) -> set[tuple[int, int]]:
    """Index pairs that share an entity and are at most WINDOW_DAYS apart."""
    by_entity: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, item in enumerate(items):
        for name in ents[i]:
            by_entity[name].append((item.entry.date.toordinal(), i))
    pairs: set[tuple[int, int]] = set()
    for postings in by_entity.values():
        postings.sort()
        for pos, (day, i) in enumerate(postings):
            back = pos - 1
            while back >= 0 and pos - back <= MAX_NEIGHBOURS:
                other_day, j = postings[back]
                if day - other_day > WINDOW_DAYS:
                    break
                pairs.add((min(i, j), max(i, j)))
                back -= 1
    return pairs


def same_story(
    a: Item,
    b: Item,
    ents_a: frozenset[str],
    ents_b: frozenset[str],
    text_similarity: Callable[[], float],
) -> bool:
    """The decision for one candidate pair; the text similarity, the costly part, is computed
    only when the cheap tests (outlet, dates, entities) pass."""
    if a.entry.source_name.casefold() == b.entry.source_name.casefold():
        return False  # one outlet's follow-ups are its own, not "also covered by"
    if abs(a.entry.date.toordinal() - b.entry.date.toordinal()) > WINDOW_DAYS:
        return False
    shared = len(ents_a & ents_b)
    if not shared:
        return False
    overlap = shared / min(len(ents_a), len(ents_b))
    return overlap >= MIN_ENTITY_OVERLAP and text_similarity() >= MIN_TEXT_SIMILARITY


def group_related(items: Iterable[Item], vocabulary: Vocabulary) -> list[Story]:
    """Every entry in exactly one Story (most stories have a single entry), newest story first."""
    items = list(items)
    names = entity_names(vocabulary)
    ents = [entities(item, names) for item in items]
    # the pairs the cheap tests (outlet, dates, entities) let through: only their entries'
    # vectors are needed (a quarter of a synthetic archive's); the IDF is over all entries
    pairs = [
        (i, j) for i, j in sorted(_candidates(items, ents))
        if same_story(items[i], items[j], ents[i], ents[j], lambda: math.inf)
    ]
    compared = {k for pair in pairs for k in pair}
    vectors = tfidf_vectors([tokens(item) for item in items], only=compared)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        if find(i) == find(j):
            continue

        def similarity(i: int = i, j: int = j) -> float:
            return cosine(vectors[i], vectors[j])

        if same_story(items[i], items[j], ents[i], ents[j], similarity):
            parent[find(j)] = find(i)
    groups: dict[int, list[Item]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[find(i)].append(item)
    stories = [_story(members) for members in groups.values()]
    return sorted(stories, key=lambda s: (-s.lead.entry.date.toordinal(), s.lead.entry.title))


def _story(members: list[Item]) -> Story:
    """The lead is the fullest write-up (figures, quotes, tags), then the earliest."""

    def fullness(item: Item) -> tuple[int, int, str, str]:
        e = item.entry
        return (
            -(len(e.figures) + len(e.quotes) + len(e.tags)),
            e.date.toordinal(),
            e.title,
            item.src,
        )

    ordered = sorted(members, key=fullness)
    others = sorted(ordered[1:], key=lambda i: (i.entry.date, i.entry.source_name, i.src))
    return Story(lead=ordered[0], others=tuple(others))


def coverage_map(stories: Iterable[Story]) -> dict[str, tuple[Item, ...]]:
    """For each entry's src: the other entries of its story (empty when covered alone)."""
    covered: dict[str, tuple[Item, ...]] = {}
    for story in stories:
        for item in story.items:
            covered[item.src] = tuple(other for other in story.items if other is not item)
    return covered
