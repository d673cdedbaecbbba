"""Units named in body text, recognised by the spaCy entity ruler and the gazetteer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from extract.mentions import _default_nlp, _window_gate, find_mentions


def test_units_in_a_body_sentence_of_the_seed(seed_directive):
    text = seed_directive.text
    sentence = text.index("报市委组织部")
    near = [m.name for m in seed_directive.mentions if sentence <= m.char_start < sentence + 40]
    assert near == ["市委组织部", "市民政局", "市人力资源社会保障局"]
    for m in seed_directive.mentions:
        assert text[m.char_start:m.char_end] == m.name and m.role == "mentioned"


def test_clauses_are_not_searched_again(seed_directive):
    clauses = [(t.clause_start, t.clause_end) for t in seed_directive.tasks if t.clause]
    assert not any(a <= m.char_start < b for m in seed_directive.mentions for a, b in clauses)


def test_words_that_only_look_like_units_are_left_alone():
    text = "合理调整和设置城市社区居民委员会辖区。制定社区工作者管理办法。全市社区党组织书记参加。"
    assert find_mentions(text) == []


def test_unknown_unit_found_by_its_shape():
    text = "由市营商环境建设局统筹推进。"
    assert [m.name for m in find_mentions(text)] == ["市营商环境建设局"]


_ALPHABET = "市省区县团委部办局厅室中心组织民政发展改革人社财、，的和及会员1 "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=16))
def test_window_gate_accepts_every_window_spacy_could_match(window):
    # the gate only saves time: a window it rejects must be one the token patterns never match
    nlp = _default_nlp()
    doc = nlp.get_pipe("entity_ruler")(Doc(nlp.vocab, words=list(window), spaces=[False] * len(window)))
    if doc.ents:
        assert _window_gate().search(window), [e.text for e in doc.ents]


def test_window_gate_skips_sentences_without_a_body_word():
    assert _window_gate().search("省工业互联网创新发展行动计划") is None
    assert _window_gate().search("省委组织部") is not None
