"""Bytes → str: UTF-8 first, else a detected legacy encoding; binary and empty inputs are refused.

UTF-8 is decoded as it is (only a leading byte-order mark is dropped) so that plain-text spans
index the text the user gave. Other encodings (cp1252, latin-1, Shift-JIS, …) are detected with
charset_normalizer, imported only when UTF-8 fails, because most inputs are UTF-8.
"""

from __future__ import annotations

import codecs
import re

from claimwatch import config
from claimwatch.errors import InputError

#: Byte-order marks that name their encoding; UTF-32 before UTF-16 (its BOM starts the same way).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: How much of the input the binary checks look at: enough to see a file format's header.
_SNIFF_BYTES = 8192

#: Control characters (other than tab, newlines, form feed) above this share mean "not text".
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def check_size(size: int, name: str, unit: str = "bytes") -> None:
    """Refuse inputs past config.MAX_INPUT_BYTES before any work is spent on them."""
    if size > config.MAX_INPUT_BYTES:
        raise InputError(f"{name}: too large ({size:,} {unit}; the limit is {config.MAX_INPUT_BYTES:,})")


def decode_bytes(data: bytes, name: str = "input") -> str:
    """The text of `data`: UTF-8 (a BOM dropped), a BOM-named encoding, else a detected one.

    Raises InputError for empty, binary, oversized or undecodable input.
    """
    check_size(len(data), name)
    if not data.strip():
        raise InputError(f"{name}: empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _require_text(data.decode(encoding), name)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding.upper()} text despite its byte-order mark") from exc
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{name}: binary file, not text or HTML")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, name)
    return _require_text(text, name)


def _decode_legacy(data: bytes, name: str) -> str:
    """Decode with the encoding charset_normalizer finds most plausible (cp1252 for most Western news)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: binary file, not text or HTML (no text encoding fits)")
    return str(best)


def _require_text(text: str, name: str) -> str:
    """Refuse decoded text that is empty or mostly control characters (a binary file that decoded)."""
    if not text.strip():
        raise InputError(f"{name}: empty input")
    sample = text[:_SNIFF_BYTES]
    controls = len(_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"{name}: binary file, not text or HTML")
    return text
