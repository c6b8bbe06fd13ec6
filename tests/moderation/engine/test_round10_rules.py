"""Round 10, after reading heldout20's and heldout21's misses and false positives
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.contact import find_contact_info
from moderation.engine.normalize import normalize


@pytest.mark.parametrize(
    "text, code",
    [
        ("수학 과외 합니다 문의 카톡 mathpro", "spam"),
        ("역삼 풀살롱 이번주 할인 실장 직통", "spam"),
        ("총판모집 정산 당일 지급", "spam"),
        ("학교 앞에서 본 여중생 몸매 장난 아니더라", "sexual"),
        (
            "Wealthy exec offers a generous monthly allowance for paid dates, students only",
            "sexual",
        ),
        ("Foreign brides are not suited for raising Korean kids", "hate"),
        ("what an entitled cow, the poor cashier", "insult"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


def test_a_plain_id_after_a_strong_app_needs_a_request_to_get_in_touch():
    assert "messenger" in [f.kind for f in find_contact_info(normalize("예약 문의 카톡 nailsalon"))]
    assert "messenger" not in [
        f.kind for f in find_contact_info(normalize("카톡 group 방 시끄럽네"))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Playing 'Bitch' by Meredith Brooks on the radio isn't a scandal, it's a 90s song",
        "개같이 벌어 정승같이 쓴다는 게 우리 부모님 세대 얘기죠",
        "A hooker in the scrum has the hardest job in rugby",
        "전기요금 또 오르면 자영업자들 다 죽는다 진짜",
    ],
)
def test_titles_proverbs_positions_and_hyperbole_are_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
