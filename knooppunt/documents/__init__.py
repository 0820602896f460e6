"""Verslagen en afsprakenbrieven: read model → Jinja2/RML templates → PDF (z3c.rml + ReportLab)."""

from .model import DocumentKind
from .service import DocumentService, DocumentTarget, RenderedDocument, RenderJob

__all__ = ["DocumentKind", "DocumentService", "DocumentTarget", "RenderJob", "RenderedDocument"]
