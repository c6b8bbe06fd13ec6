"""Screening new and edited comments against the active policy, and recording why.

Three ways in, all through the comments adapter or a task:

* :func:`screen_in_request` runs the fast rules the policy lists in
  ``request_rules`` (length, sanctions, held, moderation mode, new-user hold,
  the engine's text rules) inside the request and decides ``published``,
  ``pending`` or ``rejected``; with ``nudge`` on, a rejection is refused with
  a 422 ``policy_violation`` the reader can act on, and nothing is saved.
* :func:`record_verdict` writes the ScreeningRecord (policy version, action,
  hits) in the same transaction as the comment.
* :func:`screen_async` / :func:`screen_async_batch` run the slow rules
  (``async_rules``: toxicity score, Parley's classifier, flood, duplicates) in a
  Celery worker after
  commit; they may move a published comment to ``pending`` (audited as a system
  act). :func:`rescreen_pending` re-screens the queue after an activation.

Every step is idempotent: a ScreeningRecord per (comment, revision, event)
marks the work done, so a redelivered task (``acks_late``) changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from comments.adapter import ScreeningVerdict
from comments.models import Comment
from comments.services import comment_set_status
from config.errors import DomainError

from .audit import audit_record
from .engine.base import HOLD, PUBLISH, REJECT, Hit, strongest_action
from .models import AuditLog, ScreeningRecord
from .policy import ActivePolicy, get_active_policy, policy_for_version, reason_label, section_for
from .rules import load_rules
from .rules.base import ScreeningContext
from .rules.duplicate import fingerprint

log = logging.getLogger(__name__)

STATUS_FOR_ACTION = {
    PUBLISH: Comment.Status.PUBLISHED,
    HOLD: Comment.Status.PENDING,
    REJECT: Comment.Status.REJECTED,
}
RESCREEN_BATCH = 200
# An activation whose re-screen has not finished this long after is picked up
# by the periodic sweep (the broker was down, the worker died).
RESCREEN_GRACE = timedelta(minutes=10)
MAX_DRY_RUN_LENGTH = 10_000


@dataclass(frozen=True)
class Outcome:
    """The pipeline's own record of a verdict (``ScreeningVerdict.payload``)."""

    policy_version: int
    action: str
    hits: list[Hit] = field(default_factory=list)
    fingerprint: str = ""


def hit_dict(hit: Hit) -> dict[str, Any]:
    """A hit as stored and served: rule, code, action, span, matched, term, severity, detail."""
    data = hit.as_dict()
    data["detail"] = _jsonable(data.get("detail") or {})
    return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def evaluate(
    policy: ActivePolicy, stage: str, text: str, ctx: ScreeningContext
) -> tuple[str, list[Hit]]:
    """Run the policy's rules for ``stage`` over ``text``: (strongest action, all hits)."""
    hits: list[Hit] = []
    for rule in load_rules(policy, stage):
        hits.extend(rule.check(text, ctx))
    return strongest_action(hits), hits


# --- in the request --------------------------------------------------------------------


def screen_in_request(*, author, article, body, parent, comment, event) -> ScreeningVerdict:
    policy = get_active_policy()
    ctx = ScreeningContext(
        policy=policy, event=event, author=author, article=article, parent=parent, comment=comment
    )
    action, hits = evaluate(policy, "request", body, ctx)
    if action == REJECT and policy.get("nudge"):
        raise nudge_error(policy, hits)
    outcome = Outcome(policy.version, action, hits, fingerprint(body))
    return ScreeningVerdict(status=STATUS_FOR_ACTION[action], payload=outcome)


def nudge_error(policy: ActivePolicy, hits: list[Hit]) -> DomainError:
    """422 ``policy_violation``: what broke which section, where; nothing was saved."""
    refusing = sorted((h for h in hits if h.action == REJECT), key=lambda h: -h.severity)
    top = refusing[0]
    if top.rule == "length":
        limit = top.detail.get("max_length")
        message = f"Comments are limited to {limit} characters. Shorten yours and try again."
    else:
        section = section_for(policy, top.code)
        label = reason_label(policy, top.code).lower()
        where = f" (\u201c{top.matched}\u201d)" if top.matched else ""
        rule = f"our rule \u201c{section['title']}\u201d" if section else "our standards"
        message = (
            f"Your comment was not posted: it breaks {rule} on {label}{where}. "
            "Please rephrase it and post again."
        )
    section = section_for(policy, top.code)
    return DomainError(
        "policy_violation",
        message,
        status=422,
        extra={
            "reason_code": top.code,
            "section": {"code": section["code"], "title": section["title"]} if section else None,
            "policy_version": policy.version,
            "hits": [
                {
                    "rule": h.rule,
                    "code": h.code,
                    "span": list(h.span) if h.span else None,
                    "matched": h.matched,
                }
                for h in refusing
            ],
        },
    )


