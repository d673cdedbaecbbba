"""Numerals and the whitespace-free matching view used to find quantities and dates.

Two jobs, both about reading numbers in PDF-damaged Chinese text:

* ``NumView`` folds full-width digits and number signs to ASCII (``３．６`` -> ``3.6``) and drops
  every whitespace character, so ``每 300—400 户``, ``不少于 3.6 万元`` and a word split by ``\\n\\n``
  read as one run; ``span()`` maps a view span back to ``[start, end)`` in the original text.
* ``parse_number`` turns an Arabic or Chinese numeral with an optional 百/千/万/亿 magnitude into a
  Python number (``"3.6万"`` -> ``36000``, ``"三千"`` -> ``3000``, ``"两"`` -> ``2``), using
  ``cn2an`` (https://github.com/Ailln/cn2an) for Chinese numerals.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

import cn2an

# Arabic numeral with an optional magnitude, or a Chinese numeral (it must start with a digit
# word, so 百人计划 / 千人计划 / 亿元以上 are not numbers).
ARABIC = r"\d+(?:\.\d+)?(?:[百千万亿]{1,2})?"
CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
# Range separators after folding (— and – stay as written; ～ folds to ~, － to -).
RANGE_SEP = r"(?:-{1,2}|—{1,2}|–|~|〜|至|到)"

_MAGNITUDE = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ARABIC_RE = re.compile(r"(\d+(?:\.\d+)?)([百千万亿]{0,2})")
_WS = re.compile(r"[^\S\t]+")
# Only the characters that number and date rules read are folded; full-width punctuation
# (，。：；) is matched as written, so the view keeps the document's own characters.
_FOLD = {chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "％": "%", "～": "~", "－": "-", "〜": "~",
                                                       "\t": "|"}
_FOLD_RE = re.compile("[" + "".join(_FOLD) + "]")
# Clause punctuation in both widths (the view keeps full-width forms); ``|`` is a table cell
# boundary (a tab in the original), so a row number never joins the next cell's first word.
PUNCT = ",，。;；:：!！?？、|"


@dataclass
class NumView:
    """Whitespace-free view of a text with a map back to the original.

    Full-width digits, ``．``, ``％``, ``～`` and ``－`` are folded to ASCII and a tab (table cell
    separator) to ``|`` (same length); every other whitespace character is dropped. Building
    the view is linear and runs in C regex code.

    Attributes:
        text: the view (``len(text) <= len(original)``).
        original: the text it was made from.
    """

    text: str
    original: str
    _view_starts: list[int]
    _shifts: list[int]

    @classmethod
    def of(cls, original: str) -> NumView:
        """Build the view of ``original`` (any text; no errors raised). The last view is cached."""
        global _LAST
        if _LAST is not None and _LAST.original is original:
            return _LAST
        folded = _FOLD_RE.sub(lambda m: _FOLD[m.group(0)], original)
        spans = [m.span() for m in _WS.finditer(folded)]
        removed = list(accumulate(e - s for s, e in spans))
        kept = [folded[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(folded)],
                                              strict=True)]
        view = cls(
            "".join(kept),  # the text between the whitespace runs (one regex pass, not two)
            original,
            [0] + [e - r for (_, e), r in zip(spans, removed, strict=True)],
            [0] + removed,
        )
        _LAST = view
        return view

    def orig(self, i: int) -> int:
        """Original index of view index ``i`` (``i == len(text)`` maps to the original end)."""
        if i >= len(self.text):
            return len(self.original)
        k = bisect.bisect_right(self._view_starts, i) - 1
        return i + self._shifts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span ``[start, end)`` to ``[start, end)`` in the original text."""
        if end <= start:
            pos = self.orig(start)
            return pos, pos
        return self.orig(start), self.orig(end - 1) + 1


_LAST: NumView | None = None


def clear_number_view() -> None:
    """Drop the cached last view (``NumView.of`` caches the view of the last text it read)."""
    global _LAST
    _LAST = None


def parse_number(token: str) -> int | float:
    """Value of one numeral token.

    Args:
        token: ``"3.6万"``, ``"300"``, ``"1.5亿"``, ``"三千"``, ``"二十万"``, ``"两"`` (folded, no spaces).
    Returns:
        an ``int`` when the value is integral, else a ``float``.
    Raises:
        ValueError: when ``token`` is not a numeral.
    """
    m = _ARABIC_RE.fullmatch(token)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= _MAGNITUDE[ch]
    else:
        try:
            value = float(cn2an.cn2an(token.replace("〇", "零"), "smart"))
        except (ValueError, KeyError) as err:
            raise ValueError(f"not a numeral: {token!r}") from err
    return int(value) if value == int(value) else round(value, 6)


def parse_range(low: str, high: str) -> list[int | float]:
    """``[low, high]`` of a range such as ``3—5万``: a magnitude written only on the high end
    applies to both ends. Raises ValueError for non-numerals."""
    hi_mag = re.search(r"[百千万亿]+$", high)
    if hi_mag and not re.search(r"[百千万亿]$", low) and re.fullmatch(r"\d+(?:\.\d+)?", low):
        low = low + hi_mag.group(0)
    return [parse_number(low), parse_number(high)]


def is_arabic(token: str) -> bool:
    """True when ``token`` is written with Arabic digits."""
    return bool(token) and token[0].isdigit()
