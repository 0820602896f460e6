"""What a service operation changed, so the views can decide whether to refresh.

A plain value in the domain layer: services return it, and so does the document service, which
sits below the services in the layers (pyproject.toml, docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    """What kind of record a ``Change`` is about. Values are the strings used before the enum."""

    ADDENDUM = "addendum"
    AGENDA_ITEM = "agenda_item"
    AGREEMENT = "agreement"
    AVG_REQUEST = "avg_request"
    BACKUP_SETTINGS = "backup_settings"
    CASE = "case"
    CHILD = "child"
    CONSENT = "consent"
    DECISION = "decision"
    DISCUSSION = "discussion"
    DOCUMENT = "document"
    GOAL = "goal"
    GOAL_EVALUATION = "goal_evaluation"
    GUARDIAN = "guardian"
    LOCATION = "location"
    LOCATION_PARTNER = "location_partner"
    MEETING = "meeting"
    NOTE = "note"
    OFFER = "offer"
    ORGANISATION = "organisation"
    PARENT_INPUT = "parent_input"
    PARTICIPANT = "participant"
    PARTNER = "partner"
    PARTNER_CHOICE = "partner_choice"
    PASSPHRASE = "passphrase"
    PROFILE = "profile"
    REGIONAL_SIGNING_KEY = "regional_signing_key"
    REGIONAL_SUBSCRIPTION = "regional_subscription"
    SCHOOL_HOLIDAY = "school_holiday"


@dataclass(frozen=True)
class Change:
    entity: Entity
    action: str
    ids: tuple[int, ...] = ()

    @classmethod
    def created(cls, entity: Entity, *ids: int) -> Change:
        return cls(entity, "created", ids)

    @classmethod
    def updated(cls, entity: Entity, *ids: int) -> Change:
        return cls(entity, "updated", ids)

    @classmethod
    def deleted(cls, entity: Entity, *ids: int) -> Change:
        return cls(entity, "deleted", ids)
