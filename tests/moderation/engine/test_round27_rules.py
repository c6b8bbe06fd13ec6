"""Round 27 (after heldout66-69 were measured): common words that contained a listed one
(found by ``bench/word_audit.py`` and by heldout66-69's false positives), numbers that are
barcodes or samples, and the misses' general forms. Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        # a word that contains a listed one
        "감염병 관리법 개정안이 오늘 통과됐네요",
        "전염병 예방 수칙 잘 지켜주세요",
        "마이애미 여행 후기 잘 읽었습니다",
        "에티오피아 원두가 요즘 제일 맛있어요",
        "언니랑 미니미 커플룩 맞췄어요",
        "아싸 오늘 월급날이다",
        "이누야샤 재방송 해주면 좋겠다",
        "그 장면 보니까 진심이 느껴져요",
        "바위에 새겨져 있던 글씨가 지워졌대요",
        "감자는 두 번 튀기면 더 바삭해요",
        "예약 슬롯이 금방 다 찼네요",
        "직장인 부업 인구가 늘었다는 통계",
        "The Wankel engine is back as a range extender",
        "Coach Yamashita's team won the judo final",
        "Milford Haven's refinery is closing",
        "He paid in shillings back in the day",
        "Tax giveaways to the rich again, predictable",
        "The 1955 car called the Sibal is in the museum",
        "Hooker headers and a new exhaust, that's the whole build",
        "The erection of the new bridge starts in March",
        "Dyke Road has the best charity shops",
        "욕창 예방하려면 두 시간마다 체위 변경이 필요합니다",
        # a barcode or a sample, not a person's number
        "바코드 8801234567893 제품이 리콜 대상이래요",
        "The barcode 8809876543212 is on the back of the pack",
        "고지서 샘플에 나온 34나 5678 번호판은 예시예요",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text, code",
    [
        ("감염병 같은 놈, 염병하네 진짜", "offensive"),
        ("튀기 새끼들 다 나가라", "hate"),
        ("야사 모음 보내줄 사람", "sexual"),
        ("82 10 4471 2290 으로 카톡 주세요", "personal_info"),
        ("연락은 821044712290 으로", "personal_info"),
        ("대 출 무 심 사 오늘 입금", "spam"),
        ("무직자 대출 가능 문의 주세요", "spam"),
        ("C@$H for old phones, we buy everything", "spam"),
        ("Dear, I am a US army surgeon, seeking an honest woman, write me privately", "spam"),
        ("술집 아가씨 2차 되는 곳 알려줘", "sexual"),
        ("다음은 너 차례다 조심해", "threat"),
        ("Let's see how brave the umpire is after the game", "threat"),
        ("A talentless hack wrote this", "insult"),
        ("typical l 0 s e r take", "insult"),
        ("장애인 선수들 경기장에서 치워라", "hate"),
    ],
)
def test_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits
