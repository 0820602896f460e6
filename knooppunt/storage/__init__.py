"""Storage: the only code that talks SQL's dialects — SQLite (SQLCipher, through sqlite-utils) and
PostgreSQL (postgres/) — behind one ``Store`` interface (base.py)."""

from .base import Store, UnitOfWork
from .database import create_database, open_database
from .store import SqliteStore

__all__ = ["SqliteStore", "Store", "UnitOfWork", "create_database", "open_database"]
