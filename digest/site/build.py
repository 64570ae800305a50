"""`digest build`: check the archive, write the staging tree, let an engine render it, index it.

The stages, in order (each shown by digest.site.progress):

1. the entries are read and every page of the site is rendered into files (digest.site.staging);
2. the files are synced into the staging folder (`.digest-cache/` beside mkdocs.yml): a file is
   rewritten only when its bytes change;
3. the engine (digest.site.engines) builds the staged tree into its own output folder, kept
   between builds: incrementally when it can (only pages whose staged file changed), else in
   full; meanwhile the archive's check runs in a thread of this process, which only waits for
   the engine (digest.site.checking: two cores, one each);
4. with Pagefind, the changed pages are marked and only the index shards that hold them are
   indexed again (digest.site.search);
5. once the check has passed, the output is copied into a fresh folder beside the site folder,
   which then replaces the site: a failed check or build leaves the old site as it was.

What a build depends on besides the staged files (the engine's configuration, the theme
overrides, the search engine, the version of this package) is hashed into a signature kept in
`.digest-cache/state.json`; a build whose signature differs from the last one is a full build,
so a cached folder can never give a stale site.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.errors import DigestError, Problem, ValidationFailed
from digest.site import checking, entry_reading, lunr, publish, search, staging, treesync
from digest.site import settings as site_settings
from digest.site.engines import Engine, Project, get_engine
from digest.site.progress import Progress, Silent
from digest.site.publish import exchange as _exchange
from digest.text.children import orphan_safe
from digest.text.files import atomic_write
from digest.text.siteconfig import (
    CONFIG_FILE,
    DOCS_DIR,
    SOURCES_DIR,
    ConfigError,
    docs_dir_of,
    read_site_config,
    site_dir_of,
)

DEFAULT_CONFIG = Path(CONFIG_FILE)
DEFAULT_DOCS = Path(DOCS_DIR)
# Source snapshots: the extracted text of each entry's article, `sources/<entry stem>.txt`, used
# to check that quotes and figures occur in the source. Written by `digest add --snapshot`.
DEFAULT_SOURCES = Path(SOURCES_DIR)
CACHE_DIR = ".digest-cache"  # beside mkdocs.yml: the staging tree and the engines' output
STATE_FILE = "state.json"
INDEXED_PAGES = "indexed.json"  # hash of each page Pagefind indexed, as the engine wrote it
PAGE_MEMO = "pages.json"  # inputs of each staged entry page (staging.PageMemo)
ENTRIES_CACHE = "entries.json"  # parsed entries by the hash of their file (staging.read_items)
CHECK_CACHE = "check.json"  # each entry file's own problems (digest.archive.check_cache)
# Material prints a multi-line banner about its successor on every build; it is not a warning
# about this site, so it is switched off to keep build logs readable.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}
SITE_MODE = 0o755  # the site folder's permissions, as `mkdocs build` would make it
# Bump when the staged tree or the build's steps change meaning: every cache becomes stale.
FORMAT = 1


def check_archive(paths: list[Path], sources_dir: Path | None = None) -> None:
    """Raise ValidationFailed with every problem in the entries under `paths`."""
    problems = _problems(paths, sources_dir)
    if problems:
        raise ValidationFailed(problems)


def _problems(paths: list[Path], sources_dir: Path | None) -> list[Problem]:
    return checking.problems_of(paths, sources_dir)


def configured_site_dir(config: Path) -> Path:
    """The site folder mkdocs.yml names (`site_dir`, default "site" beside it)."""
    try:
        return site_dir_of(config, read_site_config(config))
    except ConfigError as exc:
        raise DigestError(str(config), str(exc).removeprefix(f"{config}: ")) from None


@dataclass
class BuildResult:
    """What a build did (for the CLI's summary line and the benchmark)."""

    site: Path
    engine: str
    incremental: bool
    entries: int = 0
    staged_written: int = 0
    staged_removed: int = 0
    shards_indexed: list[str] = field(default_factory=list)
    output: Path | None = None  # the engine's output folder, kept between builds
    started_ns: int = 0  # when the engine started

    @property
    def pages_built(self) -> int:
        """HTML pages the engine wrote in this run (counted when asked: a walk of the whole
        output, some 17,000 files at 10,000 entries, which no build step needs)."""
        if self.output is None:
            return 0
        return _count_new_pages(self.output, self.started_ns)


def check_and_build(
    config: Path = DEFAULT_CONFIG,
    site_dir: Path | None = None,
    sources_dir: Path | None = None,
    *,
    engine: str = "mkdocs",
    full: bool = False,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    check: bool = True,
) -> Path:
    """`digest build` (see the module docstring); returns the site folder."""
    return build_site(
        config, site_dir, sources_dir, engine=engine, full=full, cache_dir=cache_dir,
        progress=progress, check=check,
    ).site


def build_site(
    config: Path = DEFAULT_CONFIG,
    site_dir: Path | None = None,
    sources_dir: Path | None = None,
    *,
    engine: str = "mkdocs",
    full: bool = False,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    check: bool = True,
    lift_blocks: bool | None = None,
) -> BuildResult:
    """`digest build` (see the module docstring). `lift_blocks` overrides the engine's own
    `lifts_blocks` (tests compare the two sites)."""
    progress = progress or Silent()
    try:
        site_config = read_site_config(config)
    except ConfigError as exc:
        raise DigestError(str(config), str(exc).removeprefix(f"{config}: ")) from None
    try:
        chosen = get_engine(engine)
    except ValueError as exc:
        raise DigestError("--engine", str(exc)) from None
    if (missing := chosen.missing()) is not None:
        raise DigestError(f"--engine {engine}", missing)
    final = site_dir if site_dir is not None else site_dir_of(config, site_config)
    docs = docs_dir_of(config, site_config)
    root = (cache_dir if cache_dir is not None else config.parent / CACHE_DIR).resolve()
    # Each engine its own staged tree (the trees differ in their theme overrides and in how
    # their HTML links are written: staging.make_href), side by side in one cache folder.
    project = Project.at(root / engine)
    settings = site_settings.settings_of(site_config, str(config))

    code = staging.code_version()
    with checking.Checking(docs, sources_dir, enabled=check, cache=root / CHECK_CACHE) as checks:
        with progress.stage("reading entries", total=len(entry_reading.entry_files(docs))) as bar:
            hashes: dict[str, str] = {}
            items = entry_reading.read_items(
                docs, cache=root / ENTRIES_CACHE, progress=bar.update, hashes=hashes
            )
        search_engine = search.resolve_engine(settings.search, len(items), settings.pagefind_from)
        options = site_settings.stage_options(
            site_config, search_engine, settings, html_links=chosen.html_links,
            lift_blocks=chosen.lifts_blocks if lift_blocks is None else lift_blocks,
        )
        memo = staging.PageMemo(project.root / engine / PAGE_MEMO, project.docs, code)
        with progress.stage("rendering pages", total=None):
            staged = staging.stage_site(
                docs, options, items=items, memo=memo, entry_hashes=hashes
            )
        with progress.stage("writing staged files", total=len(staged.files)) as bar:
            memo.forget()
            # in place (not atomically): nothing in the staged tree is vouched for until
            # memo.save() below, nor the engine's output until the build has succeeded
            changes = treesync.sync_tree(project.docs, staged.files, bar.update, atomic=False)
            memo.save()
            custom = _custom_dir(config, site_config)
            overrides = treesync.theme_overrides(search_engine, custom)
            treesync.sync_tree(project.overrides, chosen.adapt_overrides(overrides, site_config))
        engine_config = chosen.write_config(site_config, project)
        state = _load_state(root)
        signature = _signature(engine, engine_config, project.overrides, search_engine)
        previous = state.get(engine, {})
        files = sorted(staged.files)
        reusable = _output_reusable(chosen, search_engine)
        incremental = (
            not full
            and reusable
            and previous.get("signature") == signature
            and project.site.is_dir()
            and not set(previous.get("files", [])) - set(files)  # removed pages: full
        )
        state.pop(engine, None)  # until this build succeeds, the cache is not trusted
        _save_state(root, state)
        result = BuildResult(
            site=final, engine=engine, incremental=incremental, entries=len(items),
            staged_written=len(changes.written), staged_removed=len(changes.removed),
        )
        started = time.time_ns()
        label = "engine build" + (" (incremental)" if incremental else " (full)")
        checks.start()  # beside the engine, while this thread waits for it
        with progress.stage(f"{engine}: {label}"):
            _run_engine(chosen, engine_config, project, incremental)
        result.output, result.started_ns = project.site, started
        if staged.search_docs:  # entry pages the engine's lunr index was kept from
            urls = {staging.page_url(src, options.directory_urls): src
                    for src in staged.files if src.endswith(".md")}
            lunr.merge_index(project.site, staged.search_docs, urls)
        if search_engine == "pagefind":
            with progress.stage("pagefind: search index"):
                result.shards_indexed = _index(
                    project.site, staged, options, started, incremental,
                    project.root / engine / INDEXED_PAGES,
                )
        with progress.stage("check"):
            problems = checks.checked()
        if problems:
            raise ValidationFailed(problems)
    state[engine] = {"signature": signature, "files": files}
    _save_state(root, state)
    with progress.stage("publishing the site"):
        moved = _publish(project.site, final, move=not reusable, cache=root)
    if moved:
        result.output = final  # the engine's files, now the site's (same times)
    return result


def _output_reusable(engine: Engine, search_engine: str) -> bool:
    """Whether a later build can build incrementally on this build's engine output (kept in
    the staging folder). MkDocs with lunr cannot (see mkdocs_engine): it always builds in full,
    so its output is moved into the site instead of copied (`_publish`)."""
    return engine.incremental and (search_engine == "pagefind" or engine.name != "mkdocs")


# -- the engine --------------------------------------------------------------------------------


def _run_engine(engine: Engine, config: Path, project: Project, incremental: bool) -> None:
    project.site.mkdir(parents=True, exist_ok=True)
    command = engine.command(config, incremental=incremental)
    child = subprocess.Popen(  # dies with this process, even on kill -9 (digest.text.children)
        orphan_safe(command), cwd=project.root, env=_env(), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, errors="replace",
    )
    try:
        output, _ = child.communicate()
    except BaseException:
        child.terminate()
        child.wait()
        raise
    problems = engine.problems(output, incremental=incremental)
    if child.returncode != 0 or problems:
        lines = problems or [line for line in output.splitlines() if line.strip()][-15:]
        detail = "\n  ".join(lines)
        status = f"exit status {child.returncode}" if child.returncode else "warnings"
        raise DigestError(engine.name, f"the {engine.name} build failed ({status}):\n  {detail}")


def _env() -> dict[str, str]:
    return {**os.environ, **BUILD_ENV}


def _count_new_pages(site: Path, since_ns: int) -> int:
    count = 0
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(".html") and os.stat(path).st_mtime_ns >= since_ns:
                count += 1
    return count


def _index(
    site: Path, staged: staging.StagedSite, options: staging.StageOptions, since_ns: int,
    incremental: bool, record: Path,
) -> list[str]:
    """Mark the pages for Pagefind and index the shards whose pages changed (every shard after
    a full build). A page counts as changed when its text, as the engine wrote it, differs from
    the last build's (hashes kept in `record`): MkDocs writes only the pages it rebuilt, Zensical
    writes every page again, the same bytes for most. Returns the shards indexed."""
    pages = sorted(staging.output_path(src, options.directory_urls) for src in staged.indexed)
    old: dict[str, str] = {}
    if incremental:
        try:
            old = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
    new: dict[str, str] = {}
    changed: list[str] = []
    for rel in pages:
        path = site / rel
        if rel in old and path.stat().st_mtime_ns < since_ns:
            new[rel] = old[rel]  # not written in this run: as marked and indexed last time
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DigestError(str(path), "the engine did not write this page") from None
        written = text.replace(search.MARKED, search.ARTICLE, 1)  # as the engine wrote it
        new[rel] = hashlib.blake2b(written.encode("utf-8"), digest_size=20).hexdigest()
        if search.MARKED not in text:
            search.mark_pages(site, [rel])
        if old.get(rel) != new[rel]:
            changed.append(rel)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(new), encoding="utf-8")
    shards, tops = search.plan_shards(pages)
    manifest = site / search.PAGEFIND_DIR / search.SHARDS_FILE
    only: set[str] | None = None
    if incremental and manifest.is_file():
        only = {search.shard_of(rel) for rel in changed}
        if not only:
            return []
    return sorted(search.index_site(site, shards, tops, only=only))


