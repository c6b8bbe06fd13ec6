"""Round 31 (written after heldout74-81, before heldout82-85 were read; merged after):
the sex trade's names for its venues and services beside an offer or a booking, a number
named a few words before it ("the booking ref … was"), and "hoe" as raw fish for the
toxicity model. Fresh sentences, none from a corpus."""

import pytest

from moderation.engine import toxicity
from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        # the venue or service named in news and opinion, with no offer
        "경찰이 키스방 불법 영업을 대대적으로 단속했다는데 잘 됐네요",
        "The council finally closed the body rub parlours near the station",
        "애인대행 같은 신종 업종 규제가 필요하다는 기사 공감합니다",
        # the booking words without the trade
        "Book now before the early-bird rates end, says the museum newsletter",
        "이 책 추천 후기 보고 예약 구매했어요",
        # a number named a few words before it
        "The booking ref on my confirmation email was 010-7788-2231 and it scared me",
        "The batch number printed on the jar is 900101-1234567, not anyone's ID",
        "Our flight reservation code at the counter was 010 4455 6677, odd format",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, code",
    [
        ("키스방 예약 받아요 강남역 5분 카톡 주세요", "sexual"),
        ("립카페 신규 오픈 후기 이벤트 진행중", "sexual"),
        ("Discreet girlfriend experience, incall only, whatsapp me", "sexual"),
        ("Nuru and body rubs by Korean girls, book now", "sexual"),
        ("hookup app for lonely husbands, discreet, link in bio", "sexual"),
        # a number after a booking word, but the clause names a phone
        ("My booking ref is lost so just call me, the number is 010-7788-2231", "personal_info"),
        ("In any case my number is 010-7788-2231", "personal_info"),
        ("The booking ref was wrong so text me at 010-7788-2231", "personal_info"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Order the hoe platter with chojang at that Jeju place",
        "Mulhoe is great, but the hoe platter is the real star",
        "Get the hoe platter at the Jagalchi fish market, so fresh",
    ],
)
def test_raw_fish_is_not_scored_as_a_slur(text):
    assert toxicity.score_batch([text])[0] < 0.9


def test_hoe_is_still_a_slur_without_raw_fish():
    assert toxicity.score_batch(["she is a dumb hoe"])[0] >= 0.9


def test_hoe_beside_a_restaurant_is_still_scored():
    # only raw-fish words excuse "hoe"; a restaurant alone does not
    assert toxicity.score_batch(["the waitress at that restaurant is a dumb hoe"])[0] >= 0.9
