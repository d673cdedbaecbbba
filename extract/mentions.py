"""Units named in body text (``报市委组织部、市民政局、市人力资源社会保障局备案``).

A spaCy blank Chinese pipeline (character tokens, nothing downloaded) with an ``entity_ruler``
whose patterns are (1) every unit the document's own clauses name, (2) the gazetteer
``extract/data/unit_gazetteer.txt``, and (3) token patterns for the shape of a unit name: a
place head (市, 省, 区, 县) followed by a few characters and a body word (局, 委, 办, 厅, 部 …),
written in ``extract/data/unit_patterns.json``. spaCy runs only on windows that hold a body word
right after a head-like character run and that pass ``window_gate``, a regex every token-pattern
match satisfies (two cheap tests), so it costs little.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import cache, lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.model import UnitMention

_SENTENCE_END = re.compile("[。;!?\n]")


def _sentence_of(ends: list[int], length: int, pos: int) -> tuple[int, int]:
    """The span of the sentence (run between 。;!? and line breaks) holding ``pos``, given the
    sorted offsets ``ends`` of those characters in a text of ``length`` characters."""
    k = bisect.bisect_left(ends, pos)
    return (ends[k - 1] + 1 if k else 0), (ends[k] if k < len(ends) else length)


def _data(name: str) -> str:
    return resources.files("extract").joinpath("data", name).read_text(encoding="utf-8")


@cache
def _shape_config() -> dict:
    return json.loads(_data("unit_patterns.json"))


@cache
def _base_patterns() -> tuple[tuple[str, ...], tuple[dict, ...]]:
    gazetteer = tuple(line.strip() for line in _data("unit_gazetteer.txt").splitlines()
                      if line.strip() and not line.startswith("#"))
    return gazetteer, tuple(_shape_config()["token_patterns"])


@cache
def _candidate_re() -> re.Pattern:
    return re.compile(_shape_config()["prefilter"])


@cache
def _window_gate() -> re.Pattern:
    """Necessary condition for any token-pattern match (unit_patterns.json ``window_gate``)."""
    return re.compile(_shape_config()["window_gate"])


def build_nlp() -> Language:
    """A blank ``zh`` pipeline whose ``entity_ruler`` labels unit-shaped spans ``UNIT``.

    The token patterns come from ``extract/data/unit_patterns.json``; exact names are matched
    without spaCy (one compiled alternation), so the ruler only sees what no list explains.
    """
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": "UNIT", "pattern": p} for p in _base_patterns()[1]])
    return nlp


@cache
def _default_nlp() -> Language:
    return build_nlp()


@lru_cache(maxsize=64)
def _names_re(names: tuple[str, ...]) -> re.Pattern | None:
    names = tuple(n for n in names if len(n) >= 2)
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)))


@cache
def _gazetteer_re() -> re.Pattern | None:
    return _names_re(_base_patterns()[0])


def _plausible(text: str, start: int, end: int) -> bool:
    """Reject shape matches that are parts of words (城市社区居民委员会, 管理办法, 全市…)."""
    config = _shape_config()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before not in config["reject_before"] and after not in config["reject_after"]


def find_mentions(text: str, known: tuple[str, ...] = (), skip: list[tuple[int, int]] | None = None
                  ) -> list[UnitMention]:
    """Units named in ``text`` outside the spans in ``skip`` (the clauses, already read).

    Args:
        text: the original document text.
        known: unit names from the document's clauses, matched exactly.
        skip: ``[(start, end)]`` spans of ``text`` not to search.
    Returns:
        ``UnitMention`` records with role ``"mentioned"`` and spans into ``text``, in order.
    """
    exact = [r for r in (_names_re(known), _gazetteer_re()) if r is not None]
    prefilter = _candidate_re()
    found: dict[int, tuple[int, int]] = {}
    windows: list[tuple[int, int]] = []
    skip = sorted(skip or [])
    first = 0  # sentences come in order: skip spans ending before one never matter again
    # only sentences holding a unit-shaped candidate are read (one regex pass over the text)
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    for s0, s1 in sorted({_sentence_of(ends, len(text), cand.start()) for cand in prefilter.finditer(text)}):
        while first < len(skip) and skip[first][1] <= s0:
            first += 1
        local_skip = []
        for a, b in skip[first:]:
            if a >= s1:
                break
            local_skip.append((a, b))
        if _inside(local_skip, s0, s1):
            continue
        covered: list[tuple[int, int]] = []
        for pattern in exact:
            for m in pattern.finditer(text, s0, s1):
                if not _overlaps(covered, *m.span()):
                    covered.append(m.span())
        for cand in prefilter.finditer(text, s0, s1):
            if not _overlaps(covered, *cand.span()) and _plausible(text, *cand.span()):
                # the ruler reads a window around the candidate: a name is at most ~16 characters;
                # a window no token pattern could match is not worth spaCy's time
                window = (cand.start(), min(s1, cand.start() + 16))
                if _window_gate().search(text, *window):
                    windows.append(window)
        found.update({a: (a, b) for a, b in covered if not _overlaps(local_skip, a, b)})
    for a, b in _shape_spans(text, windows):
        if not _overlaps(list(found.values()), a, b) and not _overlaps(skip, a, b):
            found[a] = (a, b)
    return [UnitMention(text[a:b], "mentioned", a, b) for a, b in (found[k] for k in sorted(found))]


def _shape_spans(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's entity ruler over all ``windows`` of ``text`` at once (one Doc, windows joined by a
    line break no pattern crosses): unit-shaped spans that pass the context test."""
    if not windows:
        return []
    nlp = _default_nlp()
    chars: list[str] = []
    origin: list[int] = []  # text offset of each character of the joined windows
    for a, b in windows:
        chars.extend(text[a:b])
        origin.extend(range(a, b))
        chars.append("\n")
        origin.append(-1)
    doc = nlp.get_pipe("entity_ruler")(Doc(nlp.vocab, words=chars, spaces=[False] * len(chars)))
    spans = set()
    for ent in doc.ents:
        start, end = origin[ent.start], origin[ent.end - 1] + 1
        if start >= 0 and end - start == ent.end - ent.start and _plausible(text, start, end):
            spans.add((start, end))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)
