"""The `digest` command: a thin click wrapper around digest.pipeline,
digest.archive.validate and digest.site.build.

Library code raises DigestError (and ConfigError, OSError); one boundary, `DigestCommand`, turns
each into a one-line message on stderr and exit status 1, as mkdocs turns its errors into a
ClickException: no command handles them on its own. Problems found in entries (check, build)
are printed by one printer, as text lines and, with `--format github`, as annotations.

Each command imports the stages it runs when it runs (`digest check` never loads the extraction
stages, `--help` none): every `digest` process starts only what its command needs."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from digest import __version__
from digest.errors import DigestError, Problem, ValidationFailed
from digest.ingest.reading import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from digest.text.siteconfig import (
    CONFIG_FILE,
    INPUT_CACHE_DIR,
    POSTS_DIR,
    SOURCES_DIR,
    ConfigError,
    Layout,
)
from digest.text.terminal import terminal_safe
from digest.text.urls import without_credentials

if TYPE_CHECKING:
    from digest.ingest.reading import ReadOptions
    from digest.pipeline import Digested

ERROR_LIMIT = 2000  # characters of one error line
DEFAULT_CONFIG = Path(CONFIG_FILE)  # as digest.site.build's, which only the site commands load
DEFAULT_SOURCES = Path(SOURCES_DIR)
DEFAULT_CACHE_DIR = Path(INPUT_CACHE_DIR)  # as digest.bulk's


def _read_options(func):  # type: ignore[no-untyped-def]
    func = click.option(
        "--allow-private",
        is_flag=True,
        help="Allow fetching from loopback, private and link-local addresses.",
    )(func)
    func = click.option(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        show_default=True,
        help="Network timeout in seconds for URLs.",
    )(func)
    func = click.option(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Refuse inputs larger than this many bytes.",
    )(func)
    return func


def _date_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--date",
        "fallback_date",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Publication date (YYYY-MM-DD) for articles that carry none, or one in the future or "
    "before 1990 [default: today; an impossible date is then refused].",
    )(func)


def _bulk_options(func):  # type: ignore[no-untyped-def]
    func = click.option(
        "--no-cache", is_flag=True, help=f"Do not read or write the cache ({DEFAULT_CACHE_DIR}/)."
    )(func)
    func = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes [default: one per core for several inputs].",
    )(func)
    return func


def _processed(
    articles: tuple[str, ...], options: ReadOptions, *, jobs: int | None, no_cache: bool
) -> Iterator[tuple[str, Digested | DigestError]]:
    """Each input in order with its result or its error; one bad input never stops the rest.
    Unchanged local files come from the content-hash cache; a progress bar shows on a terminal."""
    from digest.bulk import digest_many

    if "-" in articles:
        jobs = 1  # stdin belongs to this process, not to a worker
    elif jobs is None:
        jobs = os.cpu_count() or 1
    cache_dir = None if no_cache else DEFAULT_CACHE_DIR
    show = len(articles) > 1 and sys.stderr.isatty()
    with click.progressbar(length=len(articles), file=sys.stderr, hidden=not show) as bar:
        for source, result in digest_many(
            articles, jobs=jobs, cache_dir=cache_dir, options=options, progress=bar.update
        ):
            yield without_credentials(source), result  # user:pass@ is never printed


def _stop_on_sigterm() -> None:
    """SIGTERM (a supervisor, `kill`) unwinds as Ctrl-C does: children are stopped and the
    command's temporary folders removed on the way out (exit status 143)."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


def _fail(exc: DigestError | str) -> None:
    """One line on stderr; file names, servers and pages cannot send terminal controls."""
    click.echo(f"error: {terminal_safe(str(exc), ERROR_LIMIT)}", err=True)


# --- the error boundary ---------------------------------------------------------------------------


