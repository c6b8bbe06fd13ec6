"""The default text policy: term lists curated for Parley plus link/contact settings.

Term files live in ``data/``: ``terms_en.txt``, ``terms_ko.txt`` (sections
``[banned <code>]`` / ``[suspect <code>]``, one pattern per line) and
``exceptions.txt`` (``pattern = word, word``). A term line ``a, b | c, d`` is a phrase
family, expanded to ``a c, a d, b c, b d``. See ``data/README.md``.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from importlib import resources

from .classifier import DEFAULT_CATEGORY_THRESHOLDS as CLASSIFIER_CATEGORY_THRESHOLDS
from .classifier import DEFAULT_THRESHOLD as CLASSIFIER_THRESHOLD
from .classifier import DEFAULT_THRESHOLD_KO as CLASSIFIER_THRESHOLD_KO
from .rules import DEFAULT_TEXT_RULES

TERM_FILES = ("terms_en.txt", "terms_ko.txt")

# Links to these never count (a reader citing the news or the government is not spam).
PUBLIC_BODY_DOMAINS = [
    # government, public bodies, international organisations
    "go.kr", "korea.kr", "gov.kr", "or.kr", "gov", "gov.uk", "europa.eu", "un.org", "who.int",
    "imf.org", "worldbank.org", "oecd.org", "nato.int", "state.gov", "whitehouse.gov",
    # Korean public corporations whose sites are outside .go.kr/.or.kr: rail, metro,
    # airports, expressways, power, post-office bank (readers point each other to them)
    "letskorail.com", "korail.com", "srail.kr", "seoulmetro.co.kr", "airport.kr",
    "airport.co.kr", "ex.co.kr", "kepco.co.kr", "kobus.co.kr", "epostbank.go.kr",
    "bloodinfo.net",  # the Korean Red Cross's blood-donation bookings
    "applyhome.co.kr",  # public housing subscriptions (Korea Real Estate Board)
]  # fmt: skip
NEWS_DOMAINS = [
    # Korean and international news
    "yna.co.kr", "yonhapnews.co.kr", "koreaherald.com", "koreatimes.co.kr",
    "joongang.co.kr", "koreajoongangdaily.joins.com", "chosun.com", "donga.com",
    "hani.co.kr", "khan.co.kr", "kbs.co.kr", "mbc.co.kr", "sbs.co.kr", "jtbc.co.kr",
    "ytn.co.kr", "news.naver.com", "v.daum.net", "reuters.com", "apnews.com", "bbc.com",
    "bbc.co.uk", "nytimes.com", "washingtonpost.com", "wsj.com", "ft.com", "economist.com",
    "theguardian.com", "bloomberg.com", "cnn.com", "npr.org", "aljazeera.com",
    "nknews.org", "38north.org", "dailynk.com", "nikkei.com", "scmp.com",
]  # fmt: skip
REFERENCE_DOMAINS = [
    "wikipedia.org", "wikimedia.org", "britannica.com", "doi.org", "arxiv.org",
]  # fmt: skip
LINK_ALLOW_DOMAINS = PUBLIC_BODY_DOMAINS + NEWS_DOMAINS + REFERENCE_DOMAINS
# E-mail addresses at these are public contact points (a ministry's complaints desk, a
# paper's tip line, a reporter's byline address), not a private person's details.
# Web-mail providers are never here; a site adds its own domain in the policy.
CONTACT_ALLOW_DOMAINS = PUBLIC_BODY_DOMAINS + NEWS_DOMAINS


def _data(name: str) -> str:
    return resources.files("moderation.engine").joinpath("data", name).read_text("utf-8")


_SECTION = re.compile(r"^\[(banned|suspect)\s+([a-z_]+)\]$")


def parse_term_file(text: str) -> dict[str, list[str]]:
    """``{"banned": ["code:pattern", ...], "suspect": [...]}`` from one term file."""
    out: dict[str, list[str]] = {"banned": [], "suspect": []}
    current: tuple[str, str] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _SECTION.match(line)
        if m:
            current = (m.group(1), m.group(2))
            continue
        if current is None:
            raise ValueError(f"line {lineno}: pattern outside a section: {raw!r}")
        out[current[0]].extend(f"{current[1]}:{p}" for p in expand_line(line))
    return out


def expand_line(line: str) -> list[str]:
    """``a, b | c, d`` -> ``a c``, ``a d``, ``b c``, ``b d``: phrase families (subject |
    verb | object) are written once and expanded into plain patterns. A line without
    ``|`` is one pattern."""
    if "|" not in line:
        return [line]
    out = [""]
    for slot in line.split("|"):
        alts = [a.strip() for a in slot.split(",") if a.strip()]
        out = [f"{o} {a}".strip() for o in out for a in alts]
    return out


def parse_sections(text: str) -> dict[str, list[str]]:
    """``[name]`` sections of plain lines (used by ``generalisation.txt``)."""
    out: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
        elif current is not None:
            current.append(line)
    return out


_COMMA = "\x00"


def parse_exceptions(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, _, words = line.partition("=")
        # "a, b | c, d" on the right is a phrase family (as in the term files); "\," is a
        # comma inside an exception ("dildo\, newfoundland"), not a separator
        words = words.replace("\\,", _COMMA)
        items = expand_line(words) if "|" in words else [w.strip() for w in words.split(",")]
        items = [w.replace(_COMMA, ",") for w in items if w]
        out.setdefault(pattern.strip(), []).extend(items)
    return out


def _pair_lists(name: str) -> dict[str, list[str]]:
    """A pair rule's data file: ``[section]`` lists, each line expanded as in the term files."""
    return {
        section: [p for line in lines for p in expand_line(line)]
        for section, lines in parse_sections(_data(name)).items()
    }


