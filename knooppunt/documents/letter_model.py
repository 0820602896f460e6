"""What only the parents' letter needs: who gets a letter, in which language, and whom to call.

- **Addressees.** Parents with gezag who live apart (different addresses recorded, or marked
  "woont apart") each get a letter of their own at their own address; otherwise one joint letter.
- **Language.** The guardian's recorded language (free text such as "Turks" or a code such as
  ``tr``) mapped to a catalog; anything else is Dutch.
- **Regiehouder** (hook). The case's ``regie_holder`` text is matched to a directory person; when
  it names nobody in the directory (empty, "ouders") the chair (the intern begeleider) is the
  parents' fixed point of contact. When cases get a directory person as regiehouder, only
  :func:`regiehouder` changes.
- **Contacts.** Every decider and every agreement owner outside the family, with a phone number
  or e-mail address (the organisation's or the school's when the person has none of their own).
"""

from __future__ import annotations

from ..domain.children import Guardian
from ..storage import Store
from .model import Addressee, AgreementLine, ContactLine, DecisionLine, LocationInfo

LANGUAGES = ("nl", "en", "tr", "ar", "pl")
# Dutch names as a user types them on the Ouders tab, and the English ones.
_LANGUAGE_NAMES = {
    "nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en", "turks": "tr", "turkish": "tr",
    "arabisch": "ar", "arabic": "ar", "pools": "pl", "polish": "pl",
}


def language_code(recorded: str) -> str:
    """``Turks`` → ``tr``; a language without a catalog → ``nl``."""
    text = recorded.strip().lower()
    if text in LANGUAGES:
        return text
    return _LANGUAGE_NAMES.get(text.split()[0] if text else "", "nl")


def lives_apart(parents: list[Guardian]) -> bool:
    addresses = {" ".join(g.address.lower().split()) for g in parents if g.address.strip()}
    return len(parents) > 1 and (len(addresses) > 1 or any(g.lives_apart for g in parents))


def addressees(guardians: list[Guardian]) -> tuple[Addressee, ...]:
    with_authority = [g for g in guardians if g.has_authority] or guardians
    if not with_authority:
        return (Addressee((), "", "nl"),)
    if lives_apart(with_authority):
        return tuple(
            Addressee((g.name,), g.address, language_code(g.preferred_language),
                      tuple(o.name for o in with_authority if o is not g))
            for g in with_authority
        )
    foreign = [language_code(g.preferred_language) for g in with_authority]
    language = next((code for code in foreign if code != "nl"), "nl")
    address = next((g.address for g in with_authority if g.address.strip()), "")
    return (Addressee(tuple(g.name for g in with_authority), address, language),)


def regiehouder(store: Store, child_id: int, chair: str, location: LocationInfo) -> ContactLine:
    """The parents' fixed point of contact: the case's regiehouder when the directory knows them."""
    name = store.scalar(
        "SELECT regie_holder FROM child_case WHERE child_id = ? ORDER BY closed_on IS NOT NULL, id DESC LIMIT 1",
        [child_id]) or ""
    person = _directory_person(store, name) if name.strip() else None
    if person is not None:
        return person
    return ContactLine("intern begeleider", chair or "De intern begeleider", location.name, "intern begeleider",
                       location.phone, "")


def _directory_person(store: Store, name: str) -> ContactLine | None:
    rows = store.query(
        "SELECT c.name, c.function, coalesce(nullif(c.phone, ''), o.phone, '') AS phone, "
        "coalesce(nullif(c.email, ''), o.email, '') AS email, coalesce(o.name, '') AS organisation "
        "FROM contact_person c LEFT JOIN organisation o ON o.id = c.organisation_id "
        "WHERE c.left_on IS NULL AND lower(c.name) = lower(?) ORDER BY c.id LIMIT 1", [name.strip()])
    if not rows:
        return None
    r = rows[0]
    return ContactLine("", r["name"], r["organisation"], r["function"], r["phone"], r["email"])


def _directory_person_in(store: Store, text: str) -> ContactLine | None:
    """A directory person whose name appears in ``text`` (an owner such as "Marieke Hendriks (JGZ)")."""
    rows = store.query(
        f"SELECT c.name FROM contact_person c WHERE c.left_on IS NULL AND {store.sql.contains('lower(?)', 'lower(c.name)')} "
        "ORDER BY length(c.name) DESC LIMIT 1", [text])
    return _directory_person(store, rows[0]["name"]) if rows else None


def letter_contacts(
    store: Store,
    contacts: tuple[ContactLine, ...],
    decisions: tuple[DecisionLine, ...],
    agreements: tuple[AgreementLine, ...],
    location: LocationInfo,
) -> tuple[ContactLine, ...]:
    """The contact table's people beyond the fixed contacts: deciders, then agreement owners."""
    known = {c.name.lower() for c in contacts}
    extra: list[ContactLine] = []

    def add(line: ContactLine) -> None:
        if line.name.lower() not in known:
            known.add(line.name.lower())
            extra.append(line)

    for d in decisions:
        person = _directory_person(store, d.decided_by)
        if person is None:  # not (or no longer) in the directory: reachable through their organisation
            org = store.query("SELECT phone, email FROM organisation WHERE name = ? LIMIT 1", [d.organisation])
            phone, email = (org[0]["phone"] or "", org[0]["email"] or "") if org else ("", "")
            person = ContactLine("", d.decided_by, d.organisation, "", phone or location.phone, email)
        add(_with_why(person, "besluit"))
    for a in agreements:
        if a.owner_kind in ("ouder", "kind") or a.followup:
            continue
        person = _directory_person_in(store, a.owner)
        if person is not None:
            if person.name.lower() not in known:
                add(_with_why(person, "afspraak"))
        elif a.owner_kind == "school":
            add(ContactLine("", a.owner, location.name, "", location.phone, "", "afspraak"))
        else:
            add(ContactLine("", a.owner, "", "", location.phone, "", "afspraak"))
    return tuple(extra)


def _with_why(line: ContactLine, why: str) -> ContactLine:
    return ContactLine(line.role, line.name, line.organisation, line.function, line.phone, line.email, why)
