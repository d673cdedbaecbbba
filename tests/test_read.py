"""extract.read.read_document: encodings of text files, and one clear line for each bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from corpus_fixtures import FIXTURES

from extract.errors import DirectiveError
from extract.pipeline import extract_path
from extract.read import read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "weihai-2018-39.txt"


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _problem(path: Path) -> str:
    """The problem read_document reports for ``path`` (it must raise a one-line DirectiveError)."""
    with pytest.raises(DirectiveError) as info:
        read_document(path)
    err = info.value
    assert str(err) == f"{path}: {err.problem}"
    assert "\n" not in str(err)
    return err.problem


@pytest.mark.parametrize("name", ["weihai-2018-39", "guangzhou-2012-20", "anhui-2021-82", "guobanfa-2020-24"])
def test_corpus_text_is_returned_unchanged(name: str) -> None:
    path = CORPUS / f"{name}.txt"
    with path.open(encoding="utf-8", newline="") as fh:
        assert read_document(path) == fh.read()


def test_crlf_is_kept_so_offsets_stay_valid() -> None:
    text = read_document(CORPUS / "anhui-2021-82.txt")
    assert text.count("\r\n") > 100
    start = text.index("（皖政办秘〔2021〕82号）")
    assert text[start - 2 : start] == "\n\n" and text[start:].startswith("（皖政办秘〔2021〕82号）\r\n")


@pytest.mark.parametrize("codec", ["utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_are_detected(tmp_path: Path, codec: str) -> None:
    path = tmp_path / f"seed-{codec}.txt"
    path.write_bytes(_seed_text().encode(codec))
    text = read_document(path)
    assert text == _seed_text()
    assert "威发〔2018〕39号" in text and not text.startswith(codecs.BOM_UTF8.decode("utf-8"))


def test_gbk_seed_extracts_like_utf8(tmp_path: Path) -> None:
    path = tmp_path / "weihai-2018-39.txt"
    path.write_bytes(_seed_text().encode("gbk"))
    tasks = extract_path(path).tasks
    assert len(tasks) == 16
    assert tasks[1].number == "二.(二)" and tasks[1].lead_units == ["市民政局"]


def test_html_entities_in_text_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "leftovers.txt"
    path.write_text("一、加强&nbsp;社区<br>建设&amp;管理。（牵头单位&#65306;市民政局）\n", encoding="utf-8")
    assert read_document(path) == "一、加强\xa0社区<br>建设&管理。（牵头单位：市民政局）\n"


def test_web_page_saved_as_txt_is_read_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html><html><head><title>关于做好社区工作的通知</title></head><body>"
        "<p>关于做好社区工作的通知</p><p>一、加强社区建设。（牵头单位：市民政局）</p></body></html>",
        encoding="utf-8",
    )
    assert read_document(path) == "关于做好社区工作的通知\n一、加强社区建设。（牵头单位：市民政局）"


def test_missing_file(tmp_path: Path) -> None:
    assert _problem(tmp_path / "nowhere.txt") == "file not found"


def test_directory(tmp_path: Path) -> None:
    assert _problem(tmp_path) == "is a directory, not a file"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _problem(path) == "empty file (0 bytes)"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \r\n\u3000\n\t\n", encoding="utf-8")
    assert _problem(path) == "empty file: it holds only whitespace, no text"


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Réunion du comité: tâches à répartir, ordre du jour\n".encode("latin-1") + b"\xff\n")
    assert _problem(path) == "unknown encoding: the text decodes neither as UTF-8 nor as GB18030/GBK"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert _problem(path) == "binary file, not text"


def test_binary_file_of_known_type(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert _problem(path) == "binary file, not text (looks like a PNG image)"


def test_old_word_doc(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    problem = _problem(path)
    assert problem.startswith("old Word .doc format is not supported; convert it to .docx")


def test_old_word_doc_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "convert it to .docx" in _problem(path)


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_text("这不是Word文件", encoding="utf-8")
    assert _problem(path).startswith("not a valid .docx file")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text("序号,任务\n1,建设\n", encoding="utf-8")
    assert _problem(path) == "unsupported file type '.csv' (supported: .txt, .docx, .pdf, .html, .htm)"


def test_binary_with_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)))
    assert _problem(path).startswith("binary file, unsupported file type '.bin'")


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # a page that is all picture, as a scan is
    pdf.showPage()
    pdf.save()
    assert _problem(path) == "PDF has no text layer (a scanned image?); run OCR on it first"


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(100, 700, "locked")
    pdf.save()
    assert _problem(path) == "PDF is encrypted; remove the password first"


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj garbage\n")
    assert _problem(path) == "not a readable PDF (damaged, or another format renamed .pdf)"


def test_extract_path_reports_read_problems(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(DirectiveError, match=r"empty\.txt: empty file \(0 bytes\)$"):
        extract_path(path)


def test_utf8_page_with_a_stale_gb2312_meta(tmp_path: Path) -> None:
    """A page re-encoded as UTF-8 that still declares gb2312 is read as UTF-8, not as mojibake."""
    path = tmp_path / "page.html"
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
            "<p>关于做好社区工作的通知</p><p>一、加强社区建设。（牵头单位：市民政局）</p></body></html>")
    path.write_bytes(page.encode("utf-8"))
    assert read_document(path) == "关于做好社区工作的通知\n一、加强社区建设。（牵头单位：市民政局）"


def test_document_number_from_a_portal_info_box(tmp_path: Path) -> None:
    # the body of many portal pages does not repeat the 发文字号 the info box above it gives
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>关于做好社区工作的通知</title></head><body>"
        '<div class="gk_info"><div class="row"><span class="lab">发文机关：</span><span>云岭区人民政府办公室</span>'
        '<span class="lab">发文字号：</span><span>云政办发〔2023〕31号</span></div></div>'
        "<div class='article'><h1>关于做好社区工作的通知</h1>"
        "<p>一、加强社区建设。（牵头单位：区民政局）</p><p>二、完善服务设施。（牵头单位：区住房城乡建设局）</p>"
        "<p>云岭区人民政府办公室</p><p>2023年3月10日</p></div></body></html>",
        encoding="utf-8",
    )
    directive = extract_path(path)
    assert directive.metadata.doc_number == "云政办发〔2023〕31号"
    assert [t.lead_units for t in directive.tasks] == [["区民政局"], ["区住房城乡建设局"]]


def test_a_line_repeated_under_two_items_of_a_web_page_is_kept_both_times() -> None:
    # trafilatura keeps one copy of a repeated paragraph; in a directive each copy is a fact:
    # 牵头责任单位：县农业农村局 stands under （一） and again under （五）
    page = FIXTURES / "synthetic" / "set6" / "docs" / "baiya-2021-22.html"
    tasks = {t.number: t for t in extract_path(page).tasks}
    assert tasks["二.(一)"].lead_units == ["县农业农村局"]
    assert tasks["二.(五)"].lead_units == ["县农业农村局"]
    assert tasks["二.(五)"].responsible_units == ["县委组织部", "县妇联", "团县委"]
