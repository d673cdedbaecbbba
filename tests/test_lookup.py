"""Unit lookup over the graph of the four gold directives, and the ``dkg unit`` / ``dkg units`` commands.

The graph is built by the project's builder (graph/build.py) from the gold fixtures, so lead
tasks and places are the ones the gold files state.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from test_units import DOCS, gold

from dkg.cli import main
from graph.build import build_graph
from graph.lookup import UnitIndex

WEIHAI_CIVIL_LEADS = ["二.(二)", "二.(三)", "二.(四)", "二.(六)", "二.(七)", "二.(八)", "二.(九)"]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph([gold(doc) for doc in DOCS])


@pytest.fixture(scope="module")
def index(graph: Graph) -> UnitIndex:
    return UnitIndex(graph)


@pytest.fixture(scope="module")
def graph_file(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("units") / "corpus.ttl"
    graph.serialize(path, format="turtle")
    return str(path)


@pytest.mark.parametrize("query", ["civil affairs bureau", "Civil Affairs", "民政局", "市民政局", "CIVIL AFFAIRS"])
def test_civil_affairs_queries_find_weihai_then_guangzhou(index: UnitIndex, query: str) -> None:
    result = index.lookup(query)
    assert result.status == "found"
    first = result.matches[0]
    assert (first.name_zh, first.place, first.name_en) == ("市民政局", "威海市", "Weihai Municipal Civil Affairs Bureau")
    assert [t.number for t in first.lead_tasks] == WEIHAI_CIVIL_LEADS
    assert {t.document for t in first.lead_tasks} == {"weihai-2018-39"}
    guangzhou = [m for m in result.matches if m.place == "广州市" and m.name_zh == "市民政局"]
    assert len(guangzhou) == 1 and guangzhou[0].id != first.id
    assert [(t.document, t.number) for t in guangzhou[0].lead_tasks] == [("guangzhou-2012-20", "二.(五).25")]


@pytest.mark.parametrize("query", ["human resources and social security", "人社局", "市人力资源和社会保障局"])
def test_hrss_queries(index: UnitIndex, query: str) -> None:
    result = index.lookup(query)
    assert result.status == "found"
    assert {m.name_zh for m in result.matches[:2]} == {"市人力资源社会保障局"}
    weihai = next(m for m in result.matches if m.place == "威海市")
    assert [t.number for t in weihai.lead_tasks] == ["二.(四)", "二.(五)"]


def test_json_shape(index: UnitIndex) -> None:
    data = index.lookup("市民政局").matches[0].to_json()
    assert {"id", "name_zh", "name_en", "type", "level", "place", "lead_tasks", "responsible_tasks"} <= set(data)
    assert data["type"] == "government_department" and data["level"] == "municipal"
    assert data["lead_tasks"][0] == {"document": "weihai-2018-39", "number": "二.(二)"}
    assert [t["number"] for t in data["responsible_tasks"]] == ["二.(五)", "二.(十)", "二.(十一)", "二.(十二)"]


def test_types_through_lookup(index: UnitIndex) -> None:
    assert index.lookup("市直相关部门、单位").matches[0].type == "collective"
    assert {m.type for m in index.lookup("团市委").matches if m.name_zh == "团市委"} == {"mass_organisation"}
    assert index.lookup("市妇联").matches[0].type == "mass_organisation"
    assert index.lookup("市委组织部").matches[0].type == "party_organ"


def test_successor_after_the_2018_reform(index: UnitIndex) -> None:
    land = index.lookup("市国土资源局").matches[0]
    assert land.place == "威海市"
    assert [(s["name_zh"], s["source"]) for s in land.successors] == [("市自然资源和规划局", "《威海市机构改革方案》(2018)")]


def test_ambiguous_unknown_and_empty(index: UnitIndex) -> None:
    bureau = index.lookup("局")
    assert bureau.status == "ambiguous" and bureau.total > 20 and len(bureau.matches) == 20
    assert index.lookup("bureau").status == "ambiguous"
    unknown = index.lookup("xyz nonexistent agency")
    assert unknown.status == "unknown" and unknown.matches == [] and len(unknown.suggestions) == 3
    typo = index.lookup("市民正局")  # one character wrong: fuzzy candidates, never a confident answer
    assert typo.status == "ambiguous" and typo.matches[0].name_zh == "市民政局"
    with pytest.raises(ValueError):
        index.lookup("   ")


def test_unverified_units(index: UnitIndex) -> None:
    assert sorted(r.name_zh for r in index.unverified()) == [
        "省推进工业互联网创新发展专项工作组", "省推进工业互联网创新发展专项工作组成员单位"]


def test_cli_unit_json(graph_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["unit", "civil affairs bureau", "--json", "--graph", graph_file]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["place"] == "威海市" and data[0]["name_zh"] == "市民政局"
    assert [t["number"] for t in data[0]["lead_tasks"]] == WEIHAI_CIVIL_LEADS
    assert any(d["place"] == "广州市" for d in data)


@pytest.fixture
def in_memory(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> str:
    """Serve the built graph to the commands without re-reading a file; returns a dummy --graph."""
    import dkg.commands.unit as unit_cmd
    import dkg.commands.units as units_cmd

    for module in (unit_cmd, units_cmd):
        monkeypatch.setattr(module, "default_graph", lambda path, _g=graph: _g)
    return "in-memory"


def test_cli_unit_text_and_errors(in_memory: str, capsys: pytest.CaptureFixture[str]) -> None:
    graph_file = in_memory
    assert main(["unit", "人社局", "--graph", graph_file]) == 0
    out = capsys.readouterr().out
    assert "市人力资源社会保障局 · Weihai Municipal Human Resources and Social Security Bureau" in out
    assert main(["unit", "局", "--graph", graph_file]) == 0
    assert "ambiguous" in capsys.readouterr().err
    assert main(["unit", "qqqq", "--graph", graph_file]) == 1
    assert "no unit matches 'qqqq'; closest:" in capsys.readouterr().err
    assert main(["unit", " ", "--graph", graph_file]) == 2
    assert "empty unit query" in capsys.readouterr().err


def test_cli_units_unverified(in_memory: str, graph: Graph, capsys: pytest.CaptureFixture[str]) -> None:
    graph_file = in_memory
    assert main(["units", "--unverified", "--graph", graph_file]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 2 and "省推进工业互联网创新发展专项工作组" in captured.out
    assert "2 unverified" in captured.err
    assert main(["units", "--json", "--graph", graph_file]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(UnitIndex(graph).records)


def test_missing_graph_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["unit", "民政局", "--graph", str(tmp_path / "none.ttl")]) == 2
    assert "no such graph file" in capsys.readouterr().err
