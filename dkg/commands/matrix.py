"""``dkg matrix PATH... --format csv|xlsx|md|html [--lang zh|en] -o FILE``: responsibility matrices."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dkg.cli import UsageError
from dkg.commands._graph_source import add_graph_arguments, graph_from_args
from dkg.commands._output import checked_output, write_output
from graph.matrix import FORMATS, csv_text, matrix_bytes, responsibility_matrix, to_html, to_markdown
from graph.store import atomic_write

_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".html": "html", ".htm": "html"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``matrix`` sub-command."""
    p = sub.add_parser(
        "matrix", help="Responsibility matrix: tasks x units, L = lead, R = responsible.",
        description="Rows are tasks (document, number, title), columns are units (canonical names), cells "
                    "L (lead, 牵头) and R (responsible, 责任/配合). CSV is UTF-8 with BOM for Excel; XLSX has a "
                    "sheet per document, a combined sheet, totals per unit and a legend. The format defaults "
                    "from the -o suffix. Example: dkg matrix corpus/weihai-2018-39.txt --format xlsx -o m.xlsx")
    add_graph_arguments(p)
    p.add_argument("--format", choices=FORMATS, help="output format (default: from -o, else csv)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of unit names (default zh)")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output; "
                                                           "required for xlsx)")
    p.set_defaults(func=run)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output:
        fmt = _SUFFIXES.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise UsageError(f"{args.output}: cannot tell the format from the suffix; pass --format")
        return fmt
    return "csv"


def run(args: argparse.Namespace) -> int:
    """Build the matrix and write or print it."""
    if args.output:
        checked_output(args.output)
    fmt = _format(args)
    if fmt == "xlsx" and not args.output:
        raise UsageError("xlsx needs an output file: -o FILE.xlsx")
    matrix = responsibility_matrix(graph_from_args(args, "matrix"), args.lang)
    if args.output:
        data = matrix_bytes(matrix, fmt, args.lang)
        write_output(args.output, lambda path: atomic_write(path, lambda stream: stream.write(data)))
        print(f"wrote {args.output}: {matrix.shape[0]} tasks x {matrix.shape[1]} units ({fmt})")
    else:
        texts = {"csv": csv_text, "md": to_markdown}
        sys.stdout.write(texts[fmt](matrix) if fmt in texts else to_html(matrix, args.lang))
    return 0
