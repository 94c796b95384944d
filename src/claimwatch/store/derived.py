"""The SQL of the knowledge kept at ingest (actors, event reports and their clusters, claim groups):
reading and writing those tables inside the caller's transaction. claimwatch.knowledge decides what
to write; this module is the one place that knows the tables."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Row

from claimwatch.store import schema as t

DERIVED_TABLES = (t.claim_bands, t.claim_groups, t.reports, t.entity_actors, t.actors)

# -- actors ------------------------------------------------------------------------------------------


def actors_named(conn: Connection, folded: str, type: str | None) -> list[Row]:
    a = t.actors.c
    return list(conn.execute(select(t.actors).where(a.folded == folded, a.type == type)))


def actors_with_surname(conn: Connection, surname: str, type: str) -> list[Row]:
    a = t.actors.c
    return list(conn.execute(select(t.actors).where(a.surname == surname, a.type == type)))


def actor_row(conn: Connection, key: str) -> Row | None:
    return conn.execute(select(t.actors).where(t.actors.c.key == key)).first()


def actor_rows(conn: Connection, keys: Iterable[str] | None = None) -> list[Row]:
    """The actors of these keys (all of them when `keys` is None)."""
    query = select(t.actors)
    if keys is not None:
        wanted = sorted(set(keys))
        if not wanted:
            return []
        query = query.where(t.actors.c.key.in_(wanted))
    return list(conn.execute(query))


def insert_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(t.actors), rows)


def set_actor_wikidata(conn: Connection, key: str, wikidata: str) -> None:
    conn.execute(update(t.actors).where(t.actors.c.key == key).values(wikidata=wikidata))


def insert_entity_actors(conn: Connection, document_id: str, actor_of: dict[str, str]) -> None:
    """Which actor (key) each entity of a document is."""
    if actor_of:
        conn.execute(insert(t.entity_actors), [{"document_id": document_id, "entity_id": eid, "actor": key}
                                               for eid, key in actor_of.items()])


def entity_actor_links(conn: Connection) -> list[Row]:
    """(actor, document_id, entity_id) of every entity."""
    ea = t.entity_actors.c
    return list(conn.execute(select(ea.actor, ea.document_id, ea.entity_id)))


def actor_entity_names(conn: Connection) -> Iterator[tuple[str, str]]:
    """(actor key, entity name) for every entity resolved to an actor."""
    ea, e = t.entity_actors.c, t.entities.c
    query = select(ea.actor, e.name).join_from(
        t.entity_actors, t.entities, (ea.document_id == e.document_id) & (ea.entity_id == e.id))
    yield from conn.execute(query)


def mention_counts(conn: Connection) -> dict[tuple[str, str], int]:
    """(document_id, entity_id) → how many mentions."""
    m = t.mentions.c
    return {(d, e): n for d, e, n in conn.execute(
        select(m.document_id, m.entity_id, func.count()).group_by(m.document_id, m.entity_id))}


def mention_spans(conn: Connection) -> Iterator[tuple[str, str, int, int]]:
    """(document_id, entity_id, start, end) of every mention."""
    m = t.mentions.c
    yield from conn.execute(select(m.document_id, m.entity_id, m.span_start, m.span_end))


# -- documents ---------------------------------------------------------------------------------------

_DOCUMENT_COLUMNS = ("id", "outlet", "url", "title", "published", "copy_of", "ingested_at")


def document_rows(conn: Connection, ids: Iterable[str] | None = None) -> list[Row]:
    """Publication metadata (no text) of these documents, or of all."""
    d = t.documents.c
    query = select(*(d[name] for name in _DOCUMENT_COLUMNS))
    if ids is not None:
        query = query.where(d.id.in_(sorted(set(ids))))
    return list(conn.execute(query))


def copy_family_rows(conn: Connection, roots: Iterable[str]) -> list[Row]:
    """Publication metadata of these originals and of every copy of them."""
    d = t.documents.c
    wanted = sorted(set(roots))
    return list(conn.execute(select(*(d[name] for name in _DOCUMENT_COLUMNS))
                             .where(d.id.in_(wanted) | d.copy_of.in_(wanted))))


def document_outlet(conn: Connection, document_id: str) -> str | None:
    return conn.execute(select(t.documents.c.outlet).where(t.documents.c.id == document_id)).scalar()


def stored_analyses(conn: Connection) -> list[Row]:
    """(id, outlet, copy_of, analysis JSON) of every document, in the order they were stored."""
    d = t.documents.c
    return list(conn.execute(select(d.id, d.outlet, d.copy_of, d.analysis).order_by(d.ingested_at, d.id)))


def has_any(conn: Connection, table_name: str) -> bool:
    table = t.metadata.tables[table_name]
    return conn.execute(select(*table.primary_key.columns).limit(1)).first() is not None


def clear_derived(conn: Connection) -> None:
    for table in DERIVED_TABLES:
        conn.execute(delete(table))


# -- event reports -----------------------------------------------------------------------------------


def report_rows(conn: Connection) -> list[Row]:
    return list(conn.execute(select(t.reports)))


def candidate_report_rows(conn: Connection, family: str, days: tuple[str, str] | None,
                          anchors: list[str]) -> list[Row]:
    """Reports of a type family that may be the same happening: those whose days meet `days`
    (ISO first and last day), and the undated ones sharing an actor or target with `anchors`; for
    an undated report (`days` None), those sharing an actor or target."""
    r = t.reports.c
    shares = or_(r.actor.in_(anchors), r.target.in_(anchors)) if anchors else None
    if days is None:
        if shares is None:
            return []
        where = and_(r.family == family, shares)
    else:
        dated = and_(r.day_start <= days[1], r.day_end >= days[0])
        where = and_(r.family == family, or_(dated, and_(r.day_start.is_(None), shares)) if shares is not None
                     else dated)
    return list(conn.execute(select(t.reports).where(where)))


def insert_report(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(insert(t.reports).values(**row))


def merge_report_clusters(conn: Connection, into: str, others: list[str]) -> None:
    if others:
        conn.execute(update(t.reports).where(t.reports.c.cluster.in_(others)).values(cluster=into))


def report_claim_clusters(conn: Connection) -> Iterator[tuple[str, str, str]]:
    """(document_id, claim_id, cluster) of every report tied to a claim, in a stable order."""
    r = t.reports.c
    yield from conn.execute(select(r.document_id, r.claim_id, r.cluster).where(r.claim_id.is_not(None))
                            .order_by(r.document_id, r.event_id))


# -- claim groups --------------------------------------------------------------------------------------


def claims_sharing_bands(conn: Connection, bands: list[str], document_id: str) -> Iterator[tuple[str, str, str]]:
    """(band, content, cluster) of the stored claims of other documents with one of these bands."""
    b, c, g = t.claim_bands.c, t.claims.c, t.claim_groups.c
    if not bands:
        return
    yield from conn.execute(
        select(b.band, c.content_text, g.cluster)
        .join_from(t.claim_bands, t.claims, and_(c.document_id == b.document_id, c.id == b.claim_id))
        .join(t.claim_groups, and_(g.document_id == b.document_id, g.claim_id == b.claim_id))
        .where(b.band.in_(bands), b.document_id != document_id))


def merge_claim_groups(conn: Connection, into: str, others: list[str]) -> None:
    if others:
        conn.execute(update(t.claim_groups).where(t.claim_groups.c.cluster.in_(others)).values(cluster=into))


def insert_claim_groups(conn: Connection, groups: list[dict[str, str]], bands: list[dict[str, str]]) -> None:
    if groups:
        conn.execute(insert(t.claim_groups), groups)
    if bands:
        conn.execute(insert(t.claim_bands), bands)


def claim_group_clusters(conn: Connection) -> Iterator[tuple[str, str, str]]:
    """(document_id, claim_id, cluster) of every grouped claim."""
    g = t.claim_groups.c
    yield from conn.execute(select(g.document_id, g.claim_id, g.cluster))


def claim_rows(conn: Connection) -> Iterator[Row]:
    yield from conn.execute(select(t.claims))
