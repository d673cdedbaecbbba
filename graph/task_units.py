"""The units of each task in the order the document lists them, for tables that join them with 、.

SPARQL leaves the order of ``GROUP_CONCAT`` undefined (rdflib's follows hash order once a graph
is reloaded from a file), so the ``leads`` and ``responsible`` columns of ``document_tasks`` and
``corpus_targets`` are rebuilt here from the task's assignments sorted by their ``dkg:order``
(``graph/build.py``: lead units first, then responsible units, each as the document lists them).
Graphs built before assignments carried ``dkg:order`` fall back on the number that ends the
assignment IRI (``…/assignment/3``), which the builder mints in the same order.
"""

from __future__ import annotations

import re

import pandas as pd
from rdflib import Graph

from graph.query import run_named

SEPARATOR = "、"
_TRAILING_NUMBER = re.compile(r"(\d+)$")


def _position(row: pd.Series) -> int:
    if pd.notna(row["position"]):
        return int(row["position"])
    found = _TRAILING_NUMBER.search(str(row["assignment"]))
    return int(found.group(1)) if found else 0


def unit_lists(graph: Graph) -> dict[str, dict[str, list[str]]]:
    """Task IRI -> ``{"lead": [...], "responsible": [...]}``: Chinese unit labels (the IRI's last
    segment when a unit has none), each unit once, in document order."""
    rows = run_named(graph, "task_unit_order")
    lists: dict[str, dict[str, list[str]]] = {}
    if rows.empty:
        return lists
    rows = rows.assign(_at=rows.apply(_position, axis=1)).sort_values(["task", "_at"], kind="stable")
    for row in rows.itertuples(index=False):
        name = row.unit_zh if isinstance(row.unit_zh, str) and row.unit_zh else str(row.unit).rsplit("/", 1)[-1]
        names = lists.setdefault(row.task, {"lead": [], "responsible": []}).setdefault(row.role, [])
        if name not in names:
            names.append(name)
    return lists


def in_document_order(graph: Graph, frame: pd.DataFrame, task_column: str = "task") -> pd.DataFrame:
    """``frame`` with its ``leads`` and ``responsible`` columns (those present) rewritten from
    ``unit_lists``: ``SEPARATOR``-joined names in document order, ``None`` for a task with none or
    a row without a task. Other columns are kept as they are."""
    lists = unit_lists(graph)
    out = frame.copy()
    for column, role in (("leads", "lead"), ("responsible", "responsible")):
        if column in out.columns:
            out[column] = [SEPARATOR.join(lists.get(task, {}).get(role, [])) or None
                           for task in out[task_column]]
    return out
