"""Load the editorial gold set and score the quotes, figures, tags and summary stages against it.

Gold annotations are YAML files (`tests/gold/annotations/*.yml`)::

    source: tests/gold/articles/x.txt | corpus:extraction/<id> | corpus:readability/<name>
            | samples/<file>.html|txt
    quotes: [{speaker, role, starts}]
    figures: [{value, measures, keywords: [...]}]
    not_figures: [str]
    tags: [str]
    summary_facts: [str]

`load_gold` turns each into a `GoldDoc` (title + paragraphs + the annotation); the `score_*`
functions return plain result objects with the counts and every miss, so the benchmark prints them
and the tests assert floors on them.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.editorial.figures import find_figures
from digest.editorial.quotes import find_quotes
from digest.models import Figure, Quote

REPO = Path(__file__).resolve().parents[1]
ANNOTATIONS = REPO / "tests" / "gold" / "annotations"
REAL = REPO / "tests" / "gold" / "real"
# Hand-written articles in shapes the other sets lack, annotated under the real-page rules.
SHAPES = REPO / "tests" / "gold" / "shapes"
CORPUS = REPO.parent / "shared" / "corpus"
# Corpora whose ground truth gives a page's body and title ("corpus:news2023/<id>").
TITLED_CORPORA: tuple[str, ...] = ("news2023", "wcxb")
# A quarter of the real pages is held out while developing: those whose id's sha1 ends in a
# multiple of four (a fixed rule, decided before looking at any page).
HOLDOUT_MODULUS = 4

# Block elements whose text makes a paragraph of a readability `expected.html`.
BLOCK_TAGS: tuple[str, ...] = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
                               "pre", "figcaption", "dd", "dt", "td")
# Qualifiers dropped when comparing figure values ("up to 50%" equals "50%").
VALUE_QUALIFIERS: tuple[str, ...] = ("up to", "more than", "less than", "fewer than", "over",
                                     "nearly", "almost", "about", "around", "roughly",
                                     "approximately", "at least", "at most", "as much as",
                                     "as many as", "just over", "just under", "close to", "only",
                                     "just", "some", "almost")
# Spellings of the same unit, so "40 percent" equals "40%".
VALUE_SPELLINGS: tuple[tuple[str, str], ...] = (("percent", "%"), ("per cent", "%"),
                                                ("×", "x"))
HONORIFICS: tuple[str, ...] = ("mr.", "ms.", "mrs.", "dr.", "prof.", "mr", "ms", "mrs", "dr")
_DIGIT = re.compile(r"\d")
_WORD_MULTIPLIER = re.compile(r"(?:times|fold)$")  # "three times": a figure under both rules
# Where an output quote may be cut into the quoted sentences the older annotations list one
# by one: a sentence end, or the "…" joining two parts of one speaker's paragraph.
_QUOTE_PARTS = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])|\s*…\s*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])")


class SourceUnavailable(Exception):
    """The article behind an annotation cannot be loaded (corpus absent, extraction failed)."""


@dataclass(slots=True)
class GoldDoc:
    """One annotated article: its text and what the annotator expects."""

    name: str
    source: str
    title: str
    paragraphs: list[str]
    gold: dict[str, Any]


@dataclass(slots=True)
class Miss:
    """One disagreement with the gold set, printed by the benchmark."""

    doc: str
    what: str
    expected: str
    got: str

    def __str__(self) -> str:
        return f"{self.doc}: {self.what}: expected {self.expected!r}; got {self.got}"


@dataclass(slots=True)
class Score:
    """Counts for one kind; ratios are None when their denominator is zero."""

    gold: int = 0
    found: int = 0
    gold_matched: int = 0
    found_matched: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.gold_matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.found_matched / self.found if self.found else None

    def ratio(self, numerator: str, denominator: str) -> float | None:
        den = self.extra.get(denominator, 0)
        return self.extra.get(numerator, 0) / den if den else None

    def add(self, key: str, n: int = 1) -> None:
        self.extra[key] = self.extra.get(key, 0) + n


# --- loading ------------------------------------------------------------------------------------


def load_gold(
    annotations: Path = ANNOTATIONS, repo: Path = REPO, corpus: Path = CORPUS,
    include: Callable[[str], bool] | None = None,
) -> tuple[list[GoldDoc], list[str]]:
    """Every annotation whose article can be loaded, plus one note per skipped file."""
    docs: list[GoldDoc] = []
    notes: list[str] = []
    for path in sorted(annotations.glob("*.yml")):
        try:
            gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            notes.append(f"{path.name}: unreadable YAML ({exc.__class__.__name__})")
            continue
        source = str(gold.get("source", ""))
        if include is not None and not include(source):
            continue
        try:
            title, paragraphs = load_source(source, repo, corpus)
        except SourceUnavailable as exc:
            notes.append(f"{path.name}: skipped: {exc}")
            continue
        docs.append(GoldDoc(path.stem, source, title, paragraphs, gold))
    return docs, notes


def load_source(source: str, repo: Path = REPO, corpus: Path = CORPUS) -> tuple[str, list[str]]:
    """(title, paragraphs) of an annotation's `source`."""
    if source.startswith("corpus:extraction/"):
        return _load_extraction(source.split("/", 1)[1], corpus)
    if source.startswith("corpus:readability/"):
        return _load_readability(source.split("/", 1)[1], corpus)
    for name in TITLED_CORPORA:
        if source.startswith(f"corpus:{name}/"):
            return _load_titled(name, source.split("/", 1)[1], corpus)
    path = repo / source
    if not path.is_file():
        raise SourceUnavailable(f"{source} not found")
    if source.startswith("samples/"):
        return _load_sample(path)
    lines = path.read_text(encoding="utf-8").split("\n", 1)
    body = lines[1] if len(lines) > 1 else ""
    return lines[0].strip(), _split_blank_lines(body)


