"""``dkg validate [--graph FILE]``: check a graph against the SHACL shapes of ``ontology/shapes.ttl``."""

from __future__ import annotations

import argparse
import sys

from dkg.commands._graph_source import GRAPH_HELP
from graph.corpus import DEFAULT_GRAPH, default_graph
from graph.validate import validate_graph


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``validate`` sub-command."""
    p = sub.add_parser(
        "validate", help="Validate the graph against the SHACL shapes (exit 1 when it does not conform).",
        description=f"Validate --graph FILE, else the built graph ({DEFAULT_GRAPH}) when up to date, else "
                    "corpus/ built in memory, against ontology/shapes.ttl. Example: dkg validate --graph "
                    "build/corpus.ttl")
    p.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print conformance (and every violation); return 0 when it conforms, else 1.

    An empty graph (a file with no triple) does not count as conforming: SHACL finds nothing to
    violate in it, but nothing was built either; it is one line on stderr and exit status 1.
    """
    graph = default_graph(args.graph)
    if len(graph) == 0:
        print(f"dkg validate: graph is empty: {args.graph or 'the default graph'} holds no triple", file=sys.stderr)
        return 1
    result = validate_graph(graph)
    if result.conforms:
        print(f"conforms: {len(graph)} triples satisfy ontology/shapes.ttl")
        return 0
    print(result.report_text)
    print(f"does not conform: {result.violations} violations")
    return 1
