"""Round 5 of the term data, after reading heldout12's and heldout13's misses (general
forms only; fresh sentences, none from a corpus): doxxing by name, place and a call to
act; things that "will kill you"; a band, a plant and crimes in the news; more sexual
verbs, an anti-Muslim slur and Filipina as a group; calls to hang a whole body of
people; asking for channel subscriptions in Korean."""

import pytest

from moderation.engine.base import HOLD, PUBLISH, REJECT
from moderation.engine.contact import find_contact_info
from moderation.engine.normalize import normalize

# --- exposure: a named person + where to find them + a call to go after them -------------

EXPOSURES = [
    "그 교사 부산 해운대중 3학년 2반 담임 이서연임 다들 민원 넣읍시다",
    "김민호 과장 현대건설 본사 안전팀이래 회사에 알려야 정신차림",
    "가해자 이름 박준혁 인천 연수구 송도동 사는 놈임 다들 퍼가",
    "최유진 주임 국민은행 역삼지점 근무함 전화 좀 돌려라",
    "The nurse is Ms. Lee Ha-na, works at the Anam branch, you know what to do",
    "her name is jiwoo, teaches at a hagwon in Mokdong, go tell her what you think",
]


@pytest.mark.parametrize("text", EXPOSURES)
def test_a_named_person_their_place_and_a_call_to_act_is_personal_information(screen, text):
    kinds = [f.kind for f in find_contact_info(normalize(text))]
    assert "exposure" in kinds, kinds
    res = screen(text)
    assert res.action == HOLD and "personal_info" in res.codes, res.hits
    hit = next(h for h in res.hits if h.term == "exposure")
    assert text[hit.span[0] : hit.span[1]] == hit.matched  # the queue can highlight it


@pytest.mark.parametrize(
    "text",
    [
        "교육청에 민원 넣으세요, 3학년 급식 문제 심각합니다",  # a call, no person
        "삼성전자 품질팀 이번 발표 좋았어요",  # a workplace, no call
        "정부는 직장 내 괴롭힘 신고센터에 알려야 한다고 밝혔다",  # news
        "박서준 과장 역할 연기 최고였음, 드라마 꼭 보세요",  # a role in a drama
        "Mr. Kim works at the ministry and explained the policy well",
    ],
)
def test_any_two_of_the_three_are_not(screen, text):
    kinds = [f.kind for f in find_contact_info(normalize(text))]
    assert "exposure" not in kinds, kinds


# --- a thing that "will kill you" ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The new buldak is so spicy it'll kill you, try it",
        "That last hill on the marathon route? that'll kill you every time",
        "Don't skip breakfast, it will kill you slowly lol",
        "This humidity would be bad, it would kill you to walk to work",
    ],
)
def test_it_or_that_will_kill_you_is_an_idiom(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


@pytest.mark.parametrize(
    "text", ["I will kill you if you come near her", "say it again, I'll kill you"]
)
def test_a_person_saying_it_is_still_a_threat(screen, text):
    res = screen(text)
    assert res.action == REJECT and "threat" in res.codes, res.hits


# --- a band, a plant; crimes in the news ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pussy Riot's documentary screens at the Busan film festival",
        "pussy willows are out along the Yangjae stream already",
        "Revenge porn sentences are still far too light in Korea",
        "Police opened 300 deepfake porn cases at universities this year",
    ],
)
def test_names_and_crime_reports_are_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


@pytest.mark.parametrize("text", ["nice pussy pic", "free porn site, click my name"])
def test_the_words_themselves_stay_listed(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "sexual" in res.codes, res.hits


# --- sexual verbs, a slur, a group ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("jerked off to the weather girl again", "sexual"),
        ("he's jerking off in the comments lol", "sexual"),
        ("muzzies ruined Itaewon", "hate"),
        ("M u z z i e s go home", "hate"),
    ],
)
def test_sexual_verbs_and_the_slur_are_refused(screen, text, code):
    res = screen(text)
    assert res.action == REJECT and code in res.codes, res.hits


def test_filipinas_are_a_group_for_the_generalisation_rule(screen):
    res = screen("Filipinas are all gold diggers, every one of them")
    assert res.action == HOLD and "hate" in res.codes, res.hits
    assert screen("Filipina nurses won an award at the hospital").action == PUBLISH


# --- hanging a whole body of people ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hang the entire National Assembly, start with the speaker",
        "lynch every last one of the judges",
        "hang the whole board of directors from the bridge",
    ],
)
def test_a_call_to_hang_a_whole_body_of_people_is_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "threat" in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "We hang the entire exhibition in two days",
        "they hang the whole laundry on the balcony",
        "the whole team will hang out after the game",
    ],
)
def test_hanging_pictures_and_hanging_out_are_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


# --- 구독 부탁 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "캠핑 브이로그 올리는 채널이에요 구독 부탁드립니다 ^^",
        "제 영상 보시고 구독 좋아요 부탁해요",
        "주식 정보 매일 올림 구독 좀 해주세요",
    ],
)
def test_asking_for_subscriptions_is_spam(screen, text):
    res = screen(text)
    assert res.action == HOLD and "spam" in res.codes, res.hits


@pytest.mark.parametrize(
    "text", ["신문 구독 해지했습니다 기사 질이 너무 떨어져서", "넷플릭스 구독료 또 올랐네요"]
)
def test_talking_about_subscriptions_is_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
