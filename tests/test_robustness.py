"""Any text, however damaged, extracts without an exception, and every fact keeps a true span.

Texts are drawn from the pieces directives are made of (numbering, labels, unit names, table
headers, tabs, runs of spaces, brackets, page numbers), so that the rarer paths (layout tables,
one-cell-per-line tables, label lines, prose) meet odd combinations.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import extract_text

_PIECES = [
    "一、", "二、", "（一）", "（二）", "1.", "2．", "3、", "（1）", "①", "第一条", "\n", "\n\n", "\t", "  ", "    ", " ",
    "序号", "重点任务", "牵头单位", "配合单位", "责任单位", "完成时限", "牵头单位：", "责任单位：", "（", "）", "〔", "〕",
    "市民政局", "市财政局", "县农业农村局", "各乡镇人民政府", "市直相关部门、单位", "、", "，", "。", "；", "牵头", "负责",
    "配合", "由", "会同", "按职责分工负责", "— 3 —", "\f", "2023年12月", "底前", "长期坚持", "不少于", "3.6万元", "\"",
    "部门分工：", "分管副省长", "列第一位者为牵头单位，下同", "本意见自印发之日起施行。", "网站标识码", "局", "人民政府",
    "牽頭單位：", "市商務局", "負責", "東陵海關", "會同", "由此", "\u3000\u3000",
    "  序号  项目名称  牵头单位  责任单位  完成时限\n",
    "   1  项目甲   市住房城乡建设    市财政局、各区县   2023年12月\n                局                人民政府\n",
]


def _subsequence(name: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in name)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=20, max_size=120))
def test_any_text_extracts_and_every_unit_span_holds_its_name(pieces):
    text = "".join(pieces)
    directive = extract_text(text, doc_id="fuzz", source="fuzz.txt")
    for task in directive.tasks:
        assert 0 <= task.char_start <= task.char_end <= len(text)
        for m in task.mentions:
            assert 0 <= m.char_start < m.char_end <= len(text)
            assert _subsequence(m.name, text[m.char_start:m.char_end]), (m, text[m.char_start:m.char_end])
    for fact in directive.targets + directive.deadlines:
        assert 0 <= fact.char_start <= fact.char_end <= len(text)


def test_overlapping_clauses_in_damaged_text_do_not_break_titles():
    # found by a random search: a label line and a verb-key line overlap inside one item
    text = ("（一）序号网站标识码\f\n\n\f第一条（1）完成时限\t县农业农村局；负责人民政府（、3.6万元（配合单位— 3 —不少于\f"
            "部门分工：1.2．、\f责任单位    责任单位：— 3 —按职责分工负责\f1.责任单位：\n\n责任单位：")
    directive = extract_text(text, doc_id="fuzz", source="fuzz.txt")
    assert all(t.title_start <= t.title_end for t in directive.tasks)
