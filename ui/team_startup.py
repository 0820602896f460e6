"""Starting on the organisation's server (server.json): the password from the system's keyring or
asked, then the services on the server through the composition root. Only here does the program
connect to a server, and only because the user set it up and started the program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from knooppunt import team_settings
from knooppunt.errors import KnooppuntError
from knooppunt.team_settings import TeamSettings

from . import messages
from .dialogs.unlock import UnlockDialog
from .hub import SignalHub
from .operations import run_op
from .startup import Session

if TYPE_CHECKING:
    from knooppunt.services import Services

T = TypeVar("T")


def open_on_server(team: TeamSettings, password: str) -> Services:
    from knooppunt.composition import open_team_services

    services = open_team_services(team, password)
    services.audit.log_access("aangemeld op de server", "setting", None, "Knooppunt gestart")
    return services


def _keep_password(parent: QWidget | None, team: TeamSettings, password: str) -> None:
    if not team.keep_password(password):
        messages.inform(parent, "Wachtwoord niet onthouden",
                        "Op deze computer is geen sleutelbos waarin Knooppunt het wachtwoord veilig kan bewaren. "
                        "Knooppunt vraagt het daarom bij elke start.")


class _Refusal:
    """Where run_op puts a refusal that is shown later (in the password dialog), not in a box."""

    message = ""

    def show_error(self, error: KnooppuntError) -> None:
        self.message = error.message


def _attempt(action: Callable[[], T], parent: QWidget | None, title: str = "",
             refusal: _Refusal | None = None) -> T | None:
    # Opening publishes nothing: a hub of its own (the window's is made with the window).
    return run_op(action, hub=SignalHub(), parent=parent, errors=refusal, title=title)


def first_server_session(wizard: QWidget, team: TeamSettings, password: str, path: Path) -> Session | None:
    """From the first-run wizard: connect, then keep the settings (and the password, if asked)."""
    services = _attempt(lambda: open_on_server(team, password), wizard, "Geen verbinding met de server")
    if services is None:
        return None
    if _attempt(lambda: team_settings.save(team), wizard, "Instellingen niet opgeslagen") is None:
        services.close()
        return None
    _keep_password(wizard, team, password)
    return Session(services, path, server=team.describe())


def server_dialog(team: TeamSettings, path: Path, *, error: str = "") -> UnlockDialog:
    """Asks the server password; a kept one is replaced in the keyring once a new one works."""
    def unlock(password: str) -> Services:
        services = open_on_server(team, password)
        if team.remember_password:
            _keep_password(None, team, password)
        return services

    return UnlockDialog(database_path=path, unlock=unlock, server=team.address.describe(), error=error)


def server_session(team: TeamSettings, path: Path) -> Session | None:
    """The kept password when it still works, else the password dialog; None when the user stops."""
    password = team.stored_password()
    error = ""
    if password is not None:
        kept, refusal = password, _Refusal()
        opened = _attempt(lambda: open_on_server(team, kept), None, refusal=refusal)
        if opened is not None:
            return Session(opened, path, server=team.describe())
        error = refusal.message
    dialog = server_dialog(team, path, error=error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    services: Services = dialog.result_value  # type: ignore[assignment]
    return Session(services, path, server=team.describe())
