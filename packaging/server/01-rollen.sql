-- Gemaakt door knooppunt.storage.postgres.scripts: niet met de hand wijzigen.
-- De groepsrollen (voor het hele cluster). Als superuser, in de database postgres:
--   sudo -u postgres psql -v ON_ERROR_STOP=1 -f 01-rollen.sql

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'knooppunt_eigenaar') THEN CREATE ROLE knooppunt_eigenaar NOLOGIN; END IF;
END $$;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'knooppunt_gebruiker') THEN CREATE ROLE knooppunt_gebruiker NOLOGIN; END IF;
END $$;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'knooppunt_beheer') THEN CREATE ROLE knooppunt_beheer NOLOGIN; END IF;
END $$;

GRANT knooppunt_gebruiker TO knooppunt_beheer;
