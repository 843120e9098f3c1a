"""Alembic environment of the server: the model's tables and the server's own."""

from alembic import context

from model.entities import Base
from server.entities import ServerBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=[Base.metadata, ServerBase.metadata],
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
