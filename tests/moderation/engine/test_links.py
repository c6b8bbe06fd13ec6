import pytest

from moderation.engine.base import HOLD, PUBLISH, REJECT, Context
from moderation.engine.links import domain_allowed, find_links
from moderation.engine.normalize import normalize
from moderation.engine.rules.links import LinksRule

TRUSTED = Context(author_published_count=100)


def links(text):
    out = find_links(normalize(text))
    return [(text[lk.span[0] : lk.span[1]], lk.domain, lk.obfuscated, lk.shortener) for lk in out]


LINK_FORMS = [
    ("see https://example.org/a/b?c=1 now", "example.org", False, False),
    ("see www.example.net now", "example.net", False, False),
    ("see example-shop.biz/deal now", "example-shop.biz", False, False),
    ("see hxxp://evil-site.com/x now", "evil-site.com", True, False),
    ("see hxxps[:]//evil-site.com now", "evil-site.com", True, False),
    ("see evilsite dot com now", "evilsite.com", True, False),
    ("see evilsite[.]com now", "evilsite.com", True, False),
    ("see evilsite(dot)net now", "evilsite.net", True, False),
    ("see evilsite 닷컴 now", "evilsite.com", True, False),
    ("see bit.ly/AbC123 now", "bit.ly", False, True),
    ("see t.me/somechannel now", "t.me", False, True),
    ("see ｅｖｉｌｓｉｔｅ．ｃｏｍ now", "evilsite.com", False, False),
    ("see еvilsitе.com now", "evilsite.com", False, False),  # Cyrillic е
    ("see e v i l s i t e . c o m now", "evilsite.com", False, False),
    ("see evil\u200bsite.com now", "evilsite.com", False, False),
]


@pytest.mark.parametrize("text,domain,obf,short", LINK_FORMS)
def test_link_forms(text, domain, obf, short):
    got = links(text)
    assert len(got) == 1, got
    _, d, o, s = got[0]
    assert (d, o, s) == (domain, obf, short)


NOT_LINKS = [
    "e.g. the U.S. and Mr. Kim met at 3 p.m.",
    "Node.js is 3.5 times faster, i.e. much faster.",
    "the dot com bubble burst in 2000",
    "write to jisoo.park22@naver.com",  # an e-mail, not a link
]


@pytest.mark.parametrize("text", NOT_LINKS)
def test_not_links(text):
    assert links(text) == []


def test_allow_list_matches_domain_and_subdomains():
    assert domain_allowed("www.yna.co.kr", ["yna.co.kr"])
    assert domain_allowed("news.example.go.kr", ["go.kr"])
    assert not domain_allowed("notyna.co.kr", ["yna.co.kr"])


def test_link_count_against_link_max():
    rule = LinksRule({"link_max": 2, "link_action": "reject"})
    two = "a.example.com and b.example.com"
    three = two + " and c.example.com"
    assert rule.check(two, TRUSTED) == []
    hits = rule.check(three, TRUSTED)
    assert len(hits) == 3 and {h.action for h in hits} == {REJECT}
    assert hits[0].detail["reasons"] == ["too_many_links"]


def test_allowed_links_never_count():
    rule = LinksRule({"link_max": 0, "link_allow_domains": ["apnews.com"]})
    assert rule.check("https://apnews.com/hub/korea is good", TRUSTED) == []
    assert rule.check("https://other-news.com/hub/korea is good", TRUSTED)[0].action == HOLD


def test_obfuscated_and_shortened_links_hold_even_when_alone():
    rule = LinksRule({"link_max": 2})
    for text in ("go to luckyspin dot com", "see bit.ly/xyz987", "hxxp://win-big.net"):
        hits = rule.check(text, TRUSTED)
        assert hits and hits[0].action == HOLD, text


def test_new_authors_links_are_held():
    rule = LinksRule({"link_max": 2, "link_trusted_after": 3})
    assert rule.check("my blog myblog.com", Context(author_published_count=0))
    assert rule.check("my blog myblog.com", Context(author_published_count=5)) == []


def test_default_policy_allows_news_links(screener):
    assert screener.screen("Source: https://en.yna.co.kr/view/AKR123").action == PUBLISH
    assert screener.screen("Source: https://www.moef.go.kr/en/index").action == PUBLISH
    assert screener.screen("Win big at luckyspin dot com").action == HOLD


# ----------------------------------------------------------------- unlisted and suspicious


def test_links_outside_the_allow_list_are_held_from_anyone_by_default(screener):
    for text in (
        "Stream every match free tonight → matchday-tv.com",
        "무료 중계 여기서 보세요 www.kbo-jungkye.net",
    ):
        result = screener.screen(text, TRUSTED)
        assert result.action == HOLD, text
        assert "unlisted" in result.hits[0].detail["reasons"]
    # news, government and reference links still publish
    assert screener.screen("Details at https://www.gov.kr/portal", TRUSTED).action == PUBLISH
    assert screener.screen("원문은 www.kma.go.kr 에 있어요", TRUSTED).action == PUBLISH


def test_suspicious_tlds_are_held_even_when_unlisted_links_are_allowed():
    rule = LinksRule({"link_unlisted_action": "off", "link_suspicious_action": "hold"})
    for text in ("free prizes at giveaway-now.xyz", "코인 무료 리딩 coin-king.top 입장"):
        hits = rule.check(text, TRUSTED)
        assert (
            hits and hits[0].action == HOLD and hits[0].detail["reasons"] == ["suspicious_tld"]
        ), text
    assert rule.check("my recipe blog is at kimchi-diary.com", TRUSTED) == []
    reject = LinksRule({"link_suspicious_action": "reject"})
    assert reject.check("claim it at gift-box.click", TRUSTED)[0].action == REJECT


def test_a_policy_without_the_newer_link_fields_keeps_its_behaviour():
    """A stored policy version from before these fields publishes a lone ordinary link."""
    rule = LinksRule({"link_max": 2})
    assert rule.check("see giveaway-now.xyz", TRUSTED) == []
    assert rule.check("see kimchi-diary.com", TRUSTED) == []
