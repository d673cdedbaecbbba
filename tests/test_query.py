"""Read-only SPARQL: the guard, parameter binding, named queries and DataFrame answers."""

from __future__ import annotations

import pytest
from graph_seed import CIVIL_AFFAIRS_LEADS, FUNDING_FLOORS, gold_directive
from rdflib import Literal, URIRef

from graph.build import build_graph
from graph.namespaces import CUR
from graph.query import (
    QueryError,
    available_queries,
    check_read_only,
    load_query,
    run_named,
    run_query,
    units_named,
)


@pytest.fixture(scope="module")
def graph():
    return build_graph([gold_directive()])


@pytest.mark.parametrize("sparql", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "delete { ?s ?p ?o } where { ?s ?p ?o }",
    "LOAD <http://example.org/evil.ttl>",
    "DROP ALL",
    "CLEAR DEFAULT",
    "CREATE GRAPH <urn:g>",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "PREFIX ex: <urn:x>\nWITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "UPDATE",
])
def test_guard_refuses_anything_that_writes_or_reaches_out(sparql: str) -> None:
    with pytest.raises(QueryError):
        check_read_only(sparql)


@pytest.mark.parametrize("sparql, form", [
    ("SELECT ?s WHERE { ?s a dkg:Task }", "SELECT"),
    ("ASK { ?s a dkg:Task }", "ASK"),
    ("CONSTRUCT { ?s a dkg:Task } WHERE { ?s a dkg:Task }", "CONSTRUCT"),
    ("DESCRIBE <urn:x>", "DESCRIBE"),
    # keywords inside strings, IRIs, comments and variable names are not requests
    ('SELECT ?load WHERE { ?load dkg:asWritten "DELETE SERVICE LOAD" } # DROP ALL', "SELECT"),
    ("SELECT ?s WHERE { ?s <urn:service/load/insert> ?drop }", "SELECT"),
])
def test_guard_accepts_read_only_queries(sparql: str, form: str) -> None:
    assert check_read_only(sparql) == form


def test_guard_rejects_broken_syntax() -> None:
    with pytest.raises(QueryError, match="not a SPARQL query"):
        check_read_only("SELECT WHERE {")


def test_tasks_led_by_binds_the_unit(graph) -> None:
    unit = units_named(graph, "市民政局")[0]
    frame = run_named(graph, "unit_leads", unit=unit)
    assert list(frame.columns[:3]) == ["document", "number", "title"]
    assert list(frame["number"]) == CIVIL_AFFAIRS_LEADS
    assert list(frame["document"]) == ["weihai-2018-39"] * 7


def test_tasks_responsible_for(graph) -> None:
    unit = units_named(graph, "市民政局")[0]
    frame = run_named(graph, "unit_responsible", unit=unit)
    # gold: 市民政局 is a responsible (not lead) unit of these four items
    assert list(frame["number"]) == ["二.(五)", "二.(十)", "二.(十一)", "二.(十二)"]


def test_user_text_is_bound_never_pasted(graph) -> None:
    hostile = '市民政局" } } DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert units_named(graph, hostile) == []
    assert len(graph) > 2000  # nothing was dropped


def test_lower_bounds_in_yuan(graph) -> None:
    frame = run_named(graph, "targets_lower_bound", qudt_unit=CUR.CNY)
    assert sorted(frame["minimum"]) == FUNDING_FLOORS
    assert frame["minimum"].map(type).eq(int).all()


def test_answers_by_query_form(graph) -> None:
    ask = run_query(graph, "ASK { ?t a dkg:Safeguard }")
    assert ask.to_dict("records") == [{"ask": True}]
    built = run_query(graph, "CONSTRUCT { ?t eli:number ?n } WHERE { ?t a dkg:Safeguard ; eli:number ?n }")
    assert sorted(built["object"]) == ["三.(一)", "三.(三)", "三.(二)", "三.(四)"]
    assert list(built.columns) == ["subject", "predicate", "object"]
    issued = run_query(graph, "SELECT ?d WHERE { ?doc dcterms:issued ?d }")
    assert issued["d"].tolist() == ["2018-12-22"]


def test_every_basic_query_runs(graph) -> None:
    tasks = run_named(graph, "tasks")
    assert len(tasks) == 16
    row = tasks[tasks["number"] == "二.(五)"].iloc[0]
    assert set(row["lead"].split("、")) == {"市财政局", "市人力资源社会保障局"}
    assert set(row["responsible"].split("、")) == {"市委组织部", "市民政局"}
    assert len(run_named(graph, "targets")) == 19
    deadlines = run_named(graph, "deadlines")
    assert sorted(deadlines["date"].dropna()) == ["2020-12-31", "2020-12-31"]
    units = run_named(graph, "units")
    assert units.iloc[0]["label"] == "市民政局" and units.iloc[0]["lead_count"] == 7
    task = URIRef(tasks[tasks["number"] == "二.(五)"].iloc[0]["task"])
    source = run_named(graph, "fact_source", fact=task)
    assert "落实城市社区工作经费" in source["quote"].iloc[0]


def test_named_queries_are_files_and_names_are_checked() -> None:
    assert {"tasks", "unit_leads", "targets_lower_bound", "units_named"} <= set(available_queries())
    assert "?unit" in load_query("unit_leads")
    for bad in ("../pyproject", "unit_leads.rq", "no_such_query"):
        with pytest.raises(QueryError):
            load_query(bad)


def test_bindings_accept_literals(graph) -> None:
    frame = run_query(graph, "SELECT ?t WHERE { ?t eli:number ?n ; a dkg:Task }", {"n": Literal("二.(五)")})
    assert len(frame) == 1


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
])
def test_parsed_query_is_checked_too(monkeypatch, sparql: str) -> None:
    """Even if the keyword scan missed it, the parsed algebra refuses SERVICE and FROM."""
    import re

    import graph.query as query

    monkeypatch.setattr(query, "_FORBIDDEN", re.compile(r"(?!x)x"))
    with pytest.raises(QueryError, match="local graph only"):
        check_read_only(sparql)
