"""Normalisation of a reader's text into match keys, with a map back to the original.

Every key is a :class:`Key`: a string plus, for each of its characters, the
``[start, end)`` range of the original text it came from. A match at key
indices ``i..j`` therefore maps back to ``original[key.starts[i]:key.ends[j - 1]]``
whatever was folded, dropped or joined on the way.

The steps (each is a small function over a :class:`Key`):

1. ``fold``: NFKC per character, case-fold, drop invisible/format characters
   (zero-width space, joiners, BOM, Hangul fillers, variation selectors), drop
   combining marks (accents, zalgo, strike-through), fold cross-script
   look-alikes (Cyrillic ``а``, Armenian ``ս``, Greek ``ο`` ...) to Latin using the
   Unicode confusables data shipped in ``confusable-homoglyphs``. Hangul
   syllables and compatibility jamo (``ㅅㅂ``) are kept as they are.
2. ``collapse_spaces``: any run of whitespace becomes one space.
3. ``join_spaced``: letter-spaced runs (``f u c k``, ``씨 발``, ``0 1 0 - 1 2``)
   are joined. This is the *base* key used by the contact and link rules.
4. ``leet``: inside Latin tokens, ``0 1 3 4 5 7 @ $ !`` become ``o i e a s t a s i``.
5. ``strip_inside_hangul``: digits and punctuation between Hangul characters are
   dropped (``씨1발``, ``병.신``).
6. ``shorten_repeats``: runs of three or more equal characters become one
   (key A) or two (key B, only built when such a run exists).

The Korean initial-consonant form (``ㅅㅂ`` meets ``씨발``) and the full jamo form
are derived from the term key by :func:`initials_key` and :func:`jamo_key`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "Key",
    "Normalized",
    "fold",
    "initials_key",
    "is_hangul",
    "is_latin_letter",
    "jamo_key",
    "normalize",
    "normalize_pattern",
    "normalize_pattern_base",
    "nospace_key",
    "numbers_key",
    "phonetic",
    "phonetic_key",
    "skeleton_key",
    "skeleton_of",
]


@dataclass(frozen=True, slots=True)
class Key:
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original-text span of key characters ``i..j`` (``j`` exclusive)."""
        return self.starts[i], self.ends[j - 1]

    def __len__(self) -> int:
        return len(self.text)


# --------------------------------------------------------------------------- helpers


def _delete(key: Key, spans: list[tuple[int, int]]) -> Key:
    """Drop key characters in the (sorted, disjoint) key spans."""
    if not spans:
        return key
    text, starts, ends = key.text, key.starts, key.ends
    parts: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    pos = 0
    for a, b in spans:
        parts.append(text[pos:a])
        new_s.extend(starts[pos:a])
        new_e.extend(ends[pos:a])
        pos = b
    parts.append(text[pos:])
    new_s.extend(starts[pos:])
    new_e.extend(ends[pos:])
    return Key("".join(parts), tuple(new_s), tuple(new_e))


def _replace(key: Key, repl: list[tuple[int, int, str]]) -> Key:
    """Replace key spans ``[a, b)`` by strings; the new characters cover the old span."""
    if not repl:
        return key
    text, starts, ends = key.text, key.starts, key.ends
    parts: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    pos = 0
    for a, b, s in repl:
        parts.append(text[pos:a])
        new_s.extend(starts[pos:a])
        new_e.extend(ends[pos:a])
        if s:
            o_start, o_end = starts[a], ends[b - 1]
            parts.append(s)
            new_s.extend([o_start] * len(s))
            new_e.extend([o_end] * len(s))
        pos = b
    parts.append(text[pos:])
    new_s.extend(starts[pos:])
    new_e.extend(ends[pos:])
    return Key("".join(parts), tuple(new_s), tuple(new_e))


def is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7A3 or 0x3131 <= o <= 0x318E


def is_latin_letter(ch: str) -> bool:
    return "a" <= ch <= "z"


# --------------------------------------------------------------------------- 1. fold

