"""The general mechanisms added so the engine works on comments it was not built on."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.defaults import expand_line
from moderation.engine.normalize import loose_of, normalize, stretch_key


def _flag(screener, text):
    res = screener.screen(text)
    for h in res.hits:
        if h.span is not None:
            assert text[h.span[0] : h.span[1]] == h.matched
    return res.action != PUBLISH, [h.matched for h in res.hits]


def test_stretched_syllables_fold_back():
    assert stretch_key(normalize("씨이이발").terms).text == "씨발"
    assert stretch_key(normalize("빠알리").terms).text == "빨리"
    assert stretch_key(normalize("아이들").terms) is None  # different vowels: untouched


def test_loose_spelling_is_asymmetric(screener):
    assert loose_of("쥭여") == loose_of("죽어")
    assert _flag(screener, "쥭여버린다")[0]  # a glide added: evasion
    assert not _flag(screener, "꽃이 다 죽어버린다")[0]  # glide removed: another word
    assert not _flag(screener, "마음에 새기다")[0]
    assert not _flag(screener, "살이 찐다")[0]


def test_question_mark_is_a_word_boundary(screener):
    assert _flag(screener, "anyone want to sext?")[0]


def test_dotted_letters_join(screener):
    assert _flag(screener, "k.y.s loser")[0]
    assert not _flag(screener, "The U.S. and the R.O.K. signed it")[0]


@pytest.mark.parametrize(
    "text",
    [
        "My cousin was called a 'chink' at school and nobody did anything",
        "이 기사에서 '짱깨'라는 혐오 표현을 쓴 의원은 사과해야 한다",
        "개새끼라는 욕을 들었다고 신고했다",
    ],
)
def test_reported_mentions_are_not_uses(screener, text):
    assert not _flag(screener, text)[0]


def test_quotes_alone_do_not_excuse(screener):
    assert _flag(screener, "you are a 'chink' and always will be")[0]


def test_group_generalisation_negated_is_counter_speech(screener):
    assert not _flag(screener, "Migrants are not criminals, look at the statistics")[0]
    assert _flag(screener, "Migrants are criminals, look at the statistics")[0]


def test_phrase_families_expand():
    assert expand_line("i will, i'll | kill | you, him") == [
        "i will kill you",
        "i will kill him",
        "i'll kill you",
        "i'll kill him",
    ]
    assert expand_line("plain term") == ["plain term"]


@pytest.mark.parametrize(
    "text",
    [
        "I'm gonna stab him tomorrow",
        "someone should hang them all",
        "that judge deserves to be shot",
        "I'll slit your throat",
        "I hope somebody shoots him",
    ],
)
def test_english_threat_families(screener, text):
    assert _flag(screener, text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "I'll shoot you an email tonight",
        "Retardant was dropped on the fire",
        "The cock crowed at dawn",
    ],
)
def test_innocent_readings(screener, text):
    assert not _flag(screener, text)[0]
