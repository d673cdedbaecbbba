"""Shared inputs of the graph tests: the seed directive from its gold fixture and from the extractor."""

from __future__ import annotations

import json
from pathlib import Path

from extract.model import Directive

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "corpus" / "weihai-2018-39.txt"
SEED_GOLD = ROOT / "tests" / "fixtures" / "weihai-2018-39.json"

#: tasks the civil affairs bureau (市民政局) leads, from the gold file
CIVIL_AFFAIRS_LEADS = ["二.(二)", "二.(三)", "二.(四)", "二.(六)", "二.(七)", "二.(八)", "二.(九)"]
#: the funding floors of 二.(五), in yuan: 每千户每年不少于3.6万元, 总额不低于6万元, 每个社区每年不少于20万元
FUNDING_FLOORS = [36000, 60000, 200000]


def gold_directive() -> Directive:
    """The seed as a Directive built from its gold JSON, with the original text (no offsets)."""
    data = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return Directive.from_json(data, text=SEED_TEXT.read_text(encoding="utf-8"))
