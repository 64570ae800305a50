"""Plant one deliberate bug at a time and check that a test catches it (issue 17's table).

Each row removes or weakens one rule, in a copy of the repository (never in the working tree),
then runs the tests that should notice. The copy sits where ../shared does not exist, as on
GitHub Actions, so only tests that run there count. A row is "caught" when pytest reports
failing tests; a plant whose text no longer occurs in the code is reported as such.

    .venv/bin/python benchmarks/planted_bugs.py            # every row
    .venv/bin/python benchmarks/planted_bugs.py --list     # the table only
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COPIED = ["digest", "tests", "samples", "docs", "sources", "benchmarks", "mkdocs.yml",
          "pyproject.toml", "README.md"]

BOILERPLATE = "digest/ingest/boilerplate.py"
EXTRACTION_TESTS = ("tests/test_rules_boilerplate.py", "tests/test_corpus_sample.py",
                    "tests/test_extraction.py")


@dataclass(frozen=True)
class Plant:
    bug: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


PLANTS = [
    Plant("remove the author-bio class hints", BOILERPLATE,
          '    "author-?bio", "author-?box", "author-?info", "about-?author", "author-?card",\n'
          '    "bio-?box", "contributor-?bio",\n', "", EXTRACTION_TESTS),
    Plant("remove the share/social class hints", BOILERPLATE,
          '    "share", "sharing", "social", "socials", "share-?bar", "share-?tools", '
          '"sharedaddy",\n    "addthis", "follow(-us)?", "print-?button",\n', "",
          EXTRACTION_TESTS),
    Plant("link-density limit 0.5 -> 1.01", BOILERPLATE,
          "MAX_CONTAINER_LINK_DENSITY = 0.5", "MAX_CONTAINER_LINK_DENSITY = 1.01",
          EXTRACTION_TESTS),
    Plant("unattributed quote inherits the last speaker from any earlier paragraph",
          "digest/editorial/quotes.py",
          "if first.start == 0 and last_para == first.para - 1 and quotes and quotes[-1].speaker:",
          "if first.start == 0 and quotes and quotes[-1].speaker:",
          ("tests/test_rules_quotes.py", "tests/test_quotes.py")),
    Plant("drop the age rule (an age is one figure with its unit, '45-year-old')",
          "digest/editorial/figures.py",
          'HYPHEN_COMPOUND = r"-[A-Za-z]{2,}(?:-[a-z]{2,}){0,2}(?![-\\w])"',
          'HYPHEN_COMPOUND = r"-[A-Za-z]{2,}(?![-\\w])"',
          ("tests/test_rules_figures.py", "tests/test_figures.py")),
    Plant("drop the address re-check after a redirect", "digest/ingest/fetching.py",
          "    host, port, address = _checked_address(shown, parts, limits)\n",
          "    first_hop = url == shown\n"
          "    host, port, address = _checked_address(shown, parts, limits if first_hop else "
          "FetchLimits(limits.timeout, limits.max_bytes, True, limits.resolver))\n",
          ("tests/test_rules_reading.py", "tests/test_fetching.py", "tests/test_reading.py")),
    Plant("`not is_global` -> `is_private` in the address check", "digest/ingest/fetching.py",
          "if not address.is_global:", "if address.is_private:",
          ("tests/test_rules_reading.py", "tests/test_fetching.py", "tests/test_reading.py")),
    Plant("a fetch's response left to the garbage collector on an error (412074a undone)",
          "digest/ingest/fetching.py", "        connection.close_response()\n", "",
          ("tests/test_rules_fetching.py",)),
    Plant("remove the newsletter text patterns", BOILERPLATE,
          '    r".*\\b(sign up|subscrib\\w*)\\b.{0,80}\\bnewsletters?\\b.*",  # newsletter '
          'prompts, both orders\n    r".*\\bnewsletters?\\b.{0,80}\\b(sign up|subscrib\\w*|inbox)'
          '\\b.*",\n',
          "", EXTRACTION_TESTS),
    Plant("no HTML escaping in the Markdown text escaper", "digest/text/escaping.py",
          'html.escape(value or "", quote=False)', '(value or "")',
          ("tests/test_rules_render.py",)),
]


def _copy(root: Path) -> None:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name,
                            ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
        elif source.is_file():
            shutil.copy2(source, root / name)


def _pytest(root: Path, tests: tuple[str, ...]) -> int:
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
               "-m", "not browser and not site", *tests]
    return subprocess.run(command, cwd=root, capture_output=True, check=False).returncode


def run(plant: Plant, workdir: Path) -> str:
    root = workdir / "main"  # no ../shared beside it: the corpus tests skip, as in CI
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _copy(root)
    target = root / plant.path
    code = target.read_text(encoding="utf-8")
    if code.count(plant.old) != 1:
        return "plant does not apply (the code changed)"
    tests = tuple(t for t in plant.tests if (root / t).is_file())
    if _pytest(root, tests) != 0:
        return "tests fail without the plant"
    target.write_text(code.replace(plant.old, plant.new), encoding="utf-8")
    status = _pytest(root, tests)
    return {0: "NOT caught", 1: "caught"}.get(status, f"pytest exit {status}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true")
    parser.add_argument("rows", nargs="*", type=int, help="row numbers (from 1); default all")
    args = parser.parse_args()
    print("| planted bug | caught? |\n| --- | --- |")
    missed = 0
    with tempfile.TemporaryDirectory(prefix="planted-") as tmp:
        for n, plant in enumerate(PLANTS):
            if args.rows and n + 1 not in args.rows:
                continue
            result = "-" if args.list else run(plant, Path(tmp) / str(n))
            missed += result != "caught" and not args.list
            print(f"| {plant.bug} | {result} |", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
