"""What `digest add` may write: only an entry that `digest check` would pass, written whole.

`repair_entry` makes the stated repairs, each reported as a note:

- Markdown link or image syntax in a text field is reduced to its text (`[Nvidia](https://...)`
  -> `Nvidia`): entries hold plain text, and check refuses link syntax there;
- a title over TITLE_MAX_CHARS is cut at the last word boundary that fits, with an ellipsis;
- a published date in the future or before EARLIEST_DATE (a parsing accident) is replaced by
  the `--date` given, or the entry is refused when there is none.

`admit` then writes it under an exclusive lock on the posts folder (flock on the folder itself:
no lock file to leave behind or commit), after running check's own rules on the text about to be
written, beside the entries it could duplicate: the one with the same URL (found through an
index of the archive's URLs, kept up to date under the lock, so a batch sees its own earlier
entries) and those of the same ISO week. Anything check would report refuses the entry with one
line, and nothing is written. With a snapshot, its file is staged first and moved into place only
once the entry is written, so a folder that cannot take it leaves no entry behind.

Under the lock, `.NAME.XXXXXXXX.tmp` files in the posts folder are leftovers of a killed run (a
live writer holds the lock): they are removed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import os
import re
from pathlib import Path
from types import TracebackType

from digest.archive.entry import URL_LINE, entry_filename, render_entry, write_entry_file
from digest.archive.field_checks import EARLIEST_DATE, FILE_NAME, FUTURE_GRACE, TITLE_MAX_CHARS
from digest.archive.validate import MD_LINK, check_new_entry
from digest.errors import DuplicateEntry, EntryError
from digest.models import Entry, Figure, Quote
from digest.text.files import TMP_NAME, commit_file, stage_file
from digest.text.normalize import collapse_whitespace
from digest.text.urls import normalize_url

ELLIPSIS = "…"
URL_HEAD_CHARS = 4000  # the front matter's url line is near the top (see entry.find_url)
_LINK_TEXT = re.compile(r"\A!?\[(?P<text>[^\]\n]*)\]")


# --- repairs ------------------------------------------------------------------------------------


def strip_link_syntax(value: str) -> str:
    """`value` with every Markdown link or image reduced to its text (inner links first)."""
    for _ in range(10):  # nested links unwrap one level a pass
        reduced = MD_LINK.sub(_link_text, value)
        if reduced == value:
            break
        value = reduced
    return collapse_whitespace(value)


def _link_text(match: re.Match[str]) -> str:
    inner = _LINK_TEXT.match(match.group())
    return inner["text"] if inner else match.group()


def cut_title(title: str, limit: int = TITLE_MAX_CHARS) -> str:
    """`title` cut at the last word boundary that leaves room for an ellipsis within `limit`."""
    if len(title) <= limit:
        return title
    room = title[: limit - len(ELLIPSIS) + 1]
    cut = room.rsplit(" ", 1)[0] if " " in room.strip() else room[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def repair_entry(
    entry: Entry, source: str, *, fallback_date: dt.date | None, today: dt.date | None = None
) -> tuple[Entry, list[str]]:
    """The entry with the stated repairs made, and a note for each; EntryError when it cannot
    be repaired (no title, an impossible date and no --date)."""
    today = today or dt.date.today()
    notes: list[str] = []

    def text(value: str, field: str) -> str:
        plain = strip_link_syntax(value)
        if plain != value and field not in noted:
            noted.add(field)
            notes.append(f"{field}: link syntax reduced to its text")
        return plain

    noted: set[str] = set()
    title = text(entry.title, "title")
    if not title:
        raise EntryError(source, "title: the article has no title once markup is removed")
    if len(title) > TITLE_MAX_CHARS:
        title = cut_title(title)
        notes.append(f"title: cut to {len(title)} characters at a word boundary")
    date = entry.date
    if date < EARLIEST_DATE or date > today + FUTURE_GRACE:
        when = "in the future" if date > today else f"before {EARLIEST_DATE.year}"
        if fallback_date is None:
            raise EntryError(
                source, f"date: the article's date {date} is {when}; give the right one with --date"
            )
        notes.append(f"date: {date} is {when}; using --date {fallback_date}")
        date = fallback_date
    repaired = dataclasses.replace(
        entry,
        title=title,
        date=date,
        source_name=text(entry.source_name, "source"),
        author=text(entry.author, "author") if entry.author else entry.author,
        summary=text(entry.summary, "summary"),
        quotes=[
            Quote(
                text(q.text, "quotes"),
                text(q.speaker, "quotes") if q.speaker else q.speaker,
                text(q.role, "quotes") if q.role else q.role,
                q.fragment,
            )
            for q in entry.quotes
        ],
        figures=[
            Figure(text(f.value, "figures"), text(f.context, "figures")) for f in entry.figures
        ],
    )
    return repaired, notes


# --- the lock and the archive's URLs ------------------------------------------------------------


class PostsLock:
    """An exclusive flock on the posts folder itself, for checking and writing entries; on
    entry, stale temporary files of killed runs are removed."""

    def __init__(self, posts_dir: Path) -> None:
        self.posts_dir = posts_dir
        self.fd: int | None = None

    def __enter__(self) -> PostsLock:
        self.fd = os.open(self.posts_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        remove_stale_temporaries(self.posts_dir)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock
            self.fd = None


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the atomic writer's leftovers in `folder` (call with the folder's lock held)."""
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for item in entries:
            if TMP_NAME.match(item.name) and item.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(item.path)
                    removed.append(Path(item.path))
    return removed


