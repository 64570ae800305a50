"""The generated pages (issues, entity pages, the figures and quotes indexes, listing and tag
pages) are memoised on their inputs (digest.site.memo.InputKeys, digest.pages.items.Fresh): a
page is rendered again exactly when something it is made from changed, and what the memo keeps
is what a build without it would stage."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from digest.archive.entry import entry_filename, read_entry, render_entry
from digest.editorial.vocabulary import load_vocabulary
from digest.pages import entities, indexes, weekly
from digest.pages.items import Item, relative_link
from digest.pages.related import group_related
from digest.site import entry_reading, sitepages, staging
from digest.site.memo import InputKeys, PageMemo
from digest.site.treesync import sync_tree
from tests.test_synth import _load_synth

ENTRIES = 48
END = dt.date(2026, 6, 30)
GENERATED = ("weekly/", "entities/", "figures", "quotes", "page/", "tags/")


def _generated(src: str) -> bool:
    return src.startswith(GENERATED) and src.endswith(".md") and not src.endswith("index.md")


@pytest.fixture(scope="module")
def archive() -> list:
    return list(_load_synth().generate_entries(ENTRIES, years=2, end=END, seed=5))


def _docs(tmp_path: Path, entries: list) -> Path:
    posts = tmp_path / "docs" / "posts"
    posts.mkdir(parents=True)
    for entry in entries:
        (posts / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")
    return tmp_path / "docs"


def _options() -> staging.StageOptions:
    # small index pages, so that the figures and quotes indexes are split
    site = staging.feeds.FeedSite("S", "D", "https://e.org/")
    return staging.StageOptions(site=site, search="pagefind", lift_blocks=True)


def _stage(docs: Path, root: Path, memo_file: Path | None) -> dict[str, bytes | None]:
    memo = None if memo_file is None else PageMemo(memo_file, root, "v1")
    items = entry_reading.read_items(docs, hashes=(hashes := {}))
    staged = staging.stage_site(docs, _options(), items=items, memo=memo, entry_hashes=hashes)
    if memo is not None:
        sync_tree(root, staged.files)
        memo.save()
    return staged.files


def _lists(pages: dict[str, bytes | None], src: str) -> set[str]:
    """The generated pages that link to the entry page `src`."""
    url = staging.page_url(src).encode("utf-8")
    return {s for s, data in pages.items() if _generated(s) and data and url in data}


@pytest.mark.parametrize("edit", ["title", "summary", "figure", "quote", "tags", "added"])
def test_a_changed_entry_renders_again_exactly_the_pages_it_is_on(
    tmp_path: Path, archive: list, edit: str
) -> None:
    """After an edit, the pages rendered again are those that list the entry (before or
    after) and those whose text changed otherwise (a new entry moves the listings); every
    other generated page is kept, and the staged tree is what a build without memo stages."""
    docs = _docs(tmp_path, archive)
    root, memo_file = tmp_path / "staged", tmp_path / "pages.json"
    first = _stage(docs, root, memo_file)
    kept = _stage(docs, root, memo_file)
    assert [src for src in kept if _generated(src) and kept[src] is not None] == []

    posts = docs / "posts"
    path = sorted(posts.glob("*.md"))[len(archive) // 2]  # an entry in the middle
    entry = read_entry(path)
    old_src = sitepages.entry_src(entry)
    if edit == "title":
        entry.title += " again"
    elif edit == "summary":
        entry.summary += " More."
    elif edit == "figure":
        entry.figures[0] = dataclasses.replace(
            entry.figures[0], context=entry.figures[0].context + " again"
        )
    elif edit == "quote":
        entry.quotes[0] = dataclasses.replace(entry.quotes[0], text=entry.quotes[0].text + " Yes.")
    elif edit == "tags":
        entry.tags = entry.tags[:-1] if len(entry.tags) > 1 else ["Nvidia", *entry.tags]
    else:  # a second entry beside it
        entry.title, entry.slug, entry.url = "A new one", "", entry.url + "?new"
    (posts / entry_filename(entry)).write_text(render_entry(entry), encoding="utf-8")

    after = _stage(docs, root, memo_file)
    full = _stage(docs, tmp_path / "unused", None)  # the same docs, no memo
    assert after.keys() == full.keys()
    for src in after:  # what the memo kept or made is the full staging, byte for byte
        assert (root / src).read_bytes() == full[src], src
    rendered = {src for src in after if _generated(src) and after[src] is not None}
    changed = {src for src in full if _generated(src) and full[src] != first.get(src)}
    new_src = sitepages.entry_src(entry)
    lists = (_lists(first, old_src) | _lists(full, old_src) | _lists(full, new_src)) & full.keys()
    assert changed <= rendered
    assert rendered == lists | changed
    assert len(rendered) < len([src for src in full if _generated(src)]) / 3


def test_a_title_change_renders_again_only_pages_that_changed(
    tmp_path: Path, archive: list
) -> None:
    """A title is shown wherever the entry is listed: the pages rendered again are exactly
    those whose text changed."""
    docs = _docs(tmp_path, archive)
    root, memo_file = tmp_path / "staged", tmp_path / "pages.json"
    first = _stage(docs, root, memo_file)
    path = sorted((docs / "posts").glob("*.md"))[len(archive) // 3]
    entry = read_entry(path)
    entry.title += " (corrected)"
    path.write_text(render_entry(entry), encoding="utf-8")
    again = _stage(docs, root, memo_file)
    full = _stage(docs, tmp_path / "unused", None)
    rendered = {src for src in again if _generated(src) and again[src] is not None}
    changed = {src for src in full if _generated(src) and full[src] != first[src]}
    assert rendered == changed
    assert any(src.startswith("tags/") for src in rendered)
    assert any(src.startswith("weekly/") for src in rendered)
    assert any(src.startswith("page/") for src in rendered)


def _items(archive: list) -> list[Item]:
    return [Item(e, sitepages.entry_src(e)) for e in archive]


def test_figure_index_planned_on_places_equals_the_index_of_rows(archive: list) -> None:
    items = _items(archive)
    matcher = indexes.EntityMatcher(load_vocabulary())
    names = frozenset(["Nvidia", "TSMC", "Intel"])
    old = indexes.figure_pages(indexes.figure_rows(items, matcher), names, relative_link,
                               per_page=40)
    new = indexes.index_figure_pages(items, indexes.RowsOf(matcher), names, relative_link,
                                     per_page=40)
    assert len(old) > 3 and new == old


def test_entity_pages_get_the_figures_attributed_to_them(archive: list) -> None:
    vocabulary = load_vocabulary()
    items = _items(archive)
    matcher = indexes.EntityMatcher(vocabulary)
    by_entity = entities.entries_by_entity(items, matcher)
    pages = {t.name: t for t in vocabulary.terms if t.name in by_entity
             and t.kind in indexes.ENTITY_KINDS}
    mentioning = entities.entries_mentioning(items, matcher)
    rows = indexes.figure_rows(items, matcher)
    made = entities.render_entities(pages, by_entity, mentioning, indexes.RowsOf(matcher))
    assert len(made) == len(pages) > 3
    for name, term in pages.items():
        figures = [row for row in rows if row.entity == name]
        assert made[f"entities/{sitepages.entity_slug(name)}.md"] == entities.render_entity(
            term, by_entity[name], figures=figures, pages=pages,
            mentioned_in=mentioning.get(name, ()),
        )


def test_fresh_is_asked_with_the_inputs_a_page_is_made_from(
    tmp_path: Path, archive: list
) -> None:
    """An issue's inputs name its stories' entries and its neighbours; another entry's change
    leaves them as they were."""
    items = _items(archive)
    issues = weekly.build_issues(group_related(items, load_vocabulary()))
    memo = PageMemo(tmp_path / "memo.json", tmp_path, "v1")
    idents = {item.src: f"hash of {item.src}" for item in items}
    first = InputKeys(memo, "setting")
    weekly.render_issues(issues, ["Foundry"], fresh=first, ident=lambda i: idents[i.src])
    target = issues[3].stories[0].lead
    idents[target.src] = "edited"
    second = InputKeys(memo, "setting")
    weekly.render_issues(issues, ["Foundry"], fresh=second, ident=lambda i: idents[i.src])
    differ = {src for src in first.keys if first.keys[src] != second.keys[src]}
    assert differ == {issues[3].src}
    other = InputKeys(memo, "another setting")
    weekly.render_issues(issues, ["Foundry"], fresh=other, ident=lambda i: idents[i.src])
    assert all(other.keys[src] != second.keys[src] for src in other.keys)


def test_a_hand_written_page_where_a_kept_page_is_staged_is_refused(
    tmp_path: Path, archive: list
) -> None:
    docs = _docs(tmp_path, archive[:30])
    root, memo_file = tmp_path / "staged", tmp_path / "pages.json"
    first = _stage(docs, root, memo_file)
    tag = next(src for src in first if src.startswith("tags/") and src.endswith(".md"))
    (docs / tag).parent.mkdir(parents=True, exist_ok=True)
    (docs / tag).write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(staging.DigestError, match="the site generates this page"):
        _stage(docs, root, memo_file)


def test_tfidf_vectors_of_some_bags_are_those_of_all() -> None:
    """group_related makes the vectors of the entries it compares only; the IDF stays the
    whole archive's."""
    from collections import Counter

    from digest.text.similarity import tfidf_vectors

    bags = [Counter(text.split()) for text in ("a b b c", "b c d", "a d d e", "e f")]
    full = tfidf_vectors(bags)
    some = tfidf_vectors(bags, only={0, 2})
    assert some[0] == full[0] and some[2] == full[2] and some[1] == some[3] == {}
