"""The built-in handbook (F1): short Dutch chapters per area, as plain Markdown files under
``resources/handbook/``, and a search over them that ignores case and accents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import handbook_dir
from .text import fold


@dataclass(frozen=True)
class Chapter:
    key: str  # the file name without number and extension, e.g. "overleg-voeren"
    title: str
    markdown: str

    def matches(self, query: str) -> bool:
        """Every word of ``query`` occurs in the chapter (case and accents do not matter)."""
        text = fold(self.markdown)
        return all(word in text for word in fold(query).split())


def load_chapters(folder: Path | None = None) -> list[Chapter]:
    """The chapters in file-name order (the files are numbered)."""
    chapters = []
    for path in sorted((folder or handbook_dir()).glob("*.md")):
        markdown = path.read_text(encoding="utf-8")
        first = markdown.splitlines()[0] if markdown else ""
        title = first.lstrip("# ").strip() or path.stem
        key = path.stem.split("-", 1)[-1]
        chapters.append(Chapter(key, title, markdown))
    return chapters


def search(chapters: list[Chapter], query: str) -> list[Chapter]:
    return [c for c in chapters if c.matches(query)] if query.strip() else list(chapters)
