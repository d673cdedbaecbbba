"""Directive records -> RDF: the seed built from its gold file and from the extractor.

Expected values come from tests/fixtures/weihai-2018-39.json and the text of the seed.
"""

from __future__ import annotations

import pytest
from graph_seed import CIVIL_AFFAIRS_LEADS, FUNDING_FLOORS, gold_directive
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns

import graph.organisations as organisations
from graph.build import build_graph
from graph.iris import doc_iri, task_iri
from graph.namespaces import CUR, DCTERMS, DKG, ELI, OA, ORG, PROV, QUDT, SKOS, TIME, UNIT
from graph.query import run_named, units_named
from graph.store import open_graph
from graph.validate import validate_graph

DOC = doc_iri("weihai-2018-39")


@pytest.fixture(scope="module", params=["gold", "extracted"])
def seed(request):
    """(directive, graph) of the seed: from the gold JSON, and from extract_path on the corpus file."""
    directive = gold_directive() if request.param == "gold" else request.getfixturevalue("seed_directive")
    return directive, build_graph([directive])


def _squeeze(text: object) -> str:
    """Text without whitespace (FORMAT.md compares spans so)."""
    return "".join(str(text).split())


def _deadline(graph: Graph, text: str) -> URIRef:
    nodes = [d for d in graph.subjects(rns.RDF.type, DKG.Deadline)
             if _squeeze(graph.value(d, DCTERMS.description)) == text]
    assert len(nodes) == 1, f"expected one deadline {text}, got {nodes}"
    return nodes[0]


def test_seed_graph_conforms_to_the_shapes(seed) -> None:
    _, graph = seed
    result = validate_graph(graph)
    assert result.conforms, result.report_text


def test_tasks_led_by_the_civil_affairs_bureau(seed) -> None:
    _, graph = seed
    units = units_named(graph, "市民政局")
    assert len(units) == 1
    frame = run_named(graph, "unit_leads", unit=units[0])
    assert list(frame["number"]) == CIVIL_AFFAIRS_LEADS
    assert set(frame["document"]) == {"weihai-2018-39"}
    assert frame["title"].iloc[0] == "强化政府主导责任"


def test_funding_floors_are_the_lower_bounds_in_yuan(seed) -> None:
    _, graph = seed
    frame = run_named(graph, "targets_lower_bound", qudt_unit=CUR.CNY)
    assert sorted(frame["minimum"]) == FUNDING_FLOORS
    assert set(frame["section"]) == {"二.(五)"}
    assert set(frame["unit_text"]) == {"元"}


def test_deadline_end_of_2020_is_an_instant_on_31_december(seed) -> None:
    _, graph = seed
    node = _deadline(graph, "到2020年年底")
    assert graph.value(node, TIME.inXSDDate) == Literal("2020-12-31", datatype=rns.XSD.date)
    assert (node, rns.RDF.type, TIME.Instant) in graph
    assert (node, rns.RDF.type, TIME.TemporalEntity) in graph
    assert (task_iri(DOC, "二.(六)"), DKG.hasDeadline, node) in graph


def test_relative_deadline_is_an_interval_2025_to_2030(seed) -> None:
    _, graph = seed
    node = _deadline(graph, "再经过5到10年")
    assert (node, rns.RDF.type, TIME.Interval) in graph
    begin, end = graph.value(node, TIME.hasBeginning), graph.value(node, TIME.hasEnd)
    assert graph.value(begin, TIME.inXSDDate) == Literal("2025-01-01", datatype=rns.XSD.date)
    assert graph.value(end, TIME.inXSDDate) == Literal("2030-12-31", datatype=rns.XSD.date)
    assert graph.value(node, TIME.inXSDDate) is None


def test_tasks_safeguards_and_order(seed) -> None:
    _, graph = seed
    tasks = set(graph.subjects(rns.RDF.type, DKG.Task))
    safeguards = set(graph.subjects(rns.RDF.type, DKG.Safeguard))
    assert len(tasks) == 16 and len(safeguards) == 4 and safeguards <= tasks
    assert {str(graph.value(t, ELI.number)) for t in safeguards} == {"三.(一)", "三.(二)", "三.(三)", "三.(四)"}
    assert sorted(graph.value(t, DKG.order).toPython() for t in tasks) == list(range(1, 17))
    task = task_iri(DOC, "二.(五)")
    assert graph.value(task, DCTERMS.title) == Literal("落实城市社区工作经费、党组织服务群众专项经费和城市社区专职工作者薪酬待遇", lang="zh")
    assert graph.value(task, ELI.is_part_of) == URIRef(f"{DOC}/sec/%E4%BA%8C.(%E4%BA%94)")
    assert graph.value(URIRef(f"{DOC}/sec/%E4%BA%8C"), ELI.is_part_of) == DOC


