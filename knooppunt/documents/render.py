"""Jinja2 template → RML → PDF (z3c.rml lays the RML out with ReportLab).

Layout lives in ``templates/*.rml.j2``; this module only finds the template, fills it with the
read model's values (always escaped) and turns the RML into PDF bytes with Dutch metadata.

Template lookup order (first hit wins), so a location can use its own letterhead and wording
without touching code:

1. ``<user data folder>/templates/<location id>/<name>`` — this location's own copy;
2. ``<user data folder>/templates/<name>`` — a copy for every location on this laptop;
3. the built-in ``templates/<name>`` shipped with the program.

A ``logo.png`` (or ``logo.jpg``) in folder 1 or 2 is printed at the top of every page.
"""

from __future__ import annotations

import functools
import io
import re
import threading
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

# jinja2, Babel, lxml, ReportLab and z3c.rml are imported when the first document is made, not
# when the app starts: together they take a few tenths of a second to import.
from markupsafe import Markup, escape

from ..dates import dutch_date
from .i18n import RIGHT_TO_LEFT
from .rtl import right_to_left

if TYPE_CHECKING:
    import jinja2
    from lxml import etree

from .. import paths
from ..errors import KnooppuntError
from .model import DocumentKind

# Characters XML 1.0 cannot hold (control characters); user text may contain them (pasted text).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
LOGO_NAMES = ("logo.png", "logo.jpg", "logo.jpeg")


def clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def local_date(value: date | datetime | None, style: str = "full", *, language: str = "nl") -> str:
    """``dutch_date`` in the document's language (a letter for parents may be in English or Arabic)."""
    if value is None or language == "nl":
        return dutch_date(value, style)
    from babel.dates import format_date

    return format_date(value, format=style, locale=language)


def clock_time(value: time | datetime | None) -> str:
    """``08:30``: the time in a letter in another language (no Dutch "uur")."""
    return "" if value is None else f"{value:%H:%M}"


def dutch_time(value: time | datetime | None) -> str:
    return "" if value is None else f"{value:%H.%M} uur"


def text_block(value: Any) -> Markup:
    """User text, escaped, with its line breaks kept: ``<b>`` and ``{{ }}`` print literally."""
    lines = clean(str(value or "")).splitlines() or [""]
    return Markup("<br/>").join(escape(line) for line in lines)


# A long note is laid out as several paragraphs of about this many characters: ReportLab re-wraps
# the rest of a paragraph at every page break, so one 20,000-character paragraph costs seconds.
PART_CHARS = 600


def text_parts(value: Any, size: int = PART_CHARS) -> list[Markup]:
    """User text as :func:`text_block` pieces of at most ``size`` characters, split between lines
    (or, inside one very long line, at a space); printed one after the other they read the same."""
    parts: list[Markup] = []
    lines: list[str] = []
    length = 0
    for line in clean(str(value or "")).splitlines() or [""]:
        while len(line) > size:  # one very long line: cut at the last space before the limit
            cut = line.rfind(" ", 0, size) + 1 or size
            if lines:
                parts.append(_joined(lines))
                lines, length = [], 0
            parts.append(_joined([line[:cut]]))
            line = line[cut:]
        if lines and length + len(line) > size:
            parts.append(_joined(lines))
            lines, length = [], 0
        lines.append(line)
        length += len(line)
    parts.append(_joined(lines))
    return parts


def _joined(lines: list[str]) -> Markup:
    return Markup("<br/>").join(escape(line) for line in lines)


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return "" if value is None else value
    return clean(value)


# An agreement with a very long text could not fit in one table row on a page; it is printed as a
# block of its own instead (a table row is never split across pages).
LONG_AGREEMENT = 900

_PERSPECTIVES = {"ouders": "Ouders", "ouder": "Ouders", "school": "School", "partner": "Partner"}
_SAYS = {"ouders": "Ouders:", "ouder": "Ouders:", "school": "School:", "partner": "Hulpverlener:"}


