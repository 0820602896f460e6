"""The consent gate (toestemming) used before a child is placed on a meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..domain.consent_rules import MissingConsent, missing_consents
from ..errors import ConsentMissing
from ..storage import Store
from .children import ChildService


class ConsentService:
    def __init__(self, store: Store, children: ChildService) -> None:
        self._store = store
        self._children = children

    def missing(self, child_id: int, day: date, organisation_ids: Iterable[int] = ()) -> list[MissingConsent]:
        names = {r["id"]: r["name"] for r in self._store.query("SELECT id, name FROM organisation")}
        return missing_consents(
            self._children.child(child_id),
            self._children.guardians(child_id),
            self._children.consents(child_id),
            day,
            organisation_ids,
            names,
        )

    def require(self, child_id: int, day: date, organisation_ids: Iterable[int] = ()) -> None:
        """Raise ``ConsentMissing`` naming every missing person and scope."""
        missing = self.missing(child_id, day, organisation_ids)
        if missing:
            child = self._children.child(child_id)
            raise ConsentMissing(child.full_name, [m.description for m in missing])
