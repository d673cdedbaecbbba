"""The extraction pipeline: file or text in, ``Directive`` record out (work in progress)."""

from __future__ import annotations

from pathlib import Path

from extract.model import Directive


def extract_text(text: str, *, doc_id: str, source: str) -> Directive:
    """Run every extraction step over ``text``; return the Directive (offsets into ``text``)."""
    return Directive(id=doc_id, source=source, text=text)


def extract_path(path: str | Path) -> Directive:
    """Read ``path`` (any supported format) and extract it. Raises ``DirectiveError``."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    return extract_text(text, doc_id=p.stem, source=str(path))
