"""Text of a PDF with a text layer: pages joined by ``\\f``, tables as tab-separated rows.

Read with pdfplumber (pdfminer.six). On each page, ruled tables are found (pdfplumber's ``lines``
strategy) and rendered like every other reader's tables (``extract/tables.py``): one line per row,
cells joined by ``\\t``, a merged cell repeated in each position it covers. The text around them is
re-flowed: a line that reaches the right margin is a soft wrap and is joined to the next line
(unless that one is indented, the start of a new paragraph), so paragraphs come out as single
lines like a ``.txt`` directive. Page numbers and page breaks are left to normalisation.
When pdfplumber cannot parse the file, pypdfium2 (pdfplumber's own rendering dependency) gives
plain page texts instead.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Any

from extract.encoding import ReadProblem
from extract.tables import table_text

# A line ending within this many character widths of the right edge is a soft wrap.
_WRAP_CHARS = 1.5
# A table cell's right edge includes padding: allow this many character widths there.
_CELL_WRAP_CHARS = 2.5
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_CID = re.compile(r"\(cid:\d+\)")
_Line = dict[str, Any]


def read_pdf(path: Path) -> str:
    """Return the text of the PDF at ``path``, pages joined by ``\\f``.

    Raises:
        ReadProblem: encrypted, damaged, or without a text layer (a scanned PDF).
    """
    try:
        pages = _pdfplumber_pages(path)
    except Exception:  # pdfminer's errors (damage, encryption) vary; the second engine names them
        pages = _pdfium_pages(path)
    text = "\f".join(pages)
    visible = re.sub(r"\s", "", text)
    if not visible:
        raise ReadProblem("PDF has no text layer (a scanned image?); run OCR on it first")
    if len("".join(_CID.findall(visible))) > 0.5 * len(visible):
        raise ReadProblem("PDF text layer has no Unicode mapping (fonts without ToUnicode); run OCR on it")
    return text


def _pdfplumber_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [_page_text(page) for page in pdf.pages]


def _pdfium_pages(path: Path) -> list[str]:
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]
        finally:
            pdf.close()
    except Exception as err:
        if "password" in str(err).lower():
            raise ReadProblem("PDF is encrypted; remove the password first") from err
        raise ReadProblem("not a readable PDF (damaged, or another format renamed .pdf)") from err


def _page_text(page: Any) -> str:
    """A page's text: reflowed paragraphs and tab-separated table rows in top-to-bottom order."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    boxes = [t.bbox for t in tables]
    body = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes)) if boxes else page
    lines = body.extract_text_lines()
    width = _char_width(page)
    blocks: list[tuple[float, str]] = [(t.bbox[1], _table(page, t, width)) for t in tables]
    run: list[_Line] = []
    for line in lines:
        if run and any(run[-1]["top"] < b[1] < line["top"] for b in boxes):
            blocks.append((run[0]["top"], _reflow(run, width)))
            run = []
        run.append(line)
    if run:
        blocks.append((run[0]["top"], _reflow(run, width)))
    blocks.sort(key=lambda b: b[0])
    return "\n".join(text for _, text in blocks)


def _inside(obj: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    """True when the centre of a page object lies in ``bbox`` (x0, top, x1, bottom)."""
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _char_width(page: Any) -> float:
    """Typical character width on the page: the median font size (CJK glyphs are square)."""
    sizes = [c["size"] for c in page.chars if c.get("size")]
    return statistics.median(sizes) if sizes else 10.0


def _reflow(lines: list[_Line], width: float, right: float | None = None, soft_sep: str = "\n") -> str:
    """Join soft-wrapped lines; keep a hard break (``soft_sep``'s opposite) at paragraph ends.

    A line is soft-wrapped when it ends within ``_WRAP_CHARS`` character widths of the right edge
    (``right``, default the widest line) and the next line is not indented past the left edge.
    """
    if not lines:
        return ""
    right = max(line["x1"] for line in lines) if right is None else right
    left = min(line["x0"] for line in lines)
    out = [lines[0]["text"]]
    for prev, line in zip(lines, lines[1:], strict=False):
        wrapped = prev["x1"] >= right - _WRAP_CHARS * width and line["x0"] <= left + 0.5 * width
        if wrapped:
            glue = " " if _ASCII_WORD.match(out[-1][-1:]) and _ASCII_WORD.match(line["text"][:1]) else ""
        else:
            glue = soft_sep
        out.append(glue + line["text"])
    return "".join(out)


def _table(page: Any, table: Any, width: float) -> str:
    """Render a pdfplumber table: each grid position takes the text of the cell covering it."""
    cols = [(c.bbox[0], c.bbox[2]) for c in table.columns]
    grid: list[list[str]] = []
    texts: dict[tuple[float, float, float, float], str] = {}
    for row in table.rows:
        present = [c for c in row.cells if c is not None]
        top = row.bbox[1]
        bottom = min(c[3] for c in present) if present else row.bbox[3]
        y = (top + bottom) / 2
        line = []
        for x0, x1 in cols:
            x = (x0 + x1) / 2
            cell = next((b for b in table.cells if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            if cell is None:
                line.append("")
                continue
            if cell not in texts:
                texts[cell] = _cell_text(page, cell, width)
            line.append(texts[cell])
        grid.append(line)
    return table_text(grid)


def _cell_text(page: Any, bbox: tuple[float, float, float, float], width: float) -> str:
    """Text of one table cell; wrapped lines joined, hard line breaks kept as a space."""
    region = page.crop(bbox, strict=False)
    lines = region.extract_text_lines()
    right = bbox[2] - (_CELL_WRAP_CHARS - _WRAP_CHARS) * width
    return _reflow(lines, width, right=right, soft_sep=" ")
