"""Contact and personal information: phones, e-mails, resident registration numbers,
passport and driving-licence numbers, messenger handles, street addresses and car plates,
in the forms spammers and doxxers write them.

Detectors run over the *base* key (folded, zero-width dropped, spaced runs
joined, no leetspeak), so ``０１０－１２３４``, ``0 1 0 - 1 2 3 4`` and ``010\u200b-1234``
are plain digits by then. Each returns :class:`Finding` objects whose span is in
the original text.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .links import PROSE_WORDS
from .normalize import Key, Normalized
from .terms import quoted_spans


@dataclass(frozen=True, slots=True)
class Finding:
    # phone, email, rrn, messenger, address, plate, id_document, exposure, account, plug,
    # whereabouts (knowing where someone lives or goes: code "threat")
    kind: str
    span: tuple[int, int]
    value: str  # normalised value (digits, handle, ...)
    code: str = "personal_info"


# ----------------------------------------------------------------------------- phones

# Digit-like letters inside a digit run: O1O-l234-5678.
# (з, the Cyrillic ze, is a 3 by shape: "010-9З2-1187"; case-folding leaves it Cyrillic)
_DIGITISH = str.maketrans({"o": "0", "l": "1", "i": "1", "|": "1", "з": "3"})
# Letters that stand for digits only by shape (0l0-9Z3l-55G6): Z 2, S 5, G 6, B 8. They
# are read as digits only when the whole stretch then has a Korean mobile number's shape.
_DIGITISH_WIDE = str.maketrans(
    {"o": "0", "l": "1", "i": "1", "|": "1", "з": "3", "z": "2", "s": "5", "g": "6", "b": "8"}
)
_PHONE_RUN = re.compile(
    r"(?<![a-z0-9])\+?[0-9olizsgb|(][0-9olizsgbз|()\-. ㅡ–—]{6,26}[0-9olizsgb|](?![a-z0-9])"
)
# A number written digit by digit, its groups set apart by a dot, a dash or ㅡ
# ("o1o . 3 3 9 2 . 7 1 0 5", "010 ㅡ 3 3 7 2 ㅡ 9 0 1 8"): with the separators gone it is
# exactly a Korean mobile or landline number.
_SPREAD_SEPARATORS = re.compile(r"[\s.\-()ㅡ–—]+")
_TRAILING_WORD = re.compile(r"(?:\s+[a-z|]{2,})+$")
_SPREAD_PHONE = re.compile(r"(?:01[016789]|0(?:2|[3-6][1-5]|70))\d{7,8}")
_MOBILE_SHAPE = re.compile(r"01[016789][-. ]?\d{3,4}[-. ]?\d{4}")
_PHONE_PATTERNS = [
    # Korean mobile: 010-1234-5678, 01012345678, 011-123-4567; after the country code the
    # 0 may go (82 10 1234 5678, 821012345678)
    re.compile(r"(?:\+?82[-. ]?\(?0?\)?[-. ]?0?|0)1[016789][-. ]?\d{3,4}[-. ]?\d{4}"),
    # Korean landline: 02-123-4567, 031-1234-5678, 070 (VoIP)
    re.compile(r"(?:\+?82[-. ]?\(?0?\)?[-. ]?|)0(?:2|[3-6][1-5]|70)[-. )]?\d{3,4}[-. ]?\d{4}"),
    # international: +1 212 555 0199, +44 20 7946 0958, +86 138 0013 8000
    re.compile(r"\+\d{1,3}[-. ]?\(?\d{1,4}\)?(?:[-. ]?\d{2,4}){2,3}"),
]


def _phones(base: Key) -> list[Finding]:
    out: list[Finding] = []
    text = base.text
    for m in _PHONE_RUN.finditer(text):
        cand = m.group()
        real_digits = sum(c.isdigit() for c in cand)
        if real_digits < 6:
            continue
        mapped = cand.translate(_DIGITISH)
        for pat in _PHONE_PATTERNS:
            pm = pat.search(mapped)
            if pm:
                digits = re.sub(r"\D", "", pm.group())
                if len(digits) < 9 or len(digits) > 15:
                    continue
                if pm.start() and mapped[pm.start() - 1].isdigit():
                    break  # the tail of a longer number (8801043012345, a barcode)
                a, b = m.start() + pm.start(), m.start() + pm.end()
                found = Finding("phone", base.span(a, b), digits)
                if (
                    not _public_line(text, found, a, b)
                    and not placeholder_digits(digits)
                    and not _other_number(text, a)  # "Order no. 010-…": an order's number
                ):
                    out.append(found)
                break
        else:
            flat = _SPREAD_SEPARATORS.sub("", mapped)
            if not _SPREAD_PHONE.fullmatch(flat):
                # the run took the next word's shape letters ("2.0.4.8 is the manager")
                flat = _SPREAD_SEPARATORS.sub("", _TRAILING_WORD.sub("", cand).translate(_DIGITISH))
            if _SPREAD_PHONE.fullmatch(flat) and not placeholder_digits(flat):
                found = Finding("phone", base.span(m.start(), m.end()), flat)
                if not _public_line(text, found, m.start(), m.end()):
                    out.append(found)
                continue
            # shape letters: only a whole mobile number, delimited like one (not a word)
            pm = _MOBILE_SHAPE.search(cand.translate(_DIGITISH_WIDE))
            if pm and _whole_token(cand, pm.start(), pm.end()):
                a, b = m.start() + pm.start(), m.start() + pm.end()
                out.append(Finding("phone", base.span(a, b), re.sub(r"\D", "", pm.group())))
    return out


# An institution's published landline, named as such ("the museum's public line is
# 02-...", "구청 대표번호 02-..."), is no one's private number. Mobiles (01x) are never
# let through this way, and "상담"/"문의" are not cues: ads use them.
_PUBLIC_LINE_CUE = re.compile(
    r"public (?:line|number|phone)|main (?:line|number)|switchboard|hotline|helpline|"
    r"information line|official (?:line|number)|consular (?:line|section|number)|"
    r"embassy (?:line|number)|(?:embassy|consulate)(?:'s)? (?:number|phone|line)|"
    r"(?:on|per) (?:their|its) (?:official )?(?:web)?site|booking desk|box office|ticket office|"
    r"reservation desk|"
    r"대표\s?(?:번호|전화)|민원실|민원\s?전화|안내\s?전화|피해자?\s?지원\s?센터|"
    # an office of the state: its landline is on its website
    r"구청|시청|군청|도청|주민\s?센터|보건소|경찰서|소방서|[가-힣]{2,6}지도과|"
    r"\b(?:support|call|help) cent(?:re|er)\b|\bcity hall\b|\bdistrict office\b|\bministry\b|"
    r"콜\s?센터|영사|외교부|고객\s?센터"
)


def _public_line(text: str, f: Finding, a: int, b: int) -> bool:
    if f.value.startswith(("01", "8201", "821")):
        return False
    return _PUBLIC_LINE_CUE.search(text, max(0, a - 40), b + 20) is not None


def placeholder_digits(digits: str) -> bool:
    """The digits of an example, not of anyone: one digit repeated (000000-0000000,
    010-0000-0000) or counting up from 1 (123456, 010-1234-5678), as forms print them.
    For a phone number the test is on what follows the 01x / area prefix."""
    if len(digits) >= 9 and digits.startswith("0"):
        digits = digits[3:] if digits.startswith("01") else digits[2:]
    if len(digits) < 6:
        return False
    # only counting from 1 (1234-5678): numbers like 3456-7890 are written as real ones
    return len(set(digits)) == 1 or digits == "12345678901234567890"[: len(digits)]


def _whole_token(s: str, a: int, b: int) -> bool:
    return (a == 0 or not s[a - 1].isalnum()) and (b == len(s) or not s[b].isalnum())


# Phone numbers spelled with Sino-Korean numerals: 공일공 일이삼사 오육칠팔.
_KO_DIGITS = {
    "공": "0",
    "영": "0",
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    "육": "6",
    "칠": "7",
    "팔": "8",
    "구": "9",
}
_KO_NUM_RUN = re.compile(
    r"[공영일이삼사오육칠팔구0-9][공영일이삼사오육칠팔구0-9\- .]{8,20}[공영일이삼사오육칠팔구0-9]"
)


def _hangul_phones(base: Key) -> list[Finding]:
    out = []
    for m in _KO_NUM_RUN.finditer(base.text):
        cand = m.group()
        if not any(c in _KO_DIGITS for c in cand):
            continue  # plain digits: the digit detector's job
        # the run may swallow a following word ("... 4949 이 번호"): trim from the right
        while len(cand) >= 10:
            digits = "".join(_KO_DIGITS.get(c, c if c.isdigit() else "") for c in cand)
            if re.fullmatch(r"01[016789]\d{7,8}", digits):
                # trimmed down to plain digits ("010-… 이렇게" lost its 이): the digit
                # detector's job, with its cues ("주문번호 010-…" is an order's number)
                if any(c in _KO_DIGITS for c in cand):
                    found = Finding("phone", base.span(m.start(), m.start() + len(cand)), digits)
                    out.append(found)
                break
            cand = cand[:-1].rstrip(" .-")
    return out


# Phone numbers spelled with English number words: "zero one zero, seven seven two one ...".
_EN_DIGITS = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_EN_NUM = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})"
_EN_NUM_RUN = re.compile(rf"\b{_EN_NUM}(?:[\s,.\-]{{1,3}}{_EN_NUM}){{3,12}}\b")
_EN_NUM_WORD = re.compile(r"[a-z]+|\d+")


def _word_phones(base: Key) -> list[Finding]:
    """A mobile number's digits written as words (at least half of them words)."""
    out = []
    for m in _EN_NUM_RUN.finditer(base.text):
        parts = _EN_NUM_WORD.findall(m.group())
        words = sum(p in _EN_DIGITS for p in parts)
        digits = "".join(_EN_DIGITS.get(p, p) for p in parts)
        if words * 2 >= len(parts) and re.fullmatch(r"01[016789]\d{7,8}", digits):
            out.append(Finding("phone", base.span(*m.span()), digits))
    return out


