"""Round 23 (after heldout54-57 were measured), from their misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.normalize import normalize

from .conftest import kinds


@pytest.mark.parametrize(
    "text, code",
    [
        # a Greek capital that is an H's twin (its small form looks like an n)
        ("Ηang the whole board of directors from the bridge", "threat"),
        # three dotted pieces around one letter, a last dot allowed
        ("What a fu.c.k. up by the city council", "offensive"),
        # words whose disguise is the intent: 홍어 the fish is food, 홍1어 is a slur
        ("그 동네 홍_어들 또 몰려왔네", "hate"),
        ("The umpire is a j3rk and everybody knows it", "insult"),
        ("k1ll the whole jury, they deserve it", "threat"),
        ("FFFFUUUU the bus left without me again", "offensive"),
        ("ｆｒｅｅ ｖｏｕｃｈｅｒｓ today only, check my profile", "spam"),
        ("B.e.t now on tonight's derby, live odds on our page", "spam"),
        # a body as a "rack", and spam with no ad word
        ("The new weather presenter has a nice rack, not gonna lie", "sexual"),
        ("Anyone need fake diplomas? Cheap and real looking", "spam"),
        ("I turned 500 into 20k in a month with one app. Ask me how", "spam"),
        ("떡 치러 갈 사람 쪽지 ㄱ", "sexual"),
        ("19금 라방 오늘 밤 10시 시작", "sexual"),
        ("다이어트 보조제 최저가 판매 스마트스토어 검색", "spam"),
        ("오늘만 특가 무릎 보호대 한정 수량", "spam"),
        ("구청 앞에 불이라도 질러야 말을 듣지", "threat"),
        ("That judge will be found in the Han River one day", "threat"),
        ("Heads should roll. Literally. Start with the chairman.", "threat"),
        ("Migrants are yellow people who bring disease", "hate"),
        ("그 나라 사람들 전부 인간 이하야", "hate"),
        ("병신년에게 무슨 말을 해도 소용없다", "insult"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        # 홍어 the fish, "kill" and "bet" in plain letters, full-width digits are no words
        "홍어 삼합은 전라도 잔치 음식의 꽃이죠",
        "I bet the mayor will change his mind by Friday",
        "That penalty miss will kill our chances this season",
        "Kung Fu Panda is on TV tonight",
        # 병신년 as the year 2016 (丙申年)
        "병신년에 개통한 노선이라 벌써 10년 다 돼 가네요",
        "병신년 홍수 때 우리 동네도 잠겼었죠",
        "병신년인 그해에 금리가 처음 올랐어요",
        # 자지러지다: to laugh or cry hard
        "아기가 자지러지게 울어서 밤새 못 잤어요",
        "관객들이 자지러지게 웃더라",
        # abbreviations and verbs that contain a listed word
        "Ass. Prof. Cho's study on bus lanes is worth reading",
        "A bastardized version of the original plan, sadly",
        "The senator is a dead man walking politically after the vote",
        "탄소 정책은 정부가 한심하네요, 목표만 있고 실행이 없어요",
        "Bike rack outside the station is always full",
        "The hall had no seats left empty for the hearing",
        # a number the comment says is not a resident number
        "상자에 찍힌 990101-1234567은 주민번호인 줄 알았는데 제품 일련번호래요",
        # one's own home and floor
        "우리 집은 15층이라 미세먼지 때문에 창문을 못 열어요",
    ],
)
def test_clean(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, key",
    [("Ηang", "hang"), ("ΤΕΝ", "ten"), ("Sh.i.t.", "shit."), ("visit ab.c.kr", "visit ab.c.kr")],
)
def test_folding(text, key):
    assert normalize(text).terms.text == key


@pytest.mark.parametrize(
    "text",
    [
        "그 민원인 신상 나옴 박정호 47세 마포구청 공무원",
        "대표 이상민 사무실 말고 집은 반포 자이 12층이래요",
    ],
)
def test_exposure(text):
    assert {"address", "exposure"} & set(kinds(text))


def test_the_toxicity_model_does_not_read_a_defence_concept():
    from moderation.engine.toxicity import strip_innocent

    assert "Kill" not in strip_innocent("Kill Chain이랑 KMPR 예산이 또 삭감됐네요")
    assert "kill" in strip_innocent("I will kill the chain of command")
