"""Paths of the shipped corpus and its gold answers, shared by the tests."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
DOCS = ["weihai-2018-39", "guangzhou-2012-20", "anhui-2021-82", "guobanfa-2020-24"]


def load_gold(doc_id: str) -> dict:
    """The hand-checked answers for one corpus document."""
    return json.loads((FIXTURES / f"{doc_id}.json").read_text(encoding="utf-8"))
