"""``dkg build [PATH ...] [-o FILE]``: extract directives, build, validate and save their graph."""

from __future__ import annotations

import argparse
import sys
import time

from dkg.cli import UsageError
from dkg.commands._output import checked_output, write_output
from graph.build import build_graph
from graph.corpus import DEFAULT_CORPUS, DEFAULT_GRAPH, extract_all
from graph.store import open_graph, save_graph
from graph.validate import validate_graph


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``build`` sub-command."""
    p = sub.add_parser(
        "build", help="Build the RDF graph (Turtle) of a corpus of directives.",
        description="Extract every .txt .docx .pdf .html .htm file under PATH (default corpus/), build the "
                    "knowledge graph, validate it against ontology/shapes.ttl and write it as Turtle. Files "
                    "that cannot be extracted (old .doc files, texts without numbered items …) are reported "
                    "and skipped. The output is replaced atomically, only when the graph conforms and holds "
                    "at least one task. Example: dkg build corpus/ -o build/corpus.ttl")
    p.add_argument("paths", nargs="*", metavar="PATH", help=f"files or folders (default {DEFAULT_CORPUS}/)")
    p.add_argument("-o", "--output", default=str(DEFAULT_GRAPH), metavar="FILE",
                   help=f"Turtle file to write (default {DEFAULT_GRAPH})")
    p.add_argument("--force", action="store_true",
                   help="write the graph even when it does not conform to the shapes")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build and write the graph; return 0, or 1 when it does not conform (and is not written).

    Raises:
        UsageError: a bad ``-o``, no directive extracted, or no task in any directive (the output,
            perhaps a good graph, is then left as it was).
    """
    began = time.perf_counter()
    checked_output(args.output)
    directives, skipped = extract_all(args.paths or [DEFAULT_CORPUS])
    if not directives:
        if len(skipped) == 1:
            raise skipped[0]
        for err in skipped:
            print(f"dkg build: skipped {err}", file=sys.stderr)
        raise UsageError(f"nothing to build: no directive could be extracted from {' '.join(map(str, args.paths))}"
                         if args.paths else f"nothing to build: no directive in {DEFAULT_CORPUS}/")
    for err in skipped:
        print(f"dkg build: skipped {err}", file=sys.stderr)
    tasks = sum(len(d.tasks) for d in directives)
    if not tasks:
        names = " ".join(d.source or d.id for d in directives)
        raise UsageError(f"nothing to build: no task found in {names}; {args.output} was not written")
    graph = build_graph(directives, open_graph("memory"))
    result = validate_graph(graph)
    if not result.conforms:
        print(result.report_text, file=sys.stderr)
        if not args.force:
            print(f"dkg build: the graph does not conform to the shapes; {args.output} was not written "
                  "(--force writes it anyway)", file=sys.stderr)
            return 1
    write_output(args.output, lambda path: save_graph(graph, path))
    state = "conforms" if result.conforms else "does NOT conform"
    print(f"wrote {args.output}: {len(directives)} directives, {tasks} tasks, {len(graph)} triples, "
          f"{state} ({time.perf_counter() - began:.1f} s)")
    return 0
