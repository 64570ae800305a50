"""Mutation score per module, with mutmut 3 (`make mutation`; not part of `make test`).

For each module of the scope, a working copy of the repository is made outside it
(``--workdir``, default ``/tmp/digest-mutation/<module>``), its pyproject.toml's
``[tool.mutmut]`` section is narrowed to that one file and to the tests that exercise it, and
``mutmut run`` mutates it there. Each module runs only its own tests, so a run finishes on a
small machine, and colleagues editing the working tree never see a ``mutants/`` folder.

Score = killed / (total - listed equivalents). Timeouts count as killed (the mutant made the
tests hang); "no tests" and "survived" count as not killed, except a survivor that makes the
module fail to import (code run at import, which mutmut's forked runs never switch on).
Equivalent mutants (no test can tell them apart from the original) are listed with a reason
in tests/mutation/equivalents.yml; an entry whose mutant no longer exists, or whose mutant was
killed anyway, is reported as stale.

    .venv/bin/python benchmarks/mutation.py                 # every module of the scope
    .venv/bin/python benchmarks/mutation.py urls reading    # some of them
    .venv/bin/python benchmarks/mutation.py --survivors urls   # also list each survivor's diff
    .venv/bin/python benchmarks/mutation.py --sample 150 quotes  # the quote group, sampled

Run it with ``nice``: mutmut uses ``--max-children`` processes (default 2).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EQUIVALENTS = REPO / "tests" / "mutation" / "equivalents.yml"
# What a working copy holds besides the package and the tests (data some tests read).
COPIED = ["samples", "docs", "sources", "benchmarks", "mkdocs.yml", "README.md"]


@dataclass(frozen=True)
class Target:
    path: str  # the file mutated
    tests: tuple[str, ...]  # the test files that exercise it (missing ones are left out)
    floor: float  # the score the issue asks for
    # A module of data (boilerplate.py: patterns, hints, thresholds), which mutmut cannot
    # mutate (it mutates code inside functions): its mutants remove one rule each instead.
    data: bool = False
    # Tests of the files above left out of the run: slow ones that only drive the CLI in
    # subprocesses (which import the package as installed, not the mutated copy).
    deselect: tuple[str, ...] = ()


SHARP = 0.85  # reading, urls, validate, body safety, escaping and rendering
HEURISTIC = 0.70  # extraction, boilerplate, quotes, figures

TARGETS: dict[str, Target] = {
    "urls": Target(
        "digest/text/urls.py",
        ("tests/test_rules_urls.py", "tests/test_validate.py"),
        SHARP,
    ),
    "reading": Target(
        "digest/ingest/reading.py",
        ("tests/test_rules_decoding.py", "tests/test_rules_reading.py", "tests/test_reading.py",
         "tests/test_fetching.py", "tests/test_decoding.py"),
        SHARP,
    ),
    "validate": Target(
        "digest/archive/validate.py",
        ("tests/test_rules_validate.py", "tests/test_rules_validate_files.py",
         "tests/test_rules_validate_mutants.py", "tests/test_validate.py",
         "tests/test_check_cache.py", "tests/test_yaml_limits.py", "tests/test_slugs.py",
         "tests/test_mentions_and_fragments.py", "tests/test_synth.py"),
        SHARP,
    ),
    "field_checks": Target(  # validate.py's per-field rules, split off from it
        "digest/archive/field_checks.py",
        ("tests/test_validate.py", "tests/test_add_validation.py", "tests/test_yaml_limits.py",
         "tests/test_slugs.py", "tests/test_schema.py", "tests/test_rules_validate.py",
         "tests/test_rules_field_checks.py"),
        SHARP,
        deselect=("tests/test_add_validation.py::test_two_runs_adding_one_url_at_the_same_time",),
    ),
    "body_safety": Target(
        "digest/archive/body_safety.py",
        ("tests/test_rules_body_safety.py", "tests/test_body_safety.py"),
        SHARP,
    ),
    "render": Target(
        "digest/pages/render.py",
        ("tests/test_rules_render.py", "tests/test_mentions_and_fragments.py",
         "tests/test_entry.py", "tests/test_lifted_blocks.py"),  # the last: render_body_html
        SHARP,
    ),
    "escaping": Target(
        "digest/text/escaping.py",
        ("tests/test_rules_escaping.py", "tests/test_rules_render.py"),
        SHARP,
    ),
    "sanitize": Target(
        "digest/site/sanitize.py",
        ("tests/test_sanitize.py", "tests/test_rules_sanitize.py"),
        SHARP,
    ),
    "fetching": Target(
        "digest/ingest/fetching.py",
        ("tests/test_rules_fetching.py", "tests/test_rules_reading.py", "tests/test_fetching.py",
         "tests/test_reading.py"),
        SHARP,
        deselect=tuple(f"tests/test_fetching.py::{name}" for name in (
            "test_protocol_failures_are_one_line",
            "test_server_text_is_stripped_of_escape_sequences",
            "test_credentials_never_leave")),  # their in-process halves: test_rules_fetching
    ),
    "extraction": Target(
        "digest/ingest/extraction.py",
        ("tests/test_extraction.py", "tests/test_rules_boilerplate.py",
         "tests/test_rules_boilerplate_hints.py",
         "tests/test_rules_extraction.py", "tests/test_rules_extraction_lists_dates.py",
         "tests/test_corpus_sample.py", "tests/test_extraction_collector.py"),
        HEURISTIC,
    ),
    "boilerplate": Target(
        "digest/ingest/boilerplate.py",
        ("tests/test_rules_boilerplate.py", "tests/test_rules_boilerplate_hints.py",
         "tests/test_extraction.py", "tests/test_corpus_sample.py"),
        HEURISTIC,
        data=True,
    ),
}

# Quote finding and figure finding are each split over several modules; every one of them is
# mutated on its own with the tests of the whole stage (the rule tests reach them through
# find_quotes / find_figures as well as directly).
QUOTE_TESTS = ("tests/test_rules_quotes.py", "tests/test_rules_quote_mutants.py",
               "tests/test_quotes.py", "tests/test_editorial_stability.py")
FIGURE_TESTS = ("tests/test_rules_figures.py", "tests/test_rules_figure_ranking.py",
                "tests/test_rules_figure_mutants.py", "tests/test_figures.py",
                "tests/test_editorial_stability.py")
GROUPS: dict[str, tuple[str, ...]] = {
    "quotes": ("quotes", "quote_attribution", "quote_names", "quote_spans", "quote_pronouns",
               "quote_bodies", "quote_intros", "quote_speech"),
    "figures": ("figures", "figures_kind", "figure_words", "figure_context", "units"),
}
for _stem in GROUPS["quotes"]:
    TARGETS[_stem] = Target(f"digest/editorial/{_stem}.py", QUOTE_TESTS, HEURISTIC)
for _stem in GROUPS["figures"]:
    TARGETS[_stem] = Target(f"digest/editorial/{_stem}.py", FIGURE_TESTS, HEURISTIC)

KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # mutmut's exit codes for killed and timed out
IMPORT_KILLED = 1  # a survivor that breaks the module's import (see import_time_kills)
SURVIVED = {0, 5, 33}  # survived, and no test reached the mutant
MUTMUT_SECTION = re.compile(r"^\[tool\.mutmut\]\n(?:(?!\[).*\n?)*", re.MULTILINE)


def toml_value(value: object) -> str:
    """A TOML value for the strings, booleans, numbers and string lists the config holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value)  # a JSON string or list of strings is valid TOML


