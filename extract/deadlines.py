"""Deadlines: date commitments normalised to ISO dates (FORMAT.md "deadlines").

Kinds (words in ``extract/data/deadlines.json``):

* ``by`` — 到2020年, 到2020年年底, 2019年底前, 2021年6月底前, 于2012年10月底前, and without a year
  (6月底前, 年底前) resolved against a year written earlier in the same sentence, else the
  document's year (its signing date). A bare year ends on 12-31.
* ``from`` — 自2019年起, 本政策自2021年开始执行: a bare year starts on 01-01. ``2012年起5年内`` is
  one ``relative`` interval 2012-01-01 .. 2016-12-31.
* ``relative`` — 再经过5到10年 after 到2020年: start (2020+5)-01-01, end (2020+10)-12-31, resolved
  against the last year written before it.
* ``ongoing`` — 长期坚持, 持续推进: no dates.
* a task table's 完成时限 cell holding only a year or month (``2021年6月``) is ``by`` its end.

Dates that are not commitments — the signing date (2018年12月22日), years in plan names
(2021-2023年), recurring dates (每年6月底前) — give nothing. Matching runs on the whitespace-free
``NumView`` (``到 2020 年年底`` reads as ``到2020年年底``); offsets point into the original text.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.model import Deadline, Section
from extract.numbers import CHINESE, PUNCT, RANGE_SEP, NumView, parse_number
from extract.targets import SectionIndex

_DATA = Path(__file__).parent / "data" / "deadlines.json"
_YEAR = r"(?P<y>(?:19|20)\d\d)年"
_ANY_YEAR = re.compile(r"((?:19|20)\d\d)年")
_FULL_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_CLAUSE_END = re.compile(f"[{PUNCT.replace('、', '')}]")
_ABOUT_MAX = 60
_CELL_DATE = re.compile(r"\|((?P<y>(?:19|20)\d\d)年(?:(?P<mo>\d{1,2})月)?)")
_CELL_END = re.compile(r"[ \u3000]*(?:[\t|\r\n]|$)")


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted((w for w in words if not w.startswith("_")), key=len,
                                                    reverse=True))


def _firsts(*word_lists: Any) -> str:
    """The first characters of the words, escaped for a character class (a fast-fail lookahead)."""
    return "".join(sorted({re.escape(w[0]) for words in word_lists for w in words if not w.startswith("_")}))


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns of ``deadlines.json``."""

    dated: re.Pattern[str]
    undated: re.Pattern[str]
    relative: re.Pattern[str]
    ongoing: re.Pattern[str]
    window: re.Pattern[str]
    periods: dict[str, list[str]]
    month_periods: dict[str, str]
    relative_years: dict[str, int]
    recurring: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """Load and compile ``extract/data/deadlines.json`` once."""
    d = json.loads(_DATA.read_text(encoding="utf-8"))
    periods = {k: v for k, v in d["periods"].items() if not k.startswith("_")}
    mperiods = {k: v for k, v in d["month_periods"].items() if not k.startswith("_")}
    rel_years = {k: v for k, v in d["relative_years"].items() if not k.startswith("_")}
    date = (rf"{_YEAR}(?:(?P<mo>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号])?(?P<mp>{_alt(mperiods)})?"
            rf"|(?P<p>{_alt(periods)}))?")
    strong = f"{_alt(d['by_prefixes'])}|{_alt(d['from_prefixes'])}"
    dated = (rf"(?=[{_firsts(d['by_prefixes'], d['from_prefixes'], d['weak_by_prefixes'])}12])"
             rf"(?:(?P<pre>{strong})|(?P<weak>{_alt(d['weak_by_prefixes'])}))?{date}"
             rf"(?P<suf>{_alt(d['by_suffixes'])}|{_alt(d['from_suffixes'])})?")
    year_periods = [p for p in periods if p.startswith(("年", "上", "下"))] + ["年内"]
    firsts = _firsts(rel_years, year_periods)
    # the look-ahead comes first: the engine tests that one character class at every position
    # before it looks behind (the other order costs twice as much)
    undated = (rf"(?=[{firsts}\d])(?<![\d年每])(?:(?P<ry>{_alt(rel_years)})(?P<rp>{_alt(periods)})?"
               rf"|(?P<yp>{_alt(year_periods)})"
               rf"|(?P<mo>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号])?(?P<mp>{_alt(mperiods)})?)"
               rf"(?P<suf>{_alt(d['by_suffixes'])})?")
    num = rf"(?:\d+|{CHINESE})"
    relative = (rf"(?:{_alt(d['relative_prefixes'])})(?P<n1>{num})(?:{RANGE_SEP}(?P<n2>{num}))?年"
                rf"(?:{_alt(d['relative_suffixes'])})?")
    return _Rules(
        dated=re.compile(dated),
        undated=re.compile(undated),
        relative=re.compile(relative),
        ongoing=re.compile(_alt(d["ongoing"])),
        window=re.compile(rf"(?P<n>\d+|{CHINESE})年(?:以?内|期间)"),
        periods=periods,
        month_periods=mperiods,
        relative_years=rel_years,
        recurring=tuple(d["recurring_prefixes"]),
    )


