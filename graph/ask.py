"""Plain-language questions (English or Chinese) answered from the query library.

``ask(graph, question)`` matches the question against the intents of ``graph/data/questions.json``
(regular expressions, in order), resolves the slots they capture — a unit through the unit
lookup (``graph/lookup.py``: Chinese names, aliases, English, fuzzy), a task number (``6``, ``六``,
``二.(六)``) within one or every directive, a year, a cited document — runs the intent's
``graph/queries/*.rq`` with those values bound through ``initBindings`` (user text never enters the
query string) and returns::

    {"question": str, "intent": str | None, "describe": str, "sparql": str | None,
     "bindings": [{variable: value}], "answer": [{"document", "number", "title", …}],
     "groups": [{"unit", "name_zh", "name_en", "place", "rows"}], "message": str | None,
     "suggestions": [str]}

Answers over several directives are grouped by organisation: Weihai's 市民政局 and Guangzhou's
市民政局 are different nodes, so they are different groups. Each answer row carries ``source``, the
sentence of the directive the fact was read from. A question that matches no intent, or whose
unit/task/document cannot be found, gets a one-line ``message`` and the closest supported
questions (or names) as ``suggestions`` — never an exception.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

import pandas as pd
from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.ask_slots import SlotError, find_units, resolve_documents, resolve_tasks
from graph.query import load_query, run_query
from graph.sources import sentences_for

_FULL_WIDTH = str.maketrans({"？": "?", "！": "!", "，": ",", "（": "(", "）": ")", "：": ":", "　": " ",
                             "“": '"', "”": '"', "‘": "'", "’": "'"})
#: answer columns dropped from JSON (internal spans and IRIs the row already names otherwise)
_HIDDEN = {"span_start", "span_end", "quote", "until", "order", "kind", "deadline", "target", "cited"}


@dataclass
class Intent:
    """One supported kind of question (a row of ``questions.json``)."""

    name: str
    query: str
    describe: str
    patterns: list[re.Pattern[str]]
    examples: list[str]


@dataclass
class Plan:
    """A matched question: the intent, the captured slot texts and what they resolved to."""

    intent: Intent
    slots: dict[str, str]
    bindings: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)


@lru_cache(maxsize=1)
def intents() -> list[Intent]:
    """The supported intents, in matching order, from ``graph/data/questions.json``."""
    data = json.loads((files("graph") / "data" / "questions.json").read_text(encoding="utf-8"))
    return [Intent(name=i["name"], query=i["query"], describe=i["describe"],
                   patterns=[re.compile(p, re.IGNORECASE) for p in i["patterns"]], examples=list(i["examples"]))
            for i in data["intents"]]


def supported_questions() -> list[str]:
    """Every example question, English and Chinese (what the app and ``--help`` show)."""
    return [q for intent in intents() for q in intent.examples]


def normalise(question: str) -> str:
    """Full-width punctuation as ASCII, single spaces, no trailing ``?``/``.``/``。`` (case is kept:
    patterns match case-insensitively, and captured names keep the user's spelling)."""
    text = question.translate(_FULL_WIDTH).strip()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"[\s?.!。]+$", "", text).strip()


def match(question: str) -> list[tuple[Intent, dict[str, str]]]:
    """Every intent with a pattern matching ``question``, in order, with the captured slots."""
    text = normalise(question)
    found = []
    for intent in intents():
        for pattern in intent.patterns:
            m = pattern.match(text)
            if m:
                found.append((intent, {k: v.strip() for k, v in m.groupdict().items() if v}))
                break
    return found


def suggestions(question: str, limit: int = 3) -> list[str]:
    """The supported example questions closest to ``question`` (rapidfuzz WRatio), best first."""
    pool = supported_questions()
    best = process.extract(normalise(question).lower(), [normalise(q).lower() for q in pool], scorer=fuzz.WRatio,
                           limit=limit)
    return [pool[index] for _, _, index in best]


def _plan(graph: Graph, intent: Intent, slots: dict[str, str]) -> Plan:
    """Resolve the slots of a matched intent into bindings; raises ``SlotError``."""
    plan = Plan(intent=intent, slots=slots)
    if "unit" in slots:
        units = find_units(graph, slots["unit"])
        plan.groups = [{**u, "rows": 0} for u in units]
        plan.bindings = [{"unit": URIRef(u["unit"])} for u in units]
    elif "task" in slots:
        docs = resolve_documents(graph, slots.get("doc"))
        plan.bindings = [{"task": URIRef(t)} for t in resolve_tasks(graph, slots["task"], docs)]
    elif "year" in slots:
        plan.bindings = [{"until": Literal(int(slots["year"]), datatype=XSD.integer)}]
    elif "cited" in slots:
        plan.bindings = [{"cited": Literal(slots["cited"].strip("《》\"' "))}]
    else:
        plan.bindings = [{}]
    return plan


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    return value


def _rows(graph: Graph, plan: Plan, sparql: str) -> list[dict[str, Any]]:
    frames = [run_query(graph, sparql, b) for b in plan.bindings]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if "span_start" in frame.columns and "document" in frame.columns:
        frame["source"] = sentences_for(graph, frame)
    for g in plan.groups:
        g["rows"] = int((frame["unit"] == g["unit"]).sum()) if "unit" in frame.columns else 0
    keep = [c for c in frame.columns if c not in _HIDDEN]
    return [{k: _clean(v) for k, v in row.items()} for row in frame[keep].to_dict("records")]


def _bindings_json(plan: Plan) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in b.items()} for b in plan.bindings]


def ask(graph: Graph, question: str) -> dict[str, Any]:
    """Answer ``question`` from ``graph``; see the module docstring for the returned dict."""
    answer: dict[str, Any] = {"question": question, "intent": None, "describe": "", "sparql": None,
                              "bindings": [], "answer": [], "groups": [], "message": None, "suggestions": []}
    if not question or not question.strip():
        answer.update(message="empty question", suggestions=supported_questions()[:4])
        return answer
    candidates = match(question)
    if not candidates:
        answer.update(message="this question is not one of the supported kinds; try one of these",
                      suggestions=suggestions(question))
        return answer
    first_error: SlotError | None = None
    for intent, slots in candidates:
        try:
            plan = _plan(graph, intent, slots)
        except SlotError as err:
            first_error = first_error or err
            continue
        sparql = load_query(intent.query)
        answer.update(intent=intent.name, describe=intent.describe, sparql=sparql,
                      bindings=_bindings_json(plan), answer=_rows(graph, plan, sparql),
                      groups=plan.groups)
        return answer
    assert first_error is not None
    answer.update(intent=candidates[0][0].name, describe=candidates[0][0].describe,
                  message=str(first_error), suggestions=first_error.suggestions)
    return answer
