"""Server-only parts for meetings checked out to a laptop: the lease, its history, id blocks, and
the guard that refuses writes to a checked-out meeting's rows (docs/server.md, "Uitchecken").

- ``kp_lease``: one row per checked-out meeting: who holds it (the login role and the name shown),
  since when, the children whose files went with it (``kp_lease_child``) and the sha-256 of the
  lease's secret token (only the laptop's copy knows the token itself).
- ``kp_lease_history``: ended leases (checked in, or taken over), so a stale copy hears why.
- Users change leases only through the SECURITY DEFINER functions below (no INSERT/UPDATE/DELETE
  is granted), so a lease cannot be dropped with plain SQL to get round the guard.
- The guard: a trigger on every table of a meeting's or a child's record refuses a write to a
  leased meeting (or a child checked out with it) unless it comes from the lease holder's role with
  the lease's token set (``SET LOCAL knooppunt.checkin``): only the check-in itself.
- ``kp_reserve_ids(table, n)``: a block of ids taken from the table's identity, so rows made
  offline keep their ids at check-in without meeting an id the server handed out meanwhile.
"""

from __future__ import annotations

LEASE_TABLES = ("kp_lease", "kp_lease_child", "kp_lease_history")
BLOCK_MAX = 1_000_000

# Rows of one meeting: the SQL (over the row ``r``) giving the meeting id.
_IN_DISCUSSION = "kp_discussion_meeting(r.discussion_id)"
MEETING_ROWS = {
    "meeting": "r.id", "discussion": "r.meeting_id",
    "agenda_item": _IN_DISCUSSION, "decision": _IN_DISCUSSION, "participant": _IN_DISCUSSION,
    "parent_input": _IN_DISCUSSION, "goal_evaluation": _IN_DISCUSSION, "addendum": _IN_DISCUSSION,
    "note": "kp_item_meeting(r.agenda_item_id)",
    "document": f"coalesce(r.meeting_id, {_IN_DISCUSSION})",
}
# Rows of one child's file: the SQL giving the child id.
_IN_CASE = "kp_case_child(r.case_id)"
CHILD_ROWS = {
    "child": "r.id",
    **{t: "r.child_id" for t in ("guardian", "consent", "child_case", "agreement", "avg_request", "correction",
                                 "inzage_export", "transfer_history", "child_partner_choice")},
    **{t: _IN_CASE for t in ("case_closing", "case_event", "case_goal", "case_intake", "case_plan")},
    "case_goal_agreement": "kp_goal_child(r.goal_id)",
    "consent_organisation": "kp_consent_child(r.consent_id)",
    "inzage_withholding": "kp_export_child(r.export_id)",
}
# Each gives (meeting or child id, its location); see _lookup.
_LOOKUPS = {
    "kp_discussion_meeting": "SELECT d.meeting_id, m.location_id FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
                             "WHERE d.id = $1",
    "kp_item_meeting": "SELECT d.meeting_id, m.location_id FROM agenda_item i JOIN discussion d "
                       "ON d.id = i.discussion_id JOIN meeting m ON m.id = d.meeting_id WHERE i.id = $1",
    "kp_case_child": "SELECT k.child_id, c.location_id FROM child_case k JOIN child c ON c.id = k.child_id "
                     "WHERE k.id = $1",
    "kp_goal_child": "SELECT k.child_id, c.location_id FROM case_goal g JOIN child_case k ON k.id = g.case_id "
                     "JOIN child c ON c.id = k.child_id WHERE g.id = $1",
    "kp_consent_child": "SELECT k.child_id, c.location_id FROM consent k JOIN child c ON c.id = k.child_id "
                        "WHERE k.id = $1",
    "kp_export_child": "SELECT e.child_id, c.location_id FROM inzage_export e JOIN child c ON c.id = e.child_id "
                       "WHERE e.id = $1",
}
_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
# The member check with the caller's own role: inside SECURITY DEFINER, current_user is the owner.
_MEMBER = "EXISTS (SELECT FROM kp_membership m WHERE m.role_name = session_user AND m.location_id = {})"
_TOKEN = "encode(sha256(convert_to(coalesce(current_setting('knooppunt.checkin', true), ''), 'UTF8')), 'hex')"
_SINCE = "to_char(l.since::timestamp, 'DD-MM-YYYY \"om\" HH24:MI')"


