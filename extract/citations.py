"""Citations: the documents and laws a directive cites, ``《title》`` with an optional number.

``《中共中央、国务院关于加强和完善城乡社区治理的意见》（中发〔2017〕13号）`` gives the title and the
number (brackets normalised to 〔〕); ``《中华人民共和国村民委员会组织法》`` a title without number.
"""

from __future__ import annotations

import re

from extract.metadata_rules import format_doc_number, patterns
from extract.model import Citation

_WS = re.compile(r"\s+")


def find_citations(text: str, title: str | None) -> list[Citation]:
    """Every ``《title》`` with the document number in the brackets right after it.

    Args:
        text: the document text.
        title: the directive's own title; a ``《…》`` named in it is a document this directive
            issues (印发), not one it cites, and is left out.

    Returns:
        One Citation per distinct title (whitespace removed) in order of first mention, with
        ``doc_number`` (〔〕 brackets) from any mention or None, and the span of the first mention
        (``《`` up to ``》`` or the closing bracket of the number).
    """
    rules = patterns()
    own = _WS.sub("", title or "")
    seen: dict[str, Citation] = {}
    for m in rules["citation"].finditer(text):
        name = _WS.sub("", m.group("title"))
        if not name or name in own:
            continue
        number, end = None, m.end()
        paren = rules["citation_number"].match(text, m.end())
        if paren:
            num = rules["doc_number"].search(paren.group("inner"))
            if num:
                number = format_doc_number(num)
                end = paren.end()
        if name in seen:
            if seen[name].doc_number is None and number:
                seen[name].doc_number = number
            continue
        seen[name] = Citation(doc_number=number, title=name, char_start=m.start(), char_end=end)
    return list(seen.values())
