"""Split a written list of units into one entry per unit.

Rules (FORMAT.md): units are separated by 、，；, and joined by 等/及 (``住房城乡建设部等国务院相关
部门及各地区`` gives three units); 和/与 join two units only when both sides are whole unit
names (``市人力资源和社会保障局`` stays one name). A collective name keeps its inner 、 when its
second part is a bare generic tail (``市直相关部门、单位``, ``各区、县级市``). Role phrases
(负责, 按职责分工负责 …) are never part of a name.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from extract.lexicon import Lexicon, lexicon, verb_at_end

Span = tuple[int, int]


_NOT_IN_NAMES = re.compile("[。:!?“”《》]")
_BRACKET = re.compile(r"[()\[\]“”《》〈〉‹›<>〔〕［］]")
_LEADING_JOINERS = ("由", "及", "和", "以及", "并")
_LEADING_JOINER_CHARS = frozenset(w[0] for w in _LEADING_JOINERS)


def looks_like_unit(name: str, lex: Lexicon | None = None) -> bool:
    """True when ``name`` (matching view, no spaces) has the shape of a unit name.

    A unit name is 2–40 characters, holds no sentence punctuation, and ends with a body word
    (局, 委, 办, 厅, 部, 中心, 政府, 单位, 各地区 …; the list is ``unit_suffix_chars`` in roles.json).
    """
    lex = lex or lexicon()
    if not 2 <= len(name) <= 40 or _NOT_IN_NAMES.search(name):
        return False
    tail = name[-1]
    if tail == ")" and "(" in name:  # 县(市、区) / 街道(镇): judge the word before the bracket
        tail = name[: name.rfind("(")][-1:] or ")"
    return tail in lex.unit_suffix_chars


@cache
def _separator_re(seps: str) -> re.Pattern:
    return re.compile(f"[{re.escape(seps)}]")


def _split_separators(view: str, start: int, end: int, seps: str) -> list[Span]:
    """Split at separators outside brackets and quotes (区“双随机、一公开”联席会议 is one name)."""
    if not _BRACKET.search(view, start, end):  # most lists: no bracket to stay inside of
        pieces, piece_start = [], start
        for m in _separator_re(seps).finditer(view, start, end):
            pieces.append((piece_start, m.start()))
            piece_start = m.end()
        pieces.append((piece_start, end))
        return pieces
    pieces, depth, piece_start = [], 0, start
    for i in range(start, end):
        ch = view[i]
        if ch in "([“《〈‹<〔［":
            depth += 1
        elif ch in ")]”》〉›>〕］":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return pieces


def _split_joiners(view: str, span: Span, lex: Lexicon) -> list[Span]:
    """Split one separator-free piece at 及/等/和 where the rules allow."""
    start, end = span
    for m in _joiner_re().finditer(view, start + 2, end - 1):
        i, word = m.start(), m.group()
        left, right = view[start:i].strip(), view[i + len(word):end].strip()
        ok = word in lex.joiners_always or looks_like_unit(left, lex)
        if word in lex.joiners_between_units:
            ok = ok and right.startswith(lex.unit_prefixes) and looks_like_unit(right, lex)
        if ok and left and right:
            return [(start, i)] + _split_joiners(view, (i + len(word), end), lex)
    return [span]


@cache
def _joiner_re() -> re.Pattern:
    """Any joiner word (及, 以及, 等, 和, 与 …), longest first."""
    lex = lexicon()
    words = lex.joiners_always + lex.joiners_when_unit_before + lex.joiners_between_units
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _trim(view: str, span: Span, lex: Lexicon) -> Span:
    """Strip spaces, leading 由/及/和 and trailing role phrases or 等 from a piece."""
    start, end = span
    changed = True
    while changed and start < end:
        changed = False
        while start < end and view[start] in " \t\n":
            start, changed = start + 1, True
        while start < end and view[end - 1] in " \t\n.。":
            end, changed = end - 1, True
        if start < end and view[start] in _LEADING_JOINER_CHARS:
            for head in _LEADING_JOINERS:
                if view.startswith(head, start) and end - start > len(head) + 1:
                    start, changed = start + len(head), True
        match = verb_at_end(lex, view, start, end)
        # strip a glued role phrase, but not the tail of a name (市政协办 is not 市政 + 协办)
        if match and match.start() > start and looks_like_unit(
                view[start:match.start()].strip(), lex):
            end, changed = match.start(), True
        if view[start:end].endswith("等") and end - start > 2:
            end, changed = end - 1, True
    if end > start and (not looks_like_unit(view[start:end], lex) or _FOLLOW_SUIT.search(view, start + 2, end)
                        or _DUTY_VERB.search(view, start + 2, end)):
        # 各县（市、区）人民政府参照执行 ends in 行; 各市州人民政府负责本地区(组织实施) ends in 区
        end = _cut_before_role_words(view, start, end, lex)
    return start, end


_ROLE_WORD_HEADS = re.compile(r"按照?|根据|依据|依照|结合|负责|配合|牵头|参与|协助|做好|抓好|落实|要|分别|共同|参照")


# "does likewise" after a list (各县（市、区）人民政府参照执行): not part of the last name, even though
# 执行 ends like a name (银行)
_FOLLOW_SUIT = re.compile(r"参照(?:执行|落实|实施|办理)$")
# 负责 or 配合 inside what looks like one name ends the name (a unit never holds them; 牵头 it may:
# 工作专班牵头单位)
_DUTY_VERB = re.compile(r"负责|配合")


def _cut_before_role_words(view: str, start: int, end: int, lex: Lexicon) -> int:
    """``各区政府按属地管理原则负责落实`` → end after ``各区政府``: the unit before the role words."""
    for m in _ROLE_WORD_HEADS.finditer(view, start + 2, end):
        if looks_like_unit(view[start:m.start()], lex):
            return m.start()
    return end


def _is_generic_tail(name: str, lex: Lexicon) -> bool:
    return name in lex.generic_tails


def _is_collective_head(name: str, lex: Lexicon) -> bool:
    return name.startswith("各") or any(h in name for h in lex.collective_heads)


def split_units(view: str, start: int, end: int) -> list[Span]:
    """Split the unit list ``view[start:end]`` into unit spans.

    Args:
        view: the normalised matching text (``extract.normalize``), ASCII punctuation.
        start, end: the list's span in ``view``.
    Returns:
        ``[(start, end), ...]`` spans in ``view``, one per unit, in written order; bare generic
        words left by 等 (``市财政局等单位``) are dropped.
    """
    # the split depends on the list's text alone, and a directive repeats its lists (各区、县级市)
    return [(start + a, start + b) for a, b in _split_list(view[start:end])]


@lru_cache(maxsize=1024)
def _split_list(text: str) -> tuple[Span, ...]:
    """``split_units`` of a whole string: spans relative to its start."""
    return tuple(_split(text, 0, len(text)))


def clear_split_cache() -> None:
    """Forget the unit lists split so far."""
    _split_list.cache_clear()


def _split(view: str, start: int, end: int) -> list[Span]:
    lex = lexicon()
    spans: list[Span] = []
    for piece in _split_separators(view, start, end, lex.separators):
        for sub in _split_joiners(view, piece, lex):
            s, e = _trim(view, sub, lex)
            if e > s:
                spans.append((s, e))
    merged: list[Span] = []
    open_collective = False  # the last entry is 各省 / 各省、自治区 …: a collective still without a body
    for s, e in spans:
        name = view[s:e]
        previous = view[merged[-1][0]:merged[-1][1]] if merged else ""
        if merged and (_is_generic_tail(name, lex) and _is_collective_head(previous, lex)
                       or open_collective and not name.startswith(_INDEPENDENT_HEADS)
                       or previous.startswith("各") and lex.level_body_re.fullmatch(name)):
            merged[-1] = (merged[-1][0], e)  # 市直相关部门、单位 / 各市、县人民政府 is one collective
            open_collective = open_collective and name in lex.level_tails
            continue
        if name in lex.drop_pieces:
            continue
        merged.append((s, e))
        open_collective = bool(lex.bare_level_re.match(name))
    return merged


# A piece that starts like this names a unit of its own, never the tail of a collective.
_INDEPENDENT_HEADS = ("各", "市", "省", "国家", "国务院", "中共", "中央", "团", "县直", "区直", "乡直", "镇直")
