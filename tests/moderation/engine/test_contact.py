import datetime as dt

import pytest

from moderation.engine.base import HOLD, PUBLISH, REJECT, Context
from moderation.engine.contact import find_contact_info, plausible_rrn
from moderation.engine.normalize import normalize
from moderation.engine.rules.contact_info import ContactInfoRule


def found(text, kind=None):
    out = find_contact_info(normalize(text))
    for f in out:
        assert f.span[1] > f.span[0]
    return [(f.kind, text[f.span[0] : f.span[1]]) for f in out if kind is None or f.kind == kind]


PHONES = [
    ("text me on 010-2345-6789 tonight", "010-2345-6789"),
    ("text me on 010 2345 6789 tonight", "010 2345 6789"),
    ("text me on 01023456789 tonight", "01023456789"),
    ("call +82 10 2345 6789 please", "+82 10 2345 6789"),
    ("call +82-10-2345-6789 please", "+82-10-2345-6789"),
    ("office line 02-318-4567 only", "02-318-4567"),
    ("office line 031-987-6543 only", "031-987-6543"),
    ("US desk +1 415 555 0134 anytime", "+1 415 555 0134"),
    ("UK desk +44 20 7946 0321 anytime", "+44 20 7946 0321"),
    ("번호는 ０１０－２３４５－６７８９ 입니다", "０１０－２３４５－６７８９"),
    ("번호는 O1O-2345-67l9 입니다", "O1O-2345-67l9"),
    ("dial 0 1 0 - 2 3 4 5 - 6 7 8 9 now", "0 1 0 - 2 3 4 5 - 6 7 8 9"),
    ("번호 010\u200b-2345\u200b-6789 요", "010\u200b-2345\u200b-6789"),
    ("연락처 공일공 이삼사오 육칠팔구 입니다", "공일공 이삼사오 육칠팔구"),
    ("연락처 영일영-팔팔칠칠-삼삼이이 로", "영일영-팔팔칠칠-삼삼이이"),
]

# Letters standing in for digits by their shape (Z 2, S 5, G 6, B 8, besides O 0 and l/I 1)
SHAPE_PHONES = [
    ("ring the landlord yourselves: 0l0-8Z4S-7G13", "0l0-8Z4S-7G13"),
    ("text him at O1O.S7B2.44Z9 if you dare", "O1O.S7B2.44Z9"),
    ("그 사람 번호 01O-3G9B-2S71 퍼뜨려주세요", "01O-3G9B-2S71"),
    ("연락은 O1O 77B2 6S48 로 주세요", "O1O 77B2 6S48"),
]


@pytest.mark.parametrize("text,expected", SHAPE_PHONES)
def test_phone_with_shape_letters_for_digits(text, expected):
    assert ("phone", expected) in found(text, "phone")


SHAPE_NOT_PHONES = [
    "big bills in 2010 and 2016 for the boss",
    "the 1980s-2010s boom in Busan",
    "model GS-1010-2345-B is recalled",
    "2010년 S급 선수 3명, 2016년 B급 5명",
]


@pytest.mark.parametrize("text", SHAPE_NOT_PHONES)
def test_shape_letters_need_a_whole_mobile_number(text):
    assert found(text, "phone") == []


@pytest.mark.parametrize("text,expected", PHONES)
def test_phone_forms(text, expected):
    assert ("phone", expected) in found(text, "phone")


