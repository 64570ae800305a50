"""The one same-story measure: how alike two texts are, and which pairs of many are worth asking.

Two stages ask "are these the same story?": `digest check` (digest.archive.duplicates: one
write-up filed twice, near-identical titles or summaries in a week) and the related-coverage
grouping (digest.pages.related: different outlets' write-ups of one event). Both measure with
these functions: word sets compared by Jaccard and, where word order matters, difflib's ratio;
bags of words by TF-IDF cosine; and candidate pairs by prefix filtering, so a large archive is
never compared pair by pair.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter, defaultdict
from collections.abc import Container, Sequence


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words of the two sets (0.0 for two empty sets)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def word_ratio(a: Sequence[str], b: Sequence[str], minimum: float = 0.0) -> float:
    """difflib's ratio over words, or 0.0 once its cheap upper bounds show it is under `minimum`
    (word order matters here, unlike Jaccard: it catches one word changed in a short title)."""
    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    if matcher.real_quick_ratio() < minimum or matcher.quick_ratio() < minimum:
        return 0.0
    return matcher.ratio()


def candidate_pairs(token_sets: Sequence[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose Jaccard may reach `threshold`: by prefix filtering, two sets
    that similar share a token among the rarest `n - ceil(t*n) + 1` tokens of each, so only
    those are indexed. A superset of the pairs that reach it; callers compute the real score."""
    frequency: dict[str, int] = defaultdict(int)
    for tokens in token_sets:
        for token in tokens:
            frequency[token] += 1
    index: dict[str, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    for i, tokens in enumerate(token_sets):
        if not tokens:
            continue
        ordered = sorted(tokens, key=lambda t: (frequency[t], t))
        prefix = len(ordered) - math.ceil(threshold * len(ordered)) + 1
        for token in ordered[:prefix]:
            for j in index[token]:
                pairs.add((j, i))
            index[token].append(i)
    return pairs


def tfidf_vectors(
    bags: Sequence[Counter[str]], only: Container[int] | None = None
) -> list[dict[str, float]]:
    """TF-IDF vectors of unit length (IDF over the bags given); with `only`, the vectors of
    those bags (by index) alone, the others left empty (a caller that compares few)."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    vectors = []
    for index, bag in enumerate(bags):
        if only is not None and index not in only:
            vectors.append({})
            continue
        vec = {t: (1 + math.log(c)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
