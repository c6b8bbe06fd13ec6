"""Round 26: the ``sexual_remark`` rule (a sexual word and a wish, request or offer close
together). Fresh sentences, none from a corpus; the negatives are the innocent uses the
word list was narrowed for (sex education, nude make-up, 떡 pounding, 자위대, 엉덩이 주사)."""

import pytest

from config.errors import DomainError
from moderation.engine.base import HOLD, PUBLISH
from moderation.engine.defaults import default_text_policy
from moderation.engine.rules.sexual_remark import SexualRemarkRule
from moderation.policy import default_policy_data, policy_validate


@pytest.mark.parametrize(
    "text",
    [
        "I'd pay to watch the new host strip for me after the broadcast",
        "Imagine the weather presenter tied up in my bed, all night",
        "bet she's wild in bed, look at those eyes",
        "Anyone have the clip where she moans? dm me",
        "looking for fwb around Sinchon, discreet",
        "s e x y tour guide in photo 4, I'd book her privately",
        "ｓｅｘｙ cashier at the new outlet, wanna meet her after closing",
        "s3x with you tonight, reply if you're in Mapo",
        "that ass in the parade photo, I'd grab it",
        "저 해설위원 벗은 사진 누구 있음? 올려줘",
        "그 가수 엉덩이 흔드는 거 보고 싶다 밤새",
        "치마 속 보이는 각도로 사진 올려라",
        "s e x 파트너 구해요 대전 20대",
        "요가 강사 허벅지 만지고 싶다",
        "그 모델이랑 떡 치고 싶다 진짜",
    ],
)
def test_sexual_remark_holds(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "sexual" in res.codes, res.hits
    assert any(h.rule == "sexual_remark" for h in res.hits), res.hits


@pytest.mark.parametrize(
    "text",
    [
        "I would love to see sex education taught properly in middle schools",
        "Couples who had sex less often reported lower satisfaction, I'd like the methodology",
        "I'd never have sex on a first date, and I'd say that on any app",
        "I want to see the naked-eye comet tonight if the sky clears",
        "I want that nude lipstick in the second photo, link?",
        "Strip for parts, I'd say, that van is beyond saving",
        "I would rather stay in bed than go to the launch tonight",
        "The fetish for GDP growth has to stop, I'd say",
        "Out of uniform the recruits look like kids, I'd love to see them home safe",
        "떡 치는 체험 해보고 싶다 전통시장 축제에서",
        "젖소 목장 체험 가보고 싶네요",
        "가슴이 답답해서 울고 싶다",
        "엉덩이 주사 맞기 싫은데 궁금하네",
        "자위대 파견 문제 궁금합니다",
        "알몸 상태로 발견된 사건 궁금하네요 범인 잡혔나요",
        "나체 조각상 전시 보러 가고 싶다",
        "사과 껍질 벗겨 먹고 싶다",
        "아이가 받아쓰기 100점 받아 왔어요 자랑하고 싶어서 씁니다",
        "이번 시즌 섹시한 레드 립 사고 싶다",
        "I'd love a naked bike for the city, the torque is silly",
        "That topless roadster at the motor show is gorgeous, I'd buy it tonight",
        "This primer gives a naked skin finish, I want the bigger tube",
        "Her cleavage at the gala was tasteful, I'd say the stylist nailed it",
        "Those booty shorts are back, I want a pair for the festival",
    ],
)
def test_sexual_remark_leaves_innocent_uses(screen, text):
    res = screen(text)
    assert not any(h.rule == "sexual_remark" for h in res.hits), res.hits


def test_each_list_alone_is_not_enough(screen):
    assert screen("Sexy is how the brand describes its perfume").action == PUBLISH
    assert screen("I'd love to see the budget tonight").action == PUBLISH


def test_hit_explains_both_words():
    policy = default_text_policy()
    text = "저 해설위원 벗은 사진 누구 있음? 올려줘"
    (hit,) = SexualRemarkRule(policy).check(text)
    assert hit.action == HOLD and hit.code == "sexual"
    assert hit.term == "벗은 사진 + 올려줘"
    assert text[hit.span[0] : hit.span[1]] == hit.matched == "벗은 사진 누구 있음? 올려줘"


def test_negated_wish_is_not_a_remark():
    policy = default_text_policy()
    assert SexualRemarkRule(policy).check("I would never want to see her naked photos") == []


def test_policy_switches_it_off_and_narrows_the_window():
    policy = default_text_policy()
    policy["sexual_remark_action"] = "off"
    assert SexualRemarkRule(policy).check("I'd pay to watch her strip for me") == []
    policy = default_text_policy()
    policy["sexual_remark_window"] = 5
    text = "I'd pay good money, honestly a lot of money, to watch her strip for me"
    assert SexualRemarkRule(policy).check(text) == []


def test_policy_validates_the_new_fields():
    data = default_policy_data()
    data["sexual_remark_words"] = ["strip for me"]
    data["sexual_remark_cues"] = ["i'd"]
    data["sexual_remark_window"] = 40
    assert policy_validate(data)["sexual_remark_window"] == 40
    data["sexual_remark_window"] = 0
    with pytest.raises(DomainError):
        policy_validate(data)


def test_a_stored_version_without_the_fields_still_validates():
    data = default_policy_data()
    for key in ("sexual_remark_words", "sexual_remark_cues", "sexual_remark_window"):
        del data[key]
    data["rules"] = [r for r in data["rules"] if r != "sexual_remark"]
    cleaned = policy_validate(data)
    assert cleaned["sexual_remark_words"] == [] and "sexual_remark" not in cleaned["rules"]


@pytest.mark.parametrize(
    "text",
    [
        "My wife refuses to have sex with me since the baby, is that normal?",
        "He never wants sex with me but still texts his ex",
        "Half the couples in the survey said one partner doesn't want sex anymore",
        "Another cock-up at the licensing office, the queue system crashed again",
    ],
)
def test_advice_column_complaints_and_idioms_are_published(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


@pytest.mark.parametrize(
    "text",
    ["Come round and have sex with me tonight", "sex with me is free for the first hour lol"],
)
def test_the_offer_itself_is_still_refused(screen, text):
    assert screen(text).action != PUBLISH
