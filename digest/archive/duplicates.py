"""The checks across entry files: the same URL twice, and the same write-up filed twice.

Two entries are the same write-up when they are in the same ISO week and their titles or their
summaries are nearly identical: Jaccard over words, or difflib's word ratio where one word was
changed (digest.text.similarity, the measure the related-coverage grouping uses too; candidate
pairs by prefix filtering, so a large archive is not compared pair by pair). Different outlets'
write-ups of one event are not duplicates: they share facts, not wording, and the site groups
them (digest.pages.related).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Protocol

from digest.archive.field_checks import Record
from digest.errors import Problem
from digest.text.normalize import search_key
from digest.text.similarity import candidate_pairs, jaccard, word_ratio

# Thresholds from the issue that asked for the check; candidate pairs use the looser
# CANDIDATE_JACCARD.
TITLE_JACCARD = 0.8
TITLE_RATIO = 0.9
SUMMARY_JACCARD = 0.8
SUMMARY_RATIO = 0.9
CANDIDATE_JACCARD = 0.5
WORD = re.compile(r"[^\W_]+")


def duplicate_urls(records: list[Record]) -> list[Problem]:
    """Entries with the same URL, each file pointing at the other."""
    by_url: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.url:
            by_url[record.url].append(record)
    problems = []
    for group in by_url.values():
        for record in group:
            for other in group:
                if other is not record:
                    problems.append(Problem(
                        record.path, record.url_line, "url",
                        f"same URL as {other.path}:{other.url_line}",
                    ))
    return problems


class WeekMemo(Protocol):
    """Each week's problems by a key of its records (digest.archive.check_cache)."""

    def get(self, key: str) -> list[Problem] | None: ...

    def put(self, key: str, problems: list[Problem]) -> None: ...


def same_stories(records: list[Record], memo: WeekMemo | None = None) -> list[Problem]:
    """Near-identical titles or summaries within an ISO week, each file pointing at the other.
    A week's problems depend on its records alone: with `memo`, a week whose records are those
    of a past run (`week_key`) takes that run's problems."""
    weeks: dict[tuple[int, int], list[Record]] = defaultdict(list)
    for record in records:
        if record.date is not None:
            weeks[record.date.isocalendar()[:2]].append(record)
    problems: list[Problem] = []
    for group in weeks.values():
        if len(group) < 2:
            continue
        if memo is None:
            problems.extend(_same_stories_in_week(group))
            continue
        key = week_key(group)
        found = memo.get(key)
        if found is None:
            found = _same_stories_in_week(group)
            memo.put(key, found)
        problems.extend(found)
    return problems


def week_key(group: list[Record]) -> str:
    """A hash of every field of a week's records, in their order."""
    fields = [(r.path, r.date.isoformat() if r.date else None, r.url, r.url_line, r.title,
               r.title_line, r.summary, r.summary_line) for r in group]
    text = repr(fields).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=20).hexdigest()


def _same_stories_in_week(group: list[Record]) -> list[Problem]:
    problems: list[Problem] = []
    for field_name, jaccard_min, ratio_min in (
        ("title", TITLE_JACCARD, TITLE_RATIO),
        ("summary", SUMMARY_JACCARD, SUMMARY_RATIO),
    ):
        words = [WORD.findall(search_key(getattr(r, field_name) or "")) for r in group]
        tokens = [frozenset(w) for w in words]
        for i, j in sorted(candidate_pairs(tokens, CANDIDATE_JACCARD)):
            a, b = group[i], group[j]
            if a.url and a.url == b.url:
                continue  # already reported as the same URL
            score = jaccard(tokens[i], tokens[j])
            if score < CANDIDATE_JACCARD:
                continue  # the prefix filter over-approximates; most candidates stop here
            if score < jaccard_min:
                score = word_ratio(words[i], words[j], ratio_min)
                if score < ratio_min:
                    continue
            for this, other in ((a, b), (b, a)):
                line = getattr(this, f"{field_name}_line")
                other_line = getattr(other, f"{field_name}_line")
                problems.append(Problem(
                    this.path, line, field_name,
                    f"same story as {other.path}:{other_line} (nearly identical "
                    f"{field_name}s in the same week, similarity {score:.2f})",
                ))
    return problems
