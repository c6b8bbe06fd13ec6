"""Term matching with Aho–Corasick over the normalised match keys.

A policy entry is ``"[code:]pattern"``. ``*`` at the start or end of a pattern
is a wildcard for the rest of the word (``fuck*`` -> ``fucking``,
``*fuck*`` -> ``motherfucker``). Otherwise a Latin-script pattern matches whole
words only (``cunt`` does not match ``Scunthorpe``). Hangul patterns match as
substrings of the Korean key, because Korean attaches particles (``씨발놈아``);
false positives are handled by exceptions (``시발`` -> ``시발점``).

An exception is itself a pattern (same wildcard rules); a hit for a term is
dropped when an exception registered for that term (or for ``"*"``) covers the
hit's span in the original text. Exceptions are matched in the same automata,
so they cost nothing extra. In an exception, ``<n>`` stands for any number
(``병신 = <n>년 병신년``: the calendar year, whatever year is written before it); those
are matched in a small automaton of their own over the numbers key (every number
written as ``#``), scanned only when a comment has a hit and a digit.

All the patterns of a policy compile into a fixed set of automata (main key, Korean
no-space, phonetic, loose, initial-consonant and jamo keys, the masked-token skeleton key,
Latin phrases without their spaces for letter-spaced writing, numbered exceptions).
Scanning is linear in the comment length, whatever the list size.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ahocorasick

from .normalize import (
    Key,
    Normalized,
    initials_of,
    is_hangul,
    jamo_of,
    loose_of,
    marks_of,
    normalize_pattern,
    normalize_pattern_base,
    phonetic,
    skeleton_of,
    written_initials,
)

REASON_CODES = (
    "offensive",
    "insult",
    "hate",
    "threat",
    "sexual",
    "spam",
    "personal_info",
    "off_topic",
    "other",
)
DEFAULT_CODE = "offensive"
NUMBER = "<n>"  # in an exception: any number (the numbers key writes each one as "#")


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: str  # the policy entry as written, e.g. "insult:idiot*"
    code: str
    core: str  # normalised pattern without wildcards, e.g. "idiot"
    prefix_wild: bool
    suffix_wild: bool
    # written with a space between its words: also matched with the spaces dropped
    # (Korean "팰 거" for "팰거야" and "팰 거야"), even where the key joined them
    spaced: bool = False
    # written "~보지": a word too common to list bare (보지도 않고) that counts only where
    # the reader disguised it (보1지, 보.지, ㅂㅗㅈㅣ): the disguise is the intent
    disguised: bool = False

    @property
    def owner(self) -> str:
        return self.core


@dataclass(frozen=True, slots=True)
class TermMatch:
    pattern: Pattern
    list_name: str  # e.g. "banned" / "suspect"
    span: tuple[int, int]  # original text
    key: str  # which key matched: "main", "nospace", "initials", "jamo", "skeleton"


def parse_entry(
    entry: str, default_code: str = DEFAULT_CODE, *, base: bool = False
) -> Pattern | None:
    """A policy entry as a pattern in term-key form (``base=True``: base-key form, for
    exceptions matched over the numbers key)."""
    raw = entry.strip()
    code = default_code
    head, sep, rest = raw.partition(":")
    if sep and head.strip().lower() in REASON_CODES:
        code, raw = head.strip().lower(), rest.strip()
    disguised = raw.startswith("~")
    raw = raw.lstrip("~")
    prefix = raw.startswith("*")
    suffix = raw.endswith("*") and len(raw) > 1
    body = raw.strip("*")
    core = normalize_pattern_base(body) if base else normalize_pattern(body)
    if not core:
        return None
    spaced = " " in body.strip()
    return Pattern(entry.strip(), code, core, prefix, suffix, spaced, disguised)


def _latin_edge(c: str) -> bool:
    return "a" <= c <= "z"


def _skeleton_edge(c: str) -> bool:
    # in the skeleton key "?" stands for a vowel or mask; elsewhere it is punctuation
    return "a" <= c <= "z" or c == "?"


def _masked_variants(core: str) -> set[str]:
    """``core`` with one run of one to three letters after the first written as ``?``
    (``f??k``, ``b???h``, ``a??hole``), for the stars key: a reader's stars stand for
    consonants too, one star per letter. At least two letters must stay visible, so
    ``f***`` names no word."""
    out = set()
    for i in range(1, len(core)):
        for run in (1, 2, 3):
            if i + run > len(core):
                break
            v = core[:i] + "?" * run + core[i + run :]
            if sum(c != "?" for c in v) >= 2:
                out.add(v)
    return out


def _is_initials(s: str) -> bool:
    return all(0x3131 <= ord(c) <= 0x314E for c in s.replace(" ", "")) and bool(s.strip())


def _syllables(s: str) -> int:
    return sum(1 for c in s if 0xAC00 <= ord(c) <= 0xD7A3)


class _Auto:
    """One Aho–Corasick automaton: key string -> list of (is_exception, item, needle)."""

    def __init__(self) -> None:
        self._a = ahocorasick.Automaton()
        self._tmp: dict[str, list] = {}
        self.size = 0

    def add(self, needle: str, value: tuple) -> None:
        if not needle:
            return
        # Hangul syllables are stored decomposed (NFD, conjoining jamo): the automaton's
        # nodes then branch over ~70 jamo instead of 11,172 syllables, which keeps a
        # 10,000-term Korean list as fast to scan as a short one.
        self._tmp.setdefault(unicodedata.normalize("NFD", needle), []).append(value)

    def finish(self) -> None:
        for needle, values in self._tmp.items():
            self._a.add_word(needle, (len(needle), tuple(values)))
        self.size = len(self._tmp)
        self._tmp = {}
        if self.size:
            self._a.make_automaton()

    def iter(self, text: str):
        return self._a.iter(text) if self.size else ()


class TermMatcher:
    """Compiled term lists. Build once per policy version; ``find`` is thread-safe."""

    def __init__(
        self,
        lists: dict[str, list[str]],
        exceptions: dict[str, list[str]] | None = None,
        mentions: dict[str, list[str]] | None = None,
    ) -> None:
        mentions = mentions or {}
        self.quote_cues = tuple(c.lower() for c in mentions.get("quote_cues") or ())
        self.after_cues = tuple(c.lower() for c in mentions.get("after_cues") or ())
        self.main = _Auto()
        self.nospace = _Auto()
        self.initials = _Auto()
        self.jamo = _Auto()
        self.skeleton = _Auto()
        self.stars = _Auto()  # masked spellings: f**k, b***h (one star per letter)
        self.phonetic = _Auto()
        self.loose = _Auto()
        self.numbered = _Auto()  # exceptions with "#" for a number
        # Latin phrases without their spaces, for letter-spaced writing: "v i s i t  m y
        # s h o p" joins to one word, in which "visit my shop" is "visitmyshop"
        self.joined = _Auto()
        self.count = 0
        for list_name, entries in lists.items():
            for entry in entries:
                p = parse_entry(entry)
                if p is None:
                    continue
                self._add(p, (False, p, list_name))
                self.count += 1
        for owner_raw, words in (exceptions or {}).items():
            owner = "*" if owner_raw.strip() == "*" else normalize_pattern(owner_raw.strip("*"))
            for w in words:
                p = parse_entry(w, base=NUMBER in w)
                if p is None:
                    continue
                if NUMBER in p.core:
                    # "2016년 병신년" and "2016년병신년" alike
                    needle = p.core.replace(NUMBER, "#")
                    self.numbered.add(needle, (True, p, owner))
                    self.numbered.add(needle.replace(" ", ""), (True, p, owner))
                else:
                    self._add(p, (True, p, owner))
        for a in (
            self.main,
            self.nospace,
            self.initials,
            self.jamo,
            self.skeleton,
            self.stars,
            self.phonetic,
            self.loose,
            self.numbered,
            self.joined,
        ):
            a.finish()

    def _add(self, p: Pattern, value: tuple) -> None:
        core = p.core
        if _is_initials(core):
            # folded as the text's initials are (ㅉㄲ is read as ㅈㄱ), else a listed tense
            # consonant could never match
            self.initials.add(initials_of(core.replace(" ", "")), value)
            return
        self.main.add(core, value)
        has_hangul = any(is_hangul(c) for c in core)
        if has_hangul:
            syl = _syllables(core)
            if " " in core or p.spaced or syl >= 4:
                self.nospace.add(core.replace(" ", ""), value)
            if syl >= 3:
                # spelled as pronounced: 주겨버린다 for 죽여버린다
                self.phonetic.add(phonetic(core), value)
            # not for an exception: a hit in the initials key only counts where the reader
            # typed bare consonants (ㄱㅅㄲ), which is never the innocent word; 곰 새끼 (a
            # bear cub) read as ㄱㅅㄲ would clear 개새끼's initials
            if syl >= 3 and not value[0]:
                ini = initials_of(core.replace(" ", ""))
                if len(ini) >= 2:
                    self.initials.add(ini, value)
            self.jamo.add(jamo_of(core), value)
            if syl >= 2 and (syl == len(core.replace(" ", "")) or value[0]):
                # respelt with an extra tense consonant or glide: 쥭여버린다, 씨빨
                self.loose.add(loose_of(core), value)
        else:
            if " " in core and not value[0]:
                self.joined.add(core.replace(" ", ""), value)
            if len(core) >= 4 and core.isalpha():
                self.skeleton.add(skeleton_of(core), value)
                if not value[0]:
                    for variant in _masked_variants(core):
                        self.stars.add(variant, value)

    # ------------------------------------------------------------------ scanning

    @staticmethod
    def _scan(
        auto: _Auto, key: Key | None, name: str, found: list, excs: list, original: str = ""
    ) -> None:
        if key is None or not auto.size:
            return
        text = key.text
        n = len(text)
        edge = _skeleton_edge if name in ("skeleton", "stars") else _latin_edge
        scan = text if text.isascii() else unicodedata.normalize("NFD", text)
        index: list[int] | None = None  # scan position -> key position, built on first hit
        for s_end, (length, values) in auto.iter(scan):
            s_start = s_end - length + 1
            if scan is text:
                start, end = s_start, s_end
            else:
                last = scan[s_end]
                if (
                    "\u1161" <= last <= "\u1175"
                    and s_end + 1 < len(scan)
                    and "\u11a8" <= scan[s_end + 1] <= "\u11ff"
                ):
                    continue  # the pattern ends mid-syllable: 씨바 is not in 씨방
                if index is None:
                    index = _nfd_index(text)
                start, end = index[s_start], index[s_end]
            before = text[start - 1] if start > 0 else " "
            after = text[end + 1] if end + 1 < n else " "
            for is_exc, p, tag in values:
                if (
                    not p.prefix_wild
                    and edge(text[start])
                    and edge(before)
                    and not _joined_gap(key, original, start - 1)
                ):
                    continue
                if (
                    not p.suffix_wild
                    and edge(text[end])
                    and edge(after)
                    and not _joined_gap(key, original, end)
                ):
                    continue
                a, b = start, end + 1
                if p.prefix_wild:  # report the whole word, not just the listed stem
                    while a > 0 and edge(text[a - 1]):
                        a -= 1
                if p.suffix_wild:
                    while b < n and edge(text[b]):
                        b += 1
                span = key.span(a, b)
                if is_exc:
                    excs.append((tag, span, name))
                elif name == "loose" and not _adds_marks(original[span[0] : span[1]], p.core):
                    continue
                else:
                    found.append(TermMatch(p, tag, span, name))

    def find(self, norm: Normalized) -> list[TermMatch]:
        """All matches in one comment; memoised on ``norm`` so rules sharing a matcher
        scan the text once."""
        memo_key = ("terms", id(self))
        cached = norm.memo.get(memo_key)
        if cached is None:
            cached = norm.memo[memo_key] = self._find(norm)
        return cached

    def excepted_spans(self, norm: Normalized) -> list[tuple[int, int]]:
        """Original-text spans of term hits that an exception removed (``Fucking`` in
        "Fucking, Austria", ``Fuk`` in "Chan Fuk-wah"): words the policy says are innocent
        here, which the learned classifier should not count either."""
        self.find(norm)
        return list(norm.memo.get(("excepted", id(self)), ()))

    def _find(self, norm: Normalized) -> list[TermMatch]:
        found: list[TermMatch] = []
        excs: list[tuple[str, tuple[int, int], str]] = []
        orig = norm.original
        self._scan(self.main, norm.terms, "main", found, excs, orig)
        if norm.terms_double is not None:
            self._scan(self.main, norm.terms_double, "main", found, excs, orig)
        if self.nospace.size:
            self._scan(self.nospace, norm.derived("nospace"), "nospace", found, excs, orig)
        if self.phonetic.size:
            self._scan(self.phonetic, norm.derived("phonetic"), "phonetic", found, excs, orig)
        if self.initials.size:
            before = len(found)
            self._scan(self.initials, norm.derived("initials"), "initials", found, excs, orig)
            # Likewise for the initial-consonant form: a run holding any jamo is read in
            # initials, so laughter typed onto a word (보셨나요ㅋㅋ) made 보셨나 read as
            # ㅂㅅㄴ (병신); only a hit whose own span has jamo (ㅅ발, 씨ㅂ, ㅂㅅ) counts.
            found[before:] = [
                m for m in found[before:] if _has_bare_jamo(orig, m) and _tense_kept(orig, m)
            ]
        if self.jamo.size:
            jk = norm.derived("jamo")
            if jk is not None:
                before = len(found)
                self._scan(self.jamo, jk, "jamo", found, excs, orig)
                # A jamo-form hit only counts if the reader actually wrote bare jamo in it
                # (otherwise the syllable key already judged that stretch).
                found[before:] = [m for m in found[before:] if _has_bare_jamo(orig, m)]
        if self.skeleton.size:
            self._scan(self.skeleton, norm.derived("skeleton"), "skeleton", found, excs, orig)
        if self.stars.size:
            self._scan(self.stars, norm.derived("stars"), "stars", found, excs, orig)
        stretched = norm.derived("stretch")
        if stretched is not None:
            self._scan(self.main, stretched, "stretch", found, excs, orig)
        if self.loose.size:
            self._scan(self.loose, norm.derived("loose"), "loose", found, excs, orig)
        if self.joined.size and _LETTER_SPACED.search(orig):
            before = len(found)
            self._scan(self.joined, norm.terms, "joined", found, excs, orig)
            # only where the reader spaced the letters out (not "visitmyshop" as typed)
            found[before:] = [m for m in found[before:] if _letter_spaced(orig, m.span)]
        if not found:
            return found
        if self.numbered.size:
            self._scan(self.numbered, norm.derived("numbers"), "numbers", found, excs, orig)
        if excs:
            kept, excepted = [], []
            for m in found:
                (excepted if _excepted(m, excs) else kept).append(m)
            if excepted:
                norm.memo[("excepted", id(self))] = [m.span for m in excepted]
            found = kept
        found = [
            m for m in found if not m.pattern.disguised or _disguised(orig, m.span, m.pattern.core)
        ]
        if found and (self.quote_cues or self.after_cues):
            found = [m for m in found if not self._mention(orig, m.span)]
        # one hit per (term, span)
        seen: set = set()
        out: list[TermMatch] = []
        for m in found:
            k = (m.pattern.entry, m.list_name, m.span)
            if k not in seen:
                seen.add(k)
                out.append(m)
        return out

    def _mention(self, original: str, span: tuple[int, int]) -> bool:
        """The term is *mentioned*, not used: reported in quotes in a comment that says
        so (``called me a 'X'``, ``the word 'X'``), or named as a word in Korean
        (``X라는 욕``, ``'X'라고 협박``)."""
        a, b = span
        tail = original[b : b + 16].lower().lstrip("'\"’”」』 ")
        if tail.startswith("이"):
            tail = tail[1:]
        if any(tail.startswith(c) for c in self.after_cues):
            return True
        # Korean reported speech: the quote closes right after the term (allowing the rest
        # of the word) and a reporting verb follows: "'…둔다'고 말했다", "'…'는 협박"
        if self.after_cues and (
            _KO_REPORTED.match(original, b)
            or _KO_NAMED.match(original, b)
            or _KO_WORD_NAMED.match(original, b)
        ):
            return True
        if not self.quote_cues:
            return False
        if _reported_unquoted(original, a):
            return True
        if _quoted_word(original, a, b):
            return True
        return any(s < a and b < e for s, e in quoted_mentions(original, self.quote_cues))


_KO_REPORTED = re.compile(
    r"[가-힣]{0,2}['\"’”」』]\s?(?:이?라?고|라는|는|며)\s?"
    r"(?:말|했|하|외치|외쳤|협박|소리|주장|진술|증언|발언|위협|욕|글|댓글|문자)"
)


# English reported speech without quotes: a third party's words, reported to condemn them
# ("Reporting the comment above that called migrant workers cockroaches. Disgusting."):
# in the term's sentence, a commenter or post "that called / who described" comes before
# it, and somewhere the comment condemns or reports it.
_EN_REPORTER = re.compile(
    r"\b(?:comments?|posts?|repl(?:y|ies)|posters?|commenters?|users?|someone|somebody|"
    r"trolls?|accounts?)\b(?: (?:above|below|here|earlier))?,? (?:that |who |which )?"
    r"(?:called|calls|calling|labell?ed|labell?ing|described|describing|compared|comparing)"
    r"\b[^.!?]{0,50}$"
)
_EN_CONDEMN = re.compile(
    r"\b(?:report(?:ed|ing)?|disgusting|remove[d]?|delete[d]?|flag(?:ged)?|ban(?:ned)?|"
    r"unacceptable|shameful|racist|hateful|vile|appalling|sickening)\b|신고|삭제"
)


def _reported_unquoted(original: str, a: int) -> bool:
    low = original.lower()
    return (
        _EN_REPORTER.search(low, max(0, a - 90), a) is not None
        and _EN_CONDEMN.search(low) is not None
    )


# A word or two set in quotes, in a comment that addresses no one: the word is named, not
# aimed ("댓글에 '짱깨' 같은 말 쓰는 사람들", "Boys call girls 'bitch' as a joke"). Aimed
# abuse speaks to its target ("you 'moron'", "너 같은 '병신'"), and a longer quote is a
# sentence someone may be repeating as their own.
_SHORT_QUOTE = 30
_ADDRESSED = re.compile(
    r"\b(?:you|your|yours|you're|youre|u|ur|ya)\b|너|니가|넌|네가|니들|너네|너희|느그|당신|니 "
)


def quoted_words(original: str) -> list[tuple[int, int]]:
    """Spans of the short quoted stretches (quotes included) of a comment that addresses
    no one, each used as a word in a sentence: words it names rather than aims. A quote
    that opens the comment counts only with a Korean particle after it (``'지랄'이 원래``)
    or as an English sentence's subject (``'Shit happens' is not an answer``);
    ``'꺼져라 매국노' 진짜 꺼져`` is the comment's own shout."""
    spans = [
        m.span()
        for m in _QUOTED.finditer(original)
        if m.end() - m.start() - 2 <= _SHORT_QUOTE
        and (
            _IN_SENTENCE.search(original[: m.start()])
            or _KO_PARTICLE.match(original, m.end())
            or _EN_SUBJECT.match(original, m.end())
        )
    ]
    if not spans:
        return []
    outside, last = [], 0
    for s, e in spans:
        outside.append(original[last:s])
        last = e
    outside.append(original[last:])
    return [] if _ADDRESSED.search(" ".join(outside).lower()) else spans


