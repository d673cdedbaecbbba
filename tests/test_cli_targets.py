"""``dkg targets`` output: CSV cells safe for spreadsheets, nothing on stdout when every file failed."""

from __future__ import annotations

import csv
import io
import shutil

from graph_seed import SEED_TEXT

from dkg.cli import main


def test_csv_cells_that_look_like_formulas_are_quoted(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED_TEXT, tmp_path / "=cmd.txt")  # the doc column is the file stem
    assert main(["targets", "=cmd.txt", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 19 and {r["doc"] for r in rows} == {"'=cmd"}
    assert rows[7]["value"] == "36000" and rows[7]["text"] == "不少于3.6万元"  # numbers and text unchanged


def test_nothing_on_stdout_when_every_file_failed(tmp_path, capsys) -> None:
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    for fmt in ("--csv", "--json", None):
        assert main(["targets", str(old), *([fmt] if fmt else [])]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and "convert it to .docx" in captured.err
