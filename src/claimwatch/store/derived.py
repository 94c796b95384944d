"""The SQL of the knowledge kept at ingest (actors and the words of their names, event reports and
their clusters, claim groups, documents' signature bands):
reading and writing those tables inside the caller's transaction. claimwatch.knowledge decides what
to write; this module is the one place that knows the tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Row

from claimwatch.store import schema as t

DERIVED_TABLES = (t.cluster_contradictions, t.knowledge_state, t.claim_bands, t.claim_groups, t.reports,
                  t.entity_actors, t.actor_words, t.actors, t.copy_families)
_WORD = re.compile(r"\w+")
#: Keys in one IN list: well under SQLite's limit of bound parameters.
CHUNK = 5000
#: Rows from which PostgreSQL is sent a COPY rather than INSERTs (a COPY costs a round trip more).
COPY_FROM = 20


def name_words(folded: str) -> list[str]:
    """The words of a case-folded name, as `actor_words` keeps them."""
    return sorted({w[:255] for w in _WORD.findall(folded)})


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def _where_in(conn: Connection, query: Any, column: Any, values: Iterable[Any] | None) -> Iterator[Any]:
    """The rows of `query`, or of those whose `column` is one of `values`, read in chunks of CHUNK."""
    if values is None:
        yield from conn.execute(query)
        return
    for part in _chunks(sorted(set(values))):
        yield from conn.execute(query.where(column.in_(part)))

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
    if keys is None:
        return list(conn.execute(query))
    return [row for part in _chunks(sorted(set(keys))) for row in conn.execute(query.where(t.actors.c.key.in_(part)))]


def insert_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(t.actors), rows)
        words = [{"word": w, "actor": r["key"]} for r in rows for w in name_words(r["folded"])]
        if words:
            conn.execute(insert(t.actor_words), words)


def actor_keys_with_word(conn: Connection, word: str) -> set[str]:
    w = t.actor_words.c
    return set(conn.execute(select(w.actor).where(w.word == word)).scalars())


def actor_keys_where(conn: Connection, *, country: str | None = None, wikidata: str | None = None) -> set[str]:
    """Keys of the actors of a state (its code) or of a Wikidata id."""
    a = t.actors.c
    where = a.country == country if country is not None else a.wikidata == wikidata
    return set(conn.execute(select(a.key).where(where)).scalars())


def all_actor_keys(conn: Connection) -> set[str]:
    return set(conn.execute(select(t.actors.c.key)).scalars())


def set_actor_wikidata(conn: Connection, key: str, wikidata: str) -> None:
    conn.execute(update(t.actors).where(t.actors.c.key == key).values(wikidata=wikidata))


def insert_entity_actors(conn: Connection, document_id: str, actor_of: dict[str, str]) -> None:
    """Which actor (key) each entity of a document is."""
    if actor_of:
        conn.execute(insert(t.entity_actors), [{"document_id": document_id, "entity_id": eid, "actor": key}
                                               for eid, key in actor_of.items()])


def entity_actor_links(conn: Connection, document_ids: Iterable[str] | None = None) -> list[Row]:
    """(actor, document_id, entity_id) of every entity (of these documents)."""
    ea = t.entity_actors.c
    return list(_where_in(conn, select(ea.actor, ea.document_id, ea.entity_id), ea.document_id, document_ids))


def documents_of_actors(conn: Connection, keys: Iterable[str]) -> set[str]:
    """The documents with an entity resolved to one of these actors."""
    ea = t.entity_actors.c
    return {d for d, in _where_in(conn, select(ea.document_id), ea.actor, keys)}


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


def mention_spans(conn: Connection, document_ids: Iterable[str] | None = None) -> Iterator[tuple[str, str, int, int]]:
    """(document_id, entity_id, start, end) of every mention (of these documents)."""
    m = t.mentions.c
    yield from _where_in(conn, select(m.document_id, m.entity_id, m.span_start, m.span_end), m.document_id,
                         document_ids)


# -- documents ---------------------------------------------------------------------------------------

_DOCUMENT_COLUMNS = ("id", "outlet", "url", "title", "published", "copy_of", "ingested_at")


def document_rows(conn: Connection, ids: Iterable[str] | None = None) -> list[Row]:
    """Publication metadata (no text) of these documents, or of all. On SQLite it is read from the
    covering index (migration 0007): from the table, each row's text and analysis would be read too."""
    hint = " INDEXED BY ix_documents_meta" if conn.dialect.name == "sqlite" else ""
    columns = [t.documents.c[name] for name in _DOCUMENT_COLUMNS]
    sql = f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents{hint}"
    if ids is None:
        return list(conn.execute(text(sql).columns(*columns)))
    query = text(sql + " WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)).columns(*columns)
    return [row for part in _chunks(sorted(set(ids))) for row in conn.execute(query, {"ids": part})]


def copy_family_rows(conn: Connection, roots: Iterable[str]) -> list[Row]:
    """Publication metadata of these originals and of every copy of them."""
    d = t.documents.c
    query = select(*(d[name] for name in _DOCUMENT_COLUMNS))
    rows = {}
    for part in _chunks(sorted(set(roots))):  # two indexed look-ups: an OR of both reads every row
        for row in [*conn.execute(query.where(d.id.in_(part))), *conn.execute(query.where(d.copy_of.in_(part)))]:
            rows[row.id] = row
    return list(rows.values())


def family_firsts(conn: Connection, origins: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """The kept first publication (id, outlet) of these copy families, by origin."""
    f = t.copy_families.c
    return {origin: (first_id, outlet) for part in _chunks(sorted(set(origins)))
            for origin, first_id, outlet in conn.execute(
                select(f.origin, f.first_id, f.first_outlet).where(f.origin.in_(part)))}


def set_family_first(conn: Connection, origin: str, first_id: str, outlet: str | None) -> None:
    conn.execute(delete(t.copy_families).where(t.copy_families.c.origin == origin))
    insert_family_firsts(conn, [(origin, first_id, outlet)])


def insert_family_firsts(conn: Connection, rows: list[tuple[str, str, str | None]]) -> None:
    insert_rows(conn, t.copy_families, ("origin", "first_id", "first_outlet"), rows)


def document_outlet(conn: Connection, document_id: str) -> str | None:
    return conn.execute(select(t.documents.c.outlet).where(t.documents.c.id == document_id)).scalar()


def stored_analyses(conn: Connection) -> list[Row]:
    """(id, outlet, copy_of, analysis JSON) of every document, in the order they were stored."""
    d = t.documents.c
    return list(conn.execute(select(d.id, d.outlet, d.copy_of, d.analysis).order_by(d.ingested_at, d.id)))


def documents_sharing_bands(conn: Connection, bands: list[str]) -> list[Row]:
    """(id, copy_of, minhash) of the stored documents with one of these signature bands."""
    d, b = t.documents.c, t.copy_bands.c
    if not bands:
        return []
    ids = select(b.document_id).where(b.band.in_(bands)).distinct()
    return conn.execute(select(d.id, d.copy_of, d.minhash).where(d.id.in_(ids))).all()


def ingest_order(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[Any, str]]:
    """(ingested_at, id) of these documents: the order they were stored in."""
    d = t.documents.c
    return {i: (at, i) for part in _chunks(sorted(set(ids)))
            for i, at in conn.execute(select(d.id, d.ingested_at).where(d.id.in_(part)))}


def signatures_without_bands(conn: Connection) -> list[Row]:
    """(id, minhash) of the stored documents whose signature has no bands in `copy_bands` yet."""
    d, b = t.documents.c, t.copy_bands.c
    return conn.execute(select(d.id, d.minhash).where(d.minhash.is_not(None),
                                                      d.id.not_in(select(b.document_id).distinct()))).all()


def insert_copy_bands(conn: Connection, rows: list[dict[str, str]]) -> None:
    if rows:
        conn.execute(insert(t.copy_bands), rows)


def clusters_of_origins(conn: Connection, origins: Iterable[str]) -> set[str]:
    """The clusters with a report of a publication of these texts (copy families)."""
    r = t.reports.c
    return {c for part in _chunks(sorted(set(origins)))
            for c in conn.execute(select(r.cluster).where(r.origin.in_(part)).distinct()).scalars()}


def all_clusters(conn: Connection) -> set[str]:
    return set(conn.execute(select(t.reports.c.cluster).distinct()).scalars())


def replace_contradictions(conn: Connection, clusters: Iterable[str], rows: list[dict[str, Any]]) -> None:
    """The contradiction rows of these clusters, instead of those stored for them."""
    for part in _chunks(sorted(set(clusters))):
        conn.execute(delete(t.cluster_contradictions).where(t.cluster_contradictions.c.cluster.in_(part)))
    if rows:
        conn.execute(insert(t.cluster_contradictions), rows)


def contradiction_rows(conn: Connection) -> list[Row]:
    """Every stored contradiction, in the order of their clusters (first reported first)."""
    c = t.cluster_contradictions.c
    return conn.execute(select(t.cluster_contradictions).order_by(c.sort_day, c.cluster, c.position)).all()


def state(conn: Connection, key: str) -> str | None:
    return conn.execute(select(t.knowledge_state.c.value).where(t.knowledge_state.c.key == key)).scalar()


def set_state(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(t.knowledge_state).where(t.knowledge_state.c.key == key))
    conn.execute(insert(t.knowledge_state).values(key=key, value=value))


def has_any(conn: Connection, table_name: str) -> bool:
    table = t.metadata.tables[table_name]
    columns = list(table.primary_key.columns) or list(table.columns)[:1]
    return conn.execute(select(*columns).limit(1)).first() is not None


def clear_derived(conn: Connection) -> None:
    for table in DERIVED_TABLES:
        conn.execute(delete(table))


# -- event reports -----------------------------------------------------------------------------------


def report_rows(conn: Connection) -> list[Row]:
    return list(conn.execute(select(t.reports)))


def driver_rows(conn: Connection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of one SELECT (`?` for each parameter) through the driver's own cursor, for the
    queries asked once per report or claim: SQLAlchemy's statement and row objects cost more than
    the query there."""
    if conn.dialect.name == "postgresql":
        sql = sql.replace("?", "%s")
    elif conn.dialect.name != "sqlite":
        return [tuple(row) for row in conn.exec_driver_sql(sql, tuple(params))]
    cursor = conn.connection.cursor()
    cursor.execute(sql, params)
    return cursor.fetchall()


def reports_of_days(conn: Connection, family: str, days: tuple[str, str],
                    bounds: tuple[str, str]) -> list[tuple[str, str, str]]:
    """(document_id, event_id, cluster) of the reports of a type family whose days meet `days` (ISO
    first and last day) and lie within `bounds`: the reports dated about as closely as the new one.
    The index on (family, day_end) reads only the reports that end between `days`' first day and the
    bounds' last, however long the store's history."""
    return driver_rows(conn, "SELECT document_id, event_id, cluster FROM reports WHERE family = ? AND "
                             "day_end >= ? AND day_end <= ? AND day_start <= ? AND day_start >= ?",
                       [family, days[0], bounds[1], days[1], bounds[0]])


def reports_of_parties(conn: Connection, family: str, days: tuple[str, str] | None,
                       anchors: list[str]) -> list[tuple[str, str, str]]:
    """(document_id, event_id, cluster) of the reports of a type family with an actor or target among
    `anchors`: those whose days meet `days` and the undated ones; every one for `days` None. Each
    query reads a party's reports of those days through the index on (actor or target, day_end);
    SQLite is told so, as without statistics it would take the family's index and read the family."""
    if not anchors:
        return []
    marks = ", ".join("?" * len(anchors))
    rows: list[tuple[str, str, str]] = []
    for column in ("actor", "target"):
        hint = f" INDEXED BY ix_reports_{column}_end" if conn.dialect.name == "sqlite" else ""
        sql = f"SELECT document_id, event_id, cluster FROM reports{hint} WHERE {column} IN ({marks}) AND family = ?"
        if days is None:
            rows += driver_rows(conn, sql, [*anchors, family])
        else:
            rows += driver_rows(conn, sql + " AND day_end >= ? AND day_start <= ?", [*anchors, family, *days])
            rows += driver_rows(conn, sql + " AND day_end IS NULL", [*anchors, family])
    return rows


def clusters_of_actors(conn: Connection, keys: Iterable[str]) -> set[str]:
    """The clusters with a report whose actor or target is one of these actors."""
    r = t.reports.c
    found: set[str] = set()
    for part in _chunks(sorted(set(keys))):
        found.update(conn.execute(select(r.cluster).where(r.actor.in_(part))).scalars())
        found.update(conn.execute(select(r.cluster).where(r.target.in_(part))).scalars())
    return found


def report_rows_in_clusters(conn: Connection, clusters: Iterable[str]) -> list[Row]:
    """Every report of these clusters."""
    rows: list[Row] = []
    for part in _chunks(sorted(set(clusters))):
        rows.extend(conn.execute(select(t.reports).where(t.reports.c.cluster.in_(part))))
    return rows


def report_rows_of(conn: Connection, document_ids: list[str]) -> list[Row]:
    """Every report of these documents."""
    return list(conn.execute(select(t.reports).where(t.reports.c.document_id.in_(document_ids))))


def insert_report(conn: Connection, row: dict[str, Any]) -> None:
    insert_rows(conn, t.reports, tuple(row), [tuple(row.values())])


def report_days_in_cluster(conn: Connection, cluster: str) -> list[tuple[tuple[date, date] | None, str | None]]:
    """The days (first, last) of every report of a cluster (None for an undated one), each with its
    publication's `published` value."""
    r = t.reports.c
    rows = conn.execute(select(r.day_start, r.day_end, r.document_id).where(r.cluster == cluster)).all()
    published = {row.id: row.published for row in document_rows(conn, {row.document_id for row in rows})}
    return [((date.fromisoformat(a), date.fromisoformat(b)) if a and b else None, published.get(doc_id))
            for a, b, doc_id in rows]


def merge_report_clusters(conn: Connection, into: str, others: list[str]) -> None:
    if others:
        conn.execute(update(t.reports).where(t.reports.c.cluster.in_(others)).values(cluster=into))


def report_claim_clusters(conn: Connection, document_ids: Iterable[str] | None = None
                          ) -> Iterator[tuple[str, str, str]]:
    """(document_id, claim_id, cluster) of every report tied to a claim (of these documents), in a
    stable order."""
    r = t.reports.c
    query = select(r.document_id, r.claim_id, r.cluster).where(r.claim_id.is_not(None)).order_by(
        r.document_id, r.event_id)
    yield from _where_in(conn, query, r.document_id, document_ids)


# -- claim groups --------------------------------------------------------------------------------------


def band_claims(conn: Connection, bands: list[int]) -> list[tuple[int, int]]:
    """(band, claim number) of the stored claims with one of these bands: thousands of rows per
    document, so read through the driver's cursor (SQLAlchemy's rows cost more than the query)."""
    out: list[tuple[int, int]] = []
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.cursor()
        cursor.execute("SELECT band, claim FROM claim_bands WHERE band = ANY(%s::bigint[])", (bands,))
        out.extend(cursor.fetchall())
        return out
    if conn.dialect.name == "sqlite":
        cursor = conn.connection.cursor()
        for part in _chunks(bands):
            cursor.execute(f"SELECT band, claim FROM claim_bands WHERE band IN ({','.join('?' * len(part))})", part)
            out.extend(cursor.fetchall())
        return out
    b = t.claim_bands.c
    for part in _chunks(bands):
        out.extend((band, claim) for band, claim in conn.execute(select(b.band, b.claim).where(b.band.in_(part))))
    return out


def claim_clusters(conn: Connection, numbers: Iterable[int], document_id: str) -> dict[int, str]:
    """Claim number → its cluster, for the grouped claims of these numbers of other documents."""
    g = t.claim_groups.c
    return {n: k for part in _chunks(sorted(set(numbers))) for n, k in conn.execute(
        select(g.number, g.cluster).where(g.number.in_(part), g.document_id != document_id))}


def grouped_claim_texts(conn: Connection, numbers: Iterable[int]) -> list[tuple[int, str]]:
    """(number, content text) of the grouped claims of these numbers."""
    g, c = t.claim_groups.c, t.claims.c
    query = select(g.number, c.content_text).join_from(
        t.claim_groups, t.claims, and_(c.document_id == g.document_id, c.id == g.claim_id))
    return [(n, text) for part in _chunks(sorted(set(numbers))) for n, text in conn.execute(
        query.where(g.number.in_(part)))]


def merge_claim_groups(conn: Connection, into: str, others: list[str]) -> None:
    if others:
        conn.execute(update(t.claim_groups).where(t.claim_groups.c.cluster.in_(others)).values(cluster=into))


def insert_rows(conn: Connection, table: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Many rows into a table: COPY on PostgreSQL, the driver's executemany on SQLite (each row
    through SQLAlchemy's insert cost more than writing it), else SQLAlchemy's insert."""
    if not rows:
        return
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql" and len(rows) >= COPY_FROM:
        with conn.connection.cursor().copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    elif conn.dialect.name in ("postgresql", "sqlite"):
        mark = "%s" if conn.dialect.name == "postgresql" else "?"
        conn.connection.cursor().executemany(
            f"INSERT INTO {table.name} ({names}) VALUES ({', '.join([mark] * len(columns))})", rows)
    else:
        conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def insert_claim_groups(conn: Connection, groups: list[tuple[str, str, str, int]],
                        bands: list[tuple[int, int]]) -> None:
    """Claim groups as (document_id, claim_id, cluster, number), and their bands as (band, number)."""
    insert_rows(conn, t.claim_groups, ("document_id", "claim_id", "cluster", "number"), groups)
    insert_rows(conn, t.claim_bands, ("band", "claim"), bands)


def grouped_claim_contents(conn: Connection) -> Iterator[tuple[int, str, str]]:
    """(number, cluster, content text) of every grouped claim."""
    g, c = t.claim_groups.c, t.claims.c
    yield from conn.execute(select(g.number, g.cluster, c.content_text).join_from(
        t.claim_groups, t.claims, and_(c.document_id == g.document_id, c.id == g.claim_id)))


def claim_group_clusters(conn: Connection, document_ids: Iterable[str] | None = None
                         ) -> Iterator[tuple[str, str, str]]:
    """(document_id, claim_id, cluster) of every grouped claim (of these documents)."""
    g = t.claim_groups.c
    yield from _where_in(conn, select(g.document_id, g.claim_id, g.cluster), g.document_id, document_ids)


def claim_group_documents(conn: Connection, clusters: Iterable[str]) -> set[str]:
    """The documents with a claim in one of these claim groups."""
    g = t.claim_groups.c
    return {d for d, in _where_in(conn, select(g.document_id), g.cluster, clusters)}


def claim_rows(conn: Connection, document_ids: Iterable[str] | None = None) -> Iterator[Row]:
    """Every stored claim (of these documents)."""
    yield from _where_in(conn, select(t.claims), t.claims.c.document_id, document_ids)


def documents_with_claim_words(conn: Connection, words: list[str]) -> set[str]:
    """The documents with a claim whose content holds all these words (a superset of the claims that
    name them as a phrase): the full-text index on SQLite, a case-blind scan on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        phrase = '"' + " ".join(word.replace('"', "") for word in words) + '"'
        return set(conn.execute(text("SELECT document_id FROM claims_fts WHERE claims_fts MATCH :q"),
                                {"q": "content : " + phrase}).scalars())
    c = t.claims.c
    where = and_(*(c.content_text.ilike(f"%{word}%") for word in words))
    return set(conn.execute(select(c.document_id).where(where)).scalars())
