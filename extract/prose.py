"""Responsibility written as prose, for documents that carry no clause (办法, 细则, 第十二条 …).

Recognised shapes (every unit in them must have the shape of a unit name, so ordinary sentences
are left alone):

* ``…由X牵头(编制)，Y配合…`` anywhere in a sentence → X leads, Y is responsible;
* ``…由X负责…`` / ``由X按职责分工负责`` (any role phrase of roles.json) → X is responsible, and a
  following ``，Y配合`` adds Y;
* ``…由X会同Y制定…`` → X leads, Y is responsible;
* at a sentence start, ``X（以下简称…）应当会同Y…`` → X leads, Y is responsible;
* at a sentence start, ``X负责…`` / ``X主管…`` → X is responsible (FORMAT.md: a lone 负责 names
  no lead), and a following ``，Y配合`` adds Y.

Each recognised sentence is one clause (FORMAT.md: one entry per clause).
"""

from __future__ import annotations

import re
from functools import cache

from extract.clauses import Clause
from extract.lexicon import lexicon, role_of_verb
from extract.unit_lists import Span, looks_like_unit

_SENTENCE_END = "。;!?\n"
_RESP_VERBS = ("配合", "参与", "协助", "协同", "负责")
_TOGETHER = ("应当会同", "要会同", "应会同", "会同", "联合")
_IN_CHARGE = ("负责", "主管")

# In prose a unit name is a place or collective head, a few characters, and a body word.
_PROSE_UNIT = re.compile(
    r"(?:中共|国家|国务院|省|市|区|县|州|各级?|有关|相关)[\u4e00-\u9fff()]{0,14}?"
    r"(?:部门|单位|委员会|办公室|中心|政府|管委会|局|委|办|厅|部|署|院|会|联|室|馆|所|站|队|社|处)"
)
_ALIAS = re.compile(r"\((?:以下简称|下称|简称)[^()]{1,20}\)")
_JOINERS = ("、", "和", "及", "与", "以及")
_CONTINUATIONS = _JOINERS + ("等", ",", "负责", "主管", "会同", "联合", "应当", "应", "要", "牵头", "配合",
                             "参与", "协助", "协同", "按", "根据", "依照", "依据", "分别", "共同", "予以")
# Verbs that may follow the object of 会同 (X会同Y制定…): they end Y.
_OBJECT_VERBS = ("对", "制定", "开展", "研究", "组织", "做好", "建立", "推进", "加强", "编制", "实施", "共同",
                 "督促", "指导", "统筹", "落实", "完善", "建设", "提出", "确定", "发布", "审核", "审查",
                 "监督", "考核", "评估", "负责", "做出", "作出", "进行", "每", "定期", "适时", "及时", "按月", "按季度")


@cache
def _role_names() -> tuple[str, ...]:
    """Label words (牵头单位, 责任单位): names of roles, never of units."""
    return tuple(lexicon().label_role)


def _loose_unit(view: str, start: int, end: int) -> bool:
    """After 由 a name needs no place head (由漳源海关牵头, 由人民银行漳源市中心支行牵头): any run
    that ends like a unit name and holds no function word (由此产生的费用由… is not a name)."""
    name = view[start:end]
    if len(name) < 4 and name[-1:] not in _STRONG_ENDS:  # 财政部, 银监会 — but not 市工业
        return False
    if not name.endswith(_LOOSE_ENDS):  # 由…限制民营企业参与: a business, not a unit
        return False
    if any(label in name for label in _role_names()):
        return False  # 牵头单位要履行…: a role, not a unit
    return looks_like_unit(name) and not any(c in _NOT_IN_LOOSE for c in name)


_NOT_BY = set("为理缘事自经")
_NOT_IN_LOOSE = set("的由此该其与及对在为将把按从向等要应须、,;。")  # 和 stays: 工业和信息化部
_STRONG_ENDS = set("部委局厅署办会院行协联")  # 财政部, 银监会, 县科协, 县妇联
# How a unit named without a place head ends (海关, 支行, 分公司, 大队, 管委会, 人民政府 …).
_LOOSE_ENDS = ("部", "委", "局", "厅", "署", "办", "会", "院", "协", "联", "银行", "支行", "分行", "海关", "公司",
               "大队", "支队", "中队", "站", "所", "中心", "室", "政府", "处", "社", "团", "学校", "馆", "部门")


