"""webhook deliveries: a replayed delivery is known by its body or its delivery id

Revision ID: e5a7c3b9d2f1
Revises: d8b1a5f3c6e2
Create Date: 2026-12-07 17:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = 'e5a7c3b9d2f1'
down_revision: str | None = 'd8b1a5f3c6e2'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('webhook_deliveries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('repository_id', sa.Uuid(), nullable=False),
    sa.Column('delivery_id', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('body_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('build_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['repository_id'], ['image_repositories.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['build_id'], ['builds.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('repository_id', 'body_sha256', name='uq_webhook_deliveries_body')
    )
    op.create_index('ix_webhook_deliveries_delivery', 'webhook_deliveries',
                    ['repository_id', 'delivery_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_webhook_deliveries_delivery', table_name='webhook_deliveries')
    op.drop_table('webhook_deliveries')
