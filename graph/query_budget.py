"""A time budget for SPARQL queries evaluated by rdflib (the in-memory store).

rdflib evaluates a query by asking its graph for triples, pattern by pattern; ``budgeted(graph,
seconds)`` returns a view of ``graph`` (same store, same triples) whose ``triples`` checks the clock
at every call and every triple it yields and raises ``QueryTimeout`` once the budget is spent. A
query run on that view — a cross join ``{ ?a ?b ?c . ?d ?e ?f }``, under ORDER BY or CONSTRUCT
too — stops instead of running for hours. Only queries run on the view pay for the check. Stores
that evaluate SPARQL themselves (Oxigraph) are returned unchanged: the budget does not cover them.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import Any

from rdflib import Graph


class QueryTimeout(ValueError):
    """The query ran out of its time budget; the message is one line."""


class _BudgetedGraph(Graph):
    """``graph``'s store seen through a ``triples`` that stops at a deadline."""

    def __init__(self, graph: Graph, seconds: float) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier,
                         namespace_manager=graph.namespace_manager)
        self._seconds = seconds
        self._deadline = time.monotonic() + seconds

    def _check(self) -> None:
        if time.monotonic() > self._deadline:
            raise QueryTimeout(f"the query ran longer than {self._seconds:g} s and was stopped; "
                               "narrow its pattern or add LIMIT")

    def triples(self, triple: Any) -> Generator[Any, None, None]:  # rdflib's pattern types
        """rdflib's ``Graph.triples``, checking the deadline at the call and at each triple.

        Raises:
            QueryTimeout: the budget is spent.
        """
        self._check()
        for found in super().triples(triple):
            self._check()
            yield found


def budgeted(graph: Graph, seconds: float | None) -> Graph:
    """``graph`` with a time budget of ``seconds`` for the queries run on it (None: ``graph`` itself).

    Only rdflib's in-memory store is wrapped; other stores run SPARQL themselves and are
    returned as they are.
    """
    if seconds is None or graph.store.__class__.__name__ != "Memory":
        return graph
    return _BudgetedGraph(graph, seconds)