def perspective(value: str, child_first_name: str) -> str:
    if value == "kind":
        return child_first_name
    return _PERSPECTIVES.get(value, value.capitalize())


def says(value: str, child_first_name: str) -> str:
    """Short plain label before a note in the letter (``Ouders:``, ``Zoë:``)."""
    if value == "kind":
        return f"{child_first_name}:"
    return _SAYS.get(value, f"{value.capitalize()}:")


def agreement_blocks(agreements: Any) -> list[dict[str, Any]]:
    """Consecutive ordinary agreements form one table; a very long one stands on its own."""
    blocks: list[dict[str, Any]] = []
    for agreement in agreements:
        if len(agreement.description) + len(agreement.owner) > LONG_AGREEMENT:
            blocks.append({"tabel": False, "afspraken": [agreement]})
        elif blocks and blocks[-1]["tabel"]:
            blocks[-1]["afspraken"].append(agreement)
        else:
            blocks.append({"tabel": True, "afspraken": [agreement]})
    return blocks


class TemplateProblem(KnooppuntError):
    """A (location's own) template cannot be filled or laid out."""


@functools.cache
def dutch_canvas() -> type:
    """A ReportLab canvas class that marks the PDF as Dutch (``/Lang (nl)``).

    ReportLab and z3c.rml are imported at the first document, not when the app starts (they
    take ~0.2 s to import)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    class DutchCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["lang"] = kwargs.get("lang") or "nl"
            # Start in the embedded font, so no standard (non-embedded) font appears in the PDF at all.
            if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
                kwargs["initialFontName"] = kwargs.get("initialFontName") or "DejaVuSans"
            super().__init__(*args, **kwargs)

    return DutchCanvas


class TemplateRenderer:
    """Finds a template (a location's own copy first), fills it and lays it out as PDF."""

    def __init__(self, *, builtin_dir: Path | None = None, override_root: Path | None = None) -> None:
        self.builtin_dir = builtin_dir or paths.templates_dir()
        self.override_root = override_root if override_root is not None else paths.user_data_dir() / "templates"
        self._environments: dict[tuple[int | None, str], jinja2.Environment] = {}

    def search_path(self, location_id: int | None) -> list[Path]:
        path = []
        if location_id is not None:
            path.append(self.override_root / str(location_id))
        path.extend([self.override_root, self.builtin_dir])
        return path

    def template_origin(self, name: str, location_id: int | None) -> Path:
        """Which file would be used for ``name`` (for the settings screen and the docs)."""
        for folder in self.search_path(location_id):
            if (folder / name).is_file():
                return folder / name
        raise FileNotFoundError(name)

    def logo(self, location_id: int | None) -> Path | None:
        for folder in self.search_path(location_id)[:-1]:
            for name in LOGO_NAMES:
                if (folder / name).is_file():
                    return folder / name
        return None

    def environment(self, location_id: int | None, language: str = "nl") -> jinja2.Environment:
        """One environment per location and language: gettext is installed per environment."""
        env = self._environments.get((location_id, language))
        if env is None:
            import jinja2

            from .i18n import translations

            env = jinja2.Environment(
                loader=jinja2.FileSystemLoader([str(p) for p in self.search_path(location_id)]),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                finalize=_finalize,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=False,
                extensions=["jinja2.ext.i18n"],
            )
            env.policies["ext.i18n.trimmed"] = True
            env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
            env.filters.update(datum=functools.partial(local_date, language=language),
                               tijd=dutch_time if language == "nl" else clock_time, tekst=text_block,
                               delen=text_parts)
            env.globals.update(afspraakblokken=agreement_blocks, perspectief=perspective, zegt=says)
            self._environments[(location_id, language)] = env
        return env

    def rml(self, kind: DocumentKind, context: dict[str, Any], *, location_id: int | None) -> str:
        return self.rml_of(kind.template, {"kind": kind, **context}, location_id=location_id)

    def rml_of(self, template_name: str, context: dict[str, Any], *, location_id: int | None) -> str:
        fonts = {
            "regular": str(paths.resource("fonts", "DejaVuSans.ttf")),
            "bold": str(paths.resource("fonts", "DejaVuSans-Bold.ttf")),
        }
        logo = self.logo(location_id)
        template = self.environment(location_id, context.get("taal", "nl")).get_template(template_name)
        return template.render(fonts=fonts, logo=str(logo) if logo else None, **context)

    def render(
        self,
        kind: DocumentKind,
        context: dict[str, Any],
        *,
        location_id: int | None,
        progress: Callable[[int], None] | None = None,
    ) -> bytes:
        return self.render_template(kind.template, {"kind": kind, **context}, location_id=location_id,
                                    progress=progress)

    def render_template(
        self,
        template_name: str,
        context: dict[str, Any],
        *,
        location_id: int | None,
        progress: Callable[[int], None] | None = None,
    ) -> bytes:
        """Any template (e.g. ``inzage.rml.j2``) through the same lookup, escaping and layout."""
        return self.render_parts(template_name, [context], location_id=location_id, progress=progress)

    def render_parts(
        self,
        template_name: str,
        contexts: list[dict[str, Any]],
        *,
        location_id: int | None,
        progress: Callable[[int], None] | None = None,
    ) -> bytes:
        """One PDF of several fillings of a template (a letter per parent), each on a new page."""
        try:
            sources = [self.rml_of(template_name, c, location_id=location_id) for c in contexts]
            sources = [right_to_left(s) if c.get("taal") in RIGHT_TO_LEFT else s for s, c in zip(sources, contexts, strict=True)]
            if progress:
                progress(30)
            pdf = rml_to_pdf(sources[0], sources[1:])
        except Exception as exc:
            import jinja2
            from lxml import etree

            if not isinstance(exc, (jinja2.TemplateError, etree.XMLSyntaxError)):
                raise
            origin = self.template_origin(template_name, location_id)
            raise TemplateProblem(
                f"Het sjabloon {origin} (of een sjabloon dat het gebruikt) bevat een fout: {exc}. "
                "Herstel of verwijder de eigen kopie; het ingebouwde sjabloon wordt dan weer gebruikt."
            ) from exc
        if progress:
            progress(100)
        return pdf


@functools.cache
def _parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


# z3c.rml resets ReportLab's global configuration for every document: one layout at a time.
_LAYOUT_LOCK = threading.Lock()


def rml_to_pdf(source: str, more: list[str] | None = None) -> bytes:
    """Lay out RML with z3c.rml/ReportLab; the PDF is marked as Dutch. ``more`` documents (a
    letter per parent) follow the first, each from a new page and numbered on its own
    (``merge.py``): each is laid out once alone first, for its page count."""
    from lxml import etree

    if not more:
        return _layout(etree.fromstring(source.encode("utf-8"), _parser()))
    from .merge import merge

    sources = [source, *more]
    counts = [_page_count(_layout(etree.fromstring(s.encode("utf-8"), _parser()))) for s in sources]
    return _layout(merge([etree.fromstring(s.encode("utf-8"), _parser()) for s in sources], counts))


def _layout(root: Any) -> bytes:
    from z3c.rml import document as rml_document
    from z3c.rml.flowable import NamedStringFlowable

    # The page count (<namedString id="laatstePagina"> at the end of the story) is a zero-height
    # flowable, yet ReportLab refuses it when the last paragraph's space-after reaches the foot of
    # the page: a blank last page. As a frame action (ReportLab's way for flowables that take no
    # room) it is recorded where the text ends.
    NamedStringFlowable.frameAction = _record_name
    output = io.BytesIO()
    with _LAYOUT_LOCK:
        rml_document.Document(root, canvasClass=dutch_canvas()).process(output)
    return output.getvalue()


def _record_name(flowable: Any, _frame: Any) -> None:
    flowable.draw()


def _page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()
