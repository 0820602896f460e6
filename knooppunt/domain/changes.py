"""What a service operation changed, so the views can decide whether to refresh.

A plain value in the domain layer: services return it, and so does the document service, which
sits below the services in the layers (pyproject.toml, docs/architecture.md).
"""

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
