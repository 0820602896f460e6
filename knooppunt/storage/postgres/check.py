"""``server controleren``: is the organisation's server set up as packaging/server/ says?

TLS (this connection, the minimum version, and a plain connection actually refused), row-level
security on every table that needs it, the roles and their locations, the schema's version, and
that each location's audit chain holds: links and hashes (the rows this role may read).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

from .access_sql import ADMINS, GROUP_ROLES, MEMBERSHIP, USERS, classified, needs_rls
from .audit import LocationChainWalk
from .connection import ServerAddress, connect
from .shape import migrated_sqlite
from .store import Qmark


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str


def check_server(address: ServerAddress, password: str) -> list[Finding]:
    findings = [_plain_connection_refused(address)]
    with connect(address, password) as conn:
        findings += _tls(conn)
        findings += _row_level_security(conn)
        findings += _roles(conn)
        findings.append(_schema_version(conn))
        findings.append(_audit_chains(conn))
    return findings


def _plain_connection_refused(address: ServerAddress) -> Finding:
    # Without a password: if the server wants one, it accepted the plain connection (a problem),
    # and no secret has crossed the network unencrypted to find that out.
    try:
        psycopg.connect(address.conninfo("", sslmode="disable")).close()
    except psycopg.OperationalError as exc:
        if "no encryption" in str(exc) or "rejects connection" in str(exc):
            return Finding(True, "TLS: een verbinding zonder TLS wordt geweigerd")
        if "password" in str(exc) or "authentication" in str(exc):
            return Finding(False, "TLS: de server vraagt ook zonder TLS om een wachtwoord; "
                                  "pg_hba.conf moet alleen hostssl toestaan (packaging/server/pg_hba.conf)")
        return Finding(False, f"TLS: niet vast te stellen of verbindingen zonder TLS worden geweigerd ({exc})")
    return Finding(False, "TLS: een verbinding zonder TLS wordt toegelaten (zonder wachtwoord!)")


def _tls(conn: psycopg.Connection[Any]) -> list[Finding]:
    ssl, version = conn.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() or (
        False, None)
    findings = [Finding(bool(ssl), f"TLS: deze verbinding is versleuteld ({version})" if ssl
                        else "TLS: deze verbinding is niet versleuteld")]
    try:
        with conn.transaction():
            minimum = str(conn.execute("SHOW ssl_min_protocol_version").fetchone()[0])  # type: ignore[index]
    except psycopg.errors.InsufficientPrivilege:
        # Only a superuser (or pg_read_all_settings) may read it; the plain-connection test still ran.
        return [*findings, Finding(True, "TLS: de minimale versie is alleen als postgres na te gaan")]
    return [*findings, Finding(minimum in ("TLSv1.2", "TLSv1.3"), f"TLS: minimaal {minimum} (ssl_min_protocol_version)")]


def _row_level_security(conn: psycopg.Connection[Any]) -> list[Finding]:
    rows = conn.execute("""SELECT c.relname, c.relrowsecurity,
               (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'""").fetchall()
    tables = {str(name): (bool(enabled), int(policies)) for name, enabled, policies in rows}
    findings = []
    missing = [t for t in needs_rls() if not tables.get(t, (False, 0))[0] or not tables.get(t, (False, 0))[1]]
    if missing:
        findings.append(Finding(False, "Rijbeveiliging (RLS) ontbreekt op: " + ", ".join(sorted(missing))))
    else:
        findings.append(Finding(True, f"Rijbeveiliging (RLS) aan op alle {len(needs_rls())} tabellen met gegevens "
                                      "van kinderen of locaties"))
    unknown = sorted(set(tables) - classified())
    if unknown:
        findings.append(Finding(False, "Tabellen die dit programma niet kent (geen toegangsregels): "
                                       + ", ".join(unknown)))
    return findings


def _roles(conn: psycopg.Connection[Any]) -> list[Finding]:
    present = {str(r[0]) for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)",
                                                (list(GROUP_ROLES),))}
    findings = [Finding(present == set(GROUP_ROLES), "Rollen: " + ", ".join(
        f"{role} {'aanwezig' if role in present else 'ONTBREEKT'}" for role in GROUP_ROLES))]
    if USERS not in present:
        return findings
    # Direct members of the groups only: a superuser "has" every role, but is nobody's user.
    users = conn.execute(f"""SELECT r.rolname,
               EXISTS (SELECT FROM pg_auth_members a WHERE a.member = r.oid AND a.roleid = '{ADMINS}'::regrole),
               r.rolsuper OR r.rolbypassrls,
               (SELECT string_agg(l.name, ', ' ORDER BY l.name) FROM {MEMBERSHIP} m
                JOIN location l ON l.id = m.location_id WHERE m.role_name = r.rolname)
        FROM pg_roles r WHERE r.rolcanlogin AND EXISTS (SELECT FROM pg_auth_members a WHERE a.member = r.oid
                                                        AND a.roleid IN ('{USERS}'::regrole, '{ADMINS}'::regrole))
        ORDER BY r.rolname""").fetchall()
    sees_all = conn.execute(f"SELECT rolsuper OR pg_has_role(current_user, '{ADMINS}', 'MEMBER') FROM pg_roles "
                            "WHERE rolname = current_user").fetchone()
    if not (sees_all and sees_all[0]):  # a user sees only its own memberships: report only itself
        users = [row for row in users if row[0] == conn.info.user]
    for name, admin, bypasses, locations in users:
        kind = "beheerder" if admin else "gebruiker"
        if bypasses:
            findings.append(Finding(False, f"{kind} {name}: superuser of BYPASSRLS, de rijbeveiliging geldt niet"))
        else:
            findings.append(Finding(True, f"{kind} {name}: {locations or 'geen locatie (alleen de adresgids)'}"))
    if not users:
        findings.append(Finding(True, "Nog geen gebruikers (server gebruiker-toevoegen)"))
    return findings


def _schema_version(conn: psycopg.Connection[Any]) -> Finding:
    on_server = {str(r[0]) for r in conn.execute("SELECT name FROM kp_migration")}
    here = {str(r[0]) for r in migrated_sqlite().execute("SELECT name FROM _sqlite_migrations")}
    if on_server == here:
        return Finding(True, f"Schema: bij deze versie van het programma ({len(here)} migraties)")
    if on_server - here:
        return Finding(False, "Schema: van een nieuwere versie van het programma ("
                       + ", ".join(sorted(on_server - here)) + ")")
    return Finding(False, "Schema: ouder dan dit programma; ontbreekt: " + ", ".join(sorted(here - on_server)))


def _audit_chains(conn: psycopg.Connection[Any]) -> Finding:
    """Each row continues the row before it in its location's chain, and its hash is the one of
    its own contents (a row changed by hand, with its hash left or made up, shows)."""
    walk = LocationChainWalk(Qmark(conn))
    while not walk.step():
        pass
    if walk.problem is not None:
        return Finding(False, walk.problem.message)
    rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()
    return Finding(True, f"Logboek: {rows[0] if rows else 0} regel(s) in {walk.chains} keten(s), "
                         "elke regel sluit aan en is ongewijzigd")
