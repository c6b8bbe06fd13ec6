"""Round 24 (after heldout58-61 were measured), from their misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.toxicity import strip_innocent

from .conftest import kinds


@pytest.mark.parametrize(
    "text, code",
    [
        # knowing where someone lives or goes: a threat without a threat word
        ("We know which parking lot you use, Mr. Park. Drive safe.", "threat"),
        ("I know what time the columnist leaves her office every night", "threat"),
        ("너 어디 사는지 이미 다 알아냈어", "threat"),
        ("니 딸 다니는 학교 알고 있다", "threat"),
        # disguised threat words; a fire wished on a place; beaten, bombed
        ("They ought to sh0ot every last protester", "threat"),
        ("d e a t h to the referees", "threat"),
        ("h.a.n.g the whole committee", "threat"),
        ("Lovely shop. Shame if a fire broke out one night.", "threat"),
        ("That stadium should be bombed before the final", "threat"),
        ("시청 앞에서 한 명씩 패 죽이면 정신 차리겠지", "threat"),
        ("Those migrants are barely human", "hate"),
        ("The new coach is a pompous clown", "insult"),
        ("Extra income, daily payouts, just install the app", "spam"),
        ("앱 깔고 리뷰 쓰고 돈 버세요 하루 3만원", "spam"),
        ("I've got a fantasy about flight attendants, if you know what I mean", "sexual"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "I know where you're coming from, but the numbers say otherwise",
        "We know where the money went: the audit is on page 3",
        "The victim said he got a text reading 'I know where you live' before the attack",
        "주차는 어디 하는지 알아보고 가세요",
        # listed words in innocent use
        "The Bitch Is Back still closes every Elton John tribute show",
        "동물원에서 태어난 판다 새끼들 공개됐대요",
        "He played hooker for the university side for three seasons",
        "Nifedipine retard tablets are cheaper at the hospital pharmacy",
        "예산 삭감은 멍청한 결정이었다고 봅니다",
        "Shoot, I left my umbrella on the bus",
        # numbers that are not personal
        "The sample form shows 900101-1234567, which is a placeholder",
        "The theatre's box office is 02-3700-1234, they open at ten",
    ],
)
def test_clean(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


def test_typed_initials_are_not_cleared_by_an_animal_exception(screen):
    # 곰 새끼 (a bear cub) is excepted; its initials are 개새끼's, which stay an insult
    res = screen("ㄱㅅㄲ 또 헛소리하네")
    assert res.action != PUBLISH, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "연금공단 상담원 박지은 씨 강남지사에서 일해요 가서 따지세요",
        "The man in the clip lives at Mangwon-dong 402-3, top floor",
        "옆자리 직원 여권번호 M1234567 사진 찍어둠",
    ],
)
def test_personal_information(text):
    assert {"exposure", "address", "id_document"} & set(kinds(text))


def test_the_toxicity_model_does_not_read_idioms_and_drug_names():
    assert "chink" not in strip_innocent("a chink in the armour of the bill")
    assert "retard" not in strip_innocent("Nifedipine retard tablets")