def working_copy(name: str, target: Target, workdir: Path, repo: Path = REPO,
                 fresh: bool = True) -> list[str]:
    """Refresh the working copy for one module; returns the test files it runs. A fresh copy
    forgets mutmut's verdicts: mutmut re-tests a mutant only when its function changed, never
    because the tests changed, so a kept verdict may be older than the tests."""
    if fresh and (workdir / "mutants").is_dir():
        shutil.rmtree(workdir / "mutants")
    workdir.mkdir(parents=True, exist_ok=True)
    for sub in ("digest", "tests", *COPIED):
        source, dest = repo / sub, workdir / sub
        if dest.is_dir():
            shutil.rmtree(dest)
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, dest)
    # mutmut keeps its own copy (mutants/); files it copied earlier are refreshed from ours.
    for sub in ("tests", *COPIED):
        stale = workdir / "mutants" / sub
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.is_file():
            stale.unlink()
    tests = [t for t in target.tests if (repo / t).is_file()]
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    config = tomllib.loads(pyproject).get("tool", {}).get("mutmut", {})
    also_copy = list(dict.fromkeys([*config.get("also_copy", []), *COPIED]))
    cli_args = list(config.get("pytest_add_cli_args", []))
    for test in target.deselect:
        cli_args += ["--deselect", test]
    config = {**config, "also_copy": also_copy, "only_mutate": [target.path],
              "pytest_add_cli_args": cli_args, "pytest_add_cli_args_test_selection": tests}
    section = "[tool.mutmut]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in config.items())
    (workdir / "pyproject.toml").write_text(
        MUTMUT_SECTION.sub("", pyproject).rstrip("\n") + "\n\n" + section, encoding="utf-8"
    )
    return tests


