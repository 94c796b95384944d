"""The store: one interface over an embedded SQLite file or a PostgreSQL server.

Each document is written with its whole analysis in one transaction, so an interrupted
ingest never leaves half a document; the document id is the hash of its text, so writing
the same document twice changes nothing.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from claimwatch.errors import ClaimwatchError
from claimwatch.model import Analysis
from claimwatch.store import schema as t
from claimwatch.store.codec import analysis_from_dict, analysis_json
from claimwatch.store.derived import insert_rows
from claimwatch.store.migrate import upgrade

DEFAULT_DB = "claimwatch.db"
#: tries of one write: a store locked by another writer, or a dropped connection, is tried again
RETRIES = 5
BACKOFF_S = 0.2  # doubled after each try

T = TypeVar("T")


class StoreError(ClaimwatchError):
    """The store cannot be opened or written."""


def _message(exc: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's statement and background link."""
    orig = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def _transient(exc: SQLAlchemyError) -> bool:
    """A failure that another try can get past: the connection dropped, or another writer held the lock."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    words = _message(exc).lower()
    return "database is locked" in words or "database table is locked" in words


def store_error(exc: SQLAlchemyError, url: str) -> StoreError:
    """One clear line for a failed store operation, naming the likely cause."""
    words = _message(exc)
    lowered = words.lower()
    if "full" in lowered or "disk i/o error" in lowered or "no space" in lowered or "too large" in lowered:
        return StoreError(f"the store is full (no space left on the disk, or a file size limit): {url}: {words}")
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StoreError(f"lost the connection to the store {url}: {words}")
    if "locked" in lowered:
        return StoreError(f"the store {url} stayed locked by another writer: {words}")
    return StoreError(f"cannot write to the store {url}: {words}")


def resolve_url(db: str | Path | None = None) -> str:
    """A database URL from `--db` (a path or a URL), else $CLAIMWATCH_DB, else ./claimwatch.db."""
    target = str(db) if db is not None else os.environ.get("CLAIMWATCH_DB") or DEFAULT_DB
    if "://" not in target:
        return "sqlite:///" + str(Path(target).expanduser().resolve())
    if target.startswith(("postgresql://", "postgres://")):  # the installed driver is psycopg 3
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; a commit is atomic either way
    cur.execute("PRAGMA busy_timeout=30000")
    # 256 MiB of pages (the default is 2 MiB): each document's claim bands are a thousand look-ups
    # and inserts at random places of the largest index, each a read of the file when not cached
    cur.execute("PRAGMA cache_size=-262144")
    cur.close()


def _part(value: Any, index: int) -> Any:
    """One end of a span, or of the span of a TextSpan or Source; None where there is none."""
    span = getattr(value, "span", value)
    return span[index] if span is not None else None


def _column_value(obj: Any, column: str) -> Any:
    """What a column of the contract's table holds of a contract object: the field of its name;
    else, for `X_start`/`X_end`, an end of field X's span; else, for `X_attr`, that part of field X
    (`source_kind`, `cue_text`, `time_value`). A list is stored as JSON."""
    if hasattr(obj, column):
        value = getattr(obj, column)
        return json.dumps(value) if isinstance(value, list) else value
    for suffix, index in (("_start", 0), ("_end", 1)):
        if column.endswith(suffix):
            return _part(getattr(obj, column.removesuffix(suffix)), index)
    field, _, attr = column.partition("_")
    part = getattr(obj, field)
    return getattr(part, attr) if part is not None else None


def _columns(table: Any) -> tuple[str, ...]:
    """The columns a row of `table` is written with (all but an autoincremented key)."""
    return tuple(c.name for c in table.columns if c.name != "pk")


def _row(columns: tuple[str, ...], obj: Any, *fixed: Any) -> tuple[Any, ...]:
    """A row for one contract object: the `fixed` values of the first columns, then the object's
    (the schema is the one list of stored fields)."""
    return (*fixed, *(_column_value(obj, name) for name in columns[len(fixed):]))


@dataclass
class Incoming:
    """A document to store: its analysis, where it was published, what it copies, and the raw input
    it came from (what `KnowledgeBase.add` takes beside the analysis)."""

    analysis: Analysis
    outlet: str | None = None
    copy_of: str | None = None
    minhash: bytes | None = None
    raw_hash: str | None = None
    name: str | None = None


@dataclass
class Pending(Incoming):
    """An incoming document as the store writes it: with what derives from it."""

    derive: Callable[[Connection], None] | None = None
    copy_bands: list[str] = field(default_factory=list)  # the LSH bands of `minhash`


@dataclass
class _Mention:
    span: tuple[int, int]


def _rows(analysis: Analysis) -> dict[Any, list[tuple[Any, ...]]]:
    """The normalized rows of one analysis, per table, in the order of `_columns(table)`."""
    doc_id = analysis.document.id
    rows: dict[Any, list[tuple[Any, ...]]] = {table: [] for table in t.ANALYSIS_TABLES}
    entity_columns, mention_columns = _columns(t.entities), _columns(t.mentions)
    for e in analysis.entities:
        rows[t.entities].append(_row(entity_columns, e, doc_id))
        rows[t.mentions].extend(_row(mention_columns, _Mention(m), doc_id, e.id) for m in e.mentions)
    for table, items in ((t.claims, analysis.claims), (t.events, analysis.events),
                         (t.quantities, analysis.quantities), (t.times, analysis.times)):
        columns = _columns(table)
        rows[table].extend(_row(columns, item, doc_id) for item in items)
    return rows


class SQLStore:
    """Documents with their analyses; `claimwatch.Store` adds the cross-document queries."""

    def __init__(self, db: str | Path | None = None, *, migrate: bool = True) -> None:
        self.url = resolve_url(db)
        try:
            # pre-ping: a pooled connection that the server dropped is replaced, not used
            self.engine: Engine = create_engine(self.url, future=True, pool_pre_ping=not self.url.startswith("sqlite"))
        except Exception as exc:  # a bad URL or a missing driver: one clear line
            raise StoreError(f"cannot open store {self.url}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            try:
                self._retrying(lambda: upgrade(self.engine), schema=True)
            except Exception as exc:
                raise StoreError(f"cannot open store {self.engine.url.render_as_string()}: {exc}") from exc

    def _retrying(self, work: Callable[[], T], *, schema: bool = False) -> T:
        """`work` (one whole transaction), tried again with a growing pause while it fails for a
        reason that passes: a dropped connection, or "database is locked" from another writer past
        the busy timeout. With `schema`, also a table "already exists": two processes opening a new
        SQLite store at once both create its tables (SQLite runs that DDL outside one transaction)."""
        pause = BACKOFF_S
        for attempt in range(1, RETRIES + 1):
            try:
                return work()
            except IntegrityError:
                raise
            except SQLAlchemyError as exc:
                racing = schema and "already exists" in _message(exc)
                if attempt == RETRIES or not (_transient(exc) or racing):
                    raise
            time.sleep(pause)
            pause *= 2
        raise AssertionError("unreachable")

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def add(self, analysis: Analysis, *, outlet: str | None = None, copy_of: str | None = None,
            minhash: bytes | None = None, raw_hash: str | None = None, name: str | None = None,
            derive: Callable[[Connection], None] | None = None) -> bool:
        """Store a document with its analysis in one transaction; False when it was already stored.

        `derive` writes what is derived from the analysis (the knowledge kept at ingest) in the
        same transaction, so that a document is never stored without it."""
        return self.add_many([Pending(analysis, outlet, copy_of, minhash, raw_hash, name, derive)])[0]

    def add_many(self, items: list[Pending], finish: Callable[[Connection], None] | None = None, *,
                 one_by_one_on_conflict: bool = True) -> list[bool]:
        """Store documents in one transaction, in order, with bulk statements (one multi-row
        insert per table for the whole batch); per item, False when its document was already stored
        (or comes twice). Each item's `derive` runs after every document of the batch is written,
        in order, and then `finish` (what derives from the batch as a whole). Where another writer
        stored one of them first, the batch is written again one document at a time; a caller
        whose `derive` hooks were planned for the whole batch asks for the IntegrityError instead
        (`one_by_one_on_conflict=False`) and plans again."""
        if not items:
            return []
        try:
            return self._retrying(lambda: self._add_many(items, finish))
        except IntegrityError:  # another writer stored one of the documents first
            if not one_by_one_on_conflict:
                raise
            if len(items) > 1:
                return [flag for item in items for flag in SQLStore.add_many(self, [item], finish)]
            return [False]
        except SQLAlchemyError as exc:
            raise store_error(exc, self.engine.url.render_as_string()) from exc

    def _add_many(self, items: list[Pending], finish: Callable[[Connection], None] | None) -> list[bool]:
        """One try of `add_many`: the whole batch in one transaction, or nothing of it."""
        with self.engine.begin() as conn:
            ids = sorted({item.analysis.document.id for item in items})
            d = t.documents.c
            seen = set(conn.execute(select(d.id).where(d.id.in_(ids))).scalars())
            flags, fresh = [], []
            for item in items:
                doc_id = item.analysis.document.id
                flags.append(doc_id not in seen)
                if doc_id not in seen:
                    seen.add(doc_id)
                    fresh.append(item)
            if fresh:
                self._write_documents(conn, fresh)
            for item in fresh:
                if item.derive is not None:
                    item.derive(conn)
            if fresh and finish is not None:
                finish(conn)
            self._remember_input(conn, [(item.raw_hash, item.analysis.document.id, item.name) for item in items])
        return flags

    def _write_documents(self, conn: Connection, items: list[Pending]) -> None:
        """The documents and every row of their analyses, one multi-row insert per table."""
        start = datetime.now(UTC)
        documents, fts_docs, fts_claims, bands = [], [], [], []
        rows: dict[Any, list[tuple[Any, ...]]] = {table: [] for table in t.ANALYSIS_TABLES}
        for i, item in enumerate(items):
            analysis, doc = item.analysis, item.analysis.document
            documents.append({
                "id": doc.id, "outlet": item.outlet, "url": doc.url, "title": doc.title, "author": doc.author,
                "published": doc.published, "language": doc.language, "site_name": doc.site_name, "text": doc.text,
                "excluded": json.dumps([{"span": list(e.span), "reason": e.reason} for e in doc.excluded]),
                "copy_of": item.copy_of, "minhash": item.minhash, "analysis": analysis_json(analysis),
                "analysis_version": analysis.version,
                # one microsecond apart: the batch keeps its order wherever the store orders by ingest
                "ingested_at": start + timedelta(microseconds=i)})
            for table, table_rows in _rows(analysis).items():
                rows[table].extend(table_rows)
            fts_docs.append({"d": doc.id, "t": doc.title or "", "x": doc.text})
            bands.extend({"band": band, "document_id": doc.id} for band in item.copy_bands)
            fts_claims.extend({"d": doc.id, "c": c.id, "s": c.source.text or "", "x": c.content.text}
                              for c in analysis.claims)
        conn.execute(insert(t.documents), documents)
        for table, table_rows in rows.items():
            insert_rows(conn, table, _columns(table), table_rows)
        if bands:
            conn.execute(insert(t.copy_bands), bands)
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO documents_fts (document_id, title, text) VALUES (:d, :t, :x)"), fts_docs)
            if fts_claims:
                conn.execute(text("INSERT INTO claims_fts (document_id, claim_id, source, content) "
                                  "VALUES (:d, :c, :s, :x)"), fts_claims)

    @staticmethod
    def _remember_input(conn: Connection, inputs: list[tuple[str | None, str, str | None]]) -> None:
        """Note raw inputs (hash → document), each once, skipping those noted before."""
        wanted: dict[str, tuple[str, str | None]] = {}
        for h, doc_id, name in inputs:
            if h:
                wanted.setdefault(h, (doc_id, name))  # the first document an input gave
        if not wanted:
            return
        i = t.inputs.c
        known = set(conn.execute(select(i.raw_hash).where(i.raw_hash.in_(sorted(wanted)))).scalars())
        new = [{"raw_hash": h, "document_id": d, "name": n} for h, (d, n) in wanted.items() if h not in known]
        if new:
            conn.execute(insert(t.inputs), new)

    def remember_input(self, raw_hash: str, doc_id: str, name: str | None = None) -> None:
        """Note that a raw input gives a stored document (so that a re-run skips it early)."""

        def work() -> None:
            with self.engine.begin() as conn:
                self._remember_input(conn, [(raw_hash, doc_id, name)])

        try:
            self._retrying(work)
        except IntegrityError:  # another writer noted it first
            return
        except SQLAlchemyError as exc:
            raise store_error(exc, self.engine.url.render_as_string()) from exc

    # -- reading ---------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None

    def known_inputs(self) -> dict[str, tuple[str, str | None]]:
        """Raw-input hash → (document id, input name) of every input stored before (to skip them on a re-run)."""
        i = t.inputs.c
        with self.engine.connect() as conn:
            return {h: (d, n) for h, d, n in conn.execute(select(i.raw_hash, i.document_id, i.name))}

    def publications(self, text_id: str) -> list[dict[str, Any]]:
        """The stored publications of one text (its id is the text's hash): id, outlet, url, copy_of,
        first stored first. Read through indexes: the text's own row, then its further publications
        among the copies of its original (each is stored as one, with an id that starts with the
        text's). A LIKE on the id alone read every document on each reprint (SQLite's LIKE uses no
        index), which made a store's writes slower the larger it was."""
        d = t.documents.c
        columns = (d.id, d.outlet, d.url, d.copy_of, d.minhash, d.ingested_at)
        with self.engine.connect() as conn:
            first = conn.execute(select(*columns).where(d.id == text_id)).first()
            if first is None:
                return []
            rows = [first, *conn.execute(select(*columns).where(d.copy_of == (first.copy_of or first.id),
                                                                d.id.like(text_id + "@%")))]
        rows.sort(key=lambda r: r.ingested_at)
        return [{k: v for k, v in r._mapping.items() if k != "ingested_at"} for r in rows]

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(select(t.documents.c.id).where(t.documents.c.id.in_(wanted))).scalars())

    def document_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(t.documents.c.id)).scalars())

    def count(self, table: str = "documents") -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one()

    def signatures(self) -> Iterator[tuple[str, str | None, bytes]]:
        """(document id, copy_of, MinHash signature) of every stored document that has one, oldest first."""
        d = t.documents.c
        with self.engine.connect() as conn:
            for row in conn.execute(select(d.id, d.copy_of, d.minhash).where(d.minhash.is_not(None))
                                    .order_by(d.ingested_at, d.id)):
                yield row[0], row[1], bytes(row[2])

    def analysis(self, doc_id: str) -> Analysis | None:
        """The stored analysis of a document, as typed objects."""
        with self.engine.connect() as conn:
            raw = conn.execute(select(t.documents.c.analysis).where(t.documents.c.id == doc_id)).scalar()
        return analysis_from_dict(json.loads(raw)) if raw else None

    def documents(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Document metadata (no text, no analysis): id, outlet, url, title, published, copy_of, ingested_at."""
        d = t.documents.c
        query = select(d.id, d.outlet, d.url, d.title, d.author, d.published, d.language, d.site_name,
                       d.copy_of, d.analysis_version, d.ingested_at).order_by(d.ingested_at, d.id)
        if ids is not None:
            query = query.where(d.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def table(self, name: str) -> list[dict[str, Any]]:
        """Every row of one analysis table (entities, mentions, claims, events, quantities, times)."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(t.metadata.tables[name]))]

    def search(self, query: str, *, kind: str = "documents", limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over documents (title and text) or claims (source and content), best first."""
        if kind not in ("documents", "claims"):
            raise ValueError("kind is documents or claims")
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                return self._search_sqlite(conn, query, kind, limit)
            if self.dialect == "postgresql":
                return self._search_postgres(conn, query, kind, limit)
        raise StoreError(f"full-text search is not available on {self.dialect}")

    @staticmethod
    def _fts5_query(query: str) -> str:
        """Words as FTS5 terms, quoted, so that user text is never FTS5 syntax."""
        words = [w.replace('"', '""') for w in query.split()]
        return " ".join(f'"{w}"' for w in words if w)

    def _search_sqlite(self, conn: Connection, query: str, kind: str, limit: int) -> list[dict[str, Any]]:
        match = self._fts5_query(query)
        if not match:
            return []
        if kind == "documents":
            sql = ("SELECT document_id, title, snippet(documents_fts, 2, '[', ']', '…', 12) AS snippet "
                   "FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n")
        else:
            sql = ("SELECT document_id, claim_id, source, content FROM claims_fts "
                   "WHERE claims_fts MATCH :q ORDER BY rank LIMIT :n")
        return [dict(r._mapping) for r in conn.execute(text(sql), {"q": match, "n": limit})]

    @staticmethod
    def _search_postgres(conn: Connection, query: str, kind: str, limit: int) -> list[dict[str, Any]]:
        if kind == "documents":
            vec = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
            sql = (f"SELECT id AS document_id, title, "
                   f"ts_headline('english', text, q, 'MaxWords=12, MinWords=4') AS snippet "
                   f"FROM documents, plainto_tsquery('english', :q) q WHERE {vec} @@ q "
                   f"ORDER BY ts_rank({vec}, q) DESC LIMIT :n")
        else:
            vec = "to_tsvector('english', coalesce(source_text, '') || ' ' || content_text)"
            sql = (f"SELECT document_id, id AS claim_id, source_text AS source, content_text AS content "
                   f"FROM claims, plainto_tsquery('english', :q) q WHERE {vec} @@ q "
                   f"ORDER BY ts_rank({vec}, q) DESC LIMIT :n")
        return [dict(r._mapping) for r in conn.execute(text(sql), {"q": query, "n": limit})]
