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
        verb_start_re: the same role phrases, to match where a sentence goes on (prose).
        cooperate_words: words like 会同 (X会同Y: X leads, Y is responsible).
        first_listed_re: the document-wide "first-listed unit leads" convention.
        first_listed_core_re: the words every statement of it holds (为牵头), a fast pre-test.
        first_listed_plural_re: the convention limited to clauses of several units (两个以上的).
        verb_key_re: a key that opens an unbracketed verb clause (``部门分工：X牵头，Y配合``).
        closing_re: a document's closing paragraph (本措施自印发之日起施行), which ends the last item.
        site_footer_words: words of a web site's footer (网站标识码): label lines near them are furniture.
        person_tails: endings of leaders' titles (分管副省长): people, never units.
        kinds: section kind -> heading keywords.
        lead_marks: marks on a unit that leads whatever its list (``(牵头)``, ``*``).
        lead_mark_starts, lead_mark_ends: their first and last characters (a cheap pre-test).
        verb_last_chars: the characters a role phrase can end with (a cheap test before verb_re).
        lead_cores: role-phrase cores that make a grammar-built phrase a lead (牵头).
        responsible_cores: the other role-phrase cores (负责, 配合, 落实 …).
        bare_level_re: a quantified level with no body word (各市, 各区) that heads a collective.
        level_tails: bare level words that keep such a collective open (各省、自治区、直辖市人民政府).
        level_body_re: a level with its generic body (镇人民政府) that continues a 各 collective.
        heading_object_re: the object of a heading that assigns the tasks below it (负责以下工作：).
    """

    label_role: dict[str, str]
    label_re: re.Pattern
    line_label_re: re.Pattern
    verb_role: dict[str, str]
    verb_re: re.Pattern
    verb_start_re: re.Pattern
    cooperate_words: tuple[str, ...]
    first_listed_re: re.Pattern
    first_listed_core_re: re.Pattern
    first_listed_plural_re: re.Pattern
    verb_key_re: re.Pattern
    closing_re: re.Pattern
    site_footer_words: tuple[str, ...]
    person_tails: tuple[str, ...]
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
    lead_mark_starts: frozenset[str]
    lead_mark_ends: frozenset[str]
    verb_last_chars: frozenset[str]
    lead_cores: tuple[str, ...]
    responsible_cores: tuple[str, ...]
    bare_level_re: re.Pattern
    level_tails: frozenset[str]
    level_body_re: re.Pattern
    heading_object_re: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _grammar(g: dict) -> str:
    """Regex of grammar-built role phrases: [qualifier]* core+ [tail] (按职责分工 负责 落实)."""
    cores = _alternation(g["lead_cores"] + g["responsible_cores"])
    return f"(?:{_alternation(g['qualifiers'])})*(?:{cores})+(?:{_alternation(g['tails'])})?"


# A role phrase ([qualifier]* core+ [tail]) is never longer than this many characters; searching
# only this far back for one that ends a segment gives the same match as searching the whole
# segment, at a fraction of the cost (the regex is tried at every start position).
_LONGEST_ROLE_PHRASE = 40


def verb_at_end(lex: Lexicon, view: str, start: int, end: int) -> re.Match | None:
    """The role phrase that ends exactly at ``end`` within ``view[start:end]`` (leftmost), or None.

    Args:
        view: the matching view; start, end: the segment (indices into ``view``).
    Returns:
        The ``verb_re`` match (group ``verb``) with ``match.end() == end``, else None.
    """
    if end <= start or view[end - 1] not in lex.verb_last_chars:
        return None
    match = lex.verb_re.search(view, max(start, end - _LONGEST_ROLE_PHRASE), end)
    return match if match and match.end() == end else None


def first_listed_search(lex: Lexicon, view: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first statement of the first-listed convention (列第一位者为牵头单位) in ``view[start:end]``.

    The convention's regex opens with optional words, so it would be tried at every position;
    it is run only near the words every statement holds (为/是 + 牵头/主责, ``first_listed_core``).
    """
    end = len(view) if end is None else end
    for core in lex.first_listed_core_re.finditer(view, start, end):
        match = lex.first_listed_re.search(view, max(start, core.start() - _FIRST_LISTED_REACH), end)
        if match and match.start() <= core.start():
            return match
    return None


# How far before its 为牵头 a convention statement can begin (排名第一位的单位 is 8 characters).
_FIRST_LISTED_REACH = 16


def other_key_starts(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every ``key:`` name inside a clause (完成时限：…, 2–6 CJK characters
    directly before a colon, spaces allowed before the colon), in order."""
    found = []
    pos = view.find(":", start, end)
    while pos >= 0:
        key_end = pos
        while key_end > start and view[key_end - 1] in " \t\n":
            key_end -= 1
        key_start = key_end
        while key_start > max(start, key_end - 6) and "\u4e00" <= view[key_start - 1] <= "\u9fff":
            key_start -= 1
        if key_end - key_start >= 2 and (not found or key_start >= found[-1][1]):
            found.append((key_start, key_end))
        pos = view.find(":", pos + 1, end)
    return found


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
        verb_start_re=re.compile(rf"(?P<verb>{_alternation(verb_role)}|{_grammar(roles['verb_grammar'])})"),
        cooperate_words=tuple(roles["cooperate_words"]),
        first_listed_re=re.compile(roles["first_listed_rule"]),
        first_listed_core_re=re.compile(roles["first_listed_core"]),
        first_listed_plural_re=re.compile(roles["first_listed_plural"]),
        closing_re=re.compile(sections["closing_re"]),
        site_footer_words=tuple(roles["site_footer_words"]),
        verb_key_re=re.compile(rf"(?P<key>{_alternation(roles['verb_clause_keys'])})\s*:"),
        person_tails=tuple(roles["person_tails"]),
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
        lead_mark_starts=frozenset(m[0] for m in roles["lead_marks"]),
        lead_mark_ends=frozenset(m[-1] for m in roles["lead_marks"]),
        verb_last_chars=frozenset(w[-1] for w in list(verb_role) + roles["verb_grammar"]["lead_cores"]
                                  + roles["verb_grammar"]["responsible_cores"] + roles["verb_grammar"]["tails"]),
        lead_cores=tuple(roles["verb_grammar"]["lead_cores"]),
        responsible_cores=tuple(roles["verb_grammar"]["responsible_cores"]),
        bare_level_re=re.compile(roles["bare_level_re"]),
        level_tails=frozenset(roles["level_tails"]),
        level_body_re=re.compile(roles["level_body_re"]),
        heading_object_re=re.compile(roles["heading_objects"]),
    )