def test_lead_and_responsible_units_of_task_5(seed) -> None:
    _, graph = seed
    task = task_iri(DOC, "二.(五)")

    def names(prop: URIRef) -> set[str]:
        return {str(a) for a in graph.objects(None, DKG.asWritten)
                for n in graph.subjects(DKG.asWritten, a)
                if graph.value(n, DKG.task) == task and (task, prop, graph.value(n, DKG.unit)) in graph}

    assert names(DKG.leadUnit) == {"市财政局", "市人力资源社会保障局"}
    assert names(DKG.responsibleUnit) == {"市委组织部", "市民政局"}


def test_directive_metadata_and_citations(seed) -> None:
    _, graph = seed
    assert (DOC, rns.RDF.type, ELI.LegalResource) in graph and (DOC, rns.RDF.type, DKG.Directive) in graph
    assert graph.value(DOC, ELI.id_local) == Literal("威发〔2018〕39号")
    assert graph.value(DOC, DCTERMS.issued) == Literal("2018-12-22", datatype=rns.XSD.date)
    assert graph.value(DOC, DCTERMS.identifier) == Literal("weihai-2018-39")
    cited = {str(graph.value(c, ELI.id_local)) for c in graph.objects(DOC, ELI.cites)}
    assert {"中发〔2017〕13号", "鲁发〔2018〕30号"} <= cited
    creators = {str(graph.value(c, SKOS.prefLabel)) for c in graph.objects(DOC, DCTERMS.creator)}
    assert len(creators) == 2


def test_targets_carry_qudt_quantities(seed) -> None:
    _, graph = seed

    def target(value: int, unit: str) -> URIRef:
        found = [t for t in graph.subjects(rns.RDF.type, DKG.Target)
                 for q in graph.objects(t, DKG.quantity | DKG.lowerBound)
                 if graph.value(q, QUDT.numericValue).toPython() == value
                 and str(graph.value(q, DKG.unitText)) == unit]
        assert found, (value, unit)
        return found[0]

    area = target(1000, "平方米")  # 新建城市社区不低于1000平方米
    quantity = graph.value(area, DKG.quantity)
    assert graph.value(quantity, QUDT.numericValue) == Literal("1000.0", datatype=rns.XSD.decimal)
    assert graph.value(quantity, QUDT.unit) == UNIT.M2
    assert graph.value(area, DKG.comparator) == Literal(">=")
    assert graph.value(area, DKG.section) == Literal("二.(六)")
    share = graph.value(target(50, "%"), DKG.quantity)  # 入住率达到50%
    assert graph.value(share, QUDT.unit) == UNIT.PERCENT
    ratio = target(300, "户")  # 每300—400户居民配备1人
    assert graph.value(ratio, DKG.comparator) == Literal("range")
    assert graph.value(ratio, DKG.quantity) is None
    assert graph.value(graph.value(ratio, DKG.lowerBound), QUDT.numericValue).toPython() == 300
    assert graph.value(graph.value(ratio, DKG.upperBound), QUDT.numericValue).toPython() == 400
    assert (task_iri(DOC, "二.(四)"), DKG.hasTarget, ratio) in graph


def test_every_fact_has_a_selector_that_quotes_the_source(seed) -> None:
    directive, graph = seed
    text = directive.text
    for cls in (DKG.Task, DKG.Assignment, DKG.Target, DKG.Deadline):
        for fact in graph.subjects(rns.RDF.type, cls):
            source = graph.value(fact, PROV.wasDerivedFrom)
            assert source is not None, fact
            selector = graph.value(source, OA.hasSelector)
            start, end = (graph.value(selector, p).toPython() for p in (OA.start, OA.end))
            assert str(graph.value(source, DKG.quote)) == text[start:end]
            assert graph.value(source, OA.hasSource) == DOC
    for assignment in graph.subjects(rns.RDF.type, DKG.Assignment):
        quote = str(graph.value(graph.value(assignment, PROV.wasDerivedFrom), DKG.quote))
        assert "".join(quote.split()) == str(graph.value(assignment, DKG.asWritten))


