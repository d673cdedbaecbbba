"""Document-level metadata: title, issuers, document number, date and citations.

Follows the layout of GB/T 9704-2012 (党政机关公文格式) as directives are published: a header
(red header "X文件", 发文字号, title "发文机关+关于+事由+文种", an optional date in brackets under the
title), an addressee line, the body, and a signature (issuer and date). Web and PDF copies glue
parts together (``…的实施意见国办发〔2020〕24号``) or repeat the title; the rules below read them.
All patterns live in ``extract/data/metadata.toml``.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from extract.model import Citation, Metadata

_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "O": 0, "О": 0}
_WS = re.compile(r"\s+")
_SENTENCE_END = "。；;！!？?）)”\""
# Characters after a date that show it continues a sentence (not a signature).
_CONTINUES = "，,、；;。：:前后起至以及和或"


@dataclass
class _Line:
    """A line of the text with its offset."""

    start: int
    text: str


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
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


def extract_metadata(text: str) -> Metadata:
    """Read the metadata of a directive.

    Args:
        text: the document text as read (``extract.read.read_document``).

    Returns:
        ``Metadata`` with ``title`` (the directive's own title, whitespace inside it removed
        except one space between joint issuers), ``issuer`` (issuing bodies as written, joint
        issuers split), ``doc_number`` (the document's own 发文字号 from its header, brackets
        normalised to 〔〕), ``date`` (ISO ``YYYY-MM-DD``) and ``cites`` (every ``《…》`` other than
        the documents this one issues, with the number in the brackets after it; offsets into
        ``text``). Fields not found are None / empty.
    """
    header = _header_lines(text)
    title = find_title(header)
    return Metadata(
        title=title,
        issuer=find_issuers(text, header, title),
        doc_number=find_doc_number(header),
        date=find_date(text, header),
        cites=find_citations(text, title),
    )


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out, pos = [], start
    for raw in text[start:end].splitlines(keepends=True):
        out.append(_Line(pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def header_end(text: str) -> int:
    """Offset where the header ends: the addressee line, the first top-level heading, or the
    first long (body) line after the first non-empty line, capped at ``header_max_chars``."""
    rules = _rules()
    limit = min(len(text), rules["header_max_chars"])
    ends = [limit]
    for key in ("addressee", "top_heading"):
        m = rules[key].search(text, 0, limit)
        if m:
            ends.append(m.start())
    seen_text = False
    for line in _lines(text, 0, limit):
        if seen_text and len(line.text.strip()) > rules["header_max_line"]:
            ends.append(line.start)
            break
        seen_text = seen_text or bool(line.text.strip())
    return min(ends)


def _header_lines(text: str) -> list[_Line]:
    """Non-empty header lines, each cut further at the header's own parts (a red header
    ``X文件``, a document number, a bracketed date), so a header glued into one line (a web
    crawl) reads like a header laid out line by line."""
    out: list[_Line] = []
    for line in _lines(text, 0, header_end(text)):
        out.extend(seg for seg in _segments(line) if seg.text.strip())
    return out


def _segments(line: _Line) -> list[_Line]:
    rules = _rules()
    cuts = {0, len(line.text)}
    red = re.match(r"\s*[\u4e00-\u9fff ]{2,40}?文件", line.text)
    if red and _split_issuers(red.group(0).strip()[:-2]):
        cuts.add(red.end())
    for m in rules["doc_number"].finditer(line.text):
        start, end = m.start() + len(_genre_head(m.group("prefix"))), m.end()
        if line.text[start - 1 : start] in "（(" and line.text[end : end + 1] in "）)":
            start, end = start - 1, end + 1
        cuts.update((max(start, 0), end))
    for pattern in rules["date"]:
        for m in re.finditer(r"[（(]\s*" + pattern.pattern + r"\s*[）)]", line.text):
            cuts.update((m.start(), m.end()))
    glued = rules["title_then_body"].search(line.text)
    if glued:
        cuts.add(glued.end())
    points = sorted(cuts)
    return [_Line(line.start + a, line.text[a:b]) for a, b in zip(points, points[1:], strict=False)]


def _squeeze(s: str) -> str:
    return _WS.sub("", s)


def _without_doc_numbers(s: str) -> str:
    """``s`` with document numbers (and brackets holding only one) removed."""
    s = re.sub(r"[（(]\s*" + _rules()["doc_number"].pattern + r"\s*[）)]", "", s)
    return _rules()["doc_number"].sub(lambda m: _genre_head(m.group("prefix")), s).strip()


def _genre_head(prefix: str) -> str:
    """The part of a doc-number prefix that is title text glued to it (``…实施意见国办发`` keeps
    ``…实施意见``); empty when the prefix is only the number's own abbreviation. The cut is after
    the last genre word that leaves an abbreviation behind (``穗府办函`` is all abbreviation)."""
    cut = 0
    for m in _rules()["genre_in"].finditer(prefix):
        if m.end() < len(prefix):
            cut = m.end()
    return prefix[:cut]


def find_title(header: list[_Line]) -> str | None:
    """The directive's own title: the last title-shaped line of the header (a web copy often
    repeats the title above the official one). A title broken over two lines is joined, and
    issuer lines just above a ``关于…`` title are put in front of it."""
    rules = _rules()
    texts = [_without_doc_numbers(ln.text).strip() for ln in header]
    found = None
    i = 0
    while i < len(texts):
        line, first = texts[i], i
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        candidate = None
        if _is_title(line):
            candidate = line
        elif nxt and _is_title(line + nxt) and (_is_issuer_line(line) or rules["title_start"].match(line)):
            candidate, i = line + nxt, i + 1
        if candidate:
            candidate = _last_repeat(candidate)
            if rules["joiner"].match(candidate):
                above = _issuer_lines_before(texts, first)
                candidate = " ".join([*above, candidate]) if above else candidate
            found = candidate
        i += 1
    return _normalise_title(found) if found else None


def _last_repeat(title: str) -> str:
    """The second copy when a title is glued to a repeat of itself (a crawl's page title
    followed by the document's own: ``X关于…的通知X关于…的通知``)."""
    k = title.find(title[:6], 1)
    if k > 0 and _is_title(title[:k]) and _is_title(title[k:]):
        return title[k:]
    return title


def _issuer_lines_before(texts: list[str], index: int, max_lines: int = 3) -> list[str]:
    """Consecutive issuer lines right above ``texts[index]`` (joint issuers stacked)."""
    above: list[str] = []
    j = index - 1
    while j >= 0 and len(above) < max_lines and _is_issuer_line(texts[j]):
        above.insert(0, texts[j])
        j -= 1
    return above


def _is_title(s: str) -> bool:
    rules = _rules()
    s = s.strip()
    if not s or len(s) > rules["header_max_line"] or s.endswith("文件") or any(p.search(s) for p in rules["date"]):
        return False
    return bool(rules["title_full"].match(s) or rules["title_short"].match(s))


def _normalise_title(title: str) -> str:
    """Whitespace removed, except one space between joint issuers before ``关于``."""
    m = _rules()["joiner"].search(title)
    if not m:
        return _squeeze(title)
    prefix = _WS.sub(" ", title[: m.start()]).strip()
    return prefix + _squeeze(title[m.start():])


def _split_issuers(s: str) -> list[str]:
    """Split a run of joint issuers; [] unless every part looks like an issuing body."""
    parts = [p for p in _rules()["issuer_sep"].split(s.strip()) if p]
    return parts if parts and all(_rules()["issuer"].match(p) for p in parts) else []


def _is_issuer_line(s: str) -> bool:
    return bool(_split_issuers(s))


def find_issuers(text: str, header: list[_Line], title: str | None) -> list[str]:
    """Issuing bodies: from the title's prefix (``中共威海市委 威海市人民政府关于…``), else the
    signature before the date, else the red header ``X文件``."""
    rules = _rules()
    if title:
        m = rules["joiner"].search(title)
        if m and m.start() > 0:
            found = _split_issuers(title[: m.start()])
            if found:
                return found
    signature = _signature(text)
    if signature and signature[0]:
        return signature[0]
    for line in header:
        m = rules["red_header"].match(line.text)
        if m and _split_issuers(m.group("org")):
            return _split_issuers(m.group("org"))
    return []


def find_doc_number(header: list[_Line]) -> str | None:
    """The document's own number: the first 发文字号 in the header, brackets as 〔〕."""
    for line in header:
        m = _rules()["doc_number"].search(line.text)
        if m:
            prefix = m.group("prefix")[len(_genre_head(m.group("prefix"))):]
            if prefix:
                return f"{prefix}〔{m.group('year')}〕{m.group('num')}号"
    return None


def parse_date(s: str) -> str | None:
    """The first date in ``s`` (``2018年12月22日`` or ``二〇一八年十二月二十二日``) as ISO, else None."""
    for pattern in _rules()["date"]:
        m = pattern.search(s)
        if m:
            return _iso(m)
    return None


def _iso(m: re.Match[str]) -> str | None:
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


def find_date(text: str, header: list[_Line]) -> str | None:
    """The date of issue: a date alone on a header line (``(2018年12月22日)`` under the title),
    else the first signature date (a date ending a line, after the issuer or alone)."""
    for line in header:
        core = line.text.strip().strip("（）()［］[] \u3000")
        if core and parse_date(core) and _squeeze(_strip_dates(core)) == "":
            return parse_date(core)
    signature = _signature(text)
    return signature[1] if signature else None


def _strip_dates(s: str) -> str:
    for pattern in _rules()["date"]:
        s = pattern.sub("", s)
    return s


def _signature(text: str) -> tuple[list[str], str] | None:
    """The first signature: (issuers, ISO date).

    A signature is a date standing alone at the end of a line (a circulation note such as
    （此件公开发布） may follow) with the issuer on the lines just above, or a date right after the
    issuer's name that follows a sentence end (``…落地见效。国务院办公厅2020年7月15日``), ending
    the line or at least not continuing a sentence (a flattened crawl glues what follows)."""
    rules = _rules()
    candidates = []
    for pattern in rules["date"]:
        for m in re.finditer(pattern.pattern + rules["note"], text):
            pos, end = m.start(), m.end()
            line_end = re.match(r"[ \t\u3000\r]*(\n|\Z)", text[end:]) is not None
            before = _line_head(text, pos)
            glued = _glued_issuer(before)
            alone = not before.strip()
            if (alone and line_end) or (glued and (line_end or text[end : end + 1] not in _CONTINUES)):
                candidates.append((pos, m, glued))
    for pos, m, glued in sorted(candidates, key=lambda c: c[0]):
        iso = _iso(m)
        if iso:
            return (glued or _issuers_above(text, pos)), iso
    return None


def _line_head(text: str, pos: int) -> str:
    """Text from the start of the line holding ``pos`` up to ``pos``."""
    return text[text.rfind("\n", 0, pos) + 1 : pos]


def _glued_issuer(before: str) -> list[str] | None:
    """Issuers written right before a date on the same line, after the last sentence end
    (``…落地见效。国务院办公厅2020年7月15日``); None when that text is not issuers."""
    cut = max(before.rfind(ch) for ch in _SENTENCE_END)
    candidate = before[cut + 1 :].strip()
    if not candidate:
        return None
    return _split_issuers(candidate) or None


def _issuers_above(text: str, pos: int, max_lines: int = 3) -> list[str]:
    """Issuers on the non-empty lines just above ``pos`` (one per line, joint signatures)."""
    lines = [ln.strip() for ln in text[: text.rfind("\n", 0, pos) + 1].splitlines()]
    found: list[str] = []
    for line in reversed([ln for ln in lines if ln][-max_lines:]):
        parts = _split_issuers(line)
        if not parts:
            break
        found = parts + found
    return found


def find_citations(text: str, title: str | None) -> list[Citation]:
    """Every ``《title》`` with the document number in the brackets right after it, deduplicated
    by title; titles this directive itself issues (named in its own title) are left out."""
    rules = _rules()
    own = _squeeze(title or "")
    seen: dict[str, Citation] = {}
    for m in rules["citation"].finditer(text):
        name = _squeeze(m.group("title"))
        if not name or name in own:
            continue
        number, end = None, m.end()
        paren = rules["citation_number"].match(text, m.end())
        if paren:
            num = rules["doc_number"].search(paren.group("inner"))
            if num:
                number = f"{num.group('prefix')}〔{num.group('year')}〕{num.group('num')}号"
                end = paren.end()
        if name in seen:
            if seen[name].doc_number is None and number:
                seen[name].doc_number = number
            continue
        seen[name] = Citation(doc_number=number, title=name, char_start=m.start(), char_end=end)
    return list(seen.values())
