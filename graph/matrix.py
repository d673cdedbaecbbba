"""Responsibility matrices (RACI-style L/R tables) over every directive in a graph.

``responsibility_matrix(graph, lang)`` reads the assignments of the graph (``queries/assignments.rq``)
and returns a DataFrame with one row per task — index ``(document, number, title)`` in document
order — and one column per unit (its canonical ``skos:prefLabel`` in ``lang``, the Chinese label
when it has no English one). A cell is ``"L"`` when the unit leads the task (牵头单位), ``"R"`` when
it is responsible for it (责任/配合/参与单位), else ``""``; a unit listed in both roles shows ``L``.
Two organisations with the same label (Weihai's and Guangzhou's 市民政局) get separate columns,
the label followed by the place: ``市民政局（威海市）``.

Writers: ``to_csv`` (UTF-8 with BOM so Excel shows the Chinese; text that a spreadsheet would run
as a formula is quoted, ``graph.cells.csv_safe``), ``to_xlsx`` (openpyxl; see its docstring; every
cell is text, never a formula), ``to_markdown`` (``graph.cells.markdown_cell``) and ``to_html``
(cells HTML-escaped). ``write_matrix`` picks one by format name.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from rdflib import Graph

from graph.cells import csv_safe, markdown_cell
from graph.query import run_named

LEAD, RESPONSIBLE = "L", "R"
INDEX = ["document", "number", "title"]
FORMATS = ("csv", "xlsx", "md", "html")
LEGEND = {
    "zh": [(LEAD, "牵头单位 (lead unit)"), (RESPONSIBLE, "责任单位、配合单位、参与单位 (responsible unit)")],
    "en": [(LEAD, "Lead unit (牵头单位)"), (RESPONSIBLE, "Responsible / co-operating unit (责任单位、配合单位)")],
}


def _unit_columns(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """Map each unit IRI to its column name: its label in ``lang``, with the place on a clash."""
    units = rows.dropna(subset=["unit"]).drop_duplicates("unit")
    label = {}
    for _, r in units.iterrows():
        name = r["unit_en"] if lang == "en" and isinstance(r["unit_en"], str) else r["unit_zh"]
        label[r["unit"]] = name if isinstance(name, str) and name else r["unit"].rsplit("/", 1)[-1]
    clash = pd.Series(label).duplicated(keep=False)
    places = dict(zip(units["unit"], units["place"], strict=True))
    for iri in clash[clash].index:
        place = places.get(iri)
        suffix = place if isinstance(place, str) and place else iri.rsplit("/", 2)[-2]
        label[iri] = f"{label[iri]}（{suffix}）" if lang == "zh" else f"{label[iri]} ({suffix})"
    return label


def responsibility_matrix(graph: Graph, lang: str = "zh") -> pd.DataFrame:
    """Return the task × unit L/R matrix of every directive in ``graph``.

    Args:
        graph: a directive graph (``graph/build.py`` vocabulary).
        lang: ``"zh"`` or ``"en"`` — the language of the unit column names.

    Returns:
        DataFrame indexed by ``(document, number, title)`` (tasks in document order, documents
        sorted by id), one ``str`` column per unit, busiest unit first (most tasks, then most
        leads); cells ``"L"``, ``"R"`` or ``""``. A task with no unit still has its row.

    Raises:
        ValueError: ``lang`` is neither ``zh`` nor ``en``.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}; choose zh or en")
    rows = run_named(graph, "assignments")
    tasks = rows.drop_duplicates("task")[["task", *INDEX, "order"]].sort_values(["document", "order"])
    column = _unit_columns(rows, lang)
    cells: dict[str, dict[str, str]] = {name: {} for name in column.values()}
    for _, r in rows.dropna(subset=["unit"]).iterrows():
        cell = cells[column[r["unit"]]]
        if cell.get(r["task"]) != LEAD:
            cell[r["task"]] = LEAD if r["role"] == "lead" else RESPONSIBLE
    order = sorted(cells, key=lambda c: (-len(cells[c]), -list(cells[c].values()).count(LEAD), c))
    data = {c: [cells[c].get(t, "") for t in tasks["task"]] for c in order}
    frame = pd.DataFrame(data, index=pd.MultiIndex.from_frame(tasks[INDEX].fillna("")), dtype=str)
    return frame


