"""Re-flow task tables that a PDF-to-text conversion laid out in columns of spaces.

``pdftotext -layout`` and similar tools write a table as lines whose cells sit in columns of
spaces, and a cell that wraps continues on the next lines in the same column::

    序号  重点任务                        牵头单位          配合单位                完成时限
    1     推进农村户厕问题摸排整改，问题  县农业农村局      县卫生健康局、县财政局、 2023年12月
          户厕整改率达到100%。                              各乡镇人民政府          底前

Read line by line, such a row falls apart. This step rebuilds each row of the matching view as
one line of tab-separated cells (``1⇥推进…问题户厕整改率达到100%。⇥县农业农村局⇥县卫生健康局、县财政局、
各乡镇人民政府⇥2023年12月底前``), every character keeping its original offset, so the table reader
of ``extract.task_tables`` reads it like any other and names are still written as in the original.

Only tables that need it are touched: a header line of three or more cells naming a task column
and a unit column (words of ``extract/data/task_tables.json``), followed by rows with
continuation lines. A fragment belongs to the header column whose start is nearest to its own;
a row starts at its number (which may sit on the middle line of the row, blank lines separate
rows); a repeated header after a page break is dropped; the table ends at a line that starts in
the number column with neither a number nor a group heading (一、…).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from extract.task_tables import _column_role, name_continues

_FRAGMENT = re.compile(r"\S+(?: \S+)*")  # cells are separated by two or more spaces
_NUMBER = re.compile(r"\d{1,3}[.、]?")
_GROUP = re.compile(r"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
_MAX_HEADER = 150
# How far (in characters) a cell's text may start from its header's column start.
_ALIGN = 4


@dataclass
class _Row:
    """One table row being assembled: fragments per column as ``[(start, end)]`` view spans."""

    cells: list[list[tuple[int, int]]]
    number: tuple[int, int] | None = None
    group: tuple[int, int] | None = None
    lines: list[int] = field(default_factory=list)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _FRAGMENT.finditer(text, start, end)]


@lru_cache(maxsize=8192)
def _width(ch: str) -> int:
    """Display width of a character: 2 for wide and full-width forms (CJK), else 1 (UAX #11)."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class _Columns:
    """Display columns of a view's lines, measured on the original characters (the view folds
    full-width punctuation to ASCII, which would shift every column after it)."""

    def __init__(self, original: str, offsets: list[int]) -> None:
        self.original, self.offsets = original, offsets

    def of(self, line_start: int, pos: int) -> int:
        """Display column of view index ``pos`` in the line that starts at ``line_start``."""
        return sum(_width(self.original[self.offsets[i]]) for i in range(line_start, pos))


def _header(text: str, start: int, end: int, cols: _Columns) -> tuple[list[int], list[str | None]] | None:
    """Column starts (display columns) and roles of a layout header line, or None."""
    if end - start > _MAX_HEADER or "\t" in text[start:end] or "|" in text[start:end]:
        return None
    frags = _fragments(text, start, end)
    if len(frags) < 3:
        return None
    roles = [_column_role(text[a:b]) for a, b in frags]
    if roles[0] != "number" or "task" not in roles or not {"lead", "responsible"} & set(roles):
        return None
    return [cols.of(start, a) for a, _ in frags], roles


def _split_at_columns(text: str, line_start: int, frags: list[tuple[int, int]], columns: list[int],
                      cols: _Columns) -> list[tuple[int, int]]:
    """Split a fragment at a single space that falls on a column start: a cell that fills its
    column is followed by the next cell after one space only (``县财政局、 2023年12月``)."""
    out = []
    for a, b in frags:
        cut = a
        for m in re.finditer(" ", text[a:b]):
            pos = a + m.end()
            if any(abs(cols.of(line_start, pos) - c) <= 1 for c in columns[1:]):
                out.append((cut, pos - 1))
                cut = pos
        out.append((cut, b))
    return out


def _column(columns: list[int], offset: int) -> int:
    """The column whose start is nearest to a fragment starting at ``offset`` in its line."""
    return min(range(len(columns)), key=lambda k: (abs(columns[k] - offset), k))


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _read_table(text: str, lines: list[tuple[int, int]], i: int, columns: list[int], cols: _Columns
                ) -> tuple[list[_Row], int]:
    """Rows of the table whose header is line ``i``; returns them and the index after the table."""
    header = text[lines[i][0]:lines[i][1]].strip()
    rows: list[_Row] = []
    current: _Row | None = None
    blank_since = False
    j = i + 1
    last = i
    while j < len(lines):
        start, end = lines[j]
        stripped = text[start:end].strip()
        if not stripped:
            blank_since = True
            j += 1
            continue
        if stripped == header:
            j, last, blank_since = j + 1, j, True  # the header again, after a page break
            continue
        frags = _split_at_columns(text, start, _fragments(text, start, end), columns, cols)
        at = {a: cols.of(start, a) for a, _ in frags}
        first_col = _column(columns, at[frags[0][0]])
        if first_col == 0:
            word = text[frags[0][0]:frags[0][1]]
            if _GROUP.match(word) and len(frags) == 1:
                rows.append(_Row([[] for _ in columns], group=frags[0]))
                current, blank_since = None, False
                j, last = j + 1, j
                continue
            if not _NUMBER.fullmatch(word):
                break
            if current is None or current.number is not None or (blank_since and current.lines):
                current = _Row([[] for _ in columns])
                rows.append(current)
            current.number = frags[0]
            frags = frags[1:]
        elif current is None or blank_since and current.number is not None:
            current = _Row([[] for _ in columns])  # a row whose number sits on a later line
            rows.append(current)
        if any(min(abs(c - at[a]) for c in columns) > _ALIGN for a, _ in frags):
            break  # text that does not sit in the table's columns (a signature, a note)
        for a, b in frags:
            current.cells[_column(columns, at[a])].append((a, b))
        current.lines.append(j)
        blank_since = False
        last = j
        j += 1
    return rows, last + 1


def _needs_reflow(rows: list[_Row]) -> bool:
    """Only a table whose rows wrap over several lines is rebuilt."""
    return any(row.number is not None and len(row.lines) > 1 for row in rows)


def _joined(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    """The characters of one cell as ``(offset, None)``, with a ``、`` marked ``(offset, 0)``
    between two lines that each end a unit name; a wrapped line goes straight on."""
    out: list[tuple[int, int | None]] = []
    for k, (a, b) in enumerate(pieces):
        if k and not name_continues(text[pieces[k - 1][0]:pieces[k - 1][1]], text[a:b]):
            out.append((a, 0))
        out.extend((p, None) for p in range(a, b))
    return out


def reflow_layout_tables(text: str, offsets: list[int], original: str) -> tuple[str, list[int]]:
    """Rebuild every wrapped layout table of the view ``text`` as one tab-separated line per row.

    Args:
        text: the matching view; offsets: its map to the original (``len(text) + 1`` ints);
            original: the original text (display widths are measured on it).
    Returns:
        ``(text, offsets)``: the new view and map; unchanged when no table needs it. A synthetic
        tab or ``、`` maps to the original offset of the character after it.
    """
    if "  " not in text:
        return text, offsets
    lines = _lines(text)
    cols = _Columns(original, offsets)
    parts: list[tuple[str, list[int]]] = []
    pos = 0
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        # a header holds a column gap, a number column and a unit column: test that cheaply first
        header = _header(text, start, end, cols) if "  " in line and ("号" in line or "序" in line) and (
            "单位" in line or "部门" in line) else None
        if header is None:
            i += 1
            continue
        columns, roles = header
        rows, after = _read_table(text, lines, i, columns, cols)
        if not _needs_reflow(rows):
            i += 1
            continue
        table_end = lines[after - 1][1]
        parts.append((text[pos:end], offsets[pos:end]))
        out_chars, out_offsets = [], []
        for row in rows:
            out_chars.append("\n")
            out_offsets.append(offsets[end])
            if row.group is not None:
                a, b = row.group
                out_chars.extend(text[a:b])
                out_offsets.extend(offsets[a:b])
                continue
            cells = [[row.number] if row.number else []] + row.cells[1:]
            for k, pieces in enumerate(cells):
                unit_column = roles[k] in ("lead", "responsible", "first_listed")
                chars = _joined(text, pieces) if unit_column else [(p, None) for a, b in pieces for p in range(a, b)]
                anchor = chars[0][0] if chars else (row.number or (end, end))[0]
                if k:
                    out_chars.append("\t")
                    out_offsets.append(offsets[anchor])
                for p, mark in chars:
                    out_chars.append("、" if mark == 0 else text[p])
                    out_offsets.append(offsets[p])
        parts.append(("".join(out_chars), out_offsets))
        pos = table_end
        i = after
    if not parts:
        return text, offsets
    parts.append((text[pos:], offsets[pos:]))
    return "".join(p for p, _ in parts), [o for _, offs in parts for o in offs]
