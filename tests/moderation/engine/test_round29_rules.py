"""Round 29 (after heldout70-73 were measured): numbers named as an order's or a
receipt's, public buildings' addresses, the year 병신년 before a word starting with 아,
words a comment names rather than uses, horned lizards and breeders' registers. Fresh
sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        # a number the comment says is an order's, a receipt's or a ticket's
        "My order no. 010-5512-9034 still says preparing after an hour",
        "ORDER #010 3381 2207 never arrived, the app just spins",
        "영수증 번호 010-2240-1187 로 환불 요청했어요",
        "Receipt no. 231104-2093318 was printed twice on the slip",
        "Ticket number 010-8831-2210 is what the kiosk gave me, odd format",
        "거래번호 240101-3048811 로 조회가 안 돼요",
        # a public building's address
        "기념관 주소는 서울시 서대문구 현저동 101 이에요, 지하철로 가세요",
        "The airport's address is 272 Gonghang-ro, easy to find",
        "시립 병원 주소는 부산시 연제구 거제동 1000 입니다",
        "체육관 주소가 대구시 수성구 범물동 13 이던데 주차가 힘들어요",
        # 병신년 the year, before a word that starts with 아
        "1836년 병신년 아이들 교육 기록이 새로 발견됐대요",
        "1596 병신년 아래 기록을 보면 전쟁 중이었죠",
        "'병신년' here is the calendar label for 2016, nothing more",
        "The year name '병신년' comes from the sixty-year cycle",
        # words named among other words
        "씨발 같은 욕은 아이들 앞에서 안 썼으면 해요",
        "개새끼 같은 표현은 기사 댓글에선 좀 자제합시다",
        "병신 같은 단어를 아직도 예능 자막에 쓰네",
        # horned lizards; a breeder's register
        "Texas horned toads are protected, you can't keep them",
        "A horny toad squirts blood from its eyes when scared",
        "You register the bitch and the sire with the kennel club before the litter is sold",
        "The bitch's pedigree goes back five generations",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, code",
    [
        # a phone number without a number cue, or with an ad's "order by phone"
        ("주문 전화 010-5512-9034 로 연락 주세요", "personal_info"),
        ("Order now! Call 010-3381-2207 for delivery tonight", "personal_info"),
        # a person's home is still a person's home, near a hospital or not
        ("그 간호사 사는 곳 부산시 연제구 거제동 1000 병원 근처", "personal_info"),
        # the vocative insult, and the year's name aimed at someone
        ("이 병신년아 닥쳐", "insult"),
        ("병신년아 꺼져라", "insult"),
        # the word used, not named
        ("씨발 이게 기사냐", "offensive"),
        ("너 같은 병신은 처음 본다", "insult"),
        # horny and bitch aimed at people
        ("So horny watching the weather girl tonight", "sexual"),
        ("That reporter is a bitch and a liar", "offensive"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits
