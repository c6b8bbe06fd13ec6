"""Round 12, after reading heldout24's and heldout25's misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.toxicity import strip_innocent

from .conftest import kinds


@pytest.mark.parametrize(
    "text, code",
    [
        ("That prosecutor will get what's coming, I'll be waiting outside his office", "threat"),
        ("the whole editorial desk deserves a good beating", "threat"),
        ("I have planted a bomb at the station, it goes off at noon", "threat"),
        ("gonna murder everyone at that agency", "threat"),
        ("시청 로비에 폭탄을 설치했다 오후에 보자", "threat"),
        ("너 같은 건 자살이나 하지 왜 사냐", "threat"),
        ("Which of the new anchors is good in bed, honestly", "sexual"),
        ("화보 보고 자지가 섰다 ㅋㅋ", "sexual"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


def test_an_account_with_korean_numerals_inside_is_an_account():
    assert "account" in kinds("토스뱅크 1000-삼칠-554210 박지호 입금 바람")


@pytest.mark.parametrize(
    "text",
    [
        "The district office's address is 25 Dosan-daero, the briefing is at 3",
        "법원 주소는 서초중앙로 157 이라서 지하철이 편해요",
    ],
)
def test_a_public_buildings_address_is_not_personal(text):
    assert "address" not in kinds(text)


def test_someone_living_at_a_public_address_still_counts():
    assert "address" in kinds("That councillor's son lives at 25 Dosan-daero, unit 1203")


@pytest.mark.parametrize(
    "text",
    [
        "Our strikers are going to murder their defence on Saturday",
        "태풍 때문에 전원이 꺼져서 하루 종일 고생했어요",
        "닥쳐오는 고령화에 연금 개혁이 시급합니다",
        "섹스앤더시티 배우들 근황 기사 재밌네요",
        "The messages, which said 'I know where you live', were read out as evidence",
        "The team took a beating in the second half",
    ],
)
def test_the_clean_forms_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


def test_body_words_beside_a_medical_word_are_read_without_them():
    assert "anal" not in strip_innocent("Anal cancer screening is free from 50")
    assert strip_innocent("you anal prick") == "you anal prick"  # no medical word: untouched
