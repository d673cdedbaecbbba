"""``dkg network PATH... --format graphml|gexf -o FILE``: the task–unit network for Gephi."""

from __future__ import annotations

import argparse
from pathlib import Path

from dkg.cli import UsageError
from dkg.commands._graph_source import add_graph_arguments, graph_from_args
from dkg.commands._output import checked_output, write_output
from graph.network import (
    FORMATS,
    annotate,
    bipartite_graph,
    centrality_table,
    tasks_of,
    unit_projection,
    units_of,
    write_network,
)
from graph.store import atomic_write

_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``network`` sub-command."""
    p = sub.add_parser(
        "network", help="Task-unit network (GraphML/GEXF for Gephi) and unit centrality.",
        description="Builds the bipartite task-unit graph (edges typed lead/responsible) and its projection "
                    "onto units weighted by shared tasks; unit nodes carry degree and betweenness centrality "
                    "and a community. Without -o, prints the centrality table. Example: dkg network "
                    "corpus/ --format gexf -o build/units.gexf --projection")
    add_graph_arguments(p)
    p.add_argument("--format", choices=FORMATS, help="file format (default: from -o, else graphml)")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: print the centrality table)")
    p.add_argument("--projection", action="store_true",
                   help="write the unit projection (weighted by shared tasks) instead of the bipartite graph")
    p.add_argument("--top", type=int, default=20, metavar="N",
                   help="rows of the printed table, at least 1 (default 20)")
    p.set_defaults(func=run)


def _format_of(output: str) -> str:
    fmt = _SUFFIXES.get(Path(output).suffix.lower())
    if fmt is None:
        raise UsageError(f"{output}: cannot tell the format from the suffix (.graphml .gexf); pass --format")
    return fmt


def run(args: argparse.Namespace) -> int:
    """Write the network file, or print the centrality table.

    Raises:
        UsageError: ``--top`` below 1, an ``-o`` suffix that names no network format (without
            ``--format``), or a graph with no task or no unit (there is no network to show).
    """
    if args.top < 1:
        raise UsageError("--top must be at least 1")
    fmt = args.format or "graphml"
    if args.output:
        checked_output(args.output)
        fmt = args.format or _format_of(args.output)
    net = bipartite_graph(graph_from_args(args, "network"))
    tasks = len(tasks_of(net))
    if not tasks:
        raise UsageError("no tasks in the graph: there is no task-unit network to show")
    if not units_of(net):
        raise UsageError(f"no units: none of the {tasks} tasks names a lead or responsible unit")
    projection = unit_projection(net)
    table = centrality_table(net, projection)
    if not args.output:
        print(table.drop(columns=["unit"]).head(args.top).to_string(index=False))
        return 0
    target = annotate(projection if args.projection else net, table)
    write_output(args.output, lambda path: atomic_write(path, lambda stream: write_network(target, stream, fmt)))
    print(f"wrote {args.output}: {target.number_of_nodes()} nodes, {target.number_of_edges()} edges ({fmt})")
    return 0
