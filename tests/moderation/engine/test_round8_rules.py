"""Round 8, after reading heldout16's and heldout17's misses and false positives (general
forms only; fresh sentences, none from a corpus): bank accounts with their holder; a
pupil's class named with a victim; 알려드림 as a call to act; burning or bombing a place
with people inside; shooting protesters; the coin pump; hidden-camera requests; 오피 and
moaning; the f-word split in two; 좆도. And the clean side: 동성애자 is not the insult
애자, a car named '시발', review-bombing, free entry to a museum."""

import pytest

from moderation.engine.base import HOLD, PUBLISH
from moderation.engine.contact import find_contact_info
from moderation.engine.normalize import normalize


@pytest.mark.parametrize(
    "text",
    [
        "먹튀 계좌 우리 1002-845-331207 예금주 강태오 절대 입금하지 마세요",
        "Send the refund to my bank account 3333-07-8812345, Kakao Bank",
        "계좌번호 농협 302 1188 4471 91 로 보내주시면 됩니다",
    ],
)
def test_a_bank_account_number_by_an_account_cue_is_personal_information(screen, text):
    kinds = [f.kind for f in find_contact_info(normalize(text))]
    assert "account" in kinds, kinds
    assert screen(text).action == HOLD


@pytest.mark.parametrize(
    "text",
    [
        "후원 계좌는 기사 하단에 안내돼 있어요",
        "계좌 개설에 2주 걸렸다는 외국인 얘기 공감됩니다",
        "The account had 1,250,000 won in it, the court heard",
        "Order number 2026-11-29-0042 never arrived",
    ],
)
def test_accounts_talked_about_without_a_number_or_a_number_without_a_cue_are_not(text):
    assert "account" not in [f.kind for f in find_contact_info(normalize(text))]


@pytest.mark.parametrize(
    "text",
    [
        "가해 학생 대성고 1학년 4반 이름 오민재라던데",
        "그 회사 알려드림 성수동 카페 매니저 김하린 과장이 그 사람",
    ],
)
def test_a_named_pupil_by_class_or_a_workplace_handed_out_is_exposure(text):
    assert "exposure" in [f.kind for f in find_contact_info(normalize(text))]


def test_a_class_with_a_name_but_no_victim_or_culprit_is_news():
    text = "3학년 2반 이름 박서윤 학생이 전국 과학대회에서 금상을 받았대요"
    assert "exposure" not in [f.kind for f in find_contact_info(normalize(text))]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Burn the broadcaster's HQ with everyone still inside", "threat"),
        ("just run over the protesters, problem solved", "threat"),
        ("청와대에 폭탄 하나 떨어지면 속이 시원하겠다", "threat"),
        ("Token is going to 100x after the listing, get in before it's too late", "spam"),
        ("anyone got the hidden-cam clip from that motel? dm me", "sexual"),
        ("아나운서 목소리 야하다 ㅋㅋ 밤에 들으면", "sexual"),
        ("역삼 오피 추천 좀 해주세요", "sexual"),
        ("fu cking brilliant goal from Son", "offensive"),
        ("좆도 없는 놈이 큰소리는", "offensive"),
        ("레즈들은 정신병이라 치료받아야 함", "hate"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "동성애자 인권 단체가 낸 성명서 전문이 실렸네요",
        "양성애자 캐릭터가 나오는 드라마라 화제",
        "1955년 국산차 이름이 '시발'이었다니 처음 알았음",
        "개봉도 안 했는데 평점 테러하는 건 좀 아니지",
        "Free entry to the National Museum on culture day, go early",
        "who has the uncensored version of the audit report?",
        "The protesters ran over the time limit at the hearing",
    ],
)
def test_the_clean_neighbours_are_left_alone(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
