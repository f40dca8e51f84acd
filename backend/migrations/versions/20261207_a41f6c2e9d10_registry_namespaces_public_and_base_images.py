"""registry: public namespaces, business base images

Revision ID: a41f6c2e9d10
Revises: 7c3d9e21b0aa
Create Date: 2026-12-07 13:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = 'a41f6c2e9d10'
down_revision: str | None = '7c3d9e21b0aa'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('registry_namespaces',
                  sa.Column('public', sa.Boolean(), server_default='false', nullable=False))
    op.create_table('base_images',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('namespace_id', sa.Uuid(), nullable=False),
    sa.Column('image', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['namespace_id'], ['registry_namespaces.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('namespace_id', 'image')
    )
    op.create_index(op.f('ix_base_images_namespace_id'), 'base_images', ['namespace_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_base_images_namespace_id'), table_name='base_images')
    op.drop_table('base_images')
    op.drop_column('registry_namespaces', 'public')
