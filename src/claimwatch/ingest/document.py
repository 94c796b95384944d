"""Bytes or a string → Document: decoding, HTML extraction, boilerplate, language."""

from __future__ import annotations

from claimwatch.errors import InputError
from claimwatch.model import Document


def document_from_bytes(
    data: bytes, *, published: str | None = None, url: str | None = None, name: str = "input"
) -> Document:
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text or HTML")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text") from exc
    return document_from_text(text, published=published, url=url, name=name)


def document_from_text(
    text: str, *, published: str | None = None, url: str | None = None, name: str = "input"
) -> Document:
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return Document(text=text, published=published, url=url)
