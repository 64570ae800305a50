"""The build's layer against script on the site (digest.site.sanitize): the sanitiser on its
own, then a site built from every hostile body of tests/hostile_bodies.py with `digest check`
skipped, scanned for anything live."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from digest.site.build import check_and_build
from digest.site.sanitize import sanitize_html
from tests.conftest import REPO
from tests.hostile_bodies import HOSTILE_BODIES, Hostile, entry_text, live_payloads, marker_is_live

REMOVED = [
    pytest.param('<p onmouseover="alert(1)">A</p>', "<p>A</p>", id="event-handler"),
    pytest.param('<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>", id="entity-javascript"),
    pytest.param('<a href="java&#9;script:alert(1)">x</a>', "<a>x</a>", id="tab-in-scheme"),
    pytest.param('<a href="data:text/html,x">x</a>', "<a>x</a>", id="data-link"),
    pytest.param('<a href="%6A%61vascript:x">x</a>', "<a>x</a>", id="percent-encoded-scheme"),
    pytest.param('<a href="&amp;#106;avascript:x">x</a>', "<a>x</a>", id="entity-in-entity"),
    pytest.param('<img src="https://t.example/p.png" alt="p">', '<img alt="p">',
                 id="foreign-image"),
    pytest.param('<img src="//t.example/p.png">', "<img>", id="protocol-relative-image"),
    pytest.param('<img src="/\\t.example/p.png">', "<img>", id="backslash-image"),
    pytest.param("<script>alert(1)</script>ok", "ok", id="script-with-content"),
    pytest.param("<style>*{x:y}</style>ok", "ok", id="style-element"),
    pytest.param('<iframe srcdoc="x"></iframe>ok', "ok", id="iframe"),
    pytest.param('<h2 id="x" style="position:fixed">T</h2>', '<h2 id="x">T</h2>',
                 id="style-on-heading"),
    pytest.param('<h2 id="__search">T</h2>', "<h2>T</h2>", id="theme-id"),
    pytest.param('<p class="md-dialog sd-meta">x</p>', '<p class="sd-meta">x</p>',
                 id="theme-class"),
    pytest.param('<table><tbody><tr><td style="text-align: left; position: fixed">x</td></tr>'
                 "</tbody></table>",
                 '<table><tbody><tr><td style="text-align:left">x</td></tr></tbody></table>',
                 id="style-properties"),
    pytest.param('<form action="https://e.example/" id="f"><input name="p"></form>',
                 "<form></form>", id="form-action-and-input"),
    pytest.param('<svg onload="alert(1)"><circle></circle></svg>ok', "ok", id="svg"),
    pytest.param("<p>a<!-- hidden --></p>", "<p>a</p>", id="comment"),
]


@pytest.mark.parametrize(("dirty", "clean"), REMOVED)
def test_sanitiser_removes(dirty: str, clean: str) -> None:
    assert sanitize_html(dirty) == clean


KEPT = [
    pytest.param('<h2 id="key-figures">Key figures<a class="headerlink" href="#key-figures" '
                 'title="Permanent link">¶</a></h2>', id="heading-with-permalink"),
    pytest.param('<h2 id="tag:3nm"><span class="md-tag">3nm</span></h2>', id="tag-listing"),
    pytest.param('<h2 id="quotes" data-search-exclude="">Quotes</h2>', id="search-exclude"),
    pytest.param('<table data-pagefind-ignore=""><thead><tr><th style="text-align:right">Value'
                 "</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
                 id="aligned-table"),
    pytest.param('<form id="figure-filter" class="sd-filter" aria-label="Filter"><label>Entity '
                 '<select name="entity" data-column="Entity"><option value="">All</option>'
                 '</select></label></form><output id="figure-count"></output>',
                 id="figures-filter"),
    pytest.param('<div class="admonition note"><p class="admonition-title">Note</p></div>',
                 id="admonition"),
    pytest.param('<p><a href="https://example.com/a" class="md-button">Read</a> '
                 '<a href="mailto:a@example.com">mail</a> <a href="../b/">b</a> '
                 '<img src="../assets/die.png" alt="die"></p>', id="links-and-local-image"),
    pytest.param("<blockquote><p>q</p></blockquote><pre><code>x &lt; y</code></pre>",
                 id="quote-and-code"),
    pytest.param('<pre><code class="language-python">x = 1</code></pre>', id="fenced-code"),
    pytest.param('<p class="sd-meta"><time datetime="2024-12-03">3 December 2024</time></p>'
                 '<nav class="md-tags"><a href="../tags/aws/" class="md-tag">AWS</a></nav>'
                 '<p class="sd-more"><a href="x/">Continue reading</a></p>', id="listing-post"),
    pytest.param('<ul class="sd-tags"><li><a href="aws/" class="md-tag">AWS</a> 4</li></ul>'
                 '<nav class="sd-pager"><a href="page/2/">Older</a></nav>'
                 '<nav class="sd-pages" aria-label="Pages"><ul><li><span>2024:</span> '
                 '<a href="2024/" aria-current="page">1</a></li></ul></nav>',
                 id="tags-index-and-pagers"),
]


@pytest.mark.parametrize("html", KEPT)
def test_sanitiser_keeps(html: str) -> None:
    assert sanitize_html(html) == html


# --- the site, built from hostile entries without the check --------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site plus one entry per hostile body, built by `digest build` with its check
    switched off: the build must be safe on its own."""
    root = tmp_path_factory.mktemp("hostile-bodies")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    for variant in HOSTILE_BODIES:
        path = root / "docs" / "posts" / f"2024-12-03-notes-case-{variant.id}.md"
        path.write_text(entry_text(variant), encoding="utf-8")
    return check_and_build(root / "mkdocs.yml", root / "site", check=False)