# ----------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63}){0,4}"
    r"\.[a-z]{2,24}"
)
_AT = r"(?:\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|\s+at\s+|\s*골뱅이\s*|\s*@\s*)"
_DOT = r"(?:\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+|\s*닷\s*|\s*점\s*|\s*\.\s*)"
_MAIL_TLD = r"(?:com|net|org|kr|co|io|jp|cn|me|info|biz|edu|gov|ac|uk|us|de|fr)"
_OBF_EMAIL = re.compile(
    rf"(?<![a-z0-9._\-])[a-z0-9][a-z0-9._\-]{{0,63}}{_AT}[a-z0-9\-]{{1,63}}"
    rf"(?:{_DOT}[a-z0-9\-]{{1,63}}){{0,3}}{_DOT}{_MAIL_TLD}\b"
)
_KNOWN_MAIL = re.compile(
    r"gmail|naver|daum|hanmail|kakao|nate|yahoo|hotmail|outlook|icloud|proton|live\.|msn\."
)
# the plain word, not "( at )": a bracketed at is the signal itself
_PLAIN_AT = re.compile(r"(?<![\[\(\{<])\s+at\s+(?![\]\)\}>])")
_SPELLED_DOT = re.compile(r"\s+dot\s+|[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]|닷|점")

# The whole address in Korean words: "hyunwoo_kim 골뱅이 네이버 닷컴" (골뱅이 = @, 닷/점/쩜 = dot).
_KO_PROVIDERS = {
    "네이버": "naver",
    "다음": "daum",
    "한메일": "hanmail",
    "지메일": "gmail",
    "카카오": "kakao",
    "네이트": "nate",
    "야후": "yahoo",
    "핫메일": "hotmail",
    "아웃룩": "outlook",
    "아이클라우드": "icloud",
    "프로톤": "proton",
}
_KO_TLDS = {"컴": "com", "넷": "net", "케이알": "kr", "씨오": "co", "코": "co", "오알지": "org"}
_KO_DOT = r"\s*(?:닷|점|쩜|dot|\.)\s*"
_KO_EMAIL = re.compile(
    r"(?<![a-z0-9._\-])(?P<local>[a-z0-9][a-z0-9._\-]{0,63})\s*(?:골뱅이|@|앳)\s*"
    rf"(?P<domain>{'|'.join(_KO_PROVIDERS)}|[a-z0-9][a-z0-9\-]{{0,62}})"
    rf"(?P<tld>(?:{_KO_DOT}(?:{'|'.join(_KO_TLDS)}|com|net|kr|co|org)(?![a-z0-9])){{0,2}})"
)


# A newsroom's or an office's role address (tips@, jebo@, letters@, desk@) pointed to as
# where to send something ("제보는 jebo@… 로", "email the desk at tips@…") is a public
# channel, not a person's address.
_ROLE_LOCAL = frozenset(
    "tips tip jebo news newsdesk desk editor editors letters opinion press media info help "
    "support contact cs report reports webmaster feedback privacy".split()
)
_ROLE_CUE = re.compile(
    r"제보|기사\s?(?:맨\s?)?(?:아래|하단)|보내\s?(?:시면|면|주세요)|문의는|"
    r"\b(?:tip ?line|tips|news ?desk|the desk|newsroom|the editors?|letters page|"
    r"e-?mail (?:the|them|us)|write to|contact the|report (?:it|abuse|them) to)\b"
)


def _role_address(address: str, text: str) -> bool:
    rest = text.replace(address, " ")  # the cue is in the sentence, not the address
    return address.split("@", 1)[0] in _ROLE_LOCAL and _ROLE_CUE.search(rest) is not None


def _emails(base: Key) -> list[Finding]:
    out = []
    text = base.text
    taken: list[tuple[int, int]] = []
    for m in _EMAIL.finditer(text):
        taken.append(m.span())
        if not _role_address(m.group(), text):
            out.append(Finding("email", base.span(*m.span()), m.group()))
    if " at " in text or "골뱅이" in text or "[" in text or "(" in text or " @" in text:
        for m in _OBF_EMAIL.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            g = m.group()
            if "@" not in g and not _spelled_address(g):
                continue
            out.append(Finding("email", base.span(*m.span()), g))
            taken.append(m.span())
    if "골뱅이" in text or "앳" in text or "@" in text:
        out.extend(_korean_emails(base, taken))
    return out


_PLAIN_EMAIL = re.compile(_EMAIL.pattern + r"$")


def plain_email_domain(value: str) -> str | None:
    """The domain of an e-mail finding written as a plain address, else None (a
    disguised one: ``x at y dot com``, ``x 골뱅이 네이버 닷컴``)."""
    if not _PLAIN_EMAIL.fullmatch(value):
        return None
    return value.rsplit("@", 1)[1]


def _spelled_address(g: str) -> bool:
    """ "x at y dot com": the plain word "at" joins prose too ("the cyber bureau at
    ecrm.police.go.kr"), so it counts only when the rest says address: a mail
    provider's domain, a spelled-out dot, or a handle-looking local part (digits, "_",
    "."). A bracketed "(at)" or "골뱅이" is itself that signal."""
    at = _PLAIN_AT.search(g)
    if at is None:
        return True
    local, domain = g[: at.start()], g[at.end() :]
    first = re.match(r"[a-z0-9\-]+", domain)
    if first is None or first.group() in PROSE_WORDS:
        return False  # "look at the dot com bubble"
    return bool(
        _KNOWN_MAIL.search(domain) or _SPELLED_DOT.search(domain) or re.search(r"[0-9._]", local)
    )


def _korean_emails(base: Key, taken: list[tuple[int, int]]) -> list[Finding]:
    out = []
    text = base.text
    for m in _KO_EMAIL.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        local, domain, tld = m.group("local"), m.group("domain"), m.group("tld")
        # the domain or the TLD in Korean: "네이버 닷컴", "naver 닷컴", "네이버" alone; a
        # local part with a letter ("치킨 3 골뱅이 다음 주에" is an order, not an address)
        if not re.search(r"[a-z]", local):
            continue
        if domain in _KO_PROVIDERS:
            if domain == "다음" and not tld:
                continue  # 다음 is also "next"
        elif not any(c >= "\uac00" for c in tld):
            continue  # Latin domain and TLD: the patterns above
        name = _KO_PROVIDERS.get(domain, domain)
        parts = re.split(_KO_DOT, tld.strip())[1:] if tld else ["com"]
        value = f"{local}@{name}." + ".".join(_KO_TLDS.get(p, p) for p in parts)
        out.append(Finding("email", base.span(m.start(), m.end()), value))
    return out


# ----------------------------------------------------------------------------- RRN

_RRN = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})\s?[-–]?\s?([1-8])\d{6}(?!\d)")


def plausible_rrn(yy: str, mm: str, dd: str, g: str, today: _dt.date | None = None) -> bool:
    """Format + plausible date of birth. The check digit is deliberately ignored:
    numbers issued since October 2020 no longer carry a valid one."""
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900}.get(g, 2000)
    try:
        born = _dt.date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    today = today or _dt.date.today()
    return _dt.date(1900, 1, 1) <= born <= today


# Part of a number, named as one: "주민번호 앞자리 920703 뒷자리 2로 시작", digits spelled
# in Hangul ("팔오공삼일이 다시 …"). The word alone is news ("주민등록번호 뒷자리를 요구하는
# 문자는 사기"), so it takes the word *and* six digits (a birth date) in the comment.
_RRN_WORD = re.compile(r"주민\s?(?:등록)?\s?번호|resident registration number")
_SIX_DIGITS = re.compile(r"(?<!\d)(?:\d[\s.\-]?){5}\d|[공영일이삼사오육칠팔구]{6}")


# Another number of the same shape, named as such just before it: an order, a parcel, a
# bill, a case, a booking or a barcode ("주문번호 230519-2847561", "order number
# 240315-1029384", "바코드 8801111222333": Korean EAN-13 barcodes start 880, a birth year).
_OTHER_NUMBER_CUE = re.compile(
    r"(?:(?:주문|송장|운송장|의안|사건|접수|예약|승인|결제|회원|등기|영수증|거래|승차권)\s?번호|"
    r"발의일|바코드|상품\s?코드|"
    r"(?:order|tracking|invoice|case|booking|reference|serial|bill|parcel|receipt|"
    r"transaction|confirmation|ticket)\s?(?:number|no\.?|#)|"
    r"\b(?:barcode|ean|upc)(?:\s?(?:number|no\.?|#))?)"
    r"\s*[:#.]?\s*(?:는|은|가|이)?\s*$",
    re.IGNORECASE,
)


