"""Round 33 (after heldout90-93 were measured): the first train of the day, a year glossed
in hanja, typhoid's old name, wild animals' young, a plant and a rugby position by their
names, a gym's prepayments taken and run, identity checks complained about, and slurs
listed to object to them. Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "부산 가는 시발 열차는 늘 한산해서 좋아요",
        "병신년(丙申年)은 원숭이 해라고 배웠어요",
        "조선 시대엔 염병이 돌면 마을을 비웠다고 하네요",
        "지리산에서 새끼 곰 두 마리가 어미랑 같이 찍혔대요",
        "Bastard balm grows wild along the old quarry path",
        "Our rugby club's hooker does the scrum coaching for the kids",
        "필라테스 학원 선결제 먹튀 폐업 또 터졌네요",
        "해외 카드로는 본인 인증 제도 때문에 예매가 안 돼요",
        "'한남'이니 '김치녀'니 하는 말로 서로 싸우는 거 지겹다",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, code",
    [
        ("시발 열차 놓쳤네 씨발", "offensive"),
        ("염병하고 자빠졌네", "offensive"),
        ("이 곰 같은 새끼야", "offensive"),
        ("먹튀 걱정 없는 안전놀이터 가입코드 777", "spam"),
        ("틀딱들은 투표하지 마라", "insult"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits
