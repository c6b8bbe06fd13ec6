"""Detect pass (issue #5): phrase families and groups added for misses seen on heldout6,
written as general forms. Fresh sentences only, none from a corpus."""

import pytest

from moderation.engine.base import HOLD, PUBLISH

HELD = [
    # threats: breaking a named body part, a call to hang
    ("threat", "Show up at the stadium again and we'll smash his kneecaps"),
    ("threat", "That umpire? I'd break her jaw given the chance"),
    ("threat", "Every judge who signed that ruling deserves to hang"),
    ("threat", "Those councillors should be strung up in the square"),
    # insults: "sack of ..." and "has-been" families, also through evasions
    ("insult", "The spokesman is a worthless sack of trash"),
    ("insult", "that lying b a g of garbage in the Blue House"),
    ("insult", "a talentless has-been who should retire"),
    # sexual: "freak in bed" about a person; Korean remarks on a body part's shape
    ("sexual", "bet the new anchor is a freak in the sheets"),
    ("sexual", "치어리더 골반 라인 미쳤다 계속 돌려봄"),
    ("sexual", "저 선수 힙 미쳤네 ㅋㅋ"),
    # hate: age and disability as adjective + people, with a dehumanising predicate
    ("hate", "Elderly voters are leeches on every young worker"),
    ("hate", "handicapped people are freeloaders, cut the budget"),
    ("hate", "노인들 다 세금 도둑이다"),
]


@pytest.mark.parametrize("code,text", HELD)
def test_new_families_hold(screen, code, text):
    res = screen(text)
    assert res.action == HOLD, res.hits
    assert code in res.codes


CLEAN = [
    "That portrait deserves to hang in the National Gallery",
    "We should all hang out after the derby",
    "We must all hang together, or we shall all hang separately",
    "This phone is a useless pile of garbage, returning it",
    "He has been a pathetic shadow of himself since the injury",  # has been, not has-been
    "The striker broke his knee in the second half",
    "Old people living off their savings are struggling with prices",
    "Elderly voters are not leeches, they paid taxes for fifty years",
    "Disabled activists met the minister on Tuesday",
    "엉덩이 부상으로 두 경기 결장한다고 합니다",
    "장애인들 이동권 시위 기사 잘 봤습니다",
    "노인들 무임승차 논쟁은 결국 세금 문제다",
    "가슴이 미어지는 사고 소식입니다",
]


@pytest.mark.parametrize("text", CLEAN)
def test_new_families_leave_news_talk_alone(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits
