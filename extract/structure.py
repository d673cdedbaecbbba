"""Segment a directive into its numbered hierarchy (一、 / （一） / 1. / （1） / ① / 第一条).

Items are found by their numbering markers, not by lines, so a document crawled onto one line
segments as well as a clean one. A marker counts only when it continues a numbering sequence
(the next value at its level, ``1`` of a new child level, or the next value of a numbering
that runs straight through sections, as 1–45 across 一、二、…). When the top level starts again at
一 the file holds another document part (a notice with attachments): parts get ``A.``/``B.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import cn2an

from extract.lexicon import lexicon

_CN = "一二三四五六七八九十百零〇两"
_MARKER = re.compile(
    rf"(?=[第{_CN}(\d①-⑳])"  # cheap first-character test before the alternatives
    rf"(?:(?P<chap>第(?P<chap_v>[{_CN}]+|\d+)(?P<chap_w>章|部分|节))"
    rf"|(?P<art>第(?P<art_v>[{_CN}]+|\d+)条)"
    rf"|(?P<cn>(?P<cn_v>[{_CN}]+)、)"
    rf"|(?P<pcn>\((?P<pcn_v>[{_CN}]+)\))"
    r"|(?P<dot>(?P<dot_a>\d{1,2})\.(?P<dot_v>\d{1,2})(?![\d.%]))"
    r"|(?P<ar>(?P<ar_v>\d{1,3})(?:\.|、))"
    r"|(?P<par>\((?P<par_v>\d{1,3})\))"
    r"|(?P<circ>[①-⑳]))"
)
# Arabic and 一、 markers must open a line or follow the end of a sentence or clause.
_BOUNDARY = set("\n。;:!?)\t 」”") | {""}
_NEEDS_BOUNDARY = {"cn", "ar", "art", "chap", "dot"}


@dataclass
class Item:
    """A numbered item in the matching view.

    Attributes:
        kind_of_marker: marker type (``cn``, ``pcn``, ``ar``, ``par``, ``circ``, ``art``, ``chap``).
        value: the item's ordinal (1-based).
        label: the numbering as used in paths (``二``, ``(五)``, ``3``, ``(1)``, ``①``).
        start: view index of the marker; ``body_start`` just after it; ``end`` the item's end.
        children: nested items.
        own_end: end of the item's own text (first child's start, else ``end``).
    """

    kind_of_marker: str
    value: int
    label: str
    start: int
    body_start: int
    end: int = -1
    part: int = 0
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)
    number: str = ""
    title: str = ""
    title_span: tuple[int, int] = (0, 0)
    kind: str = "task"

    @property
    def own_end(self) -> int:
        return self.children[0].start if self.children else self.end


@lru_cache(maxsize=1024)
def _value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text.replace("两", "二").replace("〇", "零"), "smart"))
    except (ValueError, KeyError):
        return None


def _candidates(view: str, masked: list[tuple[int, int]]):
    for m in _MARKER.finditer(view):
        kind = next(k for k in ("chap", "art", "cn", "pcn", "dot", "ar", "par", "circ") if m.group(k))
        if any(a <= m.start() < b for a, b in masked):
            continue
        if kind in _NEEDS_BOUNDARY:
            before = view[m.start() - 1] if m.start() else ""
            if before not in _BOUNDARY:
                continue
            if kind == "ar" and view[m.end():m.end() + 1].isdigit() and not _opens_line(view, m.start()):
                continue  # 3.6万元 is a number; only "11.121人才梯队项目" at a line start is an item
            if kind == "dot" and not _opens_line(view, m.start()):
                continue  # 1.1 numbering opens a line; elsewhere 2.1 is a decimal
        raw = m.group(f"{kind}_v") if kind != "circ" else None
        value = ord(m.group(0)) - ord("①") + 1 if kind == "circ" else _value(raw)
        if value:
            yield kind, value, m


def _inline_enumeration(view: str, kind: str, pos: int, stack: list[Item]) -> bool:
    """（1）/① inside a paragraph whose own item opens a line: an enumeration, not sub-items.

    (``主要包括：（1）…；（2）…。（牵头单位：X）`` — the clause belongs to the item, not to （2）.)
    In a document crawled onto one line no item opens a line, and such markers stay items.
    """
    if not (kind in ("par", "circ") and stack and not _opens_line(view, pos) and _opens_line(view, stack[-1].start)):
        return False
    # an enumeration stays inside its paragraph: its next marker comes before the line ends
    line_end = view.find("\n", pos)
    line_end = len(view) if line_end < 0 else line_end
    following = "(2)" if kind == "par" else "②"
    return view.find(following, pos, line_end) >= 0


def _starts_excerpt(view: str, candidates: list, index: int) -> bool:
    """An excerpt opens at a later number (二、… 三、…, or （三）…（四）…): the first marker of the
    document may have a value above 1 when it opens a line and the next marker of its kind,
    also opening a line, follows it in sequence."""
    kind, value, m = candidates[index]
    if not _opens_line(view, m.start()):
        return False
    following = next(((v, n) for k, v, n in candidates[index + 1:] if k == kind), None)
    return following is not None and following[0] == value + 1 and _opens_line(view, following[1].start())


def _opens_line(view: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and view[i] in " \t":
        i -= 1
    return i < 0 or view[i] == "\n"


def _label(kind: str, m: re.Match) -> str:
    if kind in ("pcn", "par"):
        return f"({m.group(kind + '_v')})"
    if kind in ("cn", "ar"):
        return m.group(kind + "_v")
    if kind == "dot":
        return f"{m.group('dot_a')}.{m.group('dot_v')}"
    return m.group(0)


def parse_items(view: str, masked: list[tuple[int, int]] | None = None) -> list[Item]:
    """Return the top-level items of ``view`` with nested children, ends and numbering paths set.

    Args:
        view: the normalised matching text.
        masked: view spans to ignore (e.g. tables, which are read by ``extract.tables``).
    """
    roots: list[Item] = []
    stack: list[Item] = []
    last_value: dict[str, int] = {}
    part = 0
    candidates = list(_candidates(view, masked or []))
    for index, (kind, value, m) in enumerate(candidates):
        depth = next((i for i, it in enumerate(stack) if it.kind_of_marker == kind), None)
        if depth is not None:
            new_major = kind == "dot" and value == 1 and stack[depth].label.split(".")[0] != m.group("dot_a")
            if value == stack[depth].value + 1 or new_major:
                stack = stack[:depth]
            elif depth == 0 and value == 1 and stack[0].value > 1:
                part, stack = part + 1, []  # the top level starts again: another document part
            else:
                continue
        elif not (value == 1 or value == last_value.get(kind, 0) + 1
                  or not roots and kind not in last_value and _starts_excerpt(view, candidates, index)):
            continue
        elif _inline_enumeration(view, kind, m.start(), stack):
            continue
        item = Item(kind, value, _label(kind, m), m.start(), m.end(), part=part)
        if stack:
            item.parent = stack[-1]
            stack[-1].children.append(item)
        else:
            roots.append(item)
        stack.append(item)
        last_value[kind] = value
    stops = [m.start() for m in _APPENDIX.finditer(view)] + [m.start() for m in lexicon().closing_re.finditer(view)]
    _finish(roots, len(view), view, part > 0, stops)
    return roots


# A line that opens an attachment (附件 / 附件1：… / 附表2) ends the body's last item.
_APPENDIX = re.compile(r"(?m)^[ \t]*附(?:件|表)[ \t]*\d{0,2}[ \t]*[:]?[ \t]*$")


def _finish(items: list[Item], end: int, view: str, multipart: bool, stops: list[int]) -> None:
    for i, item in enumerate(items):
        item.end = items[i + 1].start if i + 1 < len(items) else end
        item.end = min([s for s in stops if item.start < s < item.end] or [item.end])
        prefix = item.parent.number + "." if item.parent else (chr(ord("A") + item.part) + "." if multipart else "")
        item.number = prefix + item.label
        item.title_span = _title_span(view, item)
        item.title = view[item.title_span[0]:item.title_span[1]]
        item.kind = item.parent.kind if item.parent else _kind_of(item.title)
        _finish(item.children, item.end, view, multipart, stops)


_TITLE_END = re.compile(r"[。;:\n]|\(牵头|\(责任|\(配合")


def _title_span(view: str, item: Item) -> tuple[int, int]:
    """The heading: from the marker to the first 。；： or line end, the item's end or first child."""
    start = item.body_start
    while start < item.end and view[start] in " \t":
        start += 1
    limit = min(item.end, item.children[0].start if item.children else item.end)
    m = _TITLE_END.search(view, start, limit)
    stop = m.start() if m else limit
    if stop - start > 60:  # no heading: the first clause up to a comma
        comma = view.find(",", start, stop)
        stop = comma if comma > 0 else start + 60
    while stop > start and view[stop - 1] in " \t":
        stop -= 1
    return start, stop


def _kind_of(title: str) -> str:
    for kind, words in lexicon().kinds.items():
        if any(w in title for w in words):
            return kind
    return "task"


def walk(items: list[Item]):
    """Yield every item depth-first in document order."""
    for item in items:
        yield item
        yield from walk(item.children)
