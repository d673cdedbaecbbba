"""The extractor on the four shipped directives, against their hand-checked gold files."""

from __future__ import annotations

import pytest
from corpus_fixtures import CORPUS, DOCS, load_gold

from extract.evaluation import score_document
from extract.pipeline import extract_path


@pytest.mark.parametrize("doc_id", DOCS)
def test_unit_assignments_match_gold(doc_id):
    pred = extract_path(CORPUS / f"{doc_id}.txt").to_json()
    scores = score_document(load_gold(doc_id), pred)
    assert scores["units"].missing == [] and scores["units"].extra == []
    assert scores["units"].f1 == 1.0
    assert scores["tasks"].f1 == 1.0


def test_seed_tasks_kinds_and_titles(seed_directive):
    gold = load_gold("weihai-2018-39")
    got = [(t.number, t.kind, t.title) for t in seed_directive.tasks]
    assert got == [(t["number"], t["kind"], t["title"]) for t in gold["tasks"]]


def test_seed_units_in_written_order(seed_directive):
    gold = {t["number"]: t for t in load_gold("weihai-2018-39")["tasks"]}
    for task in seed_directive.tasks:
        assert task.lead_units == gold[task.number]["lead_units"], task.number
        assert task.responsible_units == gold[task.number]["responsible_units"], task.number


def test_collective_name_stays_whole(seed_directive):
    task = next(t for t in seed_directive.tasks if t.number == "二.(二)")
    assert task.responsible_units == ["市直相关部门、单位"]


def test_every_unit_mention_points_at_its_text(seed_directive):
    text = seed_directive.text
    mentions = [m for t in seed_directive.tasks for m in t.mentions]
    assert len(mentions) == 78  # gold: 78 unit assignments
    for m in mentions:
        assert "".join(text[m.char_start:m.char_end].split()) == m.name


def test_clause_and_title_spans_are_original_text(seed_directive):
    task = next(t for t in seed_directive.tasks if t.number == "二.(一)")
    text = seed_directive.text
    assert text[task.title_start:task.title_end] == "发挥基层党组织领导核心作用"
    assert text[task.clause_start:task.clause_end] == "（牵头单位：市委组织部，责任单位：团市委、市妇联）"
    # task (六) runs over two paragraphs: its span holds both
    six = next(t for t in seed_directive.tasks if t.number == "二.(六)")
    assert "雪亮工程" in text[six.char_start:six.char_end]


def test_guangzhou_numbering_runs_through_sections():
    d = extract_path(CORPUS / "guangzhou-2012-20.txt")
    numbers = [t.number for t in d.tasks]
    assert numbers[0] == "二.(一).2" and numbers[-1] == "五.45"
    assert len(numbers) == 44  # items 2..45; item 1 (总体目标) carries no clause


def test_anhui_two_parts_and_unnumbered_paragraphs():
    d = extract_path(CORPUS / "anhui-2021-82.txt")
    numbers = [t.number for t in d.tasks]
    assert numbers.count("A.二") == 3 and "B.二.(五).13" in numbers
    assert all(t.lead_units == [] for t in d.tasks)


def test_guobanfa_one_line_document_and_verbs():
    d = extract_path(CORPUS / "guobanfa-2020-24.txt")
    assert len(d.tasks) == 20
    first = d.tasks[0]
    assert (first.lead_units, first.responsible_units) == (["国家发展改革委"], ["国务院相关部门", "各地区"])
    sixteen = next(t for t in d.tasks if t.number == "五.(十六)")
    assert (sixteen.lead_units, sixteen.responsible_units) == ([], ["国家知识产权局"])


@pytest.mark.parametrize("doc_id", DOCS)
def test_numbering_paths_equal_gold(doc_id):
    # the scorer forgives a wrong path when titles agree; this test does not
    pred = [t.number for t in extract_path(CORPUS / f"{doc_id}.txt").tasks if t.lead_units or t.responsible_units]
    gold = [t["number"] for t in load_gold(doc_id)["tasks"] if t["lead_units"] or t["responsible_units"]]
    assert pred == gold
