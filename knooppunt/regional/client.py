"""Fetching a regional publication through Datasette's JSON API: HTTPS only, verified, bounded.

Only called when the user configured a server and asked for an update. Every page is
``/regio/<table>.json?_shape=array&_size=max``; Datasette names the next page in a ``Link``
header, whose ``_next`` token we send to the configured address ourselves (never to another host).
"""

from __future__ import annotations

import json
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPMessage
from typing import IO, Any

from .. import __version__
from ..errors import KnooppuntError
from .publication import DATABASE_NAME, TABLES, Publication, PublicationRefused

DEFAULT_TIMEOUT = 10.0  # seconds per request, and the whole update may take at most four times that
# (the same value as knooppunt.services.directory.regional.DEFAULT_TIMEOUT, which does not import this module)
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 500
_QUERY = {"_shape": "array", "_size": "max", "_nocount": "1", "_nofacet": "1", "_nosuggest": "1", "_labels": "off"}
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')
_KEEPS_WORKING = "U werkt gewoon verder met het adresboek dat u al hebt; er is niets veranderd."


class DirectoryServerUnreachable(KnooppuntError):
    """Offline, a slow or absent server: the program keeps working with what it has."""


def database_url(server: str) -> str:
    """The database's address on the server; refused unless it is https:// with a host name."""
    text = server.strip().rstrip("/")
    parts = urllib.parse.urlsplit(text)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise KnooppuntError("Het adres van de adresboekserver moet met https:// beginnen "
                             "(bijvoorbeeld https://adresboek.regio.nl).")
    if parts.query or parts.fragment:
        raise KnooppuntError("Geef alleen het adres van de adresboekserver op, zonder ? of #.")
    return text if parts.path.rsplit("/", 1)[-1] == DATABASE_NAME else f"{text}/{DATABASE_NAME}"


def fetch(server: str, *, timeout: float = DEFAULT_TIMEOUT, cafile: str | None = None) -> Publication:
    """Every published table and the meta rows; ``cafile`` trusts an extra CA (a test or own CA)."""
    base = database_url(server)
    context = ssl.create_default_context(cafile=cafile)  # verifies the certificate and the host name
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _HttpsOnlyRedirects())
    deadline = time.monotonic() + 4 * timeout
    budget = [MAX_BYTES]
    tables = {name: _rows(opener, base, name, timeout, deadline, budget) for name in TABLES}
    meta_rows = _rows(opener, base, "meta", timeout, deadline, budget)
    try:
        meta = {str(r["key"]): str(r["value"]) for r in meta_rows}
    except (KeyError, TypeError):
        raise PublicationRefused("De publicatie heeft geen leesbare meta-tabel; er is niets veranderd.") from None
    return Publication(tables, meta)


def _rows(opener: urllib.request.OpenerDirector, base: str, table: str, timeout: float, deadline: float,
          budget: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    query = dict(_QUERY)
    for _page in range(MAX_PAGES):
        if time.monotonic() > deadline:
            raise DirectoryServerUnreachable(f"De adresboekserver is te traag (meer dan {4 * timeout:g} seconden). "
                                             + _KEEPS_WORKING)
        body, link = _get(opener, f"{base}/{table}.json?{urllib.parse.urlencode(query)}", timeout, budget)
        try:
            page = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise PublicationRefused(f"De server gaf geen leesbare gegevens voor ‘{table}’; er is niets veranderd.")\
                from None
        if not isinstance(page, list) or not all(isinstance(r, dict) for r in page):
            raise PublicationRefused(f"De server gaf geen rijen voor ‘{table}’; is dit een Knooppunt-adresboek?")
        rows += page
        token = _next_token(link)
        if token is None:
            return rows
        query["_next"] = token
    raise PublicationRefused(f"De tabel ‘{table}’ heeft te veel pagina's; er is niets veranderd.")


def _get(opener: urllib.request.OpenerDirector, url: str, timeout: float, budget: list[int]) -> tuple[bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": f"Knooppunt/{__version__}",
                                                   "Accept": "application/json"})
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(budget[0] + 1)
            link = response.headers.get("Link", "")
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 404:
            raise PublicationRefused("Op dit adres staat geen regionaal adresboek (404). Controleer het adres; "
                                     "er is niets veranderd.") from None
        raise DirectoryServerUnreachable(f"De adresboekserver gaf een fout (HTTP {exc.code}). "
                                         + _KEEPS_WORKING) from None
    except (urllib.error.URLError, OSError) as exc:
        raise _unreachable(getattr(exc, "reason", exc), timeout) from None
    budget[0] -= len(body)
    if budget[0] < 0:
        raise PublicationRefused("De publicatie is groter dan 50 MB; er is niets veranderd.")
    return body, link


def _unreachable(reason: object, timeout: float) -> KnooppuntError:
    if isinstance(reason, ssl.SSLCertVerificationError):
        return PublicationRefused(f"Het certificaat van de adresboekserver is niet te vertrouwen "
                                  f"({reason.verify_message}). Er is niets opgehaald.")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return DirectoryServerUnreachable(f"De adresboekserver antwoordt niet binnen {timeout:g} seconden. "
                                          + _KEEPS_WORKING)
    if isinstance(reason, PublicationRefused):
        return reason
    if isinstance(reason, ConnectionRefusedError):
        detail = "de server weigert de verbinding"
    elif isinstance(reason, socket.gaierror):
        detail = "het adres is niet gevonden"
    else:
        detail = getattr(reason, "strerror", None) or str(reason)
    return DirectoryServerUnreachable(f"Geen verbinding met de adresboekserver ({detail}). Bent u offline? "
                                      + _KEEPS_WORKING)


def _next_token(link: str) -> str | None:
    match = _NEXT.search(link or "")
    if not match:
        return None
    values = urllib.parse.parse_qs(urllib.parse.urlsplit(match.group(1)).query).get("_next")
    return values[0] if values else None


class _HttpsOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() != "https":
            raise PublicationRefused("De server stuurt door naar een adres zonder https; er is niets opgehaald.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)
