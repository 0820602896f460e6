"""Trust before use: the content hash must match and be signed by the coordinator's key."""

from __future__ import annotations

from . import signing
from .publication import FORMAT, FORMAT_VERSION, Publication, PublicationRefused, content_hash

_NOTHING = "Er is niets veranderd."


def verify(publication: Publication, public_key: str) -> str:
    """The verified content hash; ``PublicationRefused`` (Dutch) when anything does not match."""
    meta = publication.meta
    if meta.get("format") != FORMAT:
        raise PublicationRefused(f"Dit is geen Knooppunt-regioadresboek. {_NOTHING}")
    if meta.get("format_version") != str(FORMAT_VERSION):
        raise PublicationRefused(f"Het regionale adresboek heeft versie {meta.get('format_version')}; deze versie "
                                 f"van Knooppunt leest versie {FORMAT_VERSION}. Werk Knooppunt bij. {_NOTHING}")
    digest = content_hash(publication.tables, meta)
    if digest != meta.get("content_hash"):
        raise PublicationRefused("De inhoud van het regionale adresboek klopt niet met de handtekening "
                                 f"(gewijzigd onderweg of op de server). {_NOTHING}")
    if not signing.is_valid(public_key, meta.get("signature", ""), bytes.fromhex(digest)):
        raise PublicationRefused("De handtekening hoort niet bij de sleutel van uw coördinator "
                                 f"(vingerafdruk {signing.fingerprint(public_key)}). Vraag de coördinator om de "
                                 f"juiste sleutel. {_NOTHING}")
    return digest