# ... or named a few words before, in the same clause, and linked to it by "was" or "is"
# ("the booking ref on my hotel email was 010-…", "the lot number on the box is
# 880415-…"). The noun is required ("in any case my number is …" is a phone), and a
# clause that names a phone or a contact is not excused.
_OTHER_NUMBER_CLAUSE = re.compile(
    r"\b(?:order|tracking|invoice|case|booking|reference|serial|bill|parcel|receipt|"
    r"transaction|confirmation|ticket|lot|batch|model|part|flight|reservation)\s?"
    r"(?:number|no\.?|#|ref|reference|code|id)\b([^.,;!?\n]{0,40}?)"
    r"\b(?:was|is|reads|read|says|said|shows|showed)\s*:?\s*$",
    re.IGNORECASE,
)
_CONTACT_WORD = re.compile(
    r"\b(?:phone|call|text|contact|reach|mobile|cell|whatsapp|kakao|telegram|number)\b",
    re.IGNORECASE,
)


def _other_number(text: str, a: int) -> bool:
    if _OTHER_NUMBER_CUE.search(text, max(0, a - 24), a) is not None:
        return True
    m = _OTHER_NUMBER_CLAUSE.search(text, max(0, a - 72), a)
    return m is not None and not _CONTACT_WORD.search(m.group(1))


# after the number: what it really is ("… 보고 주민번호인 줄 알았는데 제조번호래요")
_NOT_AN_RRN_AFTER = re.compile(
    r"(?:제조|일련|제품|모델|시리얼|로트|부품)\s?번호|\bplaceholder|"
    r"\b(?:sample|dummy) (?:number|form)|주민\s?번호인\s?줄|주민\s?번호(?:가|는)\s?아니|"
    r"\b(?:serial|model|part|lot) (?:number|no)\b|not an? (?:id|rrn|resident)"
)


def _rrns(base: Key) -> list[Finding]:
    out = []
    for m in _RRN.finditer(base.text):
        if _other_number(base.text, m.start()) or _NOT_AN_RRN_AFTER.search(
            base.text, m.end(), m.end() + 60
        ):
            continue
        if plausible_rrn(*m.groups()):
            out.append(Finding("rrn", base.span(*m.span()), re.sub(r"\D", "", m.group())))
    if not out:
        word = _RRN_WORD.search(base.text)
        digits = word and not _NOT_AN_RRN_AFTER.search(base.text) and _SIX_DIGITS.search(base.text)
        if digits and not placeholder_digits(re.sub(r"\D", "", digits.group())):
            a, b = min(word.start(), digits.start()), max(word.end(), digits.end())
            out.append(Finding("rrn", base.span(a, b), digits.group()))
    return out


# ----------------------------------------------------------------------------- messengers

_APPS = (
    r"카카오톡|카카오|카톡|ㅋㅌ|ㅋㅋㅇㅌ|kakaotalk|kakao|katalk|텔레그램|텔레|텔그|ㅌㄹ|ㅌㄹㄱㄹ|"
    r"telegram|tele|tg|라인|line|위챗|wechat|whatsapp|왓츠앱|signal|discord|디코"
)
_APP = re.compile(_APPS)  # one scan finds every app name; both forms start from it
_MESSENGER = re.compile(
    rf"(?P<app>{_APPS})"
    r"(?P<id>\s*(?:아이디|id|아디|주소)?)"
    r"(?P<sep>\s+is\s+|\s*[:=：]?\s*)(?:(?:로|으로|에서|은|는)\s*)?"
    r"(?P<at>@?)(?P<handle>[a-z0-9][a-z0-9._\-]{1,30}[a-z0-9_])(?![a-z0-9])"
)
_STRONG_APPS = {
    "카카오톡",
    "카카오",
    "카톡",
    "ㅋㅌ",
    "ㅋㅋㅇㅌ",
    "kakaotalk",
    "katalk",
    "텔레그램",
    "텔레",
}
_STRONG_APPS |= {
    "텔그",
    "ㅌㄹ",
    "ㅌㄹㄱㄹ",
    "telegram",
    "tg",
    "위챗",
    "wechat",
    "whatsapp",
    "왓츠앱",
}
_LINKISH_HANDLE = re.compile(r"\.(?:com|net|org|io|kr|me|ly)\b")
# A handle of one's own or someone's: letters with a digit, "_" or "." (sora.bsn0424), not a
# plain word or a number.
_HANDLE_LIKE = re.compile(r"(?=.*[a-z])(?=.*[0-9_.])")
# Words that make an ordinary word ("line", "signal") a messenger: "add my Line: ...",
# "find her on discord: ...", "hit me up on signal ...".
_CONTACT_CUE = re.compile(
    r"(?:\b(?:my|her|his|their|your|add|dm|message|text|ping|find|reach|contact|hit)\b"
    r"[a-z ]{0,12}(?:\bon\b|\bvia\b)?\s*|친추\s*|추가\s*)$"
)
# The handle before the app: "@dashcam_daegu on Telegram", "moonsig_kr 텔레로 연락",
# "hyejin92 카톡 추가". The handle must look like one (a letter and a digit, "_" or ".").
# The handle before the app name, found backwards from it: the handle and the gap must
# end where the app name starts.
_HANDLE_BEFORE_APP = re.compile(
    r"(?<![a-z0-9._\-])(?P<at>@?)(?P<handle>[a-z0-9][a-z0-9._\-]{2,31})"
    r"(?P<gap>\s+(?:on|via|in)\s+|\s*(?:로|으로)?\s*)$"
)
_AFTER_TAIL = re.compile(r"\s*(?:으로|로|에서|추가|친추|주세요|연락|문의)")
# Apps a handle may precede ("@x_9 on Telegram", "x_99 카톡으로"); the ones that are also
# ordinary words need an "@" there.
_AFTER_APPS = {"kakaotalk", "kakao", "katalk", "telegram", "whatsapp", "wechat", "line"}
_AFTER_APPS |= {
    "signal",
    "discord",
    "카카오톡",
    "카카오",
    "카톡",
    "텔레그램",
    "텔레",
    "위챗",
    "왓츠앱",
}
_WEAK_AFTER = {"line", "signal", "discord"}  # ordinary words: "@handle on line" only


# "Kakao ID of the guy in the video: sunny_daddy82": an app + ID label, a short stretch,
# then a colon and a handle that carries a digit or underscore.
_MESSENGER_LABELLED = re.compile(
    r"(?<![a-z0-9])(?P<app>kakao(?:talk)?|katalk|카카오톡|카카오|카톡|telegram|텔레그램|line|라인|wechat|위챗)"
    r"\s*(?:id|아이디|아디)\b[^\n:：]{0,40}[:：]\s*@?(?P<handle>[a-z0-9._\-]*[0-9_][a-z0-9._\-]*)"
)
# A third person's social-media handle ("her insta is @jiwoo.kim.98"): personal information.
_SOCIAL = re.compile(
    r"(?<![a-z0-9])(?:insta(?:gram)?|ig|twitter|tiktok|facebook|fb|threads|인스타그램|인스타|트위터|틱톡|페북)"
    r"(?:\s*(?:handle|account|id|계정|아이디))?(?:\s*(?:is|:|：|=|은|는))?\s*"
    r"@(?P<handle>[a-z0-9][a-z0-9._]{2,29})(?![a-z0-9])"
)


def _socials(base: Key) -> list[Finding]:
    text = base.text
    if "@" not in text:
        return []
    return [
        Finding("messenger", base.span(*m.span()), f"social:{m.group('handle')}")
        for m in _SOCIAL.finditer(text)
        if re.search(r"[0-9_.]", m.group("handle"))  # personal-looking, not @nytimes
    ]


def _messengers(base: Key) -> list[Finding]:
    out = []
    text = base.text
    for m in _MESSENGER_LABELLED.finditer(text):
        out.append(
            Finding(
                "messenger",
                base.span(m.start(), m.end()),
                f"{m.group('app')}:{m.group('handle')}",
                code="spam",
            )
        )
    for am in _APP.finditer(text):
        if out and any(f.span[0] <= base.starts[am.start()] < f.span[1] for f in out):
            continue  # inside a handle or label already found
        m = _MESSENGER.match(text, am.start())
        if m is not None:
            f = _before_form(base, text, m)
            if f is not None:
                out.append(f)
                continue
        if am.group() in _AFTER_APPS:
            f = _after_form(base, text, am)
            if f is not None and not any(
                g.span[0] < f.span[1] and f.span[0] < g.span[1] for g in out
            ):
                out.append(f)
    return out


def _before_form(base: Key, text: str, m: re.Match) -> Finding | None:
    """'카톡 abc123', 'Telegram: @x', 'her kakao is yeji_0315', 'add my Line: sora.b04'."""
    app, handle = m.group("app"), m.group("handle")
    # the app name must be a word of its own when it is Latin
    a = m.start("app")
    if app.isascii() and a > 0 and text[a - 1].isalnum():
        return None
    if _LINKISH_HANDLE.search(handle):
        return None
    sep = m.group("sep").strip()
    labelled = bool(m.group("at") or m.group("id").strip())
    explicit = labelled or bool(sep)
    handle_like = bool(re.search(r"[0-9_]", handle))
    if sep == "is" and not (labelled or _HANDLE_LIKE.match(handle)):
        return None  # "telegram is encrypted": an ordinary sentence
    if app not in _STRONG_APPS:
        # "line", "signal", "discord" are ordinary words: need an explicit marker, and
        # for "line" a label, or a contact cue before it and a handle-looking ID
        # ("add my Line: sora.bsn0424"; never "bottom line: the plan failed")
        if not explicit:
            return None
        cued = bool(_CONTACT_CUE.search(text, max(0, a - 30), a)) and bool(
            _HANDLE_LIKE.match(handle)
        )
        if app == "line" and not (labelled or cued):
            return None
    elif not (explicit or handle_like or _asked_to_write(text, a, handle)):
        return None
    return Finding("messenger", base.span(a, m.end()), f"{app}:{handle}", code="spam")


