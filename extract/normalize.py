"""Normalise a directive's text for matching while keeping offsets into the original.

The matching view unifies full- and half-width forms (``（牵头单位：`` and ``(牵头单位:`` match the
same rules), drops carriage returns, HTML leftovers, PDF page breaks and page numbers
(``— 3 —``, ``－3－``, a lone ``3``, ``\\f``), and re-joins words that a page break split
(``习近\\n\\n平总书记``). Every character of the view remembers where it came from, so any span
found in the view maps back to ``[start, end)`` in the original text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from extract.layout_tables import reflow_layout_tables
from extract.lexicon import lexicon
from extract.script import is_traditional, to_simplified

# Characters after which a line is complete (a break after them is a real paragraph end).
_TERMINAL = set("。；;：:！!？?）)」』”\"】]")
_MARKER_START = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,3}[.、]|\(\d{1,3}\)|[①-⑳]|第[一二三四五六七八九十百零〇]+[条章节])"
)
_PAGE_NUMBER_LINE = re.compile(
    r"^[ \t]*(?:[-—–－~]+[ \t]*\d{1,4}[ \t]*[-—–－~]+"
    r"|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})[ \t]*$"
)
# Candidate lines for page numbers: only digits, dashes, spaces and 第…页 (cheap to find).
_NUMBER_ONLY_LINE = re.compile(r"(?m)^[ \t\-—–－~第页共/\d]*\d[ \t\-—–－~第页共/\d]*$")
_LONE_NUMBER_LINE = re.compile(r"^[ \t]*\d{1,3}[ \t]*$")
_HTML_LEFTOVER = re.compile(
    r"<\s*br\s*/?>|</?\s*(?:p|div|span|td|tr|font|strong|b)(?:\s[^<>]{0,200})?>"
    r"|&(?:nbsp|amp|lt|gt|quot|#\d{2,5});",
    re.I,
)
# A body line that a page break cut is long; headings and title lines are short.
_MIN_BROKEN_LINE = 18
# In text whose paragraphs are single lines, a line cut by a page break holds most of a paragraph.
_MIN_PARAGRAPH_CUT = 40


# The characters NFKC folds one-to-one in this genre: full-width forms (FF01–FF5E), ideographic and
# no-break spaces, small and vertical forms (FE30–FE6B), compatibility ideographs (F900–FAFF).
# Matching only these is ~3× faster than translating every character.
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000\xa0\ufe30-\ufe6b\uf900-\ufaff\u2000-\u200a]")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Return the matching form of one character (full-width -> ASCII; other chars unchanged)."""
    if ch in "\u3000\xa0":
        return " "
    if ch in "〔［" or "①" <= ch <= "⑳":
        return ch  # keep document-number brackets (威发〔2018〕39号) and circled item numbers
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _fold(text: str) -> str:
    """Fold every foldable character of ``text`` (same length: folding is one character to one).

    One ``str.replace`` per distinct character present is ~2× faster than a callback per match.
    """
    for ch in set(_FOLDABLE.findall(text)):
        folded = _fold_char(ch)
        if folded != ch:
            text = text.replace(ch, folded)
    return text


@dataclass
class NormText:
    """A matching view of a text.

    Attributes:
        text: the normalised text (same or shorter length than the original).
        offsets: ``len(text) + 1`` ints; ``offsets[i]`` is the original index of ``text[i]``,
            the last entry is the original length.
    """

    text: str
    offsets: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span ``[start, end)`` to the original text; returns ``(start, end)``."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        first, last = self.offsets[start], self.offsets[end - 1]
        if last < first:  # a re-flowed table row (extract.layout_tables) may put a later line first
            first, last = min(self.offsets[start:end]), max(self.offsets[start:end])
        return first, last + 1


