"""Extraction speed: characters per second on one core over the shipped corpus.

Prints, for the whole pipeline (``extract.pipeline.extract_text``) and for a plain regex scan
of the same text (the ceiling: one pass of a compiled pattern for clause brackets), the
characters per second, best of several rounds, in CPU time of this process
(so other load on the machine does not count); every round starts with cold text caches. Run: ``make bench`` or
``.venv/bin/python bench/extraction_speed.py [--rounds N]``. Goal (issue 3): >= 1M chars/s.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from extract.pipeline import clear_text_caches, extract_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_SCAN = re.compile(r"[（(][^（()）]{0,200}?(?:牵头|负责|配合|责任单位)[^（()）]{0,200}?[)）]")


def _best(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        clear_text_caches()  # every round reads the corpus as if for the first time
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    chars = sum(len(t) for _, t in texts)
    for name, text in texts:  # warm caches (lexicon, spaCy pipeline) outside the timing
        extract_text(text, doc_id=name, source=name)
    full = _best(lambda: [extract_text(t, doc_id=n, source=n) for n, t in texts], args.rounds)
    scan = _best(lambda: [len(_SCAN.findall(t)) for _, t in texts], args.rounds)
    print(f"corpus: {len(texts)} documents, {chars} characters")
    print(f"pipeline:   {chars / full:12,.0f} chars/s  ({full * 1000:.1f} ms)")
    print(f"regex scan: {chars / scan:12,.0f} chars/s  ({scan * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