def _one_unit(view: str, pos: int, stop: int, relaxed: bool = False, loose: bool = False) -> tuple[int, int] | None:
    """The prose unit name at ``pos``: ``(name_end, end)``; ``end`` is past an alias in brackets.

    The shortest name that a joiner or role word follows; for the object of 会同 (``relaxed``)
    also one that a verb of the sentence follows; ``loose`` accepts names without a place head.
    """
    follow = _CONTINUATIONS + (_OBJECT_VERBS if relaxed else ())
    for e in range(pos + 2, min(stop, pos + 20) + 1):
        if not (_PROSE_UNIT.fullmatch(view, pos, e) or loose and _loose_unit(view, pos, e)):
            continue
        if view.endswith(_role_names(), pos, e):
            return None  # 由牵头单位负责统筹: a role, not a unit
        alias = _ALIAS.match(view, e, stop)
        after = alias.end() if alias else e
        if view.startswith(follow, after):
            return e, after
    return None


def _units_at(view: str, start: int, stop: int, relaxed: bool = False, loose: bool = False
              ) -> tuple[list[Span], int] | None:
    """A run of prose unit names joined by 、和及 starting at ``start``; returns spans and its end."""
    spans, pos = [], start
    while (found := _one_unit(view, pos, stop, relaxed, loose)) is not None:
        spans.append((pos, found[0]))
        pos = found[1]
        joiner = next((j for j in _JOINERS + ("等",) if view.startswith(j, pos)), None)
        if joiner is None or _one_unit(view, pos + len(joiner), stop, relaxed, loose) is None:
            break
        pos += len(joiner)
    if spans and view.startswith("等", pos):
        pos += 1
    return (spans, pos) if spans else None


def _sentences(view: str, start: int, end: int):
    """Yield ``(start, stop)`` of each sentence in ``view[start:end]``."""
    pos = start
    while pos < end:
        while pos < end and view[pos] in " \t\n":
            pos += 1
        stop = min((i for i in (view.find(c, pos, end) for c in _SENTENCE_END) if i >= 0), default=end)
        if stop > pos:
            yield pos, stop
        pos = stop + 1


def _cooperating(view: str, pos: int, stop: int, loose: bool = False) -> tuple[list[Span], int] | None:
    """``，Y配合`` / ``会同Y`` after a lead: Y's spans and the end."""
    while pos < stop and view[pos] in ", ":
        pos += 1
    for word in _TOGETHER:
        if view.startswith(word, pos):
            return _units_at(view, pos + len(word), stop, relaxed=True, loose=loose)
    found = _units_at(view, pos, stop, loose=loose)
    if found and (view.startswith(_RESP_VERBS, found[1]) or lexicon().verb_start_re.match(view, found[1], stop)):
        return found  # Y配合 / Y按职责分工配合
    return None


def _led_by(view: str, sentence: tuple[int, int]) -> Clause | None:
    """``…由X牵头…，Y配合``, ``…由X会同Y…`` or ``…由X（按职责分工）负责…，Y配合`` anywhere in the
    sentence. After 由 the names need no place head (由漳源海关牵头)."""
    start, stop = sentence
    lex = lexicon()
    i = view.find("由", start, stop)
    while i >= 0:
        here, i = i, view.find("由", i + 1, stop)
        if here > start and view[here - 1] in _NOT_BY or view.startswith(("由于", "由此"), here):
            continue  # 以…为由 (on the grounds of), 理由, 由于: not "by"
        lead = _units_at(view, here + 1, stop, loose=True)
        if lead is None:
            continue
        verb = lex.verb_start_re.match(view, lead[1], stop)
        role = role_of_verb(lex, verb.group("verb")) if verb else None
        if role is None and not view.startswith(_TOGETHER, lead[1]):
            continue
        if _attributive(view, lead[1], stop):
            continue  # 建立由X牵头的联席会议制度: a mechanism described, not a task assigned
        after = verb.end() if verb else lead[1]
        clause = Clause(start, stop, explicit_lead=role != "responsible")
        clause.add("lead" if role != "responsible" else "responsible", lead[0])
        comma = view.find(",", after, stop)
        others = _cooperating(view, after if verb is None else (comma if comma >= 0 else after), stop, loose=True)
        if others:
            clause.add("responsible", others[0])
        _later_parts(view, others[1] if others else after, stop, clause)
        return clause
    return None


