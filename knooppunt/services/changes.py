"""What a service operation changed, so the views can decide whether to refresh."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    entity: str
    action: str
    ids: tuple[int, ...] = ()

    @classmethod
    def created(cls, entity: str, *ids: int) -> Change:
        return cls(entity, "created", ids)

    @classmethod
    def updated(cls, entity: str, *ids: int) -> Change:
        return cls(entity, "updated", ids)

    @classmethod
    def deleted(cls, entity: str, *ids: int) -> Change:
        return cls(entity, "deleted", ids)
