"""Round 11, after reading heldout22's and heldout23's misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH

from .conftest import kinds


@pytest.mark.parametrize(
    "text",
    [
        "싸움 건 애 광주 운암중 1학년 6반 배지훈이래 걔가 때렸음",
        "왕따 주동자 강서초 5학년 1반 임하윤",
        "The girl who posted it is Park Seo-ah, Mokdong High School, class 3-7",
        "his boy goes to Jamsil Middle School, grade 2, name is Choi Yu-jin",
    ],
)
def test_a_pupil_named_with_school_and_class_in_a_story_of_wrongdoing_is_exposure(text):
    assert "exposure" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "우리 딸 3학년 2반인데 담임 선생님이 정말 좋으세요",
        "2학년 4반 학생이 전국대회에서 상을 받았대요",
        "Class 2-3 at the middle school won the science fair, the principal said",
        "Kim Min-ji of Daeil High School, class 3-1, won the national essay prize",
        "3학년 2반 정하린 학생이 전국 수학 경시대회 대상을 받았어요",
    ],
)
def test_a_class_without_a_pupils_name_or_a_story_of_wrongdoing_is_not(text):
    assert "exposure" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "the truck that hit the cyclist was 78 Beo 2210, registered to a delivery guy in Guri",
        "plate 245 Ho 9921, the driver lives in Mapo",
    ],
)
def test_a_romanised_plate_with_a_plate_cue(text):
    assert "plate" in kinds(text)


def test_numbers_in_prose_are_not_plates():
    assert "plate" not in kinds("Season 12 had 38 goals and 4172 fans, plate of kimchi")


@pytest.mark.parametrize(
    "text",
    [
        "For tours call the palace's main line, 02-3700-3900",
        "시청 대표번호 02-120-1234 로 문의하면 됩니다",
    ],
)
def test_an_institutions_public_landline_is_not_personal(text):
    assert "phone" not in kinds(text)


def test_a_mobile_called_a_public_line_is_still_a_phone():
    assert "phone" in kinds("공식 대표번호 010-4411-2233 으로 연락")


@pytest.mark.parametrize(
    "text, code",
    [
        ("집에서 휴대폰으로 하는 부업, 구독만 눌러도 하루 3만원", "spam"),
        ("두 달 만에 감량보장 다이어트 한약, 상담신청 받습니다", "spam"),
        ("뮤지컬 VIP석 양도 디엠 주세요 입금 확인 후 발송", "spam"),
        ("Get paid to like posts on Instagram, 50 dollars a day, DM me", "spam"),
        ("Drop 20 pounds in 30 days with our herbal drops, link below", "spam"),
        ("화보 가슴골 보려고 기사 클릭함 ㅋㅋ", "sexual"),
        ("that gymnast is so fit, would love to touch her body", "sexual"),
        ("동네 헬스장 트레이너 엉덩이 만지고 싶다", "sexual"),
        ("Those people are dog-eaters, they can't be civilised", "hate"),
        ("배신한 놈 내가 기필코 찾아낸다", "threat"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "유니섹스 운동화가 요즘 유행이라네",
        "섹스리스 부부가 늘었다는 조사 결과가 나왔다",
        "A Shitamachi food tour was the highlight of our Tokyo trip",
        "원정팀 각오해라 ㅋㅋ 오늘 우리 홈경기다",
        "Tickets are sold only on letskorail.com and the SRT site srail.kr",
        "I'd like to touch on the pension debate in the second half of the column",
        "잃어버린 강아지 꼭 찾길 바랍니다",
    ],
)
def test_the_clean_forms_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