# Invisible characters that are not category Cf/Mn but render as nothing.
_INVISIBLE = {
    "\u115f",  # HANGUL CHOSEONG FILLER
    "\u1160",  # HANGUL JUNGSEONG FILLER
    "\u3164",  # HANGUL FILLER
    "\uffa0",  # HALFWIDTH HANGUL FILLER
    "\u2800",  # BRAILLE PATTERN BLANK
    "\u034f",  # COMBINING GRAPHEME JOINER
}
_FOLD_SCRIPTS_EXCLUDED = ("HANGUL", "CJK", "HIRAGANA", "KATAKANA")


@lru_cache(maxsize=1)
def _confusable_map() -> dict[str, str]:
    """Non-ASCII look-alike -> ASCII letter/digit, from the Unicode confusables data."""
    raw = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    out: dict[str, str] = {}
    for ch, entries in raw.items():
        if len(ch) != 1 or ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith(_FOLD_SCRIPTS_EXCLUDED) or not unicodedata.category(ch).startswith("L"):
            continue
        for entry in entries:
            c = entry["c"]
            if len(c) == 1 and c.isascii() and c.isalpha():
                out[ch] = c.lower()
                break
    for ch, c in _EXTRA_LOOKALIKES.items():
        out.setdefault(ch, c)
    return out


# Lower-case Cyrillic/Greek letters that readers use as Latin look-alikes but that the
# Unicode confusables table only lists for their capital forms (к, м, н, т, в ...).
_EXTRA_LOOKALIKES = {
    "к": "k", "κ": "k", "м": "m", "н": "h", "т": "t", "τ": "t",
    "в": "b", "χ": "x", "ε": "e", "п": "n", "ν": "v", "ѵ": "v",
    # Greek mu (the micro sign folds to it under NFKC): read as u, "fμck", "μ r a loser"
    "μ": "u",
}  # fmt: skip


# Greek and Cyrillic capitals that are a Latin capital's twin. Case-folding first would
# lose some of them: Greek Η folds to η, which the table reads as an n. Listed by hand,
# not taken from the confusables table's capitals: that table reads a capital iota (Ι,
# І) as an l, which would turn ΙDIOT into ldiot, and maps Coptic and other scripts'
# capitals that no reader here types.
_CAPITAL_LOOKALIKES = {
    "Η": "h", "Ν": "n", "Β": "b", "Μ": "m", "Κ": "k", "Τ": "t", "Χ": "x", "Ζ": "z",
    "Ι": "i", "Ε": "e", "Α": "a", "Ρ": "p", "Υ": "y", "Ο": "o",
    "Н": "h", "В": "b", "М": "m", "К": "k", "Т": "t", "Х": "x", "А": "a", "Е": "e",
    "О": "o", "Р": "p", "С": "c",
}  # fmt: skip


@lru_cache(maxsize=1)
def _conjoining_to_compat() -> dict[str, str]:
    out: dict[str, str] = {}
    for cp in range(0x3131, 0x318F):
        n = unicodedata.normalize("NFKC", chr(cp))
        if len(n) == 1 and 0x1100 <= ord(n) <= 0x11FF:
            out.setdefault(n, chr(cp))
    return out


_FOLD_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3 or 0x3131 <= o <= 0x318E:
        return ch
    if ch in _INVISIBLE:
        return ""
    conj = _conjoining_to_compat()
    out: list[str] = []
    for c in unicodedata.normalize("NFKC", ch):
        if c in conj:
            out.append(conj[c])
            continue
        # a capital look-alike whose small form looks like another letter: Greek Η is an
        # H ("Ηang"), its small η an n; fold by the capital's shape, before case-folding
        if c in _CAPITAL_LOOKALIKES:
            out.append(_CAPITAL_LOOKALIKES[c])
            continue
        for c2 in c.casefold():
            for c3 in unicodedata.normalize("NFD", c2):
                cat = unicodedata.category(c3)
                if cat in ("Mn", "Me", "Cf") or c3 in _INVISIBLE:
                    continue
                if cat.startswith("Z") or c3 in "\t\n\r\x0b\x0c":
                    out.append(" ")
                    continue
                if cat == "Cc":
                    continue
                out.append(_confusable_map().get(c3, c3))
    return unicodedata.normalize("NFC", "".join(out)) if len(out) > 1 else "".join(out)