# -- state and signature -------------------------------------------------------------------------


def _signature(engine: str, config: Path, overrides: Path, search_engine: str) -> str:
    """What the engine's output depends on besides the staged files."""
    from importlib import metadata

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{engine}\0{search_engine}\0".encode())
    for package in ("mkdocs", "mkdocs-material", "zensical", "pagefind-bin", "silicon-digest"):
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-\0".encode())
    digest.update(config.read_bytes())
    for path in sorted(p for p in overrides.rglob("*") if p.is_file()):
        digest.update(path.relative_to(overrides).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load_state(root: Path) -> dict[str, Any]:
    try:
        data = json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_state(root: Path, state: dict[str, Any]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    atomic_write(root / STATE_FILE, json.dumps(state), durable=False)


def _custom_dir(config: Path, site_config: dict[str, Any]) -> Path | None:
    theme = site_config.get("theme")
    name = theme.get("custom_dir") if isinstance(theme, dict) else None
    return config.parent / name if isinstance(name, str) and name else None


# -- publishing ----------------------------------------------------------------------------------


def _publish(output: Path, final: Path, *, move: bool = False, cache: Path | None = None) -> bool:
    """Copy the engine's output into a fresh folder beside the site, then swap it in. Under an
    flock on the site's parent folder: folders a killed build left there (`.site-build-*`,
    `.site-old-*`) are removed first, and two builds never publish at once.

    A file the previous site already has with the same size and modification time (copied from
    this output, and not written by the engine since) is hard-linked from there instead of
    copied: the published files are copies the engine never writes into, so a link to one
    cannot change under the published site, and an incremental build copies what changed.

    With `move` (no later build reuses the output), the output folder itself becomes the fresh
    folder, renamed into place: nothing is copied (at 1,000 entries some 2,600 files and 3,600
    folders, 1.7 CPU s on this machine). Returns whether it was moved (not where the site is on
    another file system than the output: then it is copied).

    With `cache` (the build cache folder) and an output a later build reuses, the site swapped
    out is kept there as the spare copy of the new site (digest.site.publish), and the next
    build brings that up to date with what changed and swaps it in, instead of making every
    folder and file of the site again."""
    final.parent.mkdir(parents=True, exist_ok=True)
    with _folder_lock(final.parent):
        remove_leftovers(final)
        spare = None if cache is None else publish.Spare(cache, output, final)
        now = None
        if spare is not None and move:
            spare.discard()  # the output it was made from is going
        elif spare is not None:
            now = publish.walk(output)
            if spare.publish(now):
                return False
        fresh = Path(tempfile.mkdtemp(prefix=f".{final.name}-build-", dir=final.parent))
        if move:
            try:
                output.replace(fresh)  # fresh is an empty folder: replaced by the output
            except OSError:  # another file system: copy as below
                move = False
        previous = final if final.is_dir() and not final.is_symlink() else None
        try:
            fresh.chmod(SITE_MODE)  # mkdtemp's folder is private; the site is served to everyone
            if not move:
                _publish_tree(str(output), str(fresh), None if previous is None else str(previous))
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        old = _replace(final, fresh)
        if spare is not None and now is not None:
            # the spare for the next build: the site swapped out, or a new one (a first build)
            made = spare.keep(old, now) if old is not None else spare.make(now)
            if old is not None and not made:
                shutil.rmtree(old, ignore_errors=True)
        elif old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return move


def remove_leftovers(final: Path) -> list[Path]:
    """Remove the fresh and old site folders an interrupted build left beside `final` (call with
    the parent folder's lock held). If the site itself is missing (killed between the two
    renames of the fallback swap), the old site is put back first."""
    leftovers = sorted(final.parent.glob(f".{final.name}-build-*"))
    olds = sorted(final.parent.glob(f".{final.name}-old-*"))
    if not final.exists() and olds:
        olds[-1].rename(final)
        olds = olds[:-1]
    for folder in [*leftovers, *olds]:
        shutil.rmtree(folder, ignore_errors=True)
    return [*leftovers, *olds]


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _publish_tree(source: str, target: str, published: str | None) -> None:
    """Copy (or link, see `_publish`) the folder `source` into the existing folder `target`;
    `published`: the same folder in the previous site, if it has one. Plain strings and
    os.scandir: some 17,000 files and 13,000 folders at 10,000 entries."""
    with os.scandir(source) as entries:
        for entry in entries:
            into = os.path.join(target, entry.name)
            old = None if published is None else os.path.join(published, entry.name)
            if entry.is_dir(follow_symlinks=False):
                os.mkdir(into)
                _publish_tree(entry.path, into, old)
            elif entry.is_dir():  # a link to a folder: not followed (as os.walk did not)
                continue
            else:
                _publish_file(entry.path, into, old, entry.stat())


def _publish_file(
    source: str, target: str, published: str | None, stat: os.stat_result | None = None
) -> None:
    stat = stat or os.stat(source)
    if published is not None:
        try:
            old = os.stat(published)
        except OSError:
            old = None
        if old is not None and (old.st_mtime_ns, old.st_size) == (stat.st_mtime_ns, stat.st_size):
            try:
                os.link(published, target)
                return
            except OSError:  # another file system, or no hard links: copy
                pass
    shutil.copy2(source, target)


def _replace(final: Path, fresh: Path) -> Path | None:
    """Move `fresh` to `final`; returns the folder now holding the previous site (None when
    there was none), for the caller to remove or keep. The swap is one atomic exchange where
    the system has it (Linux renameat2): no moment without a site, whenever the build is
    killed; else two renames, and a build killed between them leaves the old site where
    `remove_leftovers` puts it back."""
    if not final.exists():
        fresh.rename(final)
        return None
    if _exchange(fresh, final):
        return fresh  # now holds the previous site
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}-old-", dir=final.parent))
    old.rmdir()
    final.rename(old)
    fresh.rename(final)
    return old


def serve_site(config: Path = DEFAULT_CONFIG, address: str = "127.0.0.1:8000") -> int:
    """Live preview (digest.site.preview): a new entry's page within seconds, the whole site rebuilt
    in the background; returns the exit status."""
    import logging

    from digest.site.preview import serve

    # (no os.environ change: the engines run as child processes with _env(); Material prints
    # its banner only when started as `mkdocs`)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return serve(config, address)
