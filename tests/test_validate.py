"""SHACL validation: the seed conforms, and broken graphs do not.

Each defect is applied to a copy of the seed graph (built from the gold file); the report must name
the broken node. To keep the suite fast, defects on distinct nodes share one validation run; the
two the acceptance names (a task without a number, a target without a comparator) also run alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from graph_seed import gold_directive
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns

from graph.build import build_graph
from graph.iris import doc_iri, task_iri
from graph.namespaces import DKG, ELI, OA, PROV, QUDT, TIME
from graph.validate import validate_graph

DOC = doc_iri("weihai-2018-39")


def task(n: str) -> URIRef:
    return task_iri(DOC, f"二.({n})")


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return build_graph([gold_directive()])


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def _nth(graph: Graph, prop: URIRef, value: str, n: int) -> URIRef:
    return sorted(graph.subjects(prop, Literal(value)))[n]


def _lead_assignment(g: Graph, t: URIRef) -> URIRef:
    return next(a for a in g.subjects(DKG.task, t) if g.value(a, DKG.role) == Literal("lead"))


# Each defect edits the graph and returns the node the report must name.
def no_number(g: Graph) -> URIRef:
    g.remove((task("五"), ELI.number, None))
    return task("五")


def no_comparator(g: Graph) -> URIRef:
    target = _nth(g, DKG.comparator, ">=", 0)
    g.remove((target, DKG.comparator, None))
    return target


def bad_comparator(g: Graph) -> URIRef:
    target = _nth(g, DKG.comparator, ">=", 1)
    g.set((target, DKG.comparator, Literal("at least")))
    return target


def value_not_decimal(g: Graph) -> URIRef:
    quantity = g.value(_nth(g, DKG.comparator, ">=", 2), DKG.quantity)
    g.set((quantity, QUDT.numericValue, Literal("3.6万")))
    return quantity


def range_without_upper_bound(g: Graph) -> URIRef:
    target = _nth(g, DKG.comparator, "range", 0)
    g.remove((target, DKG.upperBound, None))
    return target


def inverted_range(g: Graph) -> URIRef:
    target = _nth(g, DKG.comparator, "range", 0)
    g.set((g.value(target, DKG.lowerBound), QUDT.numericValue, Literal("999", datatype=rns.XSD.decimal)))
    return target


def by_without_date(g: Graph) -> URIRef:
    deadline = _nth(g, DKG.deadlineKind, "by", 0)
    g.remove((deadline, TIME.inXSDDate, None))
    return deadline


def deadline_kind_unknown(g: Graph) -> URIRef:
    deadline = _nth(g, DKG.deadlineKind, "by", 1)
    g.set((deadline, DKG.deadlineKind, Literal("soon")))
    return deadline


def quote_not_the_source(g: Graph) -> URIRef:
    source = g.value(task("二"), PROV.wasDerivedFrom)
    g.set((source, DKG.quote, Literal("不是原文")))
    return source


def selector_past_the_text(g: Graph) -> URIRef:
    source = g.value(task("四"), PROV.wasDerivedFrom)
    g.set((g.value(source, OA.hasSelector), OA.end, Literal(10**7, datatype=rns.XSD.nonNegativeInteger)))
    return source


def task_without_provenance(g: Graph) -> URIRef:
    g.remove((task("一"), PROV.wasDerivedFrom, None))
    return task("一")


def lead_without_assignment(g: Graph) -> URIRef:
    for triple in list(g.triples((_lead_assignment(g, task("三")), None, None))):
        g.remove(triple)
    return task("三")


def assignment_role_not_linked(g: Graph) -> URIRef:
    assignment = _lead_assignment(g, task("六"))
    g.set((assignment, DKG.role, Literal("responsible")))
    return assignment


def unit_without_label(g: Graph) -> URIRef:
    unit = g.value(task("十"), DKG.leadUnit)
    g.remove((unit, rns.SKOS.prefLabel, None))
    return unit


def safeguard_not_a_task(g: Graph) -> URIRef:
    safeguard = sorted(g.subjects(rns.RDF.type, DKG.Safeguard))[0]
    g.remove((safeguard, rns.RDF.type, DKG.Task))
    return safeguard


Defect = Callable[[Graph], URIRef]
GROUPS: dict[str, list[Defect]] = {
    "tasks-and-provenance": [no_number, quote_not_the_source, selector_past_the_text, task_without_provenance,
                             lead_without_assignment, assignment_role_not_linked, unit_without_label,
                             safeguard_not_a_task],
    "targets-and-deadlines": [no_comparator, bad_comparator, value_not_decimal, range_without_upper_bound,
                              by_without_date, deadline_kind_unknown],
}


def _check(seed_graph: Graph, defects: list[Defect]) -> None:
    broken = _copy(seed_graph)
    culprits = {defect.__name__: defect(broken) for defect in defects}
    result = validate_graph(broken)
    assert not result.conforms
    missed = [name for name, node in culprits.items() if str(node) not in result.report_text]
    assert not missed, f"defects not reported: {missed}"
    assert result.violations >= len(defects)


def test_seed_conforms(seed_graph) -> None:
    result = validate_graph(seed_graph)
    assert result.conforms, result.report_text
    assert result.violations == 0
    assert "Conforms: True" in result.report_text


@pytest.mark.parametrize("defect", [no_number, no_comparator, inverted_range], ids=lambda d: d.__name__)
def test_single_defect_does_not_conform(seed_graph, defect) -> None:
    _check(seed_graph, [defect])


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_defect_is_reported(seed_graph, group) -> None:
    _check(seed_graph, GROUPS[group])
