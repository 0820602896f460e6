"""The SQL files in packaging/server/, written from the same statements ``server inrichten`` runs.

``python -m knooppunt.storage.postgres.scripts packaging/server`` rewrites them; a test fails when
they differ from what the code would write (after a new migration, say).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .access_sql import OWNER, access_statements, database_statements, role_statements
from .connection import DEFAULT_DATABASE
from .schema import install_statements

_HEAD = "-- Gemaakt door knooppunt.storage.postgres.scripts: niet met de hand wijzigen.\n"


def _script(comment: str, statements: list[str]) -> str:
    return _HEAD + comment + "\n\n" + "".join(f"{statement};\n\n" for statement in statements).rstrip() + "\n"


def server_scripts(database: str = DEFAULT_DATABASE) -> dict[str, str]:
    """File name -> content, in the order they are run (README.md in packaging/server)."""
    return {
        "01-rollen.sql": _script(
            "-- De groepsrollen (voor het hele cluster). Als superuser, in de database postgres:\n"
            "--   sudo -u postgres psql -v ON_ERROR_STOP=1 -f 01-rollen.sql", role_statements()),
        "02-database.sql": _script(
            f"-- De database, eigendom van {OWNER}. Als superuser, in de database postgres:\n"
            "--   sudo -u postgres psql -v ON_ERROR_STOP=1 -f 02-database.sql",
            [f"CREATE DATABASE {database} OWNER {OWNER} ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0",
             *database_statements(database)]),
        "03-schema.sql": _script(
            f"-- Tabellen, zoeken, logboek, lidmaatschap, rijbeveiliging en rechten, als {OWNER}, in één\n"
            "-- transactie. Als superuser, in de nieuwe database:\n"
            f"--   sudo -u postgres psql -v ON_ERROR_STOP=1 -d {database} -f 03-schema.sql",
            ["BEGIN", f"SET LOCAL ROLE {OWNER}", *install_statements(), *access_statements(), "COMMIT"]),
    }


def write(folder: Path) -> None:
    for name, text in server_scripts().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]))
