"""Scoring for the extraction benchmark: the corpus README's shingle metric and the page loaders.

Corpora (folders of ../shared/corpus): extraction (ScrapingHub), readability, news2023, wcxb (HTML
pages with a reference body and, except ScrapingHub, title/author/date), and textscrape (every
page of those four as a plain-text scrape, scored per page: see `score_scrapes`).

Metric (scrapinghub/article-extraction-benchmark): texts are split into `\\w+` tokens, turned into
multisets of 4-token shingles (a text of 1-3 tokens is one shingle); per page precision = matched /
predicted shingles and recall = matched / reference shingles. Corpus precision is the mean page
precision over pages with a non-empty prediction, corpus recall the mean page recall over all
pages, and F1 the harmonic mean of the two means.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

SHINGLE_SIZE = 4  # the benchmark's shingle width
TOKEN = re.compile(r"\w+")

# Elements whose boundaries end a line when expected.html is turned into reference text.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul",
    }
)


@dataclass(frozen=True, slots=True)
class Page:
    """One corpus page: its HTML, its reference body text and (readability half) metadata."""

    corpus: str  # "extraction", "readability", "news2023", "wcxb" or "textscrape"
    page_id: str
    html: str  # the page as given to the extractor (plain text for textscrape)
    reference: str
    url: str | None = None
    # Reference metadata in Readability's keys: title, byline, publishedTime (absent: unknown).
    metadata: dict[str, object] = field(default_factory=dict)
    path: Path | None = None  # the file, for extractors that read inputs by name


@dataclass(frozen=True, slots=True)
class PageScore:
    """Shingle precision and recall for one page (precision is None for an empty prediction)."""

    page_id: str
    precision: float | None
    recall: float


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Corpus means: P over pages with a prediction, R over all pages, F1 of the two means."""

    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-token shingles of `text` (one shingle when it is shorter)."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def score_page(page_id: str, predicted: str, reference: str) -> PageScore:
    """Shingle precision/recall of one prediction against its reference."""
    pred, ref = shingles(predicted), shingles(reference)
    matched = sum((pred & ref).values())
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    precision = matched / n_pred if n_pred else None
    recall = matched / n_ref if n_ref else 0.0
    return PageScore(page_id, precision, recall)


