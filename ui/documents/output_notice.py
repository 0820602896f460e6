"""After saving or printing, the document dialog says where it went, with "Map openen"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton, QStatusBar, QWidget

from .. import messages


class OutputNotice(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.folder: Path | None = None
        self.open_folder_button = QPushButton("&Map openen")
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        self.addPermanentWidget(self.open_folder_button)
        self.open_folder_button.hide()

    def saved(self, path: Path) -> None:
        self._say(f"Opgeslagen: {path.name} in {path.parent}", path.parent)

    def printed(self, printer: str, pages: int, file: str = "") -> None:
        if file:
            self._say(f"Afgedrukt naar het bestand {Path(file).name} in {Path(file).parent}", Path(file).parent)
        else:
            self._say(f"De afdrukopdracht ({pages} pagina's) is naar {printer or 'de printer'} gestuurd.", None)

    def _say(self, text: str, folder: Path | None) -> None:
        self.folder = folder
        self.showMessage(text)
        self.setToolTip(text)
        self.open_folder_button.setVisible(folder is not None)

    def _on_open_folder_button_clicked(self) -> None:
        if self.folder is not None:
            messages.open_folder(self.folder)