def _attributive(view: str, pos: int, stop: int) -> bool:
    """Does the 由-phrase end in 的 (由X牵头、Y参与的工作机制) before the clause goes on?"""
    ends = [i for i in (view.find(",", pos, stop), view.find(";", pos, stop)) if i >= 0]
    return view.find("的", pos, min(ends) if ends else stop) >= 0


def _later_parts(view: str, pos: int, stop: int, clause: Clause) -> None:
    """Further parts of the sentence that name units with a role phrase
    (``…，会同有关部门建立机制，各省级人民政府负责组织实施``): responsible units."""
    comma = view.find(",", pos, stop)
    while comma >= 0:
        found = _units_at(view, comma + 1, stop, loose=True)
        if found and lexicon().verb_start_re.match(view, found[1], stop):
            clause.add("responsible", found[0])
        comma = view.find(",", comma + 1, stop)


def _subject(view: str, sentence: tuple[int, int]) -> Clause | None:
    """``X会同Y…`` (X leads, Y responsible), ``X负责…`` / ``X按照职责分工负责…`` (X responsible) or
    ``X牵头，Y配合…`` at the sentence start."""
    start, stop = sentence
    subject = _units_at(view, start, stop, loose=True)
    if subject is None:
        return None
    spans, end = subject
    if view.startswith(_TOGETHER, end):
        word = next(w for w in _TOGETHER if view.startswith(w, end))
        other = _units_at(view, end + len(word), stop, relaxed=True)
        if other is None:
            return None
        clause = Clause(start, stop, explicit_lead=True)
        clause.add("lead", spans)
        clause.add("responsible", other[0])
        return clause
    verb = lexicon().verb_start_re.match(view, end, stop)
    role = "responsible" if view.startswith(_IN_CHARGE, end) else (
        role_of_verb(lexicon(), verb.group("verb")) if verb else None)
    if role is None:
        return None
    # X负责…, X按照职责分工负责…, X牵头，Y配合…
    clause = Clause(start, stop, explicit_lead=role == "lead")
    clause.add(role, spans)
    comma = view.find(",", end, stop)
    others = _cooperating(view, comma, stop, loose=True) if comma >= 0 else None
    if others:  # …，Y配合
        clause.add("responsible", others[0])
    return clause


def find_led_by(view: str, start: int, end: int) -> list[Clause]:
    """The sentences of ``view[start:end]`` that assign with 由 (``由X会同Y负责。``, ``由X牵头…``):
    unambiguous even in a document that otherwise writes bracketed clauses."""
    out, done = [], -1
    pos = view.find("由", start, end)
    while pos >= 0:
        if pos >= done:  # the sentence around this 由 (each sentence read once)
            s0 = max(view.rfind(c, start, pos) for c in _SENTENCE_END) + 1
            s1 = min([i for i in (view.find(c, pos, end) for c in _SENTENCE_END) if i >= 0] or [end])
            s0 = max(s0, start)
            while s0 < s1 and view[s0] in " \t\n":
                s0 += 1
            clause = _led_by(view, (s0, s1))
            if clause is not None:
                out.append(clause)
            done = s1
        pos = view.find("由", max(pos + 1, done), end)
    return out


def find_prose_assignments(view: str, start: int, end: int) -> list[Clause]:
    """Find prose assignments in ``view[start:end]`` (an item's own text).

    Returns:
        One Clause per sentence that assigns, spanning that sentence, in document order.
    """
    out = []
    role_words = _role_word_re()
    for sentence in _sentences(view, start, end):
        if not role_words.search(view, *sentence):
            continue  # no role word at all: nothing to read (most sentences)
        clause = _led_by(view, sentence) or _subject(view, sentence)
        if clause is not None:
            out.append(clause)
    return out


@cache
def _role_word_re() -> re.Pattern:
    """Any word a prose assignment needs: a role phrase core (roles.json) or 会同/联合/主管."""
    lex = lexicon()
    words = set(lex.verb_role) | set(lex.lead_cores) | set(_TOGETHER) | set(_IN_CHARGE) | set(_RESP_VERBS)
    words |= set(lex.responsible_cores)
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
