"""Scoring for the extraction benchmark: the corpus README's shingle metric and the page loaders.

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

    corpus: str  # "extraction" or "readability"
    page_id: str
    html: str
    reference: str
    url: str | None = None
    metadata: dict[str, object] = field(default_factory=dict)


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


def expected_date(published_time: str | None) -> str | None:
    """The YYYY-MM-DD part of Readability's publishedTime string, when it has one."""
    match = _ISO_DATE.search(published_time or "")
    return match.group(0) if match else None
