"""Choosing the article's containers: Readability-style scoring of the measured page tree.

Text blocks vote for their ancestors (length, commas, class hints); the best candidate is
promoted to a shared ancestor when close runners-up sit beside it, and joined by siblings that
read as article text and by blocks named like it elsewhere on the page (an article split in
several blocks). Thresholds live in `digest.ingest.boilerplate`.
"""

from __future__ import annotations

import re

from bs4 import Tag

from digest.ingest import boilerplate as bp
from digest.ingest.pagetree import MEDIA_TAGS, SCORED_TAGS, TAG_SCORE
from digest.ingest.pagetree import Node as _Node
from digest.ingest.pagetree import Page as _Page
from digest.ingest.pagetree import children as _children
from digest.ingest.pagetree import link_density as _link_density
from digest.text.normalize import collapse_whitespace

# --- scoring and selection ----------------------------------------------------------------------


def select(page: _Page, root: Tag) -> list[Tag]:
    """The article container(s): the best-scored element plus siblings that read as article."""
    candidates: dict[int, Tag] = {}
    order: dict[int, int] = {}
    for tag in _walk(page, root):
        order[id(tag)] = len(order)
        node = page.nodes[id(tag)]
        if node.own < bp.MIN_PARAGRAPH_CHARS or tag.name not in SCORED_TAGS:
            continue
        content = 1 + node.commas + min(node.own / 100, 3)
        # Text written straight into a container beside block children (a div holding text runs
        # and <p>s) is that container's own paragraph: it votes for the container itself.
        ancestor, level = (tag, 1) if node.blocks else (tag.parent, 1)
        while ancestor is not None and level <= bp.SCORE_LEVELS and id(ancestor) in page.nodes:
            key = id(ancestor)
            if key not in candidates:
                candidates[key] = ancestor
                page.nodes[key].score = _initial_score(page, ancestor)
            divider = 1 if level == 1 else 2 if level == 2 else level * 3
            page.nodes[key].score += content / divider
            ancestor, level = ancestor.parent, level + 1
    if not candidates:
        return [root]
    for key in candidates:
        node = page.nodes[key]
        node.score *= 1 - _link_density(node)
    ranked = sorted(candidates.values(), key=lambda t: page.nodes[id(t)].score, reverse=True)
    top = _promote(page, ranked)
    chosen = _with_siblings(page, top) + _paragraphs_beside_ancestors(page, top)
    twins = _twins(page, top, ranked, chosen)
    if ranked[0] is not top:
        # The best-scored element before promotion names the article's blocks more precisely
        # than the wrapper it was promoted to ("text-content" inside "block-42").
        twins += _twins(page, ranked[0], ranked, chosen + twins)
    chosen = sorted(chosen + twins, key=lambda t: order[id(t)])
    # The same block printed twice (a desktop and a mobile copy) is kept once.
    unique: dict[str, Tag] = {}
    for tag in chosen:
        unique.setdefault(collapse_whitespace(tag.get_text()), tag)
    return list(unique.values())


def _twins(page: _Page, top: Tag, ranked: list[Tag], chosen: list[Tag]) -> list[Tag]:
    """Elements named like the top candidate elsewhere on the page: an article body split in
    several blocks (around an ad or a video), each block under its own wrapper."""
    hint = page.hint(top)
    if not hint:
        return []
    threshold = max(bp.SIBLING_MIN_SCORE, page.nodes[id(top)].score * bp.TWIN_SCORE_RATIO)
    twins: list[Tag] = []
    for tag in ranked:
        if page.nodes[id(tag)].score < threshold:
            break
        if tag is top or tag.name != top.name or page.hint(tag) != hint:
            continue
        if any(_contains(c, tag) or _contains(tag, c) for c in [*chosen, *twins]):
            continue
        twins.append(tag)
    return twins


def _contains(ancestor: Tag, tag: Tag) -> bool:
    parent = tag.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


def _initial_score(page: _Page, tag: Tag) -> float:
    score = float(TAG_SCORE.get(tag.name, 0))
    hint = page.hint(tag)
    if hint:
        if bp.POSITIVE_RE.search(hint):
            score += bp.CLASS_WEIGHT
        if bp.NEGATIVE_RE.search(hint):
            score -= bp.CLASS_WEIGHT
    itemprop = tag.get("itemprop")
    if isinstance(itemprop, str) and itemprop.lower() in bp.ARTICLE_BODY_ITEMPROPS:
        score += bp.CLASS_WEIGHT
    return score