def _iso(year: int, month: int, day: int | str) -> str | None:
    """ISO date, with ``day`` ``"last"`` meaning the month's last day; None when invalid."""
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    day_n = last if day == "last" else int(day)
    return f"{year:04d}-{month:02d}-{day_n:02d}" if 1 <= day_n <= last else None


def _bounds(year: int, month: str | None, day: str | None, mp: str | None, period: str | None,
            r: _Rules) -> tuple[str | None, str | None]:
    """First and last day of the time a (year, month, day, period word) phrase names."""
    if month:
        m = int(month)
        if day:
            iso = _iso(year, m, day)
            return iso, iso
        end_day = r.month_periods.get(mp or "", "last")
        return _iso(year, m, 1), _iso(year, m, end_day)
    if period:
        lo, hi = r.periods[period]
        return f"{year}-{lo}", f"{year}-{hi}"
    return f"{year}-01-01", f"{year}-12-31"


def document_year(view: str) -> int | None:
    """Year of the document: its first full date (2018年12月22日), else its first year written."""
    m = _FULL_DATE.search(view) or _ANY_YEAR.search(view)
    return int(m.group(1)) if m else None


@dataclass
class _Found:
    start: int  # view span
    end: int
    kind: str
    begin: str | None
    finish: str | None
    about: str | None = None


def _dated(view: str, r: _Rules) -> list[_Found]:
    out = []
    for m in r.dated.finditer(view):
        pre, suf = m.group("pre") or "", m.group("suf") or ""
        year = int(m.group("y"))
        lo, hi = _bounds(year, m.group("mo"), m.group("d"), m.group("mp"), m.group("p"), r)
        if lo is None or hi is None:
            continue
        if suf in ("起", "开始", "起步"):
            w = r.window.match(view, m.end())
            if w:  # 2012年起5年内
                span_years = parse_number(w.group("n"))
                out.append(_Found(m.start(), w.end(), "relative", lo, f"{year + int(span_years) - 1}-12-31"))
            else:
                out.append(_Found(m.start(), m.end(), "from", lo, None))
        elif pre in ("自", "从", "由"):
            continue  # 自2019年… without 起: not a commitment we can read
        elif view.startswith("后", m.end()) and suf:
            continue  # 2020年前后: around, not by
        elif pre or suf or m.group("p") or m.group("mp"):
            out.append(_Found(m.start(), m.end(), "by", None, hi))
    return out


def _context_year(view: str, pos: int, doc_year: int | None) -> int | None:
    """The last year written earlier in the same sentence, else the document's year."""
    sentence_start = view.rfind("。", 0, pos) + 1
    years = _ANY_YEAR.findall(view, sentence_start, pos)
    return int(years[-1]) if years else doc_year


def _undated(view: str, r: _Rules, doc_year: int | None) -> list[_Found]:
    out = []
    for m in r.undated.finditer(view):
        if any(view.endswith(w, 0, m.start()) for w in r.recurring):
            continue
        if m.group("mo") and not (m.group("suf") or m.group("mp")):
            continue  # 12月22日: a date, not a deadline
        if m.group("yp") and m.group("yp") != "年内" and not m.group("suf"):
            continue
        if m.group("ry") and not (m.group("suf") or m.group("rp")):
            continue
        year = _context_year(view, m.start(), doc_year)
        if year is None:
            continue
        year += r.relative_years.get(m.group("ry") or "", 0)
        period = m.group("rp") or m.group("yp")
        period = None if period == "年内" else period
        _, hi = _bounds(year, m.group("mo"), m.group("d"), m.group("mp"), period, r)
        if hi:
            out.append(_Found(m.start(), m.end(), "by", None, hi))
    return out


def _relative(view: str, r: _Rules, doc_year: int | None) -> list[_Found]:
    out = []
    for m in r.relative.finditer(view):
        years = _ANY_YEAR.findall(view, max(0, m.start() - 2000), m.start())
        if not years and doc_year is None:
            continue
        anchor = int(years[-1]) if years else doc_year
        n1 = int(parse_number(m.group("n1")))
        if m.group("n2"):
            n2 = int(parse_number(m.group("n2")))
            out.append(_Found(m.start(), m.end(), "relative", f"{anchor + n1}-01-01", f"{anchor + n2}-12-31"))
        else:
            out.append(_Found(m.start(), m.end(), "relative", None, f"{anchor + n1}-12-31"))
    return out