def record_verdict(*, comment: Comment, verdict: ScreeningVerdict, event: str) -> None:
    outcome = verdict.payload
    if not isinstance(outcome, Outcome):
        return
    ScreeningRecord.objects.record(comment=comment, **_record_fields(comment, outcome, event))


def record_verdict_statement(
    *, comment: Comment, verdict: ScreeningVerdict, event: str, source: str
) -> tuple[str, list[Any]] | None:
    """What :func:`record_verdict` writes, as an INSERT over ``source`` (the new comment)."""
    outcome = verdict.payload
    if not isinstance(outcome, Outcome):
        return None
    return ScreeningRecord.objects.record_statement(
        source=source, **_record_fields(comment, outcome, event)
    )


def _record_fields(comment: Comment, outcome: Outcome, event: str) -> dict[str, Any]:
    return {
        "revision": comment.revision,
        "event": event,
        "policy_version": outcome.policy_version,
        "action": outcome.action,
        "status": comment.status,
        "hits": [hit_dict(h) for h in outcome.hits],
        "fingerprint": outcome.fingerprint,
    }


# --- dry run ----------------------------------------------------------------------------


def dry_run(*, text: str, version: int | None = None) -> dict[str, Any]:
    """What the in-request rules would do with ``text`` (no author, no article). Saves nothing.

    ``classifier`` adds what the Celery step's classifier would say, where this process
    runs models (``PARLEY_CLASSIFIER``); it never changes ``action``, which is the request's.
    """
    policy = policy_for_version(version)
    ctx = ScreeningContext(policy=policy, event="dry_run")
    action, hits = evaluate(policy, "request", text, ctx)
    return {
        "version": policy.version,
        "action": action,
        "hits": [
            {
                "rule": h.rule,
                "code": h.code,
                "action": h.action,
                "span": list(h.span) if h.span else None,
                "matched": h.matched,
                "term": h.term,
                "severity": h.severity,
            }
            for h in hits
        ],
        "classifier": _dry_run_classifier(policy, text),
    }


def _dry_run_classifier(policy: ActivePolicy, text: str) -> dict[str, Any] | None:
    """What the Celery step's classifier would say (None where the model is off)."""
    [pred] = _predictions(policy, [Comment(body=text)])
    if pred is None:
        return None
    from .engine.rules.classifier import ClassifierRule

    hit = ClassifierRule(policy.data).hit_for(pred, text)
    return {
        **pred.as_dict(),
        "code": hit.code if hit else None,
        "action": hit.action if hit else "publish",
        "explanation": hit.detail["explanation"] if hit else "",
    }


# --- slow screening in Celery -----------------------------------------------------------


def toxicity_enabled() -> bool:
    """The model runs in Celery workers. ``auto``: only when tasks are not run in-process."""
    mode = str(getattr(settings, "PARLEY_TOXICITY", "auto")).lower()
    if mode == "auto":
        return not settings.CELERY_TASK_ALWAYS_EAGER
    return mode in {"on", "true", "1", "yes"}


def _scores(policy: ActivePolicy, comments: list[Comment]) -> list[float | None]:
    wanted = "toxicity" in (policy.get("async_rules") or ()) and (
        str(policy.get("toxicity_action", "hold")).lower() != "off"
    )
    if not comments or not wanted or not toxicity_enabled():
        return [None] * len(comments)
    from .engine.toxicity import score_batch

    cues = policy.get("mention_quote_cues") or ()
    return list(score_batch([c.body for c in comments], quote_cues=cues))