def test_iris_are_stable_across_builds() -> None:
    first, second = build_graph([gold_directive()]), build_graph([gold_directive()])
    assert set(first) == set(second)
    assert (URIRef("https://w3id.org/directive-kg/id/doc/weihai-2018-39/task/%E4%BA%8C.(%E4%BA%94)"),
            rns.RDF.type, DKG.Task) in first


def test_without_a_unit_registry_each_written_name_is_one_node(monkeypatch) -> None:
    monkeypatch.setattr(organisations, "_registry_resolver", lambda: None)
    graph = build_graph([gold_directive()])
    node = URIRef("https://w3id.org/directive-kg/id/unit/%E5%B8%82%E6%B0%91%E6%94%BF%E5%B1%80")  # 市民政局
    assert graph.value(node, SKOS.prefLabel) == Literal("市民政局", lang="zh")
    assert graph.value(node, DKG.verified) == Literal(False)
    assert graph.value(node, ORG.classification) == URIRef(f"{DKG}unitType/unknown")
    collective = URIRef("https://w3id.org/directive-kg/id/unit/"
                        "%E5%B8%82%E7%9B%B4%E7%9B%B8%E5%85%B3%E9%83%A8%E9%97%A8%E3%80%81%E5%8D%95%E4%BD%8D")
    assert graph.value(collective, SKOS.prefLabel) == Literal("市直相关部门、单位", lang="zh")
    assert validate_graph(graph).conforms


def test_registry_organisations_become_org_nodes(monkeypatch) -> None:
    registry_iri = "https://w3id.org/directive-kg/id/org/weihai/civil-affairs"

    def resolve(directive):
        return {"市民政局": organisations.FallbackOrganisation(
            iri=registry_iri, name_zh="威海市民政局", name_en="Weihai Civil Affairs Bureau", type="bureau",
            level="municipal", place="威海市", verified=True, aliases=["市民政局", "威海市民政局"])}

    monkeypatch.setattr(organisations, "_registry_resolver", lambda: resolve)
    graph = build_graph([gold_directive()])
    node = URIRef(registry_iri)
    assert (node, rns.RDF.type, ORG.FormalOrganization) in graph
    assert set(graph.objects(node, SKOS.prefLabel)) == {Literal("威海市民政局", lang="zh"),
                                                        Literal("Weihai Civil Affairs Bureau", lang="en")}
    assert Literal("市民政局", lang="zh") in set(graph.objects(node, SKOS.altLabel))
    assert graph.value(node, DKG.level) == Literal("municipal")
    assert graph.value(node, DKG.verified) == Literal(True)
    assert graph.value(node, ORG.classification) == URIRef(f"{DKG}unitType/bureau")
    place = graph.value(node, ORG.subOrganizationOf)
    assert graph.value(place, SKOS.prefLabel) == Literal("威海市", lang="zh")
    frame = run_named(graph, "unit_leads", unit=node)
    assert list(frame["number"]) == CIVIL_AFFAIRS_LEADS
    assert validate_graph(graph).conforms


def test_oxigraph_store_gives_the_same_answers() -> None:
    graph = build_graph([gold_directive()], open_graph("oxigraph"))
    memory = build_graph([gold_directive()])
    assert len(graph) == len(memory)
    unit = units_named(graph, "市民政局")[0]
    assert list(run_named(graph, "unit_leads", unit=unit)["number"]) == CIVIL_AFFAIRS_LEADS
    assert sorted(run_named(graph, "targets_lower_bound", qudt_unit=CUR.CNY)["minimum"]) == FUNDING_FLOORS


