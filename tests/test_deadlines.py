"""Deadlines: by / from / relative / ongoing phrases normalised to ISO dates, and the gold docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.deadlines import document_year, find_deadlines, parse_deadline
from extract.model import Deadline, Section
from extract.numbers import NumView
from extract.pipeline import extract_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "fixtures" / "weihai-2018-39.json"


def one(text: str, **kw: str) -> Deadline:
    found = find_deadlines(text, [], **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, kind, start, end", [
    ("到2020年年底实现城乡社区综合服务设施全覆盖", "by", None, "2020-12-31"),
    ("到 2020 年年底实现全覆盖", "by", None, "2020-12-31"),
    ("到2020年，城乡社区治理体系基本建立", "by", None, "2020-12-31"),
    ("2019年底前完成", "by", None, "2019-12-31"),
    ("2021年6月底前实现专业技术人才职称信息跨地区在线核验", "by", None, "2021-06-30"),
    ("会同配合单位于2012年10月底前牵头制定完成具体实施细则", "by", None, "2012-10-31"),
    ("2021年上半年完成", "by", None, "2021-06-30"),
    ("自 2019 年起，市财政给予补助", "from", "2019-01-01", None),
    ("本政策自2021年开始执行", "from", "2021-01-01", None),
    ("自2019年7月1日起施行", "from", "2019-07-01", None),
    ("2012年起5年内，大力实施六大人才行动计划", "relative", "2012-01-01", "2016-12-31"),
    ("长期坚持", "ongoing", None, None),
    ("持续推进降本增效", "ongoing", None, None),
])
def test_phrases(text: str, kind: str, start: str | None, end: str | None) -> None:
    d = one(text)
    assert (d.kind, d.start, d.end) == (kind, start, end)
    assert text[d.char_start:d.char_end] == d.text


def test_relative_resolved_against_the_preceding_year() -> None:
    text = "到2020年，城乡社区治理体系基本建立。再经过5到10年，城乡社区治理体制更加成熟定型。"
    first, second = find_deadlines(text, [])
    assert (first.kind, first.end) == ("by", "2020-12-31")
    assert (second.kind, second.start, second.end) == ("relative", "2025-01-01", "2030-12-31")
    assert second.text == "再经过5到10年"
    assert second.about == "城乡社区治理体制更加成熟定型"


def test_month_without_year_takes_the_year_of_its_sentence_or_document() -> None:
    assert one("2021年要完善制度，6月底前完成清理").end == "2021-06-30"
    assert one("6月底前完成清理", doc_date="2021-03-02").end == "2021-06-30"
    assert one("相关落实情况年底前报国务院", doc_date="2020-07-15").end == "2020-12-31"


def test_relative_without_an_earlier_year_uses_the_document_year() -> None:
    d = one("力争用3年左右时间，基本建成体系", doc_date="2021-09-02")
    assert (d.kind, d.end) == ("relative", "2024-12-31")


def test_document_year_is_its_first_full_date() -> None:
    assert document_year(NumView.of("（2018年12月22日）到2020年").text) == 2018


@pytest.mark.parametrize("text", [
    "（2018年12月22日）",
    "威发〔2018〕39号",
    "安徽省工业互联网创新发展行动计划（2021-2023年）",
    "每年6月底前报送工作情况",
    "5年内重点引进100名人才",
    "国务院办公厅2020年7月15日（此件公开发布）",
    "于2018年12月22日印发",
    "力争2020年前后基本建成",
])
def test_not_deadlines(text: str) -> None:
    assert find_deadlines(text, []) == []


def test_deadline_gets_innermost_section() -> None:
    text = "一、总体要求\n到2020年，体系基本建立。\n（一）经费。自2019年起，给予补助。"
    inner = text.index("（一）")
    sections = [Section("一", "一、", "总体要求", "general", 0, len(text)),
                Section("一.(一)", "（一）", "经费", "general", inner, len(text), "一")]
    assert [d.section for d in find_deadlines(text, sections)] == ["一", "一.(一)"]


def test_parse_deadline_cells() -> None:
    assert parse_deadline("2020年底前").end == "2020-12-31"
    assert parse_deadline("2021年6月").end == "2021-06-30"
    assert parse_deadline("长期坚持").kind == "ongoing"
    assert parse_deadline("6月底前", year=2022).end == "2022-06-30"
    assert parse_deadline("按职责分工") is None


def test_seed_deadlines_match_gold() -> None:
    directive = extract_path(CORPUS / "weihai-2018-39.txt")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["deadlines"]
    got = [(d.section, d.kind, d.start, d.end) for d in directive.deadlines]
    assert got == [(g["section"], g["kind"], g["start"], g["end"]) for g in gold]
    assert ["".join(d.text.split()) for d in directive.deadlines] == [g["text"] for g in gold]


def test_guobanfa_deadlines_in_task_text() -> None:
    directive = extract_path(CORPUS / "guobanfa-2020-24.txt")
    ends = [d.end for d in directive.deadlines]
    assert ends == ["2020-12-31"] * 3 + ["2021-06-30"] + ["2020-12-31"] * 3
    assert ("四.(十一)", "2021-06-30") in [(d.section, d.end) for d in directive.deadlines]
    assert directive.deadlines[-1].text == "年底前"  # 相关落实情况年底前报国务院: document year 2020


def test_task_table_deadline_cells() -> None:
    text = ("序号\t工作任务\t牵头单位\t完成时限\n"
            "1\t建立工作机制\t市发展改革委\t2023年6月\n"
            "2\t推进数据共享\t市大数据局\t长期坚持\n"
            "3 | 完善数据标准 | 市市场监管局 | 2024年底前\n"
            "4 | 开展宣传 | 市委宣传部 | 2024年\n")
    got = [(d.kind, d.end, d.about, d.text) for d in find_deadlines(text, [])]
    assert got == [("by", "2023-06-30", "建立工作机制", "2023年6月"),
                   ("ongoing", None, "推进数据共享", "长期坚持"),
                   ("by", "2024-12-31", "完善数据标准", "2024年底前"),
                   ("by", "2024-12-31", "开展宣传", "2024年")]
