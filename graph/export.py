"""RDF exports of a directive graph: Turtle, JSON-LD with a context, N-Triples.

- Turtle (W3C REC 2014-02-25) with the project's prefixes;
- JSON-LD 1.1 (W3C REC 2020-07-16), compacted with an embedded ``@context`` that maps every
  prefix of ``graph.namespaces.PREFIXES`` (so the file needs no network to be read back);
- N-Triples (W3C REC 2014-02-25), one triple per line, for line-oriented tools.
Files are written atomically (``graph.store.save_graph``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph

from graph.namespaces import PREFIXES
from graph.store import save_graph

#: format name -> usual file suffix
EXPORT_FORMATS: dict[str, str] = {"turtle": ".ttl", "json-ld": ".jsonld", "nt": ".nt"}
_SUFFIXES = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt"}


def jsonld_context() -> dict[str, str]:
    """The JSON-LD ``@context``: prefix -> namespace IRI for every project prefix."""
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def format_for(path: str | Path) -> str | None:
    """The export format a file name implies (``.ttl``, ``.jsonld``/``.json``, ``.nt``), or None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def _options(fmt: str) -> dict[str, Any]:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return {"context": jsonld_context(), "auto_compact": True} if fmt == "json-ld" else {}


def serialize(graph: Graph, fmt: str) -> str:
    """Return ``graph`` serialised as ``fmt`` (``turtle``, ``json-ld``, ``nt``). Raises ValueError."""
    options = _options(fmt)
    return graph.serialize(format=fmt, **options)


def export_graph(graph: Graph, fmt: str, path: str | Path) -> Path:
    """Write ``graph`` as ``fmt`` to ``path`` atomically; return ``path``. Raises ValueError."""
    return save_graph(graph, path, fmt=fmt, **_options(fmt))
