"""Task-division tables written one cell per line (Word's "Save as Plain Text").

Such a table is a run of one-cell header lines (序号 / 重点任务 / 牵头单位 / 责任单位 / 完成时限)
followed by its cells, one per line; a merged cell is written once, on the first row it covers.
Rows start at a line holding only the row number (``1``, ``2.``). Inside a row, a cell's column
is found by its content when cells are missing: a date phrase is the deadline, a list of unit
names fills the unit columns (a missing leading one is the merged cell of the row above), the
rest is the task.
"""

from __future__ import annotations

import re

from extract.task_tables import ROW_NUMBER, Table, _column_role, _group_prefix, _row, assignee_roles, name_tails
from extract.unit_lists import Span, looks_like_unit, split_units

_DEADLINE = re.compile(r"(\d{4}年|\d{1,2}月|年底|季度|底前|长期|持续|常态|每年|按年度)")
_GROUP = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
_MAX_CELL = 300


def _lines(view: str) -> list[Span]:
    """Non-blank lines, trimmed; a cell copied from a web table may end with `` |``."""
    out = []
    for m in re.finditer(r"[^\n]+", view):
        s, e = m.span()
        while s < e and view[s] in " \t":
            s += 1
        while e > s and view[e - 1] in " \t":
            e -= 1
        if e > s + 1 and view[e - 1] == "|" and "|" not in view[s:e - 1]:
            e -= 1  # "县发改委 |": the cell's border, not a column separator
            while e > s and view[e - 1] in " \t":
                e -= 1
        if e > s:
            out.append((s, e))
    return out


def _header_at(view: str, lines: list[Span], i: int) -> list[str | None] | None:
    """The column roles of a header written one cell per line from line ``i`` (序号 first).

    A short cell of no known role (分管县领导, 责任领导: people) may stand between known ones.
    """
    roles: list[str | None] = []
    for k, (s, e) in enumerate(lines[i:i + 9]):
        if "\t" in view[s:e] or "|" in view[s:e]:
            break
        role = _column_role(view[s:e])
        if role is None:
            following = lines[i + k + 1] if i + k + 1 < len(lines) else None
            if not roles or e - s > 8 or ROW_NUMBER.match(view, s, e) or following is None \
                    or _column_role(view[following[0]:following[1]]) is None:
                break
        roles.append(role)
    if len(roles) >= 3:
        return assignee_roles(roles)
    return None


def _is_units(view: str, span: Span) -> bool:
    pieces = split_units(view, *span)
    return bool(pieces) and all(looks_like_unit(view[a:b]) for a, b in pieces)


def _assign(view: str, cells: list[Span], roles: list[str], previous: list[Span] | None) -> list[Span]:
    """Place a row's cells (number excluded) into the columns ``roles`` (number excluded)."""
    if len(cells) == len(roles):
        return cells
    placed: dict[int, Span] = {}
    unit_cols = [k for k, r in enumerate(roles) if r in ("lead", "responsible", "first_listed")
                 or r.startswith("internal")]
    units = [c for c in cells if _is_units(view, c)]
    dates = [c for c in cells if c not in units and _DEADLINE.search(view[c[0]:c[1]]) and c[1] - c[0] <= 20]
    texts = [c for c in cells if c not in units and c not in dates]
    for k, cell in zip(unit_cols[len(unit_cols) - len(units):], units, strict=False):
        placed[k] = cell
    for k in unit_cols[: len(unit_cols) - len(units)]:
        if previous is not None:
            placed[k] = previous[k]  # a merged cell of the row above
    for k, cell in zip([k for k, r in enumerate(roles) if r == "deadline"], dates, strict=False):
        placed[k] = cell
    for k, cell in zip([k for k, r in enumerate(roles) if r in ("task", None)][::-1], texts[::-1], strict=False):
        placed[k] = cell
    end = cells[-1][1]
    return [placed.get(k, (end, end)) for k in range(len(roles))]


def find_line_tables(view: str) -> list[Table]:
    """Find tables written one cell per line in ``view``; rows as in ``extract.task_tables``."""
    lines = _lines(view)
    tables = []
    i = 0
    while i < len(lines):
        # the header opens with its 序号 line: test that cheaply before reading the header
        roles = _header_at(view, lines, i) if lines[i][1] - lines[i][0] <= 4 and _column_role(
            view[lines[i][0]:lines[i][1]]) == "number" else None
        if roles is None or roles[0] != "number":
            i += 1
            continue
        table = Table(lines[i][0], lines[i + len(roles) - 1][1])
        i = _read(view, lines, i + len(roles), roles, table)
        if table.rows:
            tables.append(table)
    return tables


# A line of a wrapped deadline cell (2024年12 / 月底前 / 持续推进).
_DEADLINE_PIECE = re.compile(r"[\d年月日底前中旬上下半季度末至\-—~]+|.{0,4}(?:长期|持续|常态|每年|按年度).{0,4}")
# Lines after a table's last row (the attachment list, the distribution list, contacts).
_AFTER_TABLE = re.compile(r"\s*(?:附件|抄送|印发|联系人|联系电话|主送)")
# A PDF column is narrow: a line longer than this is text after the table, not a wrapped cell.
_MAX_WRAPPED_LINE = 40


