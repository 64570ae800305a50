"""What an entry's body (the curator's notes, Markdown) may not contain: anything that puts
script, foreign content or page-wide markup on the site.

`body_problems(lines)` gives `(index of the line, message)` for each of these, found in the
Markdown source so that each problem names its line:

1. raw HTML (the notes are Markdown; a tag spread over several lines counts too);
2. attribute lists (`{: ... }`, `{ ... }` after a heading, link, image or block: Python-Markdown's
   attr_list) that set anything but a class of ALLOWED_CLASSES: no event handlers, `style`, `id`,
   `href`, `src`...;
3. link targets (inline, reference definitions, autolinks) whose URL, once HTML entities,
   percent-encoding and Markdown escapes are decoded (repeatedly) and whitespace and control
   characters dropped as browsers drop them, has a scheme other than LINK_SCHEMES;
4. images whose URL names a host (any scheme, or `//host`): images come from the site itself;
5. admonitions (`!!! type`) whose type, which becomes a class, is not in ADMONITION_TYPES;
6. as a backstop, when the source shows none of the above: what Python-Markdown, with the
   site's extensions (MARKDOWN_EXTENSIONS), actually renders the notes to, element by element
   (`_rendered_problems`), so that a spelling the source rules miss is still refused.

Code is blanked first, as Python-Markdown reads it: fenced blocks by the fenced_code
extension's own pattern (MkDocs enables it on every site; a fence must be closed by the same
fence, and its `{...}` stays visible: attr_list applies it to the block), then code spans per
paragraph (a span may cross lines, but not a line that starts a raw HTML block), opened by
backticks that no backslash escapes. This is the check; the build sanitises the HTML whatever
the check said (digest.site.sanitize), and the site's Content-Security-Policy stops what is
left.
"""

from __future__ import annotations

import html
import re
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

import markdown
from markdown.extensions.fenced_code import FencedBlockPreprocessor

from digest.text.normalize import collapse_whitespace

# --- data ---------------------------------------------------------------------------------------

# Link schemes a reader may follow. Everything else (javascript:, vbscript:, data:, file:, ftp:,
# custom app schemes) is refused; a relative link has no scheme and is fine.
LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

# Classes an attribute list may set. Material's buttons are the one styling an entry needs (the
# "Read the original article" button is one); any other class could borrow the theme's layout
# classes (md-header, md-dialog...) to cover the page. Nothing else may be set: event handlers
# run script, `style` can overlay the page or load images from elsewhere, `id` can collide with
# the theme's controls (headings get their ids from the toc extension), `href`/`src` would bypass
# the link and image rules.
ALLOWED_CLASSES: frozenset[str] = frozenset({"md-button", "md-button--primary"})

# Admonition types (`!!! note`): each becomes a class on the box. Material's types and aliases
# (https://squidfunk.github.io/mkdocs-material/reference/admonitions/#supported-types).
ADMONITION_TYPES: frozenset[str] = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
})

# Anything shaped like an HTML tag, comment, declaration or processing instruction (it may span
# lines: Python-Markdown's inline HTML does).
HTML_TAG = re.compile(r"<\s*(?:/\s*)?[A-Za-z!?][^<>]*>")
# Not HTML in the body: Material's excerpt separator, and CommonMark autolinks (URI and e-mail;
# an autolink's scheme is checked with the other link targets).
BODY_HTML_ALLOWED = re.compile(
    r"\A(?:<!--\s*more\s*-->|<[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>)\Z",
    re.I,
)
# A fenced code block, exactly as the installed fenced_code extension reads one.
FENCED_BLOCK: re.Pattern[str] = FencedBlockPreprocessor.FENCED_BLOCK_RE
# A code span as Python-Markdown's backtick pattern reads it (DOTALL: it may cross lines).
CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# Reference definitions, as Python-Markdown's ReferenceProcessor reads them: the target may be
# on the next line, in angle brackets.
REFERENCE = re.compile(r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*\n?[ ]*<?([^\s>]+)>?", re.M)
# Autolink-shaped targets: <scheme:...>.
AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]{1,31}:[^>\s]*)>", re.I)
# Images by reference: ![text][label], ![text] [label], ![label][] and ![label].
IMAGE_REFERENCE = re.compile(r"!\[([^\]]*)\](?:\s?\[([^\]]*)\])?(?!\()")
# An attribute list as attr_list reads it: from "{" (optionally "{:") to the last "}" of the line.
ATTR_LIST = re.compile(r"(?<!\\)\{(:?)[ ]*([^}\n ][^\n]*)\}")
# Its tokens, in attr_list's order: key="v", key='v', key=v, bare word (".class", "#id", "key").
ATTR_TOKEN = re.compile(r"""([^ =}]+)=("[^"]*"|'[^']*'|[^ =}]+)|([^ =}]+)""")
# An attribute list is applied after one of these (the end of a link, image, emphasis, code
# span or inline tag) or at the end of a line; braces elsewhere in prose are text.
ATTR_LIST_AFTER = ")]*_`>~"
ADMONITION = re.compile(r"^!!! ?([\w\-]+(?: +[\w\-]+)*)", re.M)
SCHEME = re.compile(r"\A([a-z][a-z0-9+.\-]*):")
# Dropped before reading a URL's scheme: whitespace, C0/C1 controls and invisible characters
# (browsers drop tabs and newlines anywhere and controls and spaces at the ends).
URL_NOISE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060\ufeff]+")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
DECODE_ROUNDS = 10  # entities inside percent-encoding inside entities... each round peels one
CODE_FILL = "\x00"  # what a code span is blanked with (not a space: it ends an inline element)

