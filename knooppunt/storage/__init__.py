"""Storage: the only code that talks to SQLite (SQLCipher), always through sqlite-utils."""

from .database import create_database, open_database
from .store import Store, UnitOfWork

__all__ = ["Store", "UnitOfWork", "create_database", "open_database"]