def _split_blank_lines(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _load_extraction(doc_id: str, corpus: Path) -> tuple[str, list[str]]:
    truth = corpus / "extraction" / "ground-truth.json"
    if not truth.is_file():
        raise SourceUnavailable("corpus absent (extraction/ground-truth.json)")
    entry = _ground_truth(truth).get(doc_id)
    if entry is None:
        raise SourceUnavailable(f"extraction id {doc_id} not in ground truth")
    paragraphs = _split_blank_lines(entry.get("articleBody", ""))
    return (paragraphs[0] if paragraphs else ""), paragraphs


def _load_titled(name: str, doc_id: str, corpus: Path) -> tuple[str, list[str]]:
    """A page of a corpus whose truth holds `title` and `articleBody` (news2023, wcxb)."""
    truth = corpus / name / "ground-truth.json"
    if not truth.is_file():
        raise SourceUnavailable(f"corpus absent ({name}/ground-truth.json)")
    entry = _ground_truth(truth).get(doc_id)
    if entry is None:
        raise SourceUnavailable(f"{name} id {doc_id} not in ground truth")
    title = " ".join(str(entry.get("title") or "").split())
    return title, _split_blank_lines(entry.get("articleBody") or "")


def is_holdout(source: str) -> bool:
    """True for the real pages held out while developing (sha1 of the page id, fixed rule)."""
    doc_id = source.rsplit("/", 1)[-1]
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % HOLDOUT_MODULUS == 0


_GROUND_TRUTH_CACHE: dict[Path, dict[str, Any]] = {}


def _ground_truth(path: Path) -> dict[str, Any]:
    if path not in _GROUND_TRUTH_CACHE:
        _GROUND_TRUTH_CACHE[path] = json.loads(path.read_text(encoding="utf-8"))
    return _GROUND_TRUTH_CACHE[path]


def _load_readability(name: str, corpus: Path) -> tuple[str, list[str]]:
    folder = corpus / "readability" / name
    expected = folder / "expected.html"
    if not expected.is_file():
        raise SourceUnavailable(f"corpus absent (readability/{name}/expected.html)")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(expected.read_text(encoding="utf-8"), "lxml")
    paragraphs = []
    for el in soup.find_all(BLOCK_TAGS):
        if el.find(BLOCK_TAGS):
            continue
        text = " ".join(el.get_text(" ", strip=True).split())
        if text:
            paragraphs.append(text)
    title = ""
    meta = folder / "expected-metadata.json"
    if meta.is_file():
        title = json.loads(meta.read_text(encoding="utf-8")).get("title") or ""
    return title, paragraphs


def _load_sample(path: Path) -> tuple[str, list[str]]:
    try:
        pipeline = importlib.import_module("digest.pipeline")
        article = pipeline.extract_article(path)
    except Exception as exc:  # any failure of another stage: report and skip the file
        raise SourceUnavailable(f"extract_article failed: {exc.__class__.__name__}: {exc}") from exc
    return article.title, list(article.paragraphs)


# --- normalisation ------------------------------------------------------------------------------


def norm_text(text: str) -> str:
    """Lower case, quote marks and punctuation to spaces, whitespace collapsed."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\"“”„«»]", " ", text)
    text = re.sub(r"[^\w%$'.-]+", " ", text)
    text = re.sub(r"(?<!\d)[.](?!\d)", " ", text)
    return " ".join(text.split())


def norm_name(name: str | None) -> str:
    """A speaker's name for comparison: lower case, honorifics and punctuation dropped."""
    if not name:
        return ""
    words = [w for w in norm_text(name).replace(".", " ").split() if w not in HONORIFICS]
    return " ".join(words)


def norm_value(value: str) -> str:
    """A figure's value for comparison: lower case, no spaces, qualifiers dropped."""
    v = " ".join(value.lower().split())
    for qualifier in VALUE_QUALIFIERS:
        if v.startswith(qualifier + " "):
            v = v[len(qualifier) + 1 :]
            break
    for spelled, canonical in VALUE_SPELLINGS:
        v = v.replace(spelled, canonical)
    return v.replace(" ", "")


# --- quotes -------------------------------------------------------------------------------------


def score_quotes(docs: Sequence[GoldDoc]) -> Score:
    """Recall and precision of quotes, speaker accuracy (`speaker_ok`/`matched`), role accuracy.

    Under the real-page rule (one entry per speaker and paragraph) a gold quote is found by an
    output quote that starts with its `starts` words, each output quote matching at most one
    gold quote. The older annotations list each quoted sentence on its own, so there a gold
    quote is found by an output quote one of whose sentences starts with its words."""
    score = Score()
    for doc in docs:
        _score_quotes_of(doc, find_quotes(doc.paragraphs), score)
    return score


def score_quotes_found(doc: GoldDoc, found: Sequence[Quote]) -> Score:
    """`score_quotes` for one document and a given list of output quotes."""
    score = Score()
    _score_quotes_of(doc, found, score)
    return score


def _score_quotes_of(doc: GoldDoc, found: Sequence[Quote], score: Score) -> None:
    gold = doc.gold.get("quotes") or []
    score.gold += len(gold)
    score.found += len(found)
    used: set[int] = set()
    strict = counts_word_numbers(doc)  # the real-page rule: one entry per speaker/paragraph
    heads = [norm_text(q.text) for q in found]
    parts = [[norm_text(p) for p in _QUOTE_PARTS.split(q.text)] for q in found]
    for g in gold:
        starts = norm_text(str(g.get("starts", "")))
        if strict:
            hits = [i for i, head in enumerate(heads)
                    if i not in used and quote_starts_with(head, starts)]
        else:  # older rule: one entry per quoted sentence, found at any sentence start
            hits = [i for i, ps in enumerate(parts)
                    if any(quote_starts_with(p, starts) for p in ps)]
        if not hits:
            got = "; ".join(f"{q.speaker}: {_head(q.text)}" for q in found) or "no quotes"
            score.misses.append(Miss(doc.name, "quote missed",
                                     f"{g.get('speaker')}: {g.get('starts')}", got))
            continue
        score.gold_matched += 1
        i = hits[0]
        used.add(i)
        q = found[i]
        score.add("matched")
        if norm_name(q.speaker) == norm_name(g.get("speaker")):
            score.add("speaker_ok")
        else:
            score.misses.append(Miss(doc.name, "wrong speaker",
                                     f"{g.get('speaker')} ({g.get('starts')})",
                                     repr(q.speaker)))
        if g.get("role"):
            score.add("role_gold")
            if _role_ok(g.get("role"), q.role):
                score.add("role_ok")
            else:
                score.misses.append(Miss(doc.name, "role differs",
                                         f"{g.get('speaker')}: {g.get('role')}",
                                         repr(q.role)))
    for i, q in enumerate(found):
        if i in used:
            score.found_matched += 1
        else:
            score.misses.append(Miss(doc.name, "extra quote", "(none)",
                                     f"{q.speaker}: {_head(q.text)}"))


def quote_starts_with(quote: str, starts: str) -> bool:
    """True when a normalised output quote begins with the gold `starts` words (both through
    `norm_text`, so quote marks, case and spacing do not matter). A gold quote is found only at
    the start of an output quote: words found in its middle mean two quotes were run together or
    the opening was lost, which is a miss. An output quote made of several parts joined by "…"
    (one speaker, one paragraph) is found by its first part only."""
    return bool(starts) and (quote == starts or quote.startswith(starts + " "))


def _role_ok(gold: str | None, ours: str | None) -> bool:
    if not gold:
        return True
    if not ours:
        return False
    g, o = norm_text(gold), norm_text(ours)
    return g in o or o in g


def _head(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


# --- figures ------------------------------------------------------------------------------------


def score_figures(docs: Sequence[GoldDoc]) -> Score:
    """Value recall/precision (`gold_matched`, `found_matched`) and value+context (`*_ctx`)."""
    score = Score()
    for doc in docs:
        gold = doc.gold.get("figures") or []
        found = find_figures(doc.paragraphs)
        if not counts_word_numbers(doc):  # the older rule: numbers in words are not annotated
            found = [f for f in found if _DIGIT.search(f.value) or _WORD_MULTIPLIER.search(f.value)]
        not_figures = {norm_value(str(v)) for v in doc.gold.get("not_figures") or []}
        score.gold += len(gold)
        score.found += len(found)
        used_value: set[int] = set()
        used_ctx: set[int] = set()
        for g in gold:
            value = norm_value(str(g.get("value", "")))
            keywords = [str(k).lower() for k in g.get("keywords") or []]
            same = [i for i, f in enumerate(found) if norm_value(f.value) == value]
            free = [i for i in same if i not in used_value]
            with_ctx = [i for i in free if _context_ok(found[i], keywords)]
            if with_ctx:
                used_value.add(with_ctx[0])
                used_ctx.add(with_ctx[0])
                score.gold_matched += 1
                score.add("gold_matched_ctx")
            elif free:
                used_value.add(free[0])
                score.gold_matched += 1
                score.misses.append(Miss(doc.name, "figure context lacks keywords",
                                         f"{g.get('value')} ({', '.join(keywords)})",
                                         repr(found[free[0]].context)))
            else:
                got = ", ".join(f.value for f in found) or "no figures"
                score.misses.append(Miss(doc.name, "figure missed",
                                         f"{g.get('value')} ({g.get('measures')})", got))
        for i, f in enumerate(found):
            if i in used_value:
                score.found_matched += 1
                if i in used_ctx:
                    score.add("found_matched_ctx")
                continue
            what = "not-figure found" if norm_value(f.value) in not_figures else "extra figure"
            if what == "not-figure found":
                score.add("not_figures_found")
            score.misses.append(Miss(doc.name, what, "(none)", f"{f.value} | {f.context}"))
    return score


def counts_word_numbers(doc: GoldDoc) -> bool:
    """Whether the annotation follows the real-page rule, under which numbers written in words
    are figures ("six countries"); the older annotations leave them out. An annotation of our own
    opts in with `rules: real`."""
    return (doc.source.split("/", 1)[0] in {f"corpus:{c}" for c in TITLED_CORPORA}
            or doc.gold.get("rules") == "real")


def _context_ok(figure: Figure, keywords: Sequence[str]) -> bool:
    context = figure.context.lower()
    return not keywords or any(k in context for k in keywords)


# --- tags ---------------------------------------------------------------------------------------


def load_tagger() -> Callable[[str, list[str]], list[str]] | None:
    """`digest.editorial.tagging.tag_article`, or None when that stage is not available yet."""
    try:
        return importlib.import_module("digest.editorial.tagging").tag_article
    except (ImportError, AttributeError):
        return None


def load_mention_tagger() -> Callable[[str, list[str]], tuple[list[str], list[str]]] | None:
    """`digest.editorial.tagging.tags_and_mentions`, or None when not available."""
    try:
        return importlib.import_module("digest.editorial.tagging").tags_and_mentions
    except (ImportError, AttributeError):
        return None


def score_tags(docs: Sequence[GoldDoc], tagger: Callable[[str, list[str]], Any]) -> Score:
    """Set recall and precision of tags (compared case-insensitively).

    `tagger` gives (tags, mentions). Under the salience rule (annotations with a `mentions`
    list) our tags are compared with the gold tags; annotations written under the older rule
    (every vocabulary name in `tags`) are compared with our tags and mentions together."""
    score = Score()
    for doc in docs:
        if "tags" not in doc.gold:
            continue
        gold = {str(t).lower(): str(t) for t in doc.gold.get("tags") or []}
        result = tagger(doc.title, list(doc.paragraphs))
        tags, mentions = result if isinstance(result, tuple) else (result, [])
        if "mentions" not in doc.gold:
            tags = [*tags, *mentions]
        found = {t.lower(): t for t in tags}
        score.gold += len(gold)
        score.found += len(found)
        hit = gold.keys() & found.keys()
        score.gold_matched += len(hit)
        score.found_matched += len(hit)
        for key in sorted(gold.keys() - found.keys()):
            score.misses.append(Miss(doc.name, "tag missed", gold[key], "-"))
        for key in sorted(found.keys() - gold.keys()):
            score.misses.append(Miss(doc.name, "extra tag", "-", found[key]))
    return score


# --- summary ------------------------------------------------------------------------------------


def load_summarizer() -> Callable[[str, list[str], list[Figure]], str] | None:
    """`digest.editorial.summary.summarize`, or None when that stage is not available yet."""
    try:
        return importlib.import_module("digest.editorial.summary").summarize
    except (ImportError, AttributeError):
        return None


def lead_sentences(paragraphs: Sequence[str], n: int = 3) -> str:
    """The lead-n baseline: the first n sentences of the body."""
    sentences: list[str] = []
    for para in paragraphs:
        sentences.extend(s.strip() for s in _SENTENCE.split(para) if s.strip())
        if len(sentences) >= n:
            break
    return " ".join(sentences[:n])


def key_figure_carried(docs: Sequence[GoldDoc], summarize: Callable[[GoldDoc], str]) -> Score:
    """How many summaries carry the gold set's first figure (the one a reader quotes first):
    `gold_matched` of `gold` (documents with figures)."""
    score = Score()
    for doc in docs:
        figures = doc.gold.get("figures") or []
        if not figures:
            continue
        score.gold += 1
        if norm_value(str(figures[0].get("value", ""))) in norm_value(summarize(doc)):
            score.gold_matched += 1
        else:
            score.misses.append(Miss(doc.name, "key figure missing",
                                     str(figures[0].get("value")), "-"))
    return score


def score_summaries(docs: Sequence[GoldDoc], summarize: Callable[[str], str] | Any) -> Score:
    """Facts contained (`gold_matched` of `gold`) and words (`words` over `summaries`)."""
    score = Score()
    for doc in docs:
        facts = [str(f) for f in doc.gold.get("summary_facts") or []]
        if not facts:
            continue
        text = summarize(doc)
        score.add("summaries")
        score.add("words", len(text.split()))
        score.gold += len(facts)
        for fact in facts:
            if fact.lower() in text.lower():
                score.gold_matched += 1
            else:
                score.misses.append(Miss(doc.name, "fact missing", fact, repr(_head(text, 30))))
    return score
