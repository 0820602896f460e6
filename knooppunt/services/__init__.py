"""Services: the use cases. Each write is one transaction with an audit entry and returns a Change."""

from .changes import Change, Entity
from .container import Services

__all__ = ["Change", "Entity", "Services"]
