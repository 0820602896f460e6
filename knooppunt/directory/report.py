"""The Dutch report of a refused import: per bad row its number, the field and why."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import KnooppuntError

SHOWN_IN_MESSAGE = 15


@dataclass(frozen=True)
class RowProblem:
    row: int  # 0 = the file as a whole; otherwise the line number as a spreadsheet shows it
    field: str
    message: str
    unit: str = "Regel"  # a directory file counts "Kernpartner 3" instead of lines

    def __str__(self) -> str:
        where = "Bestand" if self.row == 0 else f"{self.unit} {self.row}"
        return f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ImportRefused(KnooppuntError):
    """The file is refused as a whole; nothing has been changed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[:SHOWN_IN_MESSAGE]]
        if len(self.problems) > SHOWN_IN_MESSAGE:
            lines.append(f"… en nog {len(self.problems) - SHOWN_IN_MESSAGE} andere problemen.")
        count = len(self.problems)
        super().__init__(
            f"Het bestand is niet ingelezen: {count} {'probleem' if count == 1 else 'problemen'} gevonden. "
            "Er is niets veranderd.\n" + "\n".join(lines)
        )

    @classmethod
    def file(cls, message: str) -> ImportRefused:
        return cls([RowProblem(0, "", message)])
