"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Every row of an analysis keeps its document id and its local id (`e1`, `c3`), so that the
normalized tables can be joined back to the stored JSON of the whole analysis. Spans are kept
as two integer columns (`span_start`, `span_end`: `end` is an SQL keyword).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
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
    # SQLite only (migration 0007): the metadata without the row, whose text and analysis come first
    Index("ix_documents_meta", "id", "outlet", "url", "title", "published", "ingested_at", "copy_of").ddl_if(
        dialect="sqlite"),
    Index("ix_documents_copy_of_meta", "copy_of", "id", "outlet", "url", "title", "published",
          "ingested_at").ddl_if(dialect="sqlite"),
)

#: The LSH bands of each document's MinHash signature: documents sharing a band are the
#: candidates of a near-verbatim copy, found through the index instead of a signature index
#: rebuilt in memory from every stored document.
copy_bands = Table(
    "copy_bands", metadata,
    Column("band", String(40), nullable=False, index=True),
    Column("document_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
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

# -- the knowledge kept up to date at ingest -------------------------------------------------------

#: Actors across documents: a person, organisation, armed group, place or state, keyed by its
#: Wikidata id where known, else by its state (for states) or its full name, type and country.
actors = Table(
    "actors", metadata,
    Column("key", String(255), primary_key=True),
    Column("name", Text, nullable=False),  # the full name it was first stored with
    Column("folded", String(255), nullable=False),  # the name case-folded, for lookups
    Column("type", String(32)),
    Column("country", String(8), index=True),
    Column("wikidata", String(32), index=True),
    Column("sector", String(64)),
    Column("surname", String(255)),  # a person's last name, to resolve a bare surname to them
    Index("ix_actors_folded", "folded", "type"),
    Index("ix_actors_surname", "surname", "type"),
)

#: The words of each actor's name (case-folded, as `--about` compares them), to find an actor by a
#: word of its name through an index.
actor_words = Table(
    "actor_words", metadata,
    Column("word", String(255), primary_key=True),
    Column("actor", String(255), primary_key=True),
)

#: Which actor each document's entity is.
entity_actors = Table(
    "entity_actors", metadata,
    _doc_fk(),
    Column("entity_id", LOCAL_ID, primary_key=True),
    Column("actor", String(255), nullable=False, index=True),
)

#: Each stored event as its document reports it, with what clustering compares, and its cluster.
reports = Table(
    "reports", metadata,
    _doc_fk(),
    Column("event_id", LOCAL_ID, primary_key=True),
    Column("cluster", String(32), nullable=False, index=True),
    Column("type", String(32), nullable=False),
    Column("family", String(32), nullable=False),
    Column("mode", String(64)),
    Column("actor", String(255)),
    Column("target", String(255)),
    Column("location", String(255)),
    Column("day_start", String(10)),  # the days it happened: the event's own time, else publication
    Column("day_end", String(10)),
    Column("time_value", String(32)),
    Column("polarity", String(16), nullable=False),
    Column("retraction", Integer, nullable=False),
    Column("certainty", String(16)),
    Column("modality", String(16)),
    Column("claim_id", LOCAL_ID),
    Column("source_key", String(255)),
    Column("cue", Text),
    Column("text", Text, nullable=False),
    Column("numbers", Text),  # JSON: field → [value, low, high, bound]
    Column("origin", DOC_ID, nullable=False, index=True),  # the document whose text this copies (or itself)
    # by the last day: candidates are the reports whose days reach the new one's (day_end >= its
    # first day), in a store written in time order the last few days' reports
    Index("ix_reports_family_end", "family", "day_end"),
    # by a party and the last day: a vaguely dated report's candidates share a party with it, and
    # are its days' reports of that party, not all of them (claimwatch.knowledge.clusters)
    Index("ix_reports_actor_end", "actor", "day_end"),
    Index("ix_reports_target_end", "target", "day_end"),
)

#: Claims that no event ties to a cluster, grouped by what they say.
claim_groups = Table(
    "claim_groups", metadata,
    _doc_fk(),
    Column("claim_id", LOCAL_ID, primary_key=True),
    Column("cluster", String(32), nullable=False, index=True),
    # the claim as its bands name it (claimwatch.knowledge.claims.claim_number): 8 bytes per band
    # row instead of the document id and claim id
    Column("number", BigInteger, index=True),
)

#: LSH bands of those claims' content words (8-byte keys): claims sharing a band are compared.
#: With text keys and the document id these rows were 43–63% of a store.
claim_bands = Table(
    "claim_bands", metadata,
    Column("band", BigInteger, primary_key=True),
    Column("claim", BigInteger, primary_key=True),  # claim_groups.number
    sqlite_with_rowid=False,  # the key is the row: one b-tree, read without a second look-up
)

#: Each cluster's contradictions as `claimwatch contradictions` prints them, recomputed for the
#: clusters a batch changed; `sort_day` (the cluster's first report day, "9999" for none) and
#: `position` keep the query's order. Actors are kept by key and read when asked for.
cluster_contradictions = Table(
    "cluster_contradictions", metadata,
    Column("cluster", String(32), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("sort_day", String(10), nullable=False),
    Column("type", String(32), nullable=False),
    Column("actor", String(255)),
    Column("target", String(255)),
    Column("kind", String(16), nullable=False),
    Column("field", String(16), nullable=False),
    Column("reports", Text, nullable=False),  # JSON: the evidence of every side
    Index("ix_cluster_contradictions_order", "sort_day", "cluster", "position"),
)

#: Each copy family's first publication (claimwatch.knowledge.publications), by the family's
#: original: every member is credited to its outlet, read here instead of from the whole family.
copy_families = Table(
    "copy_families", metadata,
    Column("origin", DOC_ID, primary_key=True),
    Column("first_id", DOC_ID, nullable=False),
    Column("first_outlet", String(255)),
)

#: Facts about the derived tables themselves (`contradictions`: "ready" once they are filled).
knowledge_state = Table(
    "knowledge_state", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text),
)