def _is_deadline_piece(view: str, span: Span) -> bool:
    return _DEADLINE_PIECE.fullmatch(view, *span) is not None


def _units_complete(view: str, start: int, end: int, next_line: Span) -> bool:
    """Do ``view[start:end]``'s lines end a list of unit names (not a name cut by a wrap, as when
    the next line starts with a name's ending: 临澜高新区管委⏎会)?"""
    text = view[start:end].rstrip()
    return (bool(text) and text[-1] not in "、,;(" and _is_units(view, (start, end))
            and not view.startswith(name_tails(), next_line[0], next_line[1]))


def _wrapped_row(view: str, lines: list[Span], i: int, roles: list[str], header: list[str]
                 ) -> tuple[list[Span], int] | None:
    """A row of a table converted from PDF whose cells wrap over several lines
    (``新建5G基站3000个以上，实`` / ``现城区…全覆盖。`` / ``市工业和信息化`` / ``局`` / …).

    Reads the lines from ``i`` up to the next row number, group heading or long line (a page's
    repeated header is skipped), then cuts them into the columns ``roles[1:]``: the task up to
    its closing 。, the deadline from the end (date pieces), the unit columns in between, each
    ending where its lines end a list of unit names. Only the usual column order (task, units,
    deadline) is read; returns ``(cells, next line index)`` or None.
    """
    columns = roles[1:]
    unit_cols = [k for k, r in enumerate(columns) if r in ("lead", "responsible", "first_listed")]
    if columns.count("task") != 1 or columns[0] != "task" or not unit_cols \
            or unit_cols != list(range(1, 1 + len(unit_cols))) or len(columns) > len(unit_cols) + 2:
        return None
    has_deadline = columns[-1] == "deadline"
    row: list[Span] = []
    j = i
    while j < len(lines) and not ROW_NUMBER.match(view, *lines[j]) and not _GROUP.match(view, *lines[j]) \
            and lines[j][1] - lines[j][0] <= _MAX_WRAPPED_LINE:
        if [view[s:e] for s, e in lines[j:j + len(header)]] == header:
            j += len(header)  # the header repeated after a page break
            continue
        if _AFTER_TABLE.match(view, *lines[j]):
            break
        if has_deadline and len(row) >= 2 and _is_deadline_piece(view, row[-1]) \
                and not _is_deadline_piece(view, lines[j]):
            break  # a finished deadline cell ends the last row
        row.append(lines[j])
        j += 1
    if len(row) <= len(columns):
        return None
    end = len(row)
    if has_deadline:
        while end > 2 and _is_deadline_piece(view, row[end - 1]) and len(row) - end < 3:
            end -= 1
    task_end = next((k + 1 for k in range(end) if view[row[k][1] - 1] in "。;；"), 1)
    unit_lines = row[task_end:(end if has_deadline else len(row))]
    if len(unit_lines) < len(unit_cols):
        return None
    cells: list[Span] = [(row[0][0], row[task_end - 1][1])]
    k = 0
    for n, _ in enumerate(unit_cols):
        first = k
        if n == len(unit_cols) - 1:
            k = len(unit_lines)
        else:
            k += 1
            while k < len(unit_lines) - (len(unit_cols) - n - 1) and not _units_complete(
                    view, unit_lines[first][0], unit_lines[k - 1][1], unit_lines[k]):
                k += 1
        cells.append((unit_lines[first][0], unit_lines[k - 1][1]))
    if has_deadline:
        cells.append((row[end][0], row[-1][1]) if end < len(row) else (row[-1][1], row[-1][1]))
    return cells, j


def _read(view: str, lines: list[Span], i: int, roles: list[str], table: Table) -> int:
    """Read rows from line ``i``: each starts at a row-number line. Returns the next line index."""
    header = [view[s:e] for s, e in lines[i - len(roles):i]]
    previous: list[Span] | None = None
    prefix: list[str] = []
    while i < len(lines):
        s, e = lines[i]
        if _GROUP.match(view, s, e) and e - s <= 40:
            prefix, i = _group_prefix(view[s:e], prefix), i + 1
            continue
        number = ROW_NUMBER.match(view, s, e)
        if number is None:
            break
        j = i + 1
        while j < len(lines) and j - i < len(roles) and not ROW_NUMBER.match(view, *lines[j]) \
                and lines[j][1] - lines[j][0] <= _MAX_CELL and not _GROUP.match(view, *lines[j]):
            j += 1
        wrapped = _wrapped_row(view, lines, i + 1, roles, header) if j - i == len(roles) else None
        if wrapped is not None:
            cells, j = wrapped
        else:
            cells = _assign(view, lines[i + 1:j], roles[1:], previous)
        row = _row(view, [(s, e)] + cells, roles, len(table.rows) + 1)
        if row is not None:
            if prefix:
                row.number = ".".join(prefix + [row.number])
            table.rows.append(row)
        previous, table.end, i = cells, lines[j - 1][1], j
    return i
