"""Network analysis of the seed: bipartite task–unit graph, projection, centrality, Gephi files."""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from dkg.cli import main as dkg
from graph.build import build_graph
from graph.network import (
    annotate,
    bipartite_graph,
    centrality_table,
    communities,
    unit_projection,
    units_of,
    write_network,
)
from graph.network_html import network_html, strip_external

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "fixtures" / "weihai-2018-39.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def net(seed_directive):
    return bipartite_graph(build_graph([seed_directive]))


@pytest.fixture(scope="module")
def projection(net):
    return unit_projection(net)


@pytest.fixture(scope="module")
def table(net, projection):
    return centrality_table(net, projection)


def node_named(net: nx.Graph, label: str) -> str:
    [node] = [n for n, d in net.nodes(data=True) if d.get("kind") == "unit" and d["label"] == label]
    return node


def test_bipartite_graph_has_every_gold_assignment(net):
    tasks = [n for n, kind in net.nodes(data="kind") if kind == "task"]
    assert len(tasks) == len(GOLD["tasks"]) == 16
    leads = sum(len(t["lead_units"]) for t in GOLD["tasks"])
    resps = sum(len(t["responsible_units"]) for t in GOLD["tasks"])
    roles = [d["role"] for _, _, d in net.edges(data=True)]
    assert (roles.count("lead"), roles.count("responsible")) == (leads, resps) == (23, 55)
    assert len(units_of(net)) == 37
    assert nx.is_bipartite(net)


def test_highest_degree_unit_is_civil_affairs(net, table):
    gold_degree = sum("市民政局" in t["lead_units"] + t["responsible_units"] for t in GOLD["tasks"])
    top = table.iloc[0]
    assert (top["label"], top["degree"], top["lead"], top["responsible"]) == ("市民政局", gold_degree, 7, 4)
    assert gold_degree == 11
    assert net.degree(node_named(net, "市民政局")) == 11
    assert table["betweenness"].idxmax() == 0  # also the broker between the other units


def test_projection_weights_are_shared_tasks(net, projection):
    def shared(a: str, b: str) -> int:
        return sum({a, b} <= set(t["lead_units"] + t["responsible_units"]) for t in GOLD["tasks"])

    civil, finance = node_named(net, "市民政局"), node_named(net, "市财政局")
    assert projection[civil][finance]["weight"] == shared("市民政局", "市财政局") == 6
    pairs = sum(1 for t in GOLD["tasks"] for _ in combinations(set(t["lead_units"] + t["responsible_units"]), 2))
    assert sum(d["weight"] for _, _, d in projection.edges(data=True)) == pairs


def test_communities_partition_the_units(projection, table):
    groups = communities(projection)
    assert sorted(n for g in groups for n in g) == sorted(projection.nodes)
    assert len(groups) >= 2
    assert set(table["community"]) == set(range(len(groups)))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_files_round_trip(net, table, tmp_path, fmt):
    path = write_network(annotate(net.copy(), table), tmp_path / f"n.{fmt}", fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == net.number_of_nodes() and back.number_of_edges() == 78
    civil = node_named(net, "市民政局")
    assert back.nodes[civil]["label"] == "市民政局"
    assert float(back.nodes[civil]["betweenness"]) == table.iloc[0]["betweenness"]


def test_cli_network(tmp_path, capsys):
    seed = str(ROOT / "corpus" / "weihai-2018-39.txt")
    assert dkg(["network", seed, "--top", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[:3] == ["市民政局", "威海市", "11"]
    out = tmp_path / "units.gexf"
    assert dkg(["network", seed, "-o", str(out), "--projection"]) == 0
    assert nx.read_gexf(out).number_of_nodes() == 37


def test_network_page_is_offline_and_escaped(projection):
    page = network_html(projection)
    assert "new vis.Network" in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    evil = nx.Graph()
    evil.add_node("u", kind="unit", label="<img src=x onerror=alert(1)>", place="")
    assert "<img src=x" not in network_html(evil)
    assert strip_external('<script src="https://cdn.example/x.js"></script><p>') == "<p>"
