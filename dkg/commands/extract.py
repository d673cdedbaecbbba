"""``dkg extract PATH... --json``: print the extraction records of one or more directives."""

from __future__ import annotations

import argparse
import json
import sys

from extract.errors import DirectiveError
from extract.pipeline import extract_path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``extract`` sub-command."""
    p = sub.add_parser("extract", help="Extract tasks, units, targets and deadlines from directives.",
                       description="Extract directives. Example: dkg extract corpus/weihai-2018-39.txt --json")
    p.add_argument("paths", nargs="+", metavar="PATH", help="directive files (.txt .docx .pdf .html)")
    p.add_argument("--json", action="store_true", help="print the FORMAT.md JSON (default: a summary)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract every path; a failing file is reported on stderr and the others still extract."""
    results, failed = [], 0
    for path in args.paths:
        try:
            results.append(extract_path(path))
        except DirectiveError as err:
            print(f"dkg extract: error: {err}", file=sys.stderr)
            failed += 1
    if args.json:
        data = [d.to_json() for d in results]
        json.dump(data[0] if len(args.paths) == 1 and data else data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for d in results:
            print(f"{d.source}: {len(d.tasks)} tasks, {len(d.targets)} targets, {len(d.deadlines)} deadlines")
            for t in d.tasks:
                print(f"  {t.number:<14} {t.kind:<9} {t.title[:30]:<32} L={'、'.join(t.lead_units)} "
                      f"R={'、'.join(t.responsible_units)}")
    return 2 if failed else 0
