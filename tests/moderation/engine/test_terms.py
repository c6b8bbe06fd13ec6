"""Each evasion form and each exception, in English and Korean, against the default
policy and against small hand-made policies. Sentences are written for these tests."""

import pytest

from moderation.engine.base import HOLD, PUBLISH, REJECT
from moderation.engine.normalize import normalize
from moderation.engine.terms import TermMatcher, parse_entry


def term_hits(screener, text):
    res = screener.screen(text)
    for h in res.hits:
        if h.span is not None:
            assert text[h.span[0] : h.span[1]] == h.matched
    return res, [h for h in res.hits if h.rule.endswith("_terms")]


# ------------------------------------------------------------------ evasions (English)

EN_EVASIONS = [
    # (form, text, expected original substring of the hit)
    ("plain", "this budget is fucking absurd", "fucking"),
    ("spacing", "what a f u c k i n g joke of a budget", "f u c k i n g"),
    ("fullwidth", "ｆｕｃｋ the new tax plan", "ｆｕｃｋ"),
    ("armenian", "fսck the new tax plan", "fսck"),
    ("cyrillic", "such ѕhіt reporting today", "ѕhіt"),
    ("greek", "a bullshit stat, ομg", "bullshit"),
    ("zero_width", "what a sh\u200bi\u200bt show", "sh\u200bi\u200bt"),
    ("leet", "that is sh1t journalism", "sh1t"),
    ("leet_symbol", "what a dumb@ss take", "dumb@ss"),
    ("mask", "f*ck this paywall honestly", "f*ck"),
    ("repeats", "fuuuuuuck the traffic today", "fuuuuuuck"),
    ("repeats_double", "what an assssshole move", "assssshole"),
    ("combining", "f\u0336u\u0336c\u0336k\u0336 the council", "f\u0336u\u0336c\u0336k"),
    ("mixed", "ｆ u\u200b c k this", "ｆ u\u200b c k"),
]


@pytest.mark.parametrize("form,text,matched", EN_EVASIONS, ids=[e[0] for e in EN_EVASIONS])
def test_english_evasions_are_caught_with_exact_span(screener, form, text, matched):
    res, hits = term_hits(screener, text)
    assert res.action == REJECT
    assert matched in [h.matched for h in hits]


def test_multiword_threat_across_fullwidth_spaces(screener):
    text = "ｗｅ　ｗｉｌｌ　ｋｉｌｌ　ｙｏｕ tomorrow"
    res, hits = term_hits(screener, text)
    assert res.action == REJECT and {h.code for h in hits} == {"threat"}
    assert "ｋｉｌｌ　ｙｏｕ" in [h.matched for h in hits]


# ------------------------------------------------------------------ evasions (Korean)

KO_EVASIONS = [
    ("plain", "씨발 또 올랐네", "씨발"),
    ("particle", "씨발놈아 조용히 해", "씨발"),
    ("digit_inside", "씨1발 물가 봐라", "씨1발"),
    ("dots_inside", "병.신 같은 정책", "병.신"),
    ("spacing", "씨 발 진짜 너무하네", "씨 발"),
    ("spacing_digit", "아 씨 2 발 뭐냐", "씨 2 발"),
    ("initials", "ㅅㅂ 오늘도 야근", "ㅅㅂ"),
    ("initials_tense", "ㅆㅂ 오늘도 야근", "ㅆㅂ"),
    ("initials_mixed", "ㅅ발 오늘도 야근", "ㅅ발"),
    ("initials_bs", "ㅂㅅ인가 이 사람", "ㅂㅅ"),
    ("cluster_jamo", "ㅄ 같은 소리", "ㅄ"),
    ("jamo_spelled", "ㅅㅣㅂㅏㄹ 진짜", "ㅅㅣㅂㅏㄹ"),
    ("fullwidth_digits", "씨１발 뭐야", "씨１발"),
    ("zero_width", "씨\u200b발 뭐야", "씨\u200b발"),
    ("repeats", "병신신신 인증", "병신신신"),
]


