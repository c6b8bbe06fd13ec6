"""Round 25 (after heldout62-65 were measured), from their misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.toxicity import strip_innocent

from .conftest import kinds


@pytest.mark.parametrize(
    "text, code",
    [
        ("femoids will never understand ranked queues", "hate"),
        ("H0ngeo voters did it again", "hate"),
        ("Those referees should be lined up and shot", "threat"),
        ("I know which hotel the umpire is staying at. Sleep tight.", "threat"),
        ("방송에서 보지 보여주는 거 어디서 봄?", "sexual"),
        ("후원 더 하면 벗어주냐", "sexual"),
        ("첫날밤 후기 사진이랑 같이 올려줘요", "sexual"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Our Jindo was champion bitch at the regional show this spring",
        "Horny goat weed tea is on every stall at the five-day market",
        "하회마을 축제에서 병신춤 공연을 처음 봤어요, 전통 예능이라네요",
        "병신년 대흉년 이야기는 마을 어르신들께 자주 들었어요",
        "불법 리딩방 피해 보면 바로 금감원에 신고하세요",
        "게임 본인인증 강요는 과잉 규제라고 봅니다",
        "hongeo-hoe is an acquired taste, ammonia and all",
        "Historians say the villagers were lined up and shot in 1950",
        "한국거래소 본사 주소는 부산 문현금융로 40이에요",
    ],
)
def test_clean(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


def test_a_door_code_is_personal_information():
    assert "address" in kinds("Her building's gate code is 7781, just walk in")
    assert "address" in kinds("그 집 공동현관 비번 2580 이에요")
    assert "address" not in kinds("Use promo code 2024 at checkout")


def test_the_toxicity_model_does_not_read_breeders_and_farmyards():
    for text in ("Hell yeah, we won", "the rooster's cock-a-doodle-doo", "a champion bitch"):
        assert strip_innocent(text).strip() != text
