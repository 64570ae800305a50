"""The curated vocabulary: tags (companies, chips and products, technologies, governments and
places, systems and events, topics) and the site's categories, loaded from
`digest/editorial/data/vocabulary.yml`.

The data file is the single source of truth: the tagger matches its names and aliases, the site
uses its names as the tag allow-list, its descriptions on tag pages, and its categories as the
blog's allowed categories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from digest.errors import DigestError
from digest.text.cache import ContentCache

# fmt: off
TagKind = Literal[
    "company", "chip", "product", "process", "packaging", "memory", "device", "system", "event",
    "government", "agency", "policy", "country", "region", "topic",
]
# The kinds a tag may have, in the order the data file groups them. The first four are the
# original ones; the stages that choose tags by kind (entity pages: company and chip; story
# grouping: company, chip and process) read the others as "not one of mine".
TAG_KINDS: tuple[TagKind, ...] = (
    "company",     # a firm, lab or research institute ("TSMC", "OpenAI", "imec")
    "chip",        # a chip, chip family or hardware product of one maker ("H100", "Trainium2")
    "product",     # software, an AI model or a service of one maker ("Windows", "ChatGPT")
    "process",     # a manufacturing node or transistor/lithography technology ("3nm", "EUV")
    "packaging",   # packaging and die-to-die technology ("CoWoS", "Hybrid bonding", "UCIe")
    "memory",      # a memory or storage type or standard ("DRAM", "HBM3E", "GDDR7", "SSD")
    "device",      # a class of device or chip, not one product ("AI PC", "NPU", "FPGA")
    "system",      # a named installation or rack system ("El Capitan", "GB200 NVL72")
    "event",       # a recurring trade show or conference ("Computex", "GTC", "IEDM")
    "government",  # a government or legislature as an actor ("White House", "European Commission")
    "agency",      # a ministry, department, regulator or public lab ("Commerce Department")
    "policy",      # a law, rule, list or programme ("CHIPS Act", "Entity List")
    "country",     # a country or territory ("China", "Taiwan", "Netherlands")
    "region",      # a group of countries or a world region ("European Union", "Southeast Asia")
    "topic",       # what a story is about, by its trigger phrases ("Export controls", "Layoffs")
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Term:
    """One tag of the vocabulary."""

    name: str  # the tag as shown on the site ("AWS", "Trainium2", "Export controls")
    kind: TagKind
    description: str  # one line, shown on the tag page
    aliases: tuple[str, ...] = ()  # other spellings that mean the same thing
    maker: str | None = None  # chips, products, systems, events: the company tag it implies
    # products: the topic they are an instance of ("ChatGPT" -> "Generative AI"), read by the
    # tagger as the body's evidence for what a broad headline word means
    topic: str | None = None
    case_sensitive: bool = False  # True where case matters ("Arm" the company, not "arm")
    categories: tuple[str, ...] = ()  # site categories an entry with this tag belongs to


@dataclass(frozen=True, slots=True)
class Category:
    """A section of the site (a Material blog category)."""

    name: str
    description: str


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]
    categories: tuple[Category, ...]
    by_name: dict[str, Term] = field(init=False, repr=False, compare=False, hash=False)
    # What later stages compute from this vocabulary (the tagger's compiled matcher), kept with
    # it: made once per vocabulary, gone with it, never found for an edited one.
    memo: dict[str, Any] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {t.name: t for t in self.terms})
        object.__setattr__(self, "memo", {})

    def names(self) -> list[str]:
        return [t.name for t in self.terms]

    def get(self, name: str) -> Term | None:
        return self.by_name.get(name)

    def category_names(self) -> list[str]:
        return [c.name for c in self.categories]


DEFAULT_PATH = "data/vocabulary.yml"


def label_key(label: str) -> str:
    """The form under which two labels count as the same: case-folded, with spaces and hyphens
    dropped, since the tagger lets them vary ("Trainium 2", "Trainium-2", "Trainium2")."""
    return "".join(ch for ch in label.casefold() if not ch.isspace() and ch != "-")


# Parsed vocabularies by the SHA-256 of their text: the file is read on every call and parsed
# again only when it changed (a preview sees an edited vocabulary at once). Bounded; a build or
# command that wants its own passes `cache=`.
PARSED: ContentCache[Vocabulary] = ContentCache(maxsize=4)


def load_vocabulary(
    path: str | None = None, *, cache: ContentCache[Vocabulary] | None = None
) -> Vocabulary:
    """Load and check the vocabulary (the packaged file unless `path` is given)."""
    if path is None:
        package = resources.files("digest.editorial")
        text = package.joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
        where = f"digest/editorial/{DEFAULT_PATH}"
    else:
        text = Path(path).read_text(encoding="utf-8")
        where = path
    return (PARSED if cache is None else cache).get(text, lambda: parse_vocabulary(text, where))


def parse_vocabulary(text: str, where: str = "vocabulary") -> Vocabulary:
    """Parse vocabulary YAML; raise DigestError listing every problem found."""
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    problems: list[str] = []
    categories = tuple(
        Category(name=str(c["name"]), description=str(c.get("description", "")))
        for c in data.get("categories", [])
    )
    category_names = {c.name for c in categories}
    terms: list[Term] = []
    seen: dict[str, str] = {}
    for i, raw in enumerate(data.get("tags", [])):
        name = str(raw.get("name", "")).strip()
        kind = raw.get("kind")
        if not name:
            problems.append(f"tags[{i}]: missing name")
            continue
        if kind not in TAG_KINDS:
            problems.append(f"{name}: kind must be one of {', '.join(TAG_KINDS)}, not {kind!r}")
        if not str(raw.get("description", "")).strip():
            problems.append(f"{name}: missing description")
        term = Term(
            name=name,
            kind=kind,
            description=str(raw.get("description", "")).strip(),
            aliases=tuple(str(a).strip() for a in raw.get("aliases", []) or []),
            maker=raw.get("maker"),
            topic=raw.get("topic"),
            case_sensitive=bool(raw.get("case_sensitive", False)),
            categories=tuple(raw.get("categories", []) or []),
        )
        for label in (term.name, *term.aliases):
            key = label_key(label)
            if not key:
                problems.append(f"{name}: empty alias")
            elif key in seen and seen[key] != name:
                problems.append(f"{name}: {label!r} already names {seen[key]}")
            seen[key] = name
        for cat in term.categories:
            if cat not in category_names:
                problems.append(f"{name}: unknown category {cat!r}")
        terms.append(term)
    names = {t.name for t in terms}
    topics = {t.name for t in terms if t.kind == "topic"}
    for t in terms:
        if t.maker is not None and t.maker not in names:
            problems.append(f"{t.name}: maker {t.maker!r} is not a tag")
        if t.topic is not None and t.topic not in topics:
            problems.append(f"{t.name}: topic {t.topic!r} is not a topic tag")
    if problems:
        raise DigestError(where, "; ".join(problems))
    return Vocabulary(terms=tuple(terms), categories=categories)