@pytest.mark.parametrize("form,text,matched", KO_EVASIONS, ids=[e[0] for e in KO_EVASIONS])
def test_korean_evasions_are_caught_with_exact_span(screener, form, text, matched):
    res, hits = term_hits(screener, text)
    assert res.action == REJECT
    got = [h.matched for h in hits]
    assert any(m == matched or matched.startswith(m) for m in got), got


def test_korean_threat_initials_and_liaison(screener):
    res, hits = term_hits(screener, "ㅈㅇㅂㄹㄷ 각오해")
    assert res.action == REJECT and hits[0].code == "threat"
    res, hits = term_hits(screener, "너 주겨버린다 각오해")  # written as pronounced
    assert res.action == REJECT and "주겨버린다" in [h.matched for h in hits]
    res, hits = term_hits(screener, "칼 로 찔 러 버 린 다")
    assert res.action == REJECT


# ------------------------------------------------------------------ exceptions

CLEAN_EN = [
    "My cousin moved to Scunthorpe last spring.",
    "The assassination attempt was foiled by guards.",
    "Class sizes keep shrinking, a classic demographic story.",
    "She finished summa cum laude in physics.",
    "A chink in the armour of the coalition appeared.",
    "The cocktail menu near the cockpit lounge was fine.",
    "Dick Cheney wrote a memoir about it.",
    "Shiitake and shitake prices both rose.",
    "Cheap fares to Fukuoka and Phuket this month.",
    "The spicy stew and the grape juice were great.",
    "My therapist studied analysis in Essex and Sussex.",
    "That movie killed me, I was dying of laughter.",
    "Prices shoot up every winter here.",
    "Arsenal and Scunthorpe United both lost.",
    "Japanese food is great and refugees need help.",
]


@pytest.mark.parametrize("text", CLEAN_EN)
def test_english_scunthorpe_words_not_flagged(screener, text):
    assert screener.screen(text).action == PUBLISH, screener.screen(text).hits


CLEAN_KO = [
    "이번 회담이 평화의 시발점이 되기를 바랍니다.",
    "시발역에서 출발하는 첫차를 탔어요.",
    "병신년(丙申年) 겨울의 일을 다룬 책입니다.",
    "신발 끈이 풀려서 넘어질 뻔했어요.",
    "씨 발아가 잘 안 돼서 걱정이에요.",
    "제 십팔번은 옛날 가요예요.",
    "기사를 보지도 않고 댓글 다는 사람이 많네요.",
    "어제는 자지 않고 밤새 일했습니다.",
    "이번 게이트 의혹은 철저히 수사해야 합니다.",
    "일본 자위대 관련 기사 잘 읽었습니다.",
    "길에서 새끼 고양이를 구조했어요.",
    "동물원에서 새끼 펭귄 두 마리가 태어났대요.",
    "바다거북 새끼 거북이들이 바다로 돌아갔습니다.",
    "개 새 발견하고 짖는 소리에 깼어요.",
    "이 집 냉면 맛이 죽인다 진짜",
    "개똥지빠귀가 마당에 왔어요.",
    "씨방이 잘 발달한 꽃입니다.",  # 씨바 must not match inside the syllable 방
]


@pytest.mark.parametrize("text", CLEAN_KO)
def test_korean_exceptions_not_flagged(screener, text):
    res = screener.screen(text)
    assert res.action == PUBLISH, res.hits


@pytest.mark.parametrize(
    "text", ["이 새끼 말하는 꼬라지 봐라", "저 새끼 소리 지르는 거 봐", "새끼 양심도 없네"]
)
def test_baby_animal_exceptions_do_not_excuse_the_insult(screener, text):
    # Hangul exceptions are substrings: no one-syllable animal may start another word.
    assert screener.screen(text).action != PUBLISH


def test_exception_is_per_term_and_global():
    m = TermMatcher(
        {"banned": ["ass*", "*fuck*"]},
        {"ass*": ["assess*", "assum*"], "*": ["assassin*"]},
    )

    def found(t):
        return [x.pattern.entry for x in m.find(normalize(t))]

    assert found("we assess and assume") == []
    assert found("an assassination plot") == []
    assert found("what an asshat") == ["ass*"]
    assert found("clusterfuck") == ["*fuck*"]


