"""The text rules never raise: a bounded, derandomized fuzz over comments built from the
pieces the detectors parse (at/dot spellings, brackets, digit runs, Korean numerals,
class and plate shapes, messenger names, quotes, invisible and look-alike characters).

A crash here is a 500 on posting. heldout27 found one by hand ("x ( at ) y"); this test
finds that one within its example budget, as checked against the code before the fix.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = [
    " ", "  ", "\n", "\t", ".", ",", "-", "_", "/", ":", "'", '"', "(", ")", "[", "]", "<", ">",
    "@", " at ", "( at )", "(at)", "[at]", " dot ", "( dot )", "[dot]", "(.)", "골뱅이", "닷컴",
    "닷", "점", "쩜", "앳", "gmail", "naver", "daum", "kakao", "com", "net", "kr", "co",
    "http", "hxxp", "://", "www", "bit.ly", "010", "02", "+82", "1588", "1234", "5678", "99",
    "7", "0", "o", "l", "공", "일", "이", "삼", "팔", "구", "영", "학년", "반", "중", "초",
    "class", "grade", "school", "2-3", "kim", "Lee", "Ha-eun", "최민준", "plate", "Ra",
    "Heo", "12가", "3456", "registered to", "번호판", "차주", "카톡", "텔레", "telegram",
    "line", "id", "ID", "계좌", "입금", "카뱅", "account no", "주소", "address is", "lives at",
    "동", "호", "로", "-daero", "apt", "unit", "public line", "대표번호", "시청", "city hall",
    "passport", "여권", "주민번호", "900101", "1234567", "f", "u", "c", "k", "fuck", "f u c k",
    "sh1t", "k1ll", "씨", "발", "ㅅ", "ㅂ", "씨1발", "죽", "여", "이이", "어어", "\u200b",
    "\u200d", "\ufeff", "ｆ", "ս", "а", "ο", "🤡", "💯", "ㅋㅋㅋ", "!!!", "...", "'kill'",
    "\"said\"", "called", "라는", "라고",
]  # fmt: skip

AT = ["@", " at ", "( at )", "(at)", "[at]", " 골뱅이 ", "앳", " (at) "]
DOT = [".", " dot ", "( dot )", "[dot]", "(.)", " 닷 ", "점", " . "]
words = st.sampled_from(["jinwoo", "min_ji", "a1", "x", "kakao", "naver", "네이버", "the"])
# shaped like the things detectors parse, each part spelled any way a reader might
address_like = st.tuples(
    words, st.sampled_from(AT), words, st.sampled_from(DOT), st.sampled_from(["com", "net", "kr"])
).map("".join)
number_like = st.lists(
    st.sampled_from(["010", "02", "1234", "5678", "공팔", "일이", "-", " ", ".", "(", ")"]),
    min_size=2,
    max_size=8,
).map("".join)
piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=3), address_like, number_like)
comments = st.lists(piece, min_size=1, max_size=30).map("".join)


@settings(
    max_examples=2500,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=comments)
def test_screening_never_raises_and_spans_point_into_the_text(screen, text):
    # ``screen`` (conftest) asserts that every hit's span maps back to its matched text
    screen(text)
