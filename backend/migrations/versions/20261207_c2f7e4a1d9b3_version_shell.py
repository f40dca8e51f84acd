"""version shell: what a terminal opens in the container

Revision ID: c2f7e4a1d9b3
Revises: a41f6c2e9d10
Create Date: 2026-12-07 15:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'c2f7e4a1d9b3'
down_revision: str | None = 'a41f6c2e9d10'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('versions', sa.Column('shell', sa.String(length=64), nullable=False,
                                        server_default='/bin/sh'))


def downgrade() -> None:
    op.drop_column('versions', 'shell')
