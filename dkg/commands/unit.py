"""``dkg unit QUERY [--json] [--graph FILE]``: find a unit and the tasks it leads or shares.

QUERY is a Chinese name, alias, English name or fragment (``民政局``, ``人社局``,
``"civil affairs bureau"``), matched case-insensitively and fuzzily (``graph/lookup.py``). Exit
status: 0 when units are found or candidates listed for an ambiguous query, 1 when nothing
matches (the closest names are suggested), 2 for an empty query.
"""

from __future__ import annotations

import argparse
import json
import sys

from dkg.cli import UsageError
from dkg.commands._graph_source import GRAPH_HELP
from graph.corpus import DEFAULT_GRAPH, default_graph
from graph.lookup import TaskRef, UnitIndex, UnitRecord


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``unit`` sub-command."""
    p = sub.add_parser(
        "unit", help="Find a unit by Chinese or English name, alias or fragment; show its tasks.",
        description="Look a unit up in the graph (--graph FILE, else the built graph "
                    f"({DEFAULT_GRAPH}) when up to date, else corpus/ built in memory). Examples: "
                    "dkg unit 民政局; dkg unit 人社局; dkg unit \"civil affairs bureau\" --json")
    p.add_argument("query", metavar="QUERY", help="a name, alias or fragment, in Chinese or English")
    p.add_argument("--json", action="store_true", help="print a JSON list, best match first")
    p.add_argument("--graph", metavar="FILE", help=GRAPH_HELP)
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N matches (default 20)")
    p.set_defaults(func=run)


def _tasks(tasks: list[TaskRef]) -> str:
    by_doc: dict[str, list[str]] = {}
    for t in tasks:
        by_doc.setdefault(t.document, []).append(t.number)
    return "; ".join(f"{doc} {' '.join(numbers)}" for doc, numbers in by_doc.items()) or "-"


def describe(rec: UnitRecord) -> str:
    """A unit as a few lines of text: labels, type, level, place, tasks, successors."""
    lines = [f"{rec.name_zh} · {rec.name_en or '(no English name)'}" + ("" if rec.verified else "  [unverified]"),
             f"  type: {rec.type or '-'}   level: {rec.level or '-'}   place: {rec.place or '-'}",
             f"  id: {rec.id}"]
    if rec.aliases:
        lines.append(f"  also written: {'、'.join(rec.aliases)}")
    lines.append(f"  leads ({len(rec.lead_tasks)}): {_tasks(rec.lead_tasks)}")
    lines.append(f"  responsible ({len(rec.responsible_tasks)}): {_tasks(rec.responsible_tasks)}")
    for succ in rec.successors:
        lines.append(f"  succeeded by: {succ['name_zh']} ({succ['date']}, {succ['source']})")
    return "\n".join(lines)


def _candidate(rec: UnitRecord) -> str:
    return (f"  {rec.name_zh} ({rec.place or '-'}; {rec.name_en or '-'}): "
            f"{len(rec.lead_tasks)} lead, {len(rec.responsible_tasks)} responsible")


def run(args: argparse.Namespace) -> int:
    """Look the query up and print the matches (text or JSON)."""
    if not args.query.strip():
        raise UsageError("empty unit query; give a Chinese or English name, alias or fragment")
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    result = UnitIndex(default_graph(args.graph)).lookup(args.query, limit=args.limit)
    if result.status == "unknown":
        hint = f"; closest: {', '.join(result.suggestions)}" if result.suggestions else ""
        print(f"dkg unit: no unit matches {args.query!r}{hint}", file=sys.stderr)
    elif result.status == "ambiguous":
        print(f"dkg unit: {args.query!r} is ambiguous: {result.total} units of different kinds match"
              f"{f' (first {len(result.matches)} listed)' if result.total > len(result.matches) else ''}; "
              "give a longer name", file=sys.stderr)
    if args.json:
        json.dump([m.to_json() for m in result.matches], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif result.status == "ambiguous":
        print("\n".join(_candidate(m) for m in result.matches))
    elif result.matches:
        print("\n\n".join(describe(m) for m in result.matches))
    return 1 if result.status == "unknown" else 0
