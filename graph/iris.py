"""Stable IRIs of the directive knowledge graph (``id:`` namespace).

An IRI depends only on what identifies the thing in the document — its document id (the file
stem) and numbering path, or its name — never on a run, a counter over several files, or a
hash, so rebuilding the same corpus mints the same IRIs. Non-ASCII characters are
percent-encoded (RFC 3986 ``quote``), so every IRI is plain ASCII and safe in any RDF syntax or
tool; ``( ) . - _ ~`` are kept readable.

Patterns (``{}`` is the percent-encoded value):
    id:doc/{docid}                                the directive
    id:doc/{docid}/sec/{number}                   a numbered item (structure)
    id:doc/{docid}/task/{number}[-2, -3 …]        a task (one per responsibility clause)
    id:doc/{docid}/target/{n}, /deadline/{n}      the n-th target / deadline (1-based)
    id:doc/{docid}/cite/{n}                       the n-th citation statement (provenance)
    id:cited/{doc number or title}                a cited document, shared across directives
    id:unit/{name}                                a unit known only by its written name
    id:place/{name}                               a place (the body a unit belongs to)
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

from graph.namespaces import DKG, ID

_SAFE = "()"


def slug(text: str) -> str:
    """Return ``text`` percent-encoded for one IRI path segment (``/`` is encoded too).

    ``"二.(五)"`` -> ``"%E4%BA%8C.(%E4%BA%94)"``.
    """
    return quote(text.strip(), safe=_SAFE)


def doc_iri(doc_id: str) -> URIRef:
    """IRI of the directive whose id (file stem) is ``doc_id``."""
    return ID[f"doc/{slug(doc_id)}"]


def section_iri(doc: URIRef, number: str) -> URIRef:
    """IRI of the numbered item ``number`` (``二.(五)``) of directive ``doc``."""
    return URIRef(f"{doc}/sec/{slug(number)}")


def task_iri(doc: URIRef, number: str, repeat: int = 1) -> URIRef:
    """IRI of the ``repeat``-th task (1-based) carrying ``number`` in directive ``doc``."""
    suffix = "" if repeat <= 1 else f"-{repeat}"
    return URIRef(f"{doc}/task/{slug(number)}{suffix}")


def fact_iri(doc: URIRef, kind: str, n: int) -> URIRef:
    """IRI of the ``n``-th (1-based) fact of ``kind`` (``target``, ``deadline``, ``cite``) in ``doc``."""
    return URIRef(f"{doc}/{kind}/{n}")


def cited_iri(doc_number: str | None, title: str | None) -> URIRef:
    """IRI of a cited document: by its document number when known, else by its title."""
    key = doc_number or title or ""
    return ID[f"cited/{slug(key)}"]


def unit_iri(name: str) -> URIRef:
    """IRI of a unit known only by its written ``name`` (the fallback without a unit registry)."""
    return ID[f"unit/{slug(name)}"]


def place_iri(place: str) -> URIRef:
    """IRI of the place (city, province …) a unit belongs to."""
    return ID[f"place/{slug(place)}"]


def unit_type_iri(unit_type: str) -> URIRef:
    """IRI of a concept of the unit-type scheme: ``dkg:unitType/{type}``."""
    return DKG[f"unitType/{slug(unit_type)}"]
