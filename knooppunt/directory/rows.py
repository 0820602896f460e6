"""What the exchange formats read of a location partner (services' ``PartnerView`` fits it).

A protocol, so that ``directory`` (below ``services`` in the layers) needs no import from above.
"""

from __future__ import annotations

from typing import Protocol

from ..domain.directory import ContactPerson, LocationPartner, Organisation


class PartnerRow(Protocol):
    @property
    def partner(self) -> LocationPartner: ...
    @property
    def organisation(self) -> Organisation | None: ...
    @property
    def contact(self) -> ContactPerson | None: ...
    @property
    def substitute(self) -> ContactPerson | None: ...
