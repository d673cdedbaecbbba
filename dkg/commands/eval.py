"""``dkg eval CORPUS_DIR GOLD_DIR``: precision, recall and F1 against hand-labelled gold files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dkg.cli import UsageError
from extract.errors import DirectiveError
from extract.evaluation import Score, score_document
from extract.pipeline import SUPPORTED_SUFFIXES, extract_path

FIELDS = ("tasks", "units", "targets", "deadlines")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``eval`` sub-command."""
    p = sub.add_parser("eval", help="Score extraction against gold JSON files (P/R/F1).",
                       description="Score every corpus document that has a gold file of the same stem. "
                                   "Example: dkg eval corpus/ tests/fixtures/")
    p.add_argument("corpus", metavar="CORPUS_DIR")
    p.add_argument("gold", metavar="GOLD_DIR")
    p.add_argument("--show", type=int, default=10, metavar="N", help="missed/extra facts listed per document")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=run)


def _pairs(corpus: Path, gold: Path) -> list[tuple[Path, Path]]:
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: not a folder")
    if not gold.is_dir():
        raise UsageError(f"{gold}: not a folder")
    docs = {p.stem: p for p in sorted(corpus.iterdir()) if p.suffix.lower() in SUPPORTED_SUFFIXES}
    pairs = [(docs[g.stem], g) for g in sorted(gold.glob("*.json")) if g.stem in docs]
    if not pairs:
        raise UsageError(f"{gold}: no gold file shares a name with a document in {corpus}")
    return pairs


def _line(name: str, scores: dict[str, Score]) -> str:
    cells = [f"{f} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}" for f in FIELDS if (s := scores.get(f))]
    return f"{name}: " + " | ".join(cells)


def run(args: argparse.Namespace) -> int:
    """Extract and score each document; print per-document and micro-averaged totals."""
    total = {f: Score() for f in FIELDS}
    report = {}
    for doc, gold_path in _pairs(Path(args.corpus), Path(args.gold)):
        try:
            pred = extract_path(doc).to_json()
        except DirectiveError as err:
            print(f"dkg eval: skipped {err}", file=sys.stderr)
            continue
        scores = score_document(json.loads(gold_path.read_text(encoding="utf-8")), pred)
        for f in FIELDS:
            if f in scores:
                total[f].add(scores[f])
        report[doc.stem] = scores
        if not args.json:
            print(_line(doc.stem, scores))
            for f in FIELDS:
                s = scores.get(f)
                for fact in (s.missing[: args.show] if s else []):
                    print(f"    missed {f}: {fact}")
                for fact in (s.extra[: args.show] if s else []):
                    print(f"    extra  {f}: {fact}")
    if args.json:
        out = {name: {f: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp,
                          "predicted": s.predicted, "gold": s.gold} for f, s in sc.items()}
               for name, sc in {**report, "TOTAL": total}.items()}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(_line("TOTAL", total))
    return 0