def _apply_edits(text: str, offsets: list[int], edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Replace each ``(start, end, repl)`` of ``text`` (sorted, non-overlapping); keep offsets."""
    if not edits:
        return text, offsets
    parts: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for start, end, repl in edits:
        parts.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        parts.append(repl)
        new_offsets.extend([offsets[start]] * len(repl))
        pos = end
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(parts), new_offsets + [offsets[-1]]


def _html_edits(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for m in _HTML_LEFTOVER.finditer(text):
        token = m.group(0)
        repl = "\n" if token.lower().startswith("<br") else html.unescape(token) if token.startswith("&") else ""
        edits.append((m.start(), m.end(), repl.replace("\xa0", " ")))
    return edits


def _page_number_edits(text: str) -> list[tuple[int, int, str]]:
    """Remove page-number lines; a lone number only where it interrupts a paragraph."""
    edits = []
    for m in _NUMBER_ONLY_LINE.finditer(text):
        line = m.group(0)
        if _PAGE_NUMBER_LINE.match(line):
            edits.append((m.start(), m.end(), ""))
        elif _LONE_NUMBER_LINE.match(line) and _interrupts_paragraph(text, m.start()):
            edits.append((m.start(), m.end(), ""))
    edits.extend(_running_header_edits(text, edits))
    return sorted(set(edits))


def _running_header_edits(text: str, page_numbers: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A line repeated in the document that stands next to a page number is a running header."""
    if not page_numbers:
        return []
    counts: dict[str, int] = {}
    for m in re.finditer(r"[^\n]+", text):
        key = m.group().strip()
        if 6 <= len(key) <= 60:
            counts[key] = counts.get(key, 0) + 1
    edits = []
    for start, end, _ in page_numbers:
        for line_start, line_end in (_neighbour_line(text, start, -1), _neighbour_line(text, end, 1)):
            line = text[line_start:line_end].strip()
            if line_end > line_start and counts.get(line, 0) >= 2 and not _is_content_line(line):
                edits.append((line_start, line_end, ""))
    return edits


def _is_content_line(line: str) -> bool:
    """A line that repeats because the document repeats it (牵头单位：县应急管理局 under two
    items, an item heading), never a running header."""
    return bool(lexicon().label_re.search(line) or _MARKER_START.match(line))


def _neighbour_line(text: str, pos: int, direction: int) -> tuple[int, int]:
    """The nearest non-blank line before (``direction`` -1) or after (+1) position ``pos``."""
    if direction > 0:
        m = re.compile(r"\s*([^\n]*\S)").match(text, pos)
        return (m.start(1), m.end(1)) if m else (0, 0)
    head = text[:pos].rstrip()
    start = head.rfind("\n") + 1
    return start, len(head)


def _interrupts_paragraph(text: str, line_start: int) -> bool:
    """True when the last non-blank line before ``line_start`` is a long line cut mid-sentence."""
    before = text[max(0, line_start - 2000):line_start].rstrip()
    prev = before[before.rfind("\n") + 1:].strip()
    return len(prev) >= _MIN_BROKEN_LINE and prev[-1] not in _TERMINAL and "\t" not in prev


def _looks_like_table_row(line: str) -> bool:
    return "\t" in line or "|" in line or "  " in line


def _wrap_width(text: str) -> int | None:
    """The width of a hard-wrapped text (PDF output): the line length most lines share.

    Returns None unless 40 % of the longer lines share a length (±1) of 20 or more, i.e. when
    lines are paragraphs (Word, web pages) or table cells, which must never be joined.
    """
    lengths = [len(line.strip()) for line in text.split("\n") if len(line.strip()) >= 15]
    if len(lengths) < 8:
        return None
    counts: dict[int, int] = {}
    for n in lengths:
        for near in (n - 1, n, n + 1):
            counts[near] = counts.get(near, 0) + 1
    width, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return width if freq >= 0.4 * len(lengths) and width >= 20 else None


_CR_FF = re.compile(r"\r|\f")
# A run of line breaks with the blanks around them. The pattern starts at the break (a pattern
# that starts with the blanks before it is tried at every space of the text, ten times slower);
# ``_line_breaks`` extends each match back over the blanks that end the line.
_LINE_BREAKS = re.compile(r"\n(?:[ \t]*\n)*[ \t]*")


def _line_breaks(text: str):
    """Yield ``(start, end, breaks)`` of every run of line breaks and the blanks around it."""
    for m in _LINE_BREAKS.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        yield start, m.end(), m.group().count("\n")


def _join_edits(text: str) -> list[tuple[int, int, str]]:
    """Delete line breaks that cut a paragraph in the middle.

    A break with a blank line (a PDF page break) is joined after any long unfinished line; a single
    line break only in hard-wrapped text, after a line of the wrap width.
    """
    edits = []
    width = _wrap_width(text)
    for m_start, m_end, breaks in _line_breaks(text):
        if m_start == 0 or text[m_start - 1] in _TERMINAL:
            continue  # most lines end a sentence: decide that before slicing anything
        line_start = text.rfind("\n", 0, m_start) + 1
        prev = text[line_start:m_start].strip()
        if len(prev) < _MIN_BROKEN_LINE or prev[-1] in _TERMINAL:
            continue
        full_line = width is not None and len(prev) >= width - 2
        if not full_line and (breaks == 1 or len(prev) < _MIN_PARAGRAPH_CUT):
            # a single line break ends a line of its own (a paragraph, a table cell); a short line
            # before a page break is a title or heading, not a paragraph cut by the break
            continue
        next_break = text.find("\n", m_end)
        nxt = text[m_end: next_break if next_break >= 0 else len(text)]
        if not nxt.strip() or _looks_like_table_row(prev) or _looks_like_table_row(nxt.strip()):
            continue
        if _MARKER_START.match(prev) and len(prev) < 40:
            continue  # a heading line such as （一）指导思想
        if _MARKER_START.match(nxt) or lexicon().label_re.match(nxt.strip()) or (
                lexicon().label_re.match(prev) and not full_line):
            continue  # an item or a label line (责任单位：…) starts or ends a paragraph, unless the
            # label line fills the width of hard-wrapped text (责任单位：…、各⏎乡镇人民政府)
        edits.append((m_start, m_end, ""))
    return edits


def normalize(original: str) -> NormText:
    """Build the matching view of ``original``.

    Args:
        original: the decoded document text (any line endings, possibly PDF-damaged).
    Returns:
        NormText whose ``text`` has ASCII punctuation for full-width forms, ``\\n`` line ends,
        no page numbers or page breaks, and paragraphs re-joined across page breaks.
    """
    text = _fold(original)
    if is_traditional(text):
        text = to_simplified(text)  # 牽頭單位 matches as 牵头单位; names stay as written
    offsets = list(range(len(original) + 1))
    # HTML leftovers, carriage returns and form feeds never overlap: one pass for all of them
    breaks = [(m.start(), m.end(), "\n" if m.group(0) == "\f" else "") for m in _CR_FF.finditer(text)]
    text, offsets = _apply_edits(text, offsets, sorted(_html_edits(text) + breaks))
    text, offsets = _apply_edits(text, offsets, _page_number_edits(text))
    text, offsets = reflow_layout_tables(text, offsets, original)
    text, offsets = _apply_edits(text, offsets, _join_edits(text))
    return NormText(text, offsets)
