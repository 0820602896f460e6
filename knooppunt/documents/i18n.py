"""Message catalogs for the fixed text of the parents' letter and invitation (gettext, via Babel).

The catalogs are the ``.po`` files in ``resources/locale`` (one per language, Dutch text as
msgid). They are compiled in memory with ``babel.messages`` when first needed, so a checkout, an
installed wheel and the PyInstaller bundle all read the same plain files and nobody has to
remember a build step. A catalog whose header is marked ``fuzzy`` is a draft: the letter then
says "vertaling: concept" until someone fluent has checked it.

Extract new text from the templates with::

    pybabel extract -F resources/locale/babel.cfg -o resources/locale/knooppunt.pot templates knooppunt
    pybabel update -i resources/locale/knooppunt.pot -d resources/locale -D knooppunt  # or by hand
"""

from __future__ import annotations

import functools
import gettext
import io

from .. import paths
from ..errors import KnooppuntError
from .letter_model import LANGUAGES

RIGHT_TO_LEFT = frozenset({"ar"})
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "Engels", "tr": "Turks", "ar": "Arabisch", "pl": "Pools"}


class UnknownLanguage(KnooppuntError):
    pass


def check_language(code: str) -> str:
    code = code.strip().lower()
    if code not in LANGUAGES:
        raise UnknownLanguage(f"Taal ‘{code}’ kent Knooppunt niet voor de brief; kies uit: {', '.join(LANGUAGES)}.")
    return code


@functools.cache
def _catalog(code: str) -> tuple[gettext.GNUTranslations, bool]:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with paths.resource("locale", f"{code}.po").open("rb") as handle:
        catalog = read_po(handle, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer), bool(catalog.fuzzy)


def translations(code: str) -> gettext.GNUTranslations:
    return _catalog(check_language(code))[0]


def is_draft(code: str) -> bool:
    """True for a draft translation (marked in the letter as "vertaling: concept")."""
    return _catalog(check_language(code))[1]
