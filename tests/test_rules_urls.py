"""URL rules (digest/text/urls.py), one test each: what canonical_url keeps and drops, each
problem url_problems reports (with its exact message, which `digest check` prints), and what
without_credentials leaves of a URL someone typed."""

from __future__ import annotations

import pytest

from digest.text.urls import (
    canonical_url,
    is_tracking,
    normalize_url,
    url_problems,
    without_credentials,
)


def test_canonical_url_keeps_blank_parameters_and_their_order() -> None:
    assert canonical_url("https://x.example/a?b=2&a=&utm_source=feed&c=3") == (
        "https://x.example/a?b=2&a=&c=3")


def test_canonical_url_leaves_path_like_values_readable() -> None:
    assert canonical_url("https://x.example/a?next=/b/c,d@e:f") == (
        "https://x.example/a?next=/b/c,d@e:f")


def test_canonical_url_drops_credentials_fragment_and_case_of_scheme_and_host() -> None:
    assert canonical_url("HTTPS://u:p@Host.Example/Path?Q=1#frag") == (
        "https://host.example/Path?Q=1")


@pytest.mark.parametrize("param", ["utm_source", "UTM_Medium", "fbclid", "pk_campaign",
                                   "mtm_kwd", "ref"])
def test_tracking_parameters(param: str) -> None:
    assert is_tracking(param)


@pytest.mark.parametrize("param", ["id", "page", "utm", "reference", "q"])
def test_content_parameters_are_not_tracking(param: str) -> None:
    assert not is_tracking(param)


@pytest.mark.parametrize(
    ("url", "problems"),
    [
        pytest.param("https://x.example/a b", ["must not contain spaces"], id="space"),
        pytest.param(" https://x.example/a", ["must not contain spaces"], id="leading-space"),
        pytest.param("x.example/a", ["must be an http(s) URL (scheme is none)"], id="no-scheme"),
        pytest.param("ftp://x.example/a", ["must be an http(s) URL (scheme is 'ftp:')"],
                     id="ftp"),
        pytest.param("https:///a", ["has no host name"], id="no-host"),
        pytest.param("https://x.example:99999/a", ["is not a valid URL (Port out of range "
                                                   "0-65535)"], id="bad-port"),
        pytest.param("https://user@x.example/a",
                     ["must not carry credentials (user:password@)"], id="user-only"),
        pytest.param("https://:secret@x.example/a",
                     ["must not carry credentials (user:password@)"], id="password-only"),
        pytest.param("https://x.example/a?utm_source=&fbclid=1&utm_source=2&id=3",
                     ["tracking parameter(s) utm_source, fbclid; use https://x.example/a?id=3"],
                     id="tracking-listed-once-blank-counts"),
        pytest.param("https://x.example/a#top",
                     ["must not have a fragment ('#top'); use https://x.example/a"],
                     id="fragment"),
        pytest.param("https://x.example/a#",
                     ["must not have a fragment ('#'); use https://x.example/a"],
                     id="empty-fragment"),
        pytest.param("HTTPS://x.example/a",
                     ["scheme and host must be lower-case; use https://x.example/a"],
                     id="scheme-case"),
        pytest.param("https://X.example/a",
                     ["scheme and host must be lower-case; use https://x.example/a"],
                     id="host-case"),
        pytest.param("https://x.example/A?Q=1", [], id="path-and-query-case-are-free"),
    ],
)
def test_url_problems(url: str, problems: list[str]) -> None:
    assert url_problems(url) == problems


def test_without_credentials_keeps_everything_else() -> None:
    assert without_credentials("https://a@b:pw@host.example/x?q=1#f") == (
        "https://host.example/x?q=1#f")
    assert without_credentials("https://host.example/x?mail=a@b") == (
        "https://host.example/x?mail=a@b")


def test_without_credentials_on_a_url_that_does_not_parse() -> None:
    assert without_credentials("https://user:pw@[::1/x") == "https://[::1/x"


def test_without_credentials_on_an_unparsable_scheme_relative_url() -> None:
    # Bug: with no "://" the fallback returned the URL whole, password and all.
    assert without_credentials("//user:pw@[::1") == "//[::1"
    assert without_credentials("//user:pw@[::1/x@y") == "//[::1/x@y"


def test_without_credentials_leaves_a_path_with_an_at_sign_alone() -> None:
    assert without_credentials("/home/a@b/[x") == "/home/a@b/[x"


def test_normalize_url_forgives_how_a_person_types_it() -> None:
    assert normalize_url(" HTTPS://www.X.example/a/#top ") == "x.example/a"
    assert normalize_url("http://x.example/a") == normalize_url("https://www.x.example/a/")


def test_case_is_checked_on_the_scheme_only_not_after_a_later_colon() -> None:
    assert url_problems("https://x.example/Path:1") == []


def test_without_credentials_on_an_unparsable_url_drops_every_user_part() -> None:
    assert without_credentials("https://a@b@[::1/x") == "https://[::1/x"


def test_normalize_url_cuts_at_the_first_hash() -> None:
    assert normalize_url("x.example/a#b#c") == "x.example/a"
