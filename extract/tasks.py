"""Tasks from a document's numbered items, responsibility clauses and tables.

``TaskBuilder`` turns the items of ``extract.structure`` and the clauses of ``extract.clauses``
(or ``extract.prose``) and the rows of ``extract.task_tables`` into ``Task`` records whose names
are written as in the original text and whose spans point into it. FORMAT.md's rules are applied
here: an item with several clauses gives one task per clause, and the first-listed convention
(列第一位者为牵头单位，下同) makes the first unit of every later clause lead.
"""

from __future__ import annotations

import re

from extract.clauses import Clause, find_clauses, parse_verb_clause
from extract.lexicon import first_listed_search, lexicon
from extract.model import Section, Task, UnitMention
from extract.normalize import NormText
from extract.prose import find_led_by, find_prose_assignments
from extract.structure import Item
from extract.task_tables import Table


def _name(text: str, nt: NormText, start: int, end: int) -> str:
    """The unit or title as written: original characters of a view span, whitespace removed."""
    if end <= start:
        return ""
    first, last = nt.offsets[start], nt.offsets[end - 1]
    if last - first == end - 1 - start:  # contiguous in the original: slice it
        chunk = text[first:last + 1]
    else:  # a re-flowed table cell: skip the 、 the re-flow put between two lines (extract.layout_tables)
        chunk = "".join(text[nt.offsets[i]] for i in range(start, end)
                        if nt.text[i] != "、" or text[nt.offsets[i]] == "、")
    return "".join(chunk.split())


_LEADING_MARKER = re.compile(r"[ \t\n]*(?:\(\d{1,3}\)|\([一二三四五六七八九十]+\)|\d{1,3}[.、]|[①-⑳])?[ \t]*")


def _first_sentence(view: str, start: int, end: int) -> tuple[int, int]:
    if start >= end:  # two clauses that overlap (damaged text): no sentence between them
        return end, end
    start = _LEADING_MARKER.match(view, start, end).end()  # "（2）推进…" names the task 推进…
    stop = start
    while stop < end and view[stop] not in "。;:\n(":
        stop += 1
    if stop - start > 60:
        comma = view.find(",", start, stop)
        stop = comma if comma > 0 else start + 60
    return start, stop


# A modal before the role verb: the sentence urges, it does not assign (X要会同Y加强督查).
_EXHORTATION = re.compile(r"(?:要|应当|应该|应|须|必须)(?:会同|联合|负责|牵头|配合)")


def _heading_verb_clause(view: str, start: int, end: int) -> Clause | None:
    """``view[start:end]``, an item's own text, as a heading that assigns: one line ending in a
    colon whose parts are verb clauses once an object such as 以下工作 is left out."""
    stop = end
    while stop > start and view[stop - 1] in " \t\n":
        stop -= 1
    if stop <= start or view[stop - 1] != ":" or "\n" in view[start:stop].strip() or stop - start > 80:
        return None
    stop -= 1
    pieces, pos = [], start
    for m in lexicon().heading_object_re.finditer(view, start, stop):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, stop))
    clause = Clause(start, stop + 1)
    for a, b in pieces:
        while a < b and view[a] in ", ":
            a += 1
        if b - a < 2:
            continue
        part = parse_verb_clause(view, a, b)
        if part is None:
            return None
        for role, spans in part.roles.items():
            clause.add(role, spans)
        clause.explicit_lead |= part.explicit_lead
    return clause if clause.roles else None


def _verb_sentence(view: str, start: int, end: int) -> list[Clause]:
    """The last sentence of ``view[start:end]`` when it is a verb clause without brackets
    (``东陵海关牵头，市商务局、市口岸办配合。``)."""
    stop = end
    while stop > start and view[stop - 1] in " \t\n。.":
        stop -= 1
    begin = max(view.rfind("。", start, stop), view.rfind("\n", start, stop)) + 1
    clause = parse_verb_clause(view, max(begin, start), stop)
    if clause is None:
        return []
    names = [view[a:b] for spans in clause.roles.values() for a, b in spans]
    if not clause.explicit_lead and all(_is_collective(n) for n in names):
        return []  # 县直各有关单位按照分工抓好落实: an instruction to all, not an assignment
    if any(_SENTENCE_WORDS.search(n) for n in names):
        return []  # 不得以…为由排斥或者限制民营企业参与: a sentence, not a list of units
    return [clause]


_SENTENCE_WORDS = re.compile("[的为由以将把对从向]|不得|或者|或")


