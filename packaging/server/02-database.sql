-- Gemaakt door knooppunt.storage.postgres.scripts: niet met de hand wijzigen.
-- De database, eigendom van knooppunt_eigenaar. Als superuser, in de database postgres:
--   sudo -u postgres psql -v ON_ERROR_STOP=1 -f 02-database.sql

CREATE DATABASE knooppunt OWNER knooppunt_eigenaar ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0;

REVOKE ALL ON DATABASE knooppunt FROM PUBLIC;

GRANT CONNECT, TEMPORARY ON DATABASE knooppunt TO knooppunt_gebruiker;

ALTER DATABASE knooppunt SET jit = off;
