"""The extractor on the synthetic sets of the genre (see tests/fixtures/synthetic/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_fixtures import FIXTURES

from extract.evaluation import Score, score_document
from extract.pipeline import extract_path

SETS = sorted((FIXTURES / "synthetic").glob("set*"))
DOCS = [(s.name, d) for s in SETS for d in sorted((s / "docs").iterdir())]


def _scores(doc: Path) -> dict[str, Score]:
    gold = json.loads((doc.parent.parent / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))
    return score_document(gold, extract_path(doc).to_json())


@pytest.mark.parametrize(("set_name", "doc"), DOCS, ids=[f"{s}/{d.name}" for s, d in DOCS])
def test_unit_assignments_on_each_synthetic_document(set_name, doc):
    units = _scores(doc)["units"]
    assert units.f1 >= 0.98, (units.missing, units.extra)


def test_every_set_is_there_and_complete():
    assert sorted(s.name for s in SETS) == sorted(f"set{n}" for n in range(1, 20))
    assert len(DOCS) == 170
    assert sum(1 for _, d in DOCS if d.suffix == ".html") == 53
    assert sum(1 for _, d in DOCS if d.suffix == ".docx") == 1