def _promote(page: _Page, ranked: list[Tag]) -> Tag:
    """Move up from the top candidate when close runners-up share an ancestor with it."""
    top = ranked[0]
    top_score = page.nodes[id(top)].score
    rivals = {
        id(t) for t in ranked[1:6] if page.nodes[id(t)].score >= bp.RIVAL_SCORE_RATIO * top_score
    }
    if len(rivals) >= bp.MIN_RIVALS:
        ancestor = top.parent
        while ancestor is not None and id(ancestor) in page.nodes and ancestor.name not in (
            "body", "html", "[document]"
        ):
            inside = {id(a) for a in _descendant_candidates(ancestor, rivals)}
            if len(inside) >= bp.MIN_RIVALS:
                top = ancestor
                break
            ancestor = ancestor.parent
    # An element holding nearly all of its parent's text says little the parent does not; moving
    # up lets the parent's other children (an intro paragraph, a second block) join as siblings.
    while (
        top.parent is not None
        and top.parent.name not in ("body", "html", "[document]")
        and id(top.parent) in page.nodes
        and page.nodes[id(top)].text >= bp.PARENT_TEXT_SHARE * page.nodes[id(top.parent)].text
    ):
        top = top.parent
    return top


def _descendant_candidates(ancestor: Tag, keys: set[int]) -> list[Tag]:
    found = []
    stack = _children(ancestor)
    while stack and len(found) < len(keys):
        tag = stack.pop()
        if id(tag) in keys:
            found.append(tag)
        stack.extend(_children(tag))
    return found


def _with_siblings(page: _Page, top: Tag) -> list[Tag]:
    parent = top.parent
    if parent is None or parent.name == "[document]":
        return [top]
    top_score = page.nodes[id(top)].score
    threshold = max(bp.SIBLING_MIN_SCORE, top_score * bp.SIBLING_SCORE_RATIO)
    top_hint = page.hint(top)
    chosen = []
    for sibling in _children(parent):
        key = id(sibling)
        if key in page.dropped:
            continue
        node = page.nodes.get(key)
        if sibling is top:
            chosen.append(sibling)
            continue
        if node is None or node.text == 0:
            continue
        bonus = top_score * 0.2 if top_hint and page.hint(sibling) == top_hint else 0.0
        if node.score + bonus >= threshold and node.score > 0:
            chosen.append(sibling)
        elif sibling.name in SCORED_TAGS:
            # A paragraph (or a div used as one) next to the article reads as part of it.
            density = _link_density(node)
            long_prose = (
                node.own > bp.SIBLING_PARAGRAPH_CHARS and density < bp.SIBLING_MAX_LINK_DENSITY
            )
            if long_prose or (
                0 < node.own <= bp.SIBLING_PARAGRAPH_CHARS and density == 0
                and sibling.name == "p"
                and re.search(r"\.( |$)", sibling.get_text())
            ):
                chosen.append(sibling)
    return chosen


def _paragraphs_beside_ancestors(page: _Page, top: Tag) -> list[Tag]:
    """Prose paragraphs next to the chosen element's wrappers: an intro or lead paragraph printed
    before the block that holds the rest of the story ("story-intro", then "read-more")."""
    found: list[Tag] = []
    child = top
    for _ in range(bp.INTRO_LEVELS):
        parent = child.parent
        if parent is None or parent.name in ("body", "[document]") or id(parent) not in page.nodes:
            break
        if page.nodes[id(child)].text < bp.INTRO_PARENT_SHARE * page.nodes[id(parent)].text:
            break
        if child is not top:
            for sibling in _children(parent):
                node = page.nodes.get(id(sibling))
                if (
                    sibling is not child
                    and node is not None
                    and id(sibling) not in page.dropped
                    and _reads_as_paragraph(sibling, node)
                ):
                    found.append(sibling)
        child = parent
    return found


def _reads_as_paragraph(tag: Tag, node: _Node) -> bool:
    """A paragraph, or a wrapper around one, of prose: long, few links, sentence punctuation, no
    picture (a lead image's caption is not the intro)."""
    return (
        tag.name in ("p", "div")
        and tag.find(MEDIA_TAGS) is None
        and node.blocks <= 1
        and node.text > bp.SIBLING_PARAGRAPH_CHARS
        and _link_density(node) < bp.SIBLING_MAX_LINK_DENSITY
        and re.search(r"[.!?。](\s|$)", tag.get_text()) is not None
    )


def _walk(page: _Page, root: Tag) -> list[Tag]:
    """Every kept element below root, in document order."""
    out: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        out.append(tag)
        stack.extend(reversed([c for c in _children(tag) if id(c) not in page.dropped]))
    return out
