"""URL rules shared by `digest add` (which stores canonical URLs) and `digest check` (which
flags URLs that are not): http(s) only, no credentials, no fragment, no tracking parameters."""

from __future__ import annotations

import re
import urllib.parse

# Query parameters that only track the reader, never select content. Exact names first, then
# prefixes. Sources: This Week in Rust's link checker, ClearURLs' common rules.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "_ga",
        "_gl",  # Google Ads / Analytics
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "twclid",
        "ttclid",
        "li_fat_id",  # X, TikTok, LinkedIn
        "mc_cid",
        "mc_eid",  # Mailchimp
        "igshid",  # Instagram shares
        "ref",
        "ref_src",
        "ref_url",  # "came from" markers on news sites and X
        "_hsenc",
        "_hsmi",
        "mkt_tok",  # HubSpot, Marketo newsletters
        "cmpid",
        "s_cid",
        "wt_mc",  # Adobe / Webtrends campaign ids used by news publishers
        "spm",
        "vero_id",
        "oly_anon_id",
        "oly_enc_id",
        "rb_clickid",
    }
)
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_")  # Google, Piwik, Matomo campaigns
ALLOWED_SCHEMES: frozenset[str] = frozenset({"http", "https"})


def canonical_url(url: str) -> str:
    """`url` with tracking parameters, credentials and the fragment removed, scheme and host
    lower-case."""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.rpartition("@")[2].lower()
    query = [
        (k, v)
        for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(k)
    ]
    return urllib.parse.urlunsplit(
        (
            parts.scheme.lower(),
            host,
            parts.path,
            urllib.parse.urlencode(query, safe=":/,@"),
            "",
        )
    )


def is_tracking(param: str) -> bool:
    param = param.lower()
    return param in TRACKING_PARAMS or param.startswith(TRACKING_PREFIXES)


def url_problems(url: str) -> list[str]:
    if url != url.strip() or any(c.isspace() for c in url):
        return ["must not contain spaces"]
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return [f"is not a valid URL ({exc})"]
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        shown = f"'{parts.scheme}:'" if parts.scheme else "none"
        return [f"must be an http(s) URL (scheme is {shown})"]
    if not parts.hostname:
        return ["has no host name"]
    problems = []
    if parts.username is not None or parts.password is not None:
        problems.append("must not carry credentials (user:password@)")
    suggestion = canonical_url(url)
    tracking = [
        k for k, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if is_tracking(k)
    ]
    if tracking:
        problems.append(
            f"tracking parameter(s) {', '.join(dict.fromkeys(tracking))}; use {suggestion}"
        )
    if parts.fragment or url.endswith("#"):
        problems.append(f"must not have a fragment ('#{parts.fragment}'); use {suggestion}")
    scheme = url.partition(":")[0]  # as written: urlsplit lower-cases the scheme
    if scheme != scheme.lower() or parts.netloc != parts.netloc.lower():
        problems.append(f"scheme and host must be lower-case; use {suggestion}")
    return problems


# In a URL urlsplit refuses: "scheme://" or "//", then everything up to the authority's last "@".
UNPARSED_USER_PART = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)[^/?#]*@")


def without_credentials(url: str) -> str:
    """`url` with any `user:password@` removed from its authority, otherwise unchanged: what may
    be shown, logged or stored of a URL someone typed."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # e.g. an unclosed "[" in the host: cut the user part textually
        return UNPARSED_USER_PART.sub(r"\1", url, count=1)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def normalize_url(url: str) -> str:
    """The key two spellings of one page's URL share, for finding an entry by its URL: lower
    case, no scheme, no `www.`, no fragment, no trailing slash. (Stored URLs are canonical
    already, see canonical_url; this only forgives how a person types one.)"""
    url = re.sub(r"^https?://(?:www\.)?", "", url.strip().lower())
    return url.split("#", 1)[0].rstrip("/")
