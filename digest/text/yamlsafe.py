"""The one YAML loader for entry front matter: safe types only, with limits on size and on how
far aliases expand.

PyYAML's safe loaders build an alias once and share it, so a "billion laughs" document loads
into a small graph of shared lists; the damage comes later, from whatever walks the data as a
tree (str(), json.dumps, a template's loop), which then visits every expanded node. The limits
here are checked on the composed node graph, before any Python object is built:

- the text itself is at most MAX_TEXT_CHARS (a real entry's front matter is a few KB);
- the document, with every alias expanded, has at most MAX_NODES nodes (a real entry has a few
  hundred: tags, six quotes, ten figures).

`LimitedLoader` is a loader class (libyaml's CSafeLoader when PyYAML was built with it), so it
also serves code that takes a Loader: `yaml.load(text, Loader=LimitedLoader)`. The entry
reader (and through it the staging build) and the validator use it.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_TEXT_CHARS = 256 * 1024  # front matter: 50 x the largest entry we write
MAX_NODES = 20_000  # expanded nodes: about 20 x a full entry (tags, 6 quotes, 10 figures)

_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLLimitError(yaml.YAMLError):
    """The document is larger than the limits allow (text size, or nodes with aliases expanded)."""


def check_text_size(text: str | bytes) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise YAMLLimitError(
            f"front matter is {len(text):,} characters; at most {MAX_TEXT_CHARS:,}"
        )


def check_node_budget(root: yaml.Node, limit: int = MAX_NODES) -> None:
    """YAMLLimitError when `root`, with every alias expanded, has more than `limit` nodes.
    Each distinct node is sized once (aliases are the same node object), so this costs time
    in proportion to the text, not to the expansion."""
    sizes: dict[int, int] = {}
    # Iterative post-order walk: a deeply nested document must not hit the recursion limit.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            total = 1 + sum(sizes.get(id(c), 0) for c in children)
            if total > limit:
                raise YAMLLimitError(
                    f"front matter expands to more than {limit:,} values (aliases "
                    "repeating aliases); write the values out"
                )
            sizes[key] = total
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
        if len(stack) > limit:
            raise YAMLLimitError(f"front matter nests more than {limit:,} values deep")


def check_tree_size(root: yaml.Node, limit: int = MAX_NODES) -> None:
    """check_node_budget for a document without aliases (a tree: no node is reached twice),
    by counting its nodes, about four times quicker; over the limit, check_node_budget
    itself says why (too many values, or nested too deep)."""
    count = 1
    stack = [root]
    sequence, mapping = yaml.SequenceNode, yaml.MappingNode
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is sequence:
            count += len(node.value)
            stack.extend(node.value)
        elif kind is mapping:
            count += 2 * len(node.value)
            for pair in node.value:
                stack.extend(pair)
        if count > limit:
            check_node_budget(root, limit)
            return


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class LimitedLoader(_BASE):  # type: ignore[misc, valid-type]
    """A safe loader that refuses over-large text and alias bombs (YAMLLimitError)."""

    def __init__(self, stream: Any) -> None:
        if isinstance(stream, str | bytes):
            check_text_size(stream)
        # A document shares a node only through an alias (`*name`): without a "*" in its text
        # it is a tree, and counting its nodes is enough (check_tree_size).
        self._tree = (isinstance(stream, str) and "*" not in stream) or (
            isinstance(stream, bytes) and b"*" not in stream)
        super().__init__(stream)

    def get_single_node(self) -> Any:
        node = super().get_single_node()
        if node is not None:
            (check_tree_size if self._tree else check_node_budget)(node)
        return node

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        return self.construct_document(node)


def load(text: str) -> Any:
    """The data of one YAML document, within the limits; yaml.YAMLError (YAMLLimitError for the
    limits) when it cannot be read."""
    loader = LimitedLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
