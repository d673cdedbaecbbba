"""``dkg extract`` and ``dkg eval`` as a user runs them: JSON output and one-line errors."""

from __future__ import annotations

import json

import pytest
from corpus_fixtures import CORPUS, FIXTURES

from dkg.cli import main


def test_extract_json_of_the_seed(capsys):
    assert main(["extract", str(CORPUS / "weihai-2018-39.txt"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["doc_number"], out["date"], len(out["tasks"])) == ("威发〔2018〕39号", "2018-12-22", 16)
    assert out["tasks"][1]["responsible_units"] == ["市直相关部门、单位"]


def test_extract_several_files_prints_a_list(capsys):
    paths = [str(CORPUS / "weihai-2018-39.txt"), str(CORPUS / "guobanfa-2020-24.txt")]
    assert main(["extract", *paths, "--json"]) == 0
    assert [d["id"] for d in json.loads(capsys.readouterr().out)] == ["weihai-2018-39", "guobanfa-2020-24"]


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("这是一段没有编号的文字。\n只有两行。\n", encoding="utf-8")
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes(bytes(range(0x80, 0x100)) * 20)
    return {
        "missing": (tmp_path / "nope.txt", "nope.txt"),
        "empty": (empty, "empty"),
        "no numbered items": (plain, "no numbered items"),
        "undecodable": (undecodable, ""),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "no numbered items", "undecodable"])
def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path, capsys, case):
    path, words = _bad_inputs(tmp_path)[case]
    assert main(["extract", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(path.name) in err and words in err
    assert "Traceback" not in err


def test_bad_file_does_not_stop_the_others(tmp_path, capsys):
    _, _ = _bad_inputs(tmp_path)["empty"]
    code = main(["extract", str(tmp_path / "empty.txt"), str(CORPUS / "weihai-2018-39.txt"), "--json"])
    captured = capsys.readouterr()
    assert code == 2 and "empty.txt" in captured.err
    assert [d["id"] for d in json.loads(captured.out)] == ["weihai-2018-39"]


def test_eval_prints_per_document_and_total(capsys):
    assert main(["eval", str(CORPUS), str(FIXTURES)]) == 0
    lines = capsys.readouterr().out.splitlines()
    weihai = next(line for line in lines if line.startswith("weihai-2018-39:"))
    assert "units P=1.000 R=1.000 F1=1.000" in weihai and "targets P=1.000 R=1.000 F1=1.000" in weihai
    assert lines[-1].startswith("TOTAL:") and "units P=1.000 R=1.000 F1=1.000" in lines[-1]


def test_eval_lists_what_was_missed(tmp_path, capsys):
    gold = json.loads((FIXTURES / "guobanfa-2020-24.json").read_text(encoding="utf-8"))
    gold["tasks"][0]["lead_units"] = ["国务院办公厅"]  # a wrong gold answer: the extractor "misses" it
    (tmp_path / "guobanfa-2020-24.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(CORPUS), str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "missed units: ('一.(一)#0', 'lead_units', '国务院办公厅')" in out
    assert "extra  units: ('一.(一)#0', 'lead_units', '国家发展改革委')" in out
    assert "guobanfa-2020-24: tasks P=1.000 R=1.000 F1=1.000 | units P=0.992 R=0.992 F1=0.992" in out