# --- data modules: one mutant per rule ------------------------------------------------------
NEVER = 'r"(?!)never"'  # a regex that matches nothing and a word no tag or class is


def data_mutants(source: str, module: str) -> dict[str, str]:
    """Mutants of a module of data: each string of a module-level tuple or set (a class hint,
    a text pattern, a tag name) replaced by one that never matches, and each numeric
    threshold doubled (0 -> 1). Named `module.CONSTANT[i]` and `module.CONSTANT`."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(lineno: int, col: int) -> int:
        return starts[lineno - 1] + len(lines[lineno - 1].encode()[:col].decode())

    def replaced(node: ast.expr, text: str) -> str:
        a = offset(node.lineno, node.col_offset)
        b = offset(node.end_lineno or node.lineno, node.end_col_offset or 0)
        return source[:a] + text + source[b:]

    mutants: dict[str, str] = {}
    for stmt in ast.parse(source).body:
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else (
            stmt.target if isinstance(stmt, ast.AnnAssign) else None)
        if not isinstance(target, ast.Name) or stmt.value is None:
            continue
        value = stmt.value
        if isinstance(value, ast.Call) and value.args:  # frozenset({...})
            value = value.args[0]
        if isinstance(value, ast.Tuple | ast.Set | ast.List):
            for i, element in enumerate(value.elts):
                if isinstance(element, ast.Constant) and isinstance(element.value, str):
                    mutants[f"{module}.{target.id}[{i}]"] = replaced(element, NEVER)
        elif isinstance(value, ast.Constant) and isinstance(value.value, int | float) and (
                not isinstance(value.value, bool)):
            number = value.value
            mutants[f"{module}.{target.id}"] = replaced(value, repr(number * 2 or 1))
    return mutants


def run_data_module(name: str, target: Target, workdir: Path, tests: list[str],
                    sample: int, only: list[str] | None = None) -> dict[str, int]:
    """Run the tests once per data mutant; exit codes by mutant name (results.json)."""
    path = workdir / target.path
    original = path.read_text(encoding="utf-8")
    mutants = data_mutants(original, target.path[:-3].replace("/", "."))
    names = sorted(mutants)
    earlier: dict[str, int] = {}
    if only is not None:  # --retest: the last run's survivors; the other verdicts stand
        earlier = json.loads((workdir / "results.json").read_text(encoding="utf-8"))
        names, sample = [n for n in only if n in mutants], 0
    if sample:
        names = sorted(random.Random(name).sample(names, min(sample, len(names))))
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
               "-m", "not browser and not site", *tests]
    results: dict[str, int] = dict(earlier)
    try:
        if subprocess.run(command, cwd=workdir, capture_output=True).returncode != 0:
            raise SystemExit(f"{name}: the tests fail without a mutant")
        for key in names:
            path.write_text(mutants[key], encoding="utf-8")
            results[key] = subprocess.run(command, cwd=workdir, capture_output=True).returncode
    finally:
        path.write_text(original, encoding="utf-8")
    (workdir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


def exit_codes(workdir: Path, target: Target) -> dict[str, int | None]:
    if target.data:
        return json.loads((workdir / "results.json").read_text(encoding="utf-8"))
    meta = workdir / "mutants" / (target.path + ".meta")
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def survivors_of(workdir: Path, target: Target, equivalents: dict[str, str]) -> list[str]:
    """The mutants the last run left alive (neither killed nor listed as equivalent)."""
    codes = exit_codes(workdir, target)
    return sorted(k for k, c in codes.items()
                  if c is not None and c not in KILLED and k not in equivalents)


def import_time_kills(workdir: Path, target: Target, survivors: list[str]) -> set[str]:
    """The survivors in code that runs when the module is imported (a pattern built from data
    at module level): mutmut imports the module once, before it switches a mutant on, so such
    a mutant never runs in its tests. Imported again with the mutant switched on, a module
    that fails to import would fail every test: those are killed."""
    module = target.path[:-3].replace("/", ".")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    found = set()
    for key in survivors:
        result = subprocess.run([sys.executable, "-c", f"import {module}"],
                                cwd=workdir / "mutants", env={**env, "MUTANT_UNDER_TEST": key},
                                capture_output=True, check=False)
        if result.returncode != 0:
            found.add(key)
    return found


def keep_verdicts(workdir: Path, target: Target, before: dict[str, int | None]) -> None:
    """After a re-test, the verdicts of the mutants not re-tested are the earlier ones (mutmut
    forgets them all when the list of tests changed)."""
    meta = workdir / "mutants" / (target.path + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8"))
    codes = data["exit_code_by_key"]
    for key, code in before.items():
        if codes.get(key) is None and code is not None:
            codes[key] = code
    meta.write_text(json.dumps(data), encoding="utf-8")


def load_equivalents() -> dict[str, str]:
    if not EQUIVALENTS.is_file():
        return {}
    listed = yaml.safe_load(EQUIVALENTS.read_text(encoding="utf-8")) or []
    return {item["mutant"]: item["reason"] for item in listed}


def mutmut(workdir: Path, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    """Run mutmut in a working copy; its progress display goes to mutmut.log there."""
    exe = Path(sys.executable).with_name("mutmut")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if capture:
        return subprocess.run([str(exe), *args], cwd=workdir, env=env, text=True,
                              capture_output=True, check=False)
    with (workdir / "mutmut.log").open("a", encoding="utf-8") as log:
        return subprocess.run([str(exe), *args], cwd=workdir, env=env, text=True,
                              stdout=log, stderr=subprocess.STDOUT, check=False)


def sample_of(workdir: Path, target: Target, name: str, size: int, generate: bool) -> list[str]:
    """A fixed random sample of the module's mutants (the same one on every run of the same
    code, so before and after compare). mutmut writes the mutants when asked for one that
    does not exist."""
    if generate:
        mutmut(workdir, "run", "no-such-mutant")
    names = sorted(exit_codes(workdir, target))
    return sorted(random.Random(name).sample(names, min(size, len(names))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*",
                        help=f"some of: {', '.join(TARGETS)}; a group ({', '.join(GROUPS)}) is "
                             "all its modules, NAME.py the one module of that name")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/digest-mutation"))
    parser.add_argument("--source", type=Path, default=REPO,
                        help="the tree to copy (a snapshot of the repository, for a 'before')")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--survivors", action="store_true", help="print each survivor's diff")
    parser.add_argument("--report-only", action="store_true", help="score the last run again")
    parser.add_argument("--retest", action="store_true",
                        help="test only the last run's survivors again, on the current code and "
                             "tests (after adding tests); the other verdicts stand. mutmut picks "
                             "a mutant's tests by the coverage of the last fresh run: a changed "
                             "test that now reaches other code needs a fresh run")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="test a fixed random sample of N mutants per module (large modules "
                             "on a busy machine); the score is then the sample's")
    args = parser.parse_args(argv)
    try:
        names = selected(args.modules)
    except ValueError as error:
        parser.error(str(error))
    equivalents = load_equivalents()
    rows, failed = [], False
    for name in names:
        target, workdir = TARGETS[name], args.workdir / name
        if not args.report_only:
            again = survivors_of(workdir, target, equivalents) if args.retest else None
            tests = working_copy(name, target, workdir, args.source, fresh=not args.retest)
            print(f"== {name}: {target.path} with {' '.join(tests)}", flush=True)
            if target.data:
                run_data_module(name, target, workdir, tests, args.sample, again)
                returncode = 0
            else:
                chosen = (again if again is not None else
                          sample_of(workdir, target, name, args.sample, True) if args.sample
                          else [])
                before = exit_codes(workdir, target) if again is not None else {}
                returncode = 0 if again == [] else mutmut(  # [] : nothing left to re-test
                    workdir, "run", "--max-children", str(args.max_children), *chosen).returncode
                if before:
                    keep_verdicts(workdir, target, before)
            if returncode != 0:
                print(f"{name}: mutmut run failed (exit {returncode})", file=sys.stderr)
                failed = True
                continue
        try:
            codes = exit_codes(workdir, target)
        except FileNotFoundError:
            print(f"{name}: no run to report in {workdir}", file=sys.stderr)
            continue
        population = set(codes)  # every mutant of the module, run or not
        if target.data:
            population = set(data_mutants((workdir / target.path).read_text(encoding="utf-8"),
                                          target.path[:-3].replace("/", ".")))
        elif args.sample:
            codes = {k: codes[k] for k in sample_of(workdir, target, name, args.sample, False)}
        # an equivalent that was killed anyway (stale, or a flaky test) counts as killed only
        listed = {k for k in codes if k in equivalents and codes[k] not in KILLED}
        stale = sorted(k for k in equivalents
                       if k.startswith(target.path[:-3].replace("/", ".") + ".")
                       and (k not in population or codes.get(k) in KILLED))
        at_import = set() if target.data else import_time_kills(
            workdir, target, [k for k, c in codes.items() if c in SURVIVED and k not in listed])
        codes = {k: IMPORT_KILLED if k in at_import else c for k, c in codes.items()}
        if at_import:
            print(f"{name}: {len(at_import)} survivor(s) break the module's import (killed)")
        killed = sum(1 for c in codes.values() if c in KILLED)
        survivors = sorted(k for k, c in codes.items() if c not in KILLED and k not in listed)
        unchecked = Counter(c for c in codes.values() if c not in KILLED | SURVIVED)
        sampled_from = len(population) if len(codes) < len(population) else 0
        rows.append((name, len(codes), killed, len(listed), len(survivors), target.floor,
                     sampled_from))
        if unchecked:
            print(f"{name}: mutants not checked or suspicious: {dict(unchecked)}")
        for key in stale:
            print(f"{name}: stale equivalent entry (gone or killed): {key}")
        if args.survivors:
            for key in survivors:
                print(key if target.data else mutmut(workdir, "show", key, capture=True).stdout)
    print()
    print(table(rows))
    return 1 if failed else 0


def selected(names: list[str]) -> list[str]:
    """The modules the command line names, in TARGETS' order: a group stands for its modules,
    "NAME.py" for the one module (so "quotes.py" is quotes.py alone, "quotes" the group)."""
    chosen: set[str] = set()
    for name in names:
        if name.endswith(".py") and name[:-3] in TARGETS:
            chosen.add(name[:-3])
        elif name in GROUPS:
            chosen.update(GROUPS[name])
        elif name in TARGETS:
            chosen.add(name)
        else:
            raise ValueError(f"unknown module: {name}")
    return [name for name in TARGETS if not names or name in chosen]


def wilson(killed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a score measured on a sample of n mutants."""
    if n == 0:
        return 0.0, 1.0
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def table(rows: list[tuple[str, int, int, int, int, float, int]]) -> str:
    """One line per module, then one per group with all of its modules that ran. A module
    measured on a sample shows how many mutants it has and a 95 % interval for its score."""
    lines = [f"{'module':<18} {'mutants':>7} {'killed':>6} {'equiv':>5} {'surv':>5} "
             f"{'score':>6} {'target':>6}  sample"]

    def line(name: str, total: int, killed: int, listed: int, surv: int, floor: float,
             sampled_from: int) -> str:
        n = total - listed
        score = killed / n if n else 1.0
        sample = "full"
        if sampled_from:
            low, high = wilson(killed, n)
            sample = f"{total} of {sampled_from}, 95% {low:.2f}-{high:.2f}"
        mark = "" if score >= floor else "  below target"
        return (f"{name:<18} {total:>7} {killed:>6} {listed:>5} {surv:>5} {score:>6.3f} "
                f"{floor:>6.2f}  {sample}{mark}")

    for row in rows:
        lines.append(line(*row))
    for group, members in GROUPS.items():
        ran = [row for row in rows if row[0] in members]
        if len(ran) > 1:
            total, killed, listed, surv = (sum(row[i] for row in ran) for i in (1, 2, 3, 4))
            # the group's interval treats its modules' samples as one (a rough guide only)
            population = sum(row[6] or row[1] for row in ran) if any(r[6] for r in ran) else 0
            lines.append(line(f"[{group}: {len(ran)} mods]", total, killed, listed, surv,
                              ran[0][5], population))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
