"""``group_generalisation``: hate speech that uses no slur.

"<group> are all criminals", "<group> don't belong here", "조선족은 다 범죄자": a group
noun and a generalising or dehumanising predicate close together. Either word alone
is ordinary news vocabulary, so only the pair is held (never refused) for a
moderator. Policy keys: ``generalisation_groups``, ``generalisation_predicates``
(lists in the term syntax), ``generalisation_window`` (characters between the two,
default 60), ``generalisation_action`` (hold|reject|off), ``generalisation_negators``
(a negator between the group and the predicate, or right after the predicate, turns
the pair into counter-speech: "immigrants are not criminals", "난민이 범죄자 취급 받는
건 문제다").
"""

from __future__ import annotations

from ._pairs import PairRule


class GroupGeneralisationRule(PairRule):
    name = "group_generalisation"
    code = "hate"
    prefix = "generalisation"
    first = "group"
    second = "predicate"
    list_keys = ("generalisation_groups", "generalisation_predicates")
    window = 60
    severity = 65
