"""Document-level metadata: title, issuers, document number, date and citations.

Follows the layout of GB/T 9704-2012 (党政机关公文格式) as directives are published: a header
(red header "X文件", 发文字号, title "发文机关+关于+事由+文种", an optional date in brackets under the
title), an addressee line, the body, and a signature (issuer and date). Web and PDF copies glue
parts together (``…的实施意见国办发〔2020〕24号``) or repeat the title; the rules below read them.
All patterns live in ``extract/data/metadata.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.citations import find_citations
from extract.metadata_rules import format_doc_number, genre_head, iso_date, parse_date, patterns, strip_dates
from extract.model import Metadata

__all__ = ["extract_metadata", "find_citations", "header_end", "parse_date"]
_WS = re.compile(r"\s+")
_SENTENCE_END = "。；;！!？?）)”\""
# Characters after a date that show it continues a sentence (not a signature).
_CONTINUES = "，,、；;。：:前后起至以及和或"


@dataclass
class _Line:
    """A line of the text with its offset."""

    start: int
    text: str


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
    """Offset where the header ends: the addressee line, the first top-level heading, or a body
    line after the first non-empty line (longer than ``header_max_line``, or opening with a
    body word such as 为/根据), capped at ``header_max_chars``."""
    rules = patterns()
    limit = min(len(text), rules["header_max_chars"])
    ends = [limit]
    for key in ("addressee", "top_heading"):
        m = rules[key].search(text, 0, limit)
        if m:
            ends.append(m.start())
    seen_text = False
    for line in _lines(text, 0, limit):
        body = line.text.strip()
        if seen_text and (len(body) > rules["header_max_line"] or rules["body_start"].match(body)):
            ends.append(line.start)
            break
        seen_text = seen_text or bool(body)
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
    rules = patterns()
    cuts = {0, len(line.text)}
    red = re.match(r"\s*[\u4e00-\u9fff ]{2,40}?文件", line.text)
    if red and _split_issuers(red.group(0).strip()[:-2]):
        cuts.add(red.end())
    for m in rules["doc_number"].finditer(line.text):
        start, end = m.start() + len(genre_head(m.group("prefix"))), m.end()
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
    s = re.sub(r"[（(]\s*" + patterns()["doc_number"].pattern + r"\s*[）)]", "", s)
    return patterns()["doc_number"].sub(lambda m: genre_head(m.group("prefix")), s).strip()


def find_title(header: list[_Line]) -> str | None:
    """The directive's own title: the last title-shaped line of the header (a web copy often
    repeats the title above the official one). A title broken over two lines is joined, and
    issuer lines just above a ``关于…`` title are put in front of it."""
    rules = patterns()
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
    rules = patterns()
    s = s.strip()
    if not s or len(s) > rules["header_max_line"] or s.endswith("文件") or any(p.search(s) for p in rules["date"]):
        return False
    return bool(rules["title_full"].match(s) or rules["title_short"].match(s))


# A web portal's info box labels the title (名称：… / 标题：…); the label is not part of it.
_FIELD_LABEL = re.compile(r"^\s*(?:文件名称|名称|标题|题名|文件标题)\s*[:：]\s*")


def _normalise_title(title: str) -> str:
    """Whitespace removed, except one space between joint issuers before ``关于``."""
    title = _FIELD_LABEL.sub("", title)
    m = patterns()["joiner"].search(title)
    if not m:
        return _squeeze(title)
    prefix = _WS.sub(" ", title[: m.start()]).strip()
    return prefix + _squeeze(title[m.start():])


def _split_issuers(s: str) -> list[str]:
    """Split a run of joint issuers; [] unless every part looks like an issuing body."""
    whole = s.strip()
    parts = [p for p in patterns()["issuer_sep"].split(whole) if p]
    if parts and all(patterns()["issuer"].match(p) for p in parts):
        return parts
    # 和 inside a name (安徽省发展和改革委员会) is not a separator: try the name whole
    unsplit = [p for p in re.split(r"[\s、，,]+", whole) if p]
    return unsplit if unsplit and all(patterns()["issuer"].match(p) for p in unsplit) else []


def _is_issuer_line(s: str) -> bool:
    return bool(_split_issuers(s))


def find_issuers(text: str, header: list[_Line], title: str | None) -> list[str]:
    """Issuing bodies: from the title's prefix (``中共威海市委 威海市人民政府关于…``), else the
    signature before the date, else the red header ``X文件``."""
    rules = patterns()
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
    """The document's own number: the first 发文字号 in the header, brackets as 〔〕; the number
    of a cited document (``《…》（中发〔2017〕13号）``) is skipped."""
    for line in header:
        for m in patterns()["doc_number"].finditer(line.text):
            if re.search(r"》\s*[（(]\s*$", line.text[: m.start()]):
                continue
            number = format_doc_number(m)
            if number:
                return number
    return None


def find_date(text: str, header: list[_Line]) -> str | None:
    """The date of issue: a date alone on a header line (``(2018年12月22日)`` under the title),
    else the first signature date (a date ending a line, after the issuer or alone)."""
    for line in header:
        core = line.text.strip().strip("（）()［］[] \u3000")
        if core and parse_date(core) and _squeeze(strip_dates(core)) == "":
            return parse_date(core)
    signature = _signature(text)
    return signature[1] if signature else None


def _signature(text: str) -> tuple[list[str], str] | None:
    """The first signature: (issuers, ISO date).

    A signature is a date standing alone at the end of a line (a circulation note such as
    （此件公开发布） may follow) with the issuer on the lines just above, or a date right after the
    issuer's name that follows a sentence end (``…落地见效。国务院办公厅2020年7月15日``), ending
    the line or at least not continuing a sentence (a flattened crawl glues what follows)."""
    rules = patterns()
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
        iso = iso_date(m)
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


