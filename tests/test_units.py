"""Unit resolution: every unit name of the four gold directives becomes one real organisation.

Values are taken from the gold fixtures (tests/fixtures/*.json) and the corpus texts.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from extract.model import Directive, Metadata, Task
from graph.namespaces import DCTERMS, ORG, RDF, SKOS
from graph.succession import load_succession
from graph.unit_context import DocContext, doc_context
from graph.unit_registry import LEVELS, load_registry
from graph.units import organisation_for, registry_triples, resolve, resolve_directive_units

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DOCS = ["weihai-2018-39", "guangzhou-2012-20", "anhui-2021-82", "guobanfa-2020-24"]


def gold(doc_id: str) -> Directive:
    """The gold fixture as a Directive (tasks without a kind are read as tasks)."""
    data = json.loads((FIXTURES / f"{doc_id}.json").read_text(encoding="utf-8"))
    data.setdefault("id", doc_id)
    for task in data["tasks"]:
        task.setdefault("kind", "task")
    return Directive.from_json(data, text=(ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8"))


def gold_units(doc_id: str) -> set[str]:
    data = json.loads((FIXTURES / f"{doc_id}.json").read_text(encoding="utf-8"))
    return {u for t in data["tasks"] for u in t["lead_units"] + t["responsible_units"]} | set(data["issuer"])


def zh(graph, node) -> str:
    return next(str(x) for x in graph.objects(node, SKOS.prefLabel) if x.language == "zh")


def place(name: str) -> DocContext:
    return DocContext(load_registry().place(name))


@pytest.fixture(scope="module")
def resolved() -> dict[str, dict]:
    return {doc: resolve_directive_units(gold(doc)) for doc in DOCS}


def test_doc_context_from_issuer_title_stem() -> None:
    assert doc_context(gold("weihai-2018-39")).place.key == "威海市"  # 中共威海市委
    assert doc_context(gold("anhui-2021-82")).place.key == "安徽省"  # 安徽省人民政府办公厅
    assert doc_context(gold("guobanfa-2020-24")).place.key == "中国"  # 国务院办公厅
    bare = gold("guangzhou-2012-20")
    bare.metadata = Metadata(title="关于推进人才集聚工程的实施意见")  # no issuer, no place in the title
    assert doc_context(bare).place.key == "广州市"  # from the file stem
    bare.id = "x"
    assert doc_context(bare).place.key == "广州市"  # from 《中共广州市委、广州市人民政府关于…》 in the text


def test_every_seed_unit_is_a_typed_verified_node(resolved: dict) -> None:
    units = resolved["weihai-2018-39"]
    assert gold_units("weihai-2018-39") <= set(units)
    for name, org in units.items():
        assert org.verified, name
        assert org.type and org.name_zh and org.name_en, name
        assert org.level == "municipal" and org.place == "威海市", name
    assert len({o.iri for o in units.values()}) == 39  # 37 task units + 2 issuers, all distinct bodies


def test_seed_labels_types_and_iris(resolved: dict) -> None:
    units = resolved["weihai-2018-39"]
    civil = units["市民政局"]
    assert (civil.name_zh, civil.name_en) == ("市民政局", "Weihai Municipal Civil Affairs Bureau")
    assert unquote(civil.iri) == "https://w3id.org/directive-kg/id/org/威海市/民政局"
    assert unquote(str(civil.place_iri)) == "https://w3id.org/directive-kg/id/place/威海市"
    assert str(civil.type_iri) == "https://w3id.org/directive-kg/ontology#unitType/government_department"
    assert units["市直相关部门、单位"].type == "collective"
    assert units["市直相关部门、单位"].name_en == "Relevant Weihai municipal departments and units"
    assert units["团市委"].type == units["市妇联"].type == "mass_organisation"
    assert units["市委组织部"].type == "party_organ"
    assert units["市委组织部"].name_en == "Organization Department of the CPC Weihai Municipal Committee"
    assert units["市法院"].name_zh == "市中级人民法院" and units["市法院"].type == "court_procuratorate"
    assert units["市人大办"].type == units["市政协办"].type == "congress_cppcc"
    assert units["市大数据和电子政务管理中心"].type == "public_institution"
    assert units["中共威海市委"].name_en == "CPC Weihai Municipal Committee"
    assert units["威海市人民政府"].type == "people_government"


def test_same_name_in_two_cities_is_two_organisations(resolved: dict) -> None:
    weihai, guangzhou = resolved["weihai-2018-39"]["市民政局"], resolved["guangzhou-2012-20"]["市民政局"]
    assert weihai.iri != guangzhou.iri
    assert (weihai.place, guangzhou.place) == ("威海市", "广州市")
    assert guangzhou.name_en == "Guangzhou Municipal Civil Affairs Bureau"


def test_variants_in_one_directive_are_one_node() -> None:
    tasks = [Task("一", "task", "a", lead_units=["市人力资源和社会保障局"], responsible_units=["市住建局"]),
             Task("二", "task", "b", lead_units=["市人社局"], responsible_units=["市住房和城乡建设局"]),
             Task("三", "task", "c", lead_units=["市人力资源社会保障局", "市发改委"],
                  responsible_units=["市住房城乡建设局", "市发展改革委"])]
    directive = Directive("weihai-test", "t.txt", "", Metadata(issuer=["威海市人民政府"]), tasks=tasks)
    units = resolve_directive_units(directive)
    hrss = {units[n].iri for n in ("市人力资源和社会保障局", "市人社局", "市人力资源社会保障局")}
    housing = {units[n].iri for n in ("市住建局", "市住房和城乡建设局", "市住房城乡建设局")}
    reform = {units[n].iri for n in ("市发改委", "市发展改革委")}
    assert len(hrss) == len(housing) == len(reform) == 1
    node = units["市人社局"]
    assert node is units["市人力资源和社会保障局"]
    assert node.name_zh == "市人力资源社会保障局"
    assert {"市人社局", "市人力资源和社会保障局"} <= set(node.aliases)


def test_other_fixtures_resolve_and_count_unverified(resolved: dict) -> None:
    for doc in DOCS:
        assert gold_units(doc) <= set(resolved[doc])
    unverified = {doc: sorted(n for n, o in resolved[doc].items() if not o.verified) for doc in DOCS}
    assert unverified == {
        "weihai-2018-39": [], "guangzhou-2012-20": [], "guobanfa-2020-24": [],
        "anhui-2021-82": ["省推进工业互联网创新发展专项工作组", "省推进工业互联网创新发展专项工作组成员单位"],
    }
    working_group = resolved["anhui-2021-82"]["省推进工业互联网创新发展专项工作组"]
    assert (working_group.type, working_group.level, working_group.place) == ("other", "provincial", "安徽省")


def test_provincial_and_national_forms(resolved: dict) -> None:
    anhui, national = resolved["anhui-2021-82"], resolved["guobanfa-2020-24"]
    assert anhui["省市场监管局"].iri == anhui["省市场监督管理局"].iri
    assert anhui["地方金融监管局"].iri == anhui["省地方金融监管局"].iri  # 省 carried over in the list
    assert anhui["省人力资源和社会保障厅"].name_en == \
        "Anhui Provincial Department of Human Resources and Social Security"
    assert anhui["安徽银保监局"].name_zh == "安徽银保监局" and anhui["安徽银保监局"].place == "安徽省"
    assert anhui["人行合肥中心支行"].place == "合肥市"
    assert anhui["各市人民政府"].type == "collective" and anhui["省投资集团"].type == "enterprise"
    assert national["市场监管总局"].name_zh == "国家市场监督管理总局"
    assert national["国家医保局"].name_en == "National Healthcare Security Administration"
    assert national["民政部"].name_en == "Ministry of Civil Affairs" and national["民政部"].place == "中国"
    assert national["国务院相关部门"].type == national["各地区"].type == "collective"
    assert national["中央网信办"].type == "party_organ"


# Standard bodies of a municipal Party committee and government before and after the 2018 reform,
# provincial 厅 and national 部/委/总局/署 forms: name -> (context place, registry row).
STANDARD = {
    "市委办公室": ("威海市", "party_general_office"), "市委统战部": ("威海市", "united_front"),
    "市纪委": ("威海市", "discipline_inspection"), "市委编办": ("威海市", "establishment_office"),
    "市委网信办": ("威海市", "cyberspace"), "市委党校": ("威海市", "party_school"),
    "市政府办公室": ("威海市", "government_office"), "市科技局": ("威海市", "science_technology"),
    "市工业和信息化局": ("威海市", "industry_it"), "市经信委": ("威海市", "economy_it_commission"),
    "市自然资源和规划局": ("威海市", "natural_resources_planning"), "市生态环境局": ("威海市", "ecology_environment"),
    "市交通运输局": ("威海市", "transport"), "市水利局": ("威海市", "water_resources"),
    "市农业农村局": ("威海市", "agriculture_rural"), "市商务局": ("威海市", "commerce"),
    "市文化和旅游局": ("威海市", "culture_tourism"), "市卫生健康委": ("威海市", "health"),
    "市卫健委": ("威海市", "health"), "市退役军人事务局": ("威海市", "veterans"),
    "市应急管理局": ("威海市", "emergency"), "市国资委": ("威海市", "sasac"),
    "市市场监管局": ("威海市", "market_regulation"), "市统计局": ("威海市", "statistics"),
    "市医保局": ("威海市", "healthcare_security"), "市信访局": ("威海市", "petitions"),
    "市城管局": ("威海市", "urban_management"), "市食药监局": ("威海市", "food_drug"),
    "市质监局": ("威海市", "quality_supervision"), "市工商局": ("威海市", "industry_commerce_admin"),
    "市旅游局": ("威海市", "tourism"), "市海洋与渔业局": ("威海市", "ocean_fisheries"),
    "市总工会": ("威海市", "trade_unions"), "市科协": ("威海市", "science_association"),
    "市残联": ("威海市", "disabled_persons_federation"), "市工商联": ("威海市", "industry_commerce_federation"),
    "市人大常委会": ("威海市", "congress_standing_committee"), "市政协": ("威海市", "cppcc_committee"),
    "省民政厅": ("安徽省", "civil_affairs"), "省财政厅": ("安徽省", "finance"), "省委组织部": ("安徽省", "organization"),
    "省卫生健康委": ("安徽省", "health"), "省自然资源厅": ("安徽省", "natural_resources"),
    "教育部": ("中国", "education"), "国家发展改革委": ("中国", "development_reform"),
    "国家卫生健康委": ("中国", "health"), "国家体育总局": ("中国", "sport"), "审计署": ("中国", "audit"),
    "海关总署": ("中国", "customs"), "国务院国资委": ("中国", "sasac"), "应急管理部": ("中国", "emergency"),
    "国家市场监督管理总局": ("中国", "market_regulation"), "退役军人事务部": ("中国", "veterans"),
    "中央组织部": ("中国", "organization"), "全国妇联": ("中国", "womens_federation"),
}


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_standard_departments_are_in_the_registry(name: str) -> None:
    where, entry = STANDARD[name]
    org = resolve(name, place(where))
    assert (org.verified, org.entry) == (True, entry)
    assert org.name_en


def test_provincial_unit_in_a_city_document_belongs_to_the_province() -> None:
    org = resolve("省民政厅", place("威海市"))
    assert (org.place, org.level, org.name_en) == ("山东省", "provincial", "Shandong Provincial Department of Civil Affairs")
    beijing = resolve("市民政局", place("北京市"))  # a provincial-level city keeps 局
    assert (beijing.level, beijing.name_zh) == ("provincial", "市民政局")


def test_registry_has_no_conflicting_names() -> None:
    reg = load_registry()
    for core, hits in reg.core_index.items():
        for level in LEVELS:
            assert sum(level in levels for levels in hits.values()) <= 1, (core, level, hits)


def test_registry_triples_scheme_places_and_succession(resolved: dict) -> None:
    graph = registry_triples(resolved["weihai-2018-39"].values())
    concepts = set(graph.subjects(RDF.type, URIRef(str(SKOS) + "Concept")))
    assert len(concepts) == 11
    land = URIRef(resolved["weihai-2018-39"]["市国土资源局"].iri)
    events = list(graph.objects(land, ORG.changedBy))
    assert len(events) == 1
    after = graph.value(events[0], ORG.resultingOrganization)
    assert zh(graph, after) == "市自然资源和规划局"
    befores = set(graph.objects(events[0], ORG.originalOrganization))
    seed = resolved["weihai-2018-39"]
    assert befores == {URIRef(seed["市国土资源局"].iri), URIRef(seed["市规划局"].iri)}
    assert str(graph.value(events[0], DCTERMS.source)) == "《威海市机构改革方案》(2018)"
    weihai = URIRef(resolved["weihai-2018-39"]["市民政局"].place_iri)
    assert {str(x) for x in graph.objects(weihai, SKOS.prefLabel)} == {"威海市", "Weihai"}
    assert zh(graph, graph.value(weihai, ORG.subOrganizationOf)) == "山东省"


def test_every_succession_row_names_its_source() -> None:
    rows = load_succession()
    assert len(rows) >= 30
    assert all(r.source.startswith("《") for r in rows)
    assert {r.source for r in rows if r.place == "中国" and r.date.startswith("2018")} == {"《深化党和国家机构改革方案》(2018)"}


def test_resolution_is_fast() -> None:
    directives = [gold(doc) for doc in DOCS]
    resolve_directive_units(directives[0])  # registry loaded
    start = time.perf_counter()
    for directive in directives:
        resolve_directive_units(directive)
    assert time.perf_counter() - start < 0.5


ROUNDTRIP_PLACES = {"national": "中国", "provincial": "安徽省", "municipal": "威海市", "county": "荣成市"}


def test_every_registry_name_resolves_back_to_its_node() -> None:
    """Each row's canonical name and aliases, at every level it exists, resolve to the same IRI."""
    reg = load_registry()
    checked = 0
    for entry in reg.entries.values():
        for level in LEVELS:
            if not reg.forms(entry, level):
                continue
            where = reg.place(ROUNDTRIP_PLACES[level])
            org = organisation_for(entry.id, level, where)
            for name in [org.name_zh, *org.aliases]:
                assert resolve(name, DocContext(where)).iri == org.iri, (entry.id, level, name)
                checked += 1
    assert checked > 1500


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="市省区县委局厅部办国家中央民政财政人社各有关部门单位、（）() 威海广州团妇联中心组", min_size=1,
               max_size=14))
def test_any_name_resolves_to_some_node(name: str) -> None:
    """No written name breaks resolution: it is a node, verified or not, with a level and an IRI."""
    if not name.strip(" ()（）、"):
        return
    org = resolve(name, place("威海市"))
    assert org.iri.startswith("https://w3id.org/directive-kg/id/org/") and org.name_zh
    assert org.level in LEVELS and org.type
