"""Provenance of facts: W3C PROV-O plus Web Annotation text-position selectors.

Each fact gets ``prov:wasDerivedFrom <fact>/source``, an ``oa:SpecificResource`` whose
``oa:hasSource`` is the directive and whose ``oa:hasSelector`` is an ``oa:TextPositionSelector``
with ``oa:start``/``oa:end`` (``xsd:nonNegativeInteger``, half-open code-point offsets into the
directive's ``dkg:sourceText``), plus ``dkg:quote``, the selected text itself. Sources: PROV-O
(W3C REC 2013-04-30) and the Web Annotation Vocabulary §4.2.4 (W3C REC 2017-02-23).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from graph.namespaces import DKG, OA, PROV, RDF, XSD


@dataclass
class DocContext:
    """What every triple writer of one directive needs.

    Attributes:
        graph: the graph being built.
        doc: the directive's IRI.
        text: the directive's original text (offsets index into it).
    """

    graph: Graph
    doc: URIRef
    text: str


def add_provenance(
    ctx: DocContext, fact: URIRef, span: tuple[int, int] | None, source: URIRef | None = None
) -> URIRef | None:
    """Attach the source span ``span`` of ``fact``; return the SpecificResource node, or None.

    ``source`` names the SpecificResource (default ``<fact>/source``; a node shared by several
    documents, such as a cited document, passes one per statement). Nothing is written when
    ``span`` is None (the source could not be found); SHACL then reports the missing provenance.
    """
    if span is None:
        return None
    start, end = span
    source = source if source is not None else URIRef(f"{fact}/source")
    selector = URIRef(f"{source}/selector")
    g = ctx.graph
    g.add((fact, PROV.wasDerivedFrom, source))
    g.add((source, RDF.type, OA.SpecificResource))
    g.add((source, OA.hasSource, ctx.doc))
    g.add((source, OA.hasSelector, selector))
    g.add((source, DKG.quote, Literal(ctx.text[start:end])))
    g.add((selector, RDF.type, OA.TextPositionSelector))
    g.add((selector, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((selector, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    return source
