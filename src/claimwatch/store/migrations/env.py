"""Alembic environment: runs on the connection the store hands over (or the ini's URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from claimwatch.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn) -> None:
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=conn.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # `alembic -c src/claimwatch/store/alembic.ini upgrade head` with sqlalchemy.url set
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
