"""Quantitative targets: a number, its comparator and unit, normalised (FORMAT.md "targets").

``find_targets(text, sections)`` reads the whitespace-free ``NumView`` of the text, so PDF damage
(``每 300—400 户``, ``不少于 3.6 万元``, full-width digits) does not matter, and maps every span back
to the original text. A quantity is a numeral (Arabic or Chinese, optionally a range) followed by a
unit from ``extract/data/targets.json``; it becomes a target when

* a comparator word stands before it (不少于, 不得超过, 达到, 最高 ...), possibly with a short verb
  after 只/仅 (每周只召开1次) or, for a percentage, the base in between (不少于…总数20%);
* a comparator word follows its unit (左右, 以上, 以内 ...); or
* it is a range (``300—400户`` -> ``range``); or
* it is written in Arabic digits with a non-time unit and nothing marks it as something else
  (``补助5人``, ``的50%核定`` -> ``=``).

Not targets: Chinese numerals without a comparator (一评二控三减四健, 两级政府, 十九届), years and
dates, time spans without a comparator (5年内, 分2年), ordinals (第6版), numbers in short quoted
slogans, a number right after 每 (the base of a rate, kept in ``per``), and document numbers,
citations and list numbering (no unit follows them).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.model import Section, Target
from extract.numbers import NUMBER, PUNCT, RANGE_SEP, NumView, is_arabic, parse_number, parse_range

_DATA = Path(__file__).parent / "data" / "targets.json"
# Characters that end the clause a quantity belongs to.
_BOUNDARY = re.compile(f"[{PUNCT}]")
_WINDOW = 40
_QUOTE = re.compile(r"“[^“”]{1,12}”")
_YEAR = re.compile(r"(?:19|20)\d\d")
_AFTER_NUMBER = re.compile(r"^.*\d[年月日号底末前起以内后]*")


def _words(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if not k.startswith("_")}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    """The compiled rules of ``targets.json``."""

    quantity: re.Pattern[str]
    prefix: re.Pattern[str]
    prefix_map: dict[str, str]
    verb_gap: re.Pattern[str]
    verb_gap_map: dict[str, str]
    percent_gap: re.Pattern[str]
    percent_gap_map: dict[str, str]
    suffix_re: re.Pattern[str]
    suffix_map: dict[str, str]
    suffix_not_after: dict[str, list[str]]
    units: dict[str, str]
    time_units: frozenset[str]
    not_before: dict[str, str]
    document_parts: tuple[str, ...]
    ordinals: tuple[str, ...]
    per: re.Pattern[str]
    percent_base: re.Pattern[str]
    strip_prefix: re.Pattern[str]
    strip_suffix: re.Pattern[str]
    subject_max: int
    count_units: frozenset[str]
    after_stop: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """Load and compile ``extract/data/targets.json`` once."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    units = _words(data["units"])
    prefix = _words(data["prefix_comparators"])
    verb_gap = _words(data["verb_gap_comparators"])
    pct_gap = _words(data["percent_gap_comparators"])
    per = data["per"]
    per_stop = _alternation(per["stop_words"]) + rf"|[\d{PUNCT}]"
    per_re = (
        rf"每(?:(?:{_alternation(per['time_words'])})(?=每|{per_stop}|$)"
        rf"|(?:[一二两三四五六七八九十百千万\d]*(?:{_alternation(per['classifiers'])})?)"
        rf"[^\d{PUNCT}每]{{0,8}}?(?=每|{per_stop}|$))"
    )
    quantity = (
        rf"(?P<lo>{NUMBER})(?:(?P<sep>{RANGE_SEP})(?P<hi>{NUMBER}))?(?P<unit>{_alternation(list(units))})"
    )
    return _Rules(
        quantity=re.compile(quantity),
        prefix=re.compile(rf"(?:{_alternation(list(prefix))})$"),
        prefix_map=prefix,
        verb_gap=re.compile(rf"(?:{_alternation(list(verb_gap))})[\u4e00-\u9fff]{{1,3}}$"),
        verb_gap_map=verb_gap,
        percent_gap=re.compile(rf"(?P<c>{_alternation(list(pct_gap))})(?P<base>[^\d{PUNCT}]{{1,20}}?)的?$"),
        percent_gap_map=pct_gap,
        suffix_re=re.compile(_alternation(_words(data["suffix_comparators"]))),
        suffix_map=_words(data["suffix_comparators"]),
        suffix_not_after=_words(data["suffix_not_after"]),
        units=units,
        time_units=frozenset(data["time_units"]),
        not_before=_words(data["unit_not_before"]),
        document_parts=tuple(data["document_part_words"]["words"]),
        ordinals=tuple(data["ordinal_prefixes"]),
        per=re.compile(per_re),
        percent_base=re.compile(rf"(?:{_alternation(data['percent_base_starts'])})"),
        strip_prefix=re.compile(rf"^(?:{_alternation(data['subject']['strip_prefix'])})+"),
        strip_suffix=re.compile(rf"(?:{_alternation(data['subject']['strip_suffix'])})+$"),
        subject_max=int(data["subject"]["max_chars"]),
        count_units=frozenset(data["subject"]["count_units"]),
        after_stop=re.compile(_alternation(data["subject"]["after_stops"])),
    )