class UrlIndex:
    """The archive's entry files and their URLs (normalised), read once and then only for
    files that are new or changed: a batch of adds does not re-read the archive per entry."""

    def __init__(self, posts_dir: Path) -> None:
        self.posts_dir = posts_dir
        self.files: dict[Path, tuple[tuple[int, int], str | None]] = {}

    def refresh(self) -> None:
        seen: dict[Path, tuple[tuple[int, int], str | None]] = {}
        for path in self.posts_dir.rglob("*.md"):
            if any(part.startswith(".") for part in path.relative_to(self.posts_dir).parts):
                continue
            try:
                info = path.stat()
            except OSError:
                continue
            stamp = (info.st_mtime_ns, info.st_size)
            known = self.files.get(path)
            seen[path] = known if known and known[0] == stamp else (stamp, _read_url(path))
        self.files = seen

    def with_url(self, url: str) -> list[Path]:
        wanted = normalize_url(url)
        return sorted(p for p, (_, u) in self.files.items() if u == wanted)

    def same_week(self, date: dt.date) -> list[Path]:
        week = date.isocalendar()[:2]
        found = []
        for path in self.files:
            match = FILE_NAME.match(path.name)
            if not match:
                continue
            try:
                other = dt.date.fromisoformat(match["date"])
            except ValueError:
                continue
            if other.isocalendar()[:2] == week:
                found.append(path)
        return sorted(found)


def _read_url(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(URL_HEAD_CHARS)
    except OSError:
        return None
    match = URL_LINE.search(head)
    return normalize_url(match["url"]) if match else None


# --- writing ------------------------------------------------------------------------------------


def admit(
    entry: Entry,
    posts_dir: Path,
    index: UrlIndex,
    *,
    replace: bool = False,
    today: dt.date | None = None,
    snapshot: tuple[Path, str] | None = None,
) -> Path:
    """Write `entry` into `posts_dir` if check would pass it (see the module docstring);
    `snapshot` is (path, text) of the source snapshot written with it, all or nothing.
    DuplicateEntry or EntryError, with one line, and nothing written otherwise."""
    _ensure_folder(posts_dir)
    target = posts_dir / entry_filename(entry)
    text = render_entry(entry)
    with _os_errors(posts_dir), PostsLock(posts_dir):
        index.refresh()
        if not replace and target.exists():
            raise DuplicateEntry(str(target), "already exists (this article is in the archive)")
        same_url = [p for p in index.with_url(entry.url) if p != target] if entry.url else []
        if same_url:
            raise DuplicateEntry(entry.url or "", f"already in the archive as {same_url[0]}")
        neighbours = [p for p in index.same_week(entry.date) if p != target]
        problems = check_new_entry(text, target, neighbours, today=today)
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise EntryError(
                str(target), f"not written: digest check would refuse it: {first.field}: "
                f"{first.message}{more}"
            )
        staged = _stage(*snapshot) if snapshot is not None else None
        try:
            write_entry_file(target, text, exclusive=not replace)
        except BaseException:
            if staged is not None:
                _unlink(staged)
            raise
        if staged is not None and snapshot is not None:
            try:
                commit_file(staged, snapshot[0])
            except OSError as exc:
                _unlink(staged)
                _unlink(target)
                raise EntryError(str(snapshot[0]), f"cannot write: {exc.strerror}") from None
    return target


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise EntryError(str(folder), "is a file, not a folder; entries cannot go there") from None
    except OSError as exc:
        raise EntryError(str(folder), f"cannot create the folder: {exc.strerror}") from None
    if not folder.is_dir():
        raise EntryError(str(folder), "is not a folder; entries cannot go there")


@contextlib.contextmanager
def _os_errors(folder: Path):  # type: ignore[no-untyped-def]
    """An OSError while checking or writing is one EntryError line naming the file or folder."""
    try:
        yield
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else str(folder)
        if isinstance(exc.filename, str) and os.path.basename(exc.filename).startswith("."):
            where = os.path.dirname(exc.filename)  # a temporary file: name its folder
        raise EntryError(where, f"cannot write: {exc.strerror or exc}") from None


def _stage(path: Path, text: str) -> Path:
    """`text` in a temporary file beside `path` (moved into place by the caller)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EntryError(str(path.parent), f"cannot write the snapshot: {exc.strerror}") from None
    return stage_file(path, text)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
