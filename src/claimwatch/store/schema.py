"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Every row of an analysis keeps its document id and its local id (`e1`, `c3`), so that the
normalized tables can be joined back to the stored JSON of the whole analysis. Spans are kept
as two integer columns (`span_start`, `span_end`: `end` is an SQL keyword).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

DOC_ID = String(80)
LOCAL_ID = String(32)


def _doc_fk() -> Column:
    return Column("document_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


documents = Table(
    "documents", metadata,
    Column("id", DOC_ID, primary_key=True),  # sha256 of the text: the same text is the same document
    Column("outlet", String(255), index=True),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", String(32), index=True),
    Column("language", String(16)),
    Column("site_name", Text),
    Column("text", Text, nullable=False),
    Column("excluded", Text),  # JSON list of {"span", "reason"}
    Column("copy_of", DOC_ID, index=True),  # the first stored near-verbatim original, if any
    Column("minhash", LargeBinary),  # the document's MinHash signature, to find later copies
    Column("analysis", Text, nullable=False),  # Analysis.to_json(): the whole analysis as analysed
    Column("analysis_version", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

#: Raw inputs already seen (hash of the bytes) → their document, so that a re-run skips
#: extraction and analysis of everything it stored before.
inputs = Table(
    "inputs", metadata,
    Column("raw_hash", String(80), primary_key=True),
    Column("document_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text),
)

entities = Table(
    "entities", metadata,
    _doc_fk(),
    Column("id", LOCAL_ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32)),
    Column("country", String(8), index=True),
    Column("wikidata", String(32)),
    Column("sector", String(64)),
    Index("ix_entities_name", "name"),
)

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("entity_id", LOCAL_ID, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)

claims = Table(
    "claims", metadata,
    _doc_fk(),
    Column("id", LOCAL_ID, primary_key=True),
    Column("source_text", Text),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_kind", String(16)),
    Column("source_entity", LOCAL_ID),
    Column("cue_text", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content_text", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("certainty", String(16)),
    Column("polarity", String(16)),
    Column("stated_at", String(32)),
)

events = Table(
    "events", metadata,
    _doc_fk(),
    Column("id", LOCAL_ID, primary_key=True),
    Column("type", String(32), nullable=False, index=True),
    Column("mode", String(64)),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("actor", LOCAL_ID),
    Column("target", LOCAL_ID),
    Column("location", LOCAL_ID),
    Column("time_text", Text),
    Column("time_value", String(32)),
    Column("modality", String(16)),
    Column("quantities", Text),  # JSON list of quantity ids
    Column("dead", Float),
    Column("injured", Float),
    Column("size", Float),
    Column("claim", LOCAL_ID),
    Column("certainty", String(16)),
    Column("polarity", String(16)),
    Column("cameo", String(16)),
)

quantities = Table(
    "quantities", metadata,
    _doc_fk(),
    Column("id", LOCAL_ID, primary_key=True),
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("value", Float),
    Column("unit", Text),
    Column("bound", String(16)),
    Column("upper", Float),
)

times = Table(
    "times", metadata,
    _doc_fk(),
    Column("id", LOCAL_ID, primary_key=True),
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("value", String(32)),
)

#: Child tables in the order they are written (after `documents`).
ANALYSIS_TABLES = (entities, mentions, claims, events, quantities, times)
