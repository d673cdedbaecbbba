"""Targets: numerals, comparators, units, per/subject, offsets, and the seed's gold targets."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dkg.cli import main
from extract.model import Directive, Section, Target
from extract.numbers import NumView, parse_number, parse_range
from extract.pipeline import extract_path
from extract.targets import find_targets, innermost_section

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "weihai-2018-39.txt"
GOLD = ROOT / "tests" / "fixtures" / "weihai-2018-39.json"


def one(text: str) -> Target:
    found = find_targets(text, [])
    assert len(found) == 1, found
    return found[0]


# --- numerals -------------------------------------------------------------------------------

@pytest.mark.parametrize("token, value", [
    ("3.6万", 36000), ("三千", 3000), ("两", 2), ("二十万", 200000), ("1.5亿", 150_000_000),
    ("300", 300), ("0.5", 0.5), ("一百零五", 105),
])
def test_parse_number(token: str, value: float) -> None:
    assert parse_number(token) == value


def test_parse_range_carries_magnitude_to_the_low_end() -> None:
    assert parse_range("3", "5万") == [30000, 50000]
    assert parse_range("300", "400") == [300, 400]


def test_view_maps_back_to_original_offsets() -> None:
    original = "按照每 300—400 户居民\n\n配备 1 人，不少于 ３．６ 万元"
    view = NumView.of(original)
    assert view.text == "按照每300—400户居民配备1人，不少于3.6万元"
    i = view.text.index("3.6")
    start, end = view.span(i, i + 5)
    assert original[start:end] == "３．６ 万元"


@given(st.lists(st.sampled_from(["每", "3", "．", "万", "元", " ", "\n\n", "\u3000", "户", "\t", "，"]), max_size=40))
def test_view_spans_always_slice_the_same_characters(chars: list[str]) -> None:
    original = "".join(chars)
    view = NumView.of(original)
    for i in range(len(view.text)):
        start, end = view.span(i, i + 1)
        assert end - start == 1
        folded = {"．": ".", "\t": "|"}.get(original[start], original[start])
        assert folded == view.text[i]


def test_a_table_cell_break_is_not_joined() -> None:
    assert find_targets("序号\t1\t名校建设工程\t2020年底前", []) == []


# --- the patterns of the issue, exact normalised values ----------------------------------------

def test_wan_is_multiplied_out() -> None:
    t = one("城市社区工作经费按照每千户每年不少于3.6万元")
    assert (t.comparator, t.value, t.unit) == (">=", 36000, "元")
    assert t.per == "每千户每年"
    assert t.subject == "城市社区工作经费"
    assert t.text == "不少于3.6万元"


def test_chinese_numeral() -> None:
    t = one("一般以三千户左右为宜")
    assert (t.comparator, t.value, t.unit) == ("≈", 3000, "户")


@pytest.mark.parametrize("dash", ["—", "-", "～", "~", "－", "——", "至"])
def test_ranges_with_any_dash(dash: str) -> None:
    t = one(f"按照每300{dash}400户居民配备1人的标准核定总量")
    assert (t.comparator, t.value, t.unit) == ("range", [300, 400], "户")
    assert "".join(t.text.split()).startswith(f"300{dash}400户")


def test_pdf_spaces_and_fullwidth_digits() -> None:
    text = "按照每 300—400 户居民配备 1 人，经费不少于 ３．６ 万元"
    found = find_targets(text, [])
    assert [(t.comparator, t.value, t.unit) for t in found] == [("range", [300, 400], "户"),
                                                                   (">=", 36000, "元")]
    for t in found:
        assert text[t.char_start:t.char_end] == t.text


@pytest.mark.parametrize("text, comparator, value, unit, per", [
    ("会议每年不得超过2次", "<=", 2, "次", "每年"),
    ("街道（镇）每周只召开1次由社区主要负责人参加的工作例会", "<=", 1, "次", "每周"),
    ("一个社区原则上只设置一个居民委员会", "<=", 1, "个", None),
    ("连续任职满 2 届、表现优秀的书记", ">=", 2, "届", None),
    ("新建住宅区居民入住率达到50%的", ">=", 50, "%", None),
    ("对跨行业跨领域工业互联网平台省级给予奖补，最高3000万元", "<=", 30_000_000, "元", None),
    ("重点企业生产效率提高20%以上", ">=", 20, "%", None),
    ("新模式应用普及率超过30%", ">", 30, "%", None),
    ("将商标注册平均审查周期压缩至4个月以内", "<=", 4, "个月", None),
    ("对其实际完成投资1000万元及以上的", ">=", 10_000_000, "元", None),
    ("每个社区补助5人", "=", 5, "人", "每个社区"),
])
def test_comparators(text: str, comparator: str, value: float, unit: str, per: str | None) -> None:
    t = one(text)
    assert (t.comparator, t.value, t.unit) == (comparator, value, unit)
    if per:
        assert t.per == per


def test_percentage_base_between_comparator_and_number() -> None:
    t = one("一般应拿出不少于补充街道机关公务员总数 20% 的名额")
    assert (t.comparator, t.value, t.unit) == (">=", 20, "%")
    assert t.per == "补充街道机关公务员总数"
    assert t.subject == "名额"


def test_percentage_of_a_base() -> None:
    t = one("补助额按照上年度全市事业单位新入职人员平均工资的 50%核定")
    assert (t.comparator, t.value, t.unit) == ("=", 50, "%")
    assert t.per == "上年度全市事业单位新入职人员平均工资"
    assert t.subject == "补助额"


def test_count_after_a_per_range_is_part_of_it() -> None:
    found = find_targets("以区市为单位，按照每 300—400 户居民配备 1 人的标准核定总量", [])
    assert len(found) == 1
    assert "".join(found[0].text.split()) == "300—400户居民配备1人"


# --- not targets ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "威发〔2018〕39号",
    "（2018年12月22日）",
    "根据《中共中央、国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号）精神",
    "开展“一评二控三减四健”专项行动，即定期进行一次健康评估",
    "安徽省工业互联网创新发展行动计划（2021-2023年）",
    "安徽省工业互联网创新发展行动计划(2021—2023年)",
    "11.121人才梯队项目",
    "全面贯彻落实党的十九大和十九届二中、三中全会精神",
    "IPv6（互联网协议第6版）",
    "5年内重点培训紧缺人才",
    "再经过5到10年，城乡社区治理体制更加成熟定型",
    "对战略性主导产业领域企业引进的紧缺人才，分2年给予政府安家补助",
    "将城乡社区治理具体内容依法纳入市、县两级政府职能部门权责清单",
    "就推进人才集聚工程（简称“633”人才工程）",
    "（三）发展完善基层民主。",
    "12﹒深化“5G＋工业互联网”融合应用",
])
def test_not_targets(text: str) -> None:
    assert find_targets(text, []) == []


# --- sections -------------------------------------------------------------------------------

def test_innermost_section_of_nested_items() -> None:
    sections = [Section("二", "二、", "主要任务", "task", 0, 100),
                Section("二.(五)", "（五）", "经费", "task", 40, 80, "二")]
    assert innermost_section(sections, 50) == "二.(五)"
    assert innermost_section(sections, 10) == "二"
    assert innermost_section(sections, 100) == ""


# --- the seed against its gold ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> Directive:
    return extract_path(SEED)


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _value(x: dict) -> tuple[float, ...]:
    v = x["value"]
    return tuple(float(a) for a in v) if isinstance(v, list) else (float(v),)


def _matches(gold: dict, pred: dict) -> bool:
    """The project scorer's rule: texts overlap (containment or >= 60% of the gold's characters)
    and the values are equal."""
    g, p = _norm(gold["text"]), _norm(pred["text"])
    overlap = g in p or p in g or len(set(g) & set(p)) >= 0.6 * len(g)
    return overlap and _value(gold) == _value(pred)


def test_seed_targets_match_gold_in_the_right_section(seed: Directive) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["targets"]
    pred = seed.to_json()["targets"]
    used: set[int] = set()
    for g in gold:
        hit = next(i for i, p in enumerate(pred) if i not in used and _matches(g, p))
        used.add(hit)
        assert pred[hit]["section"] == g["section"], g["text"]
        assert pred[hit]["comparator"] == g["comparator"], g["text"]
        assert pred[hit]["unit"] == g["unit"], g["text"]
    precision, recall = len(used) / len(pred), len(used) / len(gold)
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert len(gold) == 19 and len(pred) == 19


def test_seed_funding_floors(seed: Directive) -> None:
    floors = [(t.value, t.per) for t in seed.targets if t.unit == "元" and t.comparator == ">="]
    assert floors == [(36000, "每千户每年"), (60000, None), (200000, "每个社区每年")]
    assert {t.section for t in seed.targets if t.unit == "元"} == {"二.(五)"}


def test_seed_offsets_slice_the_original(seed: Directive) -> None:
    for t in seed.targets:
        assert seed.text[t.char_start:t.char_end] == t.text


def test_seed_doc_number_date_citations_and_numbering_are_not_targets(seed: Directive) -> None:
    text = seed.text
    protected = [m.span() for m in re.finditer(r"〔\d{4}〕\d+号|\d{4}年\d{1,2}月\d{1,2}日|《[^》]*》", text)]
    marker = r"(?m)^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
    protected += [m.span() for m in re.finditer(marker, text)]
    assert len(protected) > 20
    for t in seed.targets:
        for start, end in protected:
            assert t.char_end <= start or t.char_start >= end, (t.text, text[start:end])
    assert not [t for t in seed.targets if "一评二控" in text[t.char_start - 10:t.char_end + 10]]


def test_speed_over_a_million_characters_per_second() -> None:
    text = SEED.read_text(encoding="utf-8") * 20  # ~500k characters
    find_targets("预热", [])
    start = time.perf_counter()
    found = find_targets(text, [])
    elapsed = time.perf_counter() - start
    assert len(found) == 19 * 20
    assert len(text) / elapsed > 1_000_000


# --- dkg targets ----------------------------------------------------------------------------

def test_cli_csv_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", str(SEED), "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "doc,section,comparator,value,low,high,unit,per,subject,text,char_start,char_end"
    assert len(lines) == 20
    assert "weihai-2018-39,二.(五),>=,36000,,,元,每千户每年,城市社区工作经费,不少于3.6万元" in lines[8]
    assert main(["targets", str(SEED), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    rng = next(r for r in rows if r["comparator"] == "range")
    assert (rng["low"], rng["high"], rng["unit"], rng["section"]) == (300, 400, "户", "二.(四)")


def test_cli_deadlines_and_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", str(SEED), "--deadlines", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["start"], r["end"]) for r in rows] == [
        ("by", None, "2020-12-31"), ("relative", "2025-01-01", "2030-12-31"),
        ("from", "2019-01-01", None), ("by", None, "2020-12-31")]
    assert main(["targets", "no/such/file.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bounds_written_with_longest_and_within():
    t = one("失业保险补贴期限最长6个月。")
    assert (t.comparator, t.value, t.unit) == ("<=", 6, "个月")
    t = one("奖补资金在30个工作日内拨付到位。")
    assert (t.comparator, t.value, t.unit) == ("<=", 30, "个工作日")


def test_the_document_counting_its_own_parts_is_not_a_target():
    assert find_targets("方案从3个方面提出9项重点任务。", []) == []
    assert [x.text for x in find_targets("现提出以下措施。新建公共厕所45座。", [])] == ["45座"]
