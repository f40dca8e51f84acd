"""image repositories, builds and tags as the builder needs them; apps' auto_version

The initial schema's three tables were never written by any code, so they are replaced
rather than altered (no data to carry over).

Revision ID: d8b1a5f3c6e2
Revises: c2f7e4a1d9b3
Create Date: 2026-12-07 16:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'd8b1a5f3c6e2'
down_revision: str | None = 'c2f7e4a1d9b3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUILD_STATUS = ('queued', 'running', 'succeeded', 'failed', 'cancelled')
BUILD_STEP = ('clone', 'render', 'build', 'push')


def _drop_old() -> None:
    op.drop_index(op.f('ix_image_tags_repository_id'), table_name='image_tags')
    op.drop_table('image_tags')
    op.drop_index(op.f('ix_builds_repository_id'), table_name='builds')
    op.drop_table('builds')
    op.drop_index(op.f('ix_image_repositories_namespace_id'), table_name='image_repositories')
    op.drop_table('image_repositories')


def upgrade() -> None:
    _drop_old()
    op.create_table('image_repositories',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('namespace_id', sa.Uuid(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('git_url', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
    sa.Column('branch', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('base_image', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('build_script', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start_script', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ports', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('volumes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('build_env', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('build_on_push', sa.Boolean(), nullable=False),
    sa.Column('build_on_tag', sa.Boolean(), nullable=False),
    sa.Column('config_revision', sa.Integer(), nullable=False),
    sa.Column('webhook_secret', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('deploy_key_private', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('deploy_key_public', sqlmodel.sql.sqltypes.AutoString(length=1024),
              nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['namespace_id'], ['registry_namespaces.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('namespace_id', 'name')
    )
    op.create_index(op.f('ix_image_repositories_namespace_id'), 'image_repositories',
                    ['namespace_id'], unique=False)
    op.create_table('builds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('repository_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.Enum(*BUILD_STATUS, name='build_status'), nullable=False),
    sa.Column('step', sa.Enum(*BUILD_STEP, name='build_step'), nullable=True),
    sa.Column('trigger', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('ref', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('ref_type', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('commit', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('config_revision', sa.Integer(), nullable=False),
    sa.Column('config', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('tag', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('image', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=True),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('dockerfile', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('log', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('cancel_requested', sa.Boolean(), nullable=False),
    sa.Column('delivery_id', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('worker', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['repository_id'], ['image_repositories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('repository_id', 'delivery_id', name='uq_builds_repository_delivery')
    )
    op.create_index(op.f('ix_builds_repository_id'), 'builds', ['repository_id'], unique=False)
    op.create_table('image_tags',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('repository_id', sa.Uuid(), nullable=False),
    sa.Column('tag', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('commit', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('config_revision', sa.Integer(), nullable=True),
    sa.Column('build_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['build_id'], ['builds.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['repository_id'], ['image_repositories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('repository_id', 'tag')
    )
    op.create_index(op.f('ix_image_tags_repository_id'), 'image_tags', ['repository_id'],
                    unique=False)
    op.add_column('apps', sa.Column('auto_version', postgresql.JSONB(astext_type=sa.Text()),
                                    nullable=True))


def downgrade() -> None:
    op.drop_column('apps', 'auto_version')
    _drop_old()
    sa.Enum(name='build_step').drop(op.get_bind(), checkfirst=True)
    sa.Enum(name='build_status').drop(op.get_bind(), checkfirst=True)
    op.create_table('image_repositories',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('namespace_id', sa.Uuid(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('git_url', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
    sa.Column('branch', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('base_image', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=False),
    sa.Column('build_script', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start_script', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ports', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('volumes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('auto_build', sa.Boolean(), nullable=False),
    sa.Column('webhook_secret', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('config_revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['namespace_id'], ['registry_namespaces.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('namespace_id', 'name')
    )
    op.create_index(op.f('ix_image_repositories_namespace_id'), 'image_repositories',
                    ['namespace_id'], unique=False)
    op.create_table('builds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('repository_id', sa.Uuid(), nullable=False),
    sa.Column('git_ref', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('commit', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('config_revision', sa.Integer(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('tag', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('log', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['repository_id'], ['image_repositories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_builds_repository_id'), 'builds', ['repository_id'], unique=False)
    op.create_table('image_tags',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('repository_id', sa.Uuid(), nullable=False),
    sa.Column('tag', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('build_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['build_id'], ['builds.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['repository_id'], ['image_repositories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('repository_id', 'tag')
    )
    op.create_index(op.f('ix_image_tags_repository_id'), 'image_tags', ['repository_id'],
                    unique=False)
