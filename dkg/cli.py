"""The ``dkg`` command line: a thin layer over ``extract/`` and ``graph/``.

Each sub-command lives in ``dkg/commands/<name>.py`` and exposes ``register(subparsers)``;
user errors (``DirectiveError``, ``UsageError``) print one line and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from extract.errors import DirectiveError

# Order is the order of `dkg --help`.
COMMANDS = [
    "extract", "build", "query", "validate", "eval", "matrix", "targets",
    "unit", "units", "ask", "network", "export",
]


class UsageError(Exception):
    """A bad argument or query from the user; the message is shown as one line."""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="dkg", description="Chinese policy directives as a knowledge graph."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"dkg.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"dkg.commands.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``dkg`` with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
    except (DirectiveError, UsageError) as err:
        print(f"dkg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
