"""``dkg units [--unverified] [--json] [--graph FILE]``: every unit of the graph.

With ``--unverified``, only the units that matched no registry row or pattern (``dkg:verified
false``), with the ways documents wrote them: candidates for ``ontology/units/``.
"""

from __future__ import annotations

import argparse
import json
import sys

from dkg.commands._graph_source import GRAPH_HELP
from graph.corpus import DEFAULT_GRAPH, default_graph
from graph.lookup import UnitIndex, UnitRecord


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``units`` sub-command."""
    p = sub.add_parser(
        "units", help="List the units of the graph (--unverified: those missing from the registry).",
        description=f"List units of the graph (--graph FILE, else {DEFAULT_GRAPH} when up to date, "
                    "else corpus/ built in memory), by place and name.")
    p.add_argument("--unverified", action="store_true", help="only units the registry does not know")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)
    p.set_defaults(func=run)


def _row(rec: UnitRecord) -> str:
    docs = sorted({t.document for t in rec.lead_tasks + rec.responsible_tasks})
    written = f"  written: {'、'.join(rec.aliases)}" if not rec.verified and rec.aliases else ""
    return (f"{rec.place or '-'}\t{rec.name_zh}\t{rec.name_en or '-'}\t{rec.type or '-'}\t{rec.level or '-'}\t"
            f"{len(rec.lead_tasks)} lead / {len(rec.responsible_tasks)} resp\t{' '.join(docs)}{written}")


def run(args: argparse.Namespace) -> int:
    """Print the units (tab-separated text, or JSON) and a count on stderr.

    The count names both numbers: every organisation of the graph (issuers, places and successor
    bodies included: what is listed) and the units named in tasks (what the explorer's overview
    counts as "Units named in tasks").
    """
    index = UnitIndex(default_graph(args.graph))
    records = index.unverified() if args.unverified else index.records
    if args.json:
        json.dump([r.to_json() for r in records], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for rec in records:
            print(_row(rec))
    unverified = len(index.unverified())
    in_tasks = sum(1 for r in index.records if r.lead_tasks or r.responsible_tasks)
    print(f"dkg units: {len(index.records)} organisations incl. issuers, places and successors; "
          f"{in_tasks} units named in tasks; {unverified} unverified"
          + (f", {len(records)} listed" if args.unverified else ""), file=sys.stderr)
    return 0
