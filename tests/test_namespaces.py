"""Every namespace IRI is spelled exactly as its standard publishes it.

Sources (the namespace IRI as written in each specification):
- ELI ontology: http://data.europa.eu/eli/ontology# (Publications Office of the EU, ELI ontology 1.x)
- W3C Organization Ontology, REC 2014-01-16, §1: http://www.w3.org/ns/org#
- SKOS Reference, W3C REC 2009-08-18, §1.3: http://www.w3.org/2004/02/skos/core#
- DCMI Metadata Terms: http://purl.org/dc/terms/
- PROV-O, W3C REC 2013-04-30: http://www.w3.org/ns/prov#
- Web Annotation Vocabulary, W3C REC 2017-02-23: http://www.w3.org/ns/oa#
- Time Ontology in OWL, W3C: http://www.w3.org/2006/time#
- QUDT 2.1: schema http://qudt.org/schema/qudt/, units http://qudt.org/vocab/unit/,
  currencies http://qudt.org/vocab/currency/
- SHACL, W3C REC 2017-07-20: http://www.w3.org/ns/shacl#
"""

from __future__ import annotations

import re

import pytest
from graph_seed import gold_directive
from rdflib import Graph

from graph import namespaces as ns
from graph.build import build_graph
from ontology import ontology_path, shapes_path


@pytest.fixture(scope="module")
def gold_seed():
    return gold_directive()


STANDARD = {
    "ELI": "http://data.europa.eu/eli/ontology#",
    "ORG": "http://www.w3.org/ns/org#",
    "SKOS": "http://www.w3.org/2004/02/skos/core#",
    "DCTERMS": "http://purl.org/dc/terms/",
    "PROV": "http://www.w3.org/ns/prov#",
    "OA": "http://www.w3.org/ns/oa#",
    "TIME": "http://www.w3.org/2006/time#",
    "QUDT": "http://qudt.org/schema/qudt/",
    "UNIT": "http://qudt.org/vocab/unit/",
    "CUR": "http://qudt.org/vocab/currency/",
    "SH": "http://www.w3.org/ns/shacl#",
    "RDF": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "RDFS": "http://www.w3.org/2000/01/rdf-schema#",
    "OWL": "http://www.w3.org/2002/07/owl#",
    "XSD": "http://www.w3.org/2001/XMLSchema#",
    "DKG": "https://w3id.org/directive-kg/ontology#",
    "ID": "https://w3id.org/directive-kg/id/",
}


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_namespace_spelling(name: str) -> None:
    assert str(getattr(ns, name)) == STANDARD[name]


def test_prefix_table_matches_the_standards() -> None:
    expected = {"dkg": "DKG", "id": "ID", "eli": "ELI", "org": "ORG", "skos": "SKOS", "dcterms": "DCTERMS",
                "prov": "PROV", "oa": "OA", "time": "TIME", "qudt": "QUDT", "unit": "UNIT", "cur": "CUR",
                "rdf": "RDF", "rdfs": "RDFS", "owl": "OWL", "xsd": "XSD"}
    assert {p: str(v) for p, v in ns.PREFIXES.items()} == {p: STANDARD[n] for p, n in expected.items()}


@pytest.mark.parametrize("data_file", [ontology_path, shapes_path], ids=["dkg.ttl", "shapes.ttl"])
def test_turtle_files_declare_the_standard_namespaces(data_file) -> None:
    text = data_file().read_text(encoding="utf-8")
    declared = dict(re.findall(r"@prefix\s+(\w*):\s+<([^>]+)>", text))
    for prefix, iri in declared.items():
        if prefix in ns.PREFIXES:
            assert iri == str(ns.PREFIXES[prefix]), prefix
        elif prefix == "sh":
            assert iri == STANDARD["SH"]
    assert {"dkg", "eli", "org", "skos", "dcterms", "prov", "time", "qudt"} <= set(declared)


def test_no_misspelled_standard_namespace_anywhere() -> None:
    """Common misspellings (https for W3C, slash for hash, missing 'ontology') appear in no data file."""
    wrong = ["https://www.w3.org/ns/", "http://www.w3.org/ns/org/", "http://www.w3.org/ns/prov/",
             "http://www.w3.org/2006/time/", "http://data.europa.eu/eli/ontology/", "http://purl.org/dc/terms#",
             "http://qudt.org/schema/qudt#", "http://www.w3.org/2004/02/skos/core/"]
    for data_file in (ontology_path(), shapes_path()):
        text = data_file.read_text(encoding="utf-8")
        assert not [w for w in wrong if w in text], data_file.name


def test_graph_binds_the_standard_prefixes(gold_seed) -> None:
    graph = build_graph([gold_seed])
    bound = {p: str(iri) for p, iri in graph.namespaces()}
    for prefix in ("eli", "org", "skos", "dcterms", "prov", "oa", "time", "qudt", "dkg", "id"):
        assert bound[prefix] == str(ns.PREFIXES[prefix])


def test_every_dkg_term_the_builder_uses_is_declared_in_the_ontology(gold_seed) -> None:
    ontology = Graph().parse(data=ontology_path().read_text(encoding="utf-8"), format="turtle")
    declared = {s for s in ontology.subjects() if str(s).startswith(str(ns.DKG))}
    graph = build_graph([gold_seed])
    used = {t for triple in graph for t in triple[:2] + (triple[2],)
            if str(t).startswith(str(ns.DKG)) and "/" not in str(t)[len(str(ns.DKG)):]}
    assert used and used <= declared, sorted(used - declared)
