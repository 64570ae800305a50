"""Per-value rules of the content sanitiser (digest/site/sanitize.py) that nh3's allow-list
cannot state, one test each."""

from __future__ import annotations

import pytest

from digest.site.sanitize import sanitize_html


@pytest.mark.parametrize("attribute", ["src", "href"])
def test_encoded_script_scheme_is_refused(attribute: str) -> None:
    tag = (f'<img {attribute}="%6Aavascript:alert(1)" alt="chart">' if attribute == "src"
           else f'<a {attribute}="%6Aavascript:alert(1)">chart</a>')
    assert "avascript" not in sanitize_html(f"<p>{tag}</p>")


def test_code_keeps_only_language_classes() -> None:
    assert sanitize_html('<pre><code class="language-python evil">x</code></pre>') == (
        '<pre><code class="language-python">x</code></pre>')
    assert sanitize_html('<pre><code class="language-python language-py">x</code></pre>') == (
        '<pre><code class="language-python language-py">x</code></pre>')
    assert sanitize_html('<pre><code class="evil">x</code></pre>') == "<pre><code>x</code></pre>"
