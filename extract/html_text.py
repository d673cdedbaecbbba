"""Text of a saved government web page: the directive's body, its tables kept as rows.

Steps (issue 3, "Web pages"):
1. decode the bytes by the page's ``<meta charset>`` (GB2312/GBK read as GB18030), else as a text
   file is decoded (``extract/encoding.py``);
2. expand every data table in place so each row holds the table's full column count, a
   rowspan/colspan cell repeated in each position it covers (``extract/tables.py``);
3. let trafilatura find the main content (navigation, scripts, footers dropped), asking for its
   XML output so paragraphs and table rows/cells survive; render paragraphs as lines and table
   rows as tab-separated lines. When trafilatura finds nothing, the whole page is rendered
   instead, minus elements that are page furniture by tag or class/id;
4. put the page's title (``<h1>``/``<title>`` as trafilatura reads it) first when the body lacks it;
5. drop whole lines that are page furniture (contact lines ``联系方式：020-…``, 【打印】【关闭】,
   ICP numbers), listed in ``extract/data/html_boilerplate.toml``.
"""

from __future__ import annotations

import copy
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

import lxml.etree as etree
import lxml.html
import trafilatura

from extract.encoding import ReadProblem, decode_text
from extract.tables import SpanCell, expand_grid, row_line

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS = re.compile(r"[ \t\r\n\f]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article main body center blockquote "
    "address figure figcaption head item list quote doc tbody thead tfoot caption".split()
)
_BREAK = frozenset({"br", "lb", "hr"})
_PRE = frozenset({"pre", "code"})  # preformatted text: its line breaks are real
_ROW = frozenset({"tr", "row"})
_CELL = frozenset({"td", "th", "cell"})
# Fewer CJK characters than this in trafilatura's result means it missed the document.
_MIN_CJK = 20
# The recall-oriented extraction is preferred when it finds this many times more CJK characters.
_RECALL_GAIN = 1.3


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    """The boilerplate rules of ``extract/data/html_boilerplate.toml``, regexes compiled."""
    raw = tomllib.loads(resources.files("extract").joinpath("data/html_boilerplate.toml").read_text("utf-8"))
    return {
        "max": int(raw["max_line_chars"]),
        "tags": frozenset(raw["drop_tags"]),
        "class_id": re.compile(raw["drop_class_id"]),
        "lines": [re.compile(p) for p in raw["drop_lines"]],
        "site_suffix": re.compile(raw["site_suffix"]),
    }


def decode_html(data: bytes) -> str:
    """Decode a web page by its declared charset (first 4 KB), falling back to text detection.

    Raises:
        ReadProblem: binary content or an unknown encoding.
    """
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    return decode_text(data, declared=declared)


def html_to_text(page: str) -> str:
    """Return the directive text of a web page (see the module docstring for the steps).

    Args:
        page: the decoded HTML source.

    Returns:
        Lines of body text; each table row one line with cells joined by ``\\t``.

    Raises:
        ReadProblem: the page holds no document text.
    """
    try:
        tree = lxml.html.fromstring(_XML_DECL.sub("", page))
    except (etree.ParserError, ValueError) as err:
        raise ReadProblem("not a readable web page (HTML could not be parsed)") from err
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        _drop(bad)
    _expand_tables(tree)
    _unwrap_layout_tables(tree)
    body = tree.find("body")
    whole = _render(body if body is not None else tree)
    title, lines = _trafilatura_lines(copy.deepcopy(tree))
    if _cjk(lines) < _MIN_CJK or _longest(lines) > _longest(whole):
        # trafilatura found nothing, or fell back to flattening the page into one paragraph.
        lines = _fallback_lines(tree)
        if _cjk(lines) < _MIN_CJK:
            lines = whole
    else:
        lines = _restore_repeated_lines(lines, whole)
    lines = [line for line in lines if not _is_furniture(line)]
    number = _info_box_number(whole)
    if number and not any(number in line for line in lines):
        lines.insert(0, f"发文字号：{number}")  # the portal's info box holds it, the body does not
    if title and not _has_title(title, lines):
        lines.insert(0, title)
    if not "".join(lines).strip():
        raise ReadProblem("no document text found in the web page")
    return "\n".join(lines)


