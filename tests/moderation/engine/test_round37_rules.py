"""Round 37 (session 15, after heldout98-101 were measured): a manhwa's English title, a
litter counted in Korean numerals past five, and a slur named "as hateful language".
Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "Scum's Wish got a live-action remake and it's better than I expected",
        "우리 집 진돗개가 새끼 일곱 마리를 낳았어요",
        "한남충 같은 혐오 발언은 남녀 누구든 쓰면 안 됩니다",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize("text", ["what a pile of scum you are", "한남충 같은 놈들 다 꺼져"])
def test_still_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH, res.hits
