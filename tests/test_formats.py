"""One directive as .txt, .docx and .pdf reads and extracts the same; saved web pages read clean.

The .docx (python-docx) and .pdf (reportlab, built-in CJK font STSong-Light) are made here from
the same paragraphs and task-division table; the table is a real Word/PDF table whose 牵头单位
cell is merged over three rows. The web pages are fixtures in tests/fixtures/html/ (constructed
pages in the style of government portals, GB2312/GBK encoded).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.metadata import extract_metadata
from extract.pipeline import extract_path
from extract.read import read_document

HTML = Path(__file__).parent / "fixtures" / "html"

# A fictional directive in the genre's usual shape: joint issuers, doc number, date under the
# title, main tasks and safeguards with label clauses, and an attached task-division table.
PARAGRAPHS = [
    "中共临江市委 临江市人民政府",
    "关于加快推进社区养老服务体系建设的实施意见",
    "临发〔2021〕12号",
    "（2021年6月18日）",
    "为积极应对人口老龄化，加快构建居家社区机构相协调、医养康养相结合的养老服务体系，"
    "根据《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）精神，结合我市实际，现提出以下实施意见。",
    "一、总体要求",
    "到2025年，全市街道综合养老服务中心覆盖率达到100%，社区养老服务设施实现全覆盖。",
    "二、主要任务",
    "（一）完善社区养老服务设施。新建住宅小区按照每百户不少于20平方米的标准配建养老服务用房，"
    "与住宅同步规划、同步建设、同步验收、同步交付使用。（牵头单位：市民政局；责任单位：市自然资源和规划局、市住房城乡建设局）",
    "（二）发展居家养老服务。支持养老服务机构向社区和家庭延伸服务，为居家老年人提供助餐、助浴、助洁、助急、助医等服务。"
    "（牵头单位：市民政局；责任单位：市卫生健康委、各区人民政府）",
    "（三）加强养老服务人才队伍建设。将养老护理员纳入职业技能提升行动，落实培训补贴政策。"
    "（牵头单位：市人力资源社会保障局；责任单位：市民政局、市教育局）",
    "三、保障措施",
    "（一）加强组织领导。建立由市政府分管领导牵头的养老服务工作联席会议制度，统筹推进各项工作。（牵头单位：市民政局）",
    "（二）强化资金保障。市、区两级财政要将养老服务经费列入预算，福利彩票公益金55%以上用于支持养老服务。"
    "（牵头单位：市财政局；责任单位：市民政局）",
    "附件",
    "重点任务分工表",
]
TABLE = [
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "建设街道综合养老服务中心", "市民政局", "市财政局", "2022年底前"],
    ["2", "推进家庭养老床位建设", "市民政局", "市卫生健康委", "2023年底前"],
    ["3", "培育养老服务社会组织", "市民政局", "市市场监管局", "长期坚持"],
]
MERGED = (2, 1, 3)  # column 牵头单位, rows 1..3 are one merged cell
UNITS = [
    "市民政局", "市自然资源和规划局", "市住房城乡建设局", "市卫生健康委", "各区人民政府",
    "市人力资源社会保障局", "市教育局", "市财政局", "市市场监管局",
]
HEADINGS = [p for p in PARAGRAPHS if re.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）", p)]


def _squeeze(s: str) -> str:
    return re.sub(r"\s", "", s)


def _txt_text() -> str:
    rows = ["\t".join(row) for row in TABLE]
    return "\n".join(PARAGRAPHS + rows) + "\n"


def _make_txt(folder: Path) -> Path:
    path = folder / "linjiang-2021-12.txt"
    path.write_text(_txt_text(), encoding="utf-8")
    return path


def _make_docx(folder: Path) -> Path:
    import docx

    doc = docx.Document()
    for para in PARAGRAPHS:
        doc.add_paragraph(para)
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    col, first, last = MERGED
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            if c == col and first < r <= last:
                continue  # covered by the merged cell
            table.cell(r, c).text = text
    merged = table.cell(first, col).merge(table.cell(last, col))
    merged.text = TABLE[first][col]
    path = folder / "linjiang-2021-12.docx"
    doc.save(str(path))
    return path


def _make_pdf(folder: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
                          firstLineIndent=24)
    centre = ParagraphStyle("centre", parent=body, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=10, leading=14, firstLineIndent=0)
    story: list = []
    for i, para in enumerate(PARAGRAPHS):
        if para == "附件":
            story.append(PageBreak())  # the attachment starts a new page, as in print
        story.append(Paragraph(para, centre if i < 4 else body))
    col, first, last = MERGED
    data = [[Paragraph(t, cell) if not (c == col and first < r <= last) else "" for c, t in enumerate(row)]
            for r, row in enumerate(TABLE)]
    table = Table(data, colWidths=[32, 150, 90, 100, 70])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("SPAN", (col, first), (col, last)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(table)

    def page_number(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    path = folder / "linjiang-2021-12.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    return {"txt": _make_txt(folder), "docx": _make_docx(folder), "pdf": _make_pdf(folder)}


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if "\t" in line]


def _without_page_furniture(text: str) -> list[str]:
    """Lines of a PDF text minus page breaks and page-number lines (normalisation's job)."""
    lines = text.replace("\f", "\n").splitlines()
    return [ln for ln in lines if ln.strip() and not re.fullmatch(r"\s*[—－-]\s*\d+\s*[—－-]\s*", ln)]


def test_docx_text_is_the_txt_text(made: dict[str, Path]) -> None:
    """Paragraphs in body order, the Word table after them, merged 牵头单位 repeated per row."""
    assert read_document(made["docx"]) == _txt_text().rstrip("\n")


def test_docx_merged_cell_is_repeated_in_every_row(made: dict[str, Path]) -> None:
    rows = _table_rows(read_document(made["docx"]))
    assert rows == ["序号\t工作任务\t牵头单位\t配合单位\t完成时限",
                    "1\t建设街道综合养老服务中心\t市民政局\t市财政局\t2022年底前",
                    "2\t推进家庭养老床位建设\t市民政局\t市卫生健康委\t2023年底前",
                    "3\t培育养老服务社会组织\t市民政局\t市市场监管局\t长期坚持"]


def test_pdf_pages_are_joined_by_form_feed(made: dict[str, Path]) -> None:
    text = read_document(made["pdf"])
    pages = text.split("\f")
    assert len(pages) == 2
    assert pages[0].rstrip().endswith("— 1 —") and pages[1].startswith("附件")


def test_pdf_paragraphs_and_table_match_the_txt(made: dict[str, Path]) -> None:
    """Wrapped lines re-flowed into paragraphs; the table as tab rows with the merged cell repeated."""
    pdf_lines = _without_page_furniture(read_document(made["pdf"]))
    txt_lines = _txt_text().splitlines()
    assert [_squeeze(x) for x in pdf_lines] == [_squeeze(x) for x in txt_lines]
    assert _table_rows("\n".join(pdf_lines)) == _table_rows(_txt_text())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_headings_and_units_survive(made: dict[str, Path], fmt: str) -> None:
    text = _squeeze(read_document(made[fmt]))
    for heading in HEADINGS:
        assert _squeeze(heading) in text
    for unit in UNITS:
        assert unit in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_metadata_is_the_same_in_every_format(made: dict[str, Path], fmt: str) -> None:
    meta = extract_metadata(read_document(made[fmt]))
    assert meta.title == "中共临江市委 临江市人民政府关于加快推进社区养老服务体系建设的实施意见"
    assert meta.issuer == ["中共临江市委", "临江市人民政府"]
    assert meta.doc_number == "临发〔2021〕12号"
    assert meta.date == "2021-06-18"
    assert [(c.doc_number, c.title) for c in meta.cites] == [
        ("国办发〔2019〕5号", "国务院办公厅关于推进养老服务发展的意见")]


def _tasks(path: Path) -> list[tuple[str, str, str, list[str], list[str]]]:
    return [(t.number, t.kind, _squeeze(t.title), t.lead_units, t.responsible_units)
            for t in extract_path(path).tasks]


def test_txt_docx_pdf_give_the_same_tasks_and_units(made: dict[str, Path]) -> None:
    """Issue 3 acceptance: the same directive as .txt, .docx and .pdf gives the same tasks and units."""
    txt = _tasks(made["txt"])
    assert ("二.(一)", "task", "完善社区养老服务设施", ["市民政局"],
            ["市自然资源和规划局", "市住房城乡建设局"]) in txt
    assert ("三.(二)", "safeguard", "强化资金保障", ["市财政局"], ["市民政局"]) in txt
    assert {u for t in txt for u in t[3] + t[4]} == set(UNITS)
    assert _tasks(made["docx"]) == txt
    assert _tasks(made["pdf"]) == txt


# --- saved web pages -------------------------------------------------------------------------

GZ_PAGE = HTML / "gz-elderly-care-division.html"
LAYOUT_PAGE = HTML / "table-layout-smart-city.html"


def test_web_page_body_with_table_rows() -> None:
    """GB2312 page: title first, navigation/info box/share links/footer gone, rowspans repeated."""
    assert read_document(GZ_PAGE).splitlines() == [
        "广州市人民政府办公厅关于印发广州市推进社区养老服务工作任务分工方案的通知",
        "穗府办函〔2022〕15号",
        "各区人民政府，市政府各部门、各直属机构：",
        "《广州市推进社区养老服务工作任务分工方案》已经市人民政府同意，现印发给你们，请认真组织实施。"
        "实施中遇到的问题，请径向市民政局反映。",
        "广州市人民政府办公厅",
        "2022年3月18日",
        "广州市推进社区养老服务工作任务分工方案",
        "为贯彻落实《广东省人民政府办公厅关于加快发展养老服务业的实施意见》（粤府办〔2021〕10号），"
        "推进我市社区养老服务高质量发展，制定本分工方案。",
        "一、工作目标",
        "到2025年，全市每个街道至少建成1个综合养老服务中心，社区居家养老服务覆盖率达到100%。",
        "二、任务分工",
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
        "\t".join(["（一）养老服务设施建设"] * 5),
        "1\t建设街道综合养老服务中心\t市民政局\t市发展改革委、市财政局\t2023年底前",
        "2\t推进社区嵌入式养老服务设施建设\t市民政局\t市规划和自然资源局、 市住房城乡建设局\t2024年底前",
        "\t".join(["（二）人才队伍与综合监管"] * 5),
        "3\t培育发展养老服务专业人才队伍\t市人力资源社会保障局\t市民政局、市教育局\t长期坚持",
        "4\t完善家庭养老床位建设补贴政策\t市财政局\t/\t长期坚持",
        "5\t加强养老服务综合监管\t市市场监管局\t市民政局、市卫生健康委\t2022年底前",
        "三、保障措施",
        "各牵头单位要会同配合单位细化工作措施，于每年12月10日前将工作进展情况报市民政局。",
    ]


def test_table_layout_page_keeps_paragraphs_and_drops_furniture() -> None:
    """GBK page laid out with nested tables: layout cells read as blocks, the data table as rows
    in place, the contact line (联系人…联系方式：0531-…) and copyright footer dropped."""
    lines = read_document(LAYOUT_PAGE).splitlines()
    assert lines[0] == "某市人民政府关于印发某市加快推进智慧城市建设三年行动方案的通知"
    assert lines[lines.index("二、重点项目安排") + 1 : lines.index("三、保障措施")] == [
        "序号\t项目名称\t牵头单位\t配合单位",
        "1\t城市大脑一期工程\t市大数据局\t市公安局",
        "2\t智慧交通信号控制系统\t市大数据局\t市公安局 市交通运输局",
        "3\t智慧医疗便民服务平台\t市大数据局\t市卫生健康委",
    ]
    assert "（二）推进“互联网+政务服务”。加快网上办事大厅建设&升级，实现政务服务事项“一网通办”。" \
        "（牵头单位：市政务服务中心；责任单位：各县（市、区）人民政府）" in lines
    assert lines[-1] == "各责任单位要于每季度末将工作进展报市大数据局。"
    text = "\n".join(lines)
    for furniture in ("网站首页", "通知公告", "您现在的位置", "浏览次数", "联系方式", "打印本页", "版权所有", "ICP"):
        assert furniture not in text


@pytest.mark.parametrize(("page", "expected"), [
    (GZ_PAGE, ("广州市人民政府办公厅关于印发广州市推进社区养老服务工作任务分工方案的通知",
               ["广州市人民政府办公厅"], "穗府办函〔2022〕15号", "2022-03-18")),
    (LAYOUT_PAGE, ("某市人民政府关于印发某市加快推进智慧城市建设三年行动方案的通知",
                   ["某市人民政府"], "某府〔2019〕8号", "2019-04-10")),
])
def test_web_page_metadata(page: Path, expected: tuple) -> None:
    meta = extract_metadata(read_document(page))
    assert (meta.title, meta.issuer, meta.doc_number, meta.date) == expected


def test_web_page_table_rows_become_tasks() -> None:
    """The rowspan 牵头单位 reaches both rows it covers; '/' is no unit."""
    tasks = [(t.title, t.lead_units, t.responsible_units) for t in extract_path(GZ_PAGE).tasks
             if t.lead_units or t.responsible_units]
    assert tasks == [
        ("建设街道综合养老服务中心", ["市民政局"], ["市发展改革委", "市财政局"]),
        ("推进社区嵌入式养老服务设施建设", ["市民政局"], ["市规划和自然资源局", "市住房城乡建设局"]),
        ("培育发展养老服务专业人才队伍", ["市人力资源社会保障局"], ["市民政局", "市教育局"]),
        ("完善家庭养老床位建设补贴政策", ["市财政局"], []),
        ("加强养老服务综合监管", ["市市场监管局"], ["市民政局", "市卫生健康委"]),
    ]


def test_br_separated_paragraphs_and_two_row_table_header() -> None:
    """UTF-8 page: <br/> lines become lines, the <title>'s site name is dropped, the navigation
    list is left out, and a two-row header (责任单位 spanning 牵头单位/配合单位) keeps both rows."""
    lines = read_document(HTML / "br-paragraphs-two-row-header.html").splitlines()
    assert lines[:3] == ["关于印发某区城市更新三年行动计划的通知", "某府办〔2023〕7号", "各街道办事处，区政府各部门："]
    assert "（二）完善社区配套设施。（牵头单位：区发展改革局，配合单位：区财政局、区自然资源分局）" in lines
    assert lines[-4:] == [
        "序号\t任务\t责任单位\t责任单位",
        "序号\t任务\t牵头单位\t配合单位",
        "1\t加装电梯\t区住房城乡建设局\t各街道办事处",
        "2\t口袋公园建设\t区城市管理局\t区自然资源分局",
    ]
    assert not {"首页", "走进某区", "政务公开"} & set(lines)
    assert not any("联系电话" in line for line in lines)


def test_task_label_lines_on_a_web_page_are_not_footer(tmp_path) -> None:
    """主办单位：/协办单位： inside the body are task labels; only a site sponsor line is furniture."""
    from extract.pipeline import extract_path

    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>某市关于印发某政策措施的通知_某市政务网</title></head><body>'
        '<div class="TRS_Editor"><p>某政办发〔2022〕12号</p>'
        '<p>一、支持海洋牧场建设。对新认定的国家级海洋牧场示范区给予奖励。</p>'
        '<p>主办单位：市海洋发展局</p><p>协办单位：市财政局、市自然资源和规划局</p></div>'
        '<div class="footer"><p>主办单位：某市人民政府办公厅 网站标识码：3702000001</p></div></body></html>',
        encoding="utf-8")
    task = extract_path(page).tasks[0]
    assert (task.lead_units, task.responsible_units) == (["市海洋发展局"], ["市财政局", "市自然资源和规划局"])
