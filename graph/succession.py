"""Institutional succession: which body took over a unit's duties after a reform.

``ontology/units/succession.csv`` lists, one row per (original body, resulting body), the
renamings and mergers of the 2018 institutional reform — the national plan
《深化党和国家机构改革方案》(2018) and the local plans that followed it (《威海市机构改革方案》,
《广州市机构改革方案》) — plus later national changes (《党和国家机构改革方案》(2023)). Every row
names its source; an ``evidence`` URL is given where one was checked.

Rows sharing place, resulting body, date and kind form one W3C ORG change event
(https://www.w3.org/TR/vocab-org/#org:ChangeEvent):

    id:event/{place}/{resulting entry}-{date}-{kind} a org:ChangeEvent ;
        org:originalOrganization <before>… ; org:resultingOrganization <after> ;
        dcterms:date "2019-01"^^xsd:gYearMonth ; dcterms:source "《…》" ;
        dkg:changeKind "merge"|"transfer" ; rdfs:seeAlso <evidence> ; dcterms:description "…" .
    <before> org:changedBy <event> .   <after> org:resultedFrom <event> .

``merge`` means the original body was dissolved into the resulting one; ``transfer`` that only
some duties moved (the original may live on).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from graph.iris import slug
from graph.namespaces import DCTERMS, DKG, ID, ORG, RDF, bind_prefixes
from graph.unit_registry import load_registry
from graph.units import Organisation, organisation_for


@dataclass(frozen=True)
class SuccessionRow:
    """One row of ``succession.csv``: ``original`` -> ``resulting`` (registry ids) at ``level`` in ``place``."""

    id: str
    level: str
    place: str
    original: str
    resulting: str
    kind: str
    date: str
    source: str
    evidence: str
    note: str


@dataclass
class Succession:
    """The change-event triples and the organisations they mention (originals and successors)."""

    graph: Graph
    organisations: list[Organisation] = field(default_factory=list)


@cache
def load_succession() -> tuple[SuccessionRow, ...]:
    """Read ``ontology/units/succession.csv``.

    Raises:
        ValueError: a row names a registry id that does not exist, or has no source.
    """
    text = resources.files("ontology").joinpath("units", "succession.csv").read_text(encoding="utf-8")
    rows = tuple(SuccessionRow(**{k: (v or "").strip() for k, v in r.items()})
                 for r in csv.DictReader(text.splitlines()))
    entries = load_registry().entries
    for row in rows:
        if row.original not in entries or row.resulting not in entries or not row.source:
            raise ValueError(f"ontology/units/succession.csv: bad row {row.id!r}")
    return rows


def _date(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def rows_replacing(org: Organisation) -> list[SuccessionRow]:
    """Return the rows whose original body is ``org`` (same registry row, level and place)."""
    return [r for r in load_succession()
            if r.original == org.entry and r.level == org.level and r.place == org.place]


def _org(entry: str, level: str, place_key: str) -> Organisation:
    return organisation_for(entry, level, load_registry().place(place_key))


def _event(graph: Graph, group: list[SuccessionRow]) -> tuple[URIRef, list[Organisation]]:
    first = group[0]
    event = ID[f"event/{slug(first.place)}/{slug(first.resulting)}-{slug(first.date)}-{slug(first.kind)}"]
    after = _org(first.resulting, first.level, first.place)
    befores = [_org(r.original, r.level, r.place) for r in group]
    graph.add((event, RDF.type, ORG.ChangeEvent))
    graph.add((event, ORG.resultingOrganization, URIRef(after.iri)))
    graph.add((URIRef(after.iri), ORG.resultedFrom, event))
    graph.add((event, DCTERMS.date, _date(first.date)))
    graph.add((event, DCTERMS.source, Literal(first.source)))
    graph.add((event, DKG.changeKind, Literal(first.kind)))
    for row, before in zip(group, befores, strict=True):
        graph.add((event, ORG.originalOrganization, URIRef(before.iri)))
        graph.add((URIRef(before.iri), ORG.changedBy, event))
        graph.add((event, DCTERMS.identifier, Literal(row.id)))
        if row.evidence:
            graph.add((event, RDFS.seeAlso, URIRef(row.evidence)))
        if row.note:
            graph.add((event, DCTERMS.description, Literal(row.note)))
    return event, [after, *befores]


def succession_triples(orgs: Iterable[Organisation]) -> Succession:
    """Return the change events that replaced any of ``orgs``, followed through later reforms.

    For each organisation with a row in ``succession.csv`` (same registry row, level and
    place), the whole event is written (all its original bodies, the resulting body), then the
    resulting body is looked up in turn (银保监会 2018 -> 国家金融监督管理总局 2023). The
    organisations of those events that are not among ``orgs`` get their node triples too
    (``graph.organisations.add_organisation``, the same writer build.py uses).
    """
    from graph.organisations import add_organisation  # noqa: PLC0415 (build-side writer)

    graph = bind_prefixes(Graph())
    given = {o.iri for o in orgs}
    todo = [o for o in orgs if o.entry]
    seen_events: set[URIRef] = set()
    mentioned: dict[str, Organisation] = {}
    while todo:
        org = todo.pop()
        groups: dict[tuple[str, str, str, str], list[SuccessionRow]] = {}
        for row in rows_replacing(org):
            key = (row.place, row.resulting, row.date, row.kind)
            groups[key] = [r for r in load_succession() if (r.place, r.resulting, r.date, r.kind) == key]
        for group in groups.values():
            event, members = _event(graph, group)
            if event in seen_events:
                continue
            seen_events.add(event)
            for member in members:
                if member.iri not in given and member.iri not in mentioned:
                    mentioned[member.iri] = member
                    add_organisation(graph, member)
            todo.append(members[0])
    return Succession(graph, list(mentioned.values()))