def _cell_dates(view: NumView) -> list[_Found]:
    """A table cell that holds only a year or a month (完成时限 ``2021年6月``): ``by`` its end.

    The cell starts after ``|`` (a tab or a ``|`` in the original) and ends, in the original,
    at a tab, ``|`` or line end; ``about`` is the row's first text cell (the task).
    """
    out = []
    for m in _CELL_DATE.finditer(view.text):
        start, end = view.span(m.start(1), m.end(1))
        if not _CELL_END.match(view.original, end):
            continue
        _, hi = _bounds(int(m.group("y")), m.group("mo"), None, None, None, rules())
        out.append(_Found(m.start(1), m.end(1), "by", None, hi, _row_task(view.original, start)))
    return out


def _row_task(original: str, start: int) -> str | None:
    """The first text cell (not a row number) of the table row holding offset ``start``."""
    line_start = original.rfind("\n", 0, start) + 1
    cells = (c.strip() for c in re.split(r"\t|\|", original[line_start:start]))
    return next((c for c in cells if len(c) >= 2 and not c.isdigit()), None)


def _about(nv: NumView, start: int, end: int) -> str | None:
    """What is due: the task of a table row, else the clause after the phrase, else the one before."""
    view = nv.text
    if start > 0 and view[start - 1] == "|":
        return _row_task(nv.original, nv.orig(start))
    pos = end + 1 if view[end:end + 1] in (",", "，", ":", "：") else end
    m = _CLAUSE_END.search(view, pos)
    after = view[pos:m.start() if m else len(view)][:_ABOUT_MAX]
    if len(after) >= 2:
        return after
    lo = max(view.rfind(c, 0, start) for c in ",，。;；:：")
    before = view[lo + 1:start][-_ABOUT_MAX:]
    return before or None


def _select(found: list[_Found]) -> list[_Found]:
    """Drop phrases overlapping an earlier or longer one; document order."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def find_deadlines(text: str, sections: list[Section], *, doc_date: str | None = None) -> list[Deadline]:
    """Every date commitment in ``text``, in document order.

    Args:
        text: the document's original text (offsets refer to it).
        sections: the numbered items (possibly nested); each deadline gets the innermost one.
        doc_date: the document's ISO date if known; its year resolves 6月底前 / 年底前 when no
            year is written in the same sentence (default: the first full date in ``text``).
    Returns:
        ``Deadline`` records with ISO ``start``/``end`` (None where open), ``char_start``/``char_end``
        into ``text`` and ``text`` the phrase as written.
    """
    r = rules()
    view = NumView.of(text)
    doc_year = int(doc_date[:4]) if doc_date else document_year(view.text)
    found = _dated(view.text, r) + _undated(view.text, r, doc_year) + _relative(view.text, r, doc_year)
    found += [_Found(m.start(), m.end(), "ongoing", None, None) for m in r.ongoing.finditer(view.text)]
    found += _cell_dates(view)
    out = []
    index = SectionIndex(sections)
    for f in _select(found):
        start, end = view.span(f.start, f.end)
        out.append(Deadline(
            section=index.at(start),
            text=text[start:end],
            kind=f.kind,
            start=f.begin,
            end=f.finish,
            about=f.about or _about(view, f.start, f.end),
            char_start=start,
            char_end=end,
        ))
    return out


def parse_deadline(phrase: str, *, year: int | None = None) -> Deadline | None:
    """Normalise one deadline phrase, e.g. a task table's 完成时限 cell.

    Args:
        phrase: ``"2020年底前"``, ``"2021年6月"``, ``"长期坚持"``, ``"6月底前"`` ...
        year: the document's year, for phrases without one.
    Returns:
        the first Deadline read from ``phrase`` (offsets into ``phrase``), or None. A bare date
        (``2021年6月``) counts as ``by``.
    """
    doc_date = f"{year}-01-01" if year else None
    found = find_deadlines(phrase, [], doc_date=doc_date)
    if found:
        return found[0]
    view = NumView.of(phrase)
    m = re.fullmatch(rf"{_YEAR}(?:(?P<mo>\d{{1,2}})月)?", view.text)
    if not m:
        return None
    _, hi = _bounds(int(m.group("y")), m.group("mo"), None, None, None, rules())
    return Deadline(section="", text=phrase, kind="by", end=hi, char_start=0, char_end=len(phrase))
