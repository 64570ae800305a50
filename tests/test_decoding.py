"""Decoding bytes whose label lies or that carry no label: UTF-8 with a few broken bytes is kept
as UTF-8 (not turned into mojibake by an 8-bit guess), UTF-16 without a byte-order mark is
recognised instead of refused as binary."""

from __future__ import annotations

import pytest

from digest.ingest.reading import decode_bytes

ACCENTED = "<p>Der Fertiger in Zürich über “3 nm”: café, naïve, résumé, déjà vu, Señor Müller.</p>"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        pytest.param(ACCENTED.encode() + b"\xe9" + " und café.".encode(),
                     "text/html; charset=utf-8", id="stray-latin1-byte-labelled-utf8"),
        pytest.param(ACCENTED.encode() + b"\xff" + "<p>More “text”.</p>".encode(),
                     None, id="stray-ff-byte-unlabelled"),
        pytest.param(ACCENTED.encode() + "Zü".encode()[:-1], "text/html; charset=UTF-8",
                     id="cut-inside-last-character"),
    ],
)
def test_damaged_utf8_stays_utf8(data: bytes, content_type: str | None) -> None:
    text = decode_bytes("page.html", data, content_type)
    assert text.startswith(ACCENTED)  # every accented letter as written
    assert "Ã" not in text and "â€" not in text  # no mojibake
    assert text.count("\ufffd") == 1  # the broken byte, and only it, is replaced


def test_eight_bit_text_labelled_utf8_is_still_detected() -> None:
    # the damaged-UTF-8 rule must not claim text in an 8-bit charset
    text = '<meta charset="utf-8"><p>Spółka ogłosiła budowę fabryki w Łodzi i Gdańsku.</p>'
    assert decode_bytes("page.html", text.encode("cp1250")) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding: str) -> None:
    text = "<html><body><p>The foundry’s new fab in Dresden starts production — on time.</p>"
    assert decode_bytes("page.html", text.encode(encoding)) == text


def test_binary_with_nul_bytes_is_still_refused() -> None:
    from digest.errors import InputError

    data = bytes(range(256)) * 8
    with pytest.raises(InputError, match="binary"):
        decode_bytes("image.png", data)
