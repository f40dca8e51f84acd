"""container draining: out of the route while a restart runs

Revision ID: f3b8d1c7a2e4
Revises: e5a7c3b9d2f1
Create Date: 2026-12-07 21:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'f3b8d1c7a2e4'
down_revision: str | None = 'e5a7c3b9d2f1'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('containers', sa.Column('draining', sa.Boolean(), nullable=False,
                                          server_default=sa.false()))


def downgrade() -> None:
    op.drop_column('containers', 'draining')
