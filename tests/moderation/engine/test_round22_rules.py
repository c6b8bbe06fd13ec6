"""Round 22 (after heldout50-53 were measured), from their misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.terms import quoted_words

from .conftest import kinds


@pytest.mark.parametrize(
    "text, code",
    [
        # 8 after a syllable is a sound (씨8 = 씨팔), not padding to join away
        ("씨8 또 야근이냐", "offensive"),
        ("빠구리 하실 분 구해요", "sexual"),
        ("벗방 켜면 구독 누를게", "sexual"),
        ("폰팅 무료 체험 지금 전화", "sexual"),
        ("모지리 같은 소리 하고 있네 기자야", "insult"),
        ("Keep the camel lovers out of our neighbourhood", "hate"),
        ("The umpire is a stupid old cow", "insult"),
        ("Hope the coach gets cancer, honestly", "threat"),
        ("That referee better watch his back after tonight", "threat"),
        ("Keep this up and the mayor is going home in a box", "threat"),
        ("그 검사 목을 매달아야 정신 차리지", "threat"),
        ("다음 집회 때 돌 던져줄게 기다려", "threat"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        # Cantonese names and streets with Fuk; the Cum-Ex scandal; a misspelt shiitake;
        # the birds; the 1955 car; the coin; the tear-gas launcher; the breeder's word
        "Professor Chan Fuk-wah chaired the panel on Hong Kong housing",
        "Cum-Ex cost European treasuries billions, and Korea should check its own rules",
        "Shittake and tofu stew, 7,000 won at the campus canteen",
        "A pair of great tits moved into the nest box outside my window",
        "The Sibal car museum exhibit is worth a visit",
        "시바 코인 또 떡락했네요 ㅠㅠ",
        "지랄탄 쏘던 시절 얘기는 아버지한테 많이 들었어요",
        "Bitch is the proper term for a female dog in breeding circles",
        # a quote as the subject of a sentence
        "'Shut up and dribble' is what they told athletes back then, and it aged badly",
        # public lines: a consular call centre
        "영사콜센터 02-3210-0404 해외 여행 전에 저장해 두세요",
    ],
)
def test_clean(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


def test_a_quote_that_opens_a_sentence_about_it_is_named():
    text = "'Shit happens' was his whole apology"
    assert quoted_words(text) == [(0, len("'Shit happens'"))]
    # the comment's own shout stays aimed
    assert quoted_words("'Shit happens' you idiot") == []


@pytest.mark.parametrize(
    "text",
    [
        "그 아파트 305동 1102호 사는 남자 이름 박씨, 신고 좀",
        "The cleaner in the video is Maria Santos, works nights at the Lotte hotel in Jamsil",
    ],
)
def test_exposure(text):
    assert {"address", "exposure"} & set(kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "The keynote speaker is Maria Santos, based in the Lisbon office of the UN",
        "My favourite author is Han Kang, works at a bookshop in the novel",
        "The best ramen here is Menya Sandaime, works for me",
        "Our new president is Kim Min-ho, based in the Seoul office",
    ],
)
def test_no_exposure(text):
    assert "exposure" not in kinds(text)


def test_the_classifier_gets_the_text_as_the_term_rules_read_it():
    from moderation.engine.defaults import default_text_policy
    from moderation.engine.rules.classifier import innocent_variants

    policy = default_text_policy()
    village, quoted, plain = innocent_variants(
        [
            "We drove through Fucking, Austria on the way to Salzburg",
            "'병신' 같은 말 쓰는 사람 신고했어요",
            "fuck you, reporter",
        ],
        policy,
    )
    assert village is not None and "ucking" not in village and "Austria" in village
    assert quoted is not None and "병신" not in quoted and "신고" in quoted
    assert plain is None  # nothing cleared: the classifier reads the text once


def test_the_lower_of_the_two_scores_counts():
    from moderation.engine.classifier import Prediction, lower_of

    class Stub:
        def predict(self, texts):
            return [Prediction("profanity", 0.2 if "clean" in t else 0.9, {}) for t in texts]

    out = lower_of(Stub(), ["a swear", "a swear", "b"], ["clean form", None, "a swear again"])
    assert [p.score for p in out] == [0.2, 0.9, 0.9]
