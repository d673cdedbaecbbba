"""Turn the bytes of a text file into a string: encoding detection and binary sniffing.

Order of attempts (issue 3, "Formats"): a byte-order mark, then strict UTF-8, then strict GB18030
(a superset of GBK and GB2312), and only then ``charset-normalizer``, whose guess is accepted only
when the result reads as Chinese text. Line endings are left as they are, so character offsets
stay valid for the returned string.
"""

from __future__ import annotations

import codecs
import html
import re

from charset_normalizer import from_bytes


class ReadProblem(Exception):
    """A file that cannot be read; ``str(err)`` is the one-line problem (the caller adds the path)."""


# Magic numbers of common binary formats, for a helpful "binary file" message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF; name it .pdf"),
    (b"PK\x03\x04", "a ZIP archive, e.g. .docx/.xlsx; name it by its real type"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls); convert it to .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# charset-normalizer's guess must give at least this share of CJK ideographs among the
# non-ASCII characters: a directive is Chinese text (a wrong guess yields Latin or symbol soup).
_MIN_CJK_SHARE = 0.5
# More control characters than this share of the text marks it as binary.
_MAX_CONTROL_SHARE = 0.01


def binary_kind(data: bytes) -> str | None:
    """Describe ``data`` when it starts with a known binary format's magic number, else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _looks_binary(text: str) -> bool:
    """True when ``text`` has NUL bytes or more control characters than a text file would."""
    if "\x00" in text:
        return True
    return len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1)


def _binary_problem(data: bytes) -> ReadProblem:
    kind = binary_kind(data)
    return ReadProblem(f"binary file, not text (looks like {kind})" if kind else "binary file, not text")


def _reads_as_chinese(text: str) -> bool:
    """True when most non-ASCII characters of ``text`` are CJK ideographs."""
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F and not ch.isspace())
    if non_ascii == 0:
        return False
    return len(_CJK.findall(text)) >= _MIN_CJK_SHARE * non_ascii


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode the bytes of a text (or HTML) file.

    Args:
        data: the raw file content.
        declared: an encoding the file declares (an HTML ``<meta charset>``), tried after strict
            UTF-8 and before GB18030; GB2312/GBK are read as their superset GB18030.

    Returns:
        The decoded text, BOM removed, line endings unchanged.

    Raises:
        ReadProblem: "binary file, not text (...)" or "unknown encoding: ...".
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if _looks_binary(text):
                raise _binary_problem(data)
            return text
    if b"\x00" in data or binary_kind(data):
        raise _binary_problem(data)
    # Valid UTF-8 is a strong signal (GBK text almost never is), stronger than a declared charset:
    # pages served as UTF-8 often keep an old <meta charset=gb2312>.
    codecs_to_try = ["utf-8", _canonical_codec(declared), "gb18030"] if declared else ["utf-8", "gb18030"]
    for codec in dict.fromkeys(codecs_to_try):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            raise _binary_problem(data)
        return text
    return _decode_fallback(data)


def _decode_fallback(data: bytes) -> str:
    """charset-normalizer's best guess, accepted only when it reads as Chinese text."""
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if not _looks_binary(text) and _reads_as_chinese(text):
            return text
    raise ReadProblem("unknown encoding: the text decodes neither as UTF-8 nor as GB18030/GBK")


def _canonical_codec(name: str) -> str:
    """Map a declared charset to the Python codec that reads it (GB2312/GBK -> GB18030)."""
    low = name.strip().lower().replace("_", "-")
    if low in {"gb2312", "gbk", "x-gbk", "gb-2312-80", "cp936", "euc-cn", "x-euc-cn", "gb18030"}:
        return "gb18030"
    try:
        return codecs.lookup(low).name
    except LookupError:
        return low


def decode_entities(text: str) -> str:
    """Replace well-formed HTML character references (``&nbsp;``, ``&#12289;``) by their characters.

    Tags such as ``<br>`` are left for normalisation. Text without ``&`` is returned unchanged.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
