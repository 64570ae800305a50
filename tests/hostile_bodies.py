"""Hostile entry bodies (the curator's notes of an entry file from a pull request): each tries
to put script, an event handler, a foreign image, a page overlay or a script link on the site.
Shared by the check's tests (tests/test_body_safety.py) and the build's (tests/test_sanitize.py).

`line` is the line of the body (1-based) the check must name; `marker` is a string unique to the
variant that a scan of the built site looks for in a live position (see `live_payloads`).
"""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html


@dataclass(frozen=True)
class Hostile:
    id: str
    body: str
    line: int
    marker: str  # in the payload: alert(N), a tracker path, a class or id


HOSTILE_BODIES: tuple[Hostile, ...] = (
    # The issue's own reproductions.
    Hostile("block-attr-handler", 'A note.\n{: onmouseover="alert(101)" }', 2, "alert(101)"),
    Hostile("entity-javascript-link", "[click me](&#106;avascript:void(alert(102)))", 1,
            "alert(102)"),
    Hostile("link-attr-onclick", '[x](https://example.com/a){: onclick="alert(103)" }', 1,
            "alert(103)"),
    Hostile("heading-overlay",
            '## Heading { onclick="alert(104)" style="position:fixed;top:0;left:0;'
            'width:100%;height:100%" }', 1, "alert(104)"),
    Hostile("tracker-image", "![x](https://tracker.example/p105.png)", 1, "p105.png"),
    # Images from elsewhere in other spellings.
    Hostile("protocol-relative-image", "![x](//tracker.example/p106.png)", 1, "p106.png"),
    Hostile("reference-image", "See ![x][px].\n\n[px]: https://tracker.example/p107.png", 3,
            "p107.png"),
    Hostile("backslash-host-image", "![x](/\\tracker.example/p108.png)", 1, "p108.png"),
    Hostile("scheme-no-slashes-image", "![x](https:tracker.example/p109.png)", 1, "p109.png"),
    # Script links, encoded so that a plain "javascript:" search misses them.
    Hostile("percent-encoded-scheme", "[a](%6A%61vascript:alert(110))", 1, "alert(110)"),
    Hostile("double-entity", "[a](&amp;#106;avascript:alert(111))", 1, "alert(111)"),
    Hostile("tab-entity-in-scheme", "[a](java&#9;script:alert(112))", 1, "alert(112)"),
    Hostile("newline-entity-in-scheme", "[a](java&#10;script:alert(113))", 1, "alert(113)"),
    Hostile("control-before-scheme", "[a](&#1;javascript:alert(114))", 1, "alert(114)"),
    Hostile("named-entity-colon", "[a](javascript&colon;alert(115))", 1, "alert(115)"),
    Hostile("hex-entity-upper", "[a](&#X6A;avascript:alert(116))", 1, "alert(116)"),
    Hostile("reference-definition", "[a][r]\n\n[r]: &#x6A;avascript:alert(117)", 3,
            "alert(117)"),
    Hostile("destination-on-next-line", "[a](\njavascript:alert(118))", 2, "alert(118)"),
    Hostile("link-with-title", '[a](javascript:alert(119) "a title")', 1, "alert(119)"),
    Hostile("data-link", "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMjApPC9zY3JpcHQ+)", 1,
            "PHNjcmlwdD5hbGVydCgxMjApPC9zY3JpcHQ+"),
    Hostile("vbscript-link", "[a](vbscript:msgbox(121))", 1, "msgbox(121)"),
    Hostile("javascript-autolink", "<javascript:alert(122)>", 1, "alert(122)"),
    # Attribute lists that set more than a class.
    Hostile("attr-href-override", '[x](https://example.com/b){: href="javascript:alert(123)" }',
            1, "alert(123)"),
    Hostile("attr-src-override",
            '![x](pic.png){: src="https://tracker.example/p124.png" }', 1, "p124.png"),
    Hostile("image-attr-onerror", '![x](pic.png){: onerror="alert(125)" }', 1, "alert(125)"),
    Hostile("table-cell-handler", "| a |\n| - |\n| b { onmouseover=alert(126) } |", 3,
            "alert(126)"),
    Hostile("style-tracker",
            'Para.\n{: style="background:url(https://tracker.example/p127.png)" }', 2,
            "p127.png"),
    Hostile("theme-class", "Covering text.\n{: .md-dialog .sd-x128 }", 2, "sd-x128"),
    Hostile("theme-id", "## Title {#__x129}", 1, 'id="__x129"'),
    Hostile("code-span-then-attrs", '`code`{: onclick="alert(130)" }', 1, "alert(130)"),
    # Raw HTML, including spellings that slipped past a line-by-line check.
    Hostile("raw-img-onerror", "<img src=x onerror=alert(131)>", 1, "alert(131)"),
    Hostile("multi-line-tag", "Text\n<img\nsrc=x\nonerror=alert(132)>", 2, "alert(132)"),
    Hostile("unclosed-fence", "```\n<img src=x onerror=alert(133)>", 2, "alert(133)"),
    Hostile("fence-longer-closer", "```\n<img src=x onerror=alert(149)>\n````", 2, "alert(149)"),
    Hostile("fence-attrs-handler", '```{ onclick="alert(147)" }\ncode\n```', 1, "alert(147)"),
    Hostile("escaped-backticks", "\\`<img src=x onerror=alert(134)>\\`", 1, "alert(134)"),
    Hostile("code-span-pairs-across-lines", "x ` y\n`<img src=x onerror=alert(135)>` z", 2,
            "alert(135)"),
    Hostile("script-element", "<script>alert(136)</script>", 1, "alert(136)"),
    Hostile("heading-text-theme-id", "## __x148", 1, 'id="__x148"'),
    Hostile("svg-onload", "<svg onload=alert(137)></svg>", 1, "alert(137)"),
    Hostile("iframe-srcdoc", '<iframe srcdoc="<script>alert(138)</script>"></iframe>', 1,
            "alert(138)"),
    Hostile("raw-link", '<a href="javascript:alert(139)">x</a>', 1, "alert(139)"),
    Hostile("style-element", "<style>body{background:url(https://tracker.example/p140.png)}"
            "</style>", 1, "p140.png"),
    Hostile("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(141)">',
            1, "alert(141)"),
    Hostile("form-action", '<form action="https://evil.example/f142"><input name=p></form>', 1,
            "f142"),
    Hostile("object-data", '<object data="https://evil.example/o143.swf"></object>', 1,
            "o143.swf"),
    Hostile("base-href", '<base href="https://evil.example/b144/">', 1, "b144"),
    Hostile("raw-img-tracker", '<img src="https://tracker.example/p145.png">', 1, "p145.png"),
    Hostile("admonition-theme-class", '!!! md-header sd-x146 "Hi"\n    Covering box.', 1,
            "sd-x146"),
)


