"""The extraction pipeline: file or text in, ``Directive`` record out.

Steps (each a module of its own, run in this order):
``read`` (file -> text) → ``normalize`` (matching view with offsets) → ``tables`` (task-division
tables) → ``structure`` (numbered items) → ``clauses`` (units and roles) → ``metadata`` →
``targets`` and ``deadlines`` → ``mentions`` (units named in body text).
"""

from __future__ import annotations

from pathlib import Path

from extract.deadlines import find_deadlines, parse_deadline
from extract.errors import DirectiveError
from extract.line_tables import find_line_tables
from extract.mentions import find_mentions
from extract.metadata import extract_metadata
from extract.model import Deadline, Directive
from extract.normalize import normalize
from extract.numbers import clear_number_view
from extract.read import read_document
from extract.structure import parse_items, walk
from extract.targets import find_targets
from extract.task_tables import find_tables
from extract.tasks import TaskBuilder, section_of
from extract.unit_lists import clear_split_cache

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


def extract_text(text: str, *, doc_id: str, source: str) -> Directive:
    """Run every extraction step over ``text``.

    Args:
        text: the document's decoded text (any line endings).
        doc_id: the document id (file stem), e.g. ``weihai-2018-39``.
        source: the path or address the text came from, recorded as is.
    Returns:
        A Directive whose offsets all point into ``text``.
    """
    nt = normalize(text)
    builder = TaskBuilder(text, nt)
    tables = find_tables(nt.text)
    tables += [t for t in find_line_tables(nt.text) if not any(o.start <= t.start < o.end for o in tables)]
    builder.table_spans = [(t.start, t.end) for t in tables]
    items = parse_items(nt.text, masked=[(t.start, t.end) for t in tables])
    directive = Directive(id=doc_id, source=source, text=text)
    for item in walk(items):
        directive.sections.append(section_of(builder, item))
        directive.tasks.extend(builder.tasks_of(item))
    if not tables and builder.clause_count == 0:
        builder.prose = True
        directive.tasks = [t for item in walk(items) for t in builder.tasks_of(item)]
    for table in tables:
        directive.tasks.extend(builder.tasks_of_table(table))
    directive.metadata = extract_metadata(text)
    directive.targets = find_targets(text, directive.sections)
    directive.deadlines = find_deadlines(text, directive.sections, doc_date=directive.metadata.date)
    directive.deadlines = _with_cell_deadlines(directive.deadlines, builder.deadline_cells, directive.metadata.date)
    known = tuple(dict.fromkeys(u for t in directive.tasks for u in t.lead_units + t.responsible_units))
    clauses = [(t.clause_start, t.clause_end) for t in directive.tasks if t.clause_start >= 0]
    directive.mentions = find_mentions(text, known=known, skip=clauses)
    return directive


def _with_cell_deadlines(found: list[Deadline], cells: list[tuple[str, str, tuple[int, int]]],
                         doc_date: str | None) -> list[Deadline]:
    """Add the 完成时限 cells of table rows that the text scan missed (a cell wrapped over two
    lines of a PDF table, ``2023年12月`` / ``底前``); each cell's deadline belongs to its row's task."""
    year = int(doc_date[:4]) if doc_date else None
    added = []
    for number, cell, (start, end) in cells:
        inside = [d for d in found if d.char_start < end and start < d.char_end]
        for d in inside:
            d.section = number  # a deadline in a row's cell is the row task's, whatever item holds the table
        if inside:
            continue
        deadline = parse_deadline(cell, year=year)
        if deadline is None:
            continue
        deadline.section, deadline.text, deadline.char_start, deadline.char_end = number, cell, start, end
        added.append(deadline)
    return sorted(found + added, key=lambda d: d.char_start)


def clear_text_caches() -> None:
    """Forget what earlier texts taught the caches keyed on text (unit lists, the number view),
    so that a benchmark round measures documents never seen before."""
    clear_split_cache()
    clear_number_view()


def extract_path(path: str | Path) -> Directive:
    """Read ``path`` (.txt, .docx, .pdf, .html) and extract it.

    Returns the Directive with ``id`` = the file stem. Raises ``DirectiveError`` (one line naming
    the file and the problem) for a missing, empty, binary, scanned or undecodable file, and for
    a text with no numbered item and no task table.
    """
    p = Path(path)
    directive = extract_text(read_document(p), doc_id=p.stem, source=str(path))
    if not directive.sections and not directive.tasks:
        raise DirectiveError(str(path), "no numbered items (一、 /（一）/ 1. / 第一条) and no task table: "
                                        "is this a directive?")
    return directive