# "상담 카톡 engtutorkr", "문의 텔레 vipcoin": a plain-letter ID after a strong app is a
# handle when the words just before the app ask readers to get in touch
_ASK_CUE = re.compile(r"(?:상담|문의|연락|예약|주문|신청|contact|inquir\w*|orders?)\s*$")


def _asked_to_write(text: str, a: int, handle: str) -> bool:
    return len(handle) >= 5 and _ASK_CUE.search(text, max(0, a - 12), a) is not None


def _after_form(base: Key, text: str, am: re.Match) -> Finding | None:
    """'@dashcam_daegu on Telegram', 'moonsig_kr 텔레로', 'gold88 카톡 추가'."""
    app = am.group()
    if am.end() < len(text) and "a" <= text[am.end()] <= "z":
        return None  # "lines", "telegrams"
    if app.isascii() and not text.endswith((" on ", " via ", " in "), 0, am.start()):
        return None  # "timeline", "deadline": a Latin app needs "on"/"via"/"in" before it
    m = _HANDLE_BEFORE_APP.search(text, max(0, am.start() - 48), am.start())
    if m is None:
        return None
    handle, gap = m.group("handle"), m.group("gap").strip()
    if not _HANDLE_LIKE.match(handle) or _LINKISH_HANDLE.search(handle):
        return None
    end = am.end()
    if app.isascii():
        # "@dashcam_daegu on Telegram", "jin_77 via signal"; "on line" needs an "@"
        if gap not in ("on", "via", "in") or (app in _WEAK_AFTER and gap == "in"):
            return None
        if not m.group("at") and (app in _WEAK_AFTER or not re.search(r"[_.]", handle)):
            return None  # "sora_04 on telegram" yes, "covid19 on telegram" no
    else:
        tail = _AFTER_TAIL.match(text, end)
        if not (tail or m.group("at")):
            return None  # "abc123 카톡" alone is too thin; "abc123 카톡으로", "@abc123 텔레" count
        end = tail.end() if tail else end
    return Finding("messenger", base.span(m.start(), end), f"{app}:{handle}", code="spam")


# ----------------------------------------------------------------------------- addresses

# a road-name address to the building ("연남로 5길 21", "포은로12길 3"): a road, its
# numbered branch and a building number, an address whole on its own
_ROAD_GIL_ADDRESS = re.compile(r"[가-힣]로\s?\d{1,3}(?:번)?길\s?\d{1,4}(?:-\d{1,4})?(?!\d)")
_ADDRESS_PATTERNS = [
    # 매탄동 123-45, 성산로 15, 하늘빌라 201호, 105동 1502호
    re.compile(r"[가-힣](?:동|로|길|리|읍|면)\s?\d{1,4}(?:-\d{1,4})?(?:번지)?(?![\d가-힣])"),
    # two patterns, not one alternation: "한양아파트 204동 701호" would let the complex
    # consume the building number and leave "동 701호" unmatched
    re.compile(r"\d{1,4}동\s?\d{1,4}호"),
    re.compile(r"[가-힣]{2,}(?:빌라|아파트|맨션|오피스텔|빌딩)\s?\d{1,4}호?"),
    # English: 302-1104, Unit 1502, Building 105, Apt 3B, 15 Seongsan-ro
    re.compile(
        r"\b(?:apt|apartment|unit|building|bldg|suite|room|flat|house)\.?\s?#?\d{1,5}[a-z]?\b"
    ),
    re.compile(r"\b\d{1,5}(?:-\d{1,5})?\s(?:[a-z]+\s){0,3}(?:apt|apartments?|villa|mansion)\b"),
    re.compile(r"\b\d{1,5}\s[a-z]+-(?:ro|gil|daero|dong|gu)\b"),
    # "Hwagok-dong 1052-7": the neighbourhood, then the lot number
    re.compile(r"\b[a-z]+-(?:dong|ro|gil|daero|ri)\s\d{1,5}(?:-\d{1,4})?(?![\d-])"),
    # building-unit without a street cue ("102-1503, Jamsil ..."): needs a cue or a second element
    re.compile(r"(?<![\d-])\d{3}-\d{3,4}(?![\d-])"),
    _ROAD_GIL_ADDRESS,
]
_ADDRESS_CUE = re.compile(
    r"home address|address is|living at|"
    r"lives? (?:at|in|near|above|below|behind|next to|across from)|"
    r"집\s?주소|주소\s?[:：]|사는\s?곳|"
    r"살아요|살고\s?있|산다|삽니다|거주|(?:동|호)\s?(?:에\s?)?사는|"
    r"\b[a-z]+-gu\b|[가-힣]+(?:시|군|구)\s[가-힣]+(?:동|구|로|길)"
)


_DIGIT = re.compile(r"\d")
# Without a number: an address cue, then district (시/군/구) and neighbourhood (동/읍/면/리),
# as in "본가 주소 부산 해운대구 우동 ○○아파트". A place named without the cue is news.
_DISTRICT_NEIGHBOURHOOD = r"[가-힣]{1,5}(?:시|군|구)\s[가-힣]{1,5}(?:동|읍|면|리)(?![가-힣])"
_COMPLEX = r"(?:아파트|빌라|맨션|오피스텔|apt|\d{1,2}\s?단지|[가-힣]{2,6}단지)"
_NAMED_ADDRESS = re.compile(
    r"(?<![가-힣])(?:집\s?주소|주소|사는\s?곳|사는\s?집|본가|자택)\s?(?:는|은|가|이|:|：)?\s?(?:[가-힣]{2,4}\s)?"
    rf"{_DISTRICT_NEIGHBOURHOOD}(?:\s[가-힣a-z0-9]{{0,12}}{_COMPLEX})?"
)


# A public building's address ("Seoul City Hall's address is 110 Sejong-daero", "구청 주소
# 는 ...") is where readers go to a hearing, not where a person lives: no finding when
# one is named and nothing says someone lives there.
_PUBLIC_PLACE = re.compile(
    r"city hall|town hall|district office|(?:the )?court(?:house)?\b|embassy|consulate|"
    r"museum|library|national assembly|ministry|station\b|community cent(?:er|re)|"
    r"시청|구청|군청|도청|주민센터|행정복지센터|법원|대사관|영사관|박물관|미술관|도서관|국회|정부청사|역\s?(?:주소|위치)|"
    r"본사|사옥|거래소|headquarters|head office|"
    # round 29: memorials, airports, terminals, post and police stations, hospitals, venues
    r"기념관|기념당|공항|터미널|우체국|경찰서|파출소|소방서|보건소|병원|체육관|경기장|공연장|"
    r"memorial hall|airport|bus terminal|police station|fire station|hospital|"
    r"stadium|arena|concert hall|"
    # round 39: a business's address is on its sign (a road-name address alone now counts)
    r"카페|식당|맛집|음식점|빵집|서점|공방|갤러리|호텔|펜션|"
    r"restaurant|caf[eé]\b|bakery|bookshop|bookstore|gallery|hotel"
)
# 집 as a home, not the shop in 빵집, 맛집, 술집, 밥집
_RESIDENCE_CUE = re.compile(
    r"home|lives?\b|living|(?<![빵맛술밥])집|살아|살고|사는|산다|삽니다|거주|자택|본가"
)


# "집은 성북구 길음동 래미안 3단지": someone's home by district, neighbourhood and the
# apartment complex, no number; the complex is required (a home district alone is chat).
_COMPLEX_IN = rf"{_DISTRICT_NEIGHBOURHOOD}\s[가-힣a-z0-9]{{0,10}}?\s?{_COMPLEX}"
_HOME_COMPLEX = re.compile(
    rf"(?<![가-힣])집(?:은|이|도)?\s{_COMPLEX_IN}|"
    # ... or with the residence word after it: "세종시 도담동 한신아파트 살아요"
    rf"{_COMPLEX_IN}\s?(?:에\s?)?(?:살아|산다|삽니다|거주)"
)


# the code that opens someone's gate or front door: "Gate code is 4471", "공동현관 비번 1234*"
_DOOR_CODE = re.compile(
    r"\b(?:gate|door|entry|front door|building|lobby) (?:code|passcode|pin)"
    r"(?: is| =|:)? ?#?\d{3,8}\b|(?:공동\s?)?현관\s?(?:비밀번호|비번)\s?(?:은|는|:)?\s?\d{3,8}"
)


def _addresses(base: Key) -> list[Finding]:
    door = ("code" in base.text or "현관" in base.text) and _DOOR_CODE.search(base.text)
    if door:
        return [Finding("address", base.span(*door.span()), door.group())]
    found = _address(base)
    text = base.text
    if found and _PUBLIC_PLACE.search(text) and not _RESIDENCE_CUE.search(text):
        return []
    return found


