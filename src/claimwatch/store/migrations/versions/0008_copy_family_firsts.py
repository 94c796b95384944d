"""Each copy family's first publication, kept as publications are stored: reading a few publications
read their whole families to find whose outlet their text is credited to, and a family grows as long
as a story is reprinted. A store migrated here is filled when it is opened
(claimwatch.knowledge.publications.keep_family_firsts), which needs the publication dates parsed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "copy_families",
        sa.Column("origin", sa.String(80), primary_key=True),
        sa.Column("first_id", sa.String(80), nullable=False),
        sa.Column("first_outlet", sa.String(255)),
    )


def downgrade() -> None:
    op.drop_table("copy_families")
