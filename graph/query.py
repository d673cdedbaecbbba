"""Read-only SPARQL over a directive graph, answers as pandas DataFrames.

``run_query(graph, sparql, bindings)`` checks the text with ``check_read_only`` first: only
SELECT, ASK, CONSTRUCT and DESCRIBE (SPARQL 1.1 Query, W3C REC 2013-03-21) are accepted, and the
keywords that reach outside the graph or change it — SERVICE (federation: network requests),
FROM / FROM NAMED (rdflib loads those graphs from the web), LOAD and every SPARQL Update
operation — are refused wherever they appear outside strings, IRIs and comments. User values
are passed as ``initBindings`` (never pasted into the text). Every prefix of
``graph.namespaces.PREFIXES`` is predeclared.

Named queries are ``.rq`` files in ``graph/queries/``: ``load_query("unit_leads")``.

Queries users type (``dkg query``, the explorer's SPARQL box) run with limits: at most
``MAX_ROWS`` rows (or triples for CONSTRUCT/DESCRIBE; a larger answer is refused with
``TooManyRows``, and a SELECT stops reading as soon as it passes the limit) and a time budget of
``TIME_BUDGET`` seconds on the in-memory store (``graph.query_budget``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pandas as pd
from pyparsing.exceptions import ParseException
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from graph.namespaces import PREFIXES
from graph.query_budget import QueryTimeout, budgeted

READ_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
              "DescribeQuery": "DESCRIBE"}
FORBIDDEN = ("SERVICE", "LOAD", "FROM", "INSERT", "DELETE", "DROP", "CLEAR", "CREATE", "ADD",
             "MOVE", "COPY", "WITH", "UPDATE")
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"   # long strings
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"                     # strings
    r'|<[^<>"{}|^`\\\s]*>'                                              # IRIs
    r"|#[^\n]*",                                                        # comments
)
_FORBIDDEN = re.compile(r"(?<![\w?$:])(" + "|".join(FORBIDDEN) + r")(?![\w:-])", re.IGNORECASE)
_NAME = re.compile(r"[A-Za-z0-9_]+")
#: default row limit and time budget (seconds) of the query boxes users type into
MAX_ROWS = 10_000
TIME_BUDGET = 30.0


class QueryError(ValueError):
    """A query that is refused (not read-only), cannot be parsed, ran out of time or returned too
    many rows; the message is one line."""


class TooManyRows(QueryError):
    """The answer has more rows than the limit allowed."""


def check_read_only(sparql: str) -> str:
    """Return the query form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) of ``sparql``.

    Raises:
        QueryError: a forbidden keyword, a syntax error, or any other kind of request.
    """
    masked = _TOKENS.sub(" ", sparql)
    found = _FORBIDDEN.search(masked)
    if found:
        raise QueryError(f"{found.group(1).upper()} is not allowed: queries are read-only "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE over the local graph)")
    try:
        parsed = prepareQuery(sparql, initNs=dict(PREFIXES))
    except ParseException as err:
        raise QueryError(f"not a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE): {err.msg} "
                         f"at line {err.lineno}, column {err.col}") from None
    except Exception as err:  # rdflib raises several types for bad prefixes, IRIs …
        raise QueryError(f"invalid SPARQL query: {err}") from None
    form = READ_FORMS.get(parsed.algebra.name)
    if form is None:
        raise QueryError(f"only SELECT, ASK, CONSTRUCT and DESCRIBE are allowed, not {parsed.algebra.name}")
    if parsed.algebra.get("datasetClause") or _has_service(parsed.algebra):
        raise QueryError("FROM and SERVICE are not allowed: queries run on the local graph only")
    return form


def _has_service(node: Any) -> bool:
    """True when the query algebra holds a SERVICE pattern anywhere (second line of defence)."""
    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(v) for v in node.values())
    if isinstance(node, list | tuple):
        return any(_has_service(v) for v in node)
    return False


def to_python(term: Node | None) -> Any:
    """A result term as a plain value: IRI -> str, number -> int/float, date -> ISO str, else str."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, date | datetime):
            return value.isoformat()
        return str(term)
    return str(term)


def _at_most(items: Iterable[Any], max_rows: int | None) -> Iterator[Any]:
    """``items``, read lazily; raise ``TooManyRows`` when there are more than ``max_rows``."""
    for n, item in enumerate(items):
        if max_rows is not None and n >= max_rows:
            raise TooManyRows(f"the answer has more than {max_rows:,} rows; add LIMIT to the query")
        yield item


def run_query(graph: Graph, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              max_rows: int | None = None, timeout: float | None = None) -> pd.DataFrame:
    """Run the read-only query ``sparql`` on ``graph``; return the answer as a DataFrame.

    Args:
        graph: any rdflib graph (Memory or Oxigraph store).
        sparql: the query text; every prefix of ``PREFIXES`` is predeclared.
        bindings: variable name (without ``?``) -> RDF term, bound before evaluation. On the
            Oxigraph store a bound variable must also be projected (pyoxigraph substitutes only
            projected variables), so the ``.rq`` files project what they bind.
        max_rows: refuse an answer of more rows (triples for CONSTRUCT/DESCRIBE); None: no limit.
        timeout: seconds of evaluation allowed (in-memory store only); None: no limit.

    Returns:
        SELECT: one column per projected variable, one row per solution (values via
        ``to_python``); ASK: one column ``ask`` with one bool; CONSTRUCT/DESCRIBE: columns
        ``subject``, ``predicate``, ``object``.

    Raises:
        QueryError: the query is refused or invalid, ran past ``timeout``, or its answer has
            more than ``max_rows`` rows (``TooManyRows``).
    """
    form = check_read_only(sparql)
    init = {k.lstrip("?$"): v for k, v in (bindings or {}).items()}
    try:
        result = budgeted(graph, timeout).query(sparql, initNs=dict(PREFIXES), initBindings=init)
        if form == "ASK":
            return pd.DataFrame({"ask": [bool(result.askAnswer)]})
        if form in ("CONSTRUCT", "DESCRIBE"):
            rows = [[to_python(t) for t in triple] for triple in _at_most(result.graph, max_rows)]
            return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
        columns = [str(v) for v in result.vars or []]
        rows = [[to_python(row[i]) for i in range(len(columns))] for row in _at_most(result, max_rows)]
    except QueryTimeout as err:
        raise QueryError(str(err)) from None
    return pd.DataFrame(rows, columns=columns)


def available_queries() -> list[str]:
    """Names of the ``.rq`` files in ``graph/queries/`` (without extension), sorted."""
    folder = files("graph") / "queries"
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def load_query(name: str) -> str:
    """Return the text of ``graph/queries/{name}.rq``.

    Raises:
        QueryError: no such query (or a name that is not ``[A-Za-z0-9_]+``).
    """
    if not _NAME.fullmatch(name) or name not in available_queries():
        raise QueryError(f"no such query {name!r}; available: {', '.join(available_queries())}")
    return (files("graph") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def run_named(graph: Graph, query_name: str, /, **bindings: Node) -> pd.DataFrame:
    """Run the query ``graph/queries/{query_name}.rq`` with ``bindings``; see ``run_query``."""
    return run_query(graph, load_query(query_name), bindings)


def units_named(graph: Graph, name: str) -> list[URIRef]:
    """IRIs of the units labelled ``name`` (prefLabel, altLabel) or written so in an assignment."""
    frame = run_named(graph, "units_named", name=Literal(name))
    return [URIRef(iri) for iri in frame["unit"]]
