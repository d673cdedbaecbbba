"""``dkg targets PATH... [--json|--csv] [--deadlines]``: the quantitative targets of directives.

One row per target (or per deadline with ``--deadlines``) across every document given, read by
``extract.pipeline.extract_path``. CSV text cells that a spreadsheet would run as a formula start
with ``'`` (``graph.cells.csv_safe``). Example: ``dkg targets corpus/*.txt --csv > targets.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from extract.errors import DirectiveError
from extract.model import Deadline, Directive, Target
from extract.pipeline import extract_path
from graph.cells import csv_safe

TARGET_COLUMNS = ["doc", "section", "comparator", "value", "low", "high", "unit", "per", "subject", "text",
                  "char_start", "char_end"]
DEADLINE_COLUMNS = ["doc", "section", "kind", "start", "end", "about", "text", "char_start", "char_end"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``targets`` sub-command."""
    p = sub.add_parser(
        "targets", help="List the quantitative targets (or deadlines) of directives.",
        description="List targets with normalised values. Example: dkg targets corpus/*.txt --csv",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="directive files (.txt .docx .pdf .html)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON array of records")
    fmt.add_argument("--csv", action="store_true", help="print CSV with a header row")
    p.add_argument("--deadlines", action="store_true", help="list deadlines (ISO dates) instead of targets")
    p.set_defaults(func=run)


def target_row(doc: str, t: Target) -> dict[str, Any]:
    """One flat row for a target: ``value`` for a single bound, ``low``/``high`` for a range;
    ``text`` with whitespace removed (PDF line breaks), offsets into the original text."""
    rng = isinstance(t.value, list)
    return {
        "doc": doc, "section": t.section, "comparator": t.comparator,
        "value": None if rng else t.value,
        "low": t.value[0] if rng else None, "high": t.value[1] if rng else None,
        "unit": t.unit, "per": t.per, "subject": t.subject, "text": "".join(t.text.split()),
        "char_start": t.char_start, "char_end": t.char_end,
    }


def deadline_row(doc: str, d: Deadline) -> dict[str, Any]:
    """One flat row for a deadline (ISO ``start``/``end``, None where open)."""
    row = {"doc": doc, **asdict(d)}
    row["text"] = "".join(d.text.split())
    return {k: row[k] for k in DEADLINE_COLUMNS}


def rows(directives: list[Directive], *, deadlines: bool = False) -> list[dict[str, Any]]:
    """All target (or deadline) rows of ``directives``, in document order."""
    if deadlines:
        return [deadline_row(d.id, x) for d in directives for x in d.deadlines]
    return [target_row(d.id, t) for d in directives for t in d.targets]


def _show(value: Any) -> str:
    return "" if value is None else str(value)


def _print_table(data: list[dict[str, Any]], deadlines: bool) -> None:
    if deadlines:
        for r in data:
            print(f"{r['doc']:<20} {r['section']:<12} {r['kind']:<9} {_show(r['start']):<10} "
                  f"{_show(r['end']):<10} {r['text']}")
        return
    for r in data:
        value = f"{r['low']}–{r['high']}" if r["value"] is None else str(r["value"])
        print(f"{r['doc']:<20} {r['section']:<12} {r['comparator']:<5} {value:>12} {r['unit']:<4} "
              f"{_show(r['per']):<10} {_show(r['subject']):<16} {r['text']}")


def run(args: argparse.Namespace) -> int:
    """Extract every path and print its rows; a failing file is reported on stderr, the others
    still print (nothing at all is printed when every file failed); exit code 2 when any file failed."""
    directives, failed = [], 0
    for path in args.paths:
        try:
            if not Path(path).is_file():
                raise DirectiveError(path, "no such file")
            directives.append(extract_path(path))
        except DirectiveError as err:
            print(f"dkg targets: error: {err}", file=sys.stderr)
            failed += 1
    if not directives:
        return 2
    data = rows(directives, deadlines=args.deadlines)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=DEADLINE_COLUMNS if args.deadlines else TARGET_COLUMNS,
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_safe(v) for k, v in row.items()} for row in data)
    else:
        _print_table(data, args.deadlines)
    return 2 if failed else 0
