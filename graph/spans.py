"""Source spans for provenance selectors.

Extraction records carry half-open ``[start, end)`` offsets into ``Directive.text``. Records
that lack them (gold fixtures, hand-written JSON: offsets ``0``) are located by searching for
the quoted text, allowing whitespace and line breaks between characters — the PDF page breaks
of the seed split words (``习近\\n\\n平``) — first inside a window, then in the whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache

Span = tuple[int, int]


def valid_span(text: str, start: int, end: int) -> bool:
    """True when ``[start, end)`` is a non-empty span inside ``text``."""
    return 0 <= start < end <= len(text)


@lru_cache(maxsize=4096)
def _loose_pattern(quote: str) -> re.Pattern[str]:
    chars = [re.escape(c) for c in quote if not c.isspace()]
    return re.compile(r"\s*".join(chars))


def locate(text: str, quote: str | None, window: Span | None = None) -> Span | None:
    """Find ``quote`` in ``text`` ignoring whitespace; return its span or None.

    Args:
        text: the document text.
        quote: the text to find (whitespace inside it is ignored).
        window: ``(lo, hi)`` searched first; the whole text is searched when it has no match.
    """
    if not text or not quote or not quote.strip():
        return None
    pattern = _loose_pattern(quote)
    if window is not None:
        lo, hi = max(0, window[0]), min(len(text), window[1])
        found = pattern.search(text, lo, hi) if lo < hi else None
        if found:
            return found.span()
    found = pattern.search(text)
    return found.span() if found else None


def resolve(
    text: str, start: int, end: int, quote: str | None = None, window: Span | None = None
) -> Span | None:
    """Return the record's own span when valid, else the located ``quote``, else None."""
    if valid_span(text, start, end):
        return start, end
    return locate(text, quote, window)
