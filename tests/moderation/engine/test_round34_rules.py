"""Round 34 (after heldout94-97 were measured): casinos and betting discussed as news and
policy are not gambling ads; the ads keep their words. Fresh sentences, none from a
corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "카지노 정책이 바뀔 때마다 정선 지역 경제가 흔들린다",
        "내국인 카지노 출입 제한을 더 늘려야 한다고 봅니다",
        "카지노 매출 회복했다는데 지역 상권은 아직이에요",
        "동생이 토토 중독이라 상담센터 번호 찾고 있어요",
        "Legal sports betting would at least pay some tax",
        "Illegal sports betting rings target teenagers first",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "카지노 신규가입 쿠폰 지급 중 링크는 프로필",
        "토토 사이트 가입머니 3만 즉시",
        "불법 토토 가입머니 지급",
        "sports betting bonus, sign up now",
    ],
)
def test_caught(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "spam" in res.codes, res.hits
