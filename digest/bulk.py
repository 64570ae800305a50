"""Bulk ingest: many inputs through the pipeline on every core, with a content-hash cache.

`digest_many` yields `(source, Digested | DigestError)` for each input, in input order, as soon
as that input and every one before it are done. One bad input gives its own error and never
stops the others, nor the pool: a worker that dies (a crash in a C extension, the OOM killer)
costs a fresh pool and a retry of its chunk one input at a time.

The cache maps sha256(version key + the input's bytes) to the digest result as JSON, so a file
whose bytes have not changed is never extracted twice. The version key is the package version
plus a hash of the vocabulary file and of the package's own modules: a new vocabulary or new
code invalidates every entry. Only local files are cached: a URL's bytes are known only after
fetching it, and naming a URL asks for a fresh fetch.

    cache_dir/ab/ab12...ef.json     one file per input content, written atomically
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from digest import __version__, errors
from digest.errors import DigestError
from digest.ingest.reading import ReadOptions
from digest.pipeline import Digested, from_json, process, to_json
from digest.text.children import die_with_parent
from digest.text.files import atomic_write, read_regular_file
from digest.text.siteconfig import INPUT_CACHE_DIR
from digest.text.urls import without_credentials

DEFAULT_CACHE_DIR = Path(INPUT_CACHE_DIR)
CACHE_FORMAT = 3  # bump when the JSON layout (digest.pipeline.to_json) changes
CHUNK_SIZE = 4  # inputs per task: amortises pickling without starving a core at the end
IN_FLIGHT_PER_JOB = 2  # chunks queued per worker, so a worker never waits for the parent
URL_PREFIXES = ("http://", "https://")

Result = Digested | DigestError
Progress = Callable[[int], None]  # called with 1 per finished input (click's bar.update fits)


def digest_many(
    sources: Sequence[str],
    *,
    jobs: int | None = os.cpu_count(),
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[str, Result]]:
    """Digest every source (paths or URLs) on `jobs` processes, in input order.
    `cache_dir=None` switches the cache off; `jobs=1` runs in this process."""
    options = options or ReadOptions()
    keys = [_cache_key(s, options) if cache_dir is not None else None for s in sources]
    cached: dict[int, Result] = {}
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = _cache_read(cache_dir, key, sources[i]) if cache_dir and key else None
        if hit is not None:
            cached[i] = hit
        else:
            todo.append(i)
    fresh = _run(sources, todo, options, jobs or 1)
    for i, source in enumerate(sources):
        if i in cached:
            result = cached.pop(i)
        else:
            index, result = next(fresh)
            assert index == i, "results arrive in input order"
            if cache_dir is not None and keys[i] and isinstance(result, Digested):
                _cache_write(cache_dir, keys[i], result)
        if progress is not None:
            progress(1)
        yield source, result


# --- running ------------------------------------------------------------------------------------


def _run(
    sources: Sequence[str], todo: list[int], options: ReadOptions, jobs: int
) -> Iterator[tuple[int, Result]]:
    if jobs <= 1 or len(todo) <= 1:
        for i in todo:
            yield i, _digest_one(sources[i], options)
        return
    chunks = [todo[k : k + CHUNK_SIZE] for k in range(0, len(todo), CHUNK_SIZE)]
    workers = min(jobs, len(chunks))
    pool = _Pool(workers, sources, options)
    queue: deque[_Task] = deque()
    pending = iter(chunks)
    interrupted = False
    try:
        while True:
            for chunk in islice(pending, jobs * IN_FLIGHT_PER_JOB - len(queue)):
                queue.append(pool.submit(chunk))
            if not queue:
                return
            task = queue.popleft()
            results = task.results()
            if results is None:  # the pool broke: a worker died on this chunk or another one
                if task.generation == pool.generation:
                    pool.restart()
                    queue = deque(pool.submit(t.chunk) if t.failed() else t for t in queue)
                results = [_isolated(sources[i], options) for i in task.chunk]
            yield from zip(task.chunk, (_unpack(r) for r in results), strict=True)
    except (KeyboardInterrupt, SystemExit):  # Ctrl-C or SIGTERM: leave at once
        interrupted = True
        raise
    finally:
        # Finished, or abandoned by a caller that stopped reading (GeneratorExit): the rest is
        # cancelled and the pool's thread joined here. Left running, that thread can close its
        # wakeup pipe while the interpreter's exit hook writes to it (CPython 3.11's
        # concurrent.futures race): "Exception ignored in threading._shutdown ... OSError: Bad
        # file descriptor" on stderr after the command's own one-line error.
        pool.shutdown(wait=not interrupted)


@dataclass(slots=True)
class _Task:
    chunk: list[int]
    future: Future[list[Any]] | None  # None: the pool was already broken at submission
    generation: int

    def results(self) -> list[Any] | None:
        try:
            return self.future.result() if self.future is not None else None
        except BrokenProcessPool:
            return None

    def failed(self) -> bool:
        f = self.future
        return f is None or not f.done() or f.exception() is not None


class _Pool:
    """A process pool that can be replaced when a worker dies; `generation` counts the pools."""

    def __init__(self, workers: int, sources: Sequence[str], options: ReadOptions) -> None:
        self.workers, self.sources, self.options = workers, sources, options
        self.generation = 0
        self.executor = _executor(workers)

    def submit(self, chunk: list[int]) -> _Task:
        try:
            items = [self.sources[i] for i in chunk]
            future = self.executor.submit(_digest_chunk, items, self.options)
        except BrokenProcessPool:
            future = None
        return _Task(chunk, future, self.generation)

    def restart(self) -> None:
        self.shutdown()
        self.executor = _executor(self.workers)
        self.generation += 1

    def shutdown(self, wait: bool = False) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _executor(workers: int) -> ProcessPoolExecutor:
    """A pool whose workers die with this process: a `kill -9` of the batch leaves none running
    (digest.text.children)."""
    return ProcessPoolExecutor(
        max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
    )


def _isolated(source: str, options: ReadOptions) -> Any:
    """One input in a process of its own: a crash then names its input and nothing else."""
    with _executor(1) as alone:
        try:
            return alone.submit(_digest_chunk, [source], options).result()[0]
        except BrokenProcessPool:
            return ("DigestError", source, "the worker process died while digesting this input")


def _digest_chunk(sources: list[str], options: ReadOptions) -> list[Any]:
    """In a worker: digest each source; errors travel as plain tuples (DigestError's two-argument
    constructor does not survive pickling)."""
    out: list[Any] = []
    for source in sources:
        result = _digest_one(source, options)
        if isinstance(result, DigestError):
            out.append((type(result).__name__, result.source, result.message))
        else:
            out.append(result)
    return out


def _unpack(item: Any) -> Result:
    if isinstance(item, tuple):
        name, source, message = item
        cls = getattr(errors, name, DigestError)
        ok = isinstance(cls, type) and issubclass(cls, DigestError)
        if not ok or cls is errors.ValidationFailed:
            cls = DigestError
        return cls(source, message)
    return item


def _digest_one(source: str, options: ReadOptions) -> Result:
    try:
        return process(source, options)
    except DigestError as exc:
        return exc
    except Exception as exc:
        # a bug in a stage met on this input only (RecursionError on deep markup, an IndexError
        # in a heuristic): reported with its input and its type, never a crash of the batch
        return DigestError(
            without_credentials(source), f"internal error: {type(exc).__name__}: {exc}"
        )


# --- the cache ----------------------------------------------------------------------------------


@cache
def version_key() -> str:
    """Package version + hashes of the vocabulary file and the package's modules."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(str(resources.files("digest")))
    for data in sorted(package.rglob("*.yml")):
        digest.update(data.name.encode() + data.read_bytes())
    for module in sorted(package.rglob("*.py")):
        digest.update(str(module.relative_to(package)).encode() + module.read_bytes())
    return f"{__version__}-{CACHE_FORMAT}-{digest.hexdigest()[:16]}"


def _cache_key(source: str, options: ReadOptions) -> str | None:
    """sha256 of version key + bytes for a readable local file under the size cap; else None."""
    if source == "-" or source.lower().startswith(URL_PREFIXES):
        return None
    try:
        data = read_regular_file(source, options.max_bytes)  # never blocks on a FIFO
    except OSError:
        return None  # not a readable regular file: the pipeline reports why
    if len(data) > options.max_bytes:
        return None
    return hashlib.sha256(version_key().encode() + b"\0" + data).hexdigest()


def _cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.json"


def _cache_read(cache_dir: Path, key: str, source: str) -> Digested | None:
    try:
        data = json.loads(_cache_path(cache_dir, key).read_text(encoding="utf-8"))
        return from_json(data, source)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or unreadable: digest again


def _cache_write(cache_dir: Path, key: str, result: Digested) -> None:
    target = _cache_path(cache_dir, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(to_json(result), ensure_ascii=False), durable=False)
    except OSError:
        pass  # a cache that cannot be written only costs time
