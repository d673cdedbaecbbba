"""The word lists of the extractor, loaded once from ``extract/data/*.json``.

Label words, role verbs, joiners, collective tails and section-kind words are data, so a
researcher can extend them for a new style of directive without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """Compiled word lists.

    Attributes:
        label_role: label word -> role (``lead``, ``responsible``, ``internal_lead``, ...).
        label_re: regex matching any label word followed by a colon (group ``label``).
        line_label_re: a label at a line start followed by spaces instead of a colon.
        verb_role: role phrase -> ``lead``/``responsible``, longest first in ``verb_re``.
        verb_re: regex matching a role phrase at the end of a segment.
        cooperate_words: words like 会同 (X会同Y: X leads, Y is responsible).
        first_listed_re: the document-wide "first-listed unit leads" convention.
        kinds: section kind -> heading keywords.
        lead_marks: marks on a unit that leads whatever its list (``(牵头)``, ``*``).
        verb_last_chars: the characters a role phrase can end with (a cheap test before verb_re).
        lead_cores: role-phrase cores that make a grammar-built phrase a lead (牵头).
        other_key_re: any ``key:`` inside a clause (完成时限：…) that ends a unit list.
        bare_level_re: a quantified level with no body word (各市, 各区) that heads a collective.
        level_tails: bare level words that keep such a collective open (各省、自治区、直辖市人民政府).
    """

    label_role: dict[str, str]
    label_re: re.Pattern
    line_label_re: re.Pattern
    verb_role: dict[str, str]
    verb_re: re.Pattern
    cooperate_words: tuple[str, ...]
    first_listed_re: re.Pattern
    separators: str
    joiners_always: tuple[str, ...]
    joiners_when_unit_before: tuple[str, ...]
    joiners_between_units: tuple[str, ...]
    unit_prefixes: tuple[str, ...]
    generic_tails: frozenset[str]
    collective_heads: tuple[str, ...]
    unit_suffix_chars: frozenset[str]
    drop_pieces: frozenset[str]
    kinds: dict[str, tuple[str, ...]]
    lead_marks: tuple[str, ...]
    verb_last_chars: frozenset[str]
    lead_cores: tuple[str, ...]
    other_key_re: re.Pattern
    bare_level_re: re.Pattern
    level_tails: frozenset[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _grammar(g: dict) -> str:
    """Regex of grammar-built role phrases: [qualifier]* core+ [tail] (按职责分工 负责 落实)."""
    cores = _alternation(g["lead_cores"] + g["responsible_cores"])
    return f"(?:{_alternation(g['qualifiers'])})*(?:{cores})+(?:{_alternation(g['tails'])})?"


def role_of_verb(lex: Lexicon, phrase: str) -> str:
    """``lead`` or ``responsible`` for a matched role phrase (exact list first, then its cores)."""
    if phrase in lex.verb_role:
        return lex.verb_role[phrase]
    return "lead" if any(core in phrase for core in lex.lead_cores) else "responsible"


def _load(name: str) -> dict:
    return json.loads(resources.files("extract").joinpath("data", name).read_text(encoding="utf-8"))


@cache
def lexicon() -> Lexicon:
    """Return the process-wide Lexicon built from ``roles.json`` and ``sections.json``."""
    roles = _load("roles.json")
    sections = _load("sections.json")
    label_role = {w: role for role, words in roles["labels"].items() for w in words}
    verb_role = {w: role for role, words in roles["verbs"].items() for w in words}
    return Lexicon(
        label_role=label_role,
        label_re=re.compile(rf"(?P<label>{_alternation(label_role)})\s*(?::|为)"),
        line_label_re=re.compile(rf"(?m)^[ \t]*(?P<label>{_alternation(label_role)})[ \t]+(?=\S)"),
        verb_role=verb_role,
        verb_re=re.compile(rf"(?P<verb>{_alternation(verb_role)}|{_grammar(roles['verb_grammar'])})$"),
        cooperate_words=tuple(roles["cooperate_words"]),
        first_listed_re=re.compile(roles["first_listed_rule"]),
        separators=roles["split_separators"],
        joiners_always=tuple(roles["joiners_always"]),
        joiners_when_unit_before=tuple(roles["joiners_when_unit_before"]),
        joiners_between_units=tuple(roles["joiners_between_units"]),
        unit_prefixes=tuple(roles["unit_prefixes"]),
        generic_tails=frozenset(roles["generic_tails"]),
        collective_heads=tuple(roles["collective_heads"]),
        unit_suffix_chars=frozenset(roles["unit_suffix_chars"]),
        drop_pieces=frozenset(roles["drop_pieces"]),
        kinds={k: tuple(v) for k, v in sections["kinds"].items()},
        lead_marks=tuple(roles["lead_marks"]),
        verb_last_chars=frozenset(w[-1] for w in list(verb_role) + roles["verb_grammar"]["lead_cores"]
                                  + roles["verb_grammar"]["responsible_cores"] + roles["verb_grammar"]["tails"]),
        lead_cores=tuple(roles["verb_grammar"]["lead_cores"]),
        other_key_re=re.compile(roles["other_keys_re"]),
        bare_level_re=re.compile(roles["bare_level_re"]),
        level_tails=frozenset(roles["level_tails"]),
    )