def _is_collective(name: str) -> bool:
    """A name for a group of units (各配合单位, 县直各有关单位) or for a role (牵头单位)."""
    return name.startswith(("各", "有关", "相关")) or any(w in name for w in ("各", "有关", "相关")) or any(
        name.endswith(label) for label in lexicon().label_role)


def _line_end(view: str, pos: int) -> int:
    end = view.find("\n", pos)
    return len(view) if end < 0 else end


def _standalone_heading(view: str, item: Item) -> bool:
    """An item whose heading stands on its own line (一、支持…建设) with paragraphs below it."""
    end = item.title_span[1]
    return end < len(view) and view[end] == "\n"


class TaskBuilder:
    """Turns the items, clauses and table rows of one document into Task records.

    Args:
        text: the original text; nt: its matching view (``extract.normalize``).
    """

    def __init__(self, text: str, nt: NormText) -> None:
        self.text, self.nt, self.view = text, nt, nt.text
        match = first_listed_search(lexicon(), self.view)
        self.rule_at = match.start() if match else None
        # 责任单位两个以上的，列第一位的为牵头单位: the rule leaves a clause of one unit alone
        sentence = self.view[max(0, match.start() - 30):match.end()] if match else ""
        self.rule_needs_two = bool(lexicon().first_listed_plural_re.search(sentence))
        self.table_spans: list[tuple[int, int]] = []
        # (task number, cell text as written, original span) of every table row's 完成时限 cell
        self.deadline_cells: list[tuple[str, str, tuple[int, int]]] = []
        # Prose assignments (X负责…) are read only in documents that write no clauses at all
        # (regulations, 办法, 细则): elsewhere such sentences are not assignments.
        self.prose = False
        self.clause_count = 0  # clauses (not prose) found in the items so far
        self._headings: dict[str, Clause | None] = {}  # item number -> its heading's clause

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A view span as a span of the original text."""
        return self.nt.to_original(start, end)

    def task(self, item: Item, title_span: tuple[int, int], covered: tuple[int, int],
             clause: Clause | None) -> Task:
        start, end = self.span(*covered)
        t_start, t_end = self.span(*title_span)
        task = Task(number=item.number, kind=item.kind, title=_name(self.text, self.nt, *title_span),
                    char_start=start, char_end=end, title_start=t_start, title_end=t_end)
        if clause is not None:
            self.fill(task, clause)
        return task

    def fill(self, task: Task, clause: Clause, table_row: bool = False) -> None:
        """Write the clause's units into ``task`` (names as written, mentions with spans).

        The first-listed convention applies to the clauses after the sentence that states it
        (下同), and to every row of a table, whose note (注：列第一位者为牵头单位) may stand below it.
        """
        task.clause_start, task.clause_end = self.span(clause.start, clause.end)
        task.clause = self.text[task.clause_start:task.clause_end]
        roles = {role: list(spans) for role, spans in clause.roles.items()}
        if (self.rule_at is not None and (table_row or self.rule_at <= clause.end) and not clause.explicit_lead
                and roles.get("responsible") and (len(roles["responsible"]) > 1 or not self.rule_needs_two)):
            roles["lead"] = [roles["responsible"].pop(0)]  # 列第一位者为牵头单位，下同
        for role, target in (("lead", task.lead_units), ("responsible", task.responsible_units),
                             ("internal_lead", task.internal_lead),
                             ("internal_responsible", task.internal_responsible)):
            for s, e in roles.get(role, []):
                name = _name(self.text, self.nt, s, e)
                if name in target:
                    continue
                target.append(name)
                if role in ("lead", "responsible"):
                    task.mentions.append(UnitMention(name, role, *self.span(s, e)))

    def tasks_of(self, item: Item) -> list[Task]:
        """The tasks of one item: one per clause, or one without units for a leaf task item."""
        found = find_clauses(self.view, item.body_start, item.own_end, bare_units=self.rule_at is not None)
        clauses = [c for c in found if not any(a <= c.start < b for a, b in self.table_spans)]  # rows' own
        prose = False
        if not clauses and not item.children:
            if self.prose:
                clauses = find_prose_assignments(self.view, item.body_start, item.own_end)
            else:
                # a document of clauses: an item without one may still assign in prose (由X会同Y负责
                # 落实。 / X负责… / X牵头，Y配合。), in its last assigning sentence; an exhortation
                # (X要会同Y…, X应当负责…) is not an assignment there
                found = [c for c in find_prose_assignments(self.view, item.body_start, item.own_end)
                         if not _EXHORTATION.search(self.view, c.start, min(c.end, c.start + 40))]
                clauses = found[-1:] or _verb_sentence(self.view, item.body_start, item.own_end)
            prose = bool(clauses)
        elif clauses:
            self.clause_count += len(clauses)
            # a sentence of the item that assigns in prose (由X会同Y负责。) beside its bracketed clauses
            led = [c for c in find_led_by(self.view, item.body_start, item.own_end)
                   if not any(c.start < o.end and o.start < c.end for o in clauses)]
            clauses = sorted(clauses + led, key=lambda c: c.start)
        if not clauses and not item.children and item.parent is not None:
            heading = self._heading_clause(item.parent)  # （一）县爱卫办负责：⏎1.… 2.…
            clauses = [heading] if heading is not None else []
        if not clauses:
            holds_table = any(item.body_start <= a < item.own_end for a, _ in self.table_spans)
            if item.children or item.kind == "general" or holds_table:
                return []
            return [self.task(item, item.title_span, (item.start, item.end), None)]
        if not prose and self._covers_parent(item, clauses):
            parent = item.parent
            leaf = self.task(item, item.title_span, (item.start, clauses[0].start), None)
            return [leaf, self.task(parent, parent.title_span, (parent.start, clauses[0].end), clauses[0])]
        out, covered_start = [], item.start
        if not prose and clauses[0].start < item.title_span[1]:  # （一）优化审批（发改委牵头）: not title
            item.title_span = (item.title_span[0], max(item.title_span[0], clauses[0].start))
        standalone = _standalone_heading(self.view, item) and len(clauses) > 1
        for k, clause in enumerate(clauses):
            if k == 0 and not standalone:
                title = item.title_span
            elif prose:  # a prose clause is its sentence
                title = _first_sentence(self.view, clause.start, clause.end)
            else:
                title = _first_sentence(self.view, item.title_span[1] if k == 0 else covered_start, clause.start)
            out.append(self.task(item, title, (covered_start, clause.end), clause))
            covered_start = clause.end
        return out

    def _heading_clause(self, parent: Item) -> Clause | None:
        """The clause of a heading that assigns the numbered tasks below it: a verb clause ending
        in a colon (``县住建局牵头负责以下工作，县城管执法局、县交通运输局配合：``), or None."""
        if parent.number not in self._headings:
            self._headings[parent.number] = _heading_verb_clause(self.view, parent.body_start, parent.own_end)
        return self._headings[parent.number]

    def _covers_parent(self, item: Item, clauses: list[Clause]) -> bool:
        """A clause on a line of its own after the last sub-point of an item whose other
        sub-points have none (（1）…（2）…⏎（责任单位：…）) assigns the whole item, not the last point."""
        parent = item.parent
        if len(clauses) != 1 or parent is None or parent.children[-1] is not item or item.kind_of_marker not in (
                "par", "circ", "ar") or len(parent.children) < 2:
            return False  # (an item with one numbered task under it: the clause is that task's)
        clause = clauses[0]
        line_start = self.view.rfind("\n", 0, clause.start) + 1
        line_end = _line_end(self.view, clause.end)
        if self.view[line_start:clause.start].strip() or self.view[clause.end:line_end].strip(" 。."):
            return False  # the clause shares its line with the point's text
        if line_start <= item.title_span[1]:
            return False  # the point is nothing but its number and the clause
        return not any(find_clauses(self.view, s.body_start, s.own_end, bare_units=self.rule_at is not None)
                       for s in parent.children[:-1]) and not find_clauses(
            self.view, parent.body_start, parent.own_end, bare_units=self.rule_at is not None)

    def tasks_of_table(self, table: Table) -> list[Task]:
        """One task per table row: a task-division table lists tasks, whatever section holds it."""
        kind = "task"  # a task-division table lists tasks, even when it follows 保障措施
        out = []
        for row in table.rows:
            start, end = self.span(row.clause.start, row.clause.end)
            t_start, t_end = self.span(*row.title)
            task = Task(number=row.number, kind=kind, title=_name(self.text, self.nt, *row.title),
                        char_start=start, char_end=end, title_start=t_start, title_end=t_end)
            self.fill(task, row.clause, table_row=True)
            if row.deadline:
                task.deadline = _name(self.text, self.nt, *row.deadline)
                self.deadline_cells.append((task.number, task.deadline, self.span(*row.deadline)))
            out.append(task)
        return out


def section_of(builder: TaskBuilder, item: Item) -> Section:
    """The Section record of a numbered item (spans into the original text)."""
    start, end = builder.span(item.start, item.end)
    return Section(number=item.number, marker=builder.view[item.start:item.body_start], title=_name(
        builder.text, builder.nt, *item.title_span), kind=item.kind, char_start=start, char_end=end,
        parent=item.parent.number if item.parent else None)
