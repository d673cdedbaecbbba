"""Unit (organisation) nodes: the adapter to the unit registry and the W3C ORG triples.

The unit registry (``graph/units.py``, owned by the units work) implements
``resolve_directive_units(directive) -> dict[str, Organisation]``: each unit name used in the
directive, as written, mapped to an object with the fields ``iri, name_zh, name_en, type, level,
place, verified, aliases``. Until it exists — or for names it does not return — each written
name becomes its own node ``id:unit/{name}``, type ``unknown``, ``dkg:verified false``.

Triples per organisation (W3C ORG, REC 2014-01-16; SKOS): ``a org:Organization`` (plus
``org:FormalOrganization`` when verified); ``skos:prefLabel`` @zh and @en; ``skos:altLabel``
for aliases and variant spellings; ``org:classification`` a concept of ``dkg:unitTypeScheme``;
``dkg:level``; ``dkg:verified``; ``org:subOrganizationOf`` the place it belongs to. When the
registry offers ``registry_triples(orgs)``, its places, unit-type scheme and reform events are
added too (``add_registry_context``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef

from extract.model import Directive
from graph.iris import place_iri, unit_iri, unit_type_iri
from graph.namespaces import DKG, ORG, RDF, SKOS


@dataclass
class FallbackOrganisation:
    """A unit known only by its written name (same fields as the registry's Organisation)."""

    iri: str
    name_zh: str
    name_en: str | None = None
    type: str = "unknown"
    level: str | None = None
    place: str | None = None
    verified: bool = False
    aliases: list[str] = field(default_factory=list)


def unit_names(directive: Directive) -> list[str]:
    """Every unit name the directive uses (issuers, lead and responsible units), first-seen order."""
    names: list[str] = list(directive.metadata.issuer)
    for task in directive.tasks:
        names.extend(task.lead_units)
        names.extend(task.responsible_units)
    return list(dict.fromkeys(n for n in names if n and n.strip()))


def fallback_organisation(name: str) -> FallbackOrganisation:
    """The node for a written unit name the registry did not resolve."""
    return FallbackOrganisation(iri=str(unit_iri(name)), name_zh=name)


def _registry_function(name: str) -> Any | None:
    """``graph.units.<name>`` when the unit registry offers it, else None."""
    try:
        units = importlib.import_module("graph.units")
    except ModuleNotFoundError as err:
        if err.name == "graph.units":
            return None
        raise
    return getattr(units, name, None)


def _registry_resolver() -> Any | None:
    return _registry_function("resolve_directive_units")


def add_registry_context(graph: Graph, orgs: Iterable[Any]) -> None:
    """Add what the registry knows around ``orgs`` (``graph.units.registry_triples``): the unit-type
    scheme, each place and its parents, reforms that replaced a unit. Nothing without a registry."""
    registry_triples = _registry_function("registry_triples")
    if registry_triples is not None and _registry_resolver() is not None:
        graph += registry_triples([o for o in orgs if not isinstance(o, FallbackOrganisation)])


def resolve_units(directive: Directive) -> dict[str, Any]:
    """Map every unit name of ``directive`` to an organisation (registry first, else fallback)."""
    resolver = _registry_resolver()
    resolved: dict[str, Any] = dict(resolver(directive)) if resolver else {}
    return {name: resolved.get(name) or fallback_organisation(name) for name in unit_names(directive)}


def add_organisation(graph: Graph, org: Any, written: str | None = None) -> URIRef:
    """Write the ORG/SKOS triples of ``org`` once per graph; return its IRI.

    ``written`` (the name as the document writes it) becomes a ``skos:altLabel`` when it
    differs from the canonical name. Labels are written only the first time an IRI is seen, so
    one organisation keeps one ``skos:prefLabel`` per language across documents.
    """
    node = URIRef(org.iri)
    if written and written != org.name_zh:
        graph.add((node, SKOS.altLabel, Literal(written, lang="zh")))
    if (node, RDF.type, ORG.Organization) in graph:
        return node
    graph.add((node, RDF.type, ORG.Organization))
    if org.verified:
        graph.add((node, RDF.type, ORG.FormalOrganization))
    graph.add((node, SKOS.prefLabel, Literal(org.name_zh, lang="zh")))
    if org.name_en:
        graph.add((node, SKOS.prefLabel, Literal(org.name_en, lang="en")))
    for alias in _aliases(org.aliases, org.name_zh):
        graph.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
    if org.type:
        graph.add((node, ORG.classification, _unit_type(graph, org.type)))
    if org.level:
        graph.add((node, DKG.level, Literal(org.level)))
    graph.add((node, DKG.verified, Literal(bool(org.verified))))
    if org.place:
        graph.add((node, ORG.subOrganizationOf, _place(graph, org.place)))
    return node


def _aliases(aliases: Iterable[str] | None, name: str) -> list[str]:
    return [a for a in dict.fromkeys(aliases or []) if a and a != name]


def _unit_type(graph: Graph, unit_type: str) -> URIRef:
    concept = unit_type_iri(unit_type)
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, DKG.unitTypeScheme))
    graph.add((concept, SKOS.notation, Literal(unit_type)))
    return concept


def _place(graph: Graph, place: str) -> URIRef:
    node = place_iri(place)
    if (node, RDF.type, ORG.Organization) not in graph:
        graph.add((node, RDF.type, ORG.Organization))
        graph.add((node, SKOS.prefLabel, Literal(place, lang="zh")))
    return node
