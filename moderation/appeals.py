"""An author's appeal against the rejection of their comment: once per comment."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from comments.models import Comment
from comments.text import clean_text
from config.api.formats import iso
from config.errors import DomainError

from .audit import audit_record
from .models import Appeal
from .policy import get_active_policy

MESSAGE_MAX = 1000


def _not_appealable() -> DomainError:
    return DomainError("not_appealable", "Only your own rejected comments can be appealed.")


def appeal_create(*, author: Any, comment_id: Any, message: object) -> Appeal:
    """Put the author's rejected comment in the appeals queue.

    Sanctioned readers may appeal too: an appeal is how a wrong decision gets
    undone. 400 ``not_appealable`` for a comment that is not rejected or not
    the author's; 409 ``already_appealed`` the second time.
    """
    if author is None or not author.is_authenticated:
        raise DomainError("not_authenticated", "Sign in to appeal.")
    text = clean_text(message, max_length=MESSAGE_MAX, field="message")
    try:
        pk = int(comment_id)
    except (TypeError, ValueError):
        raise DomainError("comment_not_found", "No such comment.") from None
    with transaction.atomic():
        comment = Comment.objects.select_for_update(of=("self",)).filter(pk=pk).first()
        if comment is None:
            raise DomainError("comment_not_found", "No such comment.")
        if comment.author_id != author.pk or comment.status != Comment.Status.REJECTED:
            raise _not_appealable()
        if Appeal.objects.filter(comment_id=comment.pk).exists():
            raise DomainError("already_appealed", "You have already appealed this decision.")
        try:
            with transaction.atomic():
                appeal = Appeal.objects.create(comment=comment, author=author, message=text)
        except IntegrityError:
            raise DomainError(
                "already_appealed", "You have already appealed this decision."
            ) from None
        audit_record(
            actor=author,
            action="comment.appeal",
            target_type="comment",
            target_id=comment.pk,
            new={"appeal": appeal.pk},
            policy_version=get_active_policy().version,
        )
    return appeal


def appeal_dict(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": appeal.pk,
        "comment": appeal.comment_id,
        "message": appeal.message,
        "status": appeal.status,
        "created_at": iso(appeal.created_at),
    }
