"""Round 39 (session 16, merged before heldout102-105 were read): a
private person named at work with a one-letter given-name syllable (Seo-a), a title and a
surname (Mr. Oh), "works weekends at"; a complaint (불친절) is not thanks; a road-name
address to the building and a flat in a named complex; a Shiba dog as a sentence's
subject; a plot or a script called rubbish. Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "The lifeguard who yelled at my kid is Kang Min-a, she works weekends at the Haeundae "
        "rental shop, go tell her off",
        "That pushy agent is Ms. Jeon from Hyundai Marine, claims department, 7th floor",
        "민원실 직원 정우진 불친절하기로 유명함, 가서 따지세요",
        "그 악플러 집 일산 후곡마을 현대아파트 301동 902호 찾아가 봄",
        "저 배우 집 알아냄 ㅋㅋ 성수이로 7길 32 가보셈",
        "0.1.0 - 5.5.2.9 - 8.8.1.3 is the landlord who kept my deposit, ring him",
        "Refunds? text the owner at 010-45З7-2290",
        "The bully's dad is Han Jae-won, he teaches 3rd grade at Mokdong Elementary",
        "The guy who keyed my car is Seo Tae-min, lives behind the church at 48 Dongil-ro",
    ],
)
def test_person_located_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH, res.hits
    assert "personal_info" in {h.code for h in res.hits}, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Yoon's team flew to Washington for the tariff talks",
        "민원실 직원 정우진 씨가 친절하게 서류를 챙겨줬어요",
        "우리 시바가 오늘도 산책 안 간다고 버텨요",
        "My cousin works weekends at a bakery and loves it",
        "Mr. Shin teaches at Yonsei and his lecture on tariffs is online",
        "We found cockroaches in the hotel bathroom on day two, never again",
        "I play hooker for our company team, the scrum drills are brutal",
        "장애인을 병신 취급하지 말고 편의시설부터 만들어라",
        "시즌2는 쓰레기 같은 각본 때문에 다 망쳤다",
        "성수동 빵집 하나 추천해요, 성수이로 7길 32에 있어요",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "시바가 뭐 이래 진짜",
        "저 쓰레기 같은 인간 또 나왔네",
        "Those migrants are cockroaches in the subway",
        "병신 소리 들어도 싸다 저 공무원",
    ],
)
def test_still_not_published(screen, text):
    assert screen(text).action != PUBLISH
