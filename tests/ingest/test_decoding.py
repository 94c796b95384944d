"""Bytes → text: UTF-8 as is, legacy encodings detected, binary / empty / oversized refused."""

from __future__ import annotations

import codecs
import random

import pytest

from claimwatch import config
from claimwatch.errors import InputError
from claimwatch.ingest.decoding import decode_bytes

PLAIN = "Officials said on Monday that the bridge would reopen in May.\r\nNo one was hurt.\n"


def test_utf8_is_decoded_unchanged() -> None:
    text = "Kyiv’s mayor said “12 people” were hurt — café owners too.\n"
    assert decode_bytes(text.encode("utf-8")) == text


def test_line_endings_and_whitespace_are_kept() -> None:
    assert decode_bytes(PLAIN.encode("utf-8")) == PLAIN


def test_utf8_bom_is_dropped_and_nothing_else() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + PLAIN.encode("utf-8")) == PLAIN


def test_utf16_with_bom_is_decoded() -> None:
    assert decode_bytes(PLAIN.encode("utf-16")) == PLAIN


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_is_detected(encoding: str) -> None:
    text = (
        "The café in Zürich reopened on Tuesday, the owner said. Prices rose by 5 % and the "
        "façade was repainted after the flood; visitors from Malmö and Göteborg returned. "
    ) * 3
    assert decode_bytes(text.encode(encoding)) == text


def test_cp1252_quotes_are_decoded() -> None:
    text = "The minister said \u201cwe will not retreat\u201d and left \u2013 without questions. " * 4
    assert decode_bytes(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"%PDF-1.7\n" + bytes(range(256)) * 8,
        bytes(range(1, 32)) * 50,
        bytes(b for b in random.Random(7).randbytes(4000) if b),  # no NUL, not text in any encoding
    ],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^file\.bin: binary"):
        decode_bytes(data, "file.bin")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^empty\.txt: empty"):
        decode_bytes(data, "empty.txt")


def test_oversized_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_INPUT_BYTES", 100)
    with pytest.raises(InputError, match=r"^big\.txt: too large"):
        decode_bytes(b"word " * 30, "big.txt")
