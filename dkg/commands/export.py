"""``dkg export --format turtle|json-ld|nt [-o FILE]``: the graph as Turtle, JSON-LD or N-Triples."""

from __future__ import annotations

import argparse
import sys

from dkg.cli import UsageError
from dkg.commands._graph_source import GRAPH_HELP
from dkg.commands._output import checked_output, write_output
from graph.corpus import DEFAULT_GRAPH, default_graph
from graph.export import EXPORT_FORMATS, export_graph, format_for, serialize


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``export`` sub-command."""
    p = sub.add_parser(
        "export", help="Export the graph as Turtle, JSON-LD (with a context) or N-Triples.",
        description=f"Export --graph FILE, else the built graph ({DEFAULT_GRAPH}) when up to date, else "
                    "corpus/ built in memory. The format defaults from the -o suffix (.ttl .jsonld .json .nt). "
                    "Example: dkg export --format json-ld -o build/corpus.jsonld")
    p.add_argument("--format", choices=tuple(EXPORT_FORMATS), help="output format (default: from -o, else turtle)")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    p.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the export; the file is replaced atomically."""
    if args.output:
        checked_output(args.output)
    fmt = args.format or (format_for(args.output) if args.output else None) or "turtle"
    if args.output and args.format is None and format_for(args.output) is None:
        raise UsageError(f"{args.output}: cannot tell the format from the suffix; pass --format")
    graph = default_graph(args.graph)
    if args.output:
        write_output(args.output, lambda path: export_graph(graph, fmt, path))
        print(f"wrote {args.output}: {len(graph)} triples as {fmt}")
    else:
        sys.stdout.write(serialize(graph, fmt))
    return 0
