"""The unit registry: department stems, party organs, mass organisations, places and patterns.

Loads the CSV files of ``ontology/units/`` (described in ``ontology/units/README.md``) once and
builds the dictionaries that name resolution (``graph/units.py``) needs:

- ``core_index``: every *core* name (a name without level prefix: ``民政局``, ``人社局``, ``团市委``)
  -> ``{entry id: levels at which that form is valid}``;
- ``prefixes``: level prefixes (``市``, ``省``, ``市委`` …) longest first;
- ``place_prefixes``: gazetteer names and short forms (``威海市``, ``威海``) longest first;
- collective and branch regular expressions, generic name endings, quantifiers, body words.

Everything here is pure data access: no rule about names is written in code except the CSV
grammar (``|`` between alternatives, ``;`` between ``level=value`` pairs).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

#: Administrative levels from the top down.
LEVELS: tuple[str, ...] = ("national", "provincial", "municipal", "county")
LOCAL_LEVELS: tuple[str, ...] = LEVELS[1:]
REGISTRY_FILES: tuple[str, ...] = ("departments.csv", "party_organs.csv", "mass_organisations.csv")
#: Long body words that abbreviations never take (人社 + 局, but not 人社 + 办公室).
_LONG_BODIES = ("委员会", "办公室", "办公厅")


@dataclass(frozen=True)
class Entry:
    """One registry row: an organisation type that exists in many places.

    Attributes:
        id: unique ascii id (``civil_affairs``); also the key of ``succession.csv``.
        type: unit-type concept id (``government_department``).
        prefix: accepted level-prefix kinds, canonical first (``("party", "plain")``).
        levels: levels at which stem + body names exist.
        stems: stem and its variants (``人力资源社会保障``, ``人力资源和社会保障``).
        abbrevs: abbreviated stems (``人社``).
        bodies: level -> body words, canonical first (``{"municipal": ("局",)}``).
        names: level (or ``local``) -> complete core names, canonical first.
        en: English stem; en_names: level (or ``local``) -> English template.
        source: the CSV file the row comes from.
    """

    id: str
    type: str
    prefix: tuple[str, ...]
    levels: frozenset[str]
    stems: tuple[str, ...]
    abbrevs: tuple[str, ...]
    bodies: dict[str, tuple[str, ...]]
    names: dict[str, tuple[str, ...]]
    en: str
    en_names: dict[str, str]
    note: str = ""
    source: str = ""

    def level_names(self, level: str) -> tuple[str, ...]:
        """Return the explicit ``names`` of ``level`` (``local`` ones included below national)."""
        own = self.names.get(level, ())
        return own + (self.names.get("local", ()) if level != "national" else ())

    def en_template(self, level: str) -> str | None:
        """Return the English template of ``level`` (or of ``local``), or None."""
        if level in self.en_names:
            return self.en_names[level]
        return self.en_names.get("local") if level != "national" else None


@dataclass(frozen=True)
class Place:
    """A gazetteer place (``places.csv``) or one recognised in a name but absent from it.

    ``key`` is unique and used in IRIs: the name, prefixed by its parent below city level
    (``广州市越秀区``) because district names repeat across China.
    """

    name: str
    short: str
    level: str
    parent: str
    en: str | None
    adj: str
    keys: tuple[str, ...] = ()
    known: bool = True

    @property
    def key(self) -> str:
        """Unique name of the place: ``威海市``; ``广州市越秀区`` at county level."""
        return self.parent + self.name if self.level == "county" and self.parent else self.name


@dataclass(frozen=True)
class Prefix:
    """A level prefix (``市``, ``市委``) or place-name suffix, its level and English adjective."""

    text: str
    kind: str
    level: str
    en: str


@dataclass(frozen=True)
class Pattern:
    """A collective (``collectives.csv``) or branch (``branches.csv``) regular expression.

    ``level`` (collectives): a level, ``doc``, ``below`` (one level under the document's) or
    ``prefix`` (from the ``lv`` group). ``zh`` (branches): canonical Chinese name template.
    """

    id: str
    regex: re.Pattern[str]
    type: str
    en: str
    level: str = ""
    zh: str = ""


@dataclass
class Registry:
    """All registry data, indexed for dictionary lookups (see module docstring)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    core_index: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    place_prefixes: list[tuple[str, Place]] = field(default_factory=list)
    place_keys: dict[str, Place] = field(default_factory=dict)
    prefixes: list[Prefix] = field(default_factory=list)
    suffixes: list[Prefix] = field(default_factory=list)
    bodies: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    collectives: list[Pattern] = field(default_factory=list)
    branches: list[Pattern] = field(default_factory=list)
    generic_bodies: list[tuple[str, str, str]] = field(default_factory=list)
    quantifiers: list[tuple[str, str]] = field(default_factory=list)

    def forms(self, entry: Entry, level: str) -> list[str]:
        """Return every core name of ``entry`` at ``level``, canonical first (may be empty)."""
        out = list(entry.level_names(level))
        if level in entry.levels:
            bodies = entry.bodies.get(level) or ("",)
            for body in bodies:
                longs = self.bodies.get(body, ((), ""))[0]
                for stem in entry.stems:
                    out.append(stem + body)
                    out.extend(stem + long for long in longs)
            for body in bodies:
                if not body.endswith(_LONG_BODIES):
                    out.extend(abbr + body for abbr in entry.abbrevs)
        return list(dict.fromkeys(f for f in out if f or entry.prefix == ("party",)))

    def place(self, key: str) -> Place | None:
        """Return the gazetteer place with this key or name (``威海市``), or None."""
        return self.places.get(key)

    def ancestors(self, place: Place) -> Iterator[Place]:
        """Yield ``place`` and then its parents up to 中国."""
        seen: set[str] = set()
        current: Place | None = place
        while current is not None and current.key not in seen:
            seen.add(current.key)
            yield current
            current = self.places.get(current.parent) if current.parent else None


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def _pairs(cell: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in (cell or "").split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ontology").joinpath("units", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _entry(row: dict[str, str], source: str) -> Entry:
    stems = _split(row["stem"]) + _split(row["variants"])
    return Entry(
        id=row["id"],
        type=row["type"],
        prefix=_split(row["prefix"]) or ("plain",),
        levels=frozenset(_split(row["levels"])),
        stems=stems or ("",),
        abbrevs=_split(row["abbrevs"]),
        bodies={lv: _split(row[f"body_{lv}"]) for lv in LEVELS if _split(row[f"body_{lv}"])},
        names={lv: _split(v) for lv, v in _pairs(row["names"]).items()},
        en=row["en"],
        en_names=_pairs(row["en_names"]),
        note=row.get("note") or "",
        source=source,
    )


def _index(reg: Registry) -> None:
    index: dict[str, dict[str, set[str]]] = {}
    for entry in reg.entries.values():
        for level in LEVELS:
            for form in reg.forms(entry, level):
                index.setdefault(form, {}).setdefault(entry.id, set()).add(level)
    reg.core_index = {k: {e: frozenset(v) for e, v in d.items()} for k, d in index.items()}


def _load_places(reg: Registry) -> None:
    for row in _rows("places.csv"):
        place = Place(row["name"], row["short"], row["level"], row["parent"], row["en"] or None,
                      row["adj"], _split(row["keys"]))
        reg.places[place.key] = place
        reg.places.setdefault(place.name, place)
        for key in place.keys:
            reg.place_keys[key] = place
        for text in {place.name, place.short} - {""}:
            reg.place_prefixes.append((text, place))
    reg.place_prefixes.sort(key=lambda tp: -len(tp[0]))


def _load_patterns(reg: Registry) -> None:
    for row in _rows("collectives.csv"):
        reg.collectives.append(Pattern(row["id"], re.compile(row["pattern"]), row["type"], row["en"],
                                       level=row["level"]))
    for row in _rows("branches.csv"):
        reg.branches.append(Pattern(row["id"], re.compile(row["pattern"]), row["type"], row["en"],
                                    zh=row["zh"]))
    reg.generic_bodies = sorted(((r["suffix"], r["type"], r["en"]) for r in _rows("generic_bodies.csv")),
                                key=lambda t: -len(t[0]))
    reg.quantifiers = sorted(((r["zh"], r["en"]) for r in _rows("quantifiers.csv")), key=lambda t: -len(t[0]))


@cache
def load_registry() -> Registry:
    """Load and index every file of ``ontology/units/`` (cached; the result must not be mutated).

    Raises:
        KeyError / ValueError: a malformed CSV file (a packaging error, not a user error).
    """
    reg = Registry()
    for row in _rows("bodies.csv"):
        reg.bodies[row["body"]] = (_split(row["long_forms"]), row["en"])
    for row in _rows("levels.csv"):
        prefix = Prefix(row["text"], row["kind"], row["level"], row["en"])
        (reg.suffixes if row["kind"] == "place_suffix" else reg.prefixes).append(prefix)
    reg.prefixes.sort(key=lambda p: -len(p.text))
    reg.suffixes.sort(key=lambda p: -len(p.text))
    for name in REGISTRY_FILES:
        for row in _rows(name):
            entry = _entry(row, name)
            if entry.id in reg.entries:
                raise ValueError(f"ontology/units/{name}: duplicate registry id {entry.id!r}")
            reg.entries[entry.id] = entry
    _index(reg)
    _load_places(reg)
    _load_patterns(reg)
    return reg
