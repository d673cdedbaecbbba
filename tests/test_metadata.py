"""extract.metadata: title, issuers, document number, date and citations, against the gold files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.metadata import extract_metadata, parse_date
from extract.read import read_document

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["weihai-2018-39", "guangzhou-2012-20", "anhui-2021-82", "guobanfa-2020-24"]


def _squeeze(s: str | None) -> str | None:
    return re.sub(r"\s", "", s) if s is not None else None


def _text(name: str) -> str:
    return read_document(ROOT / "corpus" / f"{name}.txt")


def _gold(name: str) -> dict:
    return json.loads((ROOT / "tests" / "fixtures" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", DOCS)
def test_title_number_and_date_match_gold(name: str) -> None:
    meta, gold = extract_metadata(_text(name)), _gold(name)
    assert _squeeze(meta.title) == _squeeze(gold["title"])
    assert meta.doc_number == gold["doc_number"]
    assert meta.date == gold["date"]


def test_seed_title_as_gold_writes_it() -> None:
    assert extract_metadata(_text("weihai-2018-39")).title == "中共威海市委 威海市人民政府关于加强和完善城乡社区治理的实施意见"


@pytest.mark.parametrize("name", ["weihai-2018-39", "anhui-2021-82", "guobanfa-2020-24"])
def test_issuers_match_gold(name: str) -> None:
    assert extract_metadata(_text(name)).issuer == _gold(name)["issuer"]


def test_guangzhou_text_does_not_name_its_issuer() -> None:
    """Gold gives 中共广州市委/广州市人民政府, but the file has neither a title prefix, a red header nor
    a signature: the only mention is inside a cited title, which must not be taken as the issuer."""
    text = _text("guangzhou-2012-20")
    assert text.count("中共广州市委") == 1 and "《中共广州市委、广州市人民政府关于" in text
    assert extract_metadata(text).issuer == []


def test_seed_cites_match_gold_with_spans() -> None:
    text = _text("weihai-2018-39")
    cites = extract_metadata(text).cites
    gold = {(c["doc_number"], c["title"]) for c in _gold("weihai-2018-39")["cites"]}
    assert {(c.doc_number, c.title) for c in cites} == gold
    assert len(cites) == 5
    first = cites[0]
    assert text[first.char_start : first.char_end] == "《中共中央、国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号）"
    law = next(c for c in cites if c.title == "中华人民共和国村民委员会组织法")
    assert text[law.char_start : law.char_end] == "《中华人民共和国村民委员会组织法》"


def test_documents_a_notice_issues_are_not_cites() -> None:
    """anhui prints 《支持工业互联网发展若干政策》 and the 行动计划: both are named in its own title."""
    assert extract_metadata(_text("anhui-2021-82")).cites == []


def test_cite_without_number() -> None:
    cites = extract_metadata(_text("guangzhou-2012-20")).cites
    assert [(c.doc_number, c.title) for c in cites] == [(None, "中共广州市委、广州市人民政府关于全面推进新型城市化发展的决定")]


@pytest.mark.parametrize("name", DOCS)
def test_document_flattened_to_one_line_gives_the_same_metadata(name: str) -> None:
    """Text damage: a web crawl with every line break removed."""
    text = _text(name)
    flat = text.replace("\r", "").replace("\n", "")
    a, b = extract_metadata(text), extract_metadata(flat)
    assert (b.title, b.issuer, b.doc_number, b.date) == (a.title, a.issuer, a.doc_number, a.date)
    assert [(c.doc_number, c.title) for c in b.cites] == [(c.doc_number, c.title) for c in a.cites]


@pytest.mark.parametrize("written", ["威发[2018]39号", "威发［2018］39号", "威发(2018)39号", "威发（2018）39号",
                                     "威发【2018】39号", "威发〔2018〕 39号", "威发 〔 2018 〕 39 号"])
def test_doc_number_brackets_are_normalised(written: str) -> None:
    meta = extract_metadata(f"中共威海市委文件\n{written}\n关于加强社区治理的实施意见\n各区市委：\n正文。\n")
    assert meta.doc_number == "威发〔2018〕39号"


def test_a_cited_number_is_not_the_documents_own() -> None:
    text = ("关于加强社区治理的实施意见\n为贯彻《中共中央、国务院关于加强和完善城乡社区治理的意见》"
            "（中发〔2017〕13号）精神，现提出以下意见。\n一、总体要求\n")
    meta = extract_metadata(text)
    assert meta.doc_number is None
    assert [(c.doc_number, c.title) for c in meta.cites] == [("中发〔2017〕13号", "中共中央、国务院关于加强和完善城乡社区治理的意见")]


def test_title_over_two_lines_with_stacked_issuers_and_chinese_numeral_signature() -> None:
    text = ("中共临江市委\n临江市人民政府\n关于加强城乡社区治理的\n实施意见\n（临发［2019］3号）\n"
            "各区委、区人民政府：\n为加强社区治理，现提出以下意见。\n一、总体要求\n（略）\n\n"
            "中共临江市委　　　临江市人民政府\n二〇一九年一月五日\n（此件发至县级）\n")
    meta = extract_metadata(text)
    assert meta.title == "中共临江市委 临江市人民政府关于加强城乡社区治理的实施意见"
    assert meta.issuer == ["中共临江市委", "临江市人民政府"]
    assert meta.doc_number == "临发〔2019〕3号"
    assert meta.date == "2019-01-05"


def test_issuer_from_signature_when_title_has_none() -> None:
    text = ("关于做好2020年度社区工作的通知\n各街道办事处：\n现就有关事项通知如下。\n一、做好排查\n（略）\n"
            "临江市民政局\n2020年3月2日\n")
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date) == ("关于做好2020年度社区工作的通知", ["临江市民政局"], "2020-03-02")


def test_repeated_cite_is_listed_once_with_its_number() -> None:
    text = "关于X的通知\n根据《临江市养老服务条例》，……。按照《临江市养老服务条例》（临发〔2020〕1号）要求，……。\n"
    cites = extract_metadata(text).cites
    assert [(c.doc_number, c.title) for c in cites] == [("临发〔2020〕1号", "临江市养老服务条例")]


@pytest.mark.parametrize(("written", "iso"), [
    ("2018年12月22日", "2018-12-22"), ("2021年9月2日", "2021-09-02"), ("二〇一八年十二月二十二日", "2018-12-22"),
    ("二○二一年九月二日", "2021-09-02"), ("二〇二〇年十月三十一日", "2020-10-31"), ("二〇二〇年二月三十日", None),
    ("2020年13月1日", None),
])
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def test_portal_info_box_label_is_not_part_of_the_title():
    from extract.metadata import extract_metadata

    text = "名称：某省人民政府办公厅关于加强某项工作的通知\n某政办发〔2022〕3号\n各市人民政府：\n"
    assert extract_metadata(text).title == "某省人民政府办公厅关于加强某项工作的通知"
