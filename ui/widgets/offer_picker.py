"""Pick an offer from the location's sociale kaart while typing (accents folded), or leave it empty.

Picking is optional: the decision or agreement text stays free. The chosen offer's id goes with
the decision or agreement, so monitoring counts it per organisation and prevention level.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from knooppunt.domain.offers import OfferView
from knooppunt.services import Services


class OfferPicker(QLineEdit):
    offer_chosen = Signal(object)  # the OfferView, or None when the choice is cleared

    def __init__(self, *, services: Services, location_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._location_id = location_id
        self._matches: dict[str, OfferView] = {}
        self.offer: OfferView | None = None
        self.setPlaceholderText("Typ om te zoeken in de sociale kaart (niet verplicht)")
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        # The service filters (accent-folded, every word); the completer shows what it found.
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setWidget(self)
        self.completer_.activated[str].connect(self.choose_title)  # type: ignore[index]
        self.textEdited.connect(self._on_text_edited)
        self.has_offers = bool(services.offers.offers(location_id))
        if not self.has_offers:
            self.setPlaceholderText("Nog geen aanbod in de sociale kaart (Monitoring → Sociale kaart)")

    def matches(self) -> list[str]:
        return self._model.stringList()

    def _on_text_edited(self, text: str) -> None:
        if self.offer is not None and text != self.offer.title:
            self.offer = None
            self.offer_chosen.emit(None)
        found = self._services.offers.search(self._location_id, text) if text.strip() else []
        self._matches = {view.title: view for view in found}
        self._model.setStringList(list(self._matches))
        if found:
            self.completer_.complete()
        elif (popup := self.completer_.popup()) is not None:
            popup.hide()

    def choose_title(self, title: str) -> None:
        view = self._matches.get(title)
        if view is not None:
            self.set_offer(view)
            self.offer_chosen.emit(view)

    def set_offer(self, view: OfferView | None) -> None:
        self.offer = view
        self.setText(view.title if view else "")

    @property
    def offer_id(self) -> int | None:
        return self.offer.offer.id if self.offer is not None else None
