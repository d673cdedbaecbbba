"""Directive records -> RDF triples (the shared vocabulary of ``ontology/dkg.ttl``).

``build_graph(directives)`` returns an rdflib ``Graph``; ``add_directive(graph, directive)``
adds one document. IRIs are stable (``graph/iris.py``: document id + numbering path, one node
per unit), and every task, assignment, target, deadline and citation carries its source span
(``graph/provenance.py``). Units come from the unit registry through ``resolve_units``
(``graph/organisations.py``), which falls back to one node per written name.

Vocabulary: ELI (directive, subdivisions, numbers, citations), W3C ORG + SKOS (units), DCTERMS,
PROV-O + Web Annotation selectors (provenance), QUDT and OWL-Time (``graph/quantities.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from extract.model import Directive, Task, UnitMention
from graph import spans
from graph.iris import cited_iri, doc_iri, fact_iri, section_iri, slug, task_iri
from graph.namespaces import DCTERMS, DKG, ELI, ORG, RDF, SKOS, bind_prefixes
from graph.organisations import add_organisation, add_registry_context, resolve_units
from graph.provenance import DocContext, add_provenance
from graph.quantities import add_deadline, add_target, iso_date

__all__ = ["add_directive", "build_graph", "directive_id", "resolve_units"]

ROLES = (("lead", DKG.leadUnit), ("responsible", DKG.responsibleUnit))


def build_graph(directives: Iterable[Directive], graph: Graph | None = None) -> Graph:
    """Return a graph holding every directive of ``directives`` (added to ``graph`` if given)."""
    graph = bind_prefixes(graph if graph is not None else Graph())
    orgs: dict[str, Any] = {}
    for directive in directives:
        _, used = _add_directive(graph, directive)
        orgs.update((o.iri, o) for o in used)
    add_registry_context(graph, orgs.values())
    return graph


def directive_id(directive: Directive) -> str:
    """The document id: ``directive.id``, else the stem of ``directive.source``.

    Raises:
        ValueError: neither is set.
    """
    doc_id = directive.id or Path(directive.source).stem
    if not doc_id:
        raise ValueError("a directive needs an id or a source path to be given an IRI")
    return doc_id


def add_directive(graph: Graph, directive: Directive) -> URIRef:
    """Add the triples of ``directive`` (and the registry's context of its units) to ``graph``;
    return the directive's IRI."""
    doc, used = _add_directive(graph, directive)
    add_registry_context(graph, used)
    return doc


def _add_directive(graph: Graph, directive: Directive) -> tuple[URIRef, list[Any]]:
    """Write one directive; return its IRI and the organisation records of its units."""
    ctx = DocContext(graph=graph, doc=doc_iri(directive_id(directive)), text=directive.text or "")
    resolved = resolve_units(directive)
    orgs = {name: add_organisation(graph, org, name) for name, org in resolved.items()}
    _add_metadata(ctx, directive, orgs)
    _add_sections(ctx, directive)
    task_for = _add_tasks(ctx, directive, orgs)
    for n, target in enumerate(directive.targets, start=1):
        add_target(ctx, target, n, task_for)
    for n, deadline in enumerate(directive.deadlines, start=1):
        add_deadline(ctx, deadline, n, task_for)
    return ctx.doc, list(resolved.values())


def _add_metadata(ctx: DocContext, directive: Directive, orgs: dict[str, URIRef]) -> None:
    g, doc, meta = ctx.graph, ctx.doc, directive.metadata
    g.add((doc, RDF.type, ELI.LegalResource))
    g.add((doc, RDF.type, DKG.Directive))
    g.add((doc, DCTERMS.identifier, Literal(directive_id(directive))))
    g.add((doc, DKG.sourceText, Literal(ctx.text)))
    if directive.source:
        g.add((doc, DCTERMS.source, Literal(directive.source)))
    if meta.title:
        g.add((doc, DCTERMS.title, Literal(meta.title, lang="zh")))
    if meta.doc_number:
        g.add((doc, ELI.id_local, Literal(meta.doc_number)))
    issued = iso_date(meta.date)  # a date that is not ISO is left out rather than written ill-typed
    if issued is not None:
        g.add((doc, DCTERMS.issued, issued))
    for issuer in meta.issuer:
        if issuer in orgs:
            g.add((doc, DCTERMS.creator, orgs[issuer]))
    for n, cite in enumerate(meta.cites, start=1):
        if not (cite.doc_number or cite.title):
            continue
        node = cited_iri(cite.doc_number, cite.title)
        g.add((doc, ELI.cites, node))
        g.add((node, RDF.type, ELI.LegalResource))
        if cite.doc_number:
            g.add((node, ELI.id_local, Literal(cite.doc_number)))
        if cite.title and g.value(node, DCTERMS.title) is None:
            g.add((node, DCTERMS.title, Literal(cite.title, lang="zh")))
        span = spans.resolve(ctx.text, cite.char_start, cite.char_end, cite.title or cite.doc_number)
        add_provenance(ctx, node, span, source=URIRef(f"{fact_iri(doc, 'cite', n)}/source"))


def _parent_number(number: str) -> str | None:
    return number.rsplit(".", 1)[0] if "." in number else None


def _add_sections(ctx: DocContext, directive: Directive) -> None:
    """Write every numbered item: the extracted hierarchy plus any item only tasks name."""
    g, doc = ctx.graph, ctx.doc
    items: dict[str, dict[str, Any]] = {}
    for sec in directive.sections:
        items[sec.number] = {"title": sec.title, "kind": sec.kind, "parent": sec.parent,
                             "span": (sec.char_start, sec.char_end)}
    for task in directive.tasks:
        number: str | None = task.number
        first = True
        while number:
            items.setdefault(number, {"title": task.title if first else None,
                                      "kind": task.kind, "parent": _parent_number(number), "span": None})
            number, first = _parent_number(number), False
    for number, item in items.items():
        node = section_iri(doc, number)
        parent = item["parent"] if item["parent"] in items else None
        g.add((node, RDF.type, ELI.LegalResourceSubdivision))
        g.add((node, ELI.number, Literal(number)))
        g.add((node, ELI.is_part_of, section_iri(doc, parent) if parent else doc))
        g.add((node, DKG.inDirective, doc))
        if item["title"]:
            g.add((node, DCTERMS.title, Literal(item["title"], lang="zh")))
        if item["kind"]:
            g.add((node, DKG.kind, Literal(item["kind"])))
        if item["span"] and spans.valid_span(ctx.text, *item["span"]):
            add_provenance(ctx, node, item["span"])


def _task_windows(ctx: DocContext, tasks: list[Task]) -> list[tuple[int, int]]:
    """Span of each task: its own offsets, else from its located title to the next task's."""
    starts: list[int] = []
    cursor = 0
    for task in tasks:
        span = spans.resolve(ctx.text, task.char_start, task.char_end, task.title, (cursor, len(ctx.text)))
        starts.append(span[0] if span else cursor)
        cursor = starts[-1]
    windows = []
    for i, task in enumerate(tasks):
        if spans.valid_span(ctx.text, task.char_start, task.char_end):
            windows.append((task.char_start, task.char_end))
        else:
            nxt = next((s for s in starts[i + 1:] if s > starts[i]), len(ctx.text))
            windows.append((starts[i], nxt))
    return windows


def _add_tasks(ctx: DocContext, directive: Directive, orgs: dict[str, URIRef]):  # noqa: ANN202
    """Write tasks and assignments; return the finder of a fact's task by section and offset."""
    g, doc = ctx.graph, ctx.doc
    seen: dict[str, int] = defaultdict(int)
    by_number: dict[str, list[tuple[URIRef, tuple[int, int]]]] = defaultdict(list)
    for order, (task, window) in enumerate(zip(directive.tasks, _task_windows(ctx, directive.tasks),
                                               strict=True), start=1):
        seen[task.number] += 1
        node = task_iri(doc, task.number, seen[task.number])
        by_number[task.number].append((node, window))
        g.add((node, RDF.type, DKG.Task))
        if task.kind == "safeguard":
            g.add((node, RDF.type, DKG.Safeguard))
        g.add((node, ELI.number, Literal(task.number)))
        if task.title:
            g.add((node, DCTERMS.title, Literal(task.title, lang="zh")))
        g.add((node, DKG.kind, Literal(task.kind)))
        g.add((node, DKG.inDirective, doc))
        g.add((node, ELI.is_part_of, section_iri(doc, task.number)))
        g.add((node, DKG.order, Literal(order)))
        if spans.valid_span(ctx.text, *window):
            add_provenance(ctx, node, window)
        _add_assignments(ctx, node, task, window, orgs)
        _add_divisions(ctx, node, task, directive, orgs)

    def task_for(section: str, position: int) -> URIRef | None:
        candidates = by_number.get(section, [])
        for node, (lo, hi) in candidates:
            if lo <= position < hi:
                return node
        return candidates[0][0] if candidates else None

    return task_for


def _add_assignments(ctx: DocContext, task_node: URIRef, task: Task, window: tuple[int, int],
                     orgs: dict[str, URIRef]) -> None:
    g = ctx.graph
    mentions: list[UnitMention] = list(task.mentions)
    valid_clause = spans.valid_span(ctx.text, task.clause_start, task.clause_end)
    search = (task.clause_start, task.clause_end) if valid_clause else window
    n = 0
    for role, prop in ROLES:
        names = task.lead_units if role == "lead" else task.responsible_units
        for name in names:
            if name not in orgs:
                continue
            n += 1
            unit = orgs[name]
            node = URIRef(f"{task_node}/assignment/{n}")
            g.add((task_node, prop, unit))
            g.add((node, RDF.type, DKG.Assignment))
            g.add((node, DKG.task, task_node))
            g.add((node, DKG.unit, unit))
            g.add((node, DKG.role, Literal(role)))
            g.add((node, DKG.order, Literal(n)))  # lead units first, then responsible, as listed
            g.add((node, DKG.asWritten, Literal(name)))
            mention = next((m for m in mentions if m.name == name and m.role == role), None)
            if mention is not None:
                mentions.remove(mention)
            span = spans.resolve(ctx.text, mention.char_start, mention.char_end) if mention else None
            add_provenance(ctx, node, span or spans.locate(ctx.text, name, search))


def _add_divisions(ctx: DocContext, task_node: URIRef, task: Task, directive: Directive,
                   orgs: dict[str, URIRef]) -> None:
    """The issuer's internal divisions (牵头处室, 配合处室): org:OrganizationalUnit nodes that are
    org:unitOf the first issuer, linked by dkg:leadDivision / dkg:responsibleDivision, never by the
    unit properties (issue 3: kept apart from the units)."""
    g = ctx.graph
    issuer = next((orgs[i] for i in directive.metadata.issuer if i in orgs), None)
    parent = issuer if issuer is not None else ctx.doc
    for names, prop in ((task.internal_lead, DKG.leadDivision), (task.internal_responsible, DKG.responsibleDivision)):
        for name in names:
            node = URIRef(f"{parent}/division/{slug(name)}")
            g.add((node, RDF.type, ORG.OrganizationalUnit))
            g.add((node, SKOS.prefLabel, Literal(name, lang="zh")))
            g.add((node, ORG.unitOf if issuer is not None else DKG.inDirective, parent))
            g.add((task_node, prop, node))