_INFO_BOX_NUMBER = re.compile(r"(?:发文字号|文\s*号)\s*[:：]\s*(\S{1,20}?[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号)")


def _info_box_number(lines: list[str]) -> str | None:
    """The 发文字号 of a portal's information box (索引号 / 发文机关 / 发文字号 / 成文日期), if any."""
    for line in lines:
        match = _INFO_BOX_NUMBER.search(line)
        if match:
            return re.sub(r"\s", "", match.group(1))
    return None


def _restore_repeated_lines(lines: list[str], whole: list[str]) -> list[str]:
    """Put back the lines trafilatura dropped for repeating an earlier line of the body.

    trafilatura keeps one copy of a repeated paragraph, but in a directive a repeated line
    (``牵头责任单位：县农业农村局`` under two items) is a fact each time. Walking the page's own
    lines (``whole``) in order, a line that trafilatura kept earlier and that reappears before
    trafilatura's next line is restored there.
    """
    def key(line: str) -> str:
        return "".join(line.split())

    out: list[str] = []
    seen: set[str] = set()
    k = 0
    for line in whole:
        if k >= len(lines):
            break
        if key(line) == key(lines[k]):
            out.append(lines[k])
            seen.add(key(lines[k]))
            k += 1
        elif out and key(line) in seen and key(line):
            out.append(line.strip())
    return out + lines[k:]


def _cjk(lines: list[str]) -> int:
    return sum(len(_CJK.findall(line)) for line in lines)


def _longest(lines: list[str]) -> int:
    """Length of the longest line, whitespace not counted."""
    return max((len(_WS.sub("", line)) for line in lines), default=0)


def _drop(el: Any) -> None:
    """Remove ``el`` from its tree, keeping its tail text."""
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def _is_data_table(table: Any) -> bool:
    """A data table has no nested table and at least two rows and two columns (else: layout)."""
    if table.xpath(".//table"):
        return False
    rows = table.xpath(".//tr")
    return len(rows) >= 2 and max(len(r.xpath("./td|./th")) for r in rows) >= 2


def _span(cell: Any, name: str) -> int:
    digits = re.match(r"\s*(\d+)", cell.get(name) or "")
    return max(1, min(int(digits.group(1)), 1000)) if digits else 1


def _expand_tables(tree: Any) -> None:
    """Replace each data table by a plain table whose every row has the full column count."""
    for table in tree.xpath("//table"):
        if not _is_data_table(table):
            continue
        rows = [
            [SpanCell(" ".join(_render(c)), _span(c, "rowspan"), _span(c, "colspan")) for c in tr.xpath("./td|./th")]
            for tr in table.xpath(".//tr")
        ]
        new = lxml.html.Element("table")
        for cells in expand_grid(rows):
            tr = etree.SubElement(new, "tr")
            for text in cells:
                etree.SubElement(tr, "td").text = text
        new.tail = table.tail
        table.getparent().replace(table, new)


def _unwrap_layout_tables(tree: Any) -> None:
    """Turn layout tables (page frames, menus) into ``div``s, so their cells read as blocks."""
    for table in tree.xpath("//table"):
        if _is_data_table(table):
            continue
        for el in [table, *table.xpath(".//tbody|.//thead|.//tfoot|.//tr|.//td|.//th")]:
            if _owner_table(el) is table or el is table:
                el.tag = "div"