def test_exception_only_covers_its_own_span():
    m = TermMatcher({"b": ["시발"]}, {"시발": ["시발점"]})
    hits = m.find(normalize("시발점이라니 시발"))
    assert len(hits) == 1 and hits[0].span == (7, 9)


def test_number_placeholder_in_exceptions():
    """``<n>`` in an exception is any number, written with or without separators."""
    m = TermMatcher({"b": ["zorg", "멍충"]}, {"zorg": ["<n> zorg"], "멍충": ["<n>년 멍충"]})

    def found(t):
        return [x.pattern.entry for x in m.find(normalize(t))]

    assert found("the 1,999 zorg replicas") == []
    assert found("back in 2024 zorg again") == []
    assert found("you zorg") == ["zorg"]
    assert found("2024년 멍충 축제") == []
    assert found("1988년멍충") == []
    assert found("2024년에 이 멍충") == ["멍충"]


# 병신년 (丙申) as the name of a year: after a year number, or with words that follow
# a year's name. Fresh sentences, none from a corpus.
YEAR_NAME_KO = [
    "1956년 병신년 봄에 할머니가 시집오셨다고 한다.",
    "2016 병신년 가을 야구는 두산이 가져갔지.",
    "1896년(병신년) 아관파천 관련 사료를 정리했습니다.",
    "병신년(2016년) 연말 정산 자료를 찾는 중이에요.",
    "할아버지는 1956년병신년생이라 원숭이띠세요.",
    "병신년 한 해 동안 성원해 주셔서 감사합니다.",
]


@pytest.mark.parametrize("text", YEAR_NAME_KO)
def test_byeongsin_as_a_year_name_is_not_an_insult(screener, text):
    res = screener.screen(text)
    assert res.action == PUBLISH, res.hits


# ...while the insult stays an insult, with or without a year nearby
INSULT_KO = [
    ("야 이 병신년아 작작 해", "병신"),
    ("2016년 그 병신년아 기억나냐", "병신년아"),
    ("2024년 병신년들 또 몰려왔네", "병신년들"),
    ("저 병신년 또 시작이네", "병신"),
    ("2020년에 이 병신년이 한 짓 봐라", "병신"),
]


@pytest.mark.parametrize("text,matched", INSULT_KO)
def test_byeongsin_insult_beats_the_year_exception(screener, text, matched):
    res = screener.screen(text)
    assert res.action == REJECT, res.hits
    assert matched in [h.matched for h in res.hits]


def test_whole_word_and_wildcards():
    m = TermMatcher({"b": ["cunt", "fuck*", "*shit"]})

    def found(t):
        return [x.pattern.entry for x in m.find(normalize(t))]

    assert found("Scunthorpe") == []
    assert found("fucking hell") == ["fuck*"]
    assert found("motherfucking") == []
    assert found("bullshit") == ["*shit"]
    assert found("shitty") == []


def test_entry_parsing_codes():
    p = parse_entry("insult:idiot*")
    assert (p.code, p.core, p.prefix_wild, p.suffix_wild) == ("insult", "idiot", False, True)
    p = parse_entry("ｆｕｃｋ")
    assert (p.code, p.core) == ("offensive", "fuck")
    assert parse_entry("nonsense:thing").code == "offensive"  # unknown prefix is text


def test_suspect_holds_and_banned_rejects(screener):
    assert screener.screen("you absolute moron").action == HOLD
    assert screener.screen("you absolute fucker").action == REJECT


def test_group_generalisation_needs_both_words(screener):
    res = screener.screen("Immigrants are all criminals, every one of them.")
    assert res.action == HOLD and "hate" in res.codes
    assert screener.screen("Immigrants helped rebuild the port city.").action == PUBLISH
    assert screener.screen("Criminals were arrested near the station.").action == PUBLISH


def test_hit_names_rule_code_term_span(screener):
    text = "honestly ㅅㅂ what a day"
    res = screener.screen(text)
    (h,) = [h for h in res.hits if h.rule == "banned_terms"]
    assert h.code == "offensive" and h.term == "offensive:ㅅㅂ"
    assert text[h.span[0] : h.span[1]] == "ㅅㅂ" == h.matched
    d = h.as_dict()
    assert d["span"] == [9, 11] and d["detail"]["key"] == "initials"