# the quote as the subject of an English sentence: "'Shit happens' is not an answer"
_EN_SUBJECT = re.compile(r"\s(?:is|was|isn't|wasn't|are|aren't|means|meant)\b", re.IGNORECASE)
# a word before the quote in its sentence
_IN_SENTENCE = re.compile(r"\w[^.!?\n]*$")
# the quoted word taken as a noun: 'X'이, 'X' 같은, 'X'라는 ...
_KO_PARTICLE = re.compile(
    r"\s?같은|(?:이라는|라는|이란|란|이라고|라고|처럼|으로|이|가|을|를|은|는|도|만|로|에|의)(?![가-힣])"
)


def _quoted_word(original: str, a: int, b: int) -> bool:
    return any(s < a and b < e for s, e in quoted_words(original))


# four or more single letters or digits separated by one or two spaces
_LETTER_SPACED = re.compile(r"(?<!\S)\w(?:\s{1,2}\w(?!\S)){3,}")


def _letter_spaced(original: str, span: tuple[int, int]) -> bool:
    tokens = original[span[0] : span[1]].split()
    return len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) >= len(tokens) - 1


# A name in quotes: "첫 국산차 이름이 '시발'이었다" (the quote closes right after the term)
_KO_NAMED = re.compile(r"['\"’”」』]\s?(?:이었|였|이라는 이름|라는 이름|란 이름)")


