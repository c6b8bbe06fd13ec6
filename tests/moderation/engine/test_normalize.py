from moderation.engine.normalize import (
    initials_key,
    jamo_key,
    normalize,
    phonetic,
    skeleton_key,
)


def whole(text):
    key = normalize(text).terms
    return key.text


def back(text, needle):
    """The original substring behind the first occurrence of needle in the term key."""
    key = normalize(text).terms
    i = key.text.index(needle)
    a, b = key.span(i, i + len(needle))
    return text[a:b]


def test_fullwidth_and_case():
    assert whole("ＷＨＡＴ ａ ｄａｙ") == "what a day"
    assert back("ＨＥＬＬＯ there", "hello") == "ＨＥＬＬＯ"


def test_homoglyphs_cyrillic_armenian_greek():
    t = "sаy nоthing"  # Cyrillic а, о
    assert whole(t) == "say nothing"
    assert back(t, "nothing") == "nоthing"
    assert whole("fսn") == "fun"  # Armenian seh
    assert whole("ορen") == "open"  # Greek omicron, rho


def test_zero_width_and_format_chars_dropped_but_span_kept():
    t = "pl\u200bea\u200dse\ufeff now"
    assert whole(t) == "please now"
    assert back(t, "please") == "pl\u200bea\u200dse"


def test_combining_marks_dropped():
    t = "ca\u0301fe\u0336 z\u0353a\u0489lgo"
    assert whole(t) == "cafe zalgo"
    assert back(t, "cafe").startswith("ca\u0301fe")


def test_spaced_letters_joined_latin_needs_three():
    assert whole("a b c d e f") == "abcdef"
    assert whole("plan b is ok") == "plan b is ok"
    assert back("w o r d s here", "words") == "w o r d s"


def test_spaced_hangul_joined_from_two():
    assert whole("바 보 같아") == "바보 같아"
    assert whole("안 녕 하 세 요") == "안녕하세요"


def test_leet_inside_tokens_only():
    assert whole("h3ll0 w0rld") == "hello world"
    assert whole("call 112 now") == "call 112 now"  # digits alone stay digits
    assert whole("wow! @handle") == "wow! @handle"  # edge ! and @ are not letters
    assert whole("b@d") == "bad"


def test_long_repeats_shortened_two_keys():
    n = normalize("soooo gooood")
    assert n.terms.text == "so god"
    assert n.terms_double.text == "soo good"
    assert normalize("good").terms_double is None


def test_korean_digits_and_punctuation_inside_words_removed():
    t = "바.보.야 그리고 멍1청이"
    assert whole(t) == "바보야 그리고 멍청이"
    assert back(t, "멍청이") == "멍1청이"
    assert whole("2016년 3,000원") == "2016년 3,000원"


def test_initials_form_folds_tense_and_mixed():
    k = initials_key(normalize("ㅆㅂ 그리고 ㅅ발 또 씨ㅂ").terms)
    assert k.text.split() == ["ㅅㅂ", "ㅅㅂ", "ㅅㅂ"]
    assert initials_key(normalize("평범한 문장").terms) is None


def test_jamo_form():
    k = jamo_key(normalize("ㅎㅏㄴ 글").terms)
    assert "ㄱㅡㄹ" in k.text


def test_liaison_phonetic_form():
    assert phonetic("먹어요") == "머거요"
    assert phonetic("읽어") == "일거"
    assert phonetic("학교") == "학교"


def test_skeleton_only_for_masked_tokens():
    k = skeleton_key(normalize("what the h*ck and normal").base)
    assert k.text.split() == ["h?ck"]
    assert skeleton_key(normalize("nothing masked").base) is None


def test_offsets_cover_expansions():
    t = "ﬁne ㈜회사"  # ligature fi expands, ㈜ expands to (주)
    n = normalize(t)
    assert n.terms.text.startswith("fine")
    a, b = n.terms.span(0, 2)
    assert t[a:b] == "ﬁ"
