"""Cell text made safe for the files users open in spreadsheets and Markdown viewers.

- ``csv_safe(value)``: a text cell that starts with ``=`` ``+`` ``-`` ``@``, a tab or a carriage
  return is a formula to Excel, LibreOffice and Google Sheets ("CSV Injection", OWASP:
  https://owasp.org/www-community/attacks/CSV_Injection); it gets a leading single quote so the
  program shows it as text. Numbers are left alone.
- ``markdown_cell(value)``: one GitHub-flavoured Markdown table cell: ``&`` ``<`` ``>`` as HTML
  character references (GFM passes raw HTML through, so ``<script>`` would reach a renderer),
  ``|`` as ``\\|`` (GFM spec, "Tables": a pipe inside a cell is escaped), line breaks as spaces.
For XLSX see ``graph.matrix_xlsx`` (cells typed as strings, never formulas).
"""

from __future__ import annotations

#: first characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """``value`` with a ``'`` prefixed when it is text starting with a ``FORMULA_STARTS`` character."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def markdown_cell(value: object) -> str:
    """``value`` as the text of one Markdown table cell (see the module docstring)."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
