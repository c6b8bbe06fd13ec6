"""Round 16, after reading heldout30-33's misses and false positives (general forms only;
fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.contact import find_contact_info
from moderation.engine.normalize import normalize


def test_a_leading_dollar_is_an_s_before_a_letter_and_a_price_before_a_digit():
    assert normalize("$hut up").terms.text == "shut up"
    assert normalize("$50 tickets").terms.text == "$50 tickets"


def test_a_named_victim_with_age_district_and_school_made_public_is_exposure():
    text = "가해자 이름 깝니다 최도윤(17) 인천 부평구 거주 부평고 재학"
    assert "exposure" in [f.kind for f in find_contact_info(normalize(text))]


@pytest.mark.parametrize(
    "text, code",
    [
        ("kill all the judges, every one", "threat"),
        ("shoot the reporters who wrote this", "threat"),
        ("살인 예고합니다 다음주 시청", "threat"),
        ("i'd bang that actress no question", "sexual"),
        ("An expert recovered my stolen crypto in a day, DM him", "spam"),
        ("$h1t coverage again", "offensive"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Sea dykes along the west coast are being raised a metre",
        "The pornography charges against the producer were dropped",
        "The hooker scores again from the lineout, what a game",
        "옛날 자동차 '시발' 모형이 박물관에 있더라",
        "메갈로돈 다큐 재밌네요",
        "애자일 조직 문화 기사 좋았어요",
        "'한남충'이라는 표현 자체가 혐오라는 칼럼에 공감",
        "Police said he planned to kill the judges, a court heard",
    ],
)
def test_the_clean_forms_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