class CommandFailed(click.ClickException):
    """A domain error that ends a command: one `error: ...` line on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: object = None) -> None:
        _fail(self.message)


class ProblemsFound(click.ClickException):
    """Problems in entry files: one line each (and an annotation each with --format github),
    then a count; exit status 1."""

    exit_code = 1

    def __init__(self, problems: list[Problem], fmt: str, outcome: str) -> None:
        super().__init__(f"{len(problems)} problem(s) found{outcome}")
        self.problems, self.fmt = problems, fmt

    def show(self, file: object = None) -> None:
        for problem in self.problems:
            click.echo(terminal_safe(str(problem), ERROR_LIMIT), err=True)
            if self.fmt == "github":
                click.echo(_github_annotation(problem))
        click.echo(self.message, err=True)


# What a command was doing when problems stopped it, after "N problem(s) found".
OUTCOMES: dict[str, str] = {"build": "; site not built"}


def _os_message(exc: OSError) -> str:
    """An OSError as `path: reason` (the reason without errno's number)."""
    where = exc.filename if isinstance(exc.filename, str) else None
    reason = exc.strerror or str(exc)
    return f"{without_credentials(where)}: {reason}" if where else reason


class DigestCommand(click.Command):
    """Every digest command: domain errors become one line and exit status 1 here, once."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            fmt = str(ctx.params.get("fmt") or "text")
            raise ProblemsFound(exc.problems, fmt, OUTCOMES.get(self.name or "", "")) from None
        except (DigestError, ConfigError) as exc:
            raise CommandFailed(str(exc)) from None
        except OSError as exc:
            raise CommandFailed(_os_message(exc)) from None


class DigestGroup(click.Group):
    command_class = DigestCommand


def _format_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "github"]),
        default="text",
        show_default=True,
        help="text: path:line: field: message; github: also annotate the pull request.",
    )(func)


def _layout() -> Layout:
    """The layout mkdocs.yml in the working folder gives (MkDocs' defaults without one)."""
    return Layout.of(DEFAULT_CONFIG)


@click.group(cls=DigestGroup)
@click.version_option(__version__, prog_name="digest")
def main() -> None:
    """Silicon Digest: turn chip-industry articles into digest entries and a searchable site."""


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The site's docs folder; entries go to its posts/ folder [default: mkdocs.yml's "
    "docs_dir].",
)
@click.option("--replace", is_flag=True, help="Overwrite an existing entry for the same article.")
@click.option(
    "--snapshot",
    "snapshot_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also save the extracted article text to DIR/<entry>.txt, for `digest check --sources`.",
)
@_date_option
@_read_options
@_bulk_options
def add(
    articles: tuple[str, ...],
    docs_dir: Path | None,
    replace: bool,
    snapshot_dir: Path | None,
    fallback_date: dt.datetime | None,
    max_bytes: int,
    timeout: float,
    allow_private: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Add ARTICLES (files, '-' for stdin, or http(s) URLs) to the digest as entries."""
    from digest.archive.admission import UrlIndex
    from digest.ingest.reading import ReadOptions
    from digest.pipeline import add_entry

    options = ReadOptions(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
    today = fallback_date.date() if fallback_date else None
    posts = (docs_dir if docs_dir is not None else _layout().docs_dir) / POSTS_DIR
    index = UrlIndex(posts)  # the archive's URLs, kept up to date across the batch
    failed = 0
    for source, result in _processed(articles, options, jobs=jobs, no_cache=no_cache):
        try:
            if isinstance(result, DigestError):
                raise result
            path, notes = add_entry(
                result, posts, replace=replace, today=today, index=index,
                snapshot_dir=snapshot_dir,
            )
        except DigestError as exc:
            _fail(exc)
            failed += 1
            continue
        except OSError as exc:  # the entry was not written (admission writes all or nothing)
            _fail(_os_message(exc))
            failed += 1
            continue
        for note in notes:
            click.echo(f"note: {terminal_safe(source)}: {note}", err=True)
        click.echo(f"added {path}")
        if result.article.low_confidence:
            click.echo(f"warning: {source}: the article text found is weak (short or unclear); "
                       f"check {path}", err=True)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown"]),
    default="json",
    show_default=True,
    help="json: one object a line (the stable interface); markdown: the entry file `add` writes.",
)
@_date_option
@_read_options
@_bulk_options
def extract(
    articles: tuple[str, ...],
    fmt: str,
    fallback_date: dt.datetime | None,
    max_bytes: int,
    timeout: float,
    allow_private: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Print what `add` would produce for ARTICLES; writes nothing."""
    from digest.archive.entry import render_entry
    from digest.ingest.reading import ReadOptions
    from digest.pipeline import prepare_entry, to_json

    options = ReadOptions(max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
    today = fallback_date.date() if fallback_date else None
    failed = 0
    for source, result in _processed(articles, options, jobs=jobs, no_cache=no_cache):
        if isinstance(result, DigestError):
            failed += 1
            if fmt == "json":
                click.echo(json.dumps({"source": source, "error": result.message}))
            _fail(result)
            continue
        if fmt == "json":
            click.echo(json.dumps(to_json(result), ensure_ascii=False))
        else:
            try:
                entry, _notes = prepare_entry(result, today=today)
            except DigestError as exc:
                failed += 1
                _fail(exc)
                continue
            click.echo(render_entry(entry), nl=False)
    if failed:
        sys.exit(1)


def _sources_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--sources",
        "sources_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Source snapshots to check quotes and figures against [default: {DEFAULT_SOURCES}/ "
        "when it exists].",
    )(func)


def _sources(sources_dir: Path | None, layout: Layout) -> Path | None:
    """--sources, else the layout's sources folder when it exists."""
    if sources_dir is not None:
        return sources_dir
    return layout.sources_dir if layout.sources_dir.is_dir() else None


# GitHub's workflow-command escaping (actions/toolkit, command.ts): in the message, % CR LF; in
# a property value (file=, line=), also : and , which would end the value or the list.
GITHUB_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
GITHUB_PROPERTY_ESCAPES = (*GITHUB_DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def _github_escape(value: str, escapes: tuple[tuple[str, str], ...]) -> str:
    for raw, escaped in escapes:  # "%" first, so the escapes themselves are not escaped again
        value = value.replace(raw, escaped)
    return value


def _github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: shown on the pull request's diff at that line. A file
    name or message cannot end the command early or start another one."""
    message = _github_escape(f"{problem.field}: {problem.message}", GITHUB_DATA_ESCAPES)
    path = _github_escape(problem.path, GITHUB_PROPERTY_ESCAPES)
    return f"::error file={path},line={problem.line}::{message}"


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_sources_option
@_format_option
def check(paths: tuple[Path, ...], sources_dir: Path | None, fmt: str) -> None:
    """Validate entries under PATHS (default: mkdocs.yml's docs_dir); print every problem, exit
    1 if any."""
    from digest.site.build import check_archive

    layout = _layout()
    check_archive(list(paths) or [layout.docs_dir], _sources(sources_dir, layout))
    click.echo("ok: no problems found")


@main.command()
@click.option(
    "--config", type=click.Path(path_type=Path), default=DEFAULT_CONFIG, show_default=True
)
@click.option("--site-dir", type=click.Path(path_type=Path), default=None, help="Output folder.")
@_sources_option
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="What renders the staged pages: MkDocs + Material, or Zensical.",
)
@click.option("--full", is_flag=True, help="Rebuild every page (ignore the build cache).")
@_format_option
def build(
    config: Path, site_dir: Path | None, sources_dir: Path | None, engine: str, full: bool,
    fmt: str,
) -> None:
    """Check the archive, write every page into the staging tree (.digest-cache/), then build
    the site from it with the engine (only what changed, when it can)."""
    from digest.site.build import check_and_build
    from digest.site.progress import for_stream

    _stop_on_sigterm()
    built = check_and_build(
        config, site_dir, _sources(sources_dir, Layout.of(config)), engine=engine, full=full,
        progress=for_stream(),
    )
    click.echo(f"built {built}")


@main.command()
@click.option(
    "--config", type=click.Path(path_type=Path), default=DEFAULT_CONFIG, show_default=True
)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(config: Path, dev_addr: str) -> None:
    """Live preview of the site; rebuilds when entries change."""
    from digest.site.build import serve_site

    sys.exit(serve_site(config, dev_addr))
