"""``dkg ask "QUESTION" [PATH...] [--json]``: plain-language questions in English or Chinese."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from dkg.cli import UsageError
from dkg.commands._graph_source import add_graph_arguments, graph_from_args
from graph.ask import ask, supported_questions

#: columns shown per answer row in the text output, in order, when present
_SHOWN = ("document", "number", "title", "role", "unit_zh", "partner_zh", "shared", "lead", "responsible",
          "total", "text", "end", "comparator", "value", "measure", "year", "deadlines", "doc_number")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``ask`` sub-command."""
    examples = "; ".join(f'"{q}"' for q in supported_questions())
    p = sub.add_parser(
        "ask", help="Ask a question in English or Chinese (who leads task 6? 市民政局牵头哪些任务?).",
        description=f"Answers questions of these kinds from the query library: {examples}. The answer shows "
                    "the rows, the SPARQL that produced them and the source sentence of each row.")
    p.add_argument("question", metavar="QUESTION", help="the question, quoted")
    add_graph_arguments(p)
    p.add_argument("--json", action="store_true",
                   help='print {"question", "sparql", "answer": [{"document", "number", "title", ...}], ...}')
    p.set_defaults(func=run)


def _row_text(row: dict[str, Any]) -> str:
    return "  ".join(str(row[k]) for k in _SHOWN if row.get(k) not in (None, ""))


def render(result: dict[str, Any]) -> str:
    """The answer as readable text: grouped rows with their source sentences, then the SPARQL."""
    lines = [f"Q: {result['question']}"]
    if result["message"]:
        lines.append(result["message"])
        lines += [f"  - {s}" for s in result["suggestions"]]
        return "\n".join(lines) + "\n"
    lines.append(f"({result['describe']}: {len(result['answer'])} rows)")
    groups = result["groups"] or [{"unit": None}]
    for group in groups:
        rows = [r for r in result["answer"] if group["unit"] is None or r.get("unit") == group["unit"]]
        if group["unit"] is not None:
            names = ", ".join(str(group[k]) for k in ("name_en", "place") if group.get(k))
            lines.append(f"\n{group['name_zh']}" + (f" ({names})" if names else "") + f": {len(rows)}")
        for row in rows:
            lines.append("  " + _row_text(row))
            if row.get("source"):
                lines.append(f"      ↳ {row['source']}")
    lines += ["", "SPARQL:", result["sparql"].strip(), f"bindings: {result['bindings']}"]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Answer the question; exit 1 when it could not be answered (message and suggestions shown).

    Raises:
        UsageError: an empty question (checked before any graph is read).
    """
    if not args.question.strip():
        raise UsageError(f'empty question; ask e.g. "{supported_questions()[0]}"')
    result = ask(graph_from_args(args, "ask"), args.question)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(result))
    return 1 if result["message"] else 0
