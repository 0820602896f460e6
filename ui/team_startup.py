"""Starting on the organisation's server (server.json): the password from the system's keyring or
asked, then the services on the server through the composition root. Only here does the program
connect to a server, and only because the user set it up and started the program."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from knooppunt import team_settings
from knooppunt.errors import KnooppuntError
from knooppunt.team_settings import TeamSettings

from . import messages
from .dialogs.unlock import UnlockDialog
from .startup import Session

if TYPE_CHECKING:
    from knooppunt.services import Services


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


def first_server_session(wizard: QWidget, team: TeamSettings, password: str, path: Path) -> Session | None:
    """From the first-run wizard: connect, then keep the settings (and the password, if asked)."""
    try:
        services = open_on_server(team, password)
    except KnooppuntError as exc:
        messages.show_error(wizard, exc, "Geen verbinding met de server")
        return None
    try:
        team_settings.save(team)
    except KnooppuntError as exc:
        services.close()
        messages.show_error(wizard, exc, "Instellingen niet opgeslagen")
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
        try:
            return Session(open_on_server(team, password), path, server=team.describe())
        except KnooppuntError as exc:
            error = exc.message
    dialog = server_dialog(team, path, error=error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    services: Services = dialog.result_value  # type: ignore[assignment]
    return Session(services, path, server=team.describe())
