"""A time budget for SPARQL queries evaluated by rdflib (the in-memory store).

rdflib evaluates a query lazily, basic graph pattern (BGP) by BGP; ``time_budget(seconds)`` makes
every BGP evaluated inside it check the clock at each solution and raise ``QueryTimeout`` once
the budget is spent, so a cross join (``{ ?a ?b ?c . ?d ?e ?f }``, under ORDER BY or CONSTRUCT
too) stops instead of running for hours. The check is an rdflib custom evaluation function
(``rdflib.plugins.sparql.CUSTOM_EVALS``) that handles BGPs only while a budget is set and leaves
every other query to rdflib unchanged. Stores that evaluate SPARQL themselves (Oxigraph) are not
covered.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from rdflib.plugins.sparql import CUSTOM_EVALS
from rdflib.plugins.sparql.evaluate import evalBGP
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import QueryContext

_DEADLINE: ContextVar[float | None] = ContextVar("dkg_query_deadline", default=None)
_BUDGET: ContextVar[float] = ContextVar("dkg_query_budget", default=0.0)


class QueryTimeout(ValueError):
    """The query ran out of its time budget; the message is one line."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Evaluate the queries run inside this block for at most ``seconds`` (None: no limit).

    Raises (from the query evaluation inside the block):
        QueryTimeout: the budget is spent.
    """
    if seconds is None:
        yield
        return
    deadline = _DEADLINE.set(time.monotonic() + seconds)
    budget = _BUDGET.set(seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(deadline)
        _BUDGET.reset(budget)


def _checked(solutions: Iterator[Any], deadline: float) -> Generator[Any, None, None]:
    for solution in solutions:
        if time.monotonic() > deadline:
            raise QueryTimeout(f"the query ran longer than {_BUDGET.get():g} s and was stopped; "
                               "narrow its pattern or add LIMIT")
        yield solution


def _budgeted_bgp(ctx: QueryContext, part: CompValue) -> Generator[Any, None, None]:
    """rdflib's own BGP evaluation (same pattern order as ``evalPart``), with the clock checked."""
    deadline = _DEADLINE.get()
    if deadline is None or part.name != "BGP":
        raise NotImplementedError  # rdflib evaluates this part itself
    triples = sorted(part.triples, key=lambda t: len([n for n in t if ctx[n] is None]))
    return _checked(evalBGP(ctx, triples), deadline)


CUSTOM_EVALS["dkg_time_budget"] = _budgeted_bgp
