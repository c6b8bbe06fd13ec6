"""Detect round 2 (issue #5): general forms for misses and false positives seen on heldout7.
Fresh sentences only, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.contact import find_contact_info
from moderation.engine.defaults import parse_exceptions
from moderation.engine.normalize import normalize

HELD = [
    # threats: beating with a result, a call to violence against "the next person",
    # a bare "someone bomb ...", shooting on arrival, the mafia's "shame if ..."
    ("threat", "Next time that linesman shows up I'm gonna beat him to a pulp"),
    ("threat", "The landlord deserves to be dragged out and shot"),
    ("threat", "I'll knife the next guy who parks in my spot"),
    ("threat", "Somebody please blow up that party office tonight"),
    ("threat", "Shoot her on sight if she comes back to the village"),
    ("threat", "Lovely shop you run. It'd be a shame if anything happened to it"),
    ("threat", "hope he dies... no, I hope he die in a ditch"),
    ("threat", "그 심판 차에 치여 죽어라"),
    ("threat", "저 정치인 벼락이라도 맞아라"),
    # sexual: about a named person's body; undressing a presenter; married-women hookups
    ("sexual", "Can't stop thinking about her curves since the red carpet"),
    ("sexual", "Camera guy, zoom in on her cleavage next time"),
    ("sexual", "That lifeguard can pat me down anytime"),
    ("sexual", "Weather girls should present the weather in lingerie"),
    ("sexual", "돌싱 즉석만남 오늘 밤 가능"),
    # spam: follow-back and profile plugs, in both languages
    ("spam", "Love this! sub4sub anyone? I always return"),
    ("spam", "Nice photos! check out my profile for more"),
    ("spam", "맞팔 환영합니다 먼저 하시면 바로 해드려요"),
    # hate: nationality + people noun with a worthless/criminal predicate
    ("hate", "Chinese tourists are garbage, ban them from Jeju"),
    ("hate", "every muslim is a criminal waiting to happen"),
]


@pytest.mark.parametrize("code,text", HELD)
def test_new_families_hold(screen, code, text):
    res = screen(text)
    assert res.action != PUBLISH, res.hits
    assert code in res.codes


def test_a_digit_stuck_to_a_spaced_hangul_syllable_is_padding(screen):
    assert normalize("개3 새 끼").terms.text == "개새끼"
    res = screen("병5 신 같은 정책")
    assert res.action != PUBLISH and "offensive" in res.codes or "insult" in res.codes
    # digits *before* a syllable are counts and stay apart
    assert normalize("3층 5호").terms.text == "3층 5호"


CONTACT = [
    ("phone", "ring me on zero one zero, five five one two, eight three oh six"),
    ("phone", "010 four four nine one 2 2 7 3 after lunch"),
    ("plate", "the Porsche with licence plate 123허 4567 keeps blocking the exit"),
    ("plate", "차량 번호 45다 6789 흰색 모닝 매일 아침 여기 주차"),
    ("address", "걔 자택 대구 수성구 범어동 ○○아파트래요"),
]


@pytest.mark.parametrize("kind,text", CONTACT)
def test_contact_forms_without_digits_in_a_row(kind, text):
    kinds = [f.kind for f in find_contact_info(normalize(text))]
    assert kind in kinds, kinds


CLEAN = [
    # filming is shooting; belts are tightened; villages have rude names
    "The studio is going to shoot a documentary in Jeonju next month",
    "They're gonna shoot another season in Busan",
    "허리띠를 졸라매도 모자랄 판에 예산을 늘리다니",
    "서민들은 허리띠 졸라맸는데 공기업은 성과급 잔치",
    "Our coach stopped at Twatt on the way to the ferry",
    "The siege of Bitche lasted months in 1870",
    # news talk that shares words with the new families
    "A man dies in a fire in an Incheon apartment, police say",
    "Police said the suspect beat him to death in 2019",
    "The home team should be beaten easily on Saturday",
    "Kill all of those weeds before spring, the gardener said",
    "Japanese tourists are back in Myeongdong this autumn",
    "North Korean defectors told the committee about the camps",
    "Migrant workers are not criminals, the report says",
    "Call the hotline on one three nine eight",  # not a mobile number
    "부산 해운대구 우동 일대 정전 복구",  # a place, no address cue
    "집회 신고는 서울 종로구 세종로 일대로 접수됐다",
    "12억 3456만 원 규모 예산",  # not a plate
    "구독자 100만 축하드려요",
]


@pytest.mark.parametrize("text", CLEAN)
def test_new_families_leave_news_talk_alone(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


def test_exception_lines_accept_phrase_families():
    exc = parse_exceptions("shoot = going to, gonna | shoot | a film, a movie\nx = a, b\n")
    assert exc["shoot"] == [
        "going to shoot a film",
        "going to shoot a movie",
        "gonna shoot a film",
        "gonna shoot a movie",
    ]
    assert exc["x"] == ["a", "b"]
