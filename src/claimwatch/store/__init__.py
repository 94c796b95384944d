"""The store: documents and their analyses in SQLite (default) or PostgreSQL, with migrations.

`SQLStore` is persistence only; `claimwatch.Store` (claimwatch.knowledge.Store) adds the
cross-document queries on top of it.
"""

from claimwatch.store.sqlstore import DEFAULT_DB, SQLStore, StoreError, resolve_url

__all__ = ["SQLStore", "StoreError", "resolve_url", "DEFAULT_DB"]
