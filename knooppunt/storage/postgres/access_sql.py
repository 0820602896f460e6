"""Who may see and change what on the server: group roles, location membership and row-level security.

Every table is in exactly one of the groups below (a test fails when a migration adds a table that
is in none). A user's login role is a member of ``knooppunt_gebruiker``; ``kp_membership`` says
which locations it belongs to. Row-level security then lets it read and change only the rows of
those locations, whatever SQL it sends: the server refuses, not only the program.
"""

from __future__ import annotations

import re

from .checkout_sql import LEASE_TABLES, checkout_statements

OWNER = "knooppunt_eigenaar"  # owns the tables (no login); the schema is installed as this role
USERS = "knooppunt_gebruiker"  # every user of the program
ADMINS = "knooppunt_beheer"  # may also add locations, change settings, read the regional key
GROUP_ROLES = (OWNER, USERS, ADMINS)

# A child's or a location's data: the SQL expression that gives a row's location.
_CHILD = "kp_child_location(child_id)"
_DISCUSSION = "kp_discussion_location(discussion_id)"
_CASE = "kp_case_location(case_id)"
PER_LOCATION = {
    "child": "location_id", "meeting": "location_id", "agenda_template_item": "location_id",
    "location_cycle": "location_id", "monitoring_tally": "location_id", "monitoring_erased": "location_id",
    "guardian": _CHILD, "consent": _CHILD, "child_case": _CHILD, "agreement": _CHILD, "avg_request": _CHILD,
    "correction": _CHILD, "inzage_export": _CHILD, "transfer_history": _CHILD, "child_partner_choice": _CHILD,
    "discussion": "kp_meeting_location(meeting_id)",
    "case_closing": _CASE, "case_event": _CASE, "case_goal": _CASE, "case_intake": _CASE, "case_plan": _CASE,
    "case_goal_agreement": "kp_goal_location(goal_id)",
    "goal_evaluation": _DISCUSSION, "addendum": _DISCUSSION, "agenda_item": _DISCUSSION, "decision": _DISCUSSION,
    "participant": _DISCUSSION, "parent_input": _DISCUSSION,
    "note": "kp_item_location(agenda_item_id)",
    "consent_organisation": "kp_consent_location(consent_id)",
    "inzage_withholding": "kp_export_location(export_id)",
    "document": "coalesce(kp_discussion_location(discussion_id), kp_meeting_location(meeting_id))",
}
# The directory's parts per location: everyone reads them, a location's own users change them (a
# location itself: only its own users change it, only administrators add or remove one).
DIRECTORY_PER_LOCATION = {
    "location": "id", "location_partner": "location_id", "offer": "location_id",
    "location_partner_history": "kp_partner_location(location_partner_id)",
}
# The log: rows of one's own locations, and the shared directory's (location_id NULL). Append-only.
AUDIT = {"audit_log": "location_id", "audit_burst": "location_id"}
# The organisation's shared directory: read and changed by every user.
SHARED = ("organisation_type", "organisation", "contact_person", "school_holiday")
# Read by every user, changed by the administrators only.
ADMIN_WRITES = ("setting", "kp_migration")
# Administrators only: the private key that signs the regional directory.
ADMIN_ONLY = ("regional_signing_key",)
MEMBERSHIP = "kp_membership"
OWN_SETTING = "right(key, length(session_user) + 1) = '@' || session_user"


def needs_rls() -> dict[str, str]:
    """Every table that row-level security guards, with its location expression."""
    return {**PER_LOCATION, **DIRECTORY_PER_LOCATION, **AUDIT, MEMBERSHIP: "role_name",
            **dict.fromkeys(LEASE_TABLES, "location_id")}


def classified() -> set[str]:
    return {*PER_LOCATION, *DIRECTORY_PER_LOCATION, *AUDIT, *SHARED, *ADMIN_WRITES, *ADMIN_ONLY, MEMBERSHIP,
            *LEASE_TABLES}


def role_statements() -> list[str]:
    """The group roles (for the whole cluster); run as a superuser, again without harm."""
    create = [f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} NOLOGIN; END IF;
