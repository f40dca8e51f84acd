"""host trust: container exit code, restarts, health log; cluster quotas

Revision ID: 7c3d9e21b0aa
Revises: 5b1e0c7d2a4f
Create Date: 2026-12-07 14:10:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '7c3d9e21b0aa'
down_revision: str | None = '5b1e0c7d2a4f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('containers', sa.Column('exit_code', sa.Integer(), nullable=True))
    op.add_column('containers', sa.Column('restart_count', sa.Integer(), nullable=False,
                                          server_default='0'))
    op.add_column('containers', sa.Column('health_log', postgresql.JSONB(), nullable=False,
                                          server_default='[]'))
    op.create_table(
        'cluster_quotas',
        sa.Column('cluster_id', sa.Uuid(), nullable=False),
        sa.Column('group_id', sa.Uuid(), nullable=False),
        sa.Column('memory_mb', sa.Integer(), nullable=True),
        sa.Column('containers', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['cluster_id'], ['clusters.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['group_id'], ['groups.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cluster_id', 'group_id'),
    )
    op.create_index('ix_cluster_quotas_group_id', 'cluster_quotas', ['group_id'])


def downgrade() -> None:
    op.drop_index('ix_cluster_quotas_group_id', table_name='cluster_quotas')
    op.drop_table('cluster_quotas')
    op.drop_column('containers', 'health_log')
    op.drop_column('containers', 'restart_count')
    op.drop_column('containers', 'exit_code')
