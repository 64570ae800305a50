"""The package's shape (issue 16), read from the source with `ast`:

- imports run one way: each stage imports only what its __init__ docstring's "May import:" line
  names (and itself); the top-level modules as TOP_LEVEL says; nothing imports digest.cli;
- one of each: the shared primitives are written once, in digest/text, and their copies do not
  come back (sentence splitting, white space, slugs, escaping, atomic writes, month names,
  mkdocs.yml, folder names);
- modules stay readable: at most MAX_LINES lines.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "digest"
STAGES = ("text", "ingest", "editorial", "archive", "pages", "site")
# Top-level modules and what they may import (besides themselves). The package's __init__ and
# the shared data and errors import nothing; the pipeline composes the stages; cli is the top.
TOP_LEVEL: dict[str, frozenset[str]] = {
    "digest": frozenset(),
    "digest.models": frozenset(),
    "digest.errors": frozenset(),
    "digest.pipeline": frozenset(
        {"digest.text", "digest.models", "digest.errors", "digest.ingest", "digest.editorial",
         "digest.archive"}
    ),
    "digest.bulk": frozenset(
        {"digest", "digest.text", "digest.models", "digest.errors", "digest.ingest",
         "digest.pipeline"}
    ),
    "digest.cli": frozenset(
        {"digest", "digest.text", "digest.models", "digest.errors", "digest.ingest",
         "digest.editorial", "digest.archive", "digest.pages", "digest.site", "digest.pipeline",
         "digest.bulk"}
    ),
    "digest.__main__": frozenset({"digest.cli"}),
}
MAX_LINES = 600
# Modules over MAX_LINES while their owner splits them: each with the issue that owns it.
OVER_LONG_ALLOWED: dict[str, str] = {
}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def imported(path: Path) -> set[str]:
    """Every digest module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(n for n in names if n == "digest" or n.startswith("digest."))
    return found


def owner(module: str) -> str:
    """The unit a module belongs to: its stage package, or itself at the top level."""
    parts = module.split(".")
    return f"digest.{parts[1]}" if len(parts) > 1 and parts[1] in STAGES else module


def allowed_by_docstring(stage: str) -> frozenset[str]:
    doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8")))
    assert doc and "May import:" in doc, f"digest/{stage}/__init__.py must say what it may import"
    line = doc.split("May import:", 1)[1].split("\n\n", 1)[0]
    return frozenset(re.findall(r"digest\.[a-z_]+", line))


def test_each_stage_names_what_it_may_import() -> None:
    allowed = {stage: allowed_by_docstring(stage) for stage in STAGES}
    assert allowed["text"] == frozenset()  # the primitives stand on nothing of ours
    for stage, names in allowed.items():
        assert "digest.cli" not in names
        assert all(owner(name) in {f"digest.{s}" for s in STAGES} | set(TOP_LEVEL)
                   for name in names), stage


@pytest.mark.parametrize("module", [name for name, _ in modules()])
def test_imports_run_one_way(module: str) -> None:
    path = dict(modules())[module]
    unit = owner(module)
    stage = unit.split(".")[-1]
    allowed = TOP_LEVEL[unit] if unit in TOP_LEVEL else allowed_by_docstring(stage)
    wrong = sorted(
        target for target in imported(path)
        if owner(target) != unit and owner(target) not in allowed
    )
    assert not wrong, f"{module} imports {wrong}; its stage allows {sorted(allowed)}"


def test_nothing_imports_the_cli() -> None:
    importers = [name for name, path in modules()
                 if name != "digest.__main__" and "digest.cli" in imported(path)]
    assert importers == []