# Characters that fold to themselves after lower(): printable ASCII, Hangul syllables
# and compatibility jamo. Everything else goes through _fold_char (cached per char).
_UNSTABLE = re.compile(r"[^\x20-\x7e\uac00-\ud7a3\u3131-\u318e]+")


def fold(text: str) -> Key:
    n = len(text)
    if not _UNSTABLE.search(text):
        lowered = text.lower()
        if len(lowered) == n:
            return Key(lowered, tuple(range(n)), tuple(range(1, n + 1)))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cache = _FOLD_CACHE
    pos = 0
    for m in _UNSTABLE.finditer(text):
        a, b = m.span()
        if a > pos:  # stable stretch: 1:1
            seg = text[pos:a].lower()
            parts.append(seg)
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        for i in range(a, b):
            ch = text[i]
            f = cache.get(ch)
            if f is None:
                f = _fold_char(ch)
                if len(cache) < 50_000:
                    cache[ch] = f
            if not f:
                continue
            parts.append(f)
            starts.extend([i] * len(f))
            ends.extend([i + 1] * len(f))
        pos = b
    if pos < n:
        parts.append(text[pos:].lower())
        starts.extend(range(pos, n))
        ends.extend(range(pos + 1, n + 1))
    return Key("".join(parts), tuple(starts), tuple(ends))


# --------------------------------------------------------------------------- 2-3. spaces

_MULTI_SPACE = re.compile(r"(?<= ) +|^ +| +$")


def collapse_spaces(key: Key) -> Key:
    if "  " not in key.text and not key.text.startswith(" ") and not key.text.endswith(" "):
        return key
    return _delete(key, [m.span() for m in _MULTI_SPACE.finditer(key.text)])


# A "single" is a token with at most one word character (plus a little punctuation), or
# one Hangul syllable with a digit or two stuck after it ("씨1 발": the digit is padding,
# dropped later inside the joined word; digits *before* a syllable are counts: "3층 5호").
# A lone 8 after a syllable is no padding but a sound (씨8, 시8: 팔/발), so "씨8 또" is
# not joined into 씨또.
_SINGLE = (
    r"(?:[^\w\s]{0,2}\w[^\w\s]{0,2}|"
    r"[^\w\s]{0,2}[\uac00-\ud7a3](?:[0-79]\d?|8\d)[^\w\s]{0,2}|[^\w\s]{1,2})"
)
_SPACED_RUN = re.compile(rf"(?<!\S){_SINGLE}(?: {_SINGLE}(?!\S))+")
_WORDCHAR = re.compile(r"\w")
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def join_spaced(key: Key) -> Key:
    """Join letter-spaced runs: 3+ singles (Latin, digits) or 2+ singles with Hangul."""
    text = key.text
    if " " not in text:
        return key
    dels: list[tuple[int, int]] = []
    for m in _SPACED_RUN.finditer(text):
        run = m.group()
        words = len(_WORDCHAR.findall(run))
        need = 2 if _HANGUL_RE.search(run) else 3
        if words < need:
            continue
        base = m.start()
        dels.extend((base + i, base + i + 1) for i, c in enumerate(run) if c == " ")
    return _delete(key, dels)


# --------------------------------------------------------------------------- 4. leet

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_LEET_TOKEN = re.compile(r"[a-z0-9@$!]+")  # maximal tokens: linear on long digit runs
_LEET_CHARS = re.compile(r"[013457@$!]")
_HAS_LATIN = re.compile(r"[a-z]")


def leet(key: Key) -> Key:
    text = key.text
    if not _LEET_CHARS.search(text):
        return key
    out = list(text)
    changed = False
    for m in _LEET_TOKEN.finditer(text):
        tok = m.group()
        if not _LEET_CHARS.search(tok) or not _HAS_LATIN.search(tok):
            continue
        # @ $ ! only count inside a token (a trailing "!" is punctuation, a leading
        # "@" is a handle); digits count anywhere in a token that has letters.
        a, b = m.span()
        # a leading "$" is a price ($100) but an "s" before a letter ($h!t)
        while a < b and (text[a] in "@!" or (text[a] == "$" and not text[a + 1 : a + 2].isalpha())):
            a += 1
        while b > a and text[b - 1] in "@$!":
            b -= 1
        seg = text[a:b]
        if sum(c.isalpha() for c in seg) < 1:
            continue
        out[a:b] = seg.translate(_LEET)
        changed = True
    if not changed:
        return key
    return Key("".join(out), key.starts, key.ends)


