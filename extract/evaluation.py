"""Score extraction output against hand-labelled gold files (the FORMAT.md JSON).

The measures are those of the project's reference scorer, so ``dkg eval`` and it agree:

* tasks are aligned one to one, greedily by similarity = numbering (2 equal, 1.5 one path a
  suffix of the other, 1 one level higher or lower) + title (first 24 characters: 1 when one
  contains the other, else their character Jaccard) + 0.5 × Jaccard of their unit sets; pairs
  below 0.9 are not aligned;
* *tasks*: precision/recall of tasks that carry an assignment;
* *units*: precision/recall of (aligned task, role, unit) triples;
* *targets*: a gold target is found when an unused prediction's text overlaps it (one contains the
  other, or they share ≥ 60 % of the gold text's characters) and the values are equal;
* *deadlines*: the multiset of (start, end) pairs.

Text is compared after NFKC and with whitespace removed. Gold tasks marked ``optional`` and units
listed under ``optional_lead_units``/``optional_responsible_units`` neither count nor penalise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

ROLES = ("lead_units", "responsible_units")


def _norm(value: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))) if value is not None else ""


def _path(number: Any) -> str:
    return _norm(number).rstrip(".、")


@dataclass
class Score:
    """Counts behind one precision/recall/F1 figure, and the facts missed or extra."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Accumulate another document's counts (micro-averaging)."""
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold


def _unit_name(unit: Any) -> str:
    if isinstance(unit, dict):
        unit = unit.get("as_written") or unit.get("name")
    return _norm(unit)


def _units(task: dict) -> set[str]:
    return {_unit_name(u) for role in ROLES for u in task.get(role) or []}


def _number_similarity(a: Any, b: Any) -> float:
    a, b = _path(a), _path(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 2.0
    if a.endswith("." + b) or b.endswith("." + a):
        return 1.5
    if a.startswith(b + ".") or b.startswith(a + "."):
        return 1.0
    return 0.0


def _title_similarity(a: Any, b: Any) -> float:
    a, b = _norm(a)[:24], _norm(b)[:24]
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    return len(set(a) & set(b)) / len(set(a) | set(b))


def align_tasks(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Align gold to predicted tasks one to one; returns ``{gold index: predicted index}``."""
    candidates = []
    for i, g in enumerate(gold):
        g_units = _units(g)
        for j, p in enumerate(predicted):
            p_units = _units(p)
            union = g_units | p_units
            overlap = len(g_units & p_units) / len(union) if union else 0.0
            sim = _number_similarity(g.get("number"), p.get("number")) + _title_similarity(
                g.get("title"), p.get("title")) + 0.5 * overlap
            if sim >= 0.9:
                candidates.append((-sim, abs(i - j), i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _assigned(task: dict) -> bool:
    return bool(task.get("lead_units") or task.get("responsible_units"))


def score_tasks_and_units(gold: dict, pred: dict) -> tuple[Score, Score]:
    """Task detection and unit-assignment scores of one document."""
    g_tasks, p_tasks = gold.get("tasks") or [], pred.get("tasks") or []
    pairs = align_tasks(g_tasks, p_tasks)
    optional = {i for i, t in enumerate(g_tasks) if t.get("optional")}
    optional_pred = {pairs[i] for i in optional if i in pairs}
    tasks = Score(gold=sum(1 for i, t in enumerate(g_tasks) if _assigned(t) and i not in optional))
    tasks.predicted = sum(1 for j, t in enumerate(p_tasks) if _assigned(t) and j not in optional_pred)
    tasks.tp = sum(1 for i, t in enumerate(g_tasks) if _assigned(t) and i not in optional and i in pairs)
    key = {i: f"{_path(t.get('number'))}#{i}" for i, t in enumerate(g_tasks)}
    gold_facts, ignored = set(), set()
    for i, t in enumerate(g_tasks):
        for role in ROLES:
            for u in t.get(role) or []:
                (ignored if i in optional else gold_facts).add((key[i], role, _norm(u)))
            for u in t.get("optional_" + role) or []:
                ignored.add((key[i], role, _norm(u)))
    back = {j: i for i, j in pairs.items()}
    pred_facts = set()
    for j, t in enumerate(p_tasks):
        label = key[back[j]] if j in back else f"?{_path(t.get('number'))}#{j}"
        for role in ROLES:
            pred_facts |= {(label, role, _unit_name(u)) for u in t.get(role) or []}
    pred_facts -= ignored
    units = Score(len(gold_facts & pred_facts), len(pred_facts), len(gold_facts),
                  sorted(gold_facts - pred_facts), sorted(pred_facts - gold_facts))
    return tasks, units


def _value(target: dict) -> tuple | None:
    v = target.get("value")
    try:
        return tuple(float(x) for x in v) if isinstance(v, list) else (float(v),)
    except (TypeError, ValueError):
        return None


def score_targets(gold: list[dict], pred: list[dict]) -> Score:
    """Targets found: overlapping text and equal value, each prediction used once."""
    score, used = Score(predicted=len(pred), gold=len(gold)), set()
    for g in gold:
        g_text = _norm(g.get("text"))
        for j, p in enumerate(pred):
            p_text = _norm(p.get("text"))
            if j in used or not p_text:
                continue
            overlap = g_text in p_text or p_text in g_text or len(set(g_text) & set(p_text)) >= 0.6 * len(g_text)
            if overlap and _value(p) == _value(g):
                used.add(j)
                score.tp += 1
                break
        else:
            score.missing.append(g.get("text"))
    score.extra = [p.get("text") for j, p in enumerate(pred) if j not in used]
    return score


def score_deadlines(gold: list[dict], pred: list[dict]) -> Score:
    """Deadlines found: equal (start, end), as a multiset."""
    remaining = [(_norm(p.get("start")), _norm(p.get("end"))) for p in pred]
    score = Score(predicted=len(pred), gold=len(gold))
    for g in gold:
        key = (_norm(g.get("start")), _norm(g.get("end")))
        if key in remaining:
            remaining.remove(key)
            score.tp += 1
        else:
            score.missing.append(g.get("text"))
    return score


def score_document(gold: dict, pred: dict) -> dict[str, Score]:
    """All scores of one document: ``{"tasks", "units", "targets", "deadlines", "meta"}``.

    ``meta`` counts the gold's non-empty ``doc_number`` and ``date`` that the prediction equals.
    """
    tasks, units = score_tasks_and_units(gold, pred)
    scores = {"tasks": tasks, "units": units}
    if "targets" in gold:
        scores["targets"] = score_targets(gold["targets"], pred.get("targets") or [])
    if "deadlines" in gold:
        scores["deadlines"] = score_deadlines(gold["deadlines"], pred.get("deadlines") or [])
    fields = [f for f in ("doc_number", "date") if gold.get(f)]
    meta = Score(predicted=len(fields), gold=len(fields))
    meta.tp = sum(_norm(pred.get(f)) == _norm(gold.get(f)) for f in fields)
    meta.missing = [f for f in fields if _norm(pred.get(f)) != _norm(gold.get(f))]
    scores["meta"] = meta
    return scores
