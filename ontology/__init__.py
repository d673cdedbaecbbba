"""Ontology data files: the OWL ontology, the SHACL shapes and small lookup tables.

Files are found with ``importlib.resources``, so they work from a checkout and from an installed
wheel alike. Names: ``dkg.ttl`` (OWL, our terms), ``shapes.ttl`` (SHACL), ``qudt_units.csv``
(unit as written -> QUDT unit IRI).
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

ONTOLOGY = "dkg.ttl"
SHAPES = "shapes.ttl"
QUDT_UNITS = "qudt_units.csv"


def data_file(name: str) -> Traversable:
    """Return the packaged data file ``name`` of this package. Raises FileNotFoundError if absent."""
    path = files(__name__) / name
    if not path.is_file():
        raise FileNotFoundError(f"ontology data file not found: {name}")
    return path


def ontology_path() -> Traversable:
    """The OWL ontology ``dkg.ttl`` (Turtle)."""
    return data_file(ONTOLOGY)


def shapes_path() -> Traversable:
    """The SHACL shapes ``shapes.ttl`` (Turtle)."""
    return data_file(SHAPES)


def qudt_units_path() -> Traversable:
    """The table ``qudt_units.csv``: columns ``unit_text, qudt_iri, note``."""
    return data_file(QUDT_UNITS)