def checkout_statements(users: str, admins: str) -> list[str]:
    """Tables, functions, triggers, policies and grants for the roles ``users`` and ``admins``; run as
    the owner at the end of access_sql.access_statements (it needs kp_membership and kp_may_location)."""
    statements = [
        """CREATE TABLE kp_lease (
    meeting_id bigint PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
    location_id bigint NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    holder_role text NOT NULL,
    holder_name text NOT NULL,
    since text NOT NULL,
    token_hash text NOT NULL UNIQUE
)""",
        """CREATE TABLE kp_lease_child (
    meeting_id bigint NOT NULL REFERENCES kp_lease (meeting_id) ON DELETE CASCADE,
    child_id bigint NOT NULL REFERENCES child (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, child_id)
)""",
        """CREATE TABLE kp_lease_history (
    token_hash text PRIMARY KEY,
    meeting_id bigint NOT NULL,
    location_id bigint NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    holder_name text NOT NULL,
    since text NOT NULL,
    ended text NOT NULL,
    ended_by text NOT NULL,
    how text NOT NULL CHECK (how IN ('ingecheckt', 'overgenomen'))
)""",
    ]
    statements += [_lookup(name, query) for name, query in _LOOKUPS.items()]
    statements += _lease_functions(admins)
    for table, meeting in MEETING_ROWS.items():
        statements += _guard(table, meeting, "NULL")
    for table, child in CHILD_ROWS.items():
        statements += _guard(table, "NULL", child)
    statements += [
        *[f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in LEASE_TABLES],
        f"CREATE POLICY eigen_locaties ON kp_lease FOR SELECT TO {users} USING (kp_may_location(location_id))",
        f"CREATE POLICY eigen_locaties ON kp_lease_child FOR SELECT TO {users} "
        "USING (kp_may_location(kp_meeting_location(meeting_id)))",
        f"CREATE POLICY eigen_locaties ON kp_lease_history FOR SELECT TO {users} USING (kp_may_location(location_id))",
        # Not the token's hash of a running lease: nobody but its holder needs it.
        f"GRANT SELECT (meeting_id, location_id, holder_role, holder_name, since) ON kp_lease TO {users}",
        f"GRANT SELECT ON kp_lease_child, kp_lease_history TO {users}",
        *[f"REVOKE ALL ON FUNCTION {f} FROM PUBLIC" for f in _FUNCTIONS],
        *[f"GRANT EXECUTE ON FUNCTION {f} TO {users}" for f in _FUNCTIONS],
    ]
    return statements


_FUNCTIONS = ("kp_lease_guard(bigint, bigint)", "kp_lease_take(bigint, text, text, text)", "kp_lease_release(bigint, text, text)",
              "kp_lease_take_over(bigint, text, text)", "kp_reserve_ids(text, bigint)")


def _lookup(name: str, query: str) -> str:
    # The owner's rights (the parent rows whatever the user may read), answering only for the
    # caller's own locations (else NULL): called by hand they reveal nothing of another location.
    return f"""CREATE FUNCTION {name}(bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    RETURN (SELECT found.id FROM ({query}) found (id, location_id) WHERE {_MEMBER.format("found.location_id")})"""


