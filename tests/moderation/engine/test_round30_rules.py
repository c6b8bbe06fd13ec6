"""Round 30 (after heldout74-81 were measured): birds, fish, tools and boats by their
names, young animals, a tariff, 시발 as a start, fish heads, words reported as slurs, and a
plain-digit number after an order cue that the Hangul-number reader took for a phone.
Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "Coal tits and great tits at the feeder all morning",
        "Saw a blue-footed booby on the Galapagos trip, unreal colour",
        "Masked boobies nest on that island every spring",
        "A bastard file takes off metal faster than a smooth one",
        "The museum has a proper bastard sword from the 15th century",
        "Galway hookers raced in the bay last weekend",
        "새끼 고등어는 잡으면 다시 놔줘야 합니다",
        "돌고래 새끼 한 마리가 어미 곁을 떠나지 않았대요",
        "계시별 요금제가 도입되면 밤에 세탁기 돌려야겠네",
        "논란의 시발은 결국 공지 하나였어요",
        "명태 대가리로 육수 내면 시원해요",
        "어르신들을 틀딱이라고 비하하는 건 선 넘었죠",
        "외국인한테 짱깨라고 소리치는 영상 보고 화났어요",
        "The kennel keeps three breeding bitches and one stud",
        "An idiot-proof checklist saves lives in hospitals",
        "The cock crows at five every morning on my uncle's farm",
        "병신년 그해 겨울이 유난히 추웠죠",
        "주문번호가 010-3312-8890 처럼 생겨서 헷갈렸어요",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, code",
    [
        ("nice tits on the weather girl", "sexual"),
        ("show me your boobies", "sexual"),
        ("the referee is a bastard", "offensive"),
        ("저 새끼들 또 난리네", "offensive"),
        ("이 틀딱아 좀 조용히 해", "insult"),
        ("짱깨들 다 나가라", "hate"),
        ("you idiot, read the article", "insult"),
        ("제 번호는 공일공 일이삼사 오육칠팔 이에요", "personal_info"),
        ("연락처 010-3312-8890 이에요", "personal_info"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits
