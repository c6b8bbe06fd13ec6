"""Round 18, after reading heldout38-41's misses and false positives (general forms only;
fresh sentences, none from a corpus)."""

import pytest

from moderation.engine.base import PUBLISH
from moderation.engine.toxicity import strip_innocent

from .conftest import kinds


@pytest.mark.parametrize(
    "text, kind",
    [
        ("관절약 먹고 3주 만에 무릎 좋아짐 강추 쿠팡에서 '튼튼관절' 검색", "plug"),
        ("피부 진짜 좋아졌어요 후기 남겨요 구매는 프로필 링크", "plug"),
        ("그 교수 서초구 반포동 래미안아파트 살아요", "address"),
        ("His name is Jung Min-ho, Korea University, leaves the office at 7 every day", "exposure"),
        ("사고 낸 운전자 차 12가 3456 흰색", "plate"),
    ],
)
def test_the_new_findings(text, kind):
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "그 영화 후기 보고 봤는데 강추예요",
        "모르면 검색해 보세요, 기사에 다 나와 있어요",
        "서초구 반포동 아파트값 또 올랐네요",
        "For visas call the consular section, 02-397-4114",
    ],
)
def test_the_clean_ones_find_nothing_personal(text):
    assert not [k for k in kinds(text) if k in ("plug", "address", "phone", "exposure")]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Expat English teachers are all druggies", "hate"),
        ("they're bringing a rifle to the rally tomorrow", "threat"),
        ("shoot every judge who signed it", "threat"),
        ("hostess jobs in Osaka, high pay, DM", "spam"),
        ("그 선배가 제복 입고 야한 짓 하는 상상", "sexual"),
    ],
)
def test_the_new_forms_are_caught(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "니미츠급 항공모함이 부산에 왔네요",
        "콘서트장에 등신대 세워놨더라",
        "땅따먹기 하던 골목이 그립다",
        'A reader kept telling her to "go back to your country" and the paper printed it',
    ],
)
def test_the_clean_forms_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


def test_the_toxicity_model_also_reads_moby_dick_hyphenated_without_the_name():
    assert "Dick" not in strip_innocent("Moby-Dick is still the great American novel")
