"""Source text behind facts: the sentence around a span, a task's text with its clause.

Every fact of the graph points into its directive's ``dkg:sourceText`` with half-open offsets
(``oa:start``/``oa:end``). These helpers slice that text for display: ``sentence_around`` widens
a span to its sentence (delimiters ``。！？!?`` and line breaks, as Chinese official documents
end sentences; ``；`` is kept inside because responsibility clauses use it), and ``task_source``
returns a task's text with the span of its responsibility clause, relative to that text.
Offsets are Unicode code points, like Python string indices.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd
from rdflib import Graph, Literal, URIRef

from graph.query import run_named

_SENTENCE_END = re.compile(r"[。！？!?\n]")


def document_text(graph: Graph, document: str) -> str:
    """The full source text of the directive with id ``document`` ("" when it has none)."""
    frame = run_named(graph, "document_text", document=Literal(document))
    return str(frame["text"].iloc[0]) if len(frame) else ""


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the sentence(s) it lies in; return the new span (stripped).

    A sentence runs from just after the previous delimiter to its own delimiter (included).
    An invalid span is returned as ``(start, start)``.
    """
    if not (0 <= start <= end <= len(text)):
        return start, start
    prev = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    nxt = _SENTENCE_END.search(text, end)
    stop = nxt.end() if nxt else len(text)
    while prev < stop and text[prev].isspace():
        prev += 1
    while stop > prev and text[stop - 1].isspace():
        stop -= 1
    return prev, stop


def sentences_for(graph: Graph, rows: pd.DataFrame) -> list[str]:
    """For each row with ``document``, ``span_start``, ``span_end``: the sentence around that span.

    Rows without a span get ``""``. Each directive's text is fetched once.
    """
    texts: dict[str, str] = {}
    out = []
    for row in rows.to_dict("records"):
        start, end, doc = row.get("span_start"), row.get("span_end"), row.get("document")
        if doc is None or pd.isna(start) or pd.isna(end):
            out.append("")
            continue
        if doc not in texts:
            texts[doc] = document_text(graph, doc)
        lo, hi = sentence_around(texts[doc], int(start), int(end))
        out.append(texts[doc][lo:hi])
    return out


@dataclass
class TaskSource:
    """A task's source text and where its responsibility clause lies in it.

    Attributes:
        document: the document id.
        text: the task's text (the slice of the directive's source text).
        start: offset of ``text`` in the directive's source text.
        clause: ``(start, end)`` of the responsibility clause relative to ``text``, or None.
    """

    document: str
    text: str
    start: int
    clause: tuple[int, int] | None


def task_source(graph: Graph, task: str) -> TaskSource | None:
    """The source text of ``task`` (an IRI) and its clause: the sentence(s) naming its units.

    Returns None when the task has no source span.
    """
    span = run_named(graph, "task_source", task=URIRef(task))
    if not len(span):
        return None
    first = span.iloc[0]
    document, t_start, t_end = str(first["document"]), int(first["span_start"]), int(first["span_end"])
    text = document_text(graph, document)
    units = run_named(graph, "task_units", task=URIRef(task)).dropna(subset=["span_start", "span_end"])
    inside = units[(units["span_start"] >= t_start) & (units["span_end"] <= t_end)]
    clause = None
    if len(inside):
        first_unit, last_unit = int(inside["span_start"].min()), int(inside["span_end"].max())
        lo, _ = sentence_around(text, first_unit, first_unit)
        _, hi = sentence_around(text, last_unit, last_unit)
        lo, hi = max(lo, t_start), min(hi, t_end)
        clause = (lo - t_start, hi - t_start)
    return TaskSource(document=document, text=text[t_start:t_end], start=t_start, clause=clause)


def highlight_html(text: str, span: tuple[int, int] | None) -> str:
    """``text`` HTML-escaped, with ``span`` (relative offsets) wrapped in ``<mark>``; no other markup."""
    if span is None or not (0 <= span[0] <= span[1] <= len(text)):
        return html.escape(text)
    lo, hi = span
    return f"{html.escape(text[:lo])}<mark>{html.escape(text[lo:hi])}</mark>{html.escape(text[hi:])}"