# (three or more dotted letters may end in the rest of the word: f.u.c.k1ng, s.h.i.tty)
_DOTTED = re.compile(
    r"(?<![a-z0-9.])[a-z](?:\.[a-z]){2,14}\.[a-z][a-z0-9]{1,6}(?![a-z0-9.])"
    r"|(?<![a-z0-9.])[a-z](?:\.[a-z]){1,14}\.?(?![a-z0-9])"
)


# a word cut into four or more short pieces by dots: ma.st.ur.bat.ing (not a host name:
# the last piece is no top-level domain, and www./m. starts none of them)
_NOT_A_TLD = (
    r"(?<!\.com)(?<!\.net)(?<!\.org)(?<!\.kr)(?<!\.io)(?<!\.me)(?<!\.ly)(?<!\.jp)(?<!\.uk)"
    r"(?<!\.us)(?<!\.gov)(?<!\.edu)"
)
_DOTTED_CHUNKS = re.compile(
    rf"(?<![a-z0-9.])(?!www\.|m\.)[a-z]{{1,3}}(?:\.[a-z]{{1,3}}){{3,10}}{_NOT_A_TLD}(?![a-z0-9.])"
    # or three pieces around a single letter, a last dot allowed: sh.i.t., fu.c.k
    rf"|(?<![a-z0-9.])(?!www\.|m\.)[a-z]{{1,3}}\.[a-z]\.[a-z]{{1,3}}{_NOT_A_TLD}(?=\.?(?![a-z0-9]))"
)

# three or more single letters joined by asterisks: s*h*i*t (a masked f*ck has no
# letter between its stars and is the skeleton key's business)
_STARRED = re.compile(r"(?<![a-z0-9*])[a-z](?:\*[a-z]){2,14}(?![a-z0-9*])")

# three or more single letters joined by hyphens: f-u-c-k (not x-ray, k-pop, e-mail); or
# three short pieces around a single letter, as with dots: sh-i-t, fu-c-k
_HYPHENED = re.compile(
    r"(?<![a-z0-9-])[a-z](?:-[a-z]){2,6}(?![a-z0-9-])"
    r"|(?<![a-z0-9-])[a-z]{1,3}-[a-z]-[a-z]{1,3}(?![a-z0-9-])"
)


def join_dotted(key: Key) -> Key:
    """Single letters joined by dots become one word: ``k.y.s`` -> ``kys``, ``d.m`` -> ``dm``;
    so do four or more short pieces (``ma.st.ur.bat.ing``) and three or more single letters
    joined by hyphens or asterisks (``f-u-c-k``, ``s*h*i*t``)."""
    dot, hyphen, star = "." in key.text, "-" in key.text, "*" in key.text
    if not (dot or hyphen or star):
        return key
    dels: list[tuple[int, int]] = []
    for pattern, sep, present in (
        (_DOTTED, ".", dot),
        (_DOTTED_CHUNKS, ".", dot),
        (_HYPHENED, "-", hyphen),
        (_STARRED, "*", star),
    ):
        if not present:
            continue
        for m in pattern.finditer(key.text):
            base = m.start()
            dels.extend((base + i, base + i + 1) for i, c in enumerate(m.group()) if c == sep)
    return _delete(key, sorted(dels))


# --------------------------------------------------------------------------- 5. Korean

# (up to three marks or digits, or one mark drawn out: 빙~~~~~신)
_INSIDE_HANGUL = re.compile(
    r"(?<=[\uac00-\ud7a3\u3131-\u318e])(?:(?:[^\w\s]|[0-9_]){1,3}|([^\w\s])\1{3,15})"
    r"(?=[\uac00-\ud7a3\u3131-\u318e])"
)


def strip_inside_hangul(key: Key) -> Key:
    if not _HANGUL_RE.search(key.text):
        return key
    return _delete(key, [m.span() for m in _INSIDE_HANGUL.finditer(key.text)])


# --------------------------------------------------------------------------- 6. repeats

