"""Resolve the slots of a plain-language question: units, documents, task numbers.

- ``find_units(graph, text)``: the organisations a unit phrase means, through the unit lookup
  (``graph/lookup.py``). Every organisation that shares the best match's Chinese name is kept
  (Weihai's and Guangzhou's 市民政局 are both "the civil affairs bureau"), so an answer over
  several directives is grouped by organisation.
- ``resolve_documents(graph, text)``: document ids named by id (file stem) or document number.
- ``resolve_tasks(graph, text, documents)``: task IRIs named by a number. ``二.(六)`` is a numbering
  path (a matching suffix counts); ``6`` / ``六`` / ``第六项`` is the item whose last numbering
  marker is 6 (main tasks preferred over other kinds), else the 6th main task in document order.
Every failure raises ``SlotError`` with a one-line message and suggestions.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

import cn2an
from rdflib import Graph, Literal

from graph.lookup import UnitIndex
from graph.query import run_named

_PAREN = str.maketrans({"（": "(", "）": ")", "〔": "[", "〕": "]", "．": ".", " ": ""})
_LEADING = re.compile(r"^(?:the|a|an)\s+|['’]s$", re.IGNORECASE)


class SlotError(ValueError):
    """A unit, task or document the question names that the graph does not have."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


_INDEXES: weakref.WeakKeyDictionary[Graph, tuple[int, UnitIndex]] = weakref.WeakKeyDictionary()


def unit_index(graph: Graph) -> UnitIndex:
    """The unit lookup index of ``graph``, built once per graph (rebuilt if the graph grew)."""
    cached = _INDEXES.get(graph)
    if cached is None or cached[0] != len(graph):
        cached = (len(graph), UnitIndex(graph))
        _INDEXES[graph] = cached
    return cached[1]


def find_units(graph: Graph, text: str) -> list[dict[str, Any]]:
    """The organisations ``text`` names, as ``{"unit", "name_zh", "name_en", "place"}`` dicts.

    Every best-scoring match of the same registry row (the same kind of body in different places)
    is kept; ``graph.lookup`` ranks them by score, then by number of tasks.

    Raises:
        SlotError: no unit matches (the closest names are the suggestions), or the phrase fits
            several kinds of body (``局``; the candidates are the suggestions).
    """
    phrase = _LEADING.sub("", text.strip().strip("\"'“”《》")).strip()
    if not phrase:
        raise SlotError("the question names no unit")
    found = unit_index(graph).lookup(phrase)
    if found.status == "unknown" or not found.matches:
        raise SlotError(f"no unit called {phrase!r} in the graph", found.suggestions)
    if found.status == "ambiguous":
        names = list(dict.fromkeys(m.name_zh for m in found.matches))
        raise SlotError(f"{phrase!r} fits several units; name one of them", names[:8])
    best, top = found.matches[0], found.scores[0]
    chosen = [m for m, score in zip(found.matches, found.scores, strict=True)
              if score == top and m.group == best.group]
    return [{"unit": m.id, "name_zh": m.name_zh, "name_en": m.name_en, "place": m.place} for m in chosen]


def _doc_key(text: str) -> str:
    return text.translate(_PAREN).lower()


def resolve_documents(graph: Graph, text: str | None) -> list[str]:
    """Document ids ``text`` names (id, id prefix or document number); every document when None.

    Raises:
        SlotError: nothing matches; the document ids are the suggestions.
    """
    frame = run_named(graph, "directives")
    ids = [str(d) for d in frame["document"]]
    if text is None:
        return ids
    key = _doc_key(text)
    numbers = {str(d): _doc_key(str(n)) for d, n in zip(frame["document"], frame["doc_number"], strict=True)
               if isinstance(n, str)}
    found = [d for d in ids if d.lower() == key or numbers.get(d) == key]
    found = found or [d for d in ids if d.lower().startswith(key)]
    if not found:
        raise SlotError(f"no directive {text!r} in the graph", ids)
    return found


def marker_value(marker: str) -> int | None:
    """The number a numbering marker stands for: ``(六)`` → 6, ``12`` → 12, ``A`` → None."""
    core = marker.strip("()（）第项条个 ")
    if core.isdigit():
        return int(core)
    try:
        value = cn2an.cn2an(core, "strict")
    except (ValueError, KeyError):
        return None
    return int(value) if float(value).is_integer() else None


def _tasks_numbered(tasks: list[dict[str, Any]], text: str) -> list[str]:
    key = text.translate(_PAREN)
    if "." in key or "(" in key:
        exact = [t["task"] for t in tasks if t["number"] == key]
        return exact or [t["task"] for t in tasks if str(t["number"]).endswith("." + key)]
    wanted = marker_value(key)
    if wanted is None:
        return []
    by_marker = [t for t in tasks if marker_value(str(t["number"]).rsplit(".", 1)[-1]) == wanted]
    main = [t for t in by_marker if t.get("kind") == "task"]
    if main or by_marker:
        return [t["task"] for t in (main or by_marker)]
    ordered = [t for t in tasks if t.get("kind") == "task"]
    return [ordered[wanted - 1]["task"]] if 0 < wanted <= len(ordered) else []


def resolve_tasks(graph: Graph, text: str, documents: list[str]) -> list[str]:
    """IRIs of the tasks numbered ``text`` in each of ``documents`` (see the module docstring).

    Raises:
        SlotError: no document has such a task.
    """
    found: list[str] = []
    for document in documents:
        tasks = run_named(graph, "document_tasks", document=Literal(document)).to_dict("records")
        found.extend(_tasks_numbered(tasks, text))
    if not found:
        raise SlotError(f"no task {text!r} in {', '.join(documents) or 'the graph'}",
                        ["who leads task 1 of " + d for d in documents[:3]])
    return found
