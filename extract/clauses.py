"""Find responsibility clauses and read the units and roles they assign.

Three written forms are recognised (word lists in ``extract/data/roles.json``):

* label clauses: ``（牵头单位：市民政局，责任单位：市直相关部门、单位）``, bracketed or on a line of
  their own, with any label word of the lexicon;
* verb clauses: ``（国家发展改革委牵头，国务院相关部门及各地区按职责分工负责）``, ``（合肥海关负责）``,
  ``（X会同Y负责）``;
* the document-wide convention ``列第一位者为牵头单位，下同`` is detected here and applied by the
  pipeline (the first listed unit of every later clause leads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.lexicon import Lexicon, first_listed_search, lexicon, other_key_starts, role_of_verb, verb_at_end
from extract.unit_lists import Span, looks_like_unit, split_units

_SEGMENT_SEPS = ",;"
_BEFORE_CLAUSE = set("。;!?)〕］]】\n") | {""}
_MAX_CLAUSE = 400
_FOOTER_REACH = 80


@dataclass
class Clause:
    """One responsibility clause found in the matching view.

    Attributes:
        start, end: span of the clause in the view (brackets included).
        roles: role -> unit spans in the view; roles are ``lead``, ``responsible``,
            ``internal_lead``, ``internal_responsible``.
        explicit_lead: the clause names a lead itself (a lead label or 牵头).
        first_listed_rule: the clause states the "first listed unit leads" convention.
    """

    start: int
    end: int
    roles: dict[str, list[Span]] = field(default_factory=dict)
    explicit_lead: bool = False
    first_listed_rule: bool = False

    def add(self, role: str, spans: list[Span]) -> None:
        """Append unit spans under ``role``."""
        self.roles.setdefault(role, []).extend(spans)


# Clause brackets: round ones (folded to ASCII), and the square and tortoise-shell ones some
# provinces use for clauses (〔责任单位：省市场监管局〕, ［…］, 【…】).
_OPENERS, _CLOSERS = "(〔［[【", ")〕］]】"
_BRACKET = re.compile(f"[{re.escape(_OPENERS + _CLOSERS)}]")


def _bracket_groups(view: str, start: int, end: int):
    """Yield ``(open, close)`` indices of top-level bracket groups inside ``view[start:end]``."""
    depth, open_ = 0, start
    for m in _BRACKET.finditer(view, start, end):
        if m.group() in _OPENERS:
            if depth == 0:
                open_ = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield open_, m.start()


def _mask_convention(view: str, start: int, end: int, lex: Lexicon) -> tuple[int, bool]:
    """Return the end of the content before a first-listed convention phrase, and whether one was found."""
    match = first_listed_search(lex, view, start, end)
    if not match:
        return end, False
    stop = match.start()
    opened = _open_bracket(view, start, stop)
    if opened is not None:
        stop = opened  # 市水利局（除标注…外，列第一位的为牵头单位，下同）: the note's bracket ends the list
    while stop > start and view[stop - 1] in "( \t":
        stop -= 1  # 市发改委（第一责任单位为牵头单位，下同）
    return stop, True


def _open_bracket(view: str, start: int, stop: int) -> int | None:
    """The position of a ``(`` in ``view[start:stop]`` still open at ``stop``, if any."""
    depth, last = 0, None
    for m in _PAREN_ONLY.finditer(view, start, stop):
        if m.group() == "(":
            if depth == 0:
                last = m.start()
            depth += 1
        elif depth:
            depth -= 1
    return last if depth else None


_PAREN_ONLY = re.compile(r"[()]")


def parse_label_clause(view: str, start: int, end: int) -> Clause | None:
    """Read a label clause from ``view[start:end]`` (the content between the brackets).

    Returns a Clause (span = the content span) or None when no label word with a colon is present.
    """
    lex = lexicon()
    stop, rule = _mask_convention(view, start, end, lex)
    labels = _labels_in(view, start, stop, lex)
    if not labels:
        return None
    clause = Clause(start, end, first_listed_rule=rule)
    label_ends = {m.end("label") for m in labels}
    other_keys = [a for a, b in other_key_starts(view, start, stop) if b not in label_ends]
    for k, match in enumerate(labels):
        seg_end = labels[k + 1].start() if k + 1 < len(labels) else stop
        seg_end = min([o for o in other_keys if match.end() <= o < seg_end] or [seg_end])  # 完成时限：…
        period = view.find("。", match.end(), seg_end)
        seg_end = period if period >= 0 else seg_end  # a sentence after the list is a note (…不再做分工，下同。)
        role = lex.label_role[match.group("label")]
        verbs = None
        if role == "responsible" and any(view.find(c, match.end(), seg_end) >= 0 for c in lex.lead_cores):
            verbs = parse_verb_clause(view, match.end(), seg_end)
        if verbs is not None and "lead" in verbs.roles:  # 责任单位：X牵头，Y配合 — the verbs decide
            for r, spans in verbs.roles.items():
                clause.add(r, spans)
            clause.explicit_lead = True
            continue
        spans = [s for s in split_units(view, match.end(), seg_end) if not _is_date_or_note(view[s[0]:s[1]])]
        add_with_lead_marks(view, clause, role, spans)
    return clause


_DATE_OR_NOTE = re.compile(r"[\d:]")


def _is_date_or_note(name: str) -> bool:
    return _DATE_OR_NOTE.search(name) is not None


def add_with_lead_marks(view: str, clause: Clause, role: str, spans: list[Span]) -> None:
    """Add unit spans under ``role``; a unit marked ``(牵头)`` leads whatever its list."""
    lex = lexicon()
    marks = lex.lead_marks
    for s, e in spans:
        if view[e - 1] not in lex.lead_mark_ends and view[s] not in lex.lead_mark_starts:
            clause.roles.setdefault(role, []).append((s, e))  # no mark: the common case
            clause.explicit_lead |= role == "lead"
            continue
        mark = next((m for m in marks if e - s > len(m) and view.startswith(m, e - len(m))), None)
        head = next((m for m in marks if e - s > len(m) and view.startswith(m, s)), None)
        if mark or head:
            s, e = (s + len(head), e) if head else (s, e - len(mark))
            clause.add("lead", [(s, e)])
            clause.explicit_lead = True
        else:
            clause.add(role, [(s, e)])
            clause.explicit_lead |= role == "lead"


_SEGMENT_BREAK = re.compile(r"[(),;]")


def _segments(view: str, start: int, end: int) -> list[Span]:
    segs, depth, seg_start = [], 0, start
    for m in _SEGMENT_BREAK.finditer(view, start, end):  # separators outside brackets end a segment
        ch = m.group()
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in _SEGMENT_SEPS:
            segs.append((seg_start, m.start()))
            seg_start = m.end()
    segs.append((seg_start, end))
    # a "key: value" note (完成时限：2021年底) is not part of the assignment
    return [(s, e) for s, e in segs if view[s:e].strip(" 。.") not in _EMPTY_SEGMENTS and ":" not in view[s:e]]


# Segments that carry no unit: an empty one, and "the same below" notes (（X牵头，Y配合，下同）).
_EMPTY_SEGMENTS = {"", "下同", "以下同", "同上", "以下均同"}


def _verb_segment(view: str, seg: Span, lex: Lexicon) -> tuple[str, Span] | None:
    s, e = seg
    while e > s and view[e - 1] in " .。":
        e -= 1
    match = verb_at_end(lex, view, s, e)
    if match is None:
        return None
    return role_of_verb(lex, match.group("verb")), (s, match.start())


def _cooperate_split(view: str, span: Span, lex: Lexicon) -> tuple[Span, Span] | None:
    s, e = span
    for word in lex.cooperate_words:
        i = view.find(word, s, e)
        if i > s:
            return (s, i), (i + len(word), e)
    return None


def parse_verb_clause(view: str, start: int, end: int) -> Clause | None:
    """Read a verb clause (``X牵头，Y负责``) from the content ``view[start:end]``; None if it is not one."""
    lex = lexicon()
    stop, rule = _mask_convention(view, start, end, lex)
    period = view.find("。", start, stop)
    stop = period if period >= 0 else stop  # …省科技厅牵头。明确牵头部门的，其他…不逐一列出: a note follows
    clause = Clause(start, end, first_listed_rule=rule)
    pending: Span | None = None
    for seg in _segments(view, start, stop):
        parsed = _verb_segment(view, seg, lex)
        if parsed is None:
            pending = (pending[0] if pending else seg[0], seg[1])
            continue
        role, units = parsed
        if pending:
            units = (pending[0], units[1])
            pending = None
        if not _assign(view, clause, role, units, lex):
            return None
    if pending:  # trailing units without a verb after a verb segment: cooperating units
        if not clause.roles or not _assign(view, clause, "responsible", pending, lex):
            return None
    return clause if clause.roles else None


def _assign(view: str, clause: Clause, role: str, units: Span, lex: Lexicon) -> bool:
    coop = _cooperate_split(view, units, lex)
    parts = [("lead", coop[0]), ("responsible", coop[1])] if coop else [(role, units)]
    for part_role, (s, e) in parts:
        spans = split_units(view, s, e)
        if spans and all(view[a:b].endswith(lex.person_tails) for a, b in spans):
            continue  # （分管副省长、协管副秘书长负责，X牵头…）: leaders, not units
        if not spans or not all(looks_like_unit(view[a:b], lex) for a, b in spans):
            return False
        add_with_lead_marks(view, clause, part_role, spans)
    return True


def _label_lines(view: str, start: int, end: int, taken: list[Span]) -> list[Clause]:
    """Label clauses written without brackets: ``牵头单位：X；责任单位：Y`` up to the line end.

    At the start of a line the colon may be missing (``牵头单位　省供销社``).
    """
    lex = lexicon()
    found = []
    for match in list(lex.label_re.finditer(view, start, end)) + _colonless_labels(view, start, end, lex):
        if any(a <= match.start() < b for a, b in taken + [(c.start, c.end) for c in found]):
            continue
        if any(view.find(w, match.start(), match.start() + _FOOTER_REACH) >= 0 for w in lex.site_footer_words):
            continue  # 主办单位：X 网站标识码：… is a web page's footer
        if _states_convention(view, match.start(), lex):
            continue  # 列第一位的责任单位为牵头单位: the rule's own words, not a clause
        line_end = _line_end(view, match.start(), end)
        while line_end < end and (_opens_with_label(view, line_end, end, lex) or view[line_end - 1] in "、,"):
            # 责任单位 on the next line, or a list that a line break cut after its 、
            line_end = _line_end(view, _skip_blank(view, line_end, end), end)
        stop = _sentence_end(view, match.start(), line_end, end, lex)
        clause = parse_label_clause(view, match.start(), stop)
        if clause and clause.roles:
            found.append(clause)
    return sorted(found, key=lambda c: c.start)


def _states_convention(view: str, pos: int, lex: Lexicon) -> bool:
    """Is the label at ``pos`` part of a statement of the first-listed convention
    (列第一位的责任单位为牵头单位)?"""
    match = first_listed_search(lex, view, max(0, pos - 20), min(len(view), pos + 40))
    return match is not None and match.start() <= pos < match.end()


def _sentence_end(view: str, start: int, line_end: int, end: int, lex: Lexicon) -> int:
    """Where a label clause that starts at ``start`` ends: its first 。, unless a label follows
    the 。 (``牵头单位：X。⏎责任单位：Y。`` and ``牵头单位：X。责任单位：Y。`` are one clause each)."""
    period = view.find("。", start, line_end)
    while period >= 0:
        after = _skip_blank(view, period + 1, line_end)
        if after >= line_end or not (lex.label_re.match(view, after, line_end)
                                     or lex.line_label_re.match(view, view.rfind("\n", 0, after) + 1, line_end)
                                     and _opens_with_label(view, period + 1, end, lex)):
            return period
        period = view.find("。", after, line_end)
    return line_end


def _verb_key_lines(view: str, start: int, end: int, taken: list[Span]) -> list[Clause]:
    """Unbracketed verb clauses after a key: ``部门分工：省科技厅牵头，省财政厅配合。``."""
    lex = lexicon()
    found = []
    for match in lex.verb_key_re.finditer(view, start, end):
        if any(a <= match.start() < b for a, b in taken):
            continue
        line_end = _line_end(view, match.end(), end)
        period = view.find("。", match.end(), line_end)
        stop = period if period >= 0 else line_end
        clause = parse_verb_clause(view, match.end(), stop)
        if clause is not None and clause.roles:
            clause.start, clause.end = match.start(), stop
            found.append(clause)
    return found


def _colonless_labels(view: str, start: int, end: int, lex: Lexicon) -> list[re.Match]:
    """Line-initial labels followed by spaces instead of a colon (``牵头单位　省供销社``)."""
    return list(lex.line_label_re.finditer(view, start, end))


def _opens_with_label(view: str, pos: int, end: int, lex: Lexicon) -> bool:
    """Does the next non-blank line after ``pos`` begin (after indentation) with a label?"""
    first = _skip_blank(view, pos, end)
    line_start = view.rfind("\n", 0, first) + 1
    labels = _labels_in(view, line_start, _line_end(view, first, end), lex)
    return bool(labels) and labels[0].start("label") == first


def _labels_in(view: str, start: int, stop: int, lex: Lexicon) -> list[re.Match]:
    """Every label in ``view[start:stop]``, with or without its colon, in order."""
    found = {m.start("label"): m for m in lex.label_re.finditer(view, start, stop)}
    for m in _colonless_labels(view, start, stop, lex):
        found.setdefault(m.start("label"), m)
    return [found[k] for k in sorted(found)]


_ROLE_HINTS = ("单位", "部门", "处室", "牵头", "负责", "配合", "参与", "协", "会同", "主办", "主责", "落实")


def _may_hold_roles(content: str) -> bool:
    """Cheap test before parsing a bracket group: does it hold any label or role word at all?"""
    return any(h in content for h in _ROLE_HINTS)


def _line_end(view: str, pos: int, end: int) -> int:
    found = view.find("\n", pos, end)
    return end if found < 0 else found


def _skip_blank(view: str, pos: int, end: int) -> int:
    while pos < end and view[pos] in " \t\n":
        pos += 1
    return pos


def parse_unit_list_clause(view: str, start: int, end: int) -> Clause | None:
    """A bracket holding only unit names (``（省发展改革委、省财政厅）``): responsible units.

    Read only in documents that state the first-listed convention, where such brackets are
    the responsibility clauses; elsewhere a bracket of names is an aside.
    """
    stop, rule = _mask_convention(view, start, end, lexicon())
    spans = split_units(view, start, stop)
    if not spans or not all(looks_like_unit(view[a:b]) for a, b in spans):
        return None
    clause = Clause(start, end, first_listed_rule=rule)
    add_with_lead_marks(view, clause, "responsible", spans)
    return clause


def find_clauses(view: str, start: int, end: int, bare_units: bool = False) -> list[Clause]:
    """Find every responsibility clause inside ``view[start:end]``, in document order.

    Args:
        view: the normalised matching text.
        start, end: the region to search (an item's own text).
        bare_units: also read brackets that hold only unit names (first-listed documents).
    Returns:
        Clauses whose ``start``/``end`` cover the clause including its brackets.
    """
    clauses = []
    for open_, close in _bracket_groups(view, start, end):
        if close - open_ > _MAX_CLAUSE or not (bare_units or _may_hold_roles(view[open_:close])):
            continue
        clause = parse_label_clause(view, open_ + 1, close)
        if clause is None and (_clause_position(view, open_, close) or not view[start:open_].strip()):
            clause = parse_verb_clause(view, open_ + 1, close)
            if clause is None and bare_units:
                clause = parse_unit_list_clause(view, open_ + 1, close)
        if clause is not None and clause.roles:
            clause.start, clause.end = open_, close + 1
            clauses.append(clause)
    taken = [(c.start, c.end) for c in clauses]
    clauses.extend(_label_lines(view, start, end, taken))
    taken = [(c.start, c.end) for c in clauses]
    clauses.extend(_verb_key_lines(view, start, end, taken))
    return sorted(clauses, key=lambda c: c.start)


def _clause_position(view: str, open_: int, close: int) -> bool:
    """A verb clause closes a sentence: it follows 。/；/a line start or ends its line."""
    before = view[open_ - 1] if open_ > 0 else ""
    after = view[close + 1] if close + 1 < len(view) else ""
    return before in _BEFORE_CLAUSE or after in {"", "\n", "。", "("} or re.match(r"\s", after) is not None
