"""The common interface every rule implements.

A rule looks at one comment (its original text plus whatever context the
pipeline knows) and returns zero or more :class:`Hit` objects. A hit always
points back into the reader's *original* text with ``span`` (Python string
indices, ``text[start:end]``), so the moderation queue can highlight it and
the dry-run can show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, runtime_checkable

# What a hit asks the pipeline to do. Ordered by strength: the strongest
# action among all hits wins.
PUBLISH = "publish"
HOLD = "hold"
REJECT = "reject"
ACTION_STRENGTH = {PUBLISH: 0, HOLD: 1, REJECT: 2}


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str  # the rule's name, e.g. "banned_terms"
    code: str  # the policy reason code, e.g. "offensive", "personal_info"
    action: str  # HOLD or REJECT
    span: tuple[int, int] | None = None  # indices into the original text
    matched: str = ""  # the original substring (text[span[0]:span[1]])
    term: str | None = None  # the policy entry that matched, if any
    severity: int = 50  # 0..100, for ordering in the queue
    detail: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span is not None else None
        data["detail"] = dict(self.detail)
        return data


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the text. Django-free on purpose."""

    author_id: int | None = None
    author_published_count: int = 0
    article_key: str | None = None
    is_edit: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class Rule(Protocol):
    """One small unit of policy. ``name`` is stable and recorded in decisions."""

    name: str

    def check(self, text: str, context: Context) -> list[Hit]: ...


def strongest_action(hits: list[Hit]) -> str:
    action = PUBLISH
    for hit in hits:
        if ACTION_STRENGTH[hit.action] > ACTION_STRENGTH[action]:
            action = hit.action
    return action
