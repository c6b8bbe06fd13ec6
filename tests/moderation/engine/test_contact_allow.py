"""Public contact points (policy ``contact_info_allow_domains`` / ``_numbers``) are not
personal information; everything else the contact rule finds is still held."""

import pytest

from moderation.engine.base import HOLD, PUBLISH
from moderation.engine.defaults import default_text_policy
from moderation.engine.rules.contact_info import ContactInfoRule, phone_key
from moderation.engine.screener import Screener
from moderation.policy import LATER_FIELDS

POLICY = {
    "contact_info_allow_domains": ["go.kr", "dailyseoul.co.kr"],
    "contact_info_allow_numbers": ["02-2133-0000", "+82 2 724 5114"],
}


def kinds(text, policy=POLICY):
    return [h.term for h in ContactInfoRule(policy).check(text)]


@pytest.mark.parametrize(
    "text",
    [
        "File a complaint with minwon@seoul.go.kr, they answered me in two days",
        "Tips go to newsdesk@dailyseoul.co.kr according to the footer",
        "구청 민원은 Minwon@Mapo.Go.Kr 로 보내세요",
        "Seoul city hall desk is 02-2133-0000 on weekdays",
        "제보 전화 +82-2-724-5114 (24시간)",
        "제보 전화 02 724 5114",
    ],
)
def test_public_contact_points_pass(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a private address, a look-alike domain, a suffix that is not a subdomain
        ("his private mail is jihoon.kim88@gmail.com", "email"),
        ("write to minwon@seoul-go.kr for a refund", "email"),
        ("write to minwon@notgo.kr now", "email"),
        ("mail ceo@dailyseoul.co.kr.evil.com for the deal", "email"),
        # written in disguise: still held, even at an allowed domain
        ("tips (at) dailyseoul (dot) co (dot) kr", "email"),
        ("ｍｉｎｗｏｎ＠ｓｅｏｕｌ．ｇｏ．ｋｒ", "email"),
        # a number not on the list, or one digit off
        ("her cell is 010-2345-6789", "phone"),
        ("call 02-2133-0001 and ask for him", "phone"),
    ],
)
def test_everything_else_is_still_held(text, kind):
    assert kind in kinds(text)


def test_an_allowed_address_does_not_cover_a_private_one_beside_it():
    text = "minwon@seoul.go.kr or just text him on 010-2345-6789"
    assert kinds(text) == ["phone"]


def test_phone_key_reads_country_code_as_national():
    assert phone_key("+82 2-2133-0000") == phone_key("02-2133-0000") == "0221330000"
    assert phone_key("+82 10 2345 6789") == "01023456789"
    assert phone_key("+1 415 555 0134") == "14155550134"


def test_shipped_defaults_allow_government_and_news_but_no_webmail():
    shipped = default_text_policy()
    assert "go.kr" in shipped["contact_info_allow_domains"]
    assert "yna.co.kr" in shipped["contact_info_allow_domains"]
    for webmail in ("gmail.com", "naver.com", "daum.net", "kakao.com"):
        assert not any(
            webmail == d or webmail.endswith("." + d) for d in shipped["contact_info_allow_domains"]
        )
    screener = Screener(shipped)
    assert screener.screen("Report it to cyber@police.go.kr please").action == PUBLISH
    assert screener.screen("Report it to mylover99@naver.com please").action == HOLD


def test_a_stored_version_without_the_fields_holds_every_address():
    # versions stored before the fields existed keep their behaviour
    assert LATER_FIELDS["contact_info_allow_domains"] == []
    assert kinds("minwon@seoul.go.kr", {}) == ["email"]
