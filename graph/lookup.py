"""Find units in a built graph by Chinese name, alias, English name or fragment.

``UnitIndex(graph)`` reads every unit node once (labels, type, level, place, the tasks it leads
and is responsible for, its successors after a reform) and answers ``lookup(query)``:

- **score tiers** (best first): 100 the query equals a label or alias; 95 it equals a label
  without its level prefix or place (``民政局`` for ``市民政局``, ``civil affairs bureau`` for
  ``Weihai Municipal Civil Affairs Bureau``); 85 it is a fragment of a label (Chinese substring,
  or all English words present); below that a rapidfuzz similarity scaled to at most 80, kept
  from ``FUZZY_MIN`` and only when nothing scores 85 or more. Within a tier, the unit whose
  name is closest to the query (rapidfuzz ratio) comes first, then the one with more tasks.
- **status**: ``found``; ``ambiguous`` when the best tier is a fragment or fuzzy match shared by
  units of different kinds (``局`` fits every bureau), so the matches are candidates, not an
  answer; ``unknown`` when nothing scores ``FUZZY_MIN``, with the closest names as suggestions.

The same name in two places is two units: ``市民政局`` finds Weihai's and Guangzhou's, and the
place tells them apart. Matching is case-insensitive and NFKC-normalised; the graph is only read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

from rapidfuzz import fuzz, process
from rdflib import Graph, URIRef

from graph.namespaces import DCTERMS, DKG, ELI, ID, ORG, RDF, SKOS
from graph.unit_context import DocContext
from graph.unit_registry import load_registry
from graph.units import normalise, resolve

FUZZY_MIN = 55.0
_CJK = re.compile(r"[\u3400-\u9fff]")
_LEVEL_WORDS = {"municipal", "provincial", "district", "county", "prefectural", "autonomous", "regional",
                "banner"}
_PLACES = str(ID["place/"])


@dataclass(frozen=True)
class TaskRef:
    """A task a unit is named in: ``document`` (file stem) and numbering path ``number``."""

    document: str
    number: str
    order: int = 0


@dataclass
class UnitRecord:
    """One unit node of the graph, with what lookup shows and matches against."""

    id: str
    name_zh: str
    name_en: str | None
    type: str | None
    level: str | None
    place: str | None
    verified: bool
    aliases: list[str] = field(default_factory=list)
    lead_tasks: list[TaskRef] = field(default_factory=list)
    responsible_tasks: list[TaskRef] = field(default_factory=list)
    successors: list[dict[str, str]] = field(default_factory=list)
    group: str = ""
    keys_zh: dict[str, int] = field(default_factory=dict)
    keys_en: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """The lookup JSON object of this unit (FORMAT of ``dkg unit --json``)."""
        def refs(tasks: list[TaskRef]) -> list[dict[str, str]]:
            return [{"document": t.document, "number": t.number} for t in tasks]
        return {"id": self.id, "name_zh": self.name_zh, "name_en": self.name_en, "type": self.type,
                "level": self.level, "place": self.place, "verified": self.verified,
                "aliases": self.aliases, "lead_tasks": refs(self.lead_tasks),
                "responsible_tasks": refs(self.responsible_tasks), "successors": self.successors}

    @property
    def task_count(self) -> int:
        """Number of task roles (lead + responsible)."""
        return len(self.lead_tasks) + len(self.responsible_tasks)


@dataclass
class LookupResult:
    """Answer to one query: ``status`` (found/ambiguous/unknown), ranked ``matches`` (at most the
    limit, of ``total`` matching units) with their ``scores``, and ``suggestions`` when unknown."""

    query: str
    status: str
    matches: list[UnitRecord]
    scores: list[float]
    suggestions: list[str] = field(default_factory=list)
    total: int = 0


def _text(graph: Graph, node: URIRef, pred: URIRef, lang: str | None = None) -> str | None:
    for value in graph.objects(node, pred):
        if lang is None or getattr(value, "language", None) == lang:
            return str(value)
    return None


def _tasks(graph: Graph, org: URIRef, pred: URIRef) -> list[TaskRef]:
    refs = set()
    for task in graph.subjects(pred, org):
        doc = graph.value(task, DKG.inDirective)
        doc_id = (graph.value(doc, DCTERMS.identifier) if doc is not None else None) or unquote(
            str(task).split("/doc/")[-1].split("/")[0])
        order = graph.value(task, DKG.order)
        refs.add(TaskRef(str(doc_id), str(graph.value(task, ELI.number) or ""), int(order) if order else 0))
    return sorted(refs, key=lambda t: (t.document, t.order, t.number))


def _successors(graph: Graph, org: URIRef) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen = {org}
    frontier = [org]
    while frontier:
        node = frontier.pop(0)
        for event in graph.objects(node, ORG.changedBy):
            for after in graph.objects(event, ORG.resultingOrganization):
                if after in seen:
                    continue
                seen.add(after)
                frontier.append(after)
                out.append({"id": str(after), "name_zh": _text(graph, after, SKOS.prefLabel, "zh") or "",
                            "date": str(graph.value(event, DCTERMS.date) or ""),
                            "source": str(graph.value(event, DCTERMS.source) or "")})
    return out


def _place(graph: Graph, org: URIRef) -> str | None:
    for place in graph.objects(org, ORG.subOrganizationOf):
        return _text(graph, place, SKOS.prefLabel, "zh") or unquote(str(place).rsplit("/", 1)[-1])
    return None


def _type(graph: Graph, org: URIRef) -> str | None:
    concept = graph.value(org, ORG.classification)
    if concept is None:
        return None
    return str(graph.value(concept, SKOS.notation) or unquote(str(concept).rsplit("/", 1)[-1]))


def _zh_core(label: str, place: str | None) -> str:
    """``市民政局`` -> ``民政局``; ``威海市民政局`` -> ``民政局`` (place, then one level prefix, removed)."""
    reg = load_registry()
    text = label
    if place:
        for name in {place, (reg.place(place).short if reg.place(place) else "")} - {""}:
            text = text.removeprefix(name)
    for prefix in reg.prefixes:
        if prefix.kind == "plain_prefix" and text.startswith(prefix.text) and len(text) > len(prefix.text) + 1:
            return text[len(prefix.text):]
    return text


def _en_core(label: str, place_en: str | None) -> str:
    words = label.casefold().replace(place_en.casefold(), " ") if place_en else label.casefold()
    return " ".join(w for w in words.split() if w not in _LEVEL_WORDS)


@cache
def _group(name_zh: str, place: str | None) -> str:
    """The registry row a unit name resolves to (its kind), used to tell ambiguity from places."""
    org = resolve(name_zh, DocContext(load_registry().place(place) if place else None))
    return org.entry or name_zh


def _record(graph: Graph, org: URIRef) -> UnitRecord | None:
    unit_type = _type(graph, org)
    name_zh = _text(graph, org, SKOS.prefLabel, "zh")
    if name_zh is None or unit_type == "jurisdiction" or str(org).startswith(_PLACES):
        return None
    place = _place(graph, org)
    known = load_registry().place(place) if place else None
    place_en = _text(graph, next(iter(graph.objects(org, ORG.subOrganizationOf)), org), SKOS.prefLabel, "en") \
        or (known.en if known else None)
    rec = UnitRecord(
        id=str(org), name_zh=name_zh, name_en=_text(graph, org, SKOS.prefLabel, "en"), type=unit_type,
        level=_text(graph, org, DKG.level), place=place,
        verified=str(graph.value(org, DKG.verified)).lower() == "true",
        aliases=sorted({str(a) for a in graph.objects(org, SKOS.altLabel)} - {name_zh}),
        lead_tasks=_tasks(graph, org, DKG.leadUnit), responsible_tasks=_tasks(graph, org, DKG.responsibleUnit),
        successors=_successors(graph, org),
    )
    rec.group = _group(name_zh, place)
    for label in [name_zh, *rec.aliases]:
        key = normalise(label).casefold()
        rec.keys_zh[key] = 100
        rec.keys_zh.setdefault(_zh_core(key, place), 95)
    if rec.name_en:
        rec.keys_en[" ".join(rec.name_en.casefold().replace("-", " ").split())] = 100
        rec.keys_en.setdefault(_en_core(rec.name_en.replace("-", " "), place_en), 95)
    return rec


def _score(query: str, keys: dict[str, int], cjk: bool) -> tuple[float, float]:
    """Return (tier score, closeness 0-100 to the nearest key) of ``query`` against one unit's keys."""
    best = 0.0
    words = set(query.split())
    closeness = max((fuzz.ratio(query, key) for key in keys), default=0.0)
    for key, exact in keys.items():
        if query == key:
            return float(exact), closeness
        if (cjk and query in key) or (not cjk and words <= set(key.split())):
            best = max(best, 85.0)
        elif cjk:
            best = max(best, min(80.0, fuzz.ratio(query, key) * 0.8))
        else:
            best = max(best, min(80.0, fuzz.token_set_ratio(query, key) * 0.8))
    return best, closeness


