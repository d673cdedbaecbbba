"""Responsibility written as prose, for items that carry no clause (办法, 细则, 第十二条 …).

Recognised sentence shapes (each must open a sentence, and every unit in it must have the shape of
a unit name, so ordinary sentences are left alone):

* ``由X牵头，Y配合`` → X leads, Y is responsible;
* ``X应当会同Y…`` / ``X会同Y…`` → X leads, Y is responsible;
* ``X负责…`` / ``X主管…`` → X is responsible (FORMAT.md: a lone 负责 names no lead).
"""

from __future__ import annotations

import re

from extract.clauses import Clause
from extract.unit_lists import Span

_MAX_UNITS = 60
_SENTENCE_END = "。;!?\n"
_LEAD_VERBS = ("牵头",)
_RESP_VERBS = ("配合", "参与", "协助", "协同", "负责")
_TOGETHER = ("应当会同", "要会同", "应会同", "会同", "联合")
_IN_CHARGE = ("负责", "主管")


# In prose a unit name is a place or collective head, a few characters, and a body word.
_PROSE_UNIT = re.compile(
    r"(?:中共|国家|国务院|省|市|区|县|州|各级?|有关|相关)[\u4e00-\u9fff]{0,14}?"
    r"(?:部门|单位|委员会|办公室|中心|政府|管委会|局|委|办|厅|部|署|院|会|联)"
)
_PROSE_JOINERS = ("、", "和", "及", "与", "以及")


_CONTINUATIONS = ("、", "和", "及", "与", "等", ",", "负责", "主管", "会同", "联合", "应当", "应", "要", "牵头", "配合",
                  "参与", "协助", "协同")


def _one_unit(view: str, pos: int, stop: int, relaxed: bool = False) -> int | None:
    """End of the prose unit name at ``pos``: the shortest that a joiner or role verb follows.

    ``relaxed`` (the object of 会同, followed by its own verb) falls back to the longest name.
    """
    ends = [e for e in range(pos + 2, min(stop, pos + 18) + 1) if _PROSE_UNIT.fullmatch(view, pos, e)]
    followed = [e for e in ends if view.startswith(_CONTINUATIONS, e)]
    if followed:
        return followed[0]
    return ends[-1] if ends and relaxed else None


def _longest_units(view: str, start: int, stop: int, relaxed: bool = False) -> tuple[list[Span], int] | None:
    """A run of prose unit names joined by 、和及 starting at ``start``; returns spans and its end."""
    spans, pos = [], start
    while (end := _one_unit(view, pos, stop, relaxed)) is not None:
        spans.append((pos, end))
        pos = end
        joiner = next((j for j in _PROSE_JOINERS if view.startswith(j, pos)), None)
        if joiner is None or _one_unit(view, pos + len(joiner), stop, relaxed) is None:
            break
        pos += len(joiner)
    if spans and view.startswith("等", pos):
        pos += 1
    return (spans, pos) if spans else None


def _sentence_starts(view: str, start: int, end: int):
    pos = start
    while pos < end:
        while pos < end and view[pos] in " \t\n":
            pos += 1
        if pos < end:
            yield pos
        nxt = min((i for i in (view.find(c, pos, end) for c in _SENTENCE_END) if i >= 0), default=end)
        pos = nxt + 1


def _led_by(view: str, pos: int, stop: int) -> Clause | None:
    """由X牵头，Y配合."""
    if not view.startswith("由", pos):
        return None
    lead = _longest_units(view, pos + 1, stop)
    if lead is None or not view.startswith(_LEAD_VERBS, lead[1]):
        return None
    clause = Clause(pos, lead[1] + 2)
    clause.add("lead", lead[0])
    clause.explicit_lead = True
    rest = lead[1] + 2
    while rest < stop and view[rest] in ",，、 ":
        rest += 1
    resp = _longest_units(view, rest, stop)
    if resp and view.startswith(_RESP_VERBS, resp[1]):
        clause.add("responsible", resp[0])
        clause.end = resp[1] + 2
    return clause


def _subject(view: str, pos: int, stop: int) -> Clause | None:
    """X会同Y… (X leads, Y responsible) or X负责… (X responsible)."""
    subject = _longest_units(view, pos, stop)
    if subject is None:
        return None
    spans, end = subject
    for word in _TOGETHER:
        if view.startswith(word, end):
            other = _longest_units(view, end + len(word), stop, relaxed=True)
            if other is None:
                return None
            clause = Clause(pos, other[1], explicit_lead=True)
            clause.add("lead", spans)
            clause.add("responsible", other[0])
            return clause
    if view.startswith(_IN_CHARGE, end):
        clause = Clause(pos, end + 2)
        clause.add("responsible", spans)
        return clause
    return None


def find_prose_assignments(view: str, start: int, end: int) -> list[Clause]:
    """Find prose assignments in ``view[start:end]`` (an item's own text without clauses).

    Returns:
        At most one Clause per sentence, in document order; spans index ``view``.
    """
    out = []
    for pos in _sentence_starts(view, start, end):
        stop = min((i for i in (view.find(c, pos, end) for c in _SENTENCE_END) if i >= 0), default=end)
        clause = _led_by(view, pos, stop) or _subject(view, pos, stop)
        if clause is not None:
            out.append(clause)
    return out