def classifier_enabled() -> bool:
    """Like the toxicity model: ``PARLEY_CLASSIFIER`` (default: ``PARLEY_TOXICITY``'s value)."""
    mode = getattr(settings, "PARLEY_CLASSIFIER", None)
    mode = str(mode if mode is not None else getattr(settings, "PARLEY_TOXICITY", "auto")).lower()
    if mode == "auto":
        return not settings.CELERY_TASK_ALWAYS_EAGER
    return mode in {"on", "true", "1", "yes"}


def _predictions(policy: ActivePolicy, comments: list[Comment]) -> list[Any]:
    wanted = "classifier" in (policy.get("async_rules") or ()) and (
        str(policy.get("classifier_action", "hold")).lower() != "off"
    )
    if not comments or not wanted or not classifier_enabled():
        return [None] * len(comments)
    from .engine.classifier import score_batch
    from .engine.rules.classifier import innocent_variants

    texts = [c.body for c in comments]
    return list(score_batch(texts, variants=innocent_variants(texts, policy.data)))


def screen_async(*, comment: Comment) -> str:
    return screen_async_batch(comment_ids=[comment.pk]).get(comment.pk, "gone")


def screen_async_batch(*, comment_ids: list[int]) -> dict[int, str]:
    """Slow rules for many comments; toxicity is scored for the whole batch at once."""
    policy = get_active_policy()
    comments = list(
        Comment.objects.filter(pk__in=comment_ids)
        .exclude(status=Comment.Status.DELETED)
        .select_related("article", "author")
        .order_by("pk")
    )
    scores = _scores(policy, comments)  # slow: outside any transaction or lock
    preds = _predictions(policy, comments)  # likewise
    results = {}
    for comment, score, pred in zip(comments, scores, preds, strict=True):
        results[comment.pk] = _decide_async(policy, comment.pk, comment.revision, score, pred)
    return results


def _decide_async(
    policy: ActivePolicy, comment_id: int, revision: int, score, pred: Any = None
) -> str:
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update(of=("self",))
            .select_related("article", "author")
            .filter(pk=comment_id)
            .first()
        )
        if comment is None or comment.status == Comment.Status.DELETED:
            return "gone"
        if comment.revision != revision:
            return "stale"  # edited meanwhile: the edit enqueued its own screening
        done = ScreeningRecord.objects.filter(
            comment=comment, revision=revision, event=ScreeningRecord.Event.ASYNC
        ).exists()
        if done:
            return "already"
        ctx = ScreeningContext.of_saved(policy, "async", comment, score, pred)
        action, hits = evaluate(policy, "async", comment.body, ctx)
        old = comment.status
        if action != PUBLISH and old == Comment.Status.PUBLISHED:
            # The Celery step only ever holds: refusing is for people (or the request).
            comment_set_status(comment=comment, status=Comment.Status.PENDING)
            top = max(hits, key=lambda h: h.severity)
            audit_record(
                actor=None,
                action="comment.hold",
                target_type="comment",
                target_id=comment.pk,
                old={"status": old},
                new={"status": comment.status},
                reason_code=top.code,
                policy_version=policy.version,
                note=f"slow screening: {', '.join(sorted({h.rule for h in hits}))}",
            )
        ScreeningRecord.objects.record(
            comment=comment,
            revision=revision,
            event=ScreeningRecord.Event.ASYNC,
            policy_version=policy.version,
            action=action,
            status=comment.status,
            hits=[hit_dict(h) for h in hits],
        )
        return "held" if comment.status != old else action


# --- re-screening the pending queue after an activation ------------------------------------


def _held_by_screening(comment: Comment) -> bool:
    """Pending because of the automated policy (not reports or a moderator)?"""
    last = (
        ScreeningRecord.objects.filter(comment=comment)
        .order_by("-id")
        .values("status", "created_at")
        .first()
    )
    return (
        last is not None
        and last["status"] == Comment.Status.PENDING
        and last["created_at"] >= comment.status_changed_at
    )


