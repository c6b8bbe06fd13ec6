"""Round 6 of the term data, after reading heldout14's misses (general forms only; fresh
sentences, none from a corpus): loan-shark and offshore-betting spam, stock-tip rooms,
"shame if something happened", petrol poured on a place, incompetent hacks, a religion
called the devil's; and the clean side: verdicts on bills and policies, the idiom of
pouring fuel on the fire, 병신년 followed by its year."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text, code",
    [
        ("Bad credit okay! no credit check, money in your account today", "spam"),
        ("Guaranteed approval for any loan, message me", "spam"),
        ("1xbet 가입하면 보너스 드림", "spam"),
        ("새 우회주소 나왔습니다 즐거운 베팅 되세요", "spam"),
        ("무료추천종목 매일 드립니다 밴드 들어오세요", "spam"),
        ("무 료 종 목 추 천 해드림", "spam"),
        ("Nice shop you have there. Shame if something happened to it.", "threat"),
        ("Someone should pour petrol on the ministry's front door", "threat"),
        ("douse gasoline over that judge's car and see who laughs", "threat"),
        ("The laziest hack in the newsroom strikes again", "insult"),
        ("incompetent hacks, every one of the editors", "insult"),
        ("Catholics follow a religion of the devil, plain and simple", "hate"),
        ("불교는 악마의 종교라 다 쫓아내야", "hate"),
    ],
)
def test_the_new_forms_are_held(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "The pension reform is a total failure, start over",
        "Honestly the new bus timetable is absolute garbage",
        "Cutting the R&D budget was pouring gasoline on the fire",
        "The sanctions just poured gasoline on the flames in the region",
        "병신년은 2016년이고 올해는 병오년이죠",
        "병신년에 2016 촛불 들었던 기억",
        "Bad credit ratings hit the builder's shares again",
    ],
)
def test_verdicts_on_things_and_idioms_are_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


@pytest.mark.parametrize("text", ["you total failure", "You absolute garbage, read it again"])
def test_the_same_words_at_a_person_are_still_an_insult(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "insult" in res.codes, res.hits