def score_corpus(scores: Sequence[PageScore]) -> CorpusScore:
    """Combine page scores with the README's means."""
    precisions = [s.precision for s in scores if s.precision is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(s.recall for s in scores) / len(scores) if scores else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return CorpusScore(p, r, f1, len(scores))


def page_f1(score: PageScore) -> float:
    """Per-page F1 (0 for an empty prediction), used to rank the worst pages."""
    p = score.precision or 0.0
    return 2 * p * score.recall / (p + score.recall) if p + score.recall else 0.0


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment with block elements turned into line breaks."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag not in ("script", "style"):
                parts.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def load_extraction(corpus: Path) -> Iterator[Page]:
    """ScrapingHub pages (gzip'd HTML) with their human-annotated article bodies."""
    truth = json.loads((corpus / "extraction" / "ground-truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        path = corpus / "extraction" / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        item = truth[page_id]
        yield Page("extraction", page_id, html, item["articleBody"], url=item.get("url"))


def load_readability(corpus: Path) -> Iterator[Page]:
    """Readability.js test pages with expected.html text and expected metadata."""
    for folder in sorted(p for p in (corpus / "readability").iterdir() if p.is_dir()):
        html = (folder / "source.html").read_text("utf-8", errors="replace")
        reference = html_fragment_text((folder / "expected.html").read_text("utf-8"))
        meta_path = folder / "expected-metadata.json"
        metadata = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        yield Page("readability", folder.name, html, reference, metadata=metadata)


# Corpora whose folder holds ground-truth.json and html/<id>.html.gz, with metadata keys.
GZ_CORPORA = ("news2023", "wcxb")


def load_gz_corpus(corpus: Path, name: str) -> Iterator[Page]:
    """news2023 / wcxb: gzip'd pages with body, title, author and date (YYYY-MM-DD) references."""
    truth = json.loads((corpus / name / "ground-truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        path = corpus / name / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        item = truth[page_id]
        metadata = {"title": item.get("title"), "byline": item.get("author"),
                    "publishedTime": item.get("published")}
        yield Page(name, page_id, html, item["articleBody"], url=item.get("url"),
                   metadata=metadata)


def load_textscrape(corpus: Path, only: str | None = None) -> Iterator[Page]:
    """textscrape: pages/<corpus>-<id>.txt with body, title, byline, publishedTime references.
    `only` keeps the scrapes of one HTML corpus (the prefix of their names)."""
    folder = corpus / "textscrape"
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        if only and not page_id.startswith(only + "-"):
            continue
        path = folder / "pages" / f"{page_id}.txt"
        item = truth[page_id]
        metadata = {k: item.get(k) for k in ("title", "byline", "publishedTime")}
        yield Page("textscrape", page_id, path.read_text("utf-8", errors="replace"),
                   item.get("articleBody") or "", metadata=metadata, path=path)


def load_corpus(corpus: Path, name: str) -> list[Page]:
    """Every page of one corpus half, by folder name."""
    if name == "extraction":
        return list(load_extraction(corpus))
    if name == "readability":
        return list(load_readability(corpus))
    if name == "textscrape":
        return list(load_textscrape(corpus))
    return list(load_gz_corpus(corpus, name))


# --- plain-text scrapes ---------------------------------------------------------------------------

FINDABLE_TITLE_F1 = 0.8  # README: a title is findable / right at this token F1
FAILURE_MIN_REFERENCE_CHARS = 500  # README: a failure on a page with this much reference counts


def token_f1(a: str | None, b: str | None) -> float:
    """F1 of the `\\w+` token multisets of two case-folded strings (0 when either is empty)."""
    ta = Counter(TOKEN.findall((a or "").casefold()))
    tb = Counter(TOKEN.findall((b or "").casefold()))
    matched = sum((ta & tb).values())
    if not matched:
        return 0.0
    p, r = matched / sum(ta.values()), matched / sum(tb.values())
    return 2 * p * r / (p + r)


def title_findable(title: str | None, scrape: str) -> bool:
    """Some line of the scrape has token F1 >= 0.8 with the reference title."""
    if not title:
        return False
    wanted = set(TOKEN.findall(title.casefold()))
    for line in scrape.splitlines():
        # Cheap pre-check: a line sharing no token cannot reach the threshold.
        if wanted.isdisjoint(TOKEN.findall(line.casefold())):
            continue
        if token_f1(line, title) >= FINDABLE_TITLE_F1:
            return True
    return False


@dataclass(frozen=True, slots=True)
class ScrapeScore:
    """The README's scrape figures: mean page F1 (failures 0), failures, findable-title score."""

    mean_f1: float
    pages: int
    failed: int  # error or empty text, any reference length
    failed_long: int  # ... among pages with at least FAILURE_MIN_REFERENCE_CHARS of reference
    titles_right: int
    titles_findable: int

    @property
    def title_score(self) -> float:
        return self.titles_right / self.titles_findable if self.titles_findable else 0.0


def score_scrapes(
    pages: Sequence[Page], predictions: dict[str, str], titles: dict[str, str | None]
) -> ScrapeScore:
    """Score plain-text scrapes: `predictions` maps page id -> body ("" for a failure)."""
    total = failed = failed_long = right = findable = 0
    f1_sum = 0.0
    for page in pages:
        predicted = predictions.get(page.page_id, "")
        total += 1
        if not predicted.strip():
            failed += 1
            failed_long += len(page.reference) >= FAILURE_MIN_REFERENCE_CHARS
        else:
            f1_sum += page_f1(score_page(page.page_id, predicted, page.reference))
        title = page.metadata.get("title")
        if isinstance(title, str) and title_findable(title, page.html):
            findable += 1
            right += token_f1(titles.get(page.page_id), title) >= FINDABLE_TITLE_F1
    return ScrapeScore(f1_sum / total if total else 0.0, total, failed, failed_long, right,
                       findable)


def normalise_space(text: str | None) -> str:
    """Collapse runs of whitespace and strip; None becomes ""."""
    return " ".join((text or "").split())


def title_matches(expected: str | None, ours: str | None) -> bool:
    """Title exact after whitespace normalisation."""
    return normalise_space(expected) == normalise_space(ours)


_BY_PREFIX = re.compile(r"^\s*by[:\s]+", re.IGNORECASE)


def author_matches(expected_byline: str | None, ours: str | None) -> bool:
    """Our author is correct when the normalised byline minus a leading "By" equals or contains it.

    Case is ignored because some sites print bylines in capitals.
    """
    ours_n = normalise_space(ours).casefold()
    if not ours_n:
        return False
    byline = _BY_PREFIX.sub("", normalise_space(expected_byline)).casefold()
    return byline == ours_n or ours_n in byline


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def expected_date(published_time: object) -> str | None:
    """The YYYY-MM-DD part of a publishedTime string, when it has one."""
    match = _ISO_DATE.search(published_time if isinstance(published_time, str) else "")
    return match.group(0) if match else None
