"""PostgreSQL: the server's schema, generated from the SQLite migrations (schema.py, shape.py).

The store on PostgreSQL comes beside these (store.py); nothing here opens a connection by itself.
"""
