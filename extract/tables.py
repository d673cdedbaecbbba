"""Tables as text: one line per row, cells joined by a tab, merged cells repeated.

Every reader (Word, PDF, web page) renders a table the same way, so the table rows of a
task-division table (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限) look alike whatever the format:
a cell spanning rows or columns (rowspan/colspan, Word's vMerge/gridSpan, a merged PDF cell) is
repeated in every grid position it covers, so every row has the table's full column count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")


@dataclass
class SpanCell:
    """A cell as written in the source: its text and how many rows/columns it spans (>= 1)."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def clean_cell(text: str) -> str:
    """Collapse all whitespace in a cell (tabs and line breaks included) to single spaces."""
    return _SPACE.sub(" ", text.replace("\u3000", " ")).strip()


def expand_grid(rows: list[list[SpanCell]]) -> list[list[str]]:
    """Lay out ``rows`` of spanning cells on a full grid.

    Args:
        rows: the cells of each ``<tr>`` as written (covered positions omitted, as in HTML).

    Returns:
        One list per row, each of the table's full column count; a spanning cell's text is
        repeated in every position it covers; positions nothing covers are ``""``.
    """
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    grid.setdefault((r + dr, c + dc), cell.text)
            c += max(cell.colspan, 1)
    if not grid:
        return []
    n_rows = max(len(rows), 1 + max(r for r, _ in grid))
    n_cols = 1 + max(c for _, c in grid)
    # Rows made only by a rowspan running past the last <tr> are dropped.
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(min(n_rows, len(rows)))]


def row_line(cells: list[str]) -> str:
    """One table row as a text line: cleaned cells joined by ``\\t``."""
    return "\t".join(clean_cell(c) for c in cells)


def table_text(grid: list[list[str]]) -> str:
    """A whole table as text: one :func:`row_line` per row, joined by ``\\n``; empty rows dropped."""
    lines = [row_line(row) for row in grid]
    return "\n".join(line for line in lines if line.strip())
