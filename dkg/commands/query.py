"""``dkg query 'SPARQL' [--graph FILE] [--format table|csv|json]``: read-only SPARQL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dkg.cli import UsageError
from dkg.commands._graph_source import GRAPH_HELP
from graph.corpus import DEFAULT_GRAPH, default_graph
from graph.query import QueryError, run_query
from graph.store import STORES


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``query`` sub-command."""
    p = sub.add_parser(
        "query", help="Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE).",
        description="Run SPARQL over the graph: --graph FILE, else the built graph "
                    f"({DEFAULT_GRAPH}) when up to date, else corpus/ built in memory. The prefixes dkg: eli: "
                    "org: skos: dcterms: prov: oa: time: qudt: unit: cur: are predeclared. Example: dkg query "
                    "'SELECT ?n ?t WHERE { ?x a dkg:Task ; eli:number ?n ; dcterms:title ?t }'")
    p.add_argument("sparql", metavar="SPARQL", help="the query text, or a path to a .rq file, or - for stdin")
    p.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default table)")
    p.add_argument("--store", choices=tuple(STORES), default="memory", help="RDF store (default memory)")
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
    """Run the query and print its answer."""
    sparql = _query_text(args.sparql)
    graph = default_graph(args.graph, store=args.store)
    try:
        frame = run_query(graph, sparql)
    except QueryError as err:
        raise UsageError(str(err)) from None
    sys.stdout.write(render(frame, args.format))
    return 0