# "집은 잠실 엘스 3층": someone's home by a place or complex name and the floor (not "우리
# 집은 3층이라": one's own home, and no place named); literal first, so the engine skips
# to each 집은 instead of trying the lookbehinds at every position
_HOME_FLOOR = re.compile(
    r"집은(?<!우리 집은)(?<!저희 집은)(?<!우리집은)(?<!저희집은)(?<!내 집은)(?<!제 집은)"
    r"(?<![가-힣]집은)\s(?:[가-힣a-z]{1,8}\s){1,3}\d{1,2}층(?!\s?(?:짜리|건물|높이|이상|이하))"
)


def _address(base: Key) -> list[Finding]:
    text = base.text
    named = (
        _NAMED_ADDRESS.search(text)
        or _HOME_COMPLEX.search(text)
        or ("집은" in text and _HOME_FLOOR.search(text))
    )
    if named:
        return [Finding("address", base.span(*named.span()), named.group())]
    if not _DIGIT.search(text):
        return []
    hits = [m for pat in _ADDRESS_PATTERNS for m in pat.finditer(text)]
    if not hits:
        return []
    cue = _ADDRESS_CUE.search(text)
    # one structured element plus a cue, or two structured elements
    if len(hits) >= 2 or cue or any(m.re is _ROAD_GIL_ADDRESS for m in hits):
        a = min(m.start() for m in hits)
        b = max(m.end() for m in hits)
        if cue:
            a, b = min(a, cue.start()), max(b, cue.end())
        return [Finding("address", base.span(a, b), text[a:b])]
    return []


# ----------------------------------------------------------------------------- plates

# A Korean vehicle plate (12가 3456, 123허 4567) next to a plate cue: who drives which car.
_PLATE = re.compile(
    r"(?<!\d)\d{2,3}\s?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주"
    r"아바사자배하허호]\s?\d{4}(?!\d)"
)
# The same plate romanised, as English-language comments write it: "34 Ra 7781",
# "123 Heo 4567" (the syllable's Revised Romanization).
_PLATE_ROMAN = re.compile(
    r"(?<![\d.])\d{2,3} ?(?:[gndrmbsj]?(?:a|eo|o|u)|bae|h(?:a|eo|o))[ -]?\d{4}(?![\d.])"
)
_PLATE_CUE = re.compile(
    r"plate|license|licence|registered to|번호판|차량\s?번호|차\s?번호|넘버|차주|운전자"
)


def _plates(base: Key) -> list[Finding]:
    out: list[Finding] = []
    text = base.text
    if not _PLATE_CUE.search(text):  # the cue first: most comments have none
        return out
    for pattern in (_PLATE, _PLATE_ROMAN):
        for m in pattern.finditer(text):
            window = text[max(0, m.start() - 40) : m.end() + 40]
            if _PLATE_CUE.search(window):
                out.append(Finding("plate", base.span(*m.span()), m.group()))
    if out and _SAMPLE_CUE.search(text):  # the sample on a fine notice, a form, an ad
        return []
    return out


# ----------------------------------------------------------------------------- ID documents

# Passport numbers (Korea: a letter and 8 digits, written with 7 by some readers right
# after 여권번호, or since 2021 a letter, 3 digits, a letter and 4 digits; China a letter
# and 8, Japan two letters and 7) next to a passport cue, and Korean driving-licence
# numbers, whose dashed shape (region-year-serial-check, 11-19-123456-78) is distinctive
# enough on its own; undashed, they need a licence cue.
_PASSPORT = re.compile(
    r"(?<![a-z0-9])(?:[a-z]\d{8}|[a-z]{2}\d{7}|[a-z]\d{3}[a-z]\d{4})(?![a-z0-9])"
    # a letter and 7 digits, right after the word for it
    r"|(?<=여권번호 )[a-z]\d{7}(?![a-z0-9])|(?<=여권번호)[a-z]\d{7}(?![a-z0-9])"
)
_PASSPORT_CUE = re.compile(r"passport|여권")
_LICENCE_DASHED = re.compile(r"(?<![\d-])(?:1[1-9]|2[0-8])-\d{2}-\d{6}-\d{2}(?![\d-])")
_LICENCE_RUN = re.compile(r"(?<!\d)(?:1[1-9]|2[0-8])\d{10}(?!\d)")
_LICENCE_CUE = re.compile(r"licen[cs]e|운전면허|면허\s?번호")


# A document number shown as the specimen printed on a form or a ministry's page
_SAMPLE_CUE = re.compile(r"\b(?:sample|specimen|example|dummy)\b|견본|예시|샘플")


def _id_documents(base: Key) -> list[Finding]:
    text = base.text
    out = []
    if _PASSPORT_CUE.search(text):
        for m in _PASSPORT.finditer(text):
            window = text[max(0, m.start() - 40) : m.end() + 40]
            if _PASSPORT_CUE.search(window):
                out.append(Finding("id_document", base.span(*m.span()), m.group().upper()))
    for m in _LICENCE_DASHED.finditer(text):
        out.append(Finding("id_document", base.span(*m.span()), re.sub(r"\D", "", m.group())))
    if _LICENCE_CUE.search(text):
        for m in _LICENCE_RUN.finditer(text):
            window = text[max(0, m.start() - 40) : m.end() + 40]
            if _LICENCE_CUE.search(window):
                out.append(Finding("id_document", base.span(*m.span()), m.group()))
    if out and _SAMPLE_CUE.search(text):
        return []
    return out


DETECTORS = {
    "phone": lambda b: _phones(b) + _hangul_phones(b) + _word_phones(b),
    "plate": _plates,
    "email": _emails,
    "rrn": _rrns,
    "messenger": _messengers,
    "social": _socials,
    "address": _addresses,
    "id_document": _id_documents,
}


# ----------------------------------------------------------------------------- exposure

# Doxxing without a number: a named person, where to find them (school and class,
# workplace and team, the neighbourhood they live in) and a call to go after them
# ("학교에 민원 넣으세요", "회사에 알려야함", "다들 퍼가세요", "go tell her boss"). All
# three must be there: a name with a workplace is news, and so is a call to complain
# to a ministry; together they point readers at one private person.
# Two patterns, not one alternation: the Korean one starts with a handful of syllables,
# which the regex engine skips to directly; mixed with the English branches it cannot.
_EXPOSE_CALL_KO = re.compile(
    r"민원\s?(?:넣|좀|폭탄|제기)|알려야|알려라|알려\s?줍시다|알립시다|알려\s?드림|퍼가|퍼날|퍼뜨|박제|"
    r"찾아가|전화\s?(?:해|돌|폭탄|좀)|항의\s?(?:해|하|전화|좀)|신상\s?(?:털|공개|박제)|"
    r"(?:이름|실명)\s?(?:공개|까|깝니다|깐다)"
)
_EXPOSE_CALL_EN = re.compile(
    r"\b(?:go tell (?:her|him|them)|let (?:her|his|their) (?:boss|school|employer)|"
    r"call (?:her|his|their) (?:boss|school|office|employer|work)|"
    r"(?:email|e-mail|report) (?:her|his|their) (?:boss|school|employer|principal)|"
    r"spread (?:this|her name|his name)|you know what to do|pay (?:her|him) a visit|"
    # a routine with a time: where to find them, and when
    r"takes the \d{1,2}[:.]\d{2}|leaves (?:work|home|the office|school) at|gets off work at|"
    r"every (?:morning|night|evening|day) at \d)"
)
_EXPOSE_NAME = re.compile(
    r"(?:이름|실명)\s?(?:은|는|이|:|：)?\s?[가-힣]{2,4}|"
    r"(?:담임|교사|선생님?|교수|대리|과장|차장|부장|팀장|사원|주임|원장|실장|간호사|직원|가해자)"
    r"\s?[가-힣]{3}(?:임|이고|이며|이다|이야|씨|님)?(?![가-힣])|"
    r"[가-힣]{3}\s?(?:대리|과장|차장|부장|팀장|사원|주임|선생님?|교사|교수|원장|실장)"
    r"(?:임|이고|이며|이다|이야|님|이|가|은|는)?(?![가-힣])|"
    r"\b(?:mr|ms|mrs|miss|dr)\.? [a-z]+(?:[ -][a-z]+)?|"
    r"\b(?:(?:her|his)? ?name is|name's|named) [a-z]+|"
    # a name with an age in brackets, as a news report gives it: 박서연(23)
    r"[가-힣]{2,4}\s?\(\d{2}\)"
)
_EXPOSE_PLACE = re.compile(
    r"[가-힣]{1,8}(?:초|중|고|여고|여중|초등학교|중학교|고등학교)\s?\d\s?학년|"
    r"\d\s?학년\s?\d{0,2}\s?반?\s?담임|"
    r"직장|회사|사업장|본사|지점|공장|매장|[가-힣]{1,8}팀(?![가-힣])|"
    r"[가-힣]{1,5}(?:시|군|구)\s[가-힣]{1,6}(?:동|읍|면|리)(?![가-힣])|\d{1,3}\s?단지|"
    r"\b(?:works|working|teaches|teaching) (?:at|for|in)\b|\bclass \d|\bbranch\b|\bward\b|"
    r"\buniv(?:ersity)?\b|\bcollege\b|"
    r"[가-힣]{1,5}(?:시|군|구)\s?거주|[가-힣]{2,8}(?:대|대학교|고|중)\s?(?:재학|재직)"
)


# A pupil's class (2학년 3반) named with a victim or a perpetrator needs no call to act:
# it points at one child.
_EXPOSE_CLASS = re.compile(r"\d\s?학년\s?\d{1,2}\s?반")
_EXPOSE_PARTY = re.compile(r"피해자|가해자|피해 학생|가해 학생|victim|bully")