def test_assignments_record_the_order_of_the_clause(seed) -> None:
    """dkg:order on assignments: lead units first, then responsible units, as the clause lists them."""
    from graph.task_units import in_document_order, unit_lists

    directive, graph = seed
    task = task_iri(DOC, "二.(五)")
    assignments = sorted(graph.subjects(DKG.task, task), key=lambda a: graph.value(a, DKG.order).toPython())
    written = [str(graph.value(a, DKG.asWritten)) for a in assignments]
    five = next(t for t in directive.tasks if t.number == "二.(五)")
    # （牵头单位：市财政局、市人力资源社会保障局，责任单位：市委组织部、市民政局）
    assert written == five.lead_units + five.responsible_units == ["市财政局", "市人力资源社会保障局", "市委组织部",
                                                                   "市民政局"]
    assert [graph.value(a, DKG.order).toPython() for a in assignments] == [1, 2, 3, 4]
    assert unit_lists(graph)[str(task)] == {"lead": ["市财政局", "市人力资源社会保障局"],
                                            "responsible": ["市委组织部", "市民政局"]}
    older = Graph()  # a graph built before assignments carried dkg:order: the IRI's number decides
    for triple in graph:
        if not (triple[1] == DKG.order and (triple[0], rns.RDF.type, DKG.Assignment) in graph):
            older.add(triple)
    frame = run_named(older, "document_tasks", document=Literal("weihai-2018-39"))
    assert in_document_order(older, frame).set_index("number").loc["二.(五)", "responsible"] == "市委组织部、市民政局"


def test_the_shapes_require_the_order_of_an_assignment() -> None:
    from extract.model import Directive, Task

    text = "一、做好工作\n牵头单位：市民政局，责任单位：市财政局\n"
    graph = build_graph([Directive(id="small", source="small.txt", text=text, tasks=[
        Task(number="一", kind="task", title="做好工作", lead_units=["市民政局"], responsible_units=["市财政局"])])])
    assert validate_graph(graph).conforms
    first = next(a for a in graph.subjects(rns.RDF.type, DKG.Assignment) if str(a).endswith("/assignment/1"))
    graph.remove((first, DKG.order, None))
    result = validate_graph(graph)
    assert not result.conforms and result.violations == 1 and "order" in result.report_text


def test_internal_divisions_are_sub_units_of_the_issuer_not_task_units() -> None:
    from extract.pipeline import extract_text
    from graph.build import build_graph
    from graph.namespaces import DKG, ORG, RDF, SKOS
    from graph.validate import validate_graph

    text = ("安徽省发展和改革委员会关于印发重点工作任务分工的通知\n皖发改办〔2022〕3号\n"
            "序号\t工作任务\t牵头单位\t牵头处室\t配合单位\t配合处室\n"
            "1\t推进项目审批\t省发展改革委\t投资处\t省自然资源厅\t法规处、综合处\n")
    graph = build_graph([extract_text(text, doc_id="t", source="t.txt")])
    divisions = {str(graph.value(d, SKOS.prefLabel)) for d in graph.subjects(RDF.type, ORG.OrganizationalUnit)}
    assert divisions == {"投资处", "法规处", "综合处"}
    task = next(graph.subjects(RDF.type, DKG.Task))
    assert {str(graph.value(d, SKOS.prefLabel)) for d in graph.objects(task, DKG.leadDivision)} == {"投资处"}
    unit_labels = {str(graph.value(u, SKOS.prefLabel)) for p in (DKG.leadUnit, DKG.responsibleUnit)
                   for u in graph.objects(task, p)}
    assert not unit_labels & divisions
    assert all(graph.value(d, ORG.unitOf) is not None for d in graph.objects(task, DKG.responsibleDivision))
    assert validate_graph(graph).conforms


def test_the_whole_shipped_corpus_conforms_and_a_fact_outside_every_item_has_no_section() -> None:
    # anhui-2021-82 ends with 本政策自2021年开始执行: a deadline in the closing paragraph, no item's
    from corpus_fixtures import CORPUS

    from extract.pipeline import extract_path

    directives = [extract_path(p) for p in sorted(CORPUS.glob("*.txt"))]
    closing = [d for d in directives[0].deadlines if d.text == "自2021年开始"]
    assert len(closing) == 1 and closing[0].section == ""
    graph = build_graph(directives)
    result = validate_graph(graph)
    assert result.conforms, result.report_text
    rows = run_named(graph, "deadlines")
    row = rows[rows["text"].astype(str) == "自2021年开始"]
    assert len(row) == 1 and row.iloc[0].isna()["section"]
