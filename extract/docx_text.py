"""Text of a Word ``.docx`` file: body paragraphs and tables in document order.

Paragraphs become lines; each table row becomes one line with its cells joined by ``\\t``
(see ``extract/tables.py``). python-docx repeats a merged cell (``gridSpan``/``vMerge``) in every
grid position it covers; rows are padded to the table's full column count.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from extract.encoding import ReadProblem
from extract.tables import table_text

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")


def read_docx(path: Path) -> str:
    """Return the text of the ``.docx`` at ``path``.

    Returns:
        Lines in body order: one per paragraph, one per table row (cells joined by ``\\t``).

    Raises:
        ReadProblem: the file is not a readable Word document.
    """
    try:
        doc = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise ReadProblem("not a valid .docx file (damaged, or another format renamed .docx)") from err
    except Exception as err:  # python-docx raises its own PackageNotFoundError and XML errors
        raise ReadProblem(f"not a valid .docx file ({type(err).__name__})") from err
    return "\n".join(_blocks(doc.element.body, doc))


def _blocks(parent: object, doc: DocumentObject) -> Iterator[str]:
    """Yield the text of each paragraph and table under ``parent`` (an XML element), in order."""
    for child in parent.iterchildren():  # type: ignore[attr-defined]
        if child.tag == _P:
            # A tab inside a paragraph is alignment, not a table cell: tabs mark table rows only.
            yield Paragraph(child, doc).text.replace("\t", " ")
        elif child.tag == _TBL:
            yield _table(Table(child, doc))
        elif child.tag == _SDT:  # content controls wrap ordinary paragraphs and tables
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, doc)


def _table(table: Table) -> str:
    """One line per row, cells joined by a tab, merged cells repeated, rows padded to full width."""
    grid = [[cell.text for cell in row.cells] for row in table.rows]
    width = max((len(row) for row in grid), default=0)
    return table_text([row + [""] * (width - len(row)) for row in grid])
