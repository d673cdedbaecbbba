"""Read task-division tables (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限) from the matching view.

A table reaches us as lines of cells: tab-separated (the Word and HTML readers write merged
cells repeated), ``|``-separated, or separated by runs of two or more spaces (pasted text).
A header line names the columns (words in ``extract/data/tables.json``). Rows with fewer
cells than the header are continuation rows of merged cells: their missing leading cells are
taken from the row above. ``/`` and ``—`` mean empty. Columns of the issuer's internal
divisions (牵头处室, 配合处室) are read apart from the units.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from extract.clauses import Clause, add_with_lead_marks, parse_label_clause, parse_verb_clause
from extract.lexicon import first_listed_search, lexicon
from extract.unit_lists import Span, looks_like_unit, split_units

_CELL_SEP = re.compile(r"\t| {2,}|\|")


@cache
def _words() -> dict:
    return json.loads(resources.files("extract").joinpath("data", "task_tables.json").read_text(encoding="utf-8"))


@dataclass
class TableRow:
    """One task row: ``number`` as written (or the row order), title span, and its clause."""

    number: str
    title: Span
    clause: Clause
    deadline: Span | None = None


@dataclass
class Table:
    """A task-division table: its view span and task rows."""

    start: int
    end: int
    rows: list[TableRow] = field(default_factory=list)


def _cells(view: str, start: int, end: int) -> list[Span]:
    """Cell spans of one line, leading/trailing blanks trimmed; empty edge cells of ``|x|`` dropped."""
    spans, pos = [], start
    for m in _CELL_SEP.finditer(view, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and view[s] in " ":
            s += 1
        while e > s and view[e - 1] in " ":
            e -= 1
        out.append((s, e))
    if len(out) > 1 and out[0][0] == out[0][1] and view[start:start + 1] in ("|", " "):
        out = out[1:]  # an opening | or the line's indentation, not an empty cell
    if len(out) > 1 and out[-1][0] == out[-1][1] and view[end - 1:end] == "|":
        out = out[:-1]
    return out


def _column_role(head: str) -> str | None:
    w = _words()
    if first_listed_search(lexicon(), head):
        return "first_listed"  # 责任单位（列第一位者为牵头单位）
    head = re.sub(r"[\s:()（）]", "", head)
    if not head:
        return None
    if head in w["number"]:
        return "number"
    if any(x in head for x in w["deadline"]):
        return "deadline"
    has_unit_word = any(x in head for x in w["unit_words"])
    if has_unit_word and any(x in head for x in w["internal_words"]):
        return "internal_lead" if any(x in head for x in w["lead_words"]) else "internal_responsible"
    if has_unit_word and any(x in head for x in w["lead_words"]):
        return "lead"
    if has_unit_word and any(x in head for x in w["responsible_words"]):
        return "responsible"
    if head in w["task"] or any(head.endswith(x) for x in w["task_suffixes"]):
        return "task"
    return None


def assignee_roles(roles: list[str | None]) -> list[str | None] | None:
    """The column roles of a task table header, or None when it names no assignee column.

    Internal divisions (牵头处室, 责任科室) stand apart only beside unit columns; in a table that
    has no unit column (a 街道 or 局 plan that assigns its own offices) they are the assignees.
    """
    if "task" not in roles:
        return None
    if {"lead", "responsible", "first_listed"} & set(roles):
        return roles
    if {"internal_lead", "internal_responsible"} & set(roles):
        return [{"internal_lead": "lead", "internal_responsible": "responsible"}.get(r, r) for r in roles]
    return None


def _header(view: str, start: int, end: int) -> list[str | None] | None:
    cells = _cells(view, start, end)
    if len(cells) < 2:
        return None
    return assignee_roles([_column_role(view[s:e]) for s, e in cells])


def _is_empty(text: str) -> bool:
    return text.strip() in _words()["empty_cells"]


def _cell_lines(view: str, start: int, end: int) -> list[Span]:
    """The lines of a cell that holds line breaks, each a list of its own (区教育局⏎区文化和旅游局),
    except that a line which does not end a unit name is a wrapped one and joins the next
    (市生态环境局梧川⏎分局, 各县（市、⏎区）人民政府). Excel's quotes around such a cell are dropped,
    and so are lines that repeat a column header (a table's header repeated after a page break).
    """
    if view.startswith('"', start) and view.endswith('"', start, end) and end - start > 1:
        start, end = start + 1, end - 1
    if view.find("\n", start, end) < 0:
        return [(start, end)]
    lines = [m.span() for m in _LINE.finditer(view, start, end) if not _is_header_word(m.group())]
    pieces: list[Span] = []
    for k, (a, b) in enumerate(lines):
        if pieces and not _ends_name(view, pieces[-1][0], pieces[-1][1], lines[k][0], b) \
                and view.count("\n", pieces[-1][1], a) == 1:
            pieces[-1] = (pieces[-1][0], b)  # a wrapped line: the name goes on
        else:
            pieces.append((a, b))
    return pieces


_LINE = re.compile(r"[^\n]+")


def _is_header_word(text: str) -> bool:
    """A column header (序号, 重点任务, 牵头单位, 完成时限): never a unit, whatever its ending."""
    text = re.sub(r"\s", "", text)
    if text in lexicon().label_role:
        return True
    return len(text) <= 8 and _column_role(text) is not None and not looks_like_unit(text)


def _ends_name(view: str, start: int, end: int, next_start: int, next_end: int) -> bool:
    """Does the cell text ``view[start:end]`` end a unit name, so that the next line starts another?"""
    return not name_continues(view[start:end].strip(), view[next_start:next_end].strip())


def name_continues(line: str, next_line: str) -> bool:
    """Does ``next_line`` of a table cell go straight on from ``line`` (a wrapped line), rather
    than start a unit name of its own?

    True after a separator (、，；: the list goes on), inside an open bracket (各县（市、⏎区）),
    after a cut name (市招商服务中心、市⏎科技局) and before a name's ending (管委⏎会); False after a
    whole unit name (区教育局⏎区文化和旅游局).
    """
    if not line or line[-1] in "、,;，；" or line.count("(") + line.count("（") > line.count(")") + line.count("）"):
        return True
    last = re.split(r"[、,;，；]", line)[-1]
    # a two-character tail (县商⏎务局, 各乡⏎镇（街道）) is a cut name even when it ends like one
    return len(last) < 3 or not looks_like_unit(last) or next_line.startswith(name_tails())


@cache
def name_tails() -> tuple[str, ...]:
    """Words a unit name ends with (task_tables.json ``name_tails``): a wrapped line that starts
    with one continues the name above it."""
    return tuple(_words()["name_tails"])


def _unit_cell(view: str, span: Span, role: str, clause: Clause) -> None:
    """Add the units of one cell; a cell may hold its own labels or mark its lead with (牵头)."""
    s, e = span
    if _is_empty(view[s:e]):
        return
    labelled = parse_label_clause(view, s, e) or parse_verb_clause(view, s, e)
    if labelled is not None and role.startswith("internal"):
        labelled = None  # 处室 cells hold division names, not clauses
    if labelled is not None:
        for r, spans in labelled.roles.items():
            clause.add(r, spans)
        clause.explicit_lead |= labelled.explicit_lead
        return
    spans = [(a, b) for piece in _cell_lines(view, s, e) for a, b in split_units(view, *piece)
             if role.startswith("internal") or looks_like_unit(view[a:b])]
    if role == "first_listed" and spans:
        clause.add("lead", spans[:1])
        clause.explicit_lead = True
        spans, role = spans[1:], "responsible"
    add_with_lead_marks(view, clause, role, spans)


def _is_category_row(view: str, cells: list[Span]) -> bool:
    """A row whose cells all hold the same text: a merged heading row (（一）养老服务设施建设)."""
    texts = {view[s:e] for s, e in cells if not _is_empty(view[s:e])}
    return len(texts) == 1 and len(cells) > 2


def _row(view: str, cells: list[Span], roles: list[str | None], order: int) -> TableRow | None:
    if _is_category_row(view, cells):
        return None
    get = {role: cells[i] for i, role in enumerate(roles) if role and role != "task"}
    task_cols = [cells[i] for i, role in enumerate(roles) if role == "task"]
    title = next((c for c in reversed(task_cols) if not _is_empty(view[c[0]:c[1]])), None)
    if title is None:
        return None
    t0, t1 = title
    stop = min([i for i in (view.find("。", t0, t1), view.find(";", t0, t1)) if i > t0] or [t1])
    clause = Clause(cells[0][0], cells[-1][1])
    for role in ("lead", "responsible", "first_listed", "internal_lead", "internal_responsible"):
        for i, column_role in enumerate(roles):  # a table may have 参与单位 and 责任单位 columns
            if column_role == role:
                _unit_cell(view, cells[i], role, clause)
    number_span = get.get("number")
    number = view[number_span[0]:number_span[1]].strip(" .、") if number_span else ""
    deadline = get.get("deadline")
    if deadline and _is_empty(view[deadline[0]:deadline[1]]):
        deadline = None
    return TableRow(number or str(order), (t0, stop), clause, deadline)


def _may_be_header(line: str) -> bool:
    """Cheap test before splitting cells: a short line with a separator (not its indentation)
    and a unit-column word."""
    line = line.strip()
    return (len(line) <= 150 and ("\t" in line or "|" in line or "  " in line)
            and any(w in line for w in _words()["unit_words"]))


_GROUP_MARKER = re.compile(r"^\s*(?:(?P<cn>[一二三四五六七八九十]+)、|\((?P<pcn>[一二三四五六七八九十]+)\))")


def _group_prefix(text: str, prefix: list[str]) -> list[str]:
    """The numbering prefix a group row (一、规划引领 / （一）…) sets for the rows below it."""
    m = _GROUP_MARKER.match(text)
    if m is None:
        return prefix
    if m.group("cn"):
        return [m.group("cn")]
    head = prefix[:1] if prefix and not prefix[0].startswith("(") else []
    return head + [f"({m.group('pcn')})"]


def _is_group_line(view: str, lines: list[Span], j: int) -> bool:
    """A one-cell line inside a table is a group heading when a row of cells follows it
    (directly or after further group headings, as in 二、设施建设 / （一）污水处理)."""
    for k in range(j, min(j + 3, len(lines))):
        text = view[lines[k][0]:lines[k][1]].strip()
        if len(_cells(view, *lines[k])) >= 2:
            return k > j
        if len(text) > 40 or "。" in text:
            return False
    return False


# A cell or line holding only a row number (1, 2., 3、).
ROW_NUMBER = re.compile(r"\s*\d{1,3}[.、]?\s*$")


def _continued_cells(view: str, lines: list[Span], j: int, width: int) -> tuple[list[Span], int] | None:
    """A row whose cells hold line breaks (a browser or Excel copy writes a cell's ``<br>`` or
    Alt+Enter as a new line, Excel quoting the cell): join line ``j`` with the lines after it
    while they continue its last cell, if that gives exactly ``width`` cells.

    Returns the joined cells and the index of the row's last line, or None. Only a row that
    starts with its number is joined, so merged-cell continuation rows keep their meaning.
    """
    cells = _cells(view, *lines[j])
    if len(cells) >= width or not ROW_NUMBER.match(view, cells[0][0], cells[0][1]):
        return None
    k = j
    while len(cells) < width and k + 1 < len(lines):
        more = _cells(view, *lines[k + 1])
        if ROW_NUMBER.match(view, more[0][0], more[0][1]) and len(more) > 1:
            return None  # the next row begins
        cells = cells[:-1] + [(cells[-1][0], more[0][1])] + more[1:]
        k += 1
    return (cells, k) if len(cells) == width else None


def _read_rows(view: str, lines: list[Span], j: int, roles: list[str | None], table: Table) -> int:
    """Read the rows of ``table`` from line ``j``; returns the index of the first line after it."""
    previous: list[Span] = []
    prefix: list[str] = []
    while j < len(lines):
        cells, last = _cells(view, *lines[j]), j
        if 1 < len(cells) < len(roles) and roles[0] == "number" and (
                joined := _continued_cells(view, lines, j, len(roles))):
            cells, last = joined
        if len(cells) < 2:
            if not _is_group_line(view, lines, j):
                break
            prefix = _group_prefix(view[lines[j][0]:lines[j][1]], prefix)
            table.end, j = lines[j][1], j + 1
            continue
        explicit_first = view[lines[j][0]] in "\t|"
        if len(cells) < len(roles) and previous and not explicit_first:
            cells = previous[: len(roles) - len(cells)] + cells  # merged cells continue
        cells = (cells + [(lines[last][1], lines[last][1])] * len(roles))[: len(roles)]
        if _is_category_row(view, cells):
            prefix = _group_prefix(view[cells[0][0]:cells[0][1]], prefix)
        row = _row(view, cells, roles, len(table.rows) + 1)
        if row is not None and table.rows and "number" in roles:
            k = roles.index("number")
            if cells[k][0] == cells[k][1]:
                row.number = table.rows[-1].number  # a merged 序号 cell: the same task goes on
        if row is not None:
            if prefix and not row.number.startswith(".".join(prefix) + "."):
                row.number = ".".join(prefix + [row.number])
            table.rows.append(row)
        previous, table.end = cells, lines[last][1]
        j = last + 1
    return j


def find_tables(view: str) -> list[Table]:
    """Find every task-division table in ``view``.

    Returns:
        Tables with their rows; spans index ``view``. A table ends at the first one-cell line
        that is not a group heading (一、规划引领 followed by more rows).
    """
    tables: list[Table] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", view)]
    i = 0
    while i < len(lines):
        line = view[lines[i][0]:lines[i][1]]
        roles = _header(view, *lines[i]) if _may_be_header(line) else None
        if roles is None:
            i += 1
            continue
        table = Table(lines[i][0], lines[i][1])
        j = i + 1
        if j < len(lines) and _may_be_header(view[lines[j][0]:lines[j][1]]):
            second = _header(view, *lines[j])
            if second is not None and len(second) == len(roles):  # 责任单位 spanning 牵头单位 | 配合单位
                roles = [b or a for a, b in zip(roles, second, strict=True)]
                j += 1
        i = _read_rows(view, lines, j, roles, table)
        tables.append(table)
    return tables