def unit_totals(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per unit: how many tasks it leads (``L``), is responsible for (``R``), in all (``total``).

    Returns a DataFrame indexed by unit column name with integer columns ``L``, ``R``, ``total``,
    in the column order of ``matrix``.
    """
    lead = (matrix == LEAD).sum()
    resp = (matrix == RESPONSIBLE).sum()
    return pd.DataFrame({LEAD: lead, RESPONSIBLE: resp, "total": lead + resp}).rename_axis("unit")


def for_document(matrix: pd.DataFrame, document: str) -> pd.DataFrame:
    """The rows of ``document`` with only the units that document names (column order kept)."""
    part = matrix.xs(document, level="document", drop_level=False)
    return part.loc[:, (part != "").any(axis=0)]


def flat(matrix: pd.DataFrame) -> pd.DataFrame:
    """``matrix`` with the index turned into the columns ``document, number, title``."""
    return matrix.reset_index()


def to_csv(matrix: pd.DataFrame, path: str | Path) -> Path:
    """Write ``matrix`` as CSV (``csv_text``), UTF-8 with a byte-order mark (Excel then reads the Chinese)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        stream.write(csv_text(matrix))
    return Path(path)


def csv_text(matrix: pd.DataFrame) -> str:
    """``matrix`` as CSV text (no byte-order mark: for standard output); header and cells that a
    spreadsheet would run as formulas start with ``'`` (``graph.cells.csv_safe``)."""
    table = flat(matrix).map(csv_safe)
    table.columns = [csv_safe(c) for c in table.columns]
    return table.to_csv(index=False)


def to_markdown(matrix: pd.DataFrame) -> str:
    """Return ``matrix`` as a GitHub-flavoured Markdown table; every header and cell escaped
    (``graph.cells.markdown_cell``: ``& < >`` as entities, ``|`` as ``\\|``)."""
    table = flat(matrix)
    lines = ["| " + " | ".join(markdown_cell(c) for c in table.columns) + " |",
             "|" + "|".join("---" for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def to_html(matrix: pd.DataFrame, lang: str = "zh") -> str:
    """Return a standalone HTML page with ``matrix``; every label and cell is HTML-escaped."""
    table = flat(matrix)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    body = []
    for row in table.itertuples(index=False):
        cells = "".join(f'<td class="{html.escape(str(v))}">{html.escape(str(v))}</td>' for v in row)
        body.append(f"<tr>{cells}</tr>")
    legend = "".join(f"<li><b>{k}</b>: {html.escape(v)}</li>" for k, v in LEGEND[lang])
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Responsibility matrix</title><style>"
        "table{border-collapse:collapse}th,td{border:1px solid #999;padding:2px 4px}"
        "td.L{background:#f4b183;text-align:center}td.R{background:#bdd7ee;text-align:center}"
        f"</style></head><body><ul>{legend}</ul><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></body></html>\n"
    )


def write_matrix(matrix: pd.DataFrame, path: str | Path, fmt: str, lang: str = "zh") -> Path:
    """Write ``matrix`` to ``path`` in ``fmt`` (``csv``, ``xlsx``, ``md``, ``html``); return ``path``.

    Raises:
        ValueError: an unknown format.
    """
    from graph.matrix_xlsx import to_xlsx  # noqa: PLC0415 (openpyxl only when needed)

    writers: dict[str, Callable[[], object]] = {
        "csv": lambda: to_csv(matrix, path),
        "xlsx": lambda: to_xlsx(matrix, path, lang),
        "md": lambda: Path(path).write_text(to_markdown(matrix), encoding="utf-8"),
        "html": lambda: Path(path).write_text(to_html(matrix, lang), encoding="utf-8"),
    }
    if fmt not in writers:
        raise ValueError(f"unknown matrix format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writers[fmt]()
    return Path(path)


def matrix_bytes(matrix: pd.DataFrame, fmt: str, lang: str = "zh") -> bytes:
    """``matrix`` as the bytes of a ``fmt`` file (what ``write_matrix`` would write), for downloads.

    Raises:
        ValueError: an unknown format.
    """
    from graph.matrix_xlsx import to_xlsx  # noqa: PLC0415

    if fmt == "xlsx":
        stream = io.BytesIO()
        to_xlsx(matrix, stream, lang)
        return stream.getvalue()
    texts = {"csv": lambda: "\ufeff" + csv_text(matrix), "md": lambda: to_markdown(matrix),
             "html": lambda: to_html(matrix, lang)}
    if fmt not in texts:
        raise ValueError(f"unknown matrix format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return texts[fmt]().encode("utf-8")
