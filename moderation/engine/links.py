"""Link detection: URLs, bare domains, and the obfuscated forms spammers use
(``hxxp://``, ``example dot com``, ``example[.]com``, ``kbet77 닷컴``, letter-spaced
``w w w . x . c o m``, fullwidth or look-alike letters, zero-width spaces).

Runs over the *base* key, so spacing, fullwidth and homoglyph tricks are gone
already. Each :class:`Link` carries its original-text span, its registrable
domain, and flags for shorteners and obfuscation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import Key, Normalized

# A practical TLD list: generic, popular spam TLDs and country codes seen in
# Korean spam. A bare ``word.tld`` only counts as a link with one of these.
TLDS = [
    "com",
    "net",
    "org",
    "info",
    "biz",
    "io",
    "co",
    "me",
    "ly",
    "tv",
    "cc",
    "ws",
    "gg",
    "to",
    "sh",
    "ai",
    "app",
    "dev",
    "xyz",
    "top",
    "club",
    "online",
    "site",
    "shop",
    "store",
    "live",
    "life",
    "vip",
    "bet",
    "win",
    "casino",
    "poker",
    "games",
    "fun",
    "link",
    "click",
    "pro",
    "mobi",
    "asia",
    "kr",
    "jp",
    "cn",
    "hk",
    "tw",
    "sg",
    "uk",
    "us",
    "de",
    "fr",
    "ru",
    "ph",
    "vn",
    "th",
    "id",
    "my",
    "in",
    "au",
    "ca",
    "nz",
    "eu",
    "la",
    "su",
    "ml",
    "tk",
    "ga",
    "cf",
    "gq",
    "gl",
    "do",
    "kr",
    "edu",
    "gov",
    "mil",
    "int",
]
# Top-level domains that cost next to nothing to register and carry most link spam
# (the "most abused TLDs" lists of Spamhaus and similar), plus gambling ones. News
# sources, public bodies and reference sites are almost never found under them.
SUSPICIOUS_TLDS = {
    "xyz", "top", "click", "link", "icu", "buzz", "cfd", "sbs", "cyou", "rest", "monster",
    "loan", "bid", "win", "bet", "casino", "poker", "vip", "club", "online", "site", "shop",
    "store", "fun", "live", "tk", "ml", "ga", "cf", "gq",
}  # fmt: skip
TLDS += sorted(SUSPICIOUS_TLDS - set(TLDS))
_TLD = "|".join(sorted(set(TLDS), key=len, reverse=True))

SHORTENERS = {
    "bit.ly",
    "bitly.com",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "buff.ly",
    "cutt.ly",
    "rebrand.ly",
    "shorturl.at",
    "rb.gy",
    "t.ly",
    "tiny.cc",
    "han.gl",
    "me2.do",
    "vo.la",
    "url.kr",
    "buly.kr",
    "lrl.kr",
    "naver.me",
    "t.me",
    "open.kakao.com",
    "linktr.ee",
    "lnkd.in",
}

_SCHEME = r"(?:h[tx]{2}ps?|h\*\*ps?|hxxps?)\s?(?:\[:\]|:|\[://\])\s?/\s?/"
_DOT_OBF = r"(?:\s?[\[\(\{]\s?(?:dot|\.|점)\s?[\]\)\}]\s?|\s+dot\s+|\s?닷\s?)"
_LABEL = r"[a-z0-9](?:[a-z0-9\-_]{0,61}[a-z0-9])?"

_URL = re.compile(
    # Bounded label count and a start-of-label lookbehind keep this linear on
    # adversarial input such as 5,000 characters of "a.a.a.".
    rf"(?:(?P<scheme>{_SCHEME})|(?<![a-z0-9\-_]))"
    rf"(?P<host>(?:{_LABEL}(?:\.|{_DOT_OBF})){{1,5}}(?:{_TLD}))"
    r"(?![a-z0-9\-])"
    r"(?P<path>(?::\d{1,5})?/[^\s<>\"')\]]*)?"
)
_WWW = re.compile(
    r"(?<![a-z0-9])www\s?[.]\s?(?P<host>(?:[a-z0-9\-]{1,63}\s?\.\s?){1,5}[a-z]{2,24})(?![a-z0-9])"
)
_SCHEME_ONLY = re.compile(rf"(?P<scheme>{_SCHEME})(?P<host>[^\s/]+)")
_KO_DOTCOM = re.compile(r"(?<![a-z0-9])(?P<host>[a-z0-9][a-z0-9\-]{2,62})\s?닷\s?(?:컴|넷|케이알)")


# Words that make "x dot com" prose ("the dot com bubble"), not a host.
PROSE_WORDS = {"the", "this", "that", "a", "an", "my", "your", "our", "his", "her", "its", "their"}


@dataclass(frozen=True, slots=True)
class Link:
    span: tuple[int, int]
    url: str
    domain: str
    obfuscated: bool
    shortener: bool
    suspicious: bool = False  # under one of SUSPICIOUS_TLDS


def _clean_host(host: str) -> str:
    host = re.sub(_DOT_OBF, ".", host)
    host = host.replace(" ", "").strip(".")
    return host.removeprefix("www.")


def find_links(norm: Normalized) -> list[Link]:
    base: Key = norm.base
    text = base.text
    if "." not in text and "dot" not in text and "닷" not in text and "hxx" not in text:
        return []
    out: list[Link] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, host: str, obf: bool) -> None:
        if any(s < b and a < e for s, e in taken):
            return
        domain = _clean_host(host)
        if "." not in domain:
            return
        taken.append((a, b))
        short = domain in SHORTENERS or any(domain.endswith("." + s) for s in SHORTENERS)
        suspicious = domain.rsplit(".", 1)[-1] in SUSPICIOUS_TLDS
        out.append(Link(base.span(a, b), text[a:b], domain, obf, short, suspicious))

    for m in _URL.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "@.":
            continue  # the domain part of an e-mail address, or a tail of something longer
        host = m.group("host")
        scheme = m.group("scheme") or ""
        obf = bool(re.search(_DOT_OBF, host)) or ("xx" in scheme or "*" in scheme)
        # bare "word.tld" without scheme or path: need a letter-led label and a real TLD
        if not scheme and not m.group("path"):
            labels = _clean_host(host).split(".")
            if len(labels) < 2 or not labels[0][:1].isalpha() and len(labels) == 2:
                continue
            if obf and (len(labels[-2]) < 3 or labels[-2] in PROSE_WORDS):
                continue
        add(m.start(), m.end(), host, obf)
    for m in _WWW.finditer(text):
        add(m.start(), m.end(), m.group("host"), " " in m.group())  # "www . x . net"
    for m in _SCHEME_ONLY.finditer(text):
        add(m.start(), m.end(), m.group("host"), "xx" in m.group("scheme"))
    for m in _KO_DOTCOM.finditer(text):
        add(m.start(), m.end(), m.group("host") + ".com", True)
    out.sort(key=lambda link: link.span)
    return out


def domain_allowed(domain: str, allow: list[str] | tuple[str, ...] | set[str]) -> bool:
    d = domain.lower()
    for a in allow:
        a = a.lower().lstrip(".")
        if d == a or d.endswith("." + a):
            return True
    return False