@dataclass
class _Hit:
    """A quantity read in the view: span, comparator and the clause text before it."""

    start: int  # view index where the target text starts (comparator or number)
    end: int  # view index after unit (and suffix comparator)
    comparator: str
    value: int | float | list[int | float]
    unit: str
    window_start: int  # clause start in the view
    lead_end: int  # view index where the per/subject window ends (before the comparator)
    base: str | None = None  # percentage base written between comparator and number


def innermost_section(sections: list[Section], pos: int) -> str:
    """Number of the innermost section whose ``[char_start, char_end)`` holds ``pos``, else ``""``.

    Args:
        sections: the document's numbered items, possibly nested, in any order.
        pos: an offset into the original text.
    """
    return SectionIndex(sections).at(pos)


class SectionIndex:
    """Innermost-section lookups for many offsets of one document (``bisect`` over the starts).

    Numbered items nest (an item's span holds its sub-items'), so the innermost item holding an
    offset is the one with the latest start among those that hold it.
    """

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sorted(sections, key=lambda s: (s.char_start, -(s.char_end - s.char_start)))
        self.starts = [s.char_start for s in self.sections]

    def at(self, pos: int) -> str:
        """The number of the innermost section holding ``pos``, else ``""``."""
        for k in range(bisect.bisect_right(self.starts, pos) - 1, -1, -1):
            if pos < self.sections[k].char_end:
                return self.sections[k].number
        return ""


def _clause_start(view: str, pos: int) -> int:
    """Start of the clause holding view index ``pos`` (at most ``_WINDOW`` characters back)."""
    lo = max(0, pos - _WINDOW)
    bounds = _boundaries(view)
    k = bisect.bisect_left(bounds, pos) - 1  # the last clause punctuation before pos
    return bounds[k] + 1 if k >= 0 and bounds[k] >= lo else lo


@lru_cache(maxsize=2)
def _boundaries(view: str) -> list[int]:
    """Offsets of every clause punctuation mark of ``view`` (one scan per text, then bisect)."""
    return [m.start() for m in _BOUNDARY.finditer(view)]


def _in_short_quote(view: str, start: int, end: int) -> bool:
    lo = view.rfind("“", max(0, start - 12), start)
    if lo < 0:
        return False
    m = _QUOTE.match(view, lo)
    return bool(m and m.end() >= end)


