"""`digest serve`: a live preview in which a new entry shows within seconds at any archive size.

A full build of a large archive takes minutes, so the preview works on two paths:

- fast: when entry files appear or change under docs/posts/, a small staging tree of just those
  entries (digest.site.staging; the other pages of docs/ linked in) is built by MkDocs in this
  process, whose imports are warm, and their pages are copied into the served site. The page
  lacks only what depends on the rest of the archive ("Also covered by" other outlets).
- full: `digest build` runs in a child process into a fresh folder (incremental from its cache,
  so only what changed is rebuilt); the served folder (a symbolic link) switches to it when it
  is done, and browsers reload.

The server is MkDocs' own live-reload server; it serves the folder the link points to.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

from digest.text.children import orphan_safe
from digest.text.files import replace_symlink
from digest.text.siteconfig import POSTS_DIR, SITE_DIR, docs_dir_of, read_site_config
from digest.text.terminal import terminal_safe

log = logging.getLogger("digest.site.preview")

WORK_PREFIX = "digest-serve-"  # the preview's work folder, in the system's temporary folder
ALIVE_FILE = "alive.lock"  # locked by the preview while it runs
STALE_AFTER_SECONDS = 60  # an unlocked work folder older than this belongs to a killed preview
SIGNAL_FILE = "full-build-done"  # touched when a full build is in place: browsers reload
# MkDocs prints a banner about its successor on every build (see digest.site.build.BUILD_ENV).
CHILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}

Snapshot = dict[str, tuple[int, int]]  # {file name: (mtime ns, size)}


def _snapshot(folder: Path) -> Snapshot:
    if not folder.is_dir():
        return {}
    return {e.name: (e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(folder)}


class Preview:
    """The served site and the two ways of bringing it up to date."""

    def __init__(self, config_file: Path) -> None:
        self.config_file = config_file.resolve()
        raw = read_site_config(self.config_file)
        self.docs_dir = Path(os.path.realpath(docs_dir_of(self.config_file, raw)))  # no loop error
        path = urllib.parse.urlsplit(raw.get("site_url") or "/").path
        self.mount_path = path if path.endswith("/") else path + "/"
        remove_stale_work_folders()
        self.work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX))
        self._work_lock = _hold_lock(self.work)  # tells later previews this one is alive
        self.link = self.work / SITE_DIR  # -> the folder of the latest full build
        self.signal = self.work / "signal"
        self.signal.mkdir()
        self.posts = _snapshot(self.docs_dir / POSTS_DIR)
        self.others = self._other_files()
        self._builds = 0
        self._lock = threading.Lock()  # the link and the pages written by the fast path
        self._fresh: dict[str, bytes] = {}  # fast-path pages written since the last full build
        self._full_wanted = threading.Event()
        self._full_thread: threading.Thread | None = None
        self._fast_config: Any = None  # the small project's last config (for its shutdown)
        self._child: subprocess.Popen[bytes] | None = None  # the running full build

    def close(self) -> None:
        """Stop a running full build, shut the small project's plugins down, remove the
        preview's folders."""
        if self._child is not None and self._child.poll() is None:
            self._child.terminate()
            self._child.wait(timeout=30)
        if self._fast_config is not None:
            self._fast_config.plugins.on_shutdown()
        shutil.rmtree(self.work, ignore_errors=True)
        os.close(self._work_lock)

    # -- the check -----------------------------------------------------------------------------

    def check(self) -> bool:
        """`digest check` on the archive, as `digest build` runs it: each problem is logged as
        one line; False when there is any (nothing is built from the entries then)."""
        from digest.archive.validate import check_paths
        from digest.site.build import DEFAULT_SOURCES

        sources = self.config_file.parent / DEFAULT_SOURCES
        problems = check_paths([self.docs_dir], sources_dir=sources if sources.is_dir() else None)
        for problem in problems:
            log.error("%s", terminal_safe(str(problem), 2000))
        if problems:
            log.error("%d problem(s) found; the site is not rebuilt until they are fixed",
                      len(problems))
        return not problems

    # -- full builds -------------------------------------------------------------------------

    def full_build(self) -> bool:
        """Build the whole site in a child process and serve it; False if the build failed."""
        self._builds += 1
        target = self.work / f"build-{self._builds}"
        with self._lock:
            self._fresh = {}
        command = [sys.executable, "-m", "digest", "build"]
        command += ["--config", str(self.config_file), "--site-dir", str(target)]
        self._child = subprocess.Popen(  # dies with the preview, even on kill -9
            orphan_safe(command), env={**os.environ, **CHILD_ENV}
        )
        returncode = self._child.wait()
        if returncode != 0:
            log.error("full build failed (exit status %d)", returncode)
            shutil.rmtree(target, ignore_errors=True)
            return False
        with self._lock:
            for rel, content in self._fresh.items():  # entries added while it ran
                page = target / rel
                if not page.exists():
                    page.parent.mkdir(parents=True, exist_ok=True)
                    page.write_bytes(content)
            old = self.link.resolve() if self.link.is_symlink() else None
            replace_symlink(self.link, target)
        if old is not None and old != target:
            shutil.rmtree(old, ignore_errors=True)
        return True

    def _full_loop(self) -> None:
        while self._full_wanted.wait(timeout=None):
            self._full_wanted.clear()
            if self.full_build():
                (self.signal / SIGNAL_FILE).write_text(str(self._builds), encoding="utf-8")

    def request_full_build(self) -> None:
        self._full_wanted.set()
        if self._full_thread is None:
            self._full_thread = threading.Thread(target=self._full_loop, daemon=True)
            self._full_thread.start()

    # -- the fast path -----------------------------------------------------------------------

    def fast_build(self, names: list[str], *, publish: bool = True) -> list[str]:
        """Build the pages of the entries `names` (files in docs/posts/) and, with `publish`,
        copy them into the served site; returns their paths in the site. The small project is
        kept between calls and built `--dirty`: pages whose staged file did not change (About,
        Tags...) are not built again."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        from digest.site import entry_reading, sitepages, staging, treesync
        from digest.site import settings as site_settings
        from digest.site.engines import Project
        from digest.site.engines.mkdocs_engine import MkDocsEngine

        root = self.work / "fast"
        docs = root / "entries"
        posts = docs / POSTS_DIR
        dirty = docs.is_dir()
        if not dirty:
            posts.mkdir(parents=True)
            for item in self.docs_dir.iterdir():
                if item.name != POSTS_DIR:
                    (docs / item.name).symlink_to(item, target_is_directory=item.is_dir())
        for old in posts.iterdir():
            old.unlink()
        for name in names:
            shutil.copy(self.docs_dir / POSTS_DIR / name, posts / name)
        site_config = read_site_config(self.config_file)
        settings = site_settings.settings_of(site_config, str(self.config_file))
        engine = self.search_engine(settings)
        items = entry_reading.read_items(docs)
        options = site_settings.stage_options(site_config, engine, settings)
        staged = staging.stage_site(docs, options, items=items)
        project = Project.at(root)
        treesync.sync_tree(project.docs, staged.files)
        treesync.sync_tree(project.overrides, treesync.theme_overrides(engine))
        config = load_config(
            str(MkDocsEngine().write_config(site_config, project)), strict=False
        )
        # MkDocs keeps plugin instances between loads of the same config (as `mkdocs serve`
        # does between rebuilds): their on_shutdown runs once, when the preview stops.
        config.plugins.on_startup(command="build", dirty=dirty)
        self._fast_config = config
        # The small project's own notices (links to pages it lacks, the dirty-build warning)
        # say nothing about the site: only its errors are shown.
        mkdocs_log = logging.getLogger("mkdocs")
        level = mkdocs_log.level
        mkdocs_log.setLevel(logging.ERROR)
        try:
            build(config, dirty=dirty)
        finally:
            mkdocs_log.setLevel(level)
        site = project.site
        pages = [staging.output_path(sitepages.entry_src(item.entry)) for item in items]
        if publish:
            with self._lock:
                served = self.link.resolve()
                for rel in pages:
                    content = (site / rel).read_bytes()
                    (served / rel).parent.mkdir(parents=True, exist_ok=True)
                    (served / rel).write_bytes(content)
                    self._fresh[rel] = content
        return pages

    def search_engine(self, settings: Any) -> str:
        """The whole archive's search engine: the small project's pages get its search box
        (`auto` would pick lunr for a handful of entries)."""
        from digest.site.search import resolve_engine

        count = sum(1 for _ in (self.docs_dir / POSTS_DIR).rglob("*.md"))
        return resolve_engine(settings.search, count, settings.pagefind_from)

    def warm_up(self) -> None:
        """One fast build of the newest entry, not published: imports, templates and the small
        project are ready when the first new entry comes."""
        names = sorted(n for n in self.posts if n.endswith(".md"))
        if names:
            try:
                self.fast_build(names[-1:], publish=False)
            except (Exception, SystemExit) as exc:
                log.warning("fast path unavailable (%s); changes wait for full builds", exc)

    # -- what changed ------------------------------------------------------------------------

    def _other_files(self) -> Snapshot:
        """Everything the site depends on besides the entries: docs/ outside posts/, mkdocs.yml."""
        found: Snapshot = {}
        for dirpath, dirnames, filenames in os.walk(self.docs_dir):
            if Path(dirpath) == self.docs_dir:
                dirnames[:] = [d for d in dirnames if d != POSTS_DIR]
            for name in filenames:
                stat = os.stat(os.path.join(dirpath, name))
                found[os.path.join(dirpath, name)] = (stat.st_mtime_ns, stat.st_size)
        stat = self.config_file.stat()
        found[str(self.config_file)] = (stat.st_mtime_ns, stat.st_size)
        return found

    def on_change(self) -> None:
        """The live-reload server's builder: fast path for new or changed entries, then a full
        build in the background; anything else only takes the full build."""
        posts = _snapshot(self.docs_dir / POSTS_DIR)
        changed = sorted(
            name
            for name, stamp in posts.items()
            if name.endswith(".md") and self.posts.get(name) != stamp
        )
        removed = set(self.posts) - set(posts)
        self.posts = posts
        others = self._other_files()
        other_changed = others != self.others
        self.others = others
        if other_changed:  # the small project links docs/ as it was: set it up again
            shutil.rmtree(self.work / "fast", ignore_errors=True)
        if (changed or removed or other_changed) and not self.check():
            return  # the served site stays as it was until the archive passes again
        if changed:
            try:
                for page in self.fast_build(changed):
                    log.info("fast path: %s", page)
            except (Exception, SystemExit) as exc:  # the full build reports the problem
                log.warning("fast path failed (%s); waiting for the full build", exc)
        if changed or removed or other_changed:
            self.request_full_build()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(config_file: Path, address: str) -> int:
    """Build the site, serve it at `address` ("host:port") and keep it up to date."""
    from mkdocs.livereload import LiveReloadServer

    host, _, port = address.rpartition(":")
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a supervisor: clean up as on Ctrl-C
    preview = Preview(config_file)
    server = None
    try:
        if not preview.check():
            return 1
        log.info("building the site (the first build of a large archive takes a while)")
        if not preview.full_build():
            return 1
        preview.warm_up()
        server = LiveReloadServer(
            builder=preview.on_change,
            host=host or "127.0.0.1",
            port=int(port),
            root=str(preview.link),
            mount_path=preview.mount_path,
        )
        server.watch(str(preview.docs_dir))
        server.watch(str(preview.config_file))
        server.watch(str(preview.signal))
        server.serve()
    except KeyboardInterrupt:
        log.info("shutting down")
    finally:
        if server is not None:
            server.shutdown()
        preview.close()  # no digest-serve-* folder is left, however the preview ends
    return 0


def remove_stale_work_folders(parent: Path | None = None) -> list[Path]:
    """Remove the work folders of previews that were killed (kill -9 gives no chance to clean
    up) from `parent` (the system's temporary folder): a live preview holds an flock on its
    folder, a dead one's lock is free."""
    removed = []
    for folder in sorted((parent or Path(tempfile.gettempdir())).glob(f"{WORK_PREFIX}*")):
        try:
            if time.time() - folder.stat().st_mtime < STALE_AFTER_SECONDS:
                continue  # perhaps a preview starting now, before it takes its lock
        except OSError:
            continue
        try:
            fd = os.open(folder / ALIVE_FILE, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            fd = None  # killed before it took its lock
        except OSError:
            continue
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a running preview's
        else:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            if fd is not None:
                os.close(fd)
    return removed


def _hold_lock(folder: Path) -> int:
    """An flock on `folder`/ALIVE_FILE, held while the preview runs (a file, not the folder:
    `digest build` locks the folder it publishes into, which is this one)."""
    fd = os.open(folder / ALIVE_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd
