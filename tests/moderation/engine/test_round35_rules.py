"""Round 35 (session 15, before heldout98-101 were read): a gambling word is held only
beside an ad's words (the ``gambling_ad`` pair rule), so a paper can cover casinos and
betting; and a listed tense-consonant pattern (ㅆㄹㄱ) is folded as the text is. Fresh
sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.defaults import default_text_policy
from moderation.engine.rules.gambling_ad import GamblingAdRule


@pytest.mark.parametrize(
    "text",
    [
        # a gambling word in news, policy and everyday talk
        "카지노 앞 도로 확장 공사가 또 미뤄졌네요",
        "토토 당첨 번호가 어제 발표됐다는 기사 잘 봤습니다",
        "The casino's hotel tower finally got its permit",
        "Sports betting adverts during matches should be capped",
        "My uncle lost his shop to poker debts years ago",
        "토토 당첨금 수령하실 분들은 신분증 챙기세요",  # "하실 분" is no ad's word
        "카지노 직원 임금 지급이 늦어졌대요",
        "카지노 관련 새 규제 내용 알려드립니다",
        # an ad reported as news: a raid, an allegation
        "경찰이 카지노 사이트 운영자를 검거했는데 가입 회원이 3만 명이었다고",
        "The casino was fined for illegal bonus offers to gamblers",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "카지노 신규 회원 첫 입금 30% 더 드림",
        "파워볼 픽 무료로 드려요 적중률 보장",
        "홀덤 게임 하실 분 텔레그램으로 연락",
        "live baccarat tonight, 50% deposit bonus for new players",
        "Roulette with instant payouts, promo code in my profile",
        "sports betting tips that actually work, join our vip group",
    ],
)
def test_gambling_ads_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "spam" in res.codes, res.hits
    assert any(h.rule == "gambling_ad" for h in res.hits), res.hits


@pytest.mark.parametrize(
    "text",
    [
        "카 지 노 신규 혜택",
        "토.토 하는 사람 모여라",
        "sp0rts betting, no limits",
        "s p o r t s betting",
    ],
)
def test_a_disguised_gambling_word_alone_is_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "spam" in res.codes, res.hits


def test_the_hit_names_both_words():
    rule = GamblingAdRule(default_text_policy())
    (hit,) = rule.check("바카라 가입하면 보너스")
    assert hit.code == "spam" and hit.term.startswith("바카라 + ")
    assert "바카라" in hit.matched


def test_the_rule_can_be_switched_off():
    policy = {**default_text_policy(), "gambling_ad_action": "off"}
    assert GamblingAdRule(policy).check("바카라 가입하면 보너스") == []


def test_a_listed_tense_consonant_pattern_matches(screen):
    res = screen("ㅆㄹㄱ 같은 기사")
    assert res.action != PUBLISH, res.hits