def _comparator(view: str, m: re.Match[str], r: _Rules) -> tuple[str | None, int, int, str | None]:
    """Read the comparator around quantity ``m``: ``(comparator, start, end, base)`` in the view."""
    start, end, unit = m.start(), m.end(), r.units[m.group("unit")]
    wstart = _clause_start(view, start)
    window = view[wstart:start]
    comp, base = None, None
    pm = r.prefix.search(window)
    if pm:
        comp, start = r.prefix_map[pm.group(0)], wstart + pm.start()
    elif (vm := r.verb_gap.search(window)) is not None:
        comp, start = r.verb_gap_map[view[wstart + vm.start()]], wstart + vm.start()
    elif unit == "%" and (gm := r.percent_gap.search(window)) is not None:
        comp, start, base = r.percent_gap_map[gm.group("c")], wstart + gm.start(), gm.group("base")
    sm = r.suffix_re.match(view, end)
    if sm and unit in r.suffix_not_after.get(sm.group(), ()):
        sm = None
    if sm:
        suffix_comp = r.suffix_map[sm.group()]
        end = sm.end()
        if suffix_comp == "≈" or comp is None:
            comp = suffix_comp
    return comp, start, end, base


def _plausible(view: str, m: re.Match[str], r: _Rules) -> bool:
    """Cheap checks before reading the comparator: a unit that starts another word (121人才),
    an ordinal (第6版), a calendar year (2018年, 2021-2023年)."""
    lo, unit_text = m.group("lo"), m.group("unit")
    nxt = view[m.end(): m.end() + 1]
    if nxt and nxt in r.not_before.get(unit_text, ""):
        return False
    if any(view.endswith(o, 0, m.start()) for o in r.ordinals):
        return False
    return not (r.units[unit_text] == "年" and _YEAR.fullmatch(lo))


def _is_quantity(view: str, m: re.Match[str], comp: str | None, r: _Rules) -> bool:
    """Filter out numbers that are not bounds (see the module docstring)."""
    lo, hi = m.group("lo"), m.group("hi")
    unit = r.units[m.group("unit")]
    if comp is not None:
        return True
    if view.startswith(r.document_parts, m.end()):
        return False  # 3个方面9项重点任务: the document counting its own parts
    if unit in r.time_units:
        return False  # 5年内, 分2年, 再经过5到10年, 12月22日
    if hi is not None:
        return is_arabic(lo) and is_arabic(hi)
    if not is_arabic(lo) or view.endswith("每", 0, m.start()):
        return False
    return not _in_short_quote(view, m.start(), m.end())


def _hits(view: str, r: _Rules) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in r.quantity.finditer(view):
        if not _plausible(view, m, r):
            continue
        comp, start, end, base = _comparator(view, m, r)
        if not _is_quantity(view, m, comp, r):
            continue
        try:
            if m.group("hi") is not None:
                value: int | float | list[int | float] = parse_range(m.group("lo"), m.group("hi"))
                comp = "range"
            else:
                value = parse_number(m.group("lo"))
        except ValueError:
            continue
        lead_end = start if comp not in (None, "range") and start < m.start() else m.start()
        hits.append(_Hit(start, end, comp or "=", value, r.units[m.group("unit")],
                         _clause_start(view, start), lead_end, base))
    return hits


def _per(view: str, hit: _Hit, r: _Rules) -> tuple[str | None, int, int]:
    """The 每-phrase(s) of the clause before the bound: ``(per, start, end)`` in the view."""
    window = view[hit.window_start:hit.lead_end]
    runs = [m for m in r.per.finditer(window) if len(m.group(0)) > 1]
    if not runs:
        return None, -1, -1
    first = runs[0]
    joined = [first.group(0)]
    last_end = first.end()
    for m in runs[1:]:
        if m.start() == last_end:
            joined.append(m.group(0))
            last_end = m.end()
    return "".join(joined), hit.window_start + first.start(), hit.window_start + last_end


def _percent_base(view: str, hit: _Hit, r: _Rules) -> str | None:
    """Base of a percentage written as ``按照<base>的N%`` (or between comparator and number)."""
    if hit.unit != "%":
        return None
    if hit.base:
        return hit.base.rstrip("的") or None
    window = view[hit.window_start:hit.lead_end]
    starts = list(r.percent_base.finditer(window))
    if not starts:
        return None
    base = window[starts[-1].end():].rstrip("的")
    return base if 1 < len(base) <= r.subject_max else None


