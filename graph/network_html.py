"""A self-contained interactive HTML view of a unit network (pyvis / vis-network).

``network_html(net)`` draws a networkx graph from ``graph/network.py`` with pyvis, its
JavaScript inlined (``cdn_resources="in_line"``) and every external reference pyvis's template
adds anyway (Bootstrap from a CDN, a commented ``node_modules`` path) removed, so the page makes
no network request. Labels and tooltips are HTML-escaped: vis-network may render a tooltip
string as HTML, and unit names come from documents.
"""

from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

_EXTERNAL = [
    re.compile(r"<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<script\b[^>]*\bsrc=\"(?:https?:)?//[^\"]*\"[^>]*>\s*</script>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<link\b[^>]*\bhref=\"\.\./node_modules/[^\"]*\"[^>]*>", re.IGNORECASE),
    re.compile(r"<script\b[^>]*\bsrc=\"\.\./node_modules/[^\"]*\"[^>]*>\s*</script>", re.IGNORECASE),
]
#: node colour by kind / community (colour-blind-safe Okabe–Ito palette)
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]
ROLE_COLOURS = {"lead": "#D55E00", "responsible": "#0072B2"}


def strip_external(page: str) -> str:
    """``page`` without ``<link>``/``<script src>`` tags that point to another host or node_modules."""
    for pattern in _EXTERNAL:
        page = pattern.sub("", page)
    return page


def _node_options(data: dict, node: str) -> dict:
    label = str(data.get("label") or node)
    tip = [label, str(data.get("label_en") or ""), str(data.get("place") or ""), str(data.get("title") or "")]
    options = {"label": html.escape(label), "title": html.escape(" · ".join(t for t in tip if t))}
    if data.get("kind") == "task":
        options.update(shape="box", color="#DDDDDD", size=8)
    else:
        options.update(shape="dot", color=PALETTE[int(data.get("community", 0) or 0) % len(PALETTE)])
    return options


def network_html(net: nx.Graph, height: str = "640px") -> str:
    """Return a standalone HTML page drawing ``net`` (bipartite graph or unit projection).

    Unit nodes are coloured by ``community`` and sized by ``degree`` when those attributes are
    set (``graph.network.annotate``); bipartite edges are coloured by ``role``, projection edges
    are as wide as their ``weight`` (shared tasks).
    """
    view = Network(height=height, width="100%", cdn_resources="in_line", notebook=False)
    degree = dict(net.degree())
    for node, data in net.nodes(data=True):
        view.add_node(str(node), value=max(1, degree.get(node, 1)), **_node_options(data, str(node)))
    for a, b, data in net.edges(data=True):
        role = data.get("role")
        extra = {"color": ROLE_COLOURS[role], "title": html.escape(role)} if role in ROLE_COLOURS else {}
        if "weight" in data:
            extra.update(value=float(data["weight"]), title=f"{int(data['weight'])} shared tasks")
        view.add_edge(str(a), str(b), **extra)
    view.toggle_physics(True)
    return strip_external(view.generate_html())