END $$""" for role in GROUP_ROLES]
    return [*create, f"GRANT {USERS} TO {ADMINS}"]


def database_statements(database: str) -> list[str]:
    """Who may connect to the database (run after CREATE DATABASE, also for a copy of it)."""
    return [f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
            f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {USERS}",
            # The policies' sub-plans raise the planner's cost estimates past jit_above_cost, and
            # compiling then took 100+ ms for reads that run in 20-60 ms (docs/performance.md).
            f"ALTER DATABASE {database} SET jit = off"]


LOOKUPS = {  # the location of a parent row, by its id ($1)
    "kp_child_location": "SELECT location_id FROM child WHERE id = $1",
    "kp_meeting_location": "SELECT location_id FROM meeting WHERE id = $1",
    "kp_discussion_location": "SELECT m.location_id FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
                              "WHERE d.id = $1",
    "kp_case_location": "SELECT c.location_id FROM child_case k JOIN child c ON c.id = k.child_id WHERE k.id = $1",
    "kp_goal_location": "SELECT c.location_id FROM case_goal g JOIN child_case k ON k.id = g.case_id "
                        "JOIN child c ON c.id = k.child_id WHERE g.id = $1",
    "kp_item_location": "SELECT m.location_id FROM agenda_item i JOIN discussion d ON d.id = i.discussion_id "
                        "JOIN meeting m ON m.id = d.meeting_id WHERE i.id = $1",
    "kp_consent_location": "SELECT c.location_id FROM consent k JOIN child c ON c.id = k.child_id WHERE k.id = $1",
    "kp_export_location": "SELECT c.location_id FROM inzage_export e JOIN child c ON c.id = e.child_id "
                          "WHERE e.id = $1",
    "kp_partner_location": "SELECT location_id FROM location_partner WHERE id = $1",
}


# The user's locations in a policy: the scalar sub-select makes it an InitPlan, so the function runs
# once per statement (not once per row) and ``location_id = ANY (…)`` can use an index.
_MINE = "(SELECT kp_my_locations())::bigint[]"


# The parent row each lookup reads the location from (the policies follow it instead of calling it).
_PARENTS = {
    "kp_child_location": "child", "kp_meeting_location": "meeting", "kp_discussion_location": "discussion",
    "kp_case_location": "child_case", "kp_goal_location": "case_goal", "kp_item_location": "agenda_item",
    "kp_consent_location": "consent", "kp_export_location": "inzage_export", "kp_partner_location": "location_partner",
}
_CALL = re.compile(r"(kp_\w+_location)\((\w+)\)")


def _owned(table: str, where: str) -> str:
    """The policy's condition for a location expression: the row belongs to one of the user's locations.

    A row found through a lookup ``kp_child_location(child_id)`` is the user's when its parent row
    is: ``EXISTS`` on the parent's key, where the parent's own policy applies (so the chain note →
    agenda item → discussion → meeting is followed one step at a time). The planner runs it as an
    index lookup per row for a few rows and as one hashed scan of the parent for many (an
    "alternative subplan"); no function call per row. A parent whose reading is open to all (the
    directory's) is checked explicitly. Several lookups (``coalesce``, document): any of them.
    """
    calls = _CALL.findall(where)
    if not calls:
        return f"{where} = ANY ({_MINE})"
    found = []
    for function, column in calls:
        parent = _PARENTS[function]
        explicit = f" AND parent.location_id = ANY ({_MINE})" if parent in DIRECTORY_PER_LOCATION else ""
        found.append(f"EXISTS (SELECT FROM {parent} parent WHERE parent.id = {table}.{column}{explicit})")
    return found[0] if len(found) == 1 else "(" + " OR ".join(found) + ")"


def access_statements() -> list[str]:
    """Membership, the policies and the grants; run in the database as its owner, after the schema."""
    statements = [
        f"""CREATE TABLE {MEMBERSHIP} (
    role_name text NOT NULL,
    location_id bigint NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    PRIMARY KEY (role_name, location_id)
)""",
        # The login role (session_user: the user's own connection) belongs to the location.
        f"""CREATE FUNCTION kp_may_location(bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    RETURN EXISTS (SELECT FROM {MEMBERSHIP} m WHERE m.role_name = session_user AND m.location_id = $1)""",
        # The same, as the set the policies use: the user's locations, read once per statement.
        f"""CREATE FUNCTION kp_my_locations() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    RETURN ARRAY(SELECT m.location_id FROM {MEMBERSHIP} m WHERE m.role_name = session_user)""",
        # Whoever adds a location (an administrator) belongs to it; a superuser doing it by hand does not.
        f"""CREATE FUNCTION kp_member_of_new_location() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND NOT rolsuper)
            AND pg_has_role(session_user, '{USERS}', 'MEMBER') THEN
        INSERT INTO {MEMBERSHIP} (role_name, location_id) VALUES (session_user, NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$""",
        """CREATE TRIGGER location_creator_member AFTER INSERT ON location
    FOR EACH ROW EXECUTE FUNCTION kp_member_of_new_location()""",
    ]
    # A row's location, looked up by hand (support; the policies do not call them, see _owned). With
    # the owner's rights, they answer only for the user's own locations (else NULL), so that calling
    # them reveals nothing about another location's rows.
    statements += [f"""CREATE FUNCTION {name}(bigint) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    RETURN (SELECT found.location_id FROM ({query}) found (location_id)
            WHERE EXISTS (SELECT FROM {MEMBERSHIP} m WHERE m.role_name = session_user
                          AND m.location_id = found.location_id))""" for name, query in LOOKUPS.items()]
    statements += [
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {USERS}",
        f"GRANT SELECT ON {MEMBERSHIP} TO {USERS}",
        f"GRANT ALL ON {MEMBERSHIP} TO {ADMINS}",
    ]
    for table, where in {**PER_LOCATION, **DIRECTORY_PER_LOCATION, **AUDIT}.items():
        may = _owned(table, where)
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        if table in AUDIT:
            may = f"({where} IS NULL OR {may})"
            # A burst of autosaves is updated while it runs and deleted when folded into the log.
            changes = "SELECT, INSERT" if table == "audit_log" else "SELECT, INSERT, UPDATE, DELETE"
            statements.append(f"GRANT {changes} ON {table} TO {USERS}")
        else:
            statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {USERS}")
        if table in DIRECTORY_PER_LOCATION:
            statements.append(f"CREATE POLICY lezen ON {table} FOR SELECT TO {USERS} USING (true)")
            for command in ("UPDATE",) if table == "location" else ("INSERT", "UPDATE", "DELETE"):
                check = "" if command == "DELETE" else f" WITH CHECK ({may})"
                using = "" if command == "INSERT" else f" USING ({may})"
                statements.append(f"CREATE POLICY eigen_{command.lower()} ON {table} FOR {command} TO {USERS}"
                                  f"{using}{check}")
            statements.append(f"CREATE POLICY beheer ON {table} TO {ADMINS} USING (true) WITH CHECK (true)")
        else:
            statements.append(f"CREATE POLICY eigen_locaties ON {table} TO {USERS} USING ({may}) WITH CHECK ({may})")
    statements += [
        f"ALTER TABLE {MEMBERSHIP} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY eigen ON {MEMBERSHIP} FOR SELECT TO {USERS} USING (role_name = session_user)",
        f"CREATE POLICY beheer ON {MEMBERSHIP} TO {ADMINS} USING (true) WITH CHECK (true)",
        *[f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {USERS}" for table in SHARED],
        *[f"GRANT SELECT ON {table} TO {USERS}" for table in ADMIN_WRITES],
        *[f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {ADMINS}" for table in (*ADMIN_WRITES, *ADMIN_ONLY)],
        # A user's own settings (profile, the discussion it is chairing) are rows keyed
        # ``key@role`` (postgres/store.py): each user writes only its own; the rest is the administrators'.
        "ALTER TABLE setting ENABLE ROW LEVEL SECURITY",
        f"GRANT INSERT, UPDATE, DELETE ON setting TO {USERS}",
        f"CREATE POLICY lezen ON setting FOR SELECT TO {USERS} USING (true)",
        *[f"CREATE POLICY eigen_{command.lower()} ON setting FOR {command} TO {USERS} {clause}"
          for command, clause in (("INSERT", f"WITH CHECK ({OWN_SETTING})"),
                                  ("UPDATE", f"USING ({OWN_SETTING}) WITH CHECK ({OWN_SETTING})"),
                                  ("DELETE", f"USING ({OWN_SETTING})"))],
        f"CREATE POLICY beheer ON setting TO {ADMINS} USING (true) WITH CHECK (true)",
    ]
    # Meetings checked out to a laptop: the lease and the guard (checkout_sql.py).
    statements += checkout_statements(USERS, ADMINS)
    return statements