# A pupil named with school and class in a story of wrongdoing needs no call to act: a
# child's name with the class they sit in ("폭행한 학생 성서중 3학년 2반 최민준", "the
# suspect's daughter, Hanbit Middle School, class 1-4, Kim Do-yun") points readers at one
# child. The story is told by a word for a party or a deed (가해, 폭행, 학폭, suspect,
# bully, who posted ...) or a relation to someone accused ('s son, his daughter); a
# pupil named for a prize ("3학년 2반 박서윤 학생이 금상") is news. The name is a
# three-syllable Hangul word starting with a common surname, or a romanised Korean name
# (surname and a hyphenated given name); a teacher's name is the other pattern's job.
_SURNAMES_KO = (
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진"
    "지엄채원천방공현함변염여추도석선설마길연위표명기반왕금옥육인맹제모탁국은편용예경봉"
)
_SURNAMES_EN = (
    "kim|lee|yi|park|pak|choi|choe|jung|jeong|chung|kang|cho|jo|yoon|yun|jang|chang|lim|im|"
    "han|oh|seo|suh|shin|sin|kwon|hwang|ahn|an|song|ryu|yoo|yu|hong|jeon|jun|go|ko|moon|"
    "mun|yang|son|sohn|bae|baek|heo|nam|shim|noh|roh|ha|kwak|sung|seong|cha|joo|ju|woo|"
    "koo|ku|min|jin|chae|won|bang|hyun|byun|yeom|choo|do|seok|sun|ma"
)
_PUPIL_CLASS_KO = re.compile(r"\d\s?학년\s?\d{1,2}\s?반")
_PUPIL_CLASS_EN = re.compile(r"\b(?:class|grade|year) \d{1,2}(?:-\d{1,2})?\b")
_PUPIL_SCHOOL_EN = re.compile(r"\b(?:elementary|middle|high|primary|girls'?|boys'?) school\b")
_PUPIL_NAME_KO = re.compile(
    rf"(?<![가-힣\d])[{_SURNAMES_KO}][가-힣]{{2}}"
    r"(?=(?:이라고|이라는|이래|이에요|이고|이임|이야|이랑|임|이|은|는|가|을|를)?(?![가-힣]))"
)
_PUPIL_NAME_EN = re.compile(rf"\b(?:{_SURNAMES_EN})[ -][a-z]{{2,6}}-[a-z]{{1,6}}\b")
# three-syllable words that start like a surname and sit next to a class in clean prose
_NOT_A_NAME = frozenset(
    "선생님 담임이 담임은 반장이 반장은 부반장 전학생 전학을 학생이 학생은 오늘은 오늘도 우리는 "
    "우리반 이번엔 이번에 이제는 지금은 정말로 진짜로 주말에 한번씩 장난감 교실에 교실은 수업을 "
    "수업은 시험을 성적이 성적은 여자애 남자애 여학생 남학생 여기서 이렇게 그렇게 조용히 "
    "친구가 친구들 모두가 모두들 선배가 후배가 동생이 하교길 등교길 하루는 한명이 두명이 "
    # attitudes a counter clerk is criticised for (고자세 "a haughty manner")
    "고자세 저자세 고압적 불친절 무성의 성의껏 정성껏".split()
)
_PUPIL_STORY = re.compile(
    r"피해|가해|폭행|폭력|학폭|괴롭|왕따|따돌|때린|때렸|범인|용의자|피의자|"
    r"\b(?:suspect|accused|victim|bull(?:y|ied|ies)|attacker|abuser|culprit|offender|perpetrator|"
    r"assault\w*|beat (?:up|him|her)|harass\w*|who posted|who did|who started)\b|"
    r"(?:'s|\b(?:his|her|their)) (?:son|daughter|kid|child|boy|girl)\b"
)
_PUPIL_NEAR_KO = 12  # a Korean name sits right by the class ("3학년 2반 최민준")
_PUPIL_NEAR_EN = 60


def _pupil(base: Key) -> list[Finding]:
    text = base.text
    ko, en = _PUPIL_CLASS_KO.search(text), _PUPIL_CLASS_EN.search(text)
    if (ko is None and en is None) or _PUPIL_STORY.search(text) is None:
        return []
    for cls, name_pat, near, school in (
        (ko, _PUPIL_NAME_KO, _PUPIL_NEAR_KO, None),
        (en, _PUPIL_NAME_EN, _PUPIL_NEAR_EN, _PUPIL_SCHOOL_EN),
    ):
        if cls is None or (school is not None and school.search(text) is None):
            continue
        lo, hi = max(0, cls.start() - near), cls.end() + near
        for name in name_pat.finditer(text, lo, hi):
            if name.group() in _NOT_A_NAME or cls.start() <= name.start() < cls.end():
                continue
            a, b = min(name.start(), cls.start()), max(name.end(), cls.end())
            return [Finding("exposure", base.span(a, b), name.group())]
    return []


# A child's school together with the class they sit in ("대치초 3학년 2반", "Sanggye
# Elementary, grade 4 class 3", "Gwangnam Middle School 2-4") finds one child, with or
# without a name or a story: the brief of every newsroom is not to print it. A prize or a
# parent writing of their own child is the exception. The school's full name counts
# anywhere near the class; the short form (대치초, ㅇㅇ고) only right before the grade, and
# not a word that merely ends in 고, 중 or 초 (하고, 있고, 수업 중).
_SCHOOL_KO = re.compile(
    r"(?:[가-힣]{1,8}|[oO○◯ㅇ]{2}|[xX]{2})(?:초등학교|중학교|고등학교|여고|여중)(?![가-힣])|"
    r"(?:[가-힣]{1,6}|[oO○◯ㅇ]{2}|[xX]{2})(?:초|중|고)(?=\s?\d\s?학년)"
)
_NOT_SCHOOL_KO = re.compile(
    r"(?:[하있되이않보했였같없싶오가주받먹알났었왔갔봤됐줬겠]고|"
    r"(?:수업|회의|진행|공사|사용|근무|방송|통화|식사|시험|경기)\s?중)$"
)
_SCHOOL_EN = re.compile(
    r"\b(?:elementary|primary|middle|high|girls'?|boys'?) school\b|"
    r"\b[a-z]+ (?:elementary|primary)\b|\b[a-z]+ (?:middle|high)(?=,| in | class| grade| \d)"
)
_CLASS_EN = re.compile(
    r"\bclass \d{1,2}-\d{1,2}\b|\b(?:grade|year) \d{1,2},? class \d{1,2}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th) (?:grade|year),? class \d{1,2}\b|"
    r"\bclass \d{1,2} of (?:the )?\d{1,2}(?:st|nd|rd|th) (?:grade|year)\b|"
    r"\bschool,? \d-\d{1,2}\b|\b(?:middle|high|elementary),? (?:class )?\d-\d{1,2}\b"
)
_SCHOOL_CLASS_NOT = re.compile(
    r"축하|수상|금상|은상|대상을|우승|장학|\b(?:congrat\w*|won|wins|award\w*|prize|proud|"
    r"scholarship)\b|\b(?:my|our) (?:son|daughter|kid|child|boy|girl)|우리\s?(?:아이|애|아들|딸)|"
    r"제\s?(?:아이|아들|딸)|내\s?(?:아들|딸)|\bi teach\b|\bmy class\b|우리\s?반"
)


def _school_class(base: Key) -> list[Finding]:
    text = base.text
    for school_pat, class_pat, gate in (
        (_SCHOOL_KO, _PUPIL_CLASS_KO, "학년"),
        (_SCHOOL_EN, _CLASS_EN, "-" if "-" in text else "class"),
    ):
        if gate not in text:
            continue
        cls = class_pat.search(text)
        if cls is None:
            continue
        for school in school_pat.finditer(text, max(0, cls.start() - 60), cls.end() + 60):
            if _NOT_SCHOOL_KO.search(school.group()):
                continue
            if _SCHOOL_CLASS_NOT.search(text):  # a prize, one's own child
                return []
            a, b = min(school.start(), cls.start()), max(school.end(), cls.end())
            return [Finding("exposure", base.span(a, b), cls.group())]
    return []


