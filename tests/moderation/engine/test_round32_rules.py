"""Round 32 (after heldout82-89 were measured): stars that stand for consonants (f**k,
b***h), a word cut by hyphens around one letter (sh-i-t), a swear typed in full next to
the 1955 car's name, sex-trade and boast phrases with no body word, and innocent words
the lists caught (interest that breeds, the Hooker telescope, a bank's account format).
Fresh sentences, none from a corpus."""

import pytest

from moderation.engine import toxicity
from moderation.engine.base import PUBLISH
from moderation.engine.normalize import normalize


@pytest.mark.parametrize(
    "text",
    [
        # masks and hyphens in innocent text
        "Prices rose 30% in a year, #housing #seoul",
        "Rate it 5* out of 5*, the best noodles on the street",
        "The one-a-day vitamin ads are everywhere on the subway",
        # words the lists caught
        "대출 이자가 새끼를 쳐서 원금보다 커졌어요",
        "The Hooker telescope still has a lovely little museum beside it",
        "Bitch Planet sold out at the comics fair in two hours",
        "Bastard syrup is what Danish bakers use for the dark loaf",
        "그 웹툰을 음란물로 분류한 심의가 이해가 안 가요",
        "19금 방송 심의 기준부터 손봐야 한다는 지적이 맞아요",
        "My cat has more Instagram followers than the whole district office",
        "은행 창구 직원들 저자세 응대도 문제예요",
        "Card numbers look like 1234-567890-12345 on the sample in the leaflet",
        "She banged her knee on the bus stop bench, poor thing",
        "A quickie divorce is not possible under Korean family law",
        "I'd pay extra for a window seat on that route",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, code",
    [
        ("What the f**k is this council doing", "offensive"),
        ("total b***h move by the landlord", "offensive"),
        ("this guy is an a**hole", "offensive"),
        ("sh-i-t service at that branch", "offensive"),
        ("씨발 택시 또 안 잡히네", "offensive"),
        ("Spent the whole lecture rubbing one out under the desk", "sexual"),
        ("banged half the girls in my gym, easy", "sexual"),
        ("Coffee date is fine as long as it ends up in my bed", "sexual"),
        ("Library study rooms are perfect for a quickie", "sexual"),
        ("Would pay double if the waitresses were topless", "sexual"),
        ("노래방 도우미 2차 되는 곳 알려줌", "sexual"),
        ("계좌 110-234-567890 으로 보내주세요", "personal_info"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


def test_stars_key_keeps_letters_and_marks_each_star():
    key = normalize("a f**k and 50% off").derived("stars")
    assert key is not None
    assert key.text.split() == ["f??k"]
    # no star, hash or percent sign: no key at all
    assert normalize("plain text").derived("stars") is None


def test_stars_need_two_visible_letters():
    from moderation.engine.terms import _masked_variants

    variants = _masked_variants("fuck")
    assert "f??k" in variants and "fu?k" in variants
    assert "f???" not in variants  # one visible letter names no word


def test_cum_laude_is_not_scored_as_abuse():
    assert toxicity.score_batch(["Cum laude 받아도 취업은 별개 ㅋㅋ"])[0] < 0.9


def test_an_account_paid_in_cash_form_is_still_an_account(screen):
    res = screen("계좌 110-234-567890 예금주 홍길동, 현금 형태로 입금해 주세요")
    assert res.action != PUBLISH and "personal_info" in res.codes, res.hits
