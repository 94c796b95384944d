"""Ingest: raw input (bytes of a file, a string) → `Document` with clean text and metadata.

decoding.py (bytes → str), html.py (page → main text + metadata), boilerplate.py (excluded
spans), language.py (English or not), dates.py (dates from URLs and datelines); document.py puts
them together. metadata.py reads a table of per-file publication facts (date, outlet, URL, …).
"""

from __future__ import annotations

import sys
from pathlib import Path

from claimwatch import config
from claimwatch.errors import InputError
from claimwatch.ingest.decoding import check_size
from claimwatch.ingest.document import check_published, document_from_bytes, document_from_text
from claimwatch.ingest.metadata import MetadataTable, PublicationMeta, apply_metadata, read_metadata_table
from claimwatch.model import Document

__all__ = [
    "read_document",
    "check_published",
    "document_from_bytes",
    "document_from_text",
    "InputError",
    "MetadataTable",
    "PublicationMeta",
    "apply_metadata",
    "read_metadata_table",
]


def read_document(path: str | Path, *, published: str | None = None, url: str | None = None) -> Document:
    """Read a file (`-` is standard input) into a Document; raises InputError with a clear reason."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(config.MAX_INPUT_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a folder, not a file")
        try:
            check_size(p.stat().st_size, str(path))
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    return document_from_bytes(data, published=published, url=url, name=str(path))
