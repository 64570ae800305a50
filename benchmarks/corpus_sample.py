"""Rebuild tests/fixtures/corpus_sample/ from ../shared/corpus (the dev halves).

The sample's pages are listed in its manifest.json; this copies each page (gzip'd HTML) and
its reference (article body; title, author and date where the corpus has them) from the
shared corpus. Readability's reference is the text of its expected.html, as the benchmark
scores it. The pages were chosen so that, between them, every group of class/id hints in
digest/ingest/boilerplate.py occurs on several pages (see the folder's README.md).

    .venv/bin/python benchmarks/corpus_sample.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import scoring  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE = REPO / "tests" / "fixtures" / "corpus_sample"


def main() -> None:
    manifest = json.loads((SAMPLE / "manifest.json").read_text("utf-8"))
    truth: dict[str, dict[str, str | None]] = {}
    (SAMPLE / "pages").mkdir(exist_ok=True)
    for corpus, ids in manifest["pages"].items():
        wanted = set(ids)
        for page in scoring.load_corpus(CORPUS, corpus):
            if page.page_id not in wanted:
                continue
            key = f"{corpus}-{page.page_id}"
            raw = page.html.encode("utf-8")
            (SAMPLE / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(raw, mtime=0))
            meta = page.metadata or {}
            truth[key] = {"corpus": corpus, "articleBody": page.reference,
                          "title": meta.get("title"), "author": meta.get("byline"),
                          "published": meta.get("publishedTime")}
            wanted.discard(page.page_id)
        assert not wanted, f"{corpus}: not in the corpus: {sorted(wanted)}"
    (SAMPLE / "truth.json").write_text(
        json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
