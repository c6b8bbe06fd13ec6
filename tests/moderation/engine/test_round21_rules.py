"""Round 21 (begun after heldout46-49 were retired), from the personal-information and
sexual-ad shapes every writer's set has had and the rules did not read on their own
(general forms only; fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH

from .conftest import kinds


@pytest.mark.parametrize(
    "text",
    [
        # a bank named with the number, no word for "account number"
        "Wire it to Woori 1002-338-471920, Park Ji-ae, she ran off with the deposits",
        "Hana 271-910482-33107 holder Seo Min-ho, that's the fake landlord",
        "하나은행 620-184729-31507 김은비 이 사람 먹튀함",
        # a card number posted to be checked or used
        "my debit card 4921 3380 1174 6625 exp 11/28, is this one leaked?",
        "카드번호 5310-2294-8817-4406 유효기간 03/29 누가 쓴 거지",
    ],
)
def test_accounts_and_cards_are_personal(text):
    assert "account" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Donate via the Red Cross relief account Woori 1005-302-118877, receipts issued",
        "대한적십자사 공식 후원 계좌 우리은행 1005-801-322441 입니다",
        "The bank's Q3 profit rose 12 %, Shinhan said on Tuesday",
        "Gift card codes like 1234 sold out in minutes",
    ],
)
def test_public_accounts_and_bank_news_are_not(text):
    assert "account" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "그 기자 아들 한솔초 5학년 3반이던데",
        "Her boy is at Hanbit Elementary, grade 2 class 6, if anyone wants to have a word",
        "The girl who filmed it goes to Mokdong High, class 2-7",
        "그 교수 딸 서울ㅇㅇ중 2학년 1반이라던데 다들 참고",
    ],
)
def test_a_childs_school_and_class_is_exposure(text):
    assert "exposure" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "우리 아들 한솔초 5학년 3반인데 담임 선생님 너무 좋으세요",
        "Congrats to Mokdong High class 2-7 on winning the debate final!",
        "My daughter's in grade 2 class 6 at Hanbit Elementary and loves the new library",
        "3학년 2반 교실에서 불이 났다는데 다친 사람 없어서 다행",
        # words ending in 고/중/초 are not schools (하고, 최고, 수업 중)
        "3학년 2반 애들 진짜 최고",
        "체육대회 하고 3학년 2반이 이겼대요",
    ],
)
def test_ones_own_child_or_a_prize_is_not(text):
    assert "exposure" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The guy who tailgated me is Jang Min-hyuk, works nights at the Homeplus in Ilsan",
        "That rude clerk: Kwon Da-eun, Seoul City Hall, parking team 2",
        "The commenter is Nam Gi-tae, IT department at Hanwha, ext 3302",
        "그 댓글 쓴 사람 찾았음 한빛건설 총무팀 오세훈 대리",
        "본명 장유나 강서구 ㅇㅇ병원 원무과 근무",
    ],
)
def test_a_private_person_at_their_workplace_unit_is_exposure(text):
    assert "exposure" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Shin Hye-ri at the Mapo branch, she sorted out my grandma's pension",
        "국가대표팀 김민재 선수 오늘 경기 최고였다",
        "Samsung's chairman Lee Jae-yong visited the Pyeongtaek plant today",
        "The night shift at the hospital deserves a raise, full stop",
        # the news's own names and offices; a reader introducing themself
        "Kim Yo-jong runs the propaganda department, so expect more balloons",
        "Minister Choi Sang-mok's team 2 drafted the budget, per the briefing",
        "My name is Park Ji-min and I work at the Mapo branch, happy to answer questions",
    ],
)
def test_thanks_a_public_figure_or_no_name_is_not(text):
    assert "exposure" not in kinds(text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("신촌 오피 이번주 신규 언니 입점", "sexual"),
        ("ㅈㄱ 만남 원하시는 분 쪽지", "sexual"),
        ("몸캠 알바 구함 고수익", "sexual"),
        ("성인 화상채팅 지금 가입하면 포인트", "sexual"),
        ("노출 방송 실시간 보러 오세요 링크는 프로필", "sexual"),
        ("연예인 몰카 원본 있음 쪽지 주세요", "sexual"),
        ("Relaxing massage with a happy ending, Sinsa, call tonight", "sexual"),
        ("VIP escort service in Gangnam, discreet", "sexual"),
        ("webcam girls waiting for you, click my name", "sexual"),
        ("I hope the judge's plane crashes on the way back", "threat"),
        ("Hope the reporter gets run over by a truck", "threat"),
        ("그 판사 비행기 추락했으면 좋겠다", "threat"),
        ("저 의원 차에 치여 죽었으면", "threat"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "오피스텔 월세가 또 올랐네요",
        "구단 오피셜 떴다 드디어 영입",
        "The film has a happy ending, for once",
        "A police escort led the convoy through Seoul",
        "몰카 범죄 처벌 강화는 당연합니다",
        "I hope the stock market crashes so I can buy cheap, half joking",
        "비행기 추락 사고 희생자 분들의 명복을 빕니다",
    ],
)
def test_clean(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Send corrections to the desk: editors@gyeonggi-times.kr, they fixed mine fast",
        "제보는 jebo@hanbit-ilbo.com 으로 보내시면 된대요",
        "쓰레기 무단투기 신고는 구청 청소행정과 02-3153-8542 로",
        "The district office line 031-729-2114 is on every notice board",
        "The specimen passport number M00000001 on the form confused my dad",
    ],
)
def test_public_channels_and_specimens_are_not_personal(text):
    assert not {"email", "phone", "id_document"} & set(kinds(text)), kinds(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("tips@hanmail.net 로 연락 주세요 사진 팝니다", "email"),
        ("her personal mail is editor.kim@naver.com, tell her what you think", "email"),
        ("시청 앞에서 만나요 010-4482-9310 으로 전화", "phone"),
    ],
)
def test_a_persons_address_or_mobile_still_is(text, kind):
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    ["Our Jindo bitch had puppies last night, six of them", "breeding bitch for sale? no, adopt"],
)
def test_a_female_dog(screen, text):
    assert "offensive" not in screen(text).codes


@pytest.mark.parametrize(
    "text", ["보1지 보여주면 추천", "자.지 사진 보낼게", "ㅂㅈ 라인 보이네 ㅋㅋ", "보​지 사진 줘"]
)
def test_a_word_too_common_to_list_counts_when_disguised(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "sexual" in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "기사를 보지도 않고 댓글 다는 사람들",
        "밤에 잠을 자지 않고 공부했다",
        "그걸 보지 말고 이걸 봐",
    ],
)
def test_the_plain_word_stays_publishable(screen, text):
    assert screen(text).action == PUBLISH


def test_the_disguised_marker_is_part_of_the_pattern_not_the_word():
    from moderation.engine.terms import parse_entry

    p = parse_entry("sexual:~보지")
    assert p is not None and p.disguised and p.core == parse_entry("보지").core
