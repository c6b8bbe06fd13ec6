"""The initial-consonant form catches what readers type in jamo (ㅅㅂ, ㅅ발, 씨ㅂ), and
nothing typed in full syllables next to laughter (보셨나요ㅋㅋ is not ㅂㅅㄴㅇ, 병신년아)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "애기가 강아지 보고 웃는 영상 보셨나요ㅋㅋ",
        "어제 경기 보셨어요ㅎㅎ 대박",
        "시상식 보신분ㅋㅋㅋ",
        "방송 보세요ㅠㅠ 너무 슬퍼요",
        "부산 사시나요ㅋㅋ 저도요",
    ],
)
def test_full_syllables_beside_laughter_are_not_read_as_initials(screen, text):
    result = screen(text)
    assert result.action == "publish", [(h.term, h.matched) for h in result.hits]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ㅂㅅ아", "insult"),
        ("ㅅㅂㅋㅋ 뭐하냐", "offensive"),
        ("씨ㅂ 진짜 짜증나", "offensive"),
        ("ㅅ발 뭐야 이거", "offensive"),
        ("병ㅅ같은 소리ㅋㅋ", "insult"),
    ],
)
def test_jamo_typed_by_the_reader_still_count(screen, text, code):
    result = screen(text)
    assert result.action != "publish"
    assert code in {h.code for h in result.hits}