def test_the_direction_test_can_fail(tmp_path: Path) -> None:
    """The reader of imports sees imports inside functions too."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from digest.site import build\n", encoding="utf-8")
    assert imported(sample) == {"digest.site"}


# --- one of each --------------------------------------------------------------------------------


def code_strings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """String constants of the code (docstrings left out)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            yield node.lineno, node.value


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def calls(tree: ast.AST) -> Iterator[tuple[int, str, ast.Call]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node.lineno, dotted(node.func), node


def first_string(call: ast.Call) -> str:
    arg = call.args[0] if call.args else None
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else ""


SENTENCE_CLASS = re.compile(r"\[(?=[^\]]*\.)(?=[^\]]*!)(?=[^\]]*\?)[^\]]*\]")
WHITESPACE_RUN = re.compile(r"^\\s\+$")
FOLDERS = frozenset({"docs", "posts", "sources", "site", "overrides"})
MONTHS = frozenset({"january", "february", "march", "april", "june", "july", "august",
                    "september", "october", "november", "december"})


def violations(path: Path, package: Path = PACKAGE) -> list[str]:
    """The copies of shared primitives in one module, each as 'rule: line'."""
    rel = path.relative_to(package).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []

    def flag(rule: str, line: int, home: str) -> None:
        if rel != home:
            found.append(f"{rule} (belongs in digest/{home}): line {line}")

    for line, name, call in calls(tree):
        pattern = first_string(call)
        if name == "re.split" and SENTENCE_CLASS.search(pattern):
            flag("sentence splitting", line, "text/sentences.py")
        if name == "re.sub" and WHITESPACE_RUN.match(pattern) and len(call.args) > 1:
            replacement = call.args[1]
            if isinstance(replacement, ast.Constant) and replacement.value == " ":
                flag("white space collapsing", line, "text/normalize.py")
        if name.endswith(".join") and isinstance(call.func, ast.Attribute) \
                and isinstance(call.func.value, ast.Constant) and call.func.value.value == " " \
                and call.args and isinstance(call.args[0], ast.Call) \
                and dotted(call.args[0].func).endswith(".split") and not call.args[0].args:
            flag("white space collapsing", line, "text/normalize.py")
        if name == "unicodedata.normalize" and not rel.startswith("text/"):
            flag("Unicode normalising (slugs, folds)", line, "text/slugs.py")
        if name == "re.findall" and pattern == "[a-z0-9]+":
            flag("slug words", line, "text/slugs.py")
        if name == "html.escape":
            flag("HTML escaping", line, "text/escaping.py")
        if name in {"os.replace", "os.rename", "tempfile.mkstemp"}:
            flag("atomic writing", line, "text/files.py")
        if name.endswith("add_multi_constructor"):
            flag("reading mkdocs.yml's tags", line, "text/siteconfig.py")
        if name in {"Path", "pathlib.Path"} and first_string(call) in FOLDERS:
            flag(f"folder name {first_string(call)!r}", line, "text/siteconfig.py")
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            for side in (node.left, node.right):
                if isinstance(side, ast.Constant) and side.value in FOLDERS:
                    flag(f"folder name {side.value!r}", node.lineno, "text/siteconfig.py")
        if isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names]
            if "anyascii" in names:
                flag("transliteration", node.lineno, "text/slugs.py")
    for line, value in code_strings(tree):
        if value.lower() in MONTHS:
            flag(f"month name {value!r}", line, "text/dates.py")
        if value == "mkdocs.yml":
            flag("the configuration file's name", line, "text/siteconfig.py")
    return found


@pytest.mark.parametrize("module", [name for name, _ in modules()])
def test_no_copies_of_the_shared_primitives(module: str) -> None:
    assert violations(dict(modules())[module]) == []


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('import re\nre.split(r"(?<=[.!?])\\s+", text)\n', id="sentence-split"),
        pytest.param('import re\nre.sub(r"\\s+", " ", text)\n', id="whitespace-sub"),
        pytest.param('" ".join(text.split())\n', id="whitespace-join"),
        pytest.param('import unicodedata\nunicodedata.normalize("NFKD", n)\n', id="nfkd"),
        pytest.param('import html\nhtml.escape(x, quote=False)\n', id="html-escape"),
        pytest.param('import os\nos.replace(tmp, target)\n', id="os-replace"),
        pytest.param('MONTHS = ("January", "February")\n', id="month-names"),
        pytest.param('CONFIG = "mkdocs.yml"\n', id="config-name"),
        pytest.param('posts = docs / "posts"\n', id="folder-name"),
        pytest.param('from anyascii import anyascii\n', id="transliteration"),
    ],
)
def test_each_copy_rule_catches_a_copy(tmp_path: Path, source: str) -> None:
    folder = tmp_path / "digest" / "pages"
    folder.mkdir(parents=True)
    path = folder / "copy.py"
    path.write_text(source, encoding="utf-8")
    assert violations(path, tmp_path / "digest")


# --- size ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [name for name, _ in modules()])
def test_modules_stay_readable(module: str) -> None:
    path = dict(modules())[module]
    rel = path.relative_to(PACKAGE.parent).as_posix()
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if rel in OVER_LONG_ALLOWED:
        return
    assert lines <= MAX_LINES, f"{rel} has {lines} lines; split it (at most {MAX_LINES})"


def test_the_size_allow_list_stays_short_and_current() -> None:
    assert len(OVER_LONG_ALLOWED) <= 2
    for rel in OVER_LONG_ALLOWED:
        path = PACKAGE.parent / rel
        assert path.is_file(), f"{rel} is gone: drop it from the allow-list"
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines > MAX_LINES, f"{rel} is {lines} lines now: drop it from the allow-list"


# --- the README's table -------------------------------------------------------------------------


def test_the_readme_table_matches_the_folders() -> None:
    """Every stage folder has a row of README.md's "How it works" table, and every module the
    table names exists in the folder of its row."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    folders = {re.match(r"\| `([a-z_]+)/`", row).group(1) for row in rows  # type: ignore[union-attr]
               if re.match(r"\| `([a-z_]+)/`", row)}
    assert folders == set(STAGES)
    for row in rows:
        folder = re.match(r"\| `([a-z_]+)/`", row)
        if folder is None:
            continue
        modules_cell = row.split("|")[3]
        for name in re.findall(r"`([\w/]+\.(?:py|yml))`", modules_cell):
            found = list((PACKAGE / folder.group(1)).rglob(Path(name).name))
            assert found, f"README names {name} in {folder.group(1)}/, which has no such file"
