"""The place a directive speaks for, and the place a unit name at some level belongs to.

``市`` in a Weihai document means Weihai: unit names carry a level prefix but not their place,
so resolution needs the document's own place. It comes from the issuer (``中共威海市委`` ->
威海市; ``国务院办公厅`` -> 中国), else the title, else the document id's first token (the file
stem ``guangzhou-2012-20`` -> 广州市, keys in ``ontology/units/places.csv``), else the first
``中共X市委`` / ``X市人民政府`` of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.model import Directive
from graph.unit_registry import LEVELS, Place, Prefix, Registry, load_registry

#: Names that speak for the whole country.
_NATIONAL_HEADS = ("国务院", "中共中央", "党中央", "中央", "全国人大", "全国人民代表大会", "全国政协")
_PLACE_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:特别行政区|自治区|自治州|省|市|县|区|旗))"
                       r"(?=委|党委|人民政府|政府|人大|政协)")
_TEXT_RE = re.compile(r"中共([\u4e00-\u9fff]{2,8}?(?:省|市|自治区|县|区))委|"
                      r"([\u4e00-\u9fff]{2,8}?(?:省|市|自治区|县|区))人民政府")


@dataclass(frozen=True)
class DocContext:
    """The document's place (None when unknown) and level (None when unknown)."""

    place: Place | None

    @property
    def level(self) -> str | None:
        """The document's level: ``national``, ``provincial``, ``municipal``, ``county`` or None."""
        return self.place.level if self.place else None


@cache
def adhoc_place(name: str) -> Place:
    """Return a Place for a name absent from the gazetteer (``某某市``), level from its suffix."""
    reg = load_registry()
    for suffix in reg.suffixes:
        if name.endswith(suffix.text) and len(name) > len(suffix.text):
            return Place(name, name[: -len(suffix.text)], suffix.level, "", None, suffix.en, known=False)
    return Place(name, name, "municipal", "", None, "Municipal", known=False)


def place_at_start(text: str) -> Place | None:
    """Return the place a name or title starts with (``中共威海市委…`` -> 威海市), or None.

    The gazetteer is tried first (full names, then short forms); then the pattern
    ``X市`` / ``X省`` … followed by 委, 人民政府, 人大 or 政协 for places it lacks.
    """
    reg = load_registry()
    s = text[2:] if text.startswith("中共") else text
    if s.startswith(_NATIONAL_HEADS):
        return reg.place("中国")
    for prefix, place in reg.place_prefixes:
        if s.startswith(prefix):
            return place
    match = _PLACE_RE.match(s)
    return adhoc_place(match.group(1)) if match else None


def doc_context(directive: Directive) -> DocContext:
    """Return the place of ``directive`` (issuer, title, id, then text; see module docstring)."""
    reg = load_registry()
    for issuer in directive.metadata.issuer:
        place = place_at_start(issuer.replace(" ", ""))
        if place:
            return DocContext(place)
    if directive.metadata.title and (place := place_at_start(directive.metadata.title.replace(" ", ""))):
        return DocContext(place)
    stem = re.split(r"[-_.]", directive.id or "")[0].lower()
    if stem in reg.place_keys:
        return DocContext(reg.place_keys[stem])
    for match in _TEXT_RE.finditer(directive.text[:5000]):
        name = match.group(1) or match.group(2)
        if reg.place(name):
            return DocContext(reg.place(name))
    return DocContext(None)


def level_rank(level: str | None) -> int:
    """Return 0 for national … 3 for county (4 when unknown), to compare levels."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def place_for_level(reg: Registry, base: Place | None, level: str) -> Place | None:
    """Return the place a unit of ``level`` belongs to, seen from ``base``.

    National units belong to 中国; a higher level walks up the parents of ``base`` (a
    provincial unit in a Weihai document belongs to 山东省); the same or a lower level keeps
    ``base`` (区民政局 in a Weihai document: Weihai's districts). None when unknown.
    """
    if level == "national":
        return reg.place("中国")
    if base is None:
        return None
    if level_rank(level) >= level_rank(base.level):
        return base
    for place in reg.ancestors(base):
        if place.level == level:
            return place
    return None


def prefix_level(prefix: Prefix, ctx_place: Place | None) -> str:
    """Return the level a written prefix means in a document of ``ctx_place``.

    ``市`` is municipal, except where the document's own place ends in 市 at another level
    (北京市 is provincial, 荣成市 a county-level city): there ``市`` means the document's level.
    """
    if ctx_place and prefix.level != "national":
        head = prefix.text
        if prefix.kind == "party_prefix":
            head = head.removesuffix("委").removesuffix("党")
        if ctx_place.name.endswith(head) and ctx_place.level != "national":
            return ctx_place.level
    return prefix.level


def level_adj(reg: Registry, level: str, place: Place | None, written: Prefix | None = None) -> str:
    """Return the English adjective of a unit: ``Municipal``, ``Provincial``, ``District`` …"""
    if place and place.level == level:
        return place.adj
    if written and written.en:
        return written.en
    for prefix in reg.prefixes:
        if prefix.kind == "plain_prefix" and prefix.level == level and len(prefix.text) == 1:
            return prefix.en
    return ""


def written_prefix(reg: Registry, kind: str, level: str, place: Place | None) -> str:
    """Return the level prefix a canonical name takes: 市 / 省 (plain), 市委 / 省委 (party), 安徽 (place).

    Taken from the place's own suffix when the place is at that level (安徽省 -> 省), else the
    first single-character prefix of ``levels.csv`` for the level. National names take none;
    ``place`` names take the place's short name (安徽银保监局); county-level units take their
    place's full name (越秀区人民政府), since a bare 区 says little.
    """
    if level == "national":
        return "中共中央" if kind == "party" else ""
    if place and place.level == level and (kind == "place" or (level == "county" and place.known)):
        return (place.short or place.name) if kind == "place" else place.name + ("委" if kind == "party" else "")
    text = ""
    if place and place.level == level:
        for suffix in reg.suffixes:
            if place.name.endswith(suffix.text):
                text = suffix.text
                break
    if not text:
        text = next((p.text for p in reg.prefixes
                     if p.kind == "plain_prefix" and p.level == level and len(p.text) == 1), "")
    if kind == "party":
        return "自治区党委" if text == "自治区" else text + "委"
    return text