NOT_PHONES = [
    "It cost 3,000 won in 2016 and 150,000 won in 2024.",
    "The bill passed 180-95 on 2024-03-12.",
    "Population 51,000,000 and GDP 1.7 trillion.",
    "일이삼 순서대로 하세요",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_numbers_that_are_not_phones(text):
    assert found(text, "phone") == []


EMAILS = [
    ("write to jisoo.park22@naver.com today", "jisoo.park22@naver.com"),
    ("write to JISOO@EXAMPLE.CO.KR today", "JISOO@EXAMPLE.CO.KR"),
    ("write to jisoo.park22 at gmail dot com today", "jisoo.park22 at gmail dot com"),
    ("write to jisoo [at] daum [dot] net today", "jisoo [at] daum [dot] net"),
    ("write to jisoo(at)hanmail(dot)net today", "jisoo(at)hanmail(dot)net"),
    ("메일 jisoo 골뱅이 naver 닷 com 으로", "jisoo 골뱅이 naver 닷 com"),
]


@pytest.mark.parametrize("text,expected", EMAILS)
def test_email_forms(text, expected):
    assert ("email", expected) in found(text, "email")


def test_at_and_dot_in_prose_is_not_an_email():
    assert found("look at the dot com bubble again", "email") == []
    assert found("meet me at school tomorrow", "email") == []


# The whole address in Korean words: 골뱅이 = @, 닷/점/쩜 = dot, providers by their Korean names
KOREAN_EMAILS = [
    (
        "자료는 minseo_p 골뱅이 네이버 닷컴 으로 주세요",
        "minseo_p 골뱅이 네이버 닷컴",
        "minseo_p@naver.com",
    ),
    ("sumin88 골뱅이 다음 점 넷 으로 연락", "sumin88 골뱅이 다음 점 넷", "sumin88@daum.net"),
    ("그 교사 메일 t.kim 골뱅이 한메일 쩜 넷", "t.kim 골뱅이 한메일 쩜 넷", "t.kim@hanmail.net"),
    ("jun.lee 골뱅이 지메일 로 보내", "jun.lee 골뱅이 지메일", "jun.lee@gmail.com"),
    ("mail me: hoya92 @ gmail 닷컴", "hoya92 @ gmail 닷컴", "hoya92@gmail.com"),
]


@pytest.mark.parametrize("text,expected,value", KOREAN_EMAILS)
def test_email_spelled_in_korean(text, expected, value):
    out = find_contact_info(normalize(text), ("email",))
    assert [(text[f.span[0] : f.span[1]], f.value) for f in out] == [(expected, value)]


def test_korean_words_for_at_and_next_in_prose_are_not_an_email():
    assert found("맥주 3 골뱅이 다음 주에 또 먹자", "email") == []
    assert found("yuna 골뱅이 다음 주에 먹자", "email") == []
    assert found("골뱅이 무침 맛집은 네이버 지도에 있어요", "email") == []


# A plain " at " before a domain is prose unless the rest says address
SPELLED_AT_NOT_EMAILS = [
    "File a complaint with the consumer agency at kca.go.kr before Friday.",
    "Results are posted by the commission at nec.go.kr tonight.",
    "You can read the ruling at scourt.go.kr today.",
    "Sign the petition at change.org if you agree.",
]


@pytest.mark.parametrize("text", SPELLED_AT_NOT_EMAILS)
def test_plain_at_before_a_website_is_not_an_email(text):
    assert found(text, "email") == []


SPELLED_AT_EMAILS = [
    ("write to minho at gmail.com now", "minho at gmail.com"),  # a mail provider
    ("write to minho at kbs dot co dot kr", "minho at kbs dot co dot kr"),  # spelled dot
    ("write to minho at kbs(.)co(.)kr", "minho at kbs(.)co(.)kr"),
    ("write to mh_kim88 at kbs.co.kr now", "mh_kim88 at kbs.co.kr"),  # handle-like local
    ("메일은 minho at proton.me 로", "minho at proton.me"),
]


@pytest.mark.parametrize("text,expected", SPELLED_AT_EMAILS)
def test_plain_at_that_clearly_is_an_address(text, expected):
    assert ("email", expected) in found(text, "email")


def test_rrn_plausible_date():
    assert found("주민번호는 900101-1234567 이래요", "rrn") == [("rrn", "900101-1234567")]
    assert found("번호 050815-4123456 맞나", "rrn") == [("rrn", "050815-4123456")]
    assert found("코드 901332-1234567 임", "rrn") == []  # month 13
    assert found("코드 900230-1234567 임", "rrn") == []  # 30 February
    # a check digit that does not validate is still an RRN (post-2020 numbers)
    assert found("번호 850312-2049110 임", "rrn") == [("rrn", "850312-2049110")]


def test_rrn_future_birth_date_is_implausible():
    today = dt.date(2026, 1, 1)
    assert plausible_rrn("25", "12", "31", "3", today)
    assert not plausible_rrn("27", "01", "01", "3", today)


MESSENGERS = [
    ("상담은 카톡 abc123 으로", "카톡 abc123"),
    ("카톡 아이디: moneyking 추가", "카톡 아이디: moneyking"),
    ("ㅋㅌ rich77 바로 연락", "ㅋㅌ rich77"),
    ("텔레 @xyzcoin 문의", "텔레 @xyzcoin"),
    ("텔레그램 @fast_money 문의", "텔레그램 @fast_money"),
    ("ㅌㄹ @vipkr 문의", "ㅌㄹ @vipkr"),
    ("contact tg: xyzsignals now", "tg: xyzsignals"),
    ("Telegram: @CryptoKing now", "Telegram: @CryptoKing"),
    ("add my line id: sweetgirl now", "line id: sweetgirl"),
    ("라인 아이디 sweetgirl 추가", "라인 아이디 sweetgirl"),
    ("kakao id: goldroom now", "kakao id: goldroom"),
    ("텔레 @signal_vip77 로 입장", "텔레 @signal_vip77"),
    ("카톡 아이디는 nuna_0909 입니다", "카톡 아이디는 nuna_0909"),
]


@pytest.mark.parametrize("text,expected", MESSENGERS)
def test_messenger_handles(text, expected):
    assert ("messenger", expected) in found(text, "messenger")


# Handles written after the app with "is" or a colon, and before it ("X on Telegram",
# "X 카톡으로"): both orders spammers and doxxers use.
MESSENGERS_BOTH_ORDERS = [
    ("lonely tonight, add my Line: mina.gwangju07", "Line: mina.gwangju07"),
    ("his LINE is dh.park1988 fyi", "LINE is dh.park1988"),
    ("her kakao is yeji_0315, go ask her yourself", "kakao is yeji_0315"),
    ("the driver is @blackbox_suwon on Telegram, spam him", "@blackbox_suwon on Telegram"),
    ("I'm hot.mina22 on whatsapp", "hot.mina22 on whatsapp"),
    ("ping @ddong_99 on line", "@ddong_99 on line"),
    ("리딩방 문의는 stockking_7 텔레로 연락", "stockking_7 텔레로"),
    ("그 기자 아이디 reporter.kim 카톡으로 항의하세요", "reporter.kim 카톡으로"),
    ("친구 추가 gold88 카톡 추가 ㄱㄱ", "gold88 카톡 추가"),
    ("and his Telegram is @ddalgi0811.", "Telegram is @ddalgi0811"),
]


@pytest.mark.parametrize("text,expected", MESSENGERS_BOTH_ORDERS)
def test_messenger_handles_before_and_after_the_app(text, expected):
    assert ("messenger", expected) in found(text, "messenger")


NOT_MESSENGERS = [
    "Does Line 9 run late on Fridays?",
    "Telegram is a popular messaging app in Korea.",
    "카톡으로 기사 공유했어요",
    "I waited in line for an hour.",
    "Bottom line: covid19 cases rose again in March.",
    "The line: 300-400 people waited outside the stadium.",
    "Kakao is cheaper than the bank for transfers.",
    "Follow @yonhap on Telegram for the official feed.",
    "Covid19 on telegram channels spread fast.",
    "I stood in line at 7am for tickets.",
    "2024년 카톡으로 받은 공지",
    "sk2024 선수 카톡 광고 봤어요",
]


@pytest.mark.parametrize("text", NOT_MESSENGERS)
def test_not_messenger_handles(text):
    assert found(text, "messenger") == []


def test_addresses():
    assert found("그 사람 집 주소: 서울시 마포구 성산동 123-4 푸른빌라 302호", "address")
    assert found("She lives in Building 12, Unit 804 of that complex", "address")
    assert found("The ward office on the main road was busy.", "address") == []


def test_contact_rule_actions_and_codes():
    text = "call 010-2345-6789 or 카톡 abc123"
    hits = ContactInfoRule({"contact_info_action": "reject"}).check(text, Context())
    assert {h.action for h in hits} == {REJECT}
    assert {h.code for h in hits} == {"personal_info", "spam"}
    for h in hits:
        assert text[h.span[0] : h.span[1]] == h.matched
    assert ContactInfoRule({"contact_info_action": "off"}).check(text) == []
    assert ContactInfoRule({}).check(text)[0].action == HOLD


def test_default_screener_holds_contact_info(screener):
    assert screener.screen("reach him at 010-2345-6789").action == HOLD
    assert screener.screen("reach him at the office").action == PUBLISH
