"""The `digest` command: exit codes, messages and what it writes (or does not)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.site.build import configured_site_dir
from tests.conftest import REPO, free_port

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
ARTICLE = FIXTURES / "meta-mtia-v2.html"
BROKEN_ENTRIES = Path(__file__).parent / "fixtures" / "broken_entries"
JSON_KEYS = {
    "source", "title", "author", "published", "site_name", "url",
    "text", "low_confidence", "summary", "quotes", "figures", "tags", "mentions",
    # the one JSON form (the batch cache's too) carries the whole Article and the categories
    "paragraphs", "description", "lang", "categories",
}  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help() -> None:
    for name, command in main.commands.items():
        assert command.help, f"digest {name} has no help text"
        code, out, _ = run(name, "--help")
        assert code == 0
        assert "Usage:" in out


def test_extract_json_interface() -> None:
    code, out, err = run("extract", str(ARTICLE), "--format", "json")
    assert code == 0, err
    record = json.loads(out)
    assert set(record) == JSON_KEYS
    assert record["title"] == "Meta details its second-generation MTIA inference chip"
    assert record["author"] == "Priya Raman"
    assert record["published"] == "2024-04-10"
    assert record["site_name"] == "Die Shot Daily"
    assert record["url"] == "https://dieshot.example/2024/04/meta-mtia-v2"
    assert "1.35 GHz" in record["text"]
    assert "cookies" not in record["text"] and "newsletter" not in record["text"]
    assert "Meta" in record["tags"]


def test_extract_keeps_going_after_a_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    code, out, err = run("extract", str(empty), str(ARTICLE))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert lines[0] == {"source": str(empty), "error": "is empty"}
    assert lines[1]["title"].startswith("Meta details")
    assert f"{empty}: is empty" in err


def test_extract_markdown_is_the_entry_file() -> None:
    code, out, _ = run("extract", str(ARTICLE), "--format", "markdown")
    assert code == 0
    assert out.startswith("---\ntitle: Meta details its second-generation MTIA inference chip\n")
    assert "\ndate: 2024-04-10\n" in out


def test_add_writes_once_then_refuses(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    code, out, _ = run("add", "--docs", str(docs), str(ARTICLE))
    assert code == 0
    name = "2024-04-10-meta-details-its-second-generation-mtia-inference-chip.md"
    written = docs / "posts" / name
    assert out.strip() == f"added {written}"
    before = written.read_bytes()
    code, _, err = run("add", "--docs", str(docs), str(ARTICLE))
    assert code == 1
    assert "already" in err
    assert written.read_bytes() == before
    assert len(list((docs / "posts").iterdir())) == 1


NO_ARTICLE = b"<html><body><nav><a href='/'>Home</a> <a href='/b'>About</a></nav></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("empty.html", b"", "is empty", id="empty"),
        pytest.param("image.html", b"\x89PNG\r\n\x1a\n" + bytes(300), "binary", id="binary"),
        pytest.param("nav.html", NO_ARTICLE, "no article", id="no-article"),
    ],
)
def test_add_bad_input(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    docs = tmp_path / "docs"
    code, out, err = run("add", "--docs", str(docs), str(path))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1, err  # one line
    assert err.startswith(f"error: {path}: ") and message in err
    assert not (docs / "posts").exists() or not any((docs / "posts").iterdir())


def test_add_unreachable_url(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/a"  # not port 9: something may listen there
    code, _, err = run("add", "--docs", str(tmp_path), "--allow-private", url)
    assert code == 1
    assert err.startswith(f"error: {url}: cannot connect")


def test_add_stores_the_canonical_url(tmp_path: Path, http_server) -> None:  # type: ignore[no-untyped-def]
    html = ARTICLE.read_bytes().replace(
        b'<link rel="canonical" href="https://dieshot.example/2024/04/meta-mtia-v2">', b""
    )
    base = http_server({"/story": (200, {"Content-Type": "text/html"}, html)})
    url = f"{base}/story?utm_source=feed&fbclid=abc&id=7#comments"
    code, out, err = run("add", "--docs", str(tmp_path), "--allow-private", url)
    assert code == 0, err
    written = Path(out.split()[-1]).read_text(encoding="utf-8")
    assert f"url: {base}/story?id=7\n" in written


def test_truncated_html_still_gives_the_article(tmp_path: Path) -> None:
    page = ARTICLE.read_text(encoding="utf-8")
    cut = page[: page.index("Analysts see the chip")] + '<div class="x"><p data-x="unterminated'
    path = tmp_path / "truncated.html"
    path.write_text(cut, encoding="utf-8")
    code, out, err = run("extract", str(path))
    assert code == 0, err
    record = json.loads(out)
    assert record["title"] == "Meta details its second-generation MTIA inference chip"
    assert "1.35 GHz" in record["text"] and "unterminated" not in record["text"]


def test_check_reports_every_problem_with_lines(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "2024-01-02-bad.md").write_text(
        "---\ntitle: <b>Bad</b>\ndate: 2024-01-02\nsource: X\nsummary: Fine.\ntags: [Nope]\n---\n",
        encoding="utf-8",
    )
    code, out, err = run("check", "--format", "github", str(tmp_path))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[-1] == "2 problem(s) found"
    assert any(line.startswith(f"{posts / '2024-01-02-bad.md'}:2: title:") for line in lines)
    assert any(":6: tags[0]: unknown tag 'Nope'" in line for line in lines)
    assert f"::error file={posts / '2024-01-02-bad.md'},line=2::title:" in out


def test_check_clean_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # `check` with no path reads docs/ (and sources/) where it runs
    code, out, _ = run("check")
    assert (code, out) == (0, "ok: no problems found\n")


def test_extract_in_parallel_matches_one_process(tmp_path: Path) -> None:
    samples = sorted(str(p) for p in (Path(__file__).parents[1] / "samples").glob("*.html"))
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    inputs = [*samples[:3], str(bad), *samples[3:]]
    one = run("extract", "-j", "1", "--no-cache", *inputs)
    two = run("extract", "-j", "2", "--no-cache", *inputs)
    assert one == two
    assert one[0] == 1
    records = [json.loads(line) for line in one[1].splitlines()]
    assert [r["source"] for r in records] == inputs
    assert records[3] == {"source": str(bad), "error": "is empty"}


def test_build_refused_by_the_check_leaves_the_old_site(tmp_path: Path) -> None:
    """The check runs beside the build; a failed check stops it and the site is untouched (the
    build cache, .digest-cache/, may hold the staged pages: it is a cache)."""
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    [broken] = (BROKEN_ENTRIES / "posts").glob("*-misspelled-key.md")
    shutil.copy(broken, tmp_path / "docs" / "posts" / broken.name)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    code, _, err = run("build", "--config", str(tmp_path / "mkdocs.yml"))
    assert code == 1
    assert "misspelled-key.md:7: catgories" in err
    assert "site not built" in err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".digest-cache") == [
        "docs", "mkdocs.yml", "site"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("site_name: x\n", "site", id="default"),
        pytest.param("site_name: x\nsite_dir: public\n", "public", id="named"),
        pytest.param("site_name: !ENV [NAME, x]\nsite_dir: out\n", "out", id="env-tag"),
    ],
)
def test_configured_site_dir(tmp_path: Path, text: str, expected: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert configured_site_dir(config) == tmp_path / expected


def test_extract_json_reads_back_as_the_same_result() -> None:
    """One JSON form: what `extract --format json` prints is what the batch cache stores and
    from_json reads back (issue 16: the two to_json shapes are one)."""
    from digest.pipeline import from_json, process

    code, out, err = run("extract", str(ARTICLE), "--format", "json")
    assert code == 0, err
    assert from_json(json.loads(out)) == process(str(ARTICLE))
