"""On SQLite, the documents' publication metadata in covering indexes: a row's text and analysis
(about 100 KB) lie before its `copy_of` and `ingested_at`, so reading the metadata from the table
walked each row's overflow pages, and `events --about` slowed as the store outgrew the page cache.
PostgreSQL keeps large values out of line (TOAST) and needs none.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_META = ["outlet", "url", "title", "published", "ingested_at"]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_index("ix_documents_meta", "documents", ["id", *_META, "copy_of"])
    op.create_index("ix_documents_copy_of_meta", "documents", ["copy_of", "id", *_META])


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.drop_index("ix_documents_copy_of_meta", "documents")
    op.drop_index("ix_documents_meta", "documents")
