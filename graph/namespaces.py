"""RDF namespaces of the directive knowledge graph.

Every IRI here is spelled exactly as its standard publishes it (``tests/test_namespaces.py``
checks each against the specification):

- ELI: European Legislation Identifier ontology, http://data.europa.eu/eli/ontology#
- ORG: W3C Organization Ontology (REC 2014-01-16), http://www.w3.org/ns/org#
- SKOS: W3C SKOS Reference (REC 2009-08-18), http://www.w3.org/2004/02/skos/core#
- DCTERMS: DCMI Metadata Terms, http://purl.org/dc/terms/
- PROV: W3C PROV-O (REC 2013-04-30), http://www.w3.org/ns/prov#
- OA: W3C Web Annotation Vocabulary (REC 2017-02-23), http://www.w3.org/ns/oa#
- TIME: W3C OWL-Time (2017/2022), http://www.w3.org/2006/time#
- QUDT: QUDT 2.1 schema http://qudt.org/schema/qudt/, units http://qudt.org/vocab/unit/,
  currencies http://qudt.org/vocab/currency/
- SH: W3C SHACL (REC 2017-07-20), http://www.w3.org/ns/shacl#

Our own terms live under ``dkg:`` (https://w3id.org/directive-kg/ontology#, defined in
``ontology/dkg.ttl``) and data under ``id:`` (https://w3id.org/directive-kg/id/).
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF, RDFS, XSD

DKG = Namespace("https://w3id.org/directive-kg/ontology#")
ID = Namespace("https://w3id.org/directive-kg/id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
CUR = Namespace("http://qudt.org/vocab/currency/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: prefix -> namespace, the order used in serialisations and SPARQL prologues.
PREFIXES: dict[str, Namespace] = {
    "dkg": DKG,
    "id": ID,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "oa": OA,
    "time": TIME,
    "qudt": QUDT,
    "unit": UNIT,
    "cur": CUR,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
}

__all__ = [
    "CUR", "DCTERMS", "DKG", "ELI", "ID", "OA", "ORG", "OWL", "PREFIXES", "PROV", "QUDT", "RDF",
    "RDFS", "SH", "SKOS", "TIME", "UNIT", "XSD", "bind_prefixes", "sparql_prologue",
]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every prefix of ``PREFIXES`` on ``graph`` (replacing rdflib defaults); return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """Return ``PREFIX`` lines for every namespace of ``PREFIXES`` (one per line)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
