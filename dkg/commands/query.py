"""``dkg query 'SPARQL' [--graph FILE] [--format table|csv|json]``: read-only SPARQL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dkg.cli import UsageError
from dkg.commands._graph_source import GRAPH_HELP
from graph.corpus import DEFAULT_GRAPH, default_graph
from graph.query import MAX_ROWS, TIME_BUDGET, QueryError, TooManyRows, run_query
from graph.store import STORES


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``query`` sub-command."""
    p = sub.add_parser(
        "query", help="Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE).",
        description="Run SPARQL over the graph: --graph FILE, else the built graph "
                    f"({DEFAULT_GRAPH}) when up to date, else corpus/ built in memory. The prefixes dkg: eli: "
                    "org: skos: dcterms: prov: oa: time: qudt: unit: cur: are predeclared. Example: dkg query "
                    "'SELECT ?n ?t WHERE { ?x a dkg:Task ; eli:number ?n ; dcterms:title ?t }'. An answer of "
                    f"more than --limit rows (default {MAX_ROWS:,}; triples for CONSTRUCT/DESCRIBE) is refused, "
                    f"and a query still running after --timeout seconds (default {TIME_BUDGET:g}; memory store) "
                    "is stopped.")
    p.add_argument("sparql", metavar="SPARQL", help="the query text, or a path to a .rq file, or - for stdin")
    p.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default table)")
    p.add_argument("--store", choices=tuple(STORES), default="memory", help="RDF store (default memory)")
    p.add_argument("--limit", type=int, default=MAX_ROWS, metavar="N",
                   help=f"refuse answers of more than N rows (default {MAX_ROWS})")
    p.add_argument("--timeout", type=float, default=TIME_BUDGET, metavar="SECONDS",
                   help=f"stop the query after SECONDS (default {TIME_BUDGET:g}; the memory store only)")
    p.set_defaults(func=run)


def _query_text(arg: str) -> str:
    if arg == "-":
        return sys.stdin.read()
    if arg.endswith(".rq"):
        path = Path(arg)
        if not path.is_file():
            raise UsageError(f"{arg}: no such query file")
        return path.read_text(encoding="utf-8")
    return arg


def render(frame: pd.DataFrame, fmt: str) -> str:
    """``frame`` as text: an aligned ``table``, ``csv`` (with header), or ``json`` records."""
    if fmt == "csv":
        return frame.to_csv(index=False)
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    if frame.empty:
        return "(no results)\n"
    return frame.to_string(index=False) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run the query and print its answer.

    Raises:
        UsageError: a bad ``--limit``/``--timeout``, a refused or invalid query, an answer over
            the row limit, or a query past its time budget.
    """
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if args.timeout <= 0:
        raise UsageError("--timeout must be more than 0 seconds")
    sparql = _query_text(args.sparql)
    graph = default_graph(args.graph, store=args.store)
    try:
        frame = run_query(graph, sparql, max_rows=args.limit, timeout=args.timeout)
    except TooManyRows as err:
        raise UsageError(f"{err} or raise --limit") from None
    except QueryError as err:
        raise UsageError(str(err)) from None
    sys.stdout.write(render(frame, args.format))
    return 0