# A private person named with the unit they work in ("Bae Jun-young, Ulsan shipyard,
# welding team 3", "Park Soo-jin, works at the Mokdong branch of Hana Bank, second window",
# "데이터온 마케팅팀 윤가은", "현대모비스 의왕연구소 최동욱 책임") tells readers where to find
# them at work. A public figure is named with an office, not a team, a shift, a desk or a
# branch; thanks to a helpful clerk is the exception.
_WORK_NAME_EN = re.compile(
    _PUPIL_NAME_EN.pattern + "|"
    rf"(?<!my )\bname(?:'s| is) (?:mr\.? |ms\.? |mrs\.? )?(?:{_SURNAMES_EN})[ -][a-z]+|"
    # a title and a surname: "Mr. Oh from Hanil Insurance, 5th floor sales team"
    rf"\b(?:mr|ms|mrs|miss)\.? (?:{_SURNAMES_EN})\b(?!'s)"
)
# people the news names every day: their office is public
_PUBLIC_NAMES_EN = frozenset(
    "kim jong-un|kim yo-jong|kim il-sung|kim jong-il|moon jae-in|yoon suk-yeol|lee jae-myung|"
    "park geun-hye|lee myung-bak|roh moo-hyun|kim dae-jung|ban ki-moon|han duck-soo|"
    "son heung-min|kim yu-na|lee jae-yong|chung eui-sun|choi tae-won|koo kwang-mo|"
    "shin dong-bin|kim min-jae|lee kang-in|hwang hee-chan|ryu hyun-jin|kim keon-hee".split("|")
)
_SELF_INTRO_EN = re.compile(r"\bmy name(?:'s| is)\b|\bi'?m [a-z]+[ -][a-z]+-[a-z]+\b")
_PUBLIC_ROLE_EN = re.compile(
    r"\b(?:president|prime minister|minister|chairm[ae]n|chairwoman|ceo|lawmakers?|mps?|"
    r"spokes(?:man|woman|person)|leader|head of|senator|mayor|governor|ambassador|"
    r"regime|politburo|striker|midfielder|captain|coach|manager of the national)\b"
)
_TITLED_NAME_EN = re.compile(r"(?:mr|ms|mrs|miss)\b")
_LOOSE_UNIT_EN = re.compile(r"works?\b|based at|teach")
_WORK_UNIT_EN = re.compile(
    r"\bteam \d|\b[a-z]+ team\b|\b(?:night|morning|day|evening|late|early|graveyard) shifts?\b|"
    r"\bbranch\b|\bext(?:ension)?\.? ?\d|\bdesk\b|\b\d{1,2}(?:st|nd|rd|th|f)?[ -]?floor\b|"
    r"\b(?:morning|night|evening) crew\b|\bworks? (?:nights|night shifts)\b|"
    r"\bworks? (?:(?:weekends|weekdays|mornings|evenings|part[- ]time|days) )?(?:at|for|in)\b|"
    r"\bworks? the [a-z0-9]+ (?:on|at|in|by|near)\b|\bteach(?:es)? (?:[a-z0-9]+ ){0,2}at\b|"
    r"\bbased at\b|\bdepartment\b|\bdept\b|\b(?:counter|window|ward) \d"
)
_WORK_TITLE_KO = (
    "대리|과장|차장|부장|팀장|사원|주임|책임|선임|수석|간호사|매니저|알바생?|점장|실장|상담원"
)
_WORK_NAME_KO = re.compile(
    rf"(?:이름|실명|본명)\s?(?:은|는|이|:)?\s?[{_SURNAMES_KO}][가-힣]{{2}}(?![가-힣])|"
    rf"(?<![가-힣])[가-힣0-9]{{1,10}}팀\s?[{_SURNAMES_KO}][가-힣]{{2}}(?![가-힣])|"
    rf"(?<![가-힣])[{_SURNAMES_KO}][가-힣]{{2}}\s?(?:{_WORK_TITLE_KO})"
    r"(?:임|이고|이며|이다|이야|님|이|가|은|는)?(?![가-힣])|"
    rf"(?:{_WORK_TITLE_KO}|직원)\s?(?:이름\s?)?[{_SURNAMES_KO}][가-힣]{{2}}"
    r"(?:임|이고|이래|이에요|씨)?(?![가-힣])|"
    # a full name with an age after it: "김상철 54세 성동구청 공무원"
    rf"(?<![가-힣])[{_SURNAMES_KO}][가-힣]{{2}}\s?[(,]?\s?\d{{2}}\s?세(?![가-힣])"
)
_WORK_UNIT_KO = re.compile(
    r"직장|회사|다님|다니는|다녀|근무|(?<!대표)(?<!국가대표)(?<!상대)(?<!우리)[가-힣0-9]{1,10}팀(?![가-힣])|"
    r"지점|지사|공장|연구소|사업장|병원|매장|창구|편의점|마트|구청|시청|군청|공무원|주민센터|"
    r"민원실|접수처|고객센터|콜센터|행정실"
)
_TEAMS_NOT_WORK = re.compile(r"대표팀|국가대표|상대팀|우리팀|홈팀|원정팀|응원팀|선수|감독|코치")
_WORK_THANKS = re.compile(
    r"감사|고마|칭찬|(?<!불)친절|"
    r"\b(?:thanks?|thank you|kudos|shout ?out|grateful|helped|kind|lovely)\b"
)


# words one of which every name pattern holds: plain substring tests, far cheaper than a
# regex alternation on the comments (nearly all) that have none
_WORK_NAME_EN_GATE = ("-", "name", "mr", "ms", "miss")
_AGE_KO = re.compile(r"\d\s?세(?![가-힣])")
_WORK_NAME_KO_GATE = tuple("이름 실명 본명 팀 직원".split()) + tuple(
    _WORK_TITLE_KO.replace("생?", "").split("|")
)


def _named_at_work(base: Key) -> list[Finding]:
    text = base.text
    for gate, name_pat, unit_pat in (
        (_WORK_NAME_EN_GATE, _WORK_NAME_EN, _WORK_UNIT_EN),
        (_WORK_NAME_KO_GATE, _WORK_NAME_KO, _WORK_UNIT_KO),
    ):
        if not any(word in text for word in gate) and not (
            gate is _WORK_NAME_KO_GATE and "세" in text and _AGE_KO.search(text)
        ):  # no hyphen, no title, no age: most comments
            continue
        name = name_pat.search(text)
        if name is None or name.group().rsplit(" ", 1)[-1] in _NOT_A_NAME:
            continue
        if name_pat is _WORK_NAME_EN and (
            name.group() in _PUBLIC_NAMES_EN
            or _PUBLIC_ROLE_EN.search(text)
            or _SELF_INTRO_EN.search(text)
        ):
            continue
        # "Mr. Kim works at the ministry": a title and a surname name an official as
        # often as a clerk; held only with the unit a reader could walk up to
        titled = _TITLED_NAME_EN.match(name.group()) is not None
        unit = next(
            (
                u
                for u in unit_pat.finditer(text)
                if (not (name.start() <= u.start() < name.end()) or "팀" in name.group())
                and not (titled and _LOOSE_UNIT_EN.match(u.group()))
            ),
            None,
        )
        if unit is None or _WORK_THANKS.search(text) or _TEAMS_NOT_WORK.search(text):
            continue
        a, b = min(name.start(), unit.start()), max(name.end(), unit.end())
        return [Finding("exposure", base.span(a, b), name.group())]
    return []


def _exposure(base: Key) -> list[Finding]:
    text = base.text
    pupil = _pupil(base) or _school_class(base) or _named_at_work(base)
    if pupil:
        return pupil
    call = _EXPOSE_CALL_KO.search(text) or _EXPOSE_CALL_EN.search(text)
    if call is None:
        call = _EXPOSE_CLASS.search(text)
        if call is None or _EXPOSE_PARTY.search(text) is None:
            return []
    name = _EXPOSE_NAME.search(text)
    if name is None or _EXPOSE_PLACE.search(text) is None:
        return []
    a, b = min(name.start(), call.start()), max(name.end(), call.end())
    return [Finding("exposure", base.span(a, b), name.group())]


# ----------------------------------------------------------------------------- accounts

# A bank account number next to an account cue ("계좌번호 국민 942-21-0583-117 예금주
# 정민호"): a private account named with its holder or posted to be used. Korean account
# numbers run 10-14 digits, usually in dashed groups.
_ACCOUNT_CUE = re.compile(
    r"계좌|예금주|입금|송금|카뱅|카카오뱅크|토스뱅크|account (?:no|number|#)|bank account|acct|"
    # a bank named with the number, as a transfer is written ("Shinhan 110-482-739201 Lee
    # Seo-jin", "Kookmin 572-21-0843-119, holder ..."), or the word account or holder
    r"\b(?:shinhan|kookmin|woori|hana|nonghyup|nh|ibk|kb|kakao ?bank|toss ?bank|sc first|"
    r"citi|keb)\b|신한|국민은행|우리은행|하나은행|농협|기업은행|새마을금고|우체국|"
    r"\baccount\b|\b(?:account )?holder\b"
)
_ACCOUNT = re.compile(r"(?<![\d-])\d{2,6}(?:[- ]\d{2,8}){1,3}(?![\d-])|(?<!\d)\d{10,14}(?!\d)")


# Digits written as Sino-Korean numerals inside a dashed run ("3333-공팔-1923554"): read
# as digits, one for one, so spans stay where they were.
_KO_DIGITS_IN_RUN = re.compile(r"(?<=[\d-])[공영일이삼사오육칠팔구]+(?=[\d-])")


# A number shown as an account's format, an example, not anyone's account ("account
# numbers at some banks look like 110-234-567890"; "계좌번호 형식은 …").
_ACCOUNT_FORMAT = re.compile(
    r"\b(?:formats?|look like|looks like|looked like|for example|example|e\.g\.)\b|"
    # (not 형태 alone: "현금 형태로 입금" is a transfer)
    r"예시|(?:번호|계좌)\s?형식|처럼 생"
)

# A charity's or a fund's published account is for giving to, not anyone's exposure.
_PUBLIC_ACCOUNT = re.compile(
    r"공식\s?(?:후원|모금)?\s?계좌|적십자|유니세프|사랑의\s?열매|공동모금회|"
    r"\b(?:official (?:donation |relief |fund )?account|red cross|unicef|community chest)\b"
)


