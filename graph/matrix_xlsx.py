"""The responsibility matrix as an Excel workbook (openpyxl), for researchers' spreadsheets.

Workbook layout (``to_xlsx``):
- one sheet per document (named by document id, only the units that document names), then a
  combined sheet ``All`` with every task and unit of the graph;
- on each matrix sheet: header row ``document | number | title | unit …``, header row and the
  three first columns frozen, Chinese titles wrapped in a wide column, unit names written
  vertically (CJK stacked text, or rotated 90° for English), ``L`` cells filled orange and ``R``
  cells blue, auto-filter on the header;
- ``Totals``: per unit (combined view) the number of tasks it leads, is responsible for, in all;
- ``Legend``: what ``L`` and ``R`` mean, with their fills.
Matrix sheets hold task rows only, so ``pandas.read_excel(path, sheet_name=doc)`` reads back
exactly one row per task. Every cell is a value, never a formula: text that starts with ``=`` (a
task title, a unit name) is stored as a string cell (``_no_formulas``), so opening the file never
runs it (OWASP "CSV Injection" applies to spreadsheets alike).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from graph.matrix import LEAD, LEGEND, RESPONSIBLE, flat, for_document, unit_totals

FILLS = {LEAD: PatternFill("solid", fgColor="F4B183"), RESPONSIBLE: PatternFill("solid", fgColor="BDD7EE")}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
WIDTHS = {"document": 18, "number": 12, "title": 42}
COMBINED, TOTALS, LEGEND_SHEET = "All", "Totals", "Legend"
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_title(name: str) -> str:
    """``name`` made a valid Excel sheet name (no ``[]:*?/\\``, at most 31 characters)."""
    return name.translate(_BAD_SHEET_CHARS)[:31] or "sheet"


def _write_matrix_sheet(ws: Worksheet, matrix: pd.DataFrame, lang: str) -> None:
    table = flat(matrix)
    ws.append(list(table.columns))
    for row in table.itertuples(index=False):
        ws.append([None if v == "" else v for v in row])
    unit_header = Alignment(text_rotation=255 if lang == "zh" else 90, horizontal="center",
                            vertical="bottom", wrap_text=False)
    for col, name in enumerate(table.columns, start=1):
        head = ws.cell(row=1, column=col)
        head.font, head.fill = Font(bold=True), HEADER_FILL
        letter = get_column_letter(col)
        if name in WIDTHS:
            ws.column_dimensions[letter].width = WIDTHS[name]
            head.alignment = Alignment(vertical="bottom")
        else:
            ws.column_dimensions[letter].width = 4.5
            head.alignment = unit_header
    longest = max((len(str(c)) for c in table.columns[len(WIDTHS):]), default=4)
    ws.row_dimensions[1].height = min(409, 15 * longest if lang == "zh" else 6.5 * longest)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center")
    for row in ws.iter_rows(min_row=2):
        for cell in row[: len(WIDTHS)]:
            cell.alignment = wrap
        for cell in row[len(WIDTHS):]:
            if cell.value in FILLS:
                cell.fill, cell.alignment = FILLS[cell.value], centre
    ws.freeze_panes = ws.cell(row=2, column=len(WIDTHS) + 1)
    ws.auto_filter.ref = ws.dimensions


def _write_totals(ws: Worksheet, matrix: pd.DataFrame) -> None:
    totals = unit_totals(matrix)
    ws.append(["unit", "lead (L)", "responsible (R)", "total"])
    for unit, row in totals.iterrows():
        ws.append([unit, int(row[LEAD]), int(row[RESPONSIBLE]), int(row["total"])])
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    ws.column_dimensions["A"].width = 36
    for letter in "BCD":
        ws.column_dimensions[letter].width = 16
    ws.freeze_panes = "B2"


def _write_legend(ws: Worksheet, lang: str, documents: list[str]) -> None:
    ws.append(["code", "meaning"])
    for code, meaning in LEGEND[lang]:
        ws.append([code, meaning])
        ws.cell(row=ws.max_row, column=1).fill = FILLS[code]
    ws.append([])
    ws.append(["sheets", f"one per document ({', '.join(documents)}); {COMBINED}: every task and unit; "
                         f"{TOTALS}: tasks per unit"])
    ws.append(["rows", "tasks (document, numbering path, title) in document order"])
    ws.append(["columns", "units by canonical name; a name shared by two bodies carries its place"])
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 90


def _no_formulas(ws: Worksheet) -> None:
    """Type as a string every cell openpyxl took for a formula (a value starting with ``=``)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def to_xlsx(matrix: pd.DataFrame, path: str | Path | BinaryIO, lang: str = "zh") -> str | Path | BinaryIO:
    """Write ``matrix`` (from ``responsibility_matrix``) as XLSX to ``path`` (a file or stream); return it.

    See the module docstring for the sheets. ``lang`` (``zh``/``en``) sets the legend language
    and the header text direction.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    documents = list(dict.fromkeys(matrix.index.get_level_values("document")))
    for document in documents:
        _write_matrix_sheet(workbook.create_sheet(sheet_title(document)), for_document(matrix, document), lang)
    _write_matrix_sheet(workbook.create_sheet(COMBINED), matrix, lang)
    _write_totals(workbook.create_sheet(TOTALS), matrix)
    _write_legend(workbook.create_sheet(LEGEND_SHEET), lang, documents)
    for ws in workbook.worksheets:
        _no_formulas(ws)
    workbook.save(path)
    return path
