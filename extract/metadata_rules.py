"""Patterns of directive metadata, loaded from ``extract/data/metadata.toml``, and the small
parsers built on them: dates (Arabic and Chinese numerals) and document numbers (发文字号).

Sources: GB/T 9704-2012 (党政机关公文格式) for the 发文字号 form ``X〔2018〕39号`` and the 成文日期;
the 文种 of the 党政机关公文处理工作条例 (2012) for title endings. See the data file's comments.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "O": 0, "О": 0}


@lru_cache(maxsize=1)
def patterns() -> dict[str, Any]:
    """Compiled patterns from ``extract/data/metadata.toml``."""
    raw = tomllib.loads(resources.files("extract").joinpath("data/metadata.toml").read_text("utf-8"))
    genres = "|".join(sorted(raw["genres"], key=len, reverse=True))
    joiners = "|".join(raw["title_joiners"])
    tail = raw["title_tail"]
    suffixes = "|".join(sorted(raw["issuer_suffixes"], key=len, reverse=True))
    return {
        "title_full": re.compile(rf"^(?P<t>.*?(?:{joiners}).*(?:{genres})(?:{tail})?)$"),
        "title_short": re.compile(rf"^(?P<t>[^\s，。：:；]{{2,60}}(?:{genres})(?:{tail})?)$"),
        "title_then_body": re.compile(
            rf"(?:{joiners})[^。，；：:\n]{{2,100}}?(?:{genres})(?:{tail})?(?=\s*(?:{'|'.join(raw['body_starts'])}))"
        ),
        "body_start": re.compile(rf"(?:{'|'.join(raw['body_starts'])})"),
        "title_start": re.compile(rf"^(?:.*?(?:{suffixes})\s*)?(?:{joiners})"),
        "joiner": re.compile(joiners),
        "genre_in": re.compile(rf"(?:{genres})"),
        "issuer": re.compile(rf"^[\u4e00-\u9fff（）()]{{2,40}}(?:{suffixes})$"),
        "issuer_sep": re.compile(raw["issuer_separators"]),
        "red_header": re.compile(raw["red_header"]),
        "doc_number": re.compile(raw["doc_number"]),
        "addressee": re.compile(raw["addressee"]),
        "top_heading": re.compile(raw["top_heading"]),
        "header_max_line": int(raw["header_max_line"]),
        "header_max_chars": int(raw["header_max_chars"]),
        "date": [re.compile(raw["date_arabic"]), re.compile(raw["date_chinese"])],
        "note": raw["signature_note"],
        "citation": re.compile(raw["citation"]),
        "citation_number": re.compile(raw["citation_number"]),
    }


def parse_date(s: str) -> str | None:
    """The first date in ``s`` (``2018年12月22日`` or ``二〇一八年十二月二十二日``) as ISO, else None."""
    for pattern in patterns()["date"]:
        m = pattern.search(s)
        if m:
            return iso_date(m)
    return None


def iso_date(m: re.Match[str]) -> str | None:
    """ISO form of a match of a ``date`` pattern; None for an impossible date (2月30日)."""
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    try:
        year = int(y) if y.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in y))
        return datetime.date(year, _cn_int(mo), _cn_int(d)).isoformat()
    except (KeyError, ValueError):
        return None


def _cn_int(s: str) -> int:
    """``12`` or ``十二``/``二十二``/``三十一`` as an int (1..99)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        return 10 * (_CN_DIGITS[tens] if tens else 1) + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[s]


def strip_dates(s: str) -> str:
    """``s`` with every date removed."""
    for pattern in patterns()["date"]:
        s = pattern.sub("", s)
    return s


def genre_head(prefix: str) -> str:
    """The part of a doc-number prefix that is title text glued to it (``…实施意见国办发`` keeps
    ``…实施意见``); empty when the prefix is only the number's own abbreviation. The cut is after
    the last genre word that leaves an abbreviation behind (``穗府办函`` is all abbreviation)."""
    cut = 0
    for m in patterns()["genre_in"].finditer(prefix):
        if m.end() < len(prefix):
            cut = m.end()
    return prefix[:cut]


def format_doc_number(m: re.Match[str]) -> str | None:
    """A ``doc_number`` match written with 〔〕 and no spaces (``威发〔2018〕39号``); None when its
    prefix is only title text glued in front of a bare number."""
    prefix = m.group("prefix")[len(genre_head(m.group("prefix"))) :]
    return f"{prefix}〔{m.group('year')}〕{m.group('num')}号" if prefix else None