def _page_of(site: Path, variant: Hostile) -> Path:
    pages = list(site.glob(f"2024/12/03/notes-case-{variant.id}/index.html"))
    assert pages, f"the page of {variant.id} was not built"
    return pages[0]


def _texts(site: Path) -> list[tuple[str, str]]:
    """(file, HTML) of every page, and of every HTML string in the feeds and search index."""
    found = []
    for path in sorted(site.rglob("*")):
        name = str(path.relative_to(site))
        if path.suffix == ".html":
            found.append((name, path.read_text(encoding="utf-8")))
        elif path.suffix == ".xml":
            text = path.read_text(encoding="utf-8")
            for description in re.findall(r"<description>(.*?)</description>", text, re.S):
                found.append((name, re.sub(r"&(lt|gt|amp|quot|apos);", _xml_entity, description)))
        elif path.suffix == ".json":
            found += [(name, s) for s in _strings(json.loads(path.read_text(encoding="utf-8")))]
    return found


def _xml_entity(match: re.Match[str]) -> str:
    return {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}[match.group(1)]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.site
def test_no_page_carries_live_markup(hostile_site: Path) -> None:
    found = []
    for path in sorted(hostile_site.rglob("*.html")):
        found += [f"{path.relative_to(hostile_site)}: {f}" for f in live_payloads(path)]
    assert found == []


@pytest.mark.site
@pytest.mark.parametrize("variant", [pytest.param(v, id=v.id) for v in HOSTILE_BODIES])
def test_hostile_body_reaches_no_reader(hostile_site: Path, variant: Hostile) -> None:
    _page_of(hostile_site, variant)  # built: the payload had its chance
    live = [name for name, text in _texts(hostile_site) if marker_is_live(text, variant.marker)]
    assert live == []


@pytest.mark.site
def test_legitimate_markup_survives(hostile_site: Path) -> None:
    figures = (hostile_site / "figures" / "index.html").read_text(encoding="utf-8")
    assert '<form id="figure-filter" class="sd-filter"' in figures
    assert 'data-column="Entity"' in figures and '<output id="figure-count">' in figures
    performance = (hostile_site / "performance" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<td style="text-align: ?right;?">', performance)  # table alignment
    entry = next(hostile_site.glob("2024/11/20/nvidia-*/index.html")).read_text(encoding="utf-8")
    assert '<h2 id="key-figures">' in entry and 'class="headerlink" href="#key-figures"' in entry
    assert 'class="md-button"' in entry and '<p class="sd-entities">' in entry
    tags = (hostile_site / "tags" / "index.html").read_text(encoding="utf-8")
    assert '<ul class="sd-tags">' in tags and 'class="md-tag">TSMC</a>' in tags


_TAG = re.compile(r"<([a-z0-9]+)((?:\s[^<>]*)?)>")


def _markup(text: str) -> set[tuple[str, ...]]:
    """Every (element, attribute name) and (element, class) of a page's HTML."""
    found: set[tuple[str, ...]] = set()
    for tag, attributes in _TAG.findall(text):
        found.add((tag,))
        found |= {(tag, name) for name in re.findall(r"([a-z-]+)=", attributes)}
        for classes in re.findall(r'class="([^"]*)"', attributes):
            found |= {(tag, "." + c) for c in classes.split()}
    return found


def test_sanitiser_keeps_everything_the_sample_site_uses() -> None:
    """The sample archive staged with and without the sanitiser: every element, attribute and
    class the generators and the notes write survives it."""
    from digest.site import settings as site_settings
    from digest.site import staging
    from digest.text.siteconfig import read_site_config

    config = read_site_config(REPO / "mkdocs.yml")
    options = site_settings.stage_options(config, "lunr", site_settings.settings_of(config))
    raw = staging.stage_site(REPO / "docs", options, sanitize=lambda html: html)
    clean = staging.stage_site(REPO / "docs", options, sanitize=sanitize_html)
    lost = {
        f"{name}: {'/'.join(markup)}"
        for name, data in raw.files.items()
        if name.endswith(".md")
        for markup in _markup(data.decode()) - _markup(clean.files[name].decode())
    }
    assert sorted(lost) == []


@pytest.mark.parametrize(
    "href",
    ["../../2024/05/03/tsmc/", "#key-figures", "tags/", "a-b_c.d~e/", "//other.example/x",
     "javascript:alert(1)", "jav&#x61;script:alert(1)", "%6Aavascript:x", "java\tscript:x",
     "https://ok.example/"],
)
def test_plain_relative_shortcut_decides_as_decoding_does(href: str) -> None:
    """The shortcut for plain relative links (sanitize.PLAIN_RELATIVE) keeps exactly what the
    full decoding keeps: a link it skips could not have decoded to a refused scheme."""
    from digest.archive.body_safety import url_scheme
    from digest.site.sanitize import PLAIN_RELATIVE, URL_SCHEMES, _filter

    decoded_ok = url_scheme(href) in (None, *URL_SCHEMES)
    assert (_filter("a", "href", href) is not None) == decoded_ok
    if PLAIN_RELATIVE.fullmatch(href):
        assert decoded_ok
