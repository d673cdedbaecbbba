"""Read directives written in traditional characters (牽頭單位：市商務局) with the same rules.

Web copies of mainland directives are often converted to traditional characters (Taiwan and
Hong Kong mirrors). The matching view of such a text is converted to simplified characters with
OpenCC (https://github.com/BYVoid/OpenCC, its ``t2s`` profile), one character for one, so offsets
stay valid; names are still written from the original text (市商務局 as written).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import opencc

# Traditional-only forms of very common characters of the genre: a text holding several of them
# is in traditional characters (a simplified text holds none of them).
_TRADITIONAL = re.compile("[們個這為會與發國區單負責牽頭門關於應當實現經濟進開業務縣鎮廳財稅醫協參辦職組織導體]")
_MIN_HITS = 5


def is_traditional(text: str) -> bool:
    """Does ``text`` read as traditional Chinese (``_MIN_HITS`` or more traditional-only forms)?"""
    hits = 0
    for _ in _TRADITIONAL.finditer(text):
        hits += 1
        if hits >= _MIN_HITS:
            return True
    return False


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def _simplified_char(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, the same length (one character for one).

    OpenCC converts by phrases; where a phrase changes length the text is converted character
    by character instead, so that every offset still points at the same character.
    """
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    return "".join(_simplified_char(ch) for ch in text)
