"""Network analysis of who works with whom (networkx), and GraphML/GEXF files for Gephi.

- ``bipartite_graph(graph)``: an undirected ``networkx.Graph`` with a node per task
  (``kind="task"``) and per unit (``kind="unit"``); an edge per assignment with ``role`` ``"lead"``
  or ``"responsible"`` (lead wins if a unit holds both roles on one task).
- ``unit_projection(bipartite)``: units only, an edge between two units that share tasks with
  ``weight`` = number of shared tasks (``networkx.algorithms.bipartite.weighted_projected_graph``).
- ``centrality_table(bipartite, projection)``: per unit its degree in the bipartite graph (tasks
  it carries), lead/responsible counts, degree centrality and betweenness centrality on the
  projection, weighted degree (shared-task ties) and its community (greedy modularity
  maximisation, Clauset–Newman–Moore 2004, ``networkx.algorithms.community``; deterministic).
- ``write_network(g, path, fmt)``: GraphML or GEXF (attributes without ``None`` values).
Node ids are the RDF IRIs, so files join back to the knowledge graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pandas as pd
from networkx.algorithms import bipartite as nx_bipartite
from networkx.algorithms import community as nx_community
from rdflib import Graph

from graph.query import run_named

FORMATS = ("graphml", "gexf")


def _label(value: object, fallback: str) -> str:
    return value if isinstance(value, str) and value else fallback


def bipartite_graph(graph: Graph) -> nx.Graph:
    """Return the task–unit bipartite graph of every directive in ``graph``.

    Node attributes: tasks ``kind="task", bipartite=0, label, document, number, title``;
    units ``kind="unit", bipartite=1, label`` (Chinese), ``label_en``, ``place``.
    Edge attribute: ``role`` (``lead`` / ``responsible``).
    """
    rows = run_named(graph, "assignments")
    net = nx.Graph()
    for _, r in rows.drop_duplicates("task").iterrows():
        net.add_node(r["task"], kind="task", bipartite=0, document=r["document"], number=r["number"],
                     title=_label(r["title"], ""), label=f"{r['document']} {r['number']}")
    for _, r in rows.dropna(subset=["unit"]).iterrows():
        if r["unit"] not in net:
            net.add_node(r["unit"], kind="unit", bipartite=1, label=_label(r["unit_zh"], r["unit"]),
                         label_en=_label(r["unit_en"], ""), place=_label(r["place"], ""))
        if net.get_edge_data(r["task"], r["unit"], {}).get("role") != "lead":
            net.add_edge(r["task"], r["unit"], role=r["role"])
    return net


def units_of(net: nx.Graph) -> list[str]:
    """The unit nodes of a bipartite graph from ``bipartite_graph``."""
    return [n for n, kind in net.nodes(data="kind") if kind == "unit"]


def tasks_of(net: nx.Graph) -> list[str]:
    """The task nodes of a bipartite graph from ``bipartite_graph``."""
    return [n for n, kind in net.nodes(data="kind") if kind == "task"]


def unit_projection(net: nx.Graph) -> nx.Graph:
    """Project ``net`` onto its units; edge ``weight`` = number of tasks the two units share.

    A graph without units (no tasks, or tasks that name no unit) projects to an empty graph.
    """
    units = units_of(net)
    return nx_bipartite.weighted_projected_graph(net, units) if units else nx.Graph()


def communities(projection: nx.Graph) -> list[set[str]]:
    """Communities of the unit projection (greedy modularity, weighted), largest first."""
    if projection.number_of_edges() == 0:
        return [{n} for n in projection]
    found = nx_community.greedy_modularity_communities(projection, weight="weight")
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def centrality_table(net: nx.Graph, projection: nx.Graph | None = None) -> pd.DataFrame:
    """Return one row per unit with its network measures, highest degree first.

    Columns: ``unit`` (IRI), ``label``, ``place``, ``degree`` (tasks, bipartite degree), ``lead``,
    ``responsible``, ``partners`` (projection degree), ``shared_tasks`` (weighted projection
    degree), ``degree_centrality`` and ``betweenness`` (on the projection, normalised to 0..1),
    ``community`` (0 = largest).
    """
    projection = projection if projection is not None else unit_projection(net)
    degree_c = nx.degree_centrality(projection) if len(projection) > 1 else dict.fromkeys(projection, 0.0)
    between = nx.betweenness_centrality(projection, normalized=True)
    member = {u: i for i, group in enumerate(communities(projection)) for u in group}
    rows = []
    for unit in units_of(net):
        roles = [d["role"] for _, _, d in net.edges(unit, data=True)]
        rows.append({
            "unit": unit, "label": net.nodes[unit]["label"], "place": net.nodes[unit]["place"],
            "degree": net.degree(unit), "lead": roles.count("lead"),
            "responsible": roles.count("responsible"), "partners": projection.degree(unit),
            "shared_tasks": projection.degree(unit, weight="weight"),
            "degree_centrality": round(degree_c.get(unit, 0.0), 4),
            "betweenness": round(between.get(unit, 0.0), 4), "community": member.get(unit, -1),
        })
    table = pd.DataFrame(rows, columns=["unit", "label", "place", "degree", "lead", "responsible", "partners",
                                        "shared_tasks", "degree_centrality", "betweenness", "community"])
    return table.sort_values(["degree", "lead", "label"], ascending=[False, False, True], ignore_index=True)


def annotate(net: nx.Graph, table: pd.DataFrame) -> nx.Graph:
    """Copy the measures of ``table`` onto the unit nodes of ``net`` (for Gephi); return ``net``."""
    for row in table.to_dict("records"):
        if row["unit"] in net:
            net.nodes[row["unit"]].update({k: row[k] for k in ("degree_centrality", "betweenness", "community")})
    return net


def write_network(net: nx.Graph, path: str | Path | BinaryIO, fmt: str) -> str | Path | BinaryIO:
    """Write ``net`` as ``graphml`` or ``gexf`` to ``path`` (a file or binary stream); return it.

    ``None`` attributes become ``""`` (neither format has a null).

    Raises:
        ValueError: an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; choose one of {', '.join(FORMATS)}")
    clean = net.copy()
    for _, data in clean.nodes(data=True):
        data.update({k: "" for k, v in data.items() if v is None})
    writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    writer(clean, path if hasattr(path, "write") else str(path))
    return path
