"""``gambling_ad``: a gambling word and an ad's words close together.

"토토 신규 가입 첫충 20% 꽁머니 지급", "best online casino, free spins, promo code inside":
a gambling word (카지노, 토토, casino, baccarat …) and an ad's words (join, bonus, deposit,
a code, a link, a contact) within ``gambling_ad_window`` characters. A gambling word alone
is news vocabulary for a paper that covers casino regulation, betting addiction or a
leisure stock, and an ad's words alone are everyday ones, so only the pair is held, for a
moderator. Phrases only gambling ads use (안전놀이터, "betting site") stay suspect terms.
Policy keys: ``gambling_ad_words``, ``gambling_ad_cues`` (lists in the term syntax),
``gambling_ad_window`` (default 60), ``gambling_ad_action`` (hold|reject|off),
``gambling_ad_negators`` (words of a report, between the two or right after the ad's
word, that make it news: 검거, 단속, "illegal", "crackdown").
"""

from __future__ import annotations

from ._pairs import PairRule


class GamblingAdRule(PairRule):
    name = "gambling_ad"
    code = "spam"
    prefix = "gambling_ad"
    first = "gambling_word"
    second = "gambling_cue"
    list_keys = ("gambling_ad_words", "gambling_ad_cues")
    window = 60
    severity = 60
