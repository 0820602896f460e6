"""What a service operation changed (``Change`` and ``Entity``, defined in ``knooppunt.domain.changes``)."""

from __future__ import annotations

from ..domain.changes import Change, Entity

__all__ = ["Change", "Entity"]
