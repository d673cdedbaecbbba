"""Unit names -> organisations: one node per real body, whatever way a directive writes it.

``resolve_directive_units(directive)`` maps every unit name a directive uses (issuers, lead and
responsible units, clause and body-text mentions) to an ``Organisation``. Resolution is a few
dictionary lookups per name over the registry of ``ontology/units/`` (``graph/unit_registry.py``):

1. a *collective* pattern (``市直相关部门、单位``, ``各区、县级市``, ``国务院相关部门``);
2. a *branch* pattern naming its place inside (``人行合肥中心支行``);
3. the registry: the name is split into an optional place (``威海市``, ``安徽``), an optional
   level prefix (``市``, ``省``, ``市委``, ``国家``) and a core looked up in the core index, so
   ``市人力资源社会保障局`` / ``市人力资源和社会保障局`` / ``市人社局`` are one node;
4. otherwise an *unverified* node built from the recognised prefix and name ending (``…工作组``).

The place comes from the document (``graph/unit_context.py``): ``市`` in a Weihai document is
Weihai, so Weihai's and Guangzhou's 市民政局 are two organisations. IRIs are
``id:org/{place}/{core}`` (percent-encoded like every IRI, ``graph/iris.py``), e.g.
``id:org/威海市/民政局``, ``id:org/中国/民政部``, ``id:org/威海市/市委组织部``.

``registry_triples(orgs)`` returns what build.py merges besides the unit nodes: the unit-type
concept scheme, the place nodes and the succession change events (``graph/succession.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from rdflib import Graph, Literal, URIRef

from extract.model import Directive
from graph.iris import place_iri, slug, unit_type_iri
from graph.namespaces import DKG, ID, ORG, RDF, SKOS, bind_prefixes
from graph.unit_context import (
    DocContext,
    doc_context,
    level_adj,
    level_rank,
    place_for_level,
    prefix_level,
    written_prefix,
)
from graph.unit_registry import LEVELS, Entry, Place, Prefix, Registry, load_registry

__all__ = ["Organisation", "organisation_for", "registry_triples", "resolve", "resolve_directive_units",
           "surface_names"]

_STRIP = "，,。；;：:、 \t\r\n"


@dataclass
class Organisation:
    """A unit as a real organisation (the graph helper writes its node from these fields).

    Attributes:
        iri: ``id:org/{place}/{core}``.
        name_zh: canonical Chinese name with its level prefix (``市人力资源社会保障局``).
        name_en: English label (``Weihai Municipal Civil Affairs Bureau``) or None when unknown.
        type: unit-type concept id (``government_department``; ``ontology/unit_types.ttl``).
        level: ``national``, ``provincial``, ``municipal``, ``county`` or None.
        place: key of the place it belongs to (``威海市``, ``中国``, ``广州市越秀区``) or None.
        verified: True when a registry row or pattern matched, False for a name-only node.
        aliases: other names: variants written in documents and the registry's forms.
        entry: id of the registry row or pattern that matched (None when unverified).
    """

    iri: str
    name_zh: str
    name_en: str | None
    type: str
    level: str | None
    place: str | None
    verified: bool
    aliases: list[str] = field(default_factory=list)
    entry: str | None = None

    @property
    def type_iri(self) -> URIRef:
        """The ``org:classification`` concept: ``dkg:unitType/{type}``."""
        return unit_type_iri(self.type)

    @property
    def place_iri(self) -> URIRef | None:
        """The ``org:subOrganizationOf`` target: ``id:place/{place}`` (None without a place)."""
        return place_iri(self.place) if self.place else None


@dataclass(frozen=True)
class _Parse:
    place: Place | None
    place_text: str
    prefix: Prefix | None
    core: str


def normalise(name: str) -> str:
    """Return ``name`` NFKC-normalised (full-width brackets -> ASCII), without whitespace or edge punctuation."""
    text = unicodedata.normalize("NFKC", name)
    return re.sub(r"\s+", "", text).strip(_STRIP)


def _org_iri(place: Place | None, core: str) -> str:
    return str(ID[f"org/{slug(place.key if place else '_')}/{slug(core)}"])


def _parses(s: str, reg: Registry) -> Iterator[_Parse]:
    """Yield the readings of ``s`` as place + level prefix + core, most specific first."""
    if s.startswith("中共") and len(s) > 2:
        s = s[2:]
    for text, place in reg.place_prefixes:
        if not s.startswith(text):
            continue
        rest = s[len(text):]
        if text == place.name and rest.startswith(("委", "党委")):  # 威海市委组织部, 中共威海市委
            head = "党委" if rest.startswith("党委") else "委"
            yield _Parse(place, text, Prefix(head, "party_prefix", place.level, place.adj), rest[len(head):])
        for prefix in reg.prefixes:  # after a place, 国家/中央 belong to the core (安徽省国家安全厅)
            if prefix.level != "national" and rest.startswith(prefix.text):
                yield _Parse(place, text, prefix, rest[len(prefix.text):])
        yield _Parse(place, text, None, rest)
    for prefix in reg.prefixes:
        if s.startswith(prefix.text):
            yield _Parse(None, "", prefix, s[len(prefix.text):])
    yield _Parse(None, "", None, s)


def _accepts(entry: Entry, kind: str | None, core: str) -> bool:
    if kind is None:
        return "none" in entry.prefix or bool(core)
    return kind in entry.prefix


def _level(parse: _Parse, levels: frozenset[str], ctx: DocContext) -> str:
    if parse.prefix:
        return prefix_level(parse.prefix, parse.place or ctx.place)
    if parse.place:
        return parse.place.level
    if ctx.level in levels:
        return ctx.level  # type: ignore[return-value]
    return min(levels, key=level_rank)


def _place(reg: Registry, parse: _Parse, level: str, ctx: DocContext) -> Place | None:
    if parse.place and level_rank(level) >= level_rank(parse.place.level):
        return parse.place
    return place_for_level(reg, parse.place or ctx.place, level)


def _english(reg: Registry, entry: Entry, level: str, body_level: str, place: Place | None,
             written: Prefix | None) -> str | None:
    template = entry.en_template(level)
    if template is None:
        if not entry.en:
            return None
        body = (entry.bodies.get(body_level) or ("",))[0] if body_level in entry.levels else ""
        core_en = reg.bodies.get(body, ((), "{en}"))[1].format(en=entry.en)
        template = core_en if level == "national" else "{place} {adj} " + core_en
    place_en = place.en if place and place.en and level != "national" else ""
    return " ".join(template.format(place=place_en, adj=level_adj(reg, level, place, written)).split())


def organisation_for(entry_id: str, level: str, place: Place | None, written: Prefix | None = None,
                     core: str = "") -> Organisation:
    """Return the canonical organisation of registry row ``entry_id`` at ``level`` in ``place``.

    ``written`` is the level prefix as written when it differs from the place's own (区 in a
    Weihai document); ``core`` is the written core, used only when the row has no name at
    ``level``. Raises ``KeyError`` for an unknown ``entry_id``.
    """
    reg = load_registry()
    entry = reg.entries[entry_id]
    # 北京市民政局, not 民政厅: provincial-level municipalities name their bodies like cities do
    body_level = "municipal" if level == "provincial" and place and place.name.endswith("市") else level
    forms = reg.forms(entry, body_level) or reg.forms(entry, level) or [core]
    kind = entry.prefix[0]
    same_level = place is not None and place.level == level
    if kind == "none" or level == "national":
        pfx = ""
    elif not same_level and written is not None:
        pfx = written.text
    else:
        pfx = written_prefix(reg, kind, level, place)
    name_zh = pfx + forms[0]
    key = forms[0] if same_level and kind in ("plain", "place") and level != "national" else name_zh
    aliases = [pfx + f for f in forms[1:]]
    for other in entry.prefix[1:] if kind != "party" and level != "national" else ():
        alt = written_prefix(reg, other, level, place if same_level else None)
        aliases += [alt + f for f in forms]
    if same_level and place is not None and place.known and level != "national" and kind != "none":
        aliases.append(place.name + ("委" if kind == "party" else "") + forms[0])
    return Organisation(
        iri=_org_iri(place, key), name_zh=name_zh, name_en=_english(reg, entry, level, body_level, place, written),
        type=entry.type, level=level, place=place.key if place else None, verified=True,
        aliases=[a for a in dict.fromkeys(aliases) if a != name_zh], entry=entry.id,
    )


def _registry(s: str, ctx: DocContext, reg: Registry) -> Organisation | None:
    for parse in _parses(s, reg):
        if parse.core == "" and parse.place and parse.prefix is None and parse.place_text == parse.place.name:
            return organisation_for("people_government", parse.place.level, parse.place)
        hits = reg.core_index.get(parse.core)
        if not hits:
            continue
        kind = parse.prefix.kind.removesuffix("_prefix") if parse.prefix else None
        ids = [e for e in hits if _accepts(reg.entries[e], kind, parse.core)]
        if not ids:
            continue
        ranked = sorted(ids, key=lambda e: _level(parse, hits[e], ctx) not in hits[e])
        level = _level(parse, hits[ranked[0]], ctx)
        place = _place(reg, parse, level, ctx)
        return organisation_for(ranked[0], level, place, parse.prefix, parse.core)
    return None


def _quantified(template: str, q: str | None, reg: Registry, **fields: str) -> str:
    q_en = next((en for zh, en in reg.quantifiers if zh == q), "") if q else ""
    text = " ".join(template.format(Q=f"{q_en} " if q_en else "", **fields).split())
    return text[:1].upper() + text[1:]


def _collective(s: str, ctx: DocContext, reg: Registry) -> Organisation | None:
    for pattern in reg.collectives:
        match = pattern.regex.fullmatch(s)
        if not match:
            continue
        groups = match.groupdict()
        if "group" in groups:
            return _members(s, groups["group"], pattern.id, ctx)
        level, place = _collective_level(pattern.level, groups.get("lv"), ctx, reg)
        adj = level_adj(reg, level, place) if level else ""
        place_en = place.en if place and place.en else ""
        en = _quantified(pattern.en, groups.get("q"), reg, place=place_en, adj=adj, adj_l=adj.lower())
        if "{place}" not in pattern.en and place_en and level != "national":
            en += f" of {place_en}"
        return Organisation(_org_iri(place, s), s, en, pattern.type, level, place.key if place else None,
                            True, [], pattern.id)
    return None


def _collective_level(rule: str, lv: str | None, ctx: DocContext, reg: Registry) -> tuple[str | None, Place | None]:
    if rule == "prefix" and lv:
        prefix = next(p for p in reg.prefixes if p.text == lv and p.kind == "plain_prefix")
        level = prefix_level(prefix, ctx.place)
        return level, place_for_level(reg, ctx.place, level)
    if rule in LEVELS:
        return rule, (reg.place("中国") if rule == "national" else ctx.place)
    if rule == "below" and ctx.level:
        return LEVELS[min(level_rank(ctx.level) + 1, len(LEVELS) - 1)], ctx.place
    return ctx.level, ctx.place


def _members(s: str, group: str, pattern_id: str, ctx: DocContext) -> Organisation:
    inner = _resolve(group, ctx)
    en = f"Member units of the {inner.name_en}" if inner.name_en else None
    iri = inner.iri + "/" + slug("成员单位")
    return Organisation(iri, s, en, "collective", inner.level, inner.place, inner.verified, [], pattern_id)


def _place_named(reg: Registry, text: str) -> Place | None:
    return reg.place(text) or next((p for t, p in reg.place_prefixes if t == text), None)


def _branch(s: str, reg: Registry) -> Organisation | None:
    for pattern in reg.branches:
        match = pattern.regex.fullmatch(s)
        place = _place_named(reg, match.group("place")) if match else None
        if not match or place is None:
            continue
        name_zh = pattern.zh.format(short=place.short or place.name, name=place.name)
        en = pattern.en.format(place=place.en or place.name)
        return Organisation(_org_iri(place, name_zh), name_zh, en, pattern.type, place.level, place.key, True,
                            [], pattern.id)
    return None


def _unverified(s: str, ctx: DocContext, reg: Registry) -> Organisation:
    parse = next((p for p in _parses(s, reg) if p.core and (p.prefix or p.place_text == getattr(p.place, "name", ""))),
                 _Parse(None, "", None, s))
    level = _level(parse, frozenset([ctx.level or "municipal"]), ctx)
    place = _place(reg, parse, level, ctx)
    kind = parse.prefix.kind if parse.prefix else None
    same = place is not None and place.level == level and kind in (None, "plain_prefix")
    unit_type = next((t for suffix, t, _ in reg.generic_bodies if s.endswith(suffix)), "other")
    return Organisation(_org_iri(place, parse.core if same else s), s, None, unit_type, level,
                        place.key if place else None, False, [], None)


@cache
def _resolve(norm: str, ctx: DocContext) -> Organisation:
    reg = load_registry()
    return (_collective(norm, ctx, reg) or _branch(norm, reg) or _registry(norm, ctx, reg)
            or _unverified(norm, ctx, reg))


def resolve(name: str, ctx: DocContext) -> Organisation:
    """Resolve one unit name as written, in a document of context ``ctx``; return a fresh object.

    The written name (whitespace removed) is among the aliases unless it is the canonical name.
    Raises ``ValueError`` when nothing is left of ``name`` after normalisation.
    """
    norm = normalise(name)
    if not norm:
        raise ValueError(f"empty unit name: {name!r}")
    org = _resolve(norm, ctx)
    written = re.sub(r"\s+", "", name)
    aliases = [a for a in dict.fromkeys([written, norm, *org.aliases]) if a != org.name_zh]
    return replace(org, aliases=aliases)


def surface_names(directive: Directive) -> list[str]:
    """Every unit name of ``directive``: issuers, task units and mentions, body mentions (first-seen order)."""
    names: list[str] = list(directive.metadata.issuer)
    for task in directive.tasks:
        names += task.lead_units + task.responsible_units + [m.name for m in task.mentions]
    names += [m.name for m in directive.mentions]
    return list(dict.fromkeys(n for n in names if n and n.strip()))


def resolve_directive_units(directive: Directive) -> dict[str, Organisation]:
    """Map each unit name used in ``directive`` (as written) to its organisation.

    Names that resolve to the same IRI share one ``Organisation`` object whose ``aliases``
    hold every variant written in the directive. The place of the document comes from
    ``doc_context`` (issuer, title, file stem, text).
    """
    ctx = doc_context(directive)
    by_iri: dict[str, Organisation] = {}
    out: dict[str, Organisation] = {}
    for name in surface_names(directive):
        try:
            org = resolve(name, ctx)
        except ValueError:
            continue
        kept = by_iri.setdefault(org.iri, org)
        if kept is not org:
            kept.aliases = list(dict.fromkeys(kept.aliases + org.aliases))
        out[name] = kept
    return out


def _place_triples(graph: Graph, reg: Registry, key: str) -> None:
    place = reg.place(key)
    if place is None:
        return
    for current in reg.ancestors(place):
        node = place_iri(current.key)
        graph.add((node, RDF.type, ORG.Organization))
        graph.add((node, SKOS.prefLabel, Literal(current.key, lang="zh")))
        if current.en:
            graph.add((node, SKOS.prefLabel, Literal(current.en, lang="en")))
        graph.add((node, ORG.classification, unit_type_iri("jurisdiction")))
        graph.add((node, DKG.level, Literal(current.level)))
        graph.add((node, DKG.verified, Literal(True)))
        if current.parent and reg.place(current.parent):
            graph.add((node, ORG.subOrganizationOf, place_iri(reg.place(current.parent).key)))


def registry_triples(orgs: Iterable[Organisation] = ()) -> Graph:
    """Return the registry's triples for a graph holding the organisations ``orgs``.

    Contains: the unit-type concept scheme (``ontology/unit_types.ttl``); one node per place
    of ``orgs`` and its parents (labels @zh/@en, ``dkg:level``, ``org:subOrganizationOf`` the
    parent, classification ``jurisdiction``); and the ``org:ChangeEvent`` of every reform that
    replaced one of ``orgs`` (``graph/succession.py``), with the successor organisations.
    """
    from graph.succession import succession_triples  # noqa: PLC0415 (succession imports this module)

    reg = load_registry()
    graph = bind_prefixes(Graph())
    graph.parse(data=resources.files("ontology").joinpath("unit_types.ttl").read_text(encoding="utf-8"),
                format="turtle")
    orgs = list(orgs)
    successors = succession_triples(orgs)
    graph += successors.graph
    for key in {o.place for o in orgs + successors.organisations if o.place}:
        _place_triples(graph, reg, key)
    return graph
