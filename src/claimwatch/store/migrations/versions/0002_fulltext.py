"""Full-text search over documents and claims: FTS5 on SQLite, tsvector (GIN) on PostgreSQL.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-01
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # Own copies of the searched text: the documents' key is a string, not a rowid.
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, text)")
        op.execute("CREATE VIRTUAL TABLE claims_fts USING fts5(document_id UNINDEXED, claim_id UNINDEXED, "
                   "source, content)")
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_documents_fts ON documents USING gin "
                   "(to_tsvector('english', coalesce(title, '') || ' ' || text))")
        op.execute("CREATE INDEX ix_claims_fts ON claims USING gin "
                   "(to_tsvector('english', coalesce(source_text, '') || ' ' || content_text))")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS claims_fts")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claims_fts")
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