# The backstop: the Markdown extensions of the site (mkdocs.yml: markdown_extensions, plus the
# toc, tables and fenced_code that MkDocs adds to every site; a test keeps them in step), and
# what their output may hold.
MARKDOWN_EXTENSIONS: tuple[str, ...] = ("attr_list", "tables", "toc", "admonition", "fenced_code")
# fenced_code's language class on a code block ("```python" -> class="language-python").
LANGUAGE_CLASS = re.compile(r"language-[\w#.+-]+")
# The elements Python-Markdown and these extensions write; anything else came from raw HTML.
RENDERED_ELEMENTS: frozenset[str] = frozenset({
    "p", "br", "hr", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong", "a", "img",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "div",
})
# Attributes they write: link and image targets and titles, toc's heading ids, a list's start,
# table alignment, admonition and button classes (checked value by value below).
RENDERED_ATTRIBUTES: frozenset[str] = frozenset({
    "href", "src", "alt", "title", "id", "start", "style", "class",
})
TABLE_ALIGNMENT = re.compile(r"\s*text-align:\s*(?:left|right|center);?\s*")


# --- the public API -----------------------------------------------------------------------------


def body_problems(lines: Sequence[str]) -> list[tuple[int, str]]:
    """(index into `lines`, message) for every problem, sorted by line."""
    text = "\n".join(lines)
    prose = _blank_code(text)
    found: list[tuple[int, str]] = []
    found += _raw_html(prose)
    found += _attribute_lists(prose)
    found += _links(text, prose)
    found += _admonitions(text)
    if not found and text.strip():
        found += _rendered_problems(text)
    # One line each: an autolink-shaped target inside a link's <...> is found twice.
    return sorted(dict.fromkeys(found), key=lambda item: item[0])


def decode_url(url: str) -> str:
    """The URL as a browser would finally read it, lower-cased: HTML entities, percent-encoding
    and Markdown escapes decoded until nothing changes, whitespace and controls removed."""
    for _ in range(DECODE_ROUNDS):
        decoded = MARKDOWN_ESCAPE.sub(r"\1", urllib.parse.unquote(html.unescape(url)))
        decoded = URL_NOISE.sub("", decoded)
        if decoded == url:
            break
        url = decoded
    return url.lower()


def url_scheme(url: str) -> str | None:
    """The scheme of the decoded URL (`decode_url`), or None for a relative URL."""
    match = SCHEME.match(decode_url(url))
    return match.group(1) if match else None


def names_host(url: str) -> bool:
    """Whether the URL, decoded, points at a host: any scheme, or a network path (`//host`,
    and the backslash forms browsers read the same way)."""
    decoded = decode_url(url)
    return SCHEME.match(decoded) is not None or decoded[:2] in ("//", "\\\\", "/\\", "\\/")


