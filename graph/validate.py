"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl).

The data graph is validated as built (no RDFS/OWL inference: the builder states every type the
shapes need, e.g. a safeguard is typed both ``dkg:Safeguard`` and ``dkg:Task``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate
from rdflib import Graph

from graph.namespaces import SH
from ontology import shapes_path


@dataclass
class ValidationResult:
    """The outcome of SHACL validation.

    Attributes:
        conforms: True when the graph satisfies every shape.
        report_text: pyshacl's human-readable report (``Conforms: True`` or each violation).
        report: the SHACL validation report as a graph (``sh:ValidationReport``).
    """

    conforms: bool
    report_text: str
    report: Graph

    @property
    def violations(self) -> int:
        """Number of ``sh:ValidationResult`` entries in the report."""
        return sum(1 for _ in self.report.subjects(predicate=SH.resultSeverity))


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes of ``ontology/shapes.ttl``, parsed once."""
    return Graph().parse(data=shapes_path().read_text(encoding="utf-8"), format="turtle")


def validate_graph(graph: Graph) -> ValidationResult:
    """Validate ``graph`` against the project's SHACL shapes; return conformance and report."""
    data = graph if graph.store.__class__.__name__ == "Memory" else _in_memory(graph)
    conforms, report, text = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=False
    )
    return ValidationResult(conforms=bool(conforms), report_text=str(text), report=report)


def _in_memory(graph: Graph) -> Graph:
    """Copy a graph on another store (e.g. Oxigraph) into memory for pyshacl."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy
