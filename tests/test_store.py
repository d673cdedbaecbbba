"""Saving and loading graphs: atomic writes, Turtle round trips, the swappable store, exports."""

from __future__ import annotations

import json
import os

import pytest
from graph_seed import gold_directive
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.build import build_graph
from graph.export import export_graph, format_for, jsonld_context, serialize
from graph.namespaces import PREFIXES
from graph.store import atomic_write, load_graph, open_graph, save_graph


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph([gold_directive()])


def test_turtle_round_trip(graph, tmp_path) -> None:
    path = save_graph(graph, tmp_path / "out" / "seed.ttl")
    assert path.read_text(encoding="utf-8").startswith("@prefix")
    assert isomorphic(load_graph(path), graph)
    assert oct(path.stat().st_mode & 0o777) != oct(0o600)  # not mkstemp's private mode


def test_failed_save_leaves_the_old_file_intact(graph, tmp_path) -> None:
    path = save_graph(graph, tmp_path / "seed.ttl")
    before = path.read_bytes()

    broken = build_graph([gold_directive()])

    def fail_mid_write(destination, format, encoding, **_):  # noqa: A002 (rdflib's name)
        destination.write(b"@prefix dkg: <https://w3id.org/directive-kg/ontology#> .\n<half")
        raise RuntimeError("disk full")

    broken.serialize = fail_mid_write
    with pytest.raises(RuntimeError, match="disk full"):
        save_graph(broken, path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["seed.ttl"]  # no temporary file left behind


def test_atomic_write_never_creates_a_partial_new_file(tmp_path) -> None:
    def fail(stream) -> None:
        stream.write(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "new.ttl", fail)
    assert list(tmp_path.iterdir()) == []


def test_oxigraph_store_loads_the_same_graph(graph, tmp_path) -> None:
    path = save_graph(graph, tmp_path / "seed.ttl")
    ox = load_graph(path, store="oxigraph")
    assert ox.store.__class__.__name__ == "OxigraphStore"
    assert len(ox) == len(graph)
    assert open_graph("oxigraph").store.__class__.__name__ == "OxigraphStore"
    with pytest.raises(ValueError, match="unknown store"):
        open_graph("postgres")


def test_missing_graph_file(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        load_graph(tmp_path / "nothing.ttl")


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt"])
def test_exports_read_back_to_the_same_graph(graph, tmp_path, fmt) -> None:
    path = export_graph(graph, fmt, tmp_path / f"seed.{fmt}")
    again = Graph().parse(path, format=fmt)
    assert isomorphic(again, graph)
    assert len(again) == len(graph)


def test_jsonld_has_a_context_with_every_prefix(graph) -> None:
    data = json.loads(serialize(graph, "json-ld"))
    assert data["@context"] == {p: str(ns) for p, ns in PREFIXES.items()} == jsonld_context()
    assert data["@context"]["eli"] == "http://data.europa.eu/eli/ontology#"
    nodes = data["@graph"]
    assert any(n.get("eli:number") == "二.(五)" for n in nodes)  # compacted with the prefixes


def test_ntriples_is_one_triple_per_line(graph) -> None:
    lines = [line for line in serialize(graph, "nt").splitlines() if line.strip()]
    assert len(lines) == len(graph)
    assert all(line.endswith(" .") for line in lines)


def test_format_from_suffix() -> None:
    assert [format_for(n) for n in ("a.ttl", "a.jsonld", "a.json", "a.nt", "a.xml")] == [
        "turtle", "json-ld", "json-ld", "nt", None]
    with pytest.raises(ValueError):
        serialize(Graph(), "rdf/xml")
