"""Moderators' decisions on comments, and the author's statement of reasons.

``decision_apply`` is the one way a moderator changes a comment's status. In
one transaction, holding the comment's row lock, it checks that the comment
is still in the status the moderator saw (``from_status``; otherwise 409
``already_decided``), moves it, closes open reports (upheld on reject,
dismissed on approve: this feeds reporters' weights), settles an open appeal
(approve grants it, reject denies it), drops the claim, and writes the
Decision row and the audit row; the author's e-mail is enqueued on commit.

What can be decided:

* ``pending`` (held, or hidden by reports): approve -> published, reject -> rejected;
* ``published`` with open reports: approve keeps it up and dismisses the
  reports, reject removes it;
* ``published`` in no queue: reject (post-moderation). Approving it is 409
  ``already_decided``: there is nothing to decide, and answering so lets two
  moderators approving the same reported comment at once see that one won;
* ``rejected`` with an open appeal: approve restores it (appeal granted),
  reject keeps it rejected (appeal denied). Without an appeal, approve
  reinstates it and reject is 409 ``already_decided``;
* ``deleted`` (by its author): 409 ``already_decided``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from comments.models import Comment, Report
from comments.services import comment_set_status
from comments.text import clean_text
from config.api.formats import iso as _iso
from config.errors import DomainError

from . import app_settings
from .access import reason_labels, require_moderator, require_reason
from .audit import audit_record
from .claims import active_claim_of_other, already_claimed
from .models import Appeal, Claim, Decision, Sanction
from .policy import get_active_policy
from .queue import _rule_hits, queue_of, queued_since

NOTE_MAX = 1000
DECIDABLE_FROM = ("published", "pending", "rejected", "deleted")


def _enqueue_notice(decision_id: int) -> None:
    from .tasks.notifications import decision_notice_send

    transaction.on_commit(lambda: decision_notice_send.delay(decision_id))


def _check_action(action: object) -> str:
    if action not in Decision.Action.values:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"action": ["One of: approve, reject."]},
        )
    return str(action)


def _check_from_status(from_status: object) -> str:
    if from_status not in DECIDABLE_FROM:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"from_status": [f"One of: {', '.join(DECIDABLE_FROM)}."]},
        )
    return str(from_status)


def _already_decided(comment: Comment, message: str) -> DomainError:
    return DomainError(
        "already_decided", message, extra={"status": comment.status, "revision": comment.revision}
    )


def decision_apply(
    *,
    moderator: Any,
    comment_id: Any,
    action: object,
    reason_code: object = "",
    note: object = "",
    from_status: object,
    revision: int | None = None,
) -> Decision:
    """Approve or reject one comment as the moderator saw it.

    ``from_status`` (and, when given, ``revision``: the comment's revision in
    the queue item) is what the moderator saw; if the comment has changed
    since (decided by someone else, or edited by its author), 409
    ``already_decided`` and nothing is written.
    """
    require_moderator(moderator)
    action = _check_action(action)
    from_status = _check_from_status(from_status)
    policy = get_active_policy()
    code = require_reason(reason_code, required=action == Decision.Action.REJECT, policy=policy)
    note_text = clean_text(note or "", max_length=NOTE_MAX, field="note", allow_empty=True)
    try:
        pk = int(comment_id)
    except (TypeError, ValueError):
        raise DomainError("comment_not_found", "No such comment.") from None

    with transaction.atomic():
        comment = Comment.objects.select_for_update(of=("self",)).filter(pk=pk).first()
        if comment is None:
            raise DomainError("comment_not_found", "No such comment.")
        if comment.status != from_status:
            raise _already_decided(comment, f"This comment is now {comment.status}.")
        if revision is not None and comment.revision != revision:
            raise _already_decided(comment, "Its author edited this comment since you saw it.")
        if comment.status == Comment.Status.DELETED:
            raise _already_decided(comment, "Its author deleted this comment.")
        held = active_claim_of_other(comment.pk, moderator)
        if held is not None:
            raise already_claimed(held)
        queue = queue_of(comment)
        if action == Decision.Action.APPROVE:
            if comment.status == Comment.Status.PUBLISHED and queue is None:
                raise _already_decided(comment, "This comment is published and in no queue.")
            to_status = Comment.Status.PUBLISHED
        else:
            if comment.status == Comment.Status.REJECTED and queue != "appeals":
                raise _already_decided(comment, "This comment is already rejected.")
            to_status = Comment.Status.REJECTED

        now = timezone.now()
        old_status = comment.status
        comment_set_status(comment=comment, status=to_status)
        Report.objects.filter(comment_id=comment.pk, status=Report.Status.OPEN).update(
            status=(
                Report.Status.UPHELD
                if action == Decision.Action.REJECT
                else Report.Status.DISMISSED
            ),
            resolved_at=now,
        )
        decision = Decision.objects.create(
            comment=comment,
            moderator=moderator,
            action=action,
            reason_code=code,
            note=note_text,
            from_status=old_status,
            to_status=to_status,
            source=queue or Decision.Source.POST,
            revision=comment.revision,
            policy_version=policy.version,
            queued_at=queued_since(comment, queue),
        )
        if queue == "appeals":
            Appeal.objects.filter(comment_id=comment.pk, status=Appeal.Status.OPEN).update(
                status=(
                    Appeal.Status.GRANTED
                    if action == Decision.Action.APPROVE
                    else Appeal.Status.DENIED
                ),
                decided_at=now,
                decision=decision,
            )
        Claim.objects.filter(comment_id=comment.pk).delete()
        audit_record(
            actor=moderator,
            action=f"comment.{action}",
            target_type="comment",
            target_id=comment.pk,
            old={"status": old_status},
            new={"status": to_status, "decision": decision.pk, "queue": decision.source},
            reason_code=code,
            policy_version=policy.version,
            note=note_text,
        )
        if action == Decision.Action.REJECT or queue == "appeals":
            _enqueue_notice(decision.pk)
    return decision


BULK_ITEM_ERRORS = {"already_decided", "comment_not_found", "already_claimed", "validation_error"}


def decision_bulk(
    *,
    moderator: Any,
    items: list[dict[str, Any]],
    action: object,
    reason_code: object = "",
    note: object = "",
) -> list[dict[str, Any]]:
    """Decide many comments alike; each item in its own transaction, one result per item."""
    require_moderator(moderator)
    limit = app_settings.bulk_max_items()
    if len(items) > limit:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"items": [f"At most {limit} comments in one call."]},
        )
    _check_action(action)
    require_reason(reason_code, required=action == Decision.Action.REJECT)
    clean_text(note or "", max_length=NOTE_MAX, field="note", allow_empty=True)
    results = []
    for item in items:
        comment_id = item.get("comment_id")
        try:
            decision = decision_apply(
                moderator=moderator,
                comment_id=comment_id,
                action=action,
                reason_code=reason_code,
                note=note,
                from_status=item.get("from_status"),
                revision=item.get("revision"),
            )
        except DomainError as error:
            if error.code not in BULK_ITEM_ERRORS:
                raise
            results.append(
                {"comment_id": comment_id, "result": error.code, "message": error.message}
            )
        else:
            results.append(
                {
                    "comment_id": comment_id,
                    "result": "decided",
                    "decision": decision.pk,
                    "status": decision.to_status,
                }
            )
    return results


def decision_dict(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "comment": decision.comment_id,
        "action": decision.action,
        "reason_code": decision.reason_code,
        "note": decision.note,
        "from_status": decision.from_status,
        "to_status": decision.to_status,
        "queue": decision.source,
        "policy_version": decision.policy_version,
        "moderator": decision.moderator.get_username() if decision.moderator else None,
        "queued_at": _iso(decision.queued_at),
        "created_at": _iso(decision.created_at),
    }


# --- what the author sees (statement of reasons) -------------------------------


def _label_sentence(labels: dict[str, str], code: str) -> str:
    return labels.get(code, code) if code else "a breach of our community standards"


def comment_decisions(comments: list[Comment]) -> dict[int, dict[str, Any]]:
    """For the author's own held or rejected comments: why, under which policy, and
    whether they may appeal (an EU DSA-style statement of reasons).

    ``{comment_id: {status, reason_code, explanation, policy_version, appealable,
    automated, appeal}}``; three queries for a page whatever its size.
    """
    ids = [c.pk for c in comments if c.status in (Comment.Status.PENDING, Comment.Status.REJECTED)]
    if not ids:
        return {}
    latest: dict[int, Decision] = {}
    for decision in Decision.objects.filter(comment_id__in=ids).order_by("comment_id", "-id"):
        latest.setdefault(decision.comment_id, decision)
    appeals = {a.comment_id: a for a in Appeal.objects.filter(comment_id__in=ids)}
    screening = _rule_hits(ids)
    policy = get_active_policy()
    labels = reason_labels(policy)

    out: dict[int, dict[str, Any]] = {}
    for comment in comments:
        if comment.pk not in ids:
            continue
        decision = latest.get(comment.pk)
        if decision is not None and (
            decision.to_status != comment.status or decision.revision != comment.revision
        ):
            decision = None  # an edit or the screening changed it since
        verdict = screening.get(comment.pk)
        hit_code = next((h.get("code") for h in (verdict or {}).get("hits", [])), "") or ""
        appeal = appeals.get(comment.pk)
        if comment.status == Comment.Status.PENDING:
            entry = {
                "status": "pending",
                "reason_code": hit_code or None,
                "explanation": "Your comment is held until a moderator reviews it"
                + (f" ({_label_sentence(labels, hit_code)})." if hit_code else "."),
                "policy_version": verdict["policy_version"] if verdict else policy.version,
                "appealable": False,
                "automated": True,
            }
        elif decision is not None:
            reason = _label_sentence(labels, decision.reason_code)
            if decision.source == Decision.Source.APPEALS:
                text = f"A moderator reviewed your appeal; the rejection stands: {reason}."
            else:
                text = f"A moderator removed your comment: {reason}."
            entry = {
                "status": "rejected",
                "reason_code": decision.reason_code or None,
                "explanation": text,
                "policy_version": decision.policy_version,
                "appealable": appeal is None,
                "automated": False,
            }
        else:
            entry = {
                "status": "rejected",
                "reason_code": hit_code or None,
                "explanation": "Our automated screening rejected your comment: "
                f"{_label_sentence(labels, hit_code)}.",
                "policy_version": verdict["policy_version"] if verdict else None,
                "appealable": appeal is None,
                "automated": True,
            }
        entry["appeal"] = (
            {"status": appeal.status, "created_at": _iso(appeal.created_at)} if appeal else None
        )
        if entry["appealable"]:
            entry["explanation"] += " You may appeal this decision once."
        out[comment.pk] = entry
    return out


def export_user_data(user: Any) -> dict[str, Any]:
    """Decisions, appeals and sanctions about ``user``, for their account export.

    Moderators' names and internal notes are not part of it.
    """
    decisions = [
        {
            "comment": d.comment_id,
            "action": d.action,
            "reason_code": d.reason_code,
            "from_status": d.from_status,
            "to_status": d.to_status,
            "policy_version": d.policy_version,
            "created_at": _iso(d.created_at),
        }
        for d in Decision.objects.filter(comment__author=user).order_by("id")
    ]
    appeals = [
        {
            "comment": a.comment_id,
            "message": a.message,
            "status": a.status,
            "created_at": _iso(a.created_at),
            "decided_at": _iso(a.decided_at),
        }
        for a in Appeal.objects.filter(author=user).order_by("id")
    ]
    sanctions = [
        {
            "kind": s.kind,
            "until": _iso(s.until),
            "reason_code": s.reason_code,
            "created_at": _iso(s.created_at),
            "lifted_at": _iso(s.lifted_at),
            "policy_version": s.policy_version,
        }
        for s in Sanction.objects.filter(user=user).order_by("id")
    ]
    by_status: dict[str, int] = defaultdict(int)
    for decision in decisions:
        by_status[decision["action"]] += 1
    return {
        "moderation": {
            "decisions": decisions,
            "appeals": appeals,
            "sanctions": sanctions,
            "summary": dict(by_status),
        }
    }
