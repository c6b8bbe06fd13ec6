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
so they cost nothing extra.

All the patterns of a policy compile into at most six automata (main key,
Korean no-space key, initial-consonant key, jamo key, masked-token skeleton
key). Scanning is linear in the comment length, whatever the list size.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from .normalize import (
    Key,
    Normalized,
    initials_key,
    initials_of,
    is_hangul,
    jamo_key,
    jamo_of,
    normalize_pattern,
    nospace_key,
    phonetic,
    phonetic_key,
    skeleton_key,
    skeleton_of,
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


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: str  # the policy entry as written, e.g. "insult:idiot*"
    code: str
    core: str  # normalised pattern without wildcards, e.g. "idiot"
    prefix_wild: bool
    suffix_wild: bool

    @property
    def owner(self) -> str:
        return self.core


@dataclass(frozen=True, slots=True)
class TermMatch:
    pattern: Pattern
    list_name: str  # e.g. "banned" / "suspect"
    span: tuple[int, int]  # original text
    key: str  # which key matched: "main", "nospace", "initials", "jamo", "skeleton"


def parse_entry(entry: str, default_code: str = DEFAULT_CODE) -> Pattern | None:
    raw = entry.strip()
    code = default_code
    head, sep, rest = raw.partition(":")
    if sep and head.strip().lower() in REASON_CODES:
        code, raw = head.strip().lower(), rest.strip()
    prefix = raw.startswith("*")
    suffix = raw.endswith("*") and len(raw) > 1
    core = normalize_pattern(raw.strip("*"))
    if not core:
        return None
    return Pattern(entry.strip(), code, core, prefix, suffix)


def _latin_edge(c: str) -> bool:
    return "a" <= c <= "z" or c == "?"


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
        self._tmp.setdefault(needle, []).append(value)

    def finish(self) -> None:
        for needle, values in self._tmp.items():
            self._a.add_word(needle, (len(needle), tuple(values)))
        self.size = len(self._tmp)
        self._tmp = {}
        if self.size:
            self._a.make_automaton()

    def iter(self, text: str):
        if self.size:
            yield from self._a.iter(text)


class TermMatcher:
    """Compiled term lists. Build once per policy version; ``find`` is thread-safe."""

    def __init__(
        self,
        lists: dict[str, list[str]],
        exceptions: dict[str, list[str]] | None = None,
    ) -> None:
        self.main = _Auto()
        self.nospace = _Auto()
        self.initials = _Auto()
        self.jamo = _Auto()
        self.skeleton = _Auto()
        self.phonetic = _Auto()
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
                p = parse_entry(w)
                if p is not None:
                    self._add(p, (True, p, owner))
        for a in (self.main, self.nospace, self.initials, self.jamo, self.skeleton, self.phonetic):
            a.finish()

    def _add(self, p: Pattern, value: tuple) -> None:
        core = p.core
        if _is_initials(core):
            self.initials.add(core.replace(" ", ""), value)
            return
        self.main.add(core, value)
        has_hangul = any(is_hangul(c) for c in core)
        if has_hangul:
            syl = _syllables(core)
            if " " in core or syl >= 4:
                self.nospace.add(core.replace(" ", ""), value)
            if syl >= 3:
                # spelled as pronounced: 주겨버린다 for 죽여버린다
                self.phonetic.add(phonetic(core), value)
            if syl >= 3 or value[0]:
                ini = initials_of(core.replace(" ", ""))
                if len(ini) >= 2:
                    self.initials.add(ini, value)
            self.jamo.add(jamo_of(core), value)
        elif len(core) >= 4 and core.isalpha():
            self.skeleton.add(skeleton_of(core), value)

    # ------------------------------------------------------------------ scanning

    @staticmethod
    def _scan(
        auto: _Auto, key: Key | None, name: str, found: list, excs: list, original: str = ""
    ) -> None:
        if key is None or not auto.size:
            return
        text = key.text
        n = len(text)
        for end, (length, values) in auto.iter(text):
            start = end - length + 1
            before = text[start - 1] if start > 0 else " "
            after = text[end + 1] if end + 1 < n else " "
            for is_exc, p, tag in values:
                if (
                    not p.prefix_wild
                    and _latin_edge(text[start])
                    and _latin_edge(before)
                    and not _joined_gap(key, original, start - 1)
                ):
                    continue
                if (
                    not p.suffix_wild
                    and _latin_edge(text[end])
                    and _latin_edge(after)
                    and not _joined_gap(key, original, end)
                ):
                    continue
                a, b = start, end + 1
                if p.prefix_wild:  # report the whole word, not just the listed stem
                    while a > 0 and _latin_edge(text[a - 1]):
                        a -= 1
                if p.suffix_wild:
                    while b < n and _latin_edge(text[b]):
                        b += 1
                span = key.span(a, b)
                if is_exc:
                    excs.append((tag, span))
                else:
                    found.append(TermMatch(p, tag, span, name))

    def find(self, norm: Normalized) -> list[TermMatch]:
        found: list[TermMatch] = []
        excs: list[tuple[str, tuple[int, int]]] = []
        terms = norm.terms
        self._scan(self.main, terms, "main", found, excs, norm.original)
        if norm.terms_double is not None:
            self._scan(self.main, norm.terms_double, "main", found, excs, norm.original)
        if self.nospace.size:
            self._scan(self.nospace, nospace_key(terms), "nospace", found, excs, norm.original)
        if self.phonetic.size:
            pk = phonetic_key(terms)
            if pk is not None:
                self._scan(self.phonetic, pk, "phonetic", found, excs, norm.original)
        if self.initials.size:
            self._scan(self.initials, initials_key(terms), "initials", found, excs, norm.original)
        if self.jamo.size:
            jk = jamo_key(terms)
            if jk is not None:
                before = len(found)
                self._scan(self.jamo, jk, "jamo", found, excs, norm.original)
                # A jamo-form hit only counts if the reader actually wrote bare jamo in it
                # (otherwise the syllable key already judged that stretch).
                found[before:] = [m for m in found[before:] if _has_bare_jamo(norm.original, m)]
        if self.skeleton.size:
            self._scan(
                self.skeleton, skeleton_key(norm.base), "skeleton", found, excs, norm.original
            )
        if not found:
            return found
        if excs:
            found = [m for m in found if not _excepted(m, excs)]
        # one hit per (term, span)
        seen: set = set()
        out: list[TermMatch] = []
        for m in found:
            k = (m.pattern.entry, m.list_name, m.span)
            if k not in seen:
                seen.add(k)
                out.append(m)
        return out


def _joined_gap(key: Key, original: str, i: int) -> bool:
    """True when key chars i and i+1 were joined across whitespace (``f u c k``): a
    letter-spaced run has no trustworthy word boundaries, so whole-word checks yield."""
    if i < 0 or i + 1 >= len(key.text) or not original:
        return False
    gap = original[key.ends[i] : key.starts[i + 1]]
    return bool(gap) and gap.isspace()


def _has_bare_jamo(original: str, m: TermMatch) -> bool:
    a, b = m.span
    return any(0x3131 <= ord(c) <= 0x318E for c in original[a:b])


def _excepted(m: TermMatch, excs: list[tuple[str, tuple[int, int]]]) -> bool:
    a, b = m.span
    owner = m.pattern.owner
    for tag, (s, e) in excs:
        if (tag == "*" or tag == owner) and s <= a and b <= e:
            return True
    return False
