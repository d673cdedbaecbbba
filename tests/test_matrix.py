"""Responsibility matrices of the seed: read back from CSV and XLSX, cells equal to the gold file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dkg.cli import main as dkg
from extract.model import Directive, Task
from graph.build import build_graph
from graph.matrix import for_document, responsibility_matrix, to_html, to_markdown, unit_totals, write_matrix
from graph.query import run_named, run_query

ROOT = Path(__file__).resolve().parent.parent
SEED = "weihai-2018-39"
GOLD = json.loads((ROOT / "tests" / "fixtures" / f"{SEED}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_graph(seed_directive):
    return build_graph([seed_directive])


@pytest.fixture(scope="module")
def matrix(seed_graph):
    return responsibility_matrix(seed_graph)


@pytest.fixture(scope="module")
def column_of(seed_graph):
    """Gold unit name as written -> the matrix column (the unit's canonical Chinese name)."""
    names = {u for t in GOLD["tasks"] for u in t["lead_units"] + t["responsible_units"]}
    found = run_query(seed_graph, """SELECT DISTINCT ?written ?label WHERE {
        ?a dkg:asWritten ?written ; dkg:unit ?u . ?u skos:prefLabel ?label FILTER (LANG(?label) = "zh") }""")
    out = dict(zip(found["written"], found["label"], strict=True))
    assert set(out) == names
    return out


def expected_cells(column_of) -> list[dict[str, str]]:
    """Per gold task: column -> "L"/"R"."""
    rows = []
    for task in GOLD["tasks"]:
        cells = {column_of[u]: "R" for u in task["responsible_units"]}
        cells.update({column_of[u]: "L" for u in task["lead_units"]})
        rows.append(cells)
    return rows


def assert_matches_gold(table: pd.DataFrame, column_of) -> None:
    table = table.fillna("")
    assert len(table) == len(GOLD["tasks"]) == 16
    assert table["number"].tolist() == [t["number"] for t in GOLD["tasks"]]
    assert table["title"].tolist() == [t["title"] for t in GOLD["tasks"]]
    units = [c for c in table.columns if c not in ("document", "number", "title")]
    assert set(units) == set(column_of.values())
    for (_, row), cells in zip(table.iterrows(), expected_cells(column_of), strict=True):
        for unit in units:
            assert row[unit] == cells.get(unit, ""), (row["number"], unit)


def test_matrix_shape_and_busiest_unit_first(matrix):
    assert matrix.shape == (16, 37)
    assert matrix.columns[0] == "市民政局"
    assert matrix.index.names == ["document", "number", "title"]
    assert matrix.loc[(SEED, "二.(六)", "加强社区综合服务设施建设"), "市民政局"] == "L"


def test_csv_reads_back_equal_to_gold(matrix, column_of, tmp_path):
    path = write_matrix(matrix, tmp_path / "m.csv", "csv")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"  # UTF-8 byte-order mark for Excel
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert_matches_gold(table, column_of)


def test_xlsx_reads_back_equal_to_gold(matrix, column_of, tmp_path):
    path = write_matrix(matrix, tmp_path / "m.xlsx", "xlsx")
    sheets = pd.read_excel(path, sheet_name=None, dtype=str)
    assert list(sheets) == [SEED, "All", "Totals", "Legend"]
    assert_matches_gold(sheets[SEED], column_of)
    assert_matches_gold(sheets["All"], column_of)
    totals = sheets["Totals"].set_index("unit")
    assert totals.loc["市民政局"].tolist() == ["7", "4", "11"]
    assert totals.loc["市财政局"].tolist() == ["2", "4", "6"]


def test_xlsx_layout(matrix, tmp_path):
    path = write_matrix(matrix, tmp_path / "m.xlsx", "xlsx")
    book = load_workbook(path)
    sheet = book[SEED]
    assert sheet.freeze_panes == "D2"
    assert sheet["C2"].alignment.wrap_text
    header = [c.value for c in sheet[1]]
    lead_cell = sheet.cell(row=2, column=header.index("市委组织部") + 1)
    assert lead_cell.value == "L" and lead_cell.fill.fgColor.rgb.endswith("F4B183")
    resp_cell = sheet.cell(row=2, column=header.index("团市委") + 1)
    assert resp_cell.value == "R" and resp_cell.fill.fgColor.rgb.endswith("BDD7EE")
    legend = [row for row in book["Legend"].iter_rows(values_only=True)]
    assert legend[1][0] == "L" and "牵头单位" in legend[1][1]


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_xlsx_opens_in_libreoffice(matrix, tmp_path):
    binary = _soffice()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice is not installed")
    path = write_matrix(matrix, tmp_path / "matrix.xlsx", "xlsx")
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "matrix.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.is_file() and pdf.read_bytes()[:4] == b"%PDF"


def test_markdown_and_html(matrix):
    md = to_markdown(matrix).splitlines()
    assert len(md) == 2 + 16 and "市民政局" in md[0]
    assert md[2].startswith("| weihai-2018-39 | 二.(一) | 发挥基层党组织领导核心作用 |")
    evil = pd.DataFrame({"<b>unit</b>": ["L"]},
                        index=pd.MultiIndex.from_tuples([("d", "1", "<script>alert(1)</script>")],
                                                        names=["document", "number", "title"]))
    page = to_html(evil)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;unit&lt;/b&gt;" in page


def test_totals_and_english_labels(seed_graph, matrix):
    totals = unit_totals(matrix)
    assert totals.loc["市民政局"].tolist() == [7, 4, 11]
    english = responsibility_matrix(seed_graph, "en")
    assert english.shape == matrix.shape
    civil = run_named(seed_graph, "unit_workload").set_index("unit_zh").loc["市民政局", "unit_en"]
    assert civil == "Weihai Municipal Civil Affairs Bureau"
    assert english[civil].tolist() == matrix["市民政局"].tolist()


def test_same_name_in_two_cities_gives_two_columns(seed_directive):
    from extract.pipeline import extract_path

    both = responsibility_matrix(build_graph([seed_directive,
                                              extract_path(ROOT / "corpus" / "guangzhou-2012-20.txt")]))
    assert {"市民政局（威海市）", "市民政局（广州市）"} <= set(both.columns)
    weihai = for_document(both, SEED)
    assert (weihai["市民政局（威海市）"] == "L").sum() == 7
    assert "市民政局（广州市）" not in weihai.columns


def test_cli_writes_matrix_and_refuses_xlsx_to_stdout(tmp_path, capsys):
    out = tmp_path / "seed.csv"
    assert dkg(["matrix", str(ROOT / "corpus" / f"{SEED}.txt"), "--format", "csv", "-o", str(out)]) == 0
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == 16
    assert dkg(["matrix", str(ROOT / "corpus" / f"{SEED}.txt"), "--format", "xlsx"]) == 2
    assert "xlsx needs an output file" in capsys.readouterr().err
    assert dkg(["matrix", str(tmp_path / "missing.txt")]) == 2


#: a task title that Excel would run as a formula (a link that could exfiltrate data)
FORMULA_TITLE = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def hostile_matrix():
    """A directive whose task title is a formula and whose units start with + and @ or hold markup."""
    text = f"关于测试的通知\n一、{FORMULA_TITLE}\n牵头单位：+市民政局\n二、<script>alert(1)</script> | a & b\n"
    directive = Directive(id="hostile", source="hostile.txt", text=text, tasks=[
        Task(number="一", kind="task", title=FORMULA_TITLE, lead_units=["+市民政局"], responsible_units=["@市财政局"]),
        Task(number="二", kind="task", title="<script>alert(1)</script> | a & b", lead_units=["-市<b>教育</b>局|x"])])
    return responsibility_matrix(build_graph([directive]))


def test_formulas_are_written_as_text_in_xlsx(hostile_matrix, tmp_path):
    path = write_matrix(hostile_matrix, tmp_path / "m.xlsx", "xlsx")
    book = load_workbook(path)
    for name in ("hostile", "All"):
        sheet = book[name]
        title = sheet["C2"]
        assert (title.value, title.data_type) == (FORMULA_TITLE, "s")
        assert all(c.data_type == "s" for c in sheet[1])  # unit names in the header too
    assert not [c.coordinate for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_formulas_are_quoted_in_csv(hostile_matrix, tmp_path):
    path = write_matrix(hostile_matrix, tmp_path / "m.csv", "csv")
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert table["title"].tolist()[0] == "'" + FORMULA_TITLE
    assert {"'+市民政局", "'@市财政局", "'-市<b>教育</b>局|x"} <= set(table.columns)
    assert not any(line.startswith(("=", "+", "-", "@")) for line in path.read_text("utf-8-sig").splitlines())
    assert write_matrix(hostile_matrix, tmp_path / "m.csv", "csv").read_bytes()[:3] == b"\xef\xbb\xbf"


def test_markdown_cells_are_escaped(hostile_matrix):
    md = to_markdown(hostile_matrix)
    assert "<script>" not in md and "<b>" not in md
    row = md.splitlines()[3]
    assert row.startswith("| hostile | 二 | &lt;script&gt;alert(1)&lt;/script&gt; \\| a &amp; b |")
    assert "-市&lt;b&gt;教育&lt;/b&gt;局\\|x" in md.splitlines()[0]
    assert all(line.count(" | ") == md.splitlines()[0].count(" | ") for line in md.splitlines()[2:])
