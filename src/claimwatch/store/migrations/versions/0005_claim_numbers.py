"""Claim bands as 8-byte integers keyed by a claim's 8-byte number: each grouped claim has a
`number` (claimwatch.knowledge.claims.claim_number: its document and local id hashed), and
`claim_bands` keeps (band, number) pairs instead of a 40-character band and the 80-character
document id with the claim id, which were 43% (SQLite) to 63% (PostgreSQL) of a store's bytes; its key is the pair (on
SQLite the table is its key's b-tree). Reports are indexed by family and last day instead of first
day: a new report's candidates are those whose days reach its own, and the first day bounded them
only from above (every earlier report of the family was read). The bands of stored
claims are written again when the knowledge opens the store (they are computed from the claims'
words, which is the knowledge's business, not a migration's).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _number(document_id: str, claim_id: str) -> int:
    """The same number as claimwatch.knowledge.claims.claim_number (kept here so that this
    migration never changes with the code)."""
    digest = hashlib.blake2b(f"{document_id}#{claim_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def upgrade() -> None:
    op.add_column("claim_groups", sa.Column("number", sa.BigInteger()))
    bind = op.get_bind()
    rows = [{"n": _number(d, c), "d": d, "c": c}
            for d, c in bind.execute(sa.text("SELECT document_id, claim_id FROM claim_groups"))]
    if rows:
        bind.execute(sa.text("UPDATE claim_groups SET number = :n WHERE document_id = :d AND claim_id = :c"), rows)
    op.create_index("ix_claim_groups_number", "claim_groups", ["number"])
    op.drop_table("claim_bands")
    op.create_table(
        "claim_bands",
        sa.Column("band", sa.BigInteger(), primary_key=True),
        sa.Column("claim", sa.BigInteger(), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.drop_index("ix_reports_family_day", "reports")
    op.create_index("ix_reports_family_end", "reports", ["family", "day_end"])


def downgrade() -> None:
    op.drop_index("ix_reports_family_end", "reports")
    op.create_index("ix_reports_family_day", "reports", ["family", "day_start"])
    op.drop_table("claim_bands")
    op.create_table(
        "claim_bands",
        sa.Column("band", sa.String(40), nullable=False),
        sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("claim_id", sa.String(32), nullable=False),
    )
    op.create_index("ix_claim_bands_band", "claim_bands", ["band"])
    op.drop_index("ix_claim_groups_number", "claim_groups")
    with op.batch_alter_table("claim_groups") as batch:
        batch.drop_column("number")
