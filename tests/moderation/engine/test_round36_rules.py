"""Round 36 (session 15, after heldout98-101 were committed, before they were measured; in
a branch until then): a listed initials pattern with a tense consonant matches only as
written. Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text", ["ㅉㄲ 유학생 싹 다 내보내", "짱ㄲ 들 시끄러워", "ㅆㄹㄱ 기사 또 올렸네"]
)
def test_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH, res.hits


@pytest.mark.parametrize(
    "text", ["ㅈㄱ 출발합니다", "ㅈㄱ 몇 시예요?", "ㅅㄹㄱ 분리수거 요일 바뀜"]
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits
