"""The hand-written PostgreSQL parts of the schema, beside the generated tables (schema.py).

- ``kp_fold(text)``: unaccent + lower, the same folding as ``knooppunt.text.fold`` (Python) that
  SQLite calls as ``kp_fold``; a test compares both on names from Dutch directories.
- Search: SQLite has FTS5 trigram tables (child_search, agreement_search) kept by triggers. The
  server has no such tables: ``child.search_name`` is kept by a trigger as in SQLite, and pg_trgm
  GIN indexes on the folded columns serve ``kp_fold(column) LIKE '%…%'`` (also for one or two
  letters, which then scan; the tables of one organisation are small).
- The audit log is append-only (no UPDATE, DELETE or TRUNCATE) and each row must continue the chain
  of its own location (``audit_log.location_id``, a column only the server has).
"""

from __future__ import annotations

from .checkout_sql import LEASE_TABLES

GENESIS = "0" * 64

# Tables only the server has (the parity test leaves them out); the SQLite-only FTS tables are in
# shape.SEARCH_TABLES.
SERVER_TABLES = ("kp_migration", "kp_membership", *LEASE_TABLES)  # kp_membership: access_sql.py; leases: checkout_sql.py
SERVER_COLUMNS = {"audit_log": ("location_id", "db_role"), "audit_burst": ("location_id",)}

EXTRAS = [
    # Both extensions are "trusted" (PostgreSQL 13+): the database's owner may create them.
    "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public",
    # The dictionary named explicitly, and ICU's root collation for lower(): the result is the same
    # whatever the session's search_path or the database's locale, so it may be IMMUTABLE (indexes).
    """CREATE FUNCTION public.kp_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, normalize(coalesce($1, ''), NFKC))
                 COLLATE "und-x-icu")""",
    # Which SQLite migrations this schema was generated from.
    """CREATE TABLE kp_migration (
    name text PRIMARY KEY,
    applied_at text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
)""",
    # --- search ---
    """CREATE FUNCTION kp_child_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_name := public.kp_fold(NEW.first_name || ' ' || NEW.last_name);
    RETURN NEW;
END $$""",
    """CREATE TRIGGER child_search_name BEFORE INSERT OR UPDATE OF first_name, last_name ON child
    FOR EACH ROW EXECUTE FUNCTION kp_child_search_name()""",
    "CREATE INDEX child_search_trgm ON child USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX agreement_search_description ON agreement USING gin (public.kp_fold(description) gin_trgm_ops)",
    "CREATE INDEX agreement_search_owner ON agreement USING gin (public.kp_fold(owner_name) gin_trgm_ops)",
    # --- the audit log: append-only, chained ---
    """CREATE FUNCTION kp_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'Het logboek kan alleen worden aangevuld, niet gewijzigd.';
    END IF;
    RAISE EXCEPTION 'Het logboek kan alleen worden aangevuld, niet gewist.';
END $$""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION kp_audit_log_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION kp_audit_log_append_only()""",
    # Server-only columns of the log: the location a row is about (NULL: the organisation's shared
    # directory), so that each location has a chain of its own and sees only its own rows (RLS),
    # and the database role that wrote it, set by the server so that no one can write another's name.
    "ALTER TABLE audit_log ADD COLUMN location_id bigint",
    "ALTER TABLE audit_log ADD COLUMN db_role text NOT NULL DEFAULT session_user",
    "CREATE INDEX audit_log_location ON audit_log (location_id, id)",
    "ALTER TABLE audit_burst ADD COLUMN location_id bigint",
    # One chain per location: a row continues the last row of its own location. Writers of one
    # location take turns (a transaction-scoped lock), so two users cannot continue the same row.
    # The writer's own rights: a member of the location sees its whole chain; another sees none of
    # it, and row-level security then refuses the row (nothing of the other chain is revealed).
    f"""CREATE FUNCTION kp_audit_log_chained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('knooppunt.audit_log'), coalesce(NEW.location_id, 0)::integer);
    IF NEW.prev_hash IS DISTINCT FROM coalesce(
            (SELECT hash FROM audit_log WHERE location_id IS NOT DISTINCT FROM NEW.location_id
             ORDER BY id DESC LIMIT 1), '{GENESIS}') THEN
        RAISE EXCEPTION 'Een logboekregel moet aansluiten op de vorige.';
    END IF;
    NEW.db_role := session_user;
    RETURN NEW;
END $$""",
    """CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION kp_audit_log_chained()""",
]