_REPEAT = re.compile(r"([^\d\s])\1{2,}")  # digits keep their count (3,000)


def shorten_repeats(key: Key, keep: int = 1) -> Key:
    dels = [(m.start() + keep, m.end()) for m in _REPEAT.finditer(key.text)]
    return _delete(key, dels)


# --------------------------------------------------------------------------- derived keys

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
# Tense consonants fold to plain ones in the initial form (ㅆㅂ == ㅅㅂ); clusters split.
_INITIAL_FOLD = {
    "ㄲ": "ㄱ",
    "ㄸ": "ㄷ",
    "ㅃ": "ㅂ",
    "ㅆ": "ㅅ",
    "ㅉ": "ㅈ",
    "ㄳ": "ㄱㅅ",
    "ㄵ": "ㄴㅈ",
    "ㄶ": "ㄴㅎ",
    "ㄺ": "ㄹㄱ",
    "ㄻ": "ㄹㅁ",
    "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ",
    "ㄾ": "ㄹㅌ",
    "ㄿ": "ㄹㅍ",
    "ㅀ": "ㄹㅎ",
    "ㅄ": "ㅂㅅ",
}


def _initial(ch: str) -> str:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3:
        c = _CHO[(o - 0xAC00) // 588]
    else:
        c = ch
    return _INITIAL_FOLD.get(c, c)


def _decompose(ch: str) -> str:
    o = ord(ch) - 0xAC00
    if 0 <= o < 11172:
        return _CHO[o // 588] + _JUNG[(o % 588) // 28] + _JONG[o % 28]
    return ch


_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+")
_HAS_CONSONANT_JAMO = re.compile(r"[\u3131-\u314e]")


def initials_key(key: Key) -> Key | None:
    """Initial-consonant form of Hangul runs that contain a bare consonant jamo.

    ``ㅅㅂ``, ``ㅆㅂ``, ``ㅅ발`` and ``씨ㅂ`` all become ``ㅅㅂ``; everything outside such
    runs becomes a space so that only what the reader wrote in jamo can match.
    Returns None when the text has no consonant jamo at all (the usual case).
    """
    text = key.text
    if not _HAS_CONSONANT_JAMO.search(text):
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _HANGUL_RUN.finditer(text):
        run = m.group()
        if not _HAS_CONSONANT_JAMO.search(run):
            continue
        a = m.start()
        if a > pos:
            parts.append(" ")
            starts.append(key.starts[pos])
            ends.append(key.ends[a - 1])
        for i, ch in enumerate(run):
            if 0x314F <= ord(ch) <= 0x318E:  # bare vowel: nothing to add
                continue
            s = _initial(ch)
            parts.append(s)
            starts.extend([key.starts[a + i]] * len(s))
            ends.extend([key.ends[a + i]] * len(s))
        pos = m.end()
    if not parts:
        return None
    return Key("".join(parts), tuple(starts), tuple(ends))


def jamo_key(key: Key) -> Key | None:
    """Fully decomposed jamo form; only built when the text contains bare jamo."""
    text = key.text
    if not re.search(r"[\u3131-\u318e]", text):
        return None
    repl = []
    for i, ch in enumerate(text):
        if 0xAC00 <= ord(ch) <= 0xD7A3:
            repl.append((i, i + 1, _decompose(ch)))
    return _replace(key, repl)


# Liaison (연음): a final consonant before a syllable starting with silent ㅇ is
# pronounced as that syllable's initial, so 죽여 is read 주겨 and readers write it so.
_JONG_TO_CHO = {
    "ㄱ": ("", "ㄱ"),
    "ㄲ": ("", "ㄲ"),
    "ㄳ": ("ㄱ", "ㅆ"),
    "ㄴ": ("", "ㄴ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄶ": ("ㄴ", "ㅇ"),
    "ㄷ": ("", "ㄷ"),
    "ㄹ": ("", "ㄹ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅆ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅀ": ("ㄹ", "ㅇ"),
    "ㅁ": ("", "ㅁ"),
    "ㅂ": ("", "ㅂ"),
    "ㅄ": ("ㅂ", "ㅆ"),
    "ㅅ": ("", "ㅅ"),
    "ㅆ": ("", "ㅆ"),
    "ㅈ": ("", "ㅈ"),
    "ㅊ": ("", "ㅊ"),
    "ㅋ": ("", "ㅋ"),
    "ㅌ": ("", "ㅌ"),
    "ㅍ": ("", "ㅍ"),
    "ㅎ": ("", "ㅇ"),
}
_CHO_INDEX = {c: i for i, c in enumerate(_CHO)}
_JONG_INDEX = {c: i for i, c in enumerate(_JONG)}


# a syllable with a final consonant followed by a syllable with silent initial ㅇ (아..잏)
_LIAISON = re.compile(r"[\uac00-\ud7a3](?=[\uc544-\uc78f])")


def phonetic(word: str) -> str:
    """Apply liaison across Hangul syllables: 죽여버린다 -> 주겨버린다 (same length)."""
    chars: list[str] | None = None
    for m in _LIAISON.finditer(word):
        i = m.start()
        src = chars if chars is not None else word
        a, b = ord(src[i]) - 0xAC00, ord(src[i + 1]) - 0xAC00
        jong = _JONG[a % 28]
        if not jong or jong == "ㅇ" or b // 588 != _CHO_INDEX["ㅇ"]:
            continue
        if chars is None:
            chars = list(word)
        keep, move = _JONG_TO_CHO[jong]
        chars[i] = chr(0xAC00 + a - a % 28 + _JONG_INDEX[keep])
        chars[i + 1] = chr(0xAC00 + _CHO_INDEX[move] * 588 + b % 588)
    return word if chars is None else "".join(chars)


def phonetic_key(key: Key) -> Key | None:
    """Term key with liaison applied; None when nothing changes."""
    if not _HANGUL_RE.search(key.text):
        return None
    text = phonetic(key.text)
    if text == key.text:
        return key  # still scanned: the text may be plain while a pattern is respelt
    return Key(text, key.starts, key.ends)


def stretch_key(key: Key) -> Key | None:
    """Drawn-out syllables folded back: ``씨이발`` -> ``씨발``, ``씨빠알`` -> ``씨빨``.

    A syllable without a final consonant followed by a syllable that starts with silent
    ㅇ and has the *same* vowel (이 after 씨, 알 after 빠) is how readers stretch a word;
    the two become one syllable carrying the second one's final. None when nothing changes.
    """
    text = key.text
    repl: list[tuple[int, int, str]] = []
    n = len(text)
    nxt = 0
    # only a syllable followed by one with initial ㅇ can start a stretch
    for m in _STRETCH_START.finditer(text):
        i = m.start()
        if i < nxt:
            continue
        a, b = ord(text[i]) - 0xAC00, ord(text[i + 1]) - 0xAC00
        if a % 28 == 0 and (a % 588) // 28 == (b % 588) // 28:
            j = i + 1
            last = b
            # a longer stretch: 씨이이발 (not collapsed when written with different finals)
            while j + 1 < n and last % 28 == 0:
                c = ord(text[j + 1]) - 0xAC00
                if 0 <= c < 11172 and c // 588 == 11 and (c % 588) // 28 == (a % 588) // 28:
                    j, last = j + 1, c
                else:
                    break
            repl.append((i, j + 1, chr(0xAC00 + a + last % 28)))
            nxt = j + 1
    return _replace(key, repl) if repl else None


# a Hangul syllable, then one whose initial is ㅇ (U+C544..U+C78F: initial index 11)
_STRETCH_START = re.compile("(?=[\uac00-\ud7a3][\uc544-\uc78f])")


# Loose Korean spelling: tense initials, y-glide vowels and tense finals folded to plain
# ones (쥭여 -> 죽어, 씨빨 -> 시발). Matching in this form is asymmetric (see terms.py): a
# hit only counts where the reader *added* a tense consonant or glide the term lacks, so
# 죽어 never meets 죽여 and 새기다 never meets 새끼.
_LOOSE_CHO = {1: 0, 4: 3, 8: 7, 10: 9, 13: 12}  # ㄲ ㄸ ㅃ ㅆ ㅉ -> ㄱ ㄷ ㅂ ㅅ ㅈ
_LOOSE_JUNG = {2: 0, 3: 1, 6: 4, 7: 5, 12: 8, 17: 13}  # ㅑㅒㅕㅖㅛㅠ -> ㅏㅐㅓㅔㅗㅜ
_LOOSE_JONG = {2: 1, 20: 19}  # ㄲ -> ㄱ, ㅆ -> ㅅ


def _loose_char(ch: str) -> str:
    o = ord(ch) - 0xAC00
    if not 0 <= o < 11172:
        return ch
    cho, jung, jong = o // 588, (o % 588) // 28, o % 28
    cho = _LOOSE_CHO.get(cho, cho)
    jung = _LOOSE_JUNG.get(jung, jung)
    jong = _LOOSE_JONG.get(jong, jong)
    return chr(0xAC00 + cho * 588 + jung * 28 + jong)


# Every syllable whose loose form differs, as one str.translate table (built once: a
# Python call per character was a fifth of the screening time on Korean-heavy text).
_LOOSE_TABLE = {
    0xAC00 + o: _loose_char(chr(0xAC00 + o))
    for o in range(11172)
    if _loose_char(chr(0xAC00 + o)) != chr(0xAC00 + o)
}


def loose_of(word: str) -> str:
    return word.translate(_LOOSE_TABLE)


def marks_of(ch: str) -> tuple[bool, bool, bool]:
    """(tense initial, glide vowel, tense final) of a Hangul syllable."""
    o = ord(ch) - 0xAC00
    if not 0 <= o < 11172:
        return (False, False, False)
    return (o // 588 in _LOOSE_CHO, (o % 588) // 28 in _LOOSE_JUNG, o % 28 in _LOOSE_JONG)


def loose_key(key: Key) -> Key | None:
    """Term key in loose spelling; None when the text has nothing to loosen."""
    text = key.text
    if not _HANGUL_RE.search(text):
        return None
    out = loose_of(text)
    if out == text:
        return None
    return Key(out, key.starts, key.ends)


_SPACE_BETWEEN_HANGUL = re.compile(r"(?<=[\uac00-\ud7a3]) (?=[\uac00-\ud7a3])")


def nospace_key(key: Key) -> Key | None:
    """Term key with the spaces between Hangul removed (for long or spaced patterns)."""
    if not _SPACE_BETWEEN_HANGUL.search(key.text):
        return None
    return _delete(key, [m.span() for m in _SPACE_BETWEEN_HANGUL.finditer(key.text)])


_NUMBER_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_key(base: Key) -> Key | None:
    """Base key with every number written as ``#`` (``2016년`` -> ``#년``), for exceptions
    that hold for any number (``#년 병신년``: a year before the year's name). None when
    the text has no digit."""
    repl = [(m.start(), m.end(), "#") for m in _NUMBER_RUN.finditer(base.text)]
    return _replace(base, repl) if repl else None


_MASK_CHARS = set("0123456789@$!*#%")
_VOWELS = set("aeiouy")


def skeleton_of(s: str) -> str:
    """Vowels and mask characters become ``?``: ``fuck`` and ``f*ck`` meet at ``f?ck``."""
    return "".join("?" if (c in _VOWELS or c in _MASK_CHARS) else c for c in s)


_MASKED = re.compile(r"(?<![a-z0-9@$!*#%])(?=[a-z0-9@$!*#%]*[a-z][0-9@$!*#%]+[a-z])[a-z0-9@$!*#%]+")


def _token_key(base: Key, tokens: re.Pattern, spell) -> Key | None:
    """A key holding only the base key's ``tokens`` of two letters or more, each written
    character by character with ``spell``; every other character blank. None when the
    text has no such token."""
    text = base.text
    out: list[str] | None = None
    for m in tokens.finditer(text):
        tok = m.group()
        if sum(c.isalpha() for c in tok) < 2:
            continue
        if out is None:
            out = [" "] * len(text)
        a = m.start()
        for i, c in enumerate(tok):
            out[a + i] = spell(c)
    if out is None:
        return None
    return Key("".join(out), base.starts, base.ends)


def skeleton_key(base: Key) -> Key | None:
    """Skeleton of the masked Latin tokens of the base key (``f*ck``, ``sh!t``); others blank."""
    return _token_key(base, _MASKED, lambda c: "?" if (c in _VOWELS or c in _MASK_CHARS) else c)


_STAR_MASKED = re.compile(r"(?<![a-z0-9*#%])[a-z][a-z*#%]*[*#%][a-z*#%]*(?![a-z0-9*#%])")


def stars_key(base: Key) -> Key | None:
    """The base key's words masked with ``*``, ``#`` or ``%`` (``f**k``, ``b#tch``), the
    masks written as ``?`` and the letters kept; every other character blank. None when
    the text has no such word. Matched against term spellings with one run of letters
    masked, so the masks may stand for consonants as well as vowels."""
    text = base.text
    if "*" not in text and "#" not in text and "%" not in text:
        return None
    return _token_key(base, _STAR_MASKED, lambda c: c if c.isalpha() else "?")


# --------------------------------------------------------------------------- entry points


class Normalized:
    """The keys of one comment. Derived keys are computed once and shared by all rules."""

    __slots__ = ("_derived", "base", "memo", "original", "terms", "terms_double")

    def __init__(self, original: str, base: Key, terms: Key, terms_double: Key | None) -> None:
        self.original = original
        self.base = base  # folded, spaces collapsed, spaced runs joined: contact and link rules
        self.terms = terms  # + leet, Korean inner punctuation dropped, repeats -> 1
        self.terms_double = terms_double  # repeats -> 2, only when a long run exists
        self._derived: dict[str, Key | None] = {}
        self.memo: dict = {}  # per-comment results shared between rules

    def derived(self, name: str) -> Key | None:
        """``nospace``, ``phonetic``, ``initials``, ``jamo``, ``stretch``, ``loose`` (from
        terms), ``skeleton``, ``stars`` or ``numbers`` (from base)."""
        try:
            return self._derived[name]
        except KeyError:
            pass
        fn = _DERIVED[name]
        key = fn(self.base) if name in _FROM_BASE else fn(self.terms)
        self._derived[name] = key
        return key


def normalize(text: str) -> Normalized:
    base = join_spaced(collapse_spaces(fold(text)))
    k = strip_inside_hangul(leet(join_dotted(base)))
    terms = shorten_repeats(k, 1)
    double = shorten_repeats(k, 2) if len(terms) != len(k) else None
    return Normalized(text, base, terms, double)


_DERIVED = {
    "nospace": nospace_key,
    "phonetic": phonetic_key,
    "initials": initials_key,
    "jamo": jamo_key,
    "skeleton": skeleton_key,
    "stars": stars_key,
    "stretch": stretch_key,
    "loose": loose_key,
    "numbers": numbers_key,
}
_FROM_BASE = {"skeleton", "stars", "numbers"}


def normalize_pattern(pattern: str) -> str:
    """A policy pattern in the form of a comment's term key: the same steps as the
    text (fold, joins, leetspeak, Korean inner punctuation, repeats), so that a list
    entry and the text it should catch meet in the same key (``sh1t`` is ``shit``,
    ``씨1발`` is ``씨발``). An entry that only differs from a plain word by its spelling
    therefore matches the plain word too: write the word, not a respelling of it."""
    return normalize(pattern).terms.text.strip()


def normalize_pattern_base(pattern: str) -> str:
    """A pattern in the form of the *base* key (folded, spaces collapsed, spaced runs
    joined; no leetspeak): for exceptions matched over the numbers key, which is
    derived from the base key."""
    return join_spaced(collapse_spaces(fold(pattern))).text.strip()


def initials_of(word: str) -> str:
    return "".join(_initial(c) for c in word if is_hangul(c) and not 0x314F <= ord(c) <= 0x318E)


def written_initials(text: str) -> str:
    """The initial consonants as written, not folded: a syllable's first consonant and
    every bare consonant jamo (짱ㄲ → ㅉㄲ); other characters are skipped."""
    out = []
    for c in text:
        o = ord(c)
        if 0xAC00 <= o <= 0xD7A3:
            out.append(_CHO[(o - 0xAC00) // 588])
        elif 0x3131 <= o <= 0x314E:
            out.append(c)
    return "".join(out)


def jamo_of(word: str) -> str:
    return "".join(_decompose(c) for c in word)
