"""Reports indexed by actor and last day, and by target and last day, instead of by actor and by
target alone: a report dated only to a month or a year is clustered with the reports of its days
that share a party (claimwatch.knowledge.clusters), and those are found through the party's
reports of the last days, not every report the party ever had.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_reports_actor", "reports")
    op.drop_index("ix_reports_target", "reports")
    op.create_index("ix_reports_actor_end", "reports", ["actor", "day_end"])
    op.create_index("ix_reports_target_end", "reports", ["target", "day_end"])


def downgrade() -> None:
    op.drop_index("ix_reports_target_end", "reports")
    op.drop_index("ix_reports_actor_end", "reports")
    op.create_index("ix_reports_target", "reports", ["target"])
    op.create_index("ix_reports_actor", "reports", ["actor"])