# --- finding things -----------------------------------------------------------------------------


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _blank_code(text: str) -> str:
    """The text with every code span's content replaced by CODE_FILL (newlines kept), paragraph
    by paragraph as Python-Markdown reads them. A line that starts with a tag starts a raw HTML
    block before any code span is read, so no span crosses it."""
    text = FENCED_BLOCK.sub(_blank_fenced, text)
    out = []
    for block in re.split(r"(\n[ \t]*\n|\n(?=[ ]{0,3}<[A-Za-z/!?]))", text):
        out.append(CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", CODE_FILL, m.group(0)), block))
    return "".join(out)


def _blank_fenced(match: re.Match[str]) -> str:
    """A fenced block with its code and its fences blanked (so that no code span pairs them):
    only the opener's `{...}` stays, for the attribute-list rule."""
    whole, offset = match.group(0), match.start()
    start, end = match.span("code")
    fence = len(match.group("fence"))
    blank = CODE_FILL * fence
    code = re.sub(r"[^\n]", CODE_FILL, whole[start - offset : end - offset])
    closer = blank + whole[end - offset + fence :]
    return blank + whole[fence : start - offset] + code + closer


def _excerpt(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _raw_html(prose: str) -> list[tuple[int, str]]:
    by_line: dict[int, list[str]] = {}
    for match in HTML_TAG.finditer(prose):
        if not BODY_HTML_ALLOWED.match(match.group()):
            by_line.setdefault(_line_of(prose, match.start()), []).append(match.group())
    return [
        (line, f"contains raw HTML {', '.join(_excerpt(t) for t in dict.fromkeys(tags[:3]))}; "
               "use Markdown")
        for line, tags in by_line.items()
    ]


def _attribute_lists(prose: str) -> list[tuple[int, str]]:
    found = []
    for match in ATTR_LIST.finditer(prose):
        tokens = list(ATTR_TOKEN.finditer(match.group(2).strip()))
        shaped = match.group(1) or any(t.group(1) or t.group(3)[0] in ".#" for t in tokens)
        before = prose[match.start() - 1] if match.start() else "\n"
        after = prose[match.end() :].split("\n", 1)[0].strip()
        placed = before in ATTR_LIST_AFTER + CODE_FILL or after in ("", "|")
        if not (shaped or placed):
            continue  # braces in prose, not where attr_list would read them
        refused = [message for token in tokens if (message := _refused_attribute(token))]
        if refused:
            found.append((
                _line_of(prose, match.start()),
                f"attribute list {_excerpt(match.group())} {'; '.join(refused)}; an attribute "
                f"list may only set the classes {', '.join(sorted(ALLOWED_CLASSES))} "
                "(write \\{ for a literal brace)",
            ))
    return found


def _refused_attribute(token: re.Match[str]) -> str | None:
    if token.group(3) is not None:  # a bare word
        word = token.group(3)
        if word.startswith("."):
            return None if word[1:] in ALLOWED_CLASSES else f"sets class '{word[1:]}'"
        if word.startswith("#"):
            return f"sets id '{word[1:]}'"
        name, value = word, word
    else:
        name, value = token.group(1), token.group(2).strip("\"'")
    key = name.lower()
    if key == "class":
        bad = [c for c in value.split() if c not in ALLOWED_CLASSES]
        return f"sets class '{' '.join(bad)}'" if bad else None
    if key.startswith("on"):
        return f"sets the event handler '{name}'"
    return f"sets '{name}'"


def _links(text: str, prose: str) -> list[tuple[int, str]]:
    """Inline links and images (in prose), reference definitions (in the raw text: they are
    read before code spans) and autolinks."""
    found = []
    image_labels = {
        _label(m.group(2) or m.group(1)) for m in IMAGE_REFERENCE.finditer(prose)
    }
    for offset, target, is_image in _inline_targets(prose):
        found += _target_problems(_line_of(prose, offset), target, is_image=is_image)
    for match in REFERENCE.finditer(text):
        is_image = _label(match.group(1)) in image_labels
        found += _target_problems(_line_of(text, match.start(2)), match.group(2), is_image)
    for match in AUTOLINK.finditer(prose):
        found += _target_problems(_line_of(prose, match.start()), match.group(1), is_image=False)
    return found


def _label(label: str) -> str:
    return collapse_whitespace(label).lower()


def _inline_targets(prose: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, destination, is an image) of every `[text](destination ...)`: after "](" and
    any whitespace (newlines too), up to ">" when it opens with "<", else up to whitespace or
    the ")" that balances the parentheses."""
    for match in re.finditer(r"\]\(\s*", prose):
        start = match.end()
        if prose.startswith("<", start):
            end = prose.find(">", start)
            destination = prose[start + 1 : end if end >= 0 else len(prose)]
        else:
            depth, end = 0, start
            while end < len(prose) and not prose[end].isspace():
                char = prose[end]
                if char == "(":
                    depth += 1
                elif char == ")":
                    if depth == 0:
                        break
                    depth -= 1
                end += 1
            destination = prose[start:end]
        yield start, destination, _opens_image(prose, match.start())


def _opens_image(prose: str, close: int) -> bool:
    """Whether the "]" at `close` ends the text of an image ("![...]")."""
    depth = 0
    for i in range(close - 1, -1, -1):
        char = prose[i]
        if char == "]" and prose[i - 1 : i] != "\\":
            depth += 1
        elif char == "[" and prose[i - 1 : i] != "\\":
            if depth == 0:
                return prose[i - 1 : i] == "!"
            depth -= 1
    return False


def _target_problems(line: int, target: str, is_image: bool) -> list[tuple[int, str]]:
    if is_image and names_host(target):
        return [(line, f"image {_excerpt(target)} is loaded from another host; an image must "
                       "be a file of this site (a relative path)")]
    scheme = url_scheme(target)
    if scheme is not None and scheme not in LINK_SCHEMES:
        return [(line, f"link target {_excerpt(target)} is not allowed; use an http(s) link")]
    return []


def _admonitions(text: str) -> list[tuple[int, str]]:
    found = []
    for match in ADMONITION.finditer(text):
        bad = [t for t in match.group(1).lower().split() if t not in ADMONITION_TYPES]
        if bad:
            found.append((
                _line_of(text, match.start()),
                f"admonition type '{' '.join(bad)}' is not one of Material's "
                "(note, info, tip, warning, danger, example, quote...)",
            ))
    return found


# --- the backstop: what the notes render to -----------------------------------------------------


class _Elements(HTMLParser):
    """(tag, attributes) of every start tag, attribute values decoded once as a browser does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


# One converter per thread (a Markdown object is not safe to share; `digest build` checks in a
# thread of its own), reset before each use: making one costs more than converting most notes.
_CONVERTERS = threading.local()


def _converter() -> markdown.Markdown:
    md: markdown.Markdown | None = getattr(_CONVERTERS, "md", None)
    if md is None:
        md = _CONVERTERS.md = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    return md.reset()


def _rendered_problems(text: str) -> list[tuple[int, str]]:
    parser = _Elements()
    parser.feed(_converter().convert(text))
    parser.close()
    found = []
    for tag, attributes in parser.found:
        if tag not in RENDERED_ELEMENTS:
            found.append((_find(text, f"<{tag}"), f"renders to a <{tag}> element; use Markdown"))
        for name, value in attributes.items():
            message = _rendered_attribute(tag, name, value)
            if message:
                found.append((_find(text, name, value), f"renders to <{tag} {name}="
                                                        f"{_excerpt(value)}>: {message}"))
    return found


def _rendered_attribute(tag: str, name: str, value: str) -> str | None:
    if name not in RENDERED_ATTRIBUTES:
        return "an attribute Markdown does not write (an event handler?)"
    if name == "href" and url_scheme(value) not in (None, *LINK_SCHEMES):
        return "a link scheme other than http(s) or mailto"
    if name == "src" and names_host(value):
        return "an image from another host"
    if name == "style" and not (tag in ("th", "td") and TABLE_ALIGNMENT.fullmatch(value)):
        return "a style other than a table column's alignment"
    if name == "id" and (tag[0] != "h" or value.startswith("__")):
        return "an id that is not a heading's own"
    classes = ALLOWED_CLASSES | ADMONITION_TYPES | {"admonition", "admonition-title"}
    if name == "class" and not all(
        c in classes or (tag == "code" and LANGUAGE_CLASS.fullmatch(c)) for c in value.split()
    ):
        return "a class outside the allow-list"
    return None


def _find(text: str, *needles: str) -> int:
    """The line of the first needle found in the text (0: the first line)."""
    lowered = text.lower()
    for needle in needles:
        at = lowered.find(needle.lower()) if needle else -1
        if at >= 0:
            return _line_of(text, at)
    return 0