class UnitIndex:
    """Every unit node of a graph, ready for lookup (build once, query many times)."""

    def __init__(self, graph: Graph) -> None:
        """Read the unit nodes of ``graph`` (``org:Organization`` minus places)."""
        orgs: Iterable[URIRef] = {o for o in graph.subjects(RDF.type, ORG.Organization) if isinstance(o, URIRef)}
        self.records = sorted((r for o in orgs if (r := _record(graph, o))), key=lambda r: (r.place or "", r.name_zh))

    def lookup(self, query: str, limit: int = 20) -> LookupResult:
        """Rank the units matching ``query`` (see module docstring).

        Raises:
            ValueError: ``query`` is empty or only whitespace.
        """
        text = unicodedata.normalize("NFKC", query).casefold()
        cjk = bool(_CJK.search(text))
        q = normalise(text) if cjk else " ".join(text.replace("-", " ").split())
        if not q:
            raise ValueError("empty unit query; give a Chinese or English name, alias or fragment")
        ranked = [(_score(q, r.keys_zh if cjk else r.keys_en, cjk), r) for r in self.records]
        ranked.sort(key=lambda sr: (-sr[0][0], -sr[0][1], -sr[1].task_count, sr[1].name_zh, sr[1].place or ""))
        scored = [(s, r) for (s, _), r in ranked if s >= FUZZY_MIN]
        if not scored:
            return LookupResult(query, "unknown", [], [], self.closest(q, cjk))
        top = scored[0][0]
        if top >= 85:  # a name or fragment matched: similar-looking names are noise
            scored = [(s, r) for s, r in scored if s >= 85]
        groups = {r.group for s, r in scored if s == top}
        status = "ambiguous" if top < 95 and len(groups) > 1 else "found"
        kept = scored[:limit]
        return LookupResult(query, status, [r for _, r in kept], [s for s, _ in kept], total=len(scored))

    def closest(self, query: str, cjk: bool, n: int = 3) -> list[str]:
        """The ``n`` unit names most similar to ``query`` (any score), for "did you mean"."""
        names = {(r.name_zh if cjk else (r.name_en or r.name_zh)): r for r in self.records}
        found = process.extract(query, list(names), scorer=fuzz.WRatio, limit=n)
        return [name for name, _, _ in found]

    def unverified(self) -> list[UnitRecord]:
        """The units no registry row or pattern matched (``dkg:verified false``)."""
        return [r for r in self.records if not r.verified]
