"""Round 19, after reading heldout42-45's misses and false positives (general forms only;
fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.normalize import normalize

from .conftest import kinds


@pytest.mark.parametrize(
    "text",
    [
        "문자 주세요 o1o . 5 2 7 4 . 8 8 1 6",
        "번호 010 ㅡ 6 6 2 1 ㅡ 3 0 9 4 로 연락",
        "call 0 1 0 - 7 7 2 3 - 1 4 5 8 after six",
    ],
)
def test_a_number_spread_digit_by_digit_between_separators_is_a_phone(text):
    assert "phone" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "경기 결과 2024 . 11 . 30 업데이트",
        "1 . 2 . 3 . 4 단계로 나눠 설명하면",
        # an institution's line, named as one
        "성폭력 피해자 지원센터 02-517-3305 로 전화하세요",
        "The Canadian embassy's number is 02-318-7412, check their site",
    ],
)
def test_dates_steps_and_public_lines_are_not_phones(text):
    assert "phone" not in kinds(text)


def test_a_word_cut_into_dotted_pieces_is_joined():
    assert "masturbating" in normalize("ma.st.ur.bat.ing in class lol").terms.text
    # a host name keeps its dots
    assert "ytn.co.kr" in normalize("see www.ytn.co.kr for it").terms.text
    assert "kbs.co.kr" in normalize("see m.kbs.co.kr for it").terms.text


@pytest.mark.parametrize(
    "text, code",
    [
        ("시8 이게 경기냐", "offensive"),
        ("씨bal 전기요금 또 올랐네", "offensive"),
        ("몸매 보소 ㅗㅜㅑ 기상캐스터", "sexual"),
        ("그 배우랑 한번 자보고 싶다", "sexual"),
        ("I'd rather see the anchor topless than read this", "sexual"),
        ("She slept her way to that committee seat", "sexual"),
        ("출장마사지 전지역 30분 도착", "spam"),
        ("꽁머니 3만 지급 홀덤 사이트", "spam"),
        ("그 의원 집에 염산 뿌려버리고 싶다", "threat"),
        ("방송국 앞에서 야구방망이 들고 기다린다", "threat"),
        ("노인들은 사회의 짐짝이야", "hate"),
        ("Elderly people are a drain on society", "hate"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        # clock times written with 시 and a digit
        "막차가 11시8분에 끊겨요",
        "첫차는 5시 8분 출발",
        # Baccarat the crystal maker
        "결혼 선물로 바카라 와인잔 세트 받았어요",
        # the ballot, not a fist
        "이런 식이면 총선 때 두고 보자는 말밖에 안 나온다",
        # drug history as news
        "Viagra was originally tested as a heart drug, which the piece explains well",
        # a well-wish to everyone
        "눈 많이 온대요 모두 퇴근길 조심하세요",
        # the stadium in Bern
        "Wankdorf hosted the 1954 final",
        # the year's name, glossed
        "병신년 means 1956 or 2016 in the sixty-year cycle",
        # a scam named in quotes to warn readers
        "'고수익 알바'라며 수거책 모집하는 보이스피싱 많아요 속지 마세요",
        # a third party's slur reported, unquoted
        "Flagged the user who called refugees cockroaches. Vile stuff.",
    ],
)
def test_the_clean_forms_are_not_held_by_the_rules(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


def test_a_reported_slur_needs_a_condemnation(screen):
    # the same report, endorsed rather than condemned, stays held
    assert screen("The user who called refugees cockroaches was right").action != PUBLISH