def rescreen_pending(*, version: int) -> dict[str, Any]:
    """Re-screen every comment the automated policy holds, under policy ``version``.

    A comment that the new policy would publish is released, one it would
    refuse is rejected, the rest stay held; comments held by reports or a
    moderator are left alone. Writes one ``policy.rescreen`` audit row with
    the summary (and returns it). Safe to run twice: comments already
    re-screened under this version are skipped, and a finished run is not
    repeated.
    """
    active = get_active_policy()
    if active.version != version:
        return {"version": version, "superseded_by": active.version}
    finished = (
        AuditLog.objects.filter(action="policy.rescreen", target_type="policy")
        .filter(target_id=str(version))
        .values_list("new", flat=True)
        .first()
    )
    if finished is not None:
        return finished
    policy = policy_for_version(version)
    summary: dict[str, Any] = {
        "version": version,
        "checked": 0,
        "released": [],
        "rejected": [],
        "still_held": 0,
        "left_alone": 0,
        "already": 0,
    }
    last_pk = 0
    while True:
        batch = list(
            Comment.objects.filter(status=Comment.Status.PENDING, pk__gt=last_pk)
            .select_related("article", "author")
            .order_by("pk")[:RESCREEN_BATCH]
        )
        if not batch:
            break
        last_pk = batch[-1].pk
        scores = _scores(policy, batch)
        preds = _predictions(policy, batch)
        for comment, score, pred in zip(batch, scores, preds, strict=True):
            result = _rescreen_one(policy, comment.pk, score, pred)
            summary["checked"] += 1
            if result in ("released", "rejected"):
                summary[result].append(comment.pk)
            else:
                summary[result] += 1
    with transaction.atomic():
        audit_record(
            actor=None,
            action="policy.rescreen",
            target_type="policy",
            target_id=version,
            new=summary,
            policy_version=version,
            note=(
                f"re-screened {summary['checked']} pending: {len(summary['released'])} released, "
                f"{len(summary['rejected'])} rejected, {summary['still_held']} still held"
            ),
        )
    log.info("policy v%s re-screen: %s", version, summary)
    return summary


def _rescreen_one(policy: ActivePolicy, comment_id: int, score, pred: Any = None) -> str:
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update(of=("self",))
            .select_related("article", "author")
            .filter(pk=comment_id)
            .first()
        )
        if comment is None or comment.status != Comment.Status.PENDING:
            return "left_alone"
        if ScreeningRecord.objects.filter(
            comment=comment,
            revision=comment.revision,
            event=ScreeningRecord.Event.RESCREEN,
            policy_version=policy.version,
        ).exists():
            return "already"
        if not _held_by_screening(comment):
            return "left_alone"
        ctx = ScreeningContext.of_saved(policy, "rescreen", comment, score, pred)
        _, request_hits = evaluate(policy, "request", comment.body, ctx)
        _, async_hits = evaluate(policy, "async", comment.body, ctx)
        hits = request_hits + async_hits
        # As in the Celery step, slow rules only ever hold; the fast rules may refuse.
        action = strongest_action(request_hits)
        if action == PUBLISH and async_hits:
            action = HOLD
        new_status = STATUS_FOR_ACTION[action]
        result = "still_held"
        if new_status != comment.status:
            old = comment.status
            comment_set_status(comment=comment, status=new_status)
            result = "released" if new_status == Comment.Status.PUBLISHED else "rejected"
            top = max(hits, key=lambda h: h.severity) if hits else None
            audit_record(
                actor=None,
                action="comment.release" if result == "released" else "comment.reject",
                target_type="comment",
                target_id=comment.pk,
                old={"status": old},
                new={"status": new_status},
                reason_code=top.code if top else "",
                policy_version=policy.version,
                note=f"re-screened under policy v{policy.version}",
            )
        ScreeningRecord.objects.record(
            comment=comment,
            revision=comment.revision,
            event=ScreeningRecord.Event.RESCREEN,
            policy_version=policy.version,
            action=action,
            status=comment.status,
            hits=[hit_dict(h) for h in hits],
        )
        return result


def rescreen_missed() -> int | None:
    """The active version's re-screen, if its activation's task never finished (periodic)."""
    active = get_active_policy()
    activated = AuditLog.objects.filter(
        action="policy.activate",
        target_type="policy",
        target_id=str(active.version),
        created_at__lt=timezone.now() - RESCREEN_GRACE,
    ).exists()
    finished = AuditLog.objects.filter(
        action="policy.rescreen", target_type="policy", target_id=str(active.version)
    ).exists()
    if not activated or finished:
        return None
    return active.version
