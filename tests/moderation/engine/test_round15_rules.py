"""Round 15, after reading heldout28's and heldout29's misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.normalize import normalize


def test_a_drawn_out_mark_inside_a_korean_word_is_dropped():
    assert normalize("병~~~~신").terms.text == "병신"
    assert normalize("서울~~~ 부산").terms.text == "서울~ 부산"  # between words: kept


@pytest.mark.parametrize(
    "text, code",
    [
        ("병~~~~~~신 같은 판정", "insult"),
        ("they want mongrel kids, polluting our bloodline", "hate"),
        ("someone should be putting a bomb inside that courthouse", "threat"),
        ("화보 보고 자지 세우는 중", "sexual"),
        ("셔츠에 꼭지 튀어나온 거 봤냐", "sexual"),
        ("홍어 voter 들이 또 나라 망침", "hate"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "병신년 1944년생 할머니께서 건강하세요",
        "우리 집 강아지가 새끼를 낳았어요 네 마리",
        "My neighbour's shiba had 새끼 last week",
        "He texted 'you're next' to the victim, prosecutors said",
        "헌혈 예약은 bloodinfo.net 이 제일 편해요",
        "수도꼭지 튀어나온 부분 고쳐야겠다",
    ],
)
def test_the_clean_forms_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
