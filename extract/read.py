"""Read a directive file of any supported format into one string (step 1 of the pipeline).

Formats (issue 3, "Formats"): ``.txt`` (UTF-8, UTF-8 with BOM, GB18030/GBK detected), ``.docx``
(paragraphs and tables in document order), ``.pdf`` with a text layer (pages joined by ``\\f``),
``.html``/``.htm`` (a saved government page: the document body with its tables as rows).
Every table row, whatever the format, is one line with its cells joined by ``\\t``.

The returned string is the document's *original text*: every character offset of the pipeline
points into it. Line endings, page breaks and page numbers are kept; normalisation handles them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extract.docx_text import read_docx
from extract.encoding import ReadProblem, binary_kind, decode_entities, decode_text
from extract.errors import DirectiveError
from extract.html_text import decode_html, html_to_text
from extract.pdf_text import read_pdf

TEXT_SUFFIXES = frozenset({"", ".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
SUPPORTED = ".txt, .docx, .pdf, .html, .htm"
_OLD_WORD = (
    "old Word .doc format is not supported; convert it to .docx "
    "(e.g. `soffice --headless --convert-to docx FILE`) and try again"
)
_HTML_START = ("<!doctype html", "<html")


def read_document(path: str | Path) -> str:
    """Return the text of the directive at ``path``.

    Args:
        path: a ``.txt``, ``.docx``, ``.pdf`` or ``.html``/``.htm`` file.

    Returns:
        The document text (non-empty, not only whitespace); CRLF kept as written.

    Raises:
        DirectiveError: with a one-line problem: file not found, a directory, empty file,
            binary file, old ``.doc``, PDF without a text layer, encrypted or damaged file,
            unknown encoding, unsupported file type.
    """
    p = Path(path)
    try:
        text = _read(p)
    except ReadProblem as err:
        raise DirectiveError(str(path), str(err)) from None
    if not text.strip():
        raise DirectiveError(str(path), "empty file: it holds only whitespace, no text")
    return text


def _read(p: Path) -> str:
    """Dispatch on the suffix; raise ReadProblem for any user-facing problem."""
    if not p.exists():
        raise ReadProblem("file not found")
    if p.is_dir():
        raise ReadProblem("is a directory, not a file")
    try:
        size = p.stat().st_size
    except OSError as err:
        raise ReadProblem(f"cannot read file ({err.strerror})") from err
    if size == 0:
        raise ReadProblem("empty file (0 bytes)")
    suffix = p.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        if suffix == ".doc":
            raise ReadProblem(_OLD_WORD)
        with p.open("rb") as fh:
            head = fh.read(8192)
        kind = "binary file, " if b"\x00" in head or binary_kind(head) else ""
        raise ReadProblem(f"{kind}unsupported file type '{suffix}' (supported: {SUPPORTED})")
    try:
        return reader(p)
    except PermissionError as err:
        raise ReadProblem("cannot read file: permission denied") from err
    except IsADirectoryError as err:
        raise ReadProblem("is a directory, not a file") from err


def _read_txt(p: Path) -> str:
    """A plain-text file; a full web page saved as ``.txt`` is read as a web page."""
    data = p.read_bytes()
    text = decode_text(data)
    if text.lstrip("\ufeff \t\r\n").lower().startswith(_HTML_START):
        return html_to_text(text)
    return decode_entities(text)


def _read_html(p: Path) -> str:
    return html_to_text(decode_html(p.read_bytes()))


def _read_docx(p: Path) -> str:
    with p.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadProblem(_OLD_WORD.replace("old Word .doc", "old Word .doc (renamed .docx)"))
    return read_docx(p)


_READERS: dict[str, Callable[[Path], str]] = {
    **{s: _read_txt for s in TEXT_SUFFIXES},
    **{s: _read_html for s in HTML_SUFFIXES},
    ".docx": _read_docx,
    ".pdf": read_pdf,
}
