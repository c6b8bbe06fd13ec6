"""``sexual_remark``: a sexual word and a wish, a request or an offer close together.

"I'd love to see her naked", "send the unblurred ones tonight", "저 배우 벗은 사진 보고
싶다": a word for nudity, a sex act or arousal, and a first-person wish ("I'd", "I want
to", "싶다"), a request ("send", "DM me", "올려줘") or an offer ("구해요", "tonight")
within ``sexual_remark_window`` characters. Either alone is ordinary news vocabulary
(a naked-eye eclipse, sex education, 알몸 상태로 발견된 시신; I'd like to see the budget),
so only the pair is held, for a moderator. Policy keys: ``sexual_remark_words``,
``sexual_remark_cues`` (lists in the term syntax), ``sexual_remark_window`` (default
60), ``sexual_remark_action`` (hold|reject|off), ``sexual_remark_negators``.
"""

from __future__ import annotations

from ._pairs import PairRule


class SexualRemarkRule(PairRule):
    name = "sexual_remark"
    code = "sexual"
    prefix = "sexual_remark"
    first = "sexual_word"
    second = "sexual_cue"
    list_keys = ("sexual_remark_words", "sexual_remark_cues")
    window = 60
    severity = 60
    negated_before = 16  # "I would never want to see ..."
