"""Round 17, after reading heldout34-37's misses and false positives (general forms only;
fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.contact import find_contact_info
from moderation.engine.normalize import normalize
from moderation.engine.toxicity import strip_innocent


@pytest.mark.parametrize(
    "text, code",
    [
        ("that anchor got me rock hard tonight", "sexual"),
        ("post the uncensored pics of the singer please", "sexual"),
        ("화보 보고 발기됨 ㅋㅋ", "sexual"),
        ("효과 진짜 좋아요 검색창에 '꿀잠베개' 치세요", "spam"),
        ("상품권 현금화 당일 입금 최고가", "spam"),
        ("I'll murder everyone at that station", "threat"),
        ("그 판사 손봐줄 사람 구해요 사례함", "threat"),
        ("kids like that should've been aborted", "hate"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "rock hard abs in eight weeks, says the trainer",
        "발기부전 치료제 건보 적용 확대 기사 잘 봤어요",
        "창업 발기인 모임이 다음 주에 열린대요",
        "병신년의 겨울은 촛불로 기억된다",
        "In August the humidity will kill you, bring a fan",
        "존 나이팅게일 전기 영화 재밌네요",
        "The 'Bastard' webtoon finale was wild",
        "풍산개새끼들 입양 소식 반가워요",
    ],
)
def test_the_clean_forms_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


def test_an_example_account_number_counting_up_is_not_an_account():
    text = "양식 예시 계좌번호 1234-5678-9012 입니다"
    assert "account" not in [f.kind for f in find_contact_info(normalize(text))]


def test_innocent_compounds_are_read_without_the_rude_part():
    assert "pussy" not in strip_innocent("pussy willows by the stream")
    assert strip_innocent("what a pussy") == "what a pussy"
