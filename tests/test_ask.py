"""Plain-language questions in English and Chinese, answered from the seed (values from its gold file)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dkg.cli import main as dkg
from graph.ask import ask, match, normalise, suggestions
from graph.ask_slots import marker_value
from graph.build import build_graph
from graph.query import run_query
from graph.store import open_graph, save_graph

ROOT = Path(__file__).resolve().parent.parent
SEED = "weihai-2018-39"
GOLD = json.loads((ROOT / "tests" / "fixtures" / f"{SEED}.json").read_text(encoding="utf-8"))
GUANGZHOU = json.loads((ROOT / "tests" / "fixtures" / "guangzhou-2012-20.json").read_text(encoding="utf-8"))


def gold_tasks(unit: str, role: str, gold: dict = GOLD) -> list[str]:
    """Numbers of the gold tasks where ``unit`` (as written) has ``role`` (lead/responsible)."""
    return [t["number"] for t in gold["tasks"] if unit in t[f"{role}_units"]]


def gold_partners(unit: str) -> Counter:
    return Counter(u for t in GOLD["tasks"] for u in set(t["lead_units"] + t["responsible_units"])
                   if unit in t["lead_units"] + t["responsible_units"] and u != unit)


@pytest.fixture(scope="module")
def seed_graph(seed_directive):
    return build_graph([seed_directive], open_graph("oxigraph"))


@pytest.fixture(scope="module")
def two_cities(seed_directive):
    from extract.pipeline import extract_path

    return build_graph([seed_directive, extract_path(ROOT / "corpus" / "guangzhou-2012-20.txt")],
                       open_graph("oxigraph"))


@pytest.fixture(scope="module")
def canonical(seed_graph):
    """Unit name as the seed writes it -> its canonical Chinese label in the graph."""
    rows = run_query(seed_graph, """SELECT DISTINCT ?written ?label WHERE {
        ?a dkg:asWritten ?written ; dkg:unit ?u . ?u skos:prefLabel ?label FILTER (LANG(?label) = "zh") }""")
    return dict(zip(rows["written"], rows["label"], strict=True))


def answer(graph, question: str) -> dict:
    result = ask(graph, question)
    assert result["message"] is None, (question, result["message"])
    return result


def numbers(result: dict, document: str = SEED) -> list[str]:
    return [r["number"] for r in result["answer"] if r["document"] == document]


CIVIL_LEADS = gold_tasks("市民政局", "lead")
FINANCE_RESPONSIBLE = gold_tasks("市财政局", "responsible")
WITHOUT_LEAD = [t["number"] for t in GOLD["tasks"] if not t["lead_units"]]


@pytest.mark.parametrize("question, intent, expected", [
    ("which tasks does the civil affairs bureau lead?", "unit_leads", CIVIL_LEADS),
    ("市民政局牵头哪些任务", "unit_leads", CIVIL_LEADS),
    ("Which tasks does the Civil Affairs Bureau lead", "unit_leads", CIVIL_LEADS),
    ("哪些任务由市民政局牵头？", "unit_leads", CIVIL_LEADS),
    ("what is the finance bureau responsible for?", "unit_responsible", FINANCE_RESPONSIBLE),
    ("市财政局负责哪些任务", "unit_responsible", FINANCE_RESPONSIBLE),
    ("人社局负责哪些任务", "unit_responsible", gold_tasks("市人力资源社会保障局", "responsible")),
    ("which tasks does human resources and social security lead?", "unit_leads",
     gold_tasks("市人力资源社会保障局", "lead")),
    ("what does the Finance Bureau do?", "unit_tasks",
     sorted(gold_tasks("市财政局", "lead") + FINANCE_RESPONSIBLE, key=[t["number"] for t in GOLD["tasks"]].index)),
    ("which tasks have no lead unit?", "tasks_without_lead", WITHOUT_LEAD),
    ("哪些任务没有牵头单位", "tasks_without_lead", WITHOUT_LEAD),
])
def test_task_lists(seed_graph, question, intent, expected):
    result = answer(seed_graph, question)
    assert result["intent"] == intent
    assert numbers(result) == expected
    assert all(r["title"] for r in result["answer"])


@pytest.mark.parametrize("question, role, number", [
    ("who leads task 6 of weihai-2018-39", "lead", "二.(六)"),
    ("第六项任务由谁牵头", "lead", "二.(六)"),
    ("weihai-2018-39第六项任务由谁牵头", "lead", "二.(六)"),
    ("威发〔2018〕39号第六项任务由谁牵头", "lead", "二.(六)"),
    ("who leads task 二.(十一)?", "lead", "二.(十一)"),
    ("which units are responsible for task 3 of weihai-2018-39?", None, "二.(三)"),
    ("第三项任务由哪些单位负责", None, "二.(三)"),
])
def test_units_of_a_task(seed_graph, question, role, number):
    task = next(t for t in GOLD["tasks"] if t["number"] == number)
    expected = task["lead_units"] + ([] if role else task["responsible_units"])
    result = answer(seed_graph, question)
    assert {r["number"] for r in result["answer"]} == {number}
    assert [r["as_written"] for r in result["answer"]] == expected
    assert all(r["source"].startswith(("（牵头单位", "(牵头单位")) for r in result["answer"])


def test_who_leads_task_6_names_both_bureaus(seed_graph):
    result = answer(seed_graph, "who leads task 6 of weihai-2018-39")
    assert [r["unit_zh"] for r in result["answer"]] == ["市住房城乡建设局", "市民政局"]


@pytest.mark.parametrize("question", ["which units work most often with 市财政局?", "哪些单位与市财政局合作最多",
                                      "who works most often with the finance bureau"])
def test_partners(seed_graph, canonical, question):
    result = answer(seed_graph, question)
    got = {r["partner_zh"]: r["shared"] for r in result["answer"]}
    assert got == {canonical[u]: n for u, n in gold_partners("市财政局").items()}
    assert (result["answer"][0]["partner_zh"], result["answer"][0]["shared"]) == ("市民政局", 6)


@pytest.mark.parametrize("question", ["what is due by 2020?", "2020年前要完成哪些任务", "到2020年要完成什么"])
def test_due_by(seed_graph, question):
    result = answer(seed_graph, question)
    expected = [d["text"] for d in GOLD["deadlines"] if d["end"] and d["end"] <= "2020-12-31"]
    got = sorted("".join(r["text"].split()) for r in result["answer"])  # FORMAT.md: spans without spaces
    assert got == sorted(expected) == ["到2020年", "到2020年年底"]
    assert all(r["text"] in r["source"] for r in result["answer"])


@pytest.mark.parametrize("question", ["which unit carries the most tasks?", "哪个单位承担的任务最多"])
def test_workload(seed_graph, question):
    top = answer(seed_graph, question)["answer"][0]
    assert (top["unit_zh"], top["lead"], top["responsible"], top["total"]) == (
        "市民政局", len(CIVIL_LEADS), len(gold_tasks("市民政局", "responsible")), 11)


def test_pairs_deadline_years_citations_directives_targets(seed_graph):
    pair = answer(seed_graph, "which pairs of units share the most tasks?")["answer"][0]
    assert {pair["unit_zh"], pair["partner_zh"]} == {"市民政局", "市财政局"} and pair["shared"] == 6
    years = answer(seed_graph, "各年度的时限分布")["answer"]
    assert {r["year"]: r["deadlines"] for r in years} == {2019: 1, 2020: 2, 2030: 1}
    assert [r["document"] for r in answer(seed_graph, "which documents cite 中发〔2017〕13号?")["answer"]] == [SEED]
    cites = answer(seed_graph, "哪些文件引用了《中华人民共和国城市居民委员会组织法》")["answer"]
    assert [r["document"] for r in cites] == [SEED]
    involved = answer(seed_graph, "哪些文件涉及市民政局")["answer"]
    assert [(r["document"], r["lead"], r["responsible"]) for r in involved] == [(SEED, 7, 4)]
    floors = [r["value"] for r in answer(seed_graph, "what targets does the finance bureau have?")["answer"]
              if r["number"] == "二.(五)" and r["comparator"] == ">=" and r["measure"] == "元"]
    assert sorted(floors) == [36000, 60000, 200000]


def test_answers_are_grouped_by_organisation(two_cities):
    result = answer(two_cities, "which tasks does the civil affairs bureau lead?")
    assert [(g["name_zh"], g["place"]) for g in result["groups"]] == [("市民政局", "威海市"), ("市民政局", "广州市")]
    weihai, guangzhou = (g["unit"] for g in result["groups"])
    assert [r["number"] for r in result["answer"] if r["unit"] == weihai] == CIVIL_LEADS
    assert [r["number"] for r in result["answer"] if r["unit"] == guangzhou] == \
        gold_tasks("市民政局", "lead", GUANGZHOU) == ["二.(五).25"]
    assert numbers(result) == CIVIL_LEADS


@pytest.mark.parametrize("question, message", [
    ("what's the weather in Weihai?", "not one of the supported kinds"),
    ("", "empty question"),
    ("局牵头哪些任务", "fits several units"),
    ("金星局牵头哪些任务", "no unit called"),
    ("who leads task 99 of weihai-2018-39", "no task"),
    ("who leads task 6 of shanghai-2030-1", "no directive"),
])
def test_unanswerable_questions_get_suggestions(seed_graph, question, message):
    result = ask(seed_graph, question)
    assert message in result["message"]
    assert result["answer"] == []
    if question:
        assert result["suggestions"]


def test_matching_helpers():
    assert normalise("  Which tasks does  X lead？ ") == "Which tasks does X lead"
    assert [i.name for i, _ in match("市民政局牵头哪些任务")][0] == "unit_leads"
    assert match("第十二项任务由谁牵头")[0][1] == {"task": "十二"}
    assert marker_value("(十一)") == 11 and marker_value("12") == 12 and marker_value("A") is None
    assert "which tasks does the civil affairs bureau lead?" in suggestions("which task does the finance bureau leads")
    assert suggestions("市民政局的牵头")[0] == "市民政局牵头哪些任务"


@pytest.fixture(scope="module")
def graph_file(two_cities, tmp_path_factory):
    return save_graph(two_cities, tmp_path_factory.mktemp("ask") / "two.ttl")


@pytest.mark.parametrize("question", ["which tasks does the civil affairs bureau lead?", "市民政局牵头哪些任务"])
def test_cli_json(graph_file, capsys, question):
    assert dkg(["ask", question, "--graph", str(graph_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"question", "sparql", "answer"} and "initBindings" in result["sparql"]
    assert [r["number"] for r in result["answer"] if r["document"] == SEED] == CIVIL_LEADS
    assert all({"document", "number", "title"} <= set(r) for r in result["answer"])


def test_cli_text_and_unknown(graph_file, capsys):
    assert dkg(["ask", "who leads task 6 of weihai-2018-39", "--graph", str(graph_file)]) == 0
    out = capsys.readouterr().out
    assert "市住房城乡建设局" in out and "市民政局" in out and "SELECT" in out and "↳" in out
    assert dkg(["ask", "tell me a joke", "--graph", str(graph_file)]) == 1
    assert "not one of the supported kinds" in capsys.readouterr().out


def test_user_text_is_bound_not_pasted(seed_graph):
    evil = 'x" } } DELETE WHERE { ?s ?p ?o } #'
    result = answer(seed_graph, f"which documents cite {evil}")
    assert result["answer"] == [] and result["bindings"] == [{"cited": evil}]
    assert evil not in result["sparql"]
    assert len(answer(seed_graph, "which tasks have no lead unit?")["answer"]) == len(WITHOUT_LEAD)