# The word the term starts is named as a word: "좆소기업이라는 말 쓰지 말자" (the rest of
# the word, then 이라는 말 / 라는 표현 / 이란 단어 ...)
_KO_WORD_NAMED = re.compile(
    r"[가-힣]{0,4}['\"’”」』]?\s?(?:이라는|라는|이란|란)\s?(?:말|단어|표현|용어|신조어|멸칭|비하어|은어)"
)


# a quoted stretch: '...', "...", ‘...’, “...”, 「...」, 『...』 (up to 60 characters)
# (an apostrophe between two letters inside single quotes is part of a word: 'I'll kill you')
_QUOTED = re.compile(
    r"(?<![A-Za-z0-9])'(?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])){1,60}'(?![A-Za-z0-9])"
    r"|\"[^\"\n]{1,60}\"|‘[^’\n]{1,60}’"
    r"|“[^”\n]{1,60}”|「[^」\n]{1,60}」|『[^』\n]{1,60}』"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every quoted stretch of ``text``, quotes included."""
    return [m.span() for m in _QUOTED.finditer(text)]


def quoted_mentions(original: str, quote_cues: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the quoted stretches that a comment reports: the words outside that
    quote include one of ``quote_cues`` (lower-case)."""
    out = []
    low = original.lower()
    for m in _QUOTED.finditer(original):
        outside = low[: m.start()] + " " + low[m.end() :]
        if any(c in outside for c in quote_cues):
            out.append(m.span())
    return out


def _nfd_index(text: str) -> list[int]:
    out: list[int] = []
    for i, ch in enumerate(text):
        if "\uac00" <= ch <= "\ud7a3":
            out.extend((i, i, i) if (ord(ch) - 0xAC00) % 28 else (i, i))
        else:
            out.extend([i] * len(unicodedata.normalize("NFD", ch)))
    return out


def _joined_gap(key: Key, original: str, i: int) -> bool:
    """True when key chars i and i+1 were joined across whitespace (``f u c k``): a
    letter-spaced run has no trustworthy word boundaries, so whole-word checks yield."""
    if i < 0 or i + 1 >= len(key.text) or not original:
        return False
    gap = original[key.ends[i] : key.starts[i + 1]]
    return bool(gap) and gap.isspace()


def _adds_marks(written: str, core: str) -> bool:
    """A loose-key hit counts only when the reader's syllables line up with the term's and
    at least one of them carries a tense consonant or glide that the term's does not."""
    w = [c for c in written if "\uac00" <= c <= "\ud7a3"]
    t = [c for c in core if "\uac00" <= c <= "\ud7a3"]
    if len(w) != len(t) or w == t:
        return False
    for a, b in zip(w, t, strict=True):
        ma, mb = marks_of(a), marks_of(b)
        if any(x and not y for x, y in zip(ma, mb, strict=True)):
            return True
    return False


def _disguised(original: str, span: tuple[int, int], core: str = "") -> bool:
    """The reader wrote something other than plain letters inside the word: a digit, a
    dot, a space, a zero-width character, bare jamo, a look-alike from another script
    (``Ηang``), a full-width letter (``ｆｒｅｅ``), or a letter drawn out (``FFFFUUUU``).
    The spaces of a phrase pattern ("sports betting") written as plain spaces are not."""
    a, b = span
    word = original[a:b]
    if " " in core and word.count(" ") == core.count(" "):
        word = word.replace(" ", "")
    return (
        any(
            not ("\uac00" <= c <= "\ud7a3" or ("a" <= c.lower() <= "z"))
            or 0x3131 <= ord(c) <= 0x318E
            for c in word
        )
        or _DRAWN_OUT.search(word) is not None
    )


_DRAWN_OUT = re.compile(r"([A-Za-z])\1\1")


_TENSE = frozenset("ㄲㄸㅃㅆㅉ")


def _tense_kept(original: str, m: TermMatch) -> bool:
    """A listed initials pattern with a tense consonant (ㅉㄲ for 짱깨) matches only the
    consonants as written: folded, ㅉㄲ is ㅈㄱ, which readers also write for 조건 and
    지금. Patterns without one (ㅅㅂ) still match either (ㅆㅂ)."""
    core = m.pattern.core.replace(" ", "")
    if not _TENSE.intersection(core) or not _is_initials(core):
        return True
    a, b = m.span
    return written_initials(original[a:b]) == core


def _has_bare_jamo(original: str, m: TermMatch) -> bool:
    a, b = m.span
    return any(0x3131 <= ord(c) <= 0x318E for c in original[a:b])


def _excepted(m: TermMatch, excs: list[tuple[str, tuple[int, int], str]]) -> bool:
    a, b = m.span
    owner = m.pattern.owner
    canon = None
    for tag, (s, e), key in excs:
        if not (s <= a and b <= e):
            continue
        if key == "loose" and m.key != "loose":
            # an innocent word found only in its loosened spelling excuses only matches
            # that were loosened too: "시발 택시" (the 1955 car) does not excuse the
            # 씨발 the reader actually typed in "씨발 택시가 안 잡혀"
            continue
        if tag == "*" or tag == owner:
            return True
        # a term's exceptions also cover its spelling variants (병신 -> 벙신, 존나 -> 존 나)
        if canon is None:
            canon = _canonical(owner)
        if _canonical(tag) == canon:
            return True
    return False


def _canonical(core: str) -> str:
    return loose_of(core.replace(" ", ""))


# ----------------------------------------------------------------------------- shared build

_SHARED: dict[tuple, TermMatcher] = {}
_SHARED_MAX = 8


def shared_matcher(policy) -> TermMatcher:
    """One compiled matcher for every term list of a policy (banned, suspect,
    generalisation groups and predicates, sexual-remark and gambling-ad words and cues),
    shared by the rules that read them so a comment is scanned once. Keyed by the lists'
    content; a few kept per process."""
    lists = {
        "banned_terms": tuple(policy.get("banned_terms") or ()),
        "suspect_terms": tuple(policy.get("suspect_terms") or ()),
        "group": tuple(f"hate:{g}" for g in policy.get("generalisation_groups") or ()),
        "predicate": tuple(f"hate:{p}" for p in policy.get("generalisation_predicates") or ()),
        "sexual_word": tuple(f"sexual:{w}" for w in policy.get("sexual_remark_words") or ()),
        "sexual_cue": tuple(f"sexual:{c}" for c in policy.get("sexual_remark_cues") or ()),
        "gambling_word": tuple(f"spam:{w}" for w in policy.get("gambling_ad_words") or ()),
        "gambling_cue": tuple(f"spam:{c}" for c in policy.get("gambling_ad_cues") or ()),
    }
    exc = policy.get("term_exceptions") or {}
    mentions = {
        "quote_cues": list(policy.get("mention_quote_cues") or ()),
        "after_cues": list(policy.get("mention_after_cues") or ()),
    }
    key = (
        tuple(lists.items()),
        tuple(sorted((k, tuple(v)) for k, v in exc.items())),
        tuple((k, tuple(v)) for k, v in mentions.items()),
    )
    m = _SHARED.get(key)
    if m is None:
        m = TermMatcher({k: list(v) for k, v in lists.items()}, exc, mentions)
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[key] = m
    return m
