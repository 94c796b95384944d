"""Publications and their copy families: which outlet each publication's text is credited to.

A copy family is a text's original with its copies (near-verbatim reprints, further publications of
the same text). Syndicated copies are one source, so every member is credited to the outlet of the
family's first publication: the earliest published, and on one day the one stored first. The first
of each family is kept in `copy_families` as publications are stored (`note_publication`), so that
reading a few publications does not read their whole families: a wire story reprinted for a year is
a family of hundreds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy.engine import Connection

from claimwatch.knowledge.reports import DocInfo
from claimwatch.store import derived


def doc_info(row: Any) -> DocInfo:
    return DocInfo(row.id, row.outlet, row.url, row.title, row.published, row.copy_of, row.ingested_at)


def first_published(doc: DocInfo) -> tuple[date, float, str]:
    """The order of a family's publications: by day (undated last), then as they were stored."""
    return (doc.day or date.max, doc.ingested_at.timestamp() if doc.ingested_at else 0.0, doc.id)


def load_documents(conn: Connection, ids: Iterable[str] | None = None) -> dict[str, DocInfo]:
    """Publications by id (these, or all), each with the outlet its text is credited to."""
    docs = {r.id: doc_info(r) for r in derived.document_rows(conn, ids)}
    if ids is None:
        firsts = _firsts(docs.values())
    else:
        origins = {doc.origin for doc in docs.values()}
        firsts = derived.family_firsts(conn, origins)
        unkept = origins - set(firsts)
        if unkept:  # stored before the firsts were kept, by a writer that does not keep them
            firsts.update(_firsts(doc_info(r) for r in derived.copy_family_rows(conn, unkept)))
    for doc in docs.values():
        first_id, first_outlet = firsts[doc.origin]
        doc.origin_outlet = first_outlet or first_id
    return docs


def _firsts(docs: Iterable[DocInfo]) -> dict[str, tuple[str, str | None]]:
    """Each family's first publication (id, outlet), from its members."""
    families: dict[str, list[DocInfo]] = defaultdict(list)
    for doc in docs:
        families[doc.origin].append(doc)
    return {origin: (first.id, first.outlet) for origin, members in families.items()
            for first in [min(members, key=first_published)]}


def note_publication(conn: Connection, doc_id: str, copy_of: str | None, outlet: str | None) -> bool:
    """Keep the first publication of the family of one just stored (under `outlet`). True when a copy
    became the first of a family that had one: its members' reports are now credited to its outlet."""
    if copy_of is None:
        derived.set_family_first(conn, doc_id, doc_id, outlet)
        return False
    kept = derived.family_firsts(conn, [copy_of]).get(copy_of)
    if kept is None:  # a family stored before the firsts were kept
        first_id, outlet = _firsts(doc_info(r) for r in derived.copy_family_rows(conn, [copy_of]))[copy_of]
        derived.set_family_first(conn, copy_of, first_id, outlet)
        return first_id == doc_id
    rows = {r.id: doc_info(r) for r in derived.document_rows(conn, [doc_id, kept[0]])}
    new = rows[doc_id]
    if kept[0] in rows and first_published(rows[kept[0]]) <= first_published(new):
        return False
    derived.set_family_first(conn, copy_of, doc_id, outlet)
    return True


def keep_family_firsts(conn: Connection) -> None:
    """Fill `copy_families` for a store written before it was kept."""
    firsts = _firsts(doc_info(r) for r in derived.document_rows(conn))
    derived.insert_family_firsts(conn, [(origin, first_id, outlet) for origin, (first_id, outlet) in firsts.items()])