# Ten digits or more with only dashes and spaces between: every account has such a run
# (or Sino-Korean numerals inside one, which _KO_DIGITS_IN_RUN reads as digits)
_LONG_DIGIT_RUN = re.compile(r"\d[\d\- ]{8,}\d")
_KO_DIGIT_AFTER = re.compile(r"[\d-][공영일이삼사오육칠팔구]")


def _accounts(base: Key) -> list[Finding]:
    text = base.text
    if _LONG_DIGIT_RUN.search(text) is None and _KO_DIGIT_AFTER.search(text) is None:
        return []  # most comments: no long run of digits
    cues = [c.start() for c in _ACCOUNT_CUE.finditer(text)]
    if not cues or _PUBLIC_ACCOUNT.search(text) or _ACCOUNT_FORMAT.search(text):
        return []
    text = _KO_DIGITS_IN_RUN.sub(lambda m: "".join(_KO_DIGITS[c] for c in m.group()), text)
    out = []
    for m in _ACCOUNT.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if (
            10 <= len(digits) <= 14
            and any(abs(m.start() - cue) <= 40 for cue in cues)
            and not placeholder_digits(digits)
        ):
            out.append(Finding("account", base.span(*m.span()), digits))
    return out


# ----------------------------------------------------------------------------- cards

# A payment card's number: sixteen digits in four groups (fifteen as 4-6-5 for Amex) with
# a card cue (card, 카드, exp, CVC, 유효기간). The check digit is not asked for: a reader who
# posts a number to have it "checked" or used is exposing one either way.
_CARD = re.compile(
    r"(?<![\d-])\d{4}([- ]?)\d{4}\1\d{4}\1\d{4}(?![\d-])|(?<![\d-])\d{4}[- ]\d{6}[- ]\d{5}(?![\d-])"
)
_CARD_CUE = re.compile(
    r"\bcard\b|카드|\bexp(?:iry|ires)?\b|\bcvc\b|\bcvv\b|유효\s?기간|\b\d{2}/\d{2}\b"
)


_FOUR_FOUR = re.compile(r"\d{4}[- ]?\d{4}")


def _cards(base: Key) -> list[Finding]:
    text = base.text
    out: list[Finding] = []
    if _FOUR_FOUR.search(text) is None:
        return out
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        window = text[max(0, m.start() - 40) : m.end() + 40]
        if _CARD_CUE.search(window) and not placeholder_digits(digits):
            out.append(Finding("account", base.span(*m.span()), digits))
    return out


# ----------------------------------------------------------------------------- plugs

# A testimonial that ends by sending readers to a search box, a shop or a profile
# ("탈모 완전 치료됐어요 강추합니다 검색창에 '…'", "3일 만에 시력 좋아짐 쿠팡에서 '…' 검색"):
# the seller's address without a link. Both halves must be there: "검색해 보세요" alone is
# how readers settle arguments, and a review alone is a review.
_TESTIMONIAL = re.compile(
    r"강추|후기|효과\s?(?:짱|최고|대박|봤)|만족해요|만족합니다|치료됐|완치|빠졌어요|빠짐|"
    r"좋아졌|좋아짐|인생템|대박템|써보고|먹고\s?\d"
)
_SHOP_POINTER = re.compile(
    r"검색\s?(?:하세요|해\s?보세요|해\s?봐요|ㄱㄱ|하시면|창에)|"
    r"(?:쿠팡|네이버|스마트스토어|인스타|유튜브)(?:에서|에)\s?['\"‘“]?[^'\"’”\n]{1,20}['\"’”]?\s?검색|"
    r"(?:구매|주문|문의)(?:는|은)\s?(?:프로필|디엠|dm|쪽지)"
)

_SHOP_WORDS = ("검색", "프로필", "디엠", "dm", "쪽지")  # every _SHOP_POINTER match has one


def _plugs(base: Key) -> list[Finding]:
    text = base.text
    if not any(word in text for word in _SHOP_WORDS):  # most comments have none
        return []
    pointer = _SHOP_POINTER.search(text)
    if pointer is None or _TESTIMONIAL.search(text) is None:
        return []
    return [Finding("plug", base.span(*pointer.span()), pointer.group(), code="spam")]


# ----------------------------------------------------------------------------- whereabouts

# A reader telling someone they know where that person lives, works or goes: "I know which
# station you get off at", "We know where the judge parks", "너 어디 사는지 다 안다". A
# threat with no threat word, so the finding carries the threat code. It needs the
# knowing, a person (you, the reporter, his) and a place or routine in the same sentence
# ("I know where you're coming from", "we know where the money went" are not), and it is
# not counted inside a quotation (a victim reporting the message they got).
_KNOWS_EN = re.compile(
    r"\b(?:i|we)(?:'ve| have)? (?:know|found out|figured out|found)(?: exactly)?"
    r" (?:where|which|what time|when)\b(?P<rest>[^.!?\n]{0,70})"
)
_KNOWS_PERSON_EN = re.compile(
    r"\b(?:you|your|you're|youre|u|ur|he|his|she|her|they|their|the|this|that|[a-z]+'s)\b"
)
_KNOWS_ROUTINE_EN = re.compile(
    r"\b(?:lives?|living|parks?|works?|go|goes|takes?|gets? off|eats?|sleeps?|leaves?|"
    r"office|school|gym|station|building|apartment|apt|complex|unit|dorm|bus|buses|train|"
    r"car|house|home|floor|exit|kids?|children|family|wife|husband|parents|daughter|son|"
    r"route|walks?|jogs?|runs|drives?|commute|stop|uses?|parking|garage|shift|stays?|"
    r"staying|hotel|motel|pension|guesthouse)\b"
)
_KNOWS_NOT_EN = re.compile(
    r"where (?:you're|you are|youre|he's|she's|they're|this is|it's|that's) "
    r"(?:coming from|going|heading)|which one|what time it is|where (?:the )?money|"
    r"where (?:you|he|she|they) stands?|where this (?:is )?going|where it went wrong"
)
_KNOWS_KO = re.compile(
    r"(?:어디\s?(?:사는지|사는\s?곳|다니는지|사는데)|어느\s?[가-힣]{1,4}\s?(?:사는지|다니는지|사는데)|"
    r"사는\s?곳|사는\s?집|다니는\s?(?:학교|회사|곳|직장)|퇴근길|출근길|퇴근\s?시간|출근\s?시간|"
    r"몇\s?시에\s?[가-힣]{1,5}는지|주차(?:해\s?두는|하는)\s?곳)"
    r"[^.!?\n]{0,12}?(?:다\s?|이미\s?|벌써\s?)?"
    r"(?:안다|알아(?!보|요\?|\?)|알고\s?있|알아냈|알아냄|알거든|파악)"
)


def _whereabouts(base: Key) -> list[Finding]:
    text = base.text
    found = None
    if "know" in text or "found" in text or "figured" in text:
        for m in _KNOWS_EN.finditer(text):
            rest = m.group("rest")
            if _KNOWS_NOT_EN.search(text, m.start(), m.end() + 20):
                continue
            if _KNOWS_PERSON_EN.search(rest) and _KNOWS_ROUTINE_EN.search(rest):
                found = m
                break
    if found is None and ("알" in text or "파악" in text):
        found = _KNOWS_KO.search(text)
    if found is None:
        return []
    if any(a <= found.start() < b for a, b in quoted_spans(text)):
        return []
    return [Finding("whereabouts", base.span(*found.span()), found.group(), code="threat")]


DETECTORS["exposure"] = _exposure
DETECTORS["account"] = lambda b: _accounts(b) + _cards(b)
DETECTORS["plug"] = _plugs
DETECTORS["whereabouts"] = _whereabouts

_ID_KINDS = ("rrn", "id_document", "account")


# Any name, capitalised as names are, given as who someone is, with where they work right
# after it: "the worker in the photo is Nguyen Van Tuan, works nights at the foundry". Read
# on the original text, since the keys are lower-cased.
_ANY_NAME_AT_WORK = re.compile(
    r"\b(?:is|named|called) ([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}), (?:\d{1,2}, )?"
    r"(?:works|working|employed)(?: nights| days| night shifts| the night shift)? "
    r"(?:at|in) (?:the|a|an) "
)
# ... said of someone the comment points at: the one in the video, who did something
_POINTED_AT = re.compile(
    r"\b(?:video|photo|clip|footage|picture|cctv|viral|post(?:ed)?|who|that)\b", re.IGNORECASE
)


def _any_name_at_work(original: str) -> list[Finding]:
    if ", " not in original:
        return []
    m = _ANY_NAME_AT_WORK.search(original)
    if (
        m is None
        or not _POINTED_AT.search(original, 0, m.start())
        or _PUBLIC_ROLE_EN.search(original.lower())
    ):
        return []
    return [Finding("exposure", m.span(), m.group(1).lower())]


def find_contact_info(norm: Normalized, kinds: tuple[str, ...] | None = None) -> list[Finding]:
    out: list[Finding] = []
    for kind, fn in DETECTORS.items():
        if kinds is None or kind in kinds:
            out.extend(fn(norm.base))
    if (kinds is None or "exposure" in kinds) and not any(f.kind == "exposure" for f in out):
        out.extend(_any_name_at_work(norm.original))
    # an RRN or a licence number also looks like a long digit run (a phone): keep the
    # more specific finding
    id_spans = [f.span for f in out if f.kind in _ID_KINDS]
    if id_spans:
        out = [
            f
            for f in out
            if f.kind in _ID_KINDS or not any(s <= f.span[0] < e for s, e in id_spans)
        ]
    return out