@lru_cache(maxsize=1)
def _default_policy() -> dict:
    banned: list[str] = []
    suspect: list[str] = []
    for name in TERM_FILES:
        parsed = parse_term_file(_data(name))
        banned += parsed["banned"]
        suspect += parsed["suspect"]
    gen = _pair_lists("generalisation.txt")
    sexual = _pair_lists("sexual_remark.txt")
    gambling = _pair_lists("gambling_ad.txt")
    mentions = parse_sections(_data("mentions.txt"))
    return {
        "rules": list(DEFAULT_TEXT_RULES),
        "banned_terms": banned,
        "suspect_terms": suspect,
        "term_exceptions": parse_exceptions(_data("exceptions.txt")),
        "mention_quote_cues": mentions.get("quote_cues", []),
        "mention_after_cues": mentions.get("after_cues", []),
        "link_max": 2,
        "link_allow_domains": list(LINK_ALLOW_DOMAINS),
        "link_action": "hold",
        "link_obfuscated_action": "hold",
        "link_shortener_action": "hold",
        "link_suspicious_action": "hold",
        "link_unlisted_action": "hold",
        "link_trusted_after": 3,
        "contact_info_action": "hold",
        "contact_info_allow_domains": list(CONTACT_ALLOW_DOMAINS),
        "contact_info_allow_numbers": [],
        "generalisation_groups": gen["groups"],
        "generalisation_predicates": gen["predicates"],
        "generalisation_negators": gen.get("negators", []),
        "generalisation_window": 60,
        "generalisation_action": "hold",
        "sexual_remark_words": sexual["words"],
        "sexual_remark_cues": sexual["cues"],
        "sexual_remark_negators": sexual.get("negators", []),
        "sexual_remark_window": 60,
        "sexual_remark_action": "hold",
        "gambling_ad_words": gambling["words"],
        "gambling_ad_cues": gambling["cues"],
        "gambling_ad_negators": gambling.get("negators", []),
        "gambling_ad_window": 60,
        "gambling_ad_action": "hold",
        "toxicity_threshold": 0.9,
        "toxicity_action": "hold",
        "classifier_threshold": CLASSIFIER_THRESHOLD,
        "classifier_threshold_ko": CLASSIFIER_THRESHOLD_KO,
        "classifier_category_thresholds": dict(CLASSIFIER_CATEGORY_THRESHOLDS),
        "classifier_action": "hold",
    }


def default_text_policy() -> dict:
    """A fresh copy of the default policy snapshot (callers may mutate it)."""
    return copy.deepcopy(_default_policy())