def _lease_functions(admins: str) -> list[str]:
    refused = f"format('Deze vergadering is uitgecheckt door %s sinds %s', l.holder_name, {_SINCE})"
    return [
        f"""CREATE FUNCTION kp_lease_guard(the_meeting bigint, the_child bigint) RETURNS void {_DEFINER} AS $$
DECLARE l kp_lease;
BEGIN
    IF the_meeting IS NULL AND the_child IS NULL THEN RETURN; END IF;
    SELECT * INTO l FROM kp_lease WHERE (meeting_id = the_meeting
        OR meeting_id IN (SELECT c.meeting_id FROM kp_lease_child c WHERE c.child_id = the_child))
        AND {_MEMBER.format("kp_lease.location_id")} LIMIT 1;
    IF NOT FOUND OR (l.holder_role = session_user AND l.token_hash = {_TOKEN}) THEN RETURN; END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_in_use', MESSAGE = {refused}
        || ': op de server alleen te lezen tot de vergadering is ingecheckt.';
END $$""",
        # A new lease; the caller must belong to the meeting's location.
        f"""CREATE FUNCTION kp_lease_take(the_meeting bigint, shown_name text, hashed text, taken_at text)
    RETURNS void {_DEFINER} AS $$
DECLARE l kp_lease; the_location bigint;
BEGIN
    SELECT location_id INTO the_location FROM meeting WHERE id = the_meeting;
    IF the_location IS NULL OR NOT {_MEMBER.format("the_location")} THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'Deze vergadering bestaat niet of hoort niet bij uw locatie(s).';
    END IF;
    SELECT * INTO l FROM kp_lease WHERE meeting_id = the_meeting FOR UPDATE;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_in_use', MESSAGE = {refused} || ': u kunt haar niet uitchecken.';
    END IF;
    INSERT INTO kp_lease VALUES (the_meeting, the_location, session_user, shown_name, taken_at, hashed);
    INSERT INTO kp_lease_child SELECT DISTINCT the_meeting, d.child_id FROM discussion d WHERE d.meeting_id = the_meeting;
END $$""",
        f"""CREATE FUNCTION kp_lease_release(the_meeting bigint, at_time text, by_whom text) RETURNS void {_DEFINER} AS $$
DECLARE l kp_lease;
BEGIN
    SELECT * INTO l FROM kp_lease WHERE meeting_id = the_meeting FOR UPDATE;
    IF NOT FOUND OR l.holder_role <> session_user OR l.token_hash <> {_TOKEN} THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = 'U houdt deze vergadering niet.';
    END IF;
    INSERT INTO kp_lease_history VALUES (l.token_hash, the_meeting, l.location_id, l.holder_name, l.since, at_time,
                                         by_whom, 'ingecheckt');
    DELETE FROM kp_lease WHERE meeting_id = the_meeting;
END $$""",
        # A coordinator (an administrator of the server, member of the location) ends a lease whose
        # laptop is lost; the meeting is then writable on the server again.
        f"""CREATE FUNCTION kp_lease_take_over(the_meeting bigint, at_time text, by_whom text) RETURNS text {_DEFINER} AS $$
DECLARE l kp_lease;
BEGIN
    SELECT * INTO l FROM kp_lease WHERE meeting_id = the_meeting FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'Deze vergadering is niet uitgecheckt.';
    END IF;
    IF NOT pg_has_role(session_user, '{admins}', 'MEMBER') OR NOT {_MEMBER.format("l.location_id")} THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'Alleen een coördinator (beheerder op de server) van deze locatie kan een uitgecheckte '
                      'vergadering overnemen.';
    END IF;
    INSERT INTO kp_lease_history VALUES (l.token_hash, the_meeting, l.location_id, l.holder_name, l.since, at_time,
                                         by_whom, 'overgenomen');
    DELETE FROM kp_lease WHERE meeting_id = the_meeting;
    RETURN l.holder_name || ' sinds ' || {_SINCE};
END $$""",
        # Takes the table's lock against inserts for the moment of taking, so the block is whole.
        f"""CREATE FUNCTION kp_reserve_ids(name text, n bigint) RETURNS bigint {_DEFINER} AS $$
DECLARE seq text := pg_get_serial_sequence(quote_ident(name), 'id'); first bigint;
BEGIN
    IF seq IS NULL OR n < 1 OR n > {BLOCK_MAX} THEN
        RAISE EXCEPTION 'Geen nummers te reserveren voor %', name;
    END IF;
    EXECUTE format('LOCK TABLE %I IN SHARE ROW EXCLUSIVE MODE', name);
    first := nextval(seq);
    PERFORM setval(seq, first + n - 1);
    RETURN first;
END $$""",
    ]


def _guard(table: str, meeting: str, child: str) -> list[str]:
    return [f"""CREATE FUNCTION kp_lease_guard_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
    IF TG_OP <> 'INSERT' THEN r := OLD; PERFORM kp_lease_guard({meeting}, {child}); END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    r := NEW;
    PERFORM kp_lease_guard({meeting}, {child});
    RETURN NEW;
END $$""", f"""CREATE TRIGGER lease_guard BEFORE INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION kp_lease_guard_{table}()"""]
