"""Targets (QUDT quantity values) and deadlines (OWL-Time) of one directive as triples.

- Target: ``dkg:Target`` with ``dkg:comparator`` and either ``dkg:quantity`` (one
  ``qudt:QuantityValue``) or, for ``range``, ``dkg:lowerBound`` and ``dkg:upperBound``. A
  quantity value has ``qudt:numericValue`` (``xsd:decimal``), ``qudt:unit`` from the QUDT unit or
  currency vocabulary when ``ontology/qudt_units.csv`` maps the written unit, and always
  ``dkg:unitText`` (the unit as written). QUDT 2.1: http://qudt.org/schema/qudt/.
- Deadline: ``dkg:Deadline`` and ``time:TemporalEntity``; a ``time:Instant`` with
  ``time:inXSDDate`` when it has only an end date, else a ``time:Interval`` with
  ``time:hasBeginning``/``time:hasEnd`` instants (OWL-Time, W3C CR 2022-11-15).
Both carry ``dkg:section`` and their source span, and are linked from their task by
``dkg:hasTarget`` / ``dkg:hasDeadline``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import Literal, URIRef

from extract.model import Deadline, Target
from graph import spans
from graph.iris import fact_iri
from graph.namespaces import DCTERMS, DKG, QUDT, RDF, TIME, XSD
from graph.provenance import DocContext, add_provenance
from ontology import qudt_units_path

#: (section, char_start) -> the task IRI the fact belongs to, or None
TaskFinder = Callable[[str, int], URIRef | None]


@lru_cache(maxsize=1)
def qudt_units() -> dict[str, URIRef]:
    """Map a unit as written (``元``, ``平方米``, ``%``) to its QUDT IRI, from ``qudt_units.csv``."""
    with qudt_units_path().open(encoding="utf-8", newline="") as stream:
        return {row["unit_text"]: URIRef(row["qudt_iri"]) for row in csv.DictReader(stream)}


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def canonical_decimal(number: Decimal) -> str:
    """The canonical ``xsd:decimal`` lexical form (XML Schema 1.0 §3.2.3.2): ``36000.0``, ``3.6``.

    Turtle writes decimals with a point, so only the canonical form survives a round trip.
    """
    text = format(number.normalize(), "f")
    return text if "." in text else f"{text}.0"


def _quantity(ctx: DocContext, node: URIRef, value: object, unit_text: str) -> URIRef | None:
    """Write a ``qudt:QuantityValue`` at ``node``; None (nothing written) if ``value`` is no number."""
    number = _decimal(value)
    if number is None:
        return None
    g = ctx.graph
    g.add((node, RDF.type, QUDT.QuantityValue))
    g.add((node, QUDT.numericValue, Literal(canonical_decimal(number), datatype=XSD.decimal)))
    g.add((node, DKG.unitText, Literal(unit_text)))
    qudt_unit = qudt_units().get(unit_text.strip())
    if qudt_unit is not None:
        g.add((node, QUDT.unit, qudt_unit))
    return node


def add_target(ctx: DocContext, target: Target, n: int, task_for: TaskFinder) -> URIRef:
    """Write the ``n``-th target of the directive; return its IRI.

    A value that does not fit the comparator (a list without ``range``, a scalar with it) is
    written without a quantity, so SHACL validation reports it instead of the build guessing.
    """
    g = ctx.graph
    node = fact_iri(ctx.doc, "target", n)
    g.add((node, RDF.type, DKG.Target))
    g.add((node, DKG.inDirective, ctx.doc))
    if target.section:  # none for a fact outside every numbered item
        g.add((node, DKG.section, Literal(target.section)))
    g.add((node, DKG.comparator, Literal(target.comparator)))
    g.add((node, DCTERMS.description, Literal(target.text, lang="zh")))
    for prop, value in ((DKG.per, target.per), (DKG.subject, target.subject)):
        if value:
            g.add((node, prop, Literal(value)))
    value = target.value
    if target.comparator == "range":
        if isinstance(value, list | tuple) and len(value) == 2:
            for prop, part, v in ((DKG.lowerBound, "lower", value[0]), (DKG.upperBound, "upper", value[1])):
                if _quantity(ctx, URIRef(f"{node}/{part}"), v, target.unit) is not None:
                    g.add((node, prop, URIRef(f"{node}/{part}")))
    elif not isinstance(value, list | tuple):
        if _quantity(ctx, URIRef(f"{node}/quantity"), value, target.unit) is not None:
            g.add((node, DKG.quantity, URIRef(f"{node}/quantity")))
    _attach(ctx, node, target, task_for, DKG.hasTarget)
    return node


def iso_date(value: str | None) -> Literal | None:
    """``value`` as an ``xsd:date`` literal when it is an ISO ``YYYY-MM-DD`` date, else None."""
    if not value:
        return None
    try:
        return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
    except ValueError:
        return None


def _instant(ctx: DocContext, node: URIRef, day: Literal) -> URIRef:
    ctx.graph.add((node, RDF.type, TIME.Instant))
    ctx.graph.add((node, TIME.inXSDDate, day))
    return node


def add_deadline(ctx: DocContext, deadline: Deadline, n: int, task_for: TaskFinder) -> URIRef:
    """Write the ``n``-th deadline of the directive as an OWL-Time instant or interval; return its IRI.

    Dates that are not ISO ``YYYY-MM-DD`` are left out (SHACL then reports a ``by`` deadline
    without an end, or a ``from`` deadline without a beginning).
    """
    g = ctx.graph
    node = fact_iri(ctx.doc, "deadline", n)
    g.add((node, RDF.type, DKG.Deadline))
    g.add((node, RDF.type, TIME.TemporalEntity))
    g.add((node, DKG.inDirective, ctx.doc))
    if deadline.section:  # none for a fact outside every numbered item
        g.add((node, DKG.section, Literal(deadline.section)))
    g.add((node, DKG.deadlineKind, Literal(deadline.kind)))
    g.add((node, DCTERMS.description, Literal(deadline.text, lang="zh")))
    if deadline.about:
        g.add((node, DKG.about, Literal(deadline.about)))
    start, end = iso_date(deadline.start), iso_date(deadline.end)
    if start is None and end is not None:
        _instant(ctx, node, end)
    else:
        g.add((node, RDF.type, TIME.Interval))
        if start is not None:
            g.add((node, TIME.hasBeginning, _instant(ctx, URIRef(f"{node}/beginning"), start)))
        if end is not None:
            g.add((node, TIME.hasEnd, _instant(ctx, URIRef(f"{node}/end"), end)))
    _attach(ctx, node, deadline, task_for, DKG.hasDeadline)
    return node


def _attach(ctx, node, fact, task_for, prop) -> None:  # noqa: ANN001
    """Record the fact's source span and link it from the task that holds it (by section and offset)."""
    span = spans.resolve(ctx.text, fact.char_start, fact.char_end, fact.text)
    add_provenance(ctx, node, span)
    task = task_for(fact.section, span[0] if span else -1)
    if task is not None:
        ctx.graph.add((task, prop, node))
