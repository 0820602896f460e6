"""Who works on this laptop (naam en rol), kept in the database's settings."""

from __future__ import annotations

from ..domain.enums import Role
from ..errors import ValidationError
from ..storage import Store
from .changes import Change, Entity


class ProfileService:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def user_name(self) -> str:
        return self._store.setting("user_name")

    @property
    def role(self) -> Role:
        return Role(self._store.setting("user_role", Role.IB.value))

    def save(self, name: str, role: Role) -> Change:
        name = name.strip()
        if not name:
            raise ValidationError("name", "Vul uw naam in: die komt in het logboek en op verslagen.")
        with self._store.unit_of_work() as uow:
            for key, value in (("user_name", name), ("user_role", role.value)):
                uow.set_setting(key, value)
            uow.audit("profiel opgeslagen", "setting", None, f"{name} ({role.label})")
        return Change.updated(Entity.PROFILE)
