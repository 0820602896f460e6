"""How the owner of an agreement is written in the tables."""

from __future__ import annotations


def test_an_owner_with_an_organisation_gets_no_second_pair_of_brackets():
    from knooppunt.domain.enums import OwnerKind
    from ui.models.outcome_columns import owner_text

    assert owner_text("Kim de Vries", OwnerKind.PARENT) == "Kim de Vries (ouder/verzorger)"
    assert owner_text("Fatima Bouzid (wijkteam)", OwnerKind.PARTNER) == "Fatima Bouzid (wijkteam) · kernpartner"