def entry_text(variant: Hostile, date: str = "2024-12-03") -> str:
    """A valid entry whose notes are the variant's body (the body starts on line 11)."""
    return (
        "---\n"
        f"title: Notes case {variant.id}\n"
        f"date: {date}\n"
        f"slug: notes-case-{variant.id}\n"
        "source: Example Wire\n"
        f"url: https://news.example.com/{variant.id}\n"
        "tags: [TSMC]\n"
        "categories: [Foundry and process]\n"
        f"summary: An entry whose notes hold the {variant.id} case.\n"
        "---\n"
        f"{variant.body}\n"
    )


BODY_FIRST_LINE = 11  # of entry_text


# --- finding a payload in a live position in built pages --------------------------------------

# Attributes whose value a browser loads or navigates to.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href",
                  "background", "content")
ACTIVE_ELEMENTS = ("script", "iframe", "object", "embed", "style", "base", "meta", "frame",
                   "frameset", "link", "input", "button", "textarea")
_NOISE = re.compile(r"[\s\x00-\x1f\x7f]+")


def _browser_url(value: str) -> str:
    """An attribute's URL as a browser reads it (lxml has decoded the entities once)."""
    return _NOISE.sub("", urllib.parse.unquote(value)).lower()


def live_payloads(path: Path) -> list[str]:
    """Everything in one built HTML page that a browser would act on and the theme did not put
    there: event handlers, script/data/vbscript URLs, images from other hosts, style attributes
    other than table alignment, active elements inside the article, ids and classes a hostile
    body set. Each finding is one line naming the element."""
    document = lxml_html.fromstring(path.read_bytes())
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        in_article = bool(element.xpath("ancestor-or-self::article"))
        for name, value in element.attrib.items():
            shown = f"<{element.tag} {name}={value[:60]!r}>"
            if name.lower().startswith("on"):
                found.append(f"event handler {shown}")
            elif name in URL_ATTRIBUTES and re.match(
                r"(?:javascript|vbscript|data|livescript):", _browser_url(value)
            ):
                found.append(f"script or data URL {shown}")
            elif element.tag == "img" and name == "src" and (
                re.match(r"[a-z][a-z0-9+.-]*:|[/\\]{2}", _browser_url(value))
            ):
                found.append(f"image from another host {shown}")
            elif in_article and name == "style" and not re.fullmatch(
                r"text-align:\s*(left|right|center);?", value.strip()
            ):
                found.append(f"style attribute {shown}")
        if in_article and element.tag in ACTIVE_ELEMENTS:
            found.append(f"active element <{element.tag}> in the article")
        if in_article and element.tag == "form" and {"action", "method", "target"} & set(
            element.attrib
        ):
            found.append(f"form that submits somewhere <form {dict(element.attrib)}>")
    return found


def marker_is_live(text: str, marker: str) -> bool:
    """Whether the marker occurs in page text outside of escaped text content: inside a tag
    (attribute values) or in a script/style element."""
    for tag in re.finditer(r"<[a-zA-Z][^>]*>", text):
        if marker in html.unescape(tag.group()):
            return True
    return any(
        marker in block for block in re.findall(r"<(?:script|style)[^>]*>(.*?)</", text, re.S)
    )
