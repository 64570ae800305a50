"""Generate a synthetic archive of N digest entries in the project's real entry format.

    python benchmarks/synth.py OUT_DIR --entries 3000 [--seed 0] [--years 10]

Every file is written by `digest.archive.entry.render_entry`, so the front matter is exactly what
`digest add` writes; tags come from the curated vocabulary (categories derived from them by
`digest.editorial.tagging.categorize`), dates are spread over the last `years` years, and summaries,
quotes and figures have the lengths real entries have (measured on docs/posts: summaries of
40-90 words, up to 6 quotes and 10 figures). Same seed, same bytes. The prose is made of word
lists below, written for this benchmark; it reads like news copy only from a distance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from digest.archive.entry import SLUG_MAX_CHARS, entry_filename, render_entry  # noqa: E402
from digest.editorial.tagging import categorize  # noqa: E402
from digest.editorial.vocabulary import Vocabulary, load_vocabulary  # noqa: E402
from digest.models import Entry, Figure, Quote  # noqa: E402
from digest.text.slugs import slugify  # noqa: E402

# --- data: word lists the generator draws from --------------------------------------------------

# Publications (invented) and their domains: entries need a source and a unique URL.
SOURCES: tuple[tuple[str, str], ...] = (
    ("Foundry Files", "foundryfiles.example"),
    ("Wafer Weekly", "waferweekly.example"),
    ("The Gate Report", "gatereport.example"),
    ("Silicon Ledger", "siliconledger.example"),
    ("Packaging Post", "packagingpost.example"),
    ("Die Shot Daily", "dieshot.example"),
    ("Node Notes", "nodenotes.example"),
    ("Lithography Letter", "litholetter.example"),
)
FIRST_NAMES: tuple[str, ...] = (
    "Ana", "Bjorn", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jun", "Kavya",
    "Lars", "Mei", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomoko", "Uma", "Viktor",
)
LAST_NAMES: tuple[str, ...] = (
    "Abara", "Brandt", "Castillo", "Dufour", "Eriksen", "Fujita", "Galloway", "Huang", "Iyer",
    "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn",
    "Rahman", "Sato", "Tanaka", "Umarov", "Varga", "Whitfield", "Yilmaz", "Zhou",
)
ROLES: tuple[str, ...] = (
    "chief executive", "chief financial officer", "analyst at Harbor Research",
    "senior vice president of engineering", "head of semiconductor research at Tidewater",
    "founder", "partner at Longview Capital", "spokesperson", "vice president of products",
)
# Title patterns: {a}, {b} are tags, {n} a number, {q} a quarter, {v}/{o} a verb and an object.
TITLES: tuple[str, ...] = (
    "{a} {v} {o} as {b} demand {t}",
    "{a} posts ${n} billion {q} on {b} orders",
    "{a} and {b} sign a {n}-year supply deal for {o}",
    "{a} {v} {o}, shares {t} {n}%",
    "{b} shortage pushes {a} to {v2} {o}",
    "Inside {a}'s ${n} billion plan to {v2} {o} with {b} by {y}",
    "{a} {v} {o} after {b} delay",
    "Regulators weigh {a}'s {n} billion bid for {b} {o}",
)
VERBS: tuple[str, ...] = (
    "unveils", "delays", "expands", "cuts", "doubles", "ships", "prices", "tapes out", "sells",
)
VERBS_BASE: tuple[str, ...] = ("build", "buy", "ship", "license", "fund", "redesign", "double")
OBJECTS: tuple[str, ...] = (
    "a new fab", "its next accelerator", "server chips", "memory capacity", "packaging lines",
    "a chip design unit", "edge processors", "a research center", "wafer orders", "test lines",
)
TRENDS: tuple[str, ...] = ("holds up", "cools", "surges", "slips", "rebounds", "stalls", "jumps")
QUARTERS: tuple[str, ...] = ("first-quarter sales", "second-quarter revenue", "third-quarter "
                             "profit", "fourth-quarter revenue", "record annual sales")
# Filler words of news copy, to give summaries, quotes and contexts their real lengths.
FILLER: tuple[str, ...] = (
    "capacity", "orders", "customers", "margin", "quarter", "revenue", "production", "supply",
    "demand", "shipments", "guidance", "analysts", "investors", "wafers", "yields", "costs",
    "design", "roadmap", "volume", "contracts", "prices", "inventory", "engineers", "plants",
    "expected", "reported", "higher", "lower", "earlier", "later", "stronger", "weaker", "new",
    "the", "the", "the", "of", "of", "and", "and", "to", "in", "for", "with", "on", "at", "its",
)
UNITS: tuple[str, ...] = ("%", " billion", " million", "nm", " GB", " wafers a month", " TOPS")
SUMMARY_WORDS = (40, 90)  # the range real summaries have (SUMMARY_MAX_WORDS is 120)
TAGS_PER_ENTRY = (2, 8)
QUOTES_PER_ENTRY = (0, 3)
FIGURES_PER_ENTRY = (0, 10)
NOTES_SHARE = 0.1  # one entry in ten carries a curator's note


def generate_entries(
    count: int,
    *,
    seed: int = 0,
    years: int = 10,
    end: dt.date | None = None,
    vocabulary: Vocabulary | None = None,
) -> Iterator[Entry]:
    """`count` entries, dated over `years` years up to `end` (default yesterday), in date order.
    Deterministic for a given seed, count, years and end; file names are unique."""
    rng = random.Random(seed)
    vocab = vocabulary or load_vocabulary()
    names = vocab.names()
    end = end or dt.date.today() - dt.timedelta(days=1)
    span = years * 365
    offsets = sorted(rng.randrange(span) for _ in range(count))
    seen: set[str] = set()
    for i, offset in enumerate(offsets):
        date = end - dt.timedelta(days=span - 1 - offset)
        tags = rng.sample(names, rng.randint(*TAGS_PER_ENTRY))
        title = _title(rng, tags, date)
        source, domain = rng.choice(SOURCES)
        entry = Entry(
            title=title,
            date=date,
            source_name=source,
            url=f"https://{domain}/{date:%Y/%m}/{slugify(title, max_chars=SLUG_MAX_CHARS)}-{i}",
            author=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            summary=_summary(rng, title),
            tags=tags,
            categories=categorize(tags, vocab),
            quotes=[_quote(rng) for _ in range(rng.randint(*QUOTES_PER_ENTRY))],
            figures=[_figure(rng) for _ in range(rng.randint(*FIGURES_PER_ENTRY))],
            notes=_words(rng, rng.randint(20, 60)).capitalize() + "."
            if rng.random() < NOTES_SHARE
            else "",
        )
        entry.slug = _unique_slug(entry, seen, i)
        yield entry


def write_archive(posts_dir: Path, count: int, *, seed: int = 0, years: int = 10) -> list[Path]:
    """Write `count` entry files into `posts_dir` (created); returns their paths."""
    posts_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for entry in generate_entries(count, seed=seed, years=years):
        path = posts_dir / entry_filename(entry)
        path.write_text(render_entry(entry), encoding="utf-8")
        paths.append(path)
    return paths


def _unique_slug(entry: Entry, seen: set[str], index: int) -> str:
    slug = slugify(entry.title, max_chars=SLUG_MAX_CHARS, fallback="entry")
    if f"{entry.date}-{slug}" in seen:
        slug = slugify(f"{entry.title[:40]} {index}", max_chars=SLUG_MAX_CHARS, fallback="entry")
    seen.add(f"{entry.date}-{slug}")
    return slug


def _title(rng: random.Random, tags: list[str], date: dt.date) -> str:
    pattern = rng.choice(TITLES)
    return pattern.format(
        a=tags[0],
        b=tags[1 % len(tags)],
        n=rng.randint(2, 95),
        q=rng.choice(QUARTERS),
        v=rng.choice(VERBS),
        v2=rng.choice(VERBS_BASE),
        o=rng.choice(OBJECTS),
        t=rng.choice(TRENDS),
        y=date.year + rng.randint(1, 4),
    )


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(count))


def _summary(rng: random.Random, title: str) -> str:
    lead = title.rstrip(".") + "."
    rest = rng.randint(*SUMMARY_WORDS) - len(lead.split())
    sentences = []
    while rest > 0:
        size = min(rest, rng.randint(8, 22))
        sentences.append(_words(rng, size).capitalize() + ".")
        rest -= size
    return " ".join([lead, *sentences])


def _quote(rng: random.Random) -> Quote:
    return Quote(
        text=_words(rng, rng.randint(12, 40)).capitalize() + ".",
        speaker=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        role=rng.choice(ROLES) if rng.random() < 0.8 else None,
    )


def _figure(rng: random.Random) -> Figure:
    unit = rng.choice(UNITS)
    number = rng.choice((f"{rng.randint(1, 99)}", f"{rng.randint(1, 999) / 10:.1f}"))
    value = f"${number}{unit}" if unit in (" billion", " million") else f"{number}{unit}"
    words = _words(rng, rng.randint(6, 16)).split()
    words.insert(rng.randrange(len(words)), value)
    return Figure(value=value, context=" ".join(words))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the entry files into")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    paths = write_archive(args.out, args.entries, seed=args.seed, years=args.years)
    print(f"wrote {len(paths)} entries to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
