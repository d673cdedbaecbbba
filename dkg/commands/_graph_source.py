"""Where the ``matrix``, ``network`` and ``ask`` commands take their graph from.

``PATH...`` arguments are directive files or folders (extracted and built in memory) or RDF files
(``.ttl .nt .jsonld .json .nq .trig``: loaded by ``graph.corpus.read_graph``); with none,
``--graph FILE`` or the default graph of ``graph.corpus.default_graph`` (``build/corpus.ttl``
when up to date, else ``corpus/``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph

from dkg.cli import UsageError
from graph.corpus import DEFAULT_GRAPH, default_graph, load_corpus_graph, read_graph
from graph.store import READ_SUFFIXES, open_graph

#: the help of every ``--graph FILE`` option
GRAPH_HELP = "a built graph to use (.ttl .nt .jsonld .json .nq .trig by suffix; anything else is read as Turtle)"


def add_graph_arguments(parser: argparse.ArgumentParser, paths: bool = True) -> None:
    """Add ``PATH...`` (when ``paths``) and ``--graph FILE`` to ``parser``."""
    if paths:
        parser.add_argument("paths", nargs="*", metavar="PATH",
                            help="directive files or folders, or RDF files (.ttl .nt .jsonld .nq .trig); "
                                 f"default: --graph, else {DEFAULT_GRAPH} when up to date, else corpus/")
    parser.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)


def graph_from_args(args: argparse.Namespace, command: str) -> Graph:
    """The graph the arguments name; files that cannot be extracted are reported on stderr.

    Raises:
        UsageError: the paths hold no usable directive.
        DirectiveError: a missing or unreadable graph file, or a missing default corpus.
    """
    paths = [Path(p) for p in getattr(args, "paths", None) or []]
    if not paths:
        return default_graph(args.graph)
    rdf = [p for p in paths if p.is_file() and p.suffix.lower() in READ_SUFFIXES]
    if rdf and len(rdf) == len(paths):
        graph = open_graph()
        for path in rdf:
            graph += read_graph(path)
        return graph
    graph, directives, skipped = load_corpus_graph(paths)
    if not directives and len(skipped) == 1:
        raise skipped[0]
    for err in skipped:
        print(f"dkg {command}: skipped {err}", file=sys.stderr)
    if not directives:
        raise UsageError("no directive could be read from " + " ".join(str(p) for p in paths))
    return graph