def _owner_table(el: Any) -> Any:
    """The nearest ``table`` ancestor of ``el`` (None when there is none)."""
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _trafilatura_lines(tree: Any) -> tuple[str | None, list[str]]:
    """trafilatura's main content as lines, and the page title it found (or None).

    The default (balanced) extraction is used unless the recall-oriented one finds markedly
    more text (``_RECALL_GAIN`` times the CJK characters): the balanced one keeps navigation
    out, the recall one catches a body the balanced one cut short.
    """
    title, lines = _trafilatura_run(copy.deepcopy(tree), favor_recall=False)
    recall_title, recall_lines = _trafilatura_run(tree, favor_recall=True)
    if _cjk(recall_lines) > _RECALL_GAIN * _cjk(lines):
        return title or recall_title, recall_lines
    return title or recall_title, lines


def _trafilatura_run(tree: Any, *, favor_recall: bool) -> tuple[str | None, list[str]]:
    xml = trafilatura.extract(
        tree, output_format="xml", include_tables=True, include_comments=False, favor_recall=favor_recall,
        with_metadata=True, include_formatting=False, include_links=False, deduplicate=False,
    )
    if not xml:
        return None, []
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    return _clean_title(doc.get("title")), _render(main) if main is not None else []


def _fallback_lines(tree: Any) -> list[str]:
    """The whole page as lines, minus furniture elements by tag and class/id."""
    rules = _rules()
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag in rules["tags"] or rules["class_id"].search(names):
            _drop(el)
    body = tree.find("body")
    return _render(body if body is not None else tree)


def _clean_title(title: str | None) -> str | None:
    """A page title without its site name (``标题_政策文件_某市人民政府门户网站``, ``标题-某区人民政府``)."""
    if not title:
        return None
    site = _rules()["site_suffix"]
    previous = None
    while previous != title:
        previous, title = title, site.sub("", title).strip()
    return title or None


def _has_title(title: str, lines: list[str]) -> bool:
    """True when one of the first lines holds the title, or is the title cut short."""
    squeeze = re.sub(r"\s", "", title)
    for line in lines[:5]:
        body = re.sub(r"\s", "", line)
        if squeeze in body or (len(body) >= 0.6 * len(squeeze) and squeeze.startswith(body)):
            return True
    return False


def _is_furniture(line: str) -> bool:
    rules = _rules()
    return len(line) <= rules["max"] and any(p.search(line) for p in rules["lines"])


class _Lines:
    """Accumulates rendered text into lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buf.append(_WS.sub(" ", text))

    def brk(self) -> None:
        line = "".join(self.buf).strip()
        if line:
            self.lines.append(line)
        self.buf = []


def _render(el: Any) -> list[str]:
    """Render an HTML element or a trafilatura XML element as lines of text."""
    out = _Lines()
    _walk(el, out, top=True)
    out.brk()
    return out.lines


def _walk(el: Any, out: _Lines, top: bool = False) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "table" and _is_row_table(el):
        out.brk()
        out.lines.extend(_table_lines(el))
    elif tag in _BREAK:
        out.brk()
    elif tag in _PRE:
        out.brk()
        for line in "".join(el.itertext()).splitlines():
            out.add(line)
            out.brk()
    elif tag:
        block = tag in _BLOCK or tag in _ROW or tag in _CELL
        if block:
            out.brk()
        out.add(el.text)
        for child in el:
            _walk(child, out)
        if block:
            out.brk()
    if not top:
        out.add(el.tail)


def _is_row_table(el: Any) -> bool:
    """Tables rendered as rows: trafilatura's output tables, and data tables of the page."""
    return bool(el.xpath("./row")) or _is_data_table(el)


def _table_lines(table: Any) -> list[str]:
    """One tab-separated line per row of ``table`` (its own rows, not nested tables')."""
    rows = [r for r in table.iter("tr", "row") if _owner_table(r) is table]
    lines = []
    for row in rows:
        cells = [SpanCell(" ".join(_render(c)), _span(c, "rowspan"), _span(c, "colspan"))
                 for c in row if isinstance(c.tag, str) and c.tag.lower() in _CELL]
        lines.append(cells)
    return [line for line in (row_line(r) for r in expand_grid(lines)) if line.strip()]
