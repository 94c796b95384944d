"""The words of actors' names, so that `--about NAME` finds its actors through an index instead
of reading every actor; the LSH bands of documents' signatures, to find copies through an index
(filled for stored documents when the knowledge opens the store); each cluster's contradictions,
kept per batch (filled likewise); an index on reports' copy
families; no index on claim bands' documents (nothing reads bands by document, and that index
was a fifth of a store's bytes).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_WORD = re.compile(r"\w+")


def upgrade() -> None:
    op.create_table(
        "actor_words",
        sa.Column("word", sa.String(255), primary_key=True),
        sa.Column("actor", sa.String(255), primary_key=True),
    )
    op.create_table(
        "copy_bands",
        sa.Column("band", sa.String(40), nullable=False),
        sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_copy_bands_band", "copy_bands", ["band"])
    op.create_index("ix_reports_origin", "reports", ["origin"])
    op.create_table(
        "cluster_contradictions",
        sa.Column("cluster", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("sort_day", sa.String(10), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(255)),
        sa.Column("target", sa.String(255)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("reports", sa.Text(), nullable=False),
    )
    op.create_index("ix_cluster_contradictions_order", "cluster_contradictions", ["sort_day", "cluster", "position"])
    op.create_table(
        "knowledge_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text()),
    )
    op.drop_index("ix_claim_bands_document_id", "claim_bands")
    bind = op.get_bind()
    # the actors stored before: the same words as claimwatch.store.derived.name_words gives
    rows = [{"word": w[:255], "actor": key} for key, folded in bind.execute(sa.text("SELECT key, folded FROM actors"))
            for w in sorted(set(_WORD.findall(folded)))]
    if rows:
        bind.execute(sa.text("INSERT INTO actor_words (word, actor) VALUES (:word, :actor)"), rows)


def downgrade() -> None:
    op.create_index("ix_claim_bands_document_id", "claim_bands", ["document_id"])
    op.drop_index("ix_reports_origin", "reports")
    op.drop_table("copy_bands")
    op.drop_table("knowledge_state")
    op.drop_table("cluster_contradictions")
    op.drop_table("actor_words")
