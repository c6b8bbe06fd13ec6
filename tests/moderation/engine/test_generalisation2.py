"""Generalisation pass 2: mechanisms added for unseen comments (no corpus texts here)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.contact import find_contact_info
from moderation.engine.links import find_links
from moderation.engine.normalize import normalize
from moderation.engine.toxicity import strip_names


def _flag(screener, text):
    res = screener.screen(text)
    for h in res.hits:
        if h.span is not None:
            assert text[h.span[0] : h.span[1]] == h.matched
    return res.action != PUBLISH


def _kinds(text):
    return [(f.kind, f.value) for f in find_contact_info(normalize(text))]


def test_names_are_blanked_for_the_model():
    assert "Dick" not in strip_names("Met Dick Van Dyke at the airport")
    assert "Dick" not in strip_names("Reading Moby Dick again")
    assert strip_names("Loser, go away") == "Loser, go away"  # sentence-initial word kept
    assert "pig" in strip_names("Kim Jong-un is a pig")


def test_mixed_hangul_and_digit_phone():
    assert ("phone", "01055512345") in _kinds("공1공 5551 2345 이거 번호")
    assert not [k for k in _kinds("이 일이 삼사 년 걸렸다 2024") if k[0] == "phone"]


def test_labelled_messenger_id_and_social_handle():
    assert any(v.startswith("kakao:") for _, v in _kinds("kakao id of that man: minho_77 lol"))
    assert any(v.startswith("social:") for _, v in _kinds("his insta is @minho.lee.77"))
    assert not _kinds("quoted from twitter: @reuters")  # an outlet's handle, no digit/_/.


def test_unit_number_needs_a_cue():
    assert [k for k in _kinds("he lives at 301-1202, Banpo Raemian") if k[0] == "address"]
    assert not [k for k in _kinds("scores were 102-1503 in the final") if k[0] == "address"]


def test_spaced_www_host():
    links = find_links(normalize("go to www . luckyspin99 . com now"))
    assert links and links[0].domain == "luckyspin99.com" and links[0].obfuscated


@pytest.mark.parametrize(
    "text",
    [
        "Say that again and I'll put you in the ground",
        "you will pay for this story with your life",
        "I will stab the next journalist who shows up",
        "nobody asked you, loser",
        "I'd smash her",
        "send noodz",
        "ladies can't lead anything",
        "어제 방송 보고 꼴렸다",
    ],
)
def test_new_families_flag(screener, text):
    assert _flag(screener, text)


@pytest.mark.parametrize(
    "text",
    [
        "이 집 냉면 진짜 죽인다",
        "피의자가 '가만 안 둔다'고 말했다는 진술이 나왔다",
        "The band smashed the record for ticket sales",
        "Women's football team qualifies for the Asian Cup",
    ],
)
def test_new_families_leave_clean_alone(screener, text):
    assert not _flag(screener, text)
