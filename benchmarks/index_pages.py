"""The figures and quotes indexes of a large archive: how many pages, and the largest page.

    python benchmarks/index_pages.py [--entries 10000] [--years 10] [--build]

Generates a synthetic archive (benchmarks/synth.py, seed 0) and prints, for the figures and the
quotes index, the number of rows and pages and the largest page: as staged (the Markdown + HTML
page that digest.pages.indexes writes) and, with --build, as built HTML (the whole archive built
with `digest build` in a temporary folder: minutes at 10,000 entries; run it with `nice`).
Exit status 1 when a built page (or, without --build, a staged page) is over 1 MB.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.synth import generate_entries  # noqa: E402
from digest.archive.entry import entry_filename, render_entry  # noqa: E402
from digest.editorial.vocabulary import load_vocabulary  # noqa: E402
from digest.pages import indexes  # noqa: E402
from digest.pages.items import Item, relative_link  # noqa: E402

LIMIT = 1_000_000  # bytes of HTML a page may have


def _report(name: str, rows: int, pages: dict[str, int]) -> int:
    src, size = max(pages.items(), key=lambda kv: kv[1])
    print(f"{name:8} {rows:7} rows  {len(pages):4} pages  largest {size / 1e3:8.1f} kB ({src})")
    return size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--build", action="store_true", help="also build the site and measure it")
    args = parser.parse_args()

    entries = list(generate_entries(args.entries, years=args.years))
    items = [Item(e, f"posts/{entry_filename(e)}") for e in entries]
    matcher = indexes.EntityMatcher(load_vocabulary())
    rows = indexes.figure_rows(items, matcher)
    start = time.perf_counter()
    figures = indexes.figure_pages(rows, frozenset(), relative_link)
    quotes = indexes.quote_pages(items)
    print(f"{args.entries} entries over {args.years} years; staged pages made in "
          f"{time.perf_counter() - start:.1f} s")
    print("staged:")
    worst = _report("figures", len(rows), {k: len(v.encode()) for k, v in figures.items()})
    total_quotes = sum(len(e.quotes) for e in entries)
    worst = max(worst, _report("quotes", total_quotes,
                               {k: len(v.encode()) for k, v in quotes.items()}))
    if not args.build:
        return 1 if worst > LIMIT else 0

    with tempfile.TemporaryDirectory(prefix="index-pages-") as folder:
        root = Path(folder)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("posts"))
        posts = root / "docs" / "posts"
        posts.mkdir()
        for entry in entries:
            (posts / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "digest", "build", "--config", str(root / "mkdocs.yml"),
             "--site-dir", str(root / "site")],
            check=True, cwd=root, stdout=subprocess.DEVNULL,
        )
        print(f"built in {time.perf_counter() - start:.0f} s")
        site = root / "site"
        sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
        print("built HTML:")
        for name in ("figures", "quotes"):
            _report(name, len(rows) if name == "figures" else total_quotes,
                    {k: v for k, v in sizes.items() if k.startswith(f"{name}/")})
        path, size = max(sizes.items(), key=lambda kv: kv[1])
        print(f"largest page of the site: {size / 1e3:.1f} kB ({path}), {len(sizes)} pages")
        return 1 if size > LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
