"""The knowledge kept at ingest: actors across documents, event reports with their clusters,
claim groups and their LSH bands.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DOC_ID = sa.String(80)
LOCAL_ID = sa.String(32)


def _doc_fk() -> sa.Column:
    return sa.Column("document_id", DOC_ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("folded", sa.String(255), nullable=False),
        sa.Column("type", sa.String(32)),
        sa.Column("country", sa.String(8)),
        sa.Column("wikidata", sa.String(32)),
        sa.Column("sector", sa.String(64)),
        sa.Column("surname", sa.String(255)),
    )
    op.create_index("ix_actors_folded", "actors", ["folded", "type"])
    op.create_index("ix_actors_surname", "actors", ["surname", "type"])
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_index("ix_actors_wikidata", "actors", ["wikidata"])
    op.create_table(
        "entity_actors", _doc_fk(),
        sa.Column("entity_id", LOCAL_ID, primary_key=True),
        sa.Column("actor", sa.String(255), nullable=False),
    )
    op.create_index("ix_entity_actors_actor", "entity_actors", ["actor"])
    op.create_table(
        "reports", _doc_fk(),
        sa.Column("event_id", LOCAL_ID, primary_key=True),
        sa.Column("cluster", sa.String(32), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("family", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(64)),
        sa.Column("actor", sa.String(255)),
        sa.Column("target", sa.String(255)),
        sa.Column("location", sa.String(255)),
        sa.Column("day_start", sa.String(10)),
        sa.Column("day_end", sa.String(10)),
        sa.Column("time_value", sa.String(32)),
        sa.Column("polarity", sa.String(16), nullable=False),
        sa.Column("retraction", sa.Integer(), nullable=False),
        sa.Column("certainty", sa.String(16)),
        sa.Column("modality", sa.String(16)),
        sa.Column("claim_id", LOCAL_ID),
        sa.Column("source_key", sa.String(255)),
        sa.Column("cue", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("numbers", sa.Text()),
        sa.Column("origin", DOC_ID, nullable=False),
    )
    op.create_index("ix_reports_cluster", "reports", ["cluster"])
    op.create_index("ix_reports_actor", "reports", ["actor"])
    op.create_index("ix_reports_target", "reports", ["target"])
    op.create_index("ix_reports_family_day", "reports", ["family", "day_start"])
    op.create_table(
        "claim_groups", _doc_fk(),
        sa.Column("claim_id", LOCAL_ID, primary_key=True),
        sa.Column("cluster", sa.String(32), nullable=False),
    )
    op.create_index("ix_claim_groups_cluster", "claim_groups", ["cluster"])
    op.create_table(
        "claim_bands",
        sa.Column("band", sa.String(40), nullable=False),
        sa.Column("document_id", DOC_ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("claim_id", LOCAL_ID, nullable=False),
    )
    op.create_index("ix_claim_bands_band", "claim_bands", ["band"])
    op.create_index("ix_claim_bands_document_id", "claim_bands", ["document_id"])


def downgrade() -> None:
    for table in ("claim_bands", "claim_groups", "reports", "entity_actors", "actors"):
        op.drop_table(table)