def _trim(phrase: str, r: _Rules) -> str:
    """``phrase`` without leading/trailing function words (原则上, 按照, 的 ...), at most
    ``subject_max`` characters (its tail)."""
    for _ in range(3):
        before = phrase
        phrase = r.strip_prefix.sub("", phrase, count=1) or phrase
        phrase = r.strip_suffix.sub("", phrase, count=1)
        if phrase == before:
            break
    return phrase[-r.subject_max:]


def _after_unit(view: str, hit: _Hit, r: _Rules) -> str:
    """The noun written after a count (100名<...>人才) up to the clause end or a verb."""
    if hit.unit not in r.count_units and not (hit.unit == "%" and view.startswith("的", hit.end)):
        return ""
    m = _BOUNDARY.search(view, hit.end, hit.end + _WINDOW)
    after = view[hit.end:m.start() if m else hit.end + r.subject_max]
    stop = r.after_stop.search(after)
    return after[: stop.start()] if stop else after


def _subject(view: str, hit: _Hit, per_span: tuple[int, int], r: _Rules) -> str | None:
    """What is bounded: the noun after a count, else between 每-phrase and comparator, else the
    noun phrase before them (before a percentage base), else the previous clause."""
    p_start, p_end = per_span
    before_end = p_start if p_start >= 0 else hit.lead_end
    window = view[hit.window_start:before_end]
    if hit.unit == "%" and (starts := list(r.percent_base.finditer(window))):
        window = window[: starts[-1].start()]
    candidates = [_after_unit(view, hit, r)]
    if p_start >= 0:
        candidates.append(_AFTER_NUMBER.sub("", view[p_end:hit.lead_end]))
    candidates.append(_AFTER_NUMBER.sub("", window))  # drop a date before it (2020年底前将…)
    if hit.window_start > 0:
        previous = view[_clause_start(view, hit.window_start - 1):hit.window_start - 1]
        candidates.append("" if re.search(r"\d", previous) else previous)
    for text in candidates:
        subject = _trim(text, r)
        if len(subject) >= 2:
            return subject
    return None


def find_targets(text: str, sections: list[Section]) -> list[Target]:
    """Every quantity bound ``text`` sets, in document order.

    Args:
        text: the document's original text (offsets refer to it).
        sections: the numbered items (possibly nested); each target gets the innermost one.
    Returns:
        ``Target`` records: ``value`` in ``unit`` with 万/亿 multiplied out (``[low, high]`` for
        ``range``), ``char_start``/``char_end`` into ``text``, ``text`` the original slice.
    """
    r = rules()
    view = NumView.of(text)
    index = SectionIndex(sections)
    out: list[Target] = []
    absorb_until = -1
    for hit in _hits(view.text, r):
        if hit.comparator == "=" and hit.start < absorb_until and out:
            # 每300—400户居民配备1人: the count after a per-range belongs to that range.
            last = out[-1]
            _, end = view.span(hit.start, hit.end)
            last.per = "每" + view.text[hit.start:hit.end]
            last.char_end = end
            last.text = text[last.char_start:end]
            continue
        per, p_start, p_end = _per(view.text, hit, r)
        start, end = view.span(hit.start, hit.end)
        if hit.comparator == "range" and view.text.endswith("每", 0, hit.start):
            m = _BOUNDARY.search(view.text, hit.end)
            absorb_until = m.start() if m else len(view.text)
            per = None
        out.append(Target(
            section=index.at(start),
            text=text[start:end],
            comparator=hit.comparator,
            value=hit.value,
            unit=hit.unit,
            per=per or _percent_base(view.text, hit, r),
            subject=_subject(view.text, hit, (p_start, p_end), r),
            char_start=start,
            char_end=end,
        ))
    return out
