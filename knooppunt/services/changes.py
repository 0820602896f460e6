"""What a service operation changed (``Change``, defined in ``knooppunt.domain.changes``)."""

from __future__ import annotations

from ..domain.changes import Change

__all__ = ["Change"]
