"""A reader's data export, built in the background (the GDPR / PIPA access right).

``GET /api/v1/me/export/`` answers in the request, which is fine for most
readers; for a long history, and for clients that should not hold a request
open, ``POST /api/v1/me/exports/`` asks for a copy that a Celery task builds
(``comments.tasks.data_export_build``) and keeps for ``PARLEY_EXPORT_TTL_HOURS``.
The owner polls ``GET /api/v1/me/exports/{id}/`` (or waits for the e-mail) and
downloads it from ``.../download/``. One export in preparation at a time, and a
ready one is handed back instead of building another within
``PARLEY_EXPORT_MIN_INTERVAL_HOURS``. The sweep (``data_exports_sweep``, every
10 minutes) deletes expired copies, re-enqueues builds the broker lost and
gives up on builds older than a day.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from config.api.formats import iso
from config.errors import DomainError

from .models import DataExport

STALLED_AFTER = timedelta(minutes=10)
GIVE_UP_AFTER = timedelta(days=1)


def _ttl() -> timedelta:
    return timedelta(hours=settings.PARLEY_EXPORT_TTL_HOURS)


def _min_interval() -> timedelta:
    return timedelta(hours=settings.PARLEY_EXPORT_MIN_INTERVAL_HOURS)


def _signed_in(user: Any) -> Any:
    if user is None or not user.is_authenticated:
        raise DomainError("not_authenticated", "Sign in to export your data.")
    return user


# --- selectors -------------------------------------------------------------------------


def export_dict(export: DataExport) -> dict[str, Any]:
    ready = export.status == DataExport.Status.READY
    return {
        "id": export.pk,
        "status": export.status,
        "requested_at": iso(export.requested_at),
        "finished_at": iso(export.finished_at),
        "expires_at": iso(export.expires_at),
        "size": export.size,
        "download": reverse("v1:me-export-download", args=[export.pk]) if ready else None,
    }


def export_list(*, user: Any, limit: int = 10) -> list[dict[str, Any]]:
    user = _signed_in(user)
    rows = DataExport.objects.filter(user=user).defer("content").order_by("-requested_at")
    return [export_dict(e) for e in rows[:limit]]


def export_get(*, user: Any, export_id: int, with_content: bool = False) -> DataExport:
    """The reader's own export; anyone else's id is simply not found."""
    user = _signed_in(user)
    rows = DataExport.objects.filter(pk=export_id, user=user)
    if not with_content:
        rows = rows.defer("content")
    export = rows.first()
    if export is None or (export.expires_at is not None and export.expires_at <= timezone.now()):
        raise DomainError("export_not_found", "No such export (they expire after a few days).")
    return export


def export_content(*, user: Any, export_id: int) -> tuple[DataExport, str]:
    export = export_get(user=user, export_id=export_id, with_content=True)
    if export.status != DataExport.Status.READY:
        raise DomainError("export_not_ready", "This export is not ready yet.")
    return export, export.content


# --- services --------------------------------------------------------------------------


def export_request(*, user: Any) -> tuple[DataExport, bool]:
    """(export, created): a new export being prepared, or the one already on its way,
    or a ready one made within the minimum interval."""
    from accounts.models import User

    from .tasks import data_export_build

    user = _signed_in(user)
    with transaction.atomic():
        # One request at a time per reader: two concurrent POSTs make one export.
        User.objects.select_for_update().filter(pk=user.pk).first()
        latest = DataExport.objects.filter(user=user).defer("content").order_by("-requested_at")
        latest = latest.first()
        now = timezone.now()
        if latest is not None:
            if latest.status == DataExport.Status.PENDING:
                return latest, False
            if (
                latest.status == DataExport.Status.READY
                and latest.requested_at > now - _min_interval()
                and (latest.expires_at is None or latest.expires_at > now)
            ):
                return latest, False
        export = DataExport.objects.create(user=user)
        transaction.on_commit(lambda: data_export_build.delay(export.pk))
    return export, True


def export_build(*, export_id: int) -> str:
    """Build a pending export once (a duplicate delivery finds it no longer pending)."""
    from .selectors import reader_export

    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update()
            .select_related("user")
            .filter(pk=export_id, status=DataExport.Status.PENDING)
            .first()
        )
        if export is None:
            return "not_pending"
        content = json.dumps(reader_export(export.user), ensure_ascii=False, indent=2)
        now = timezone.now()
        export.content = content
        export.size = len(content.encode())
        export.status = DataExport.Status.READY
        export.finished_at = now
        export.expires_at = now + _ttl()
        export.save(update_fields=["content", "size", "status", "finished_at", "expires_at"])
        user = export.user
        transaction.on_commit(lambda: _tell_reader(user, export))
    return "ready"


def export_fail(*, export_id: int) -> None:
    DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).update(
        status=DataExport.Status.FAILED, finished_at=timezone.now()
    )


def _tell_reader(user: Any, export: DataExport) -> None:
    from accounts.selectors import mail_address

    address = mail_address(user)
    if address is None:
        return
    hours = settings.PARLEY_EXPORT_TTL_HOURS
    send_mail(
        "Your Parley data export is ready",
        "The copy of your comments and account data you asked for is ready.\n\n"
        "Download it while signed in from "
        f"{reverse('v1:me-export-download', args=[export.pk])} "
        f"(or your account page) within {hours} hours; after that it is deleted.",
        settings.DEFAULT_FROM_EMAIL,
        [address],
    )


def exports_sweep(*, now=None) -> dict[str, Any]:
    """Delete expired copies; give up on builds older than a day; return the ids of
    builds that have waited longer than they should (to enqueue again)."""
    now = now or timezone.now()
    deleted, _ = DataExport.objects.filter(expires_at__lte=now).delete()
    failed = DataExport.objects.filter(
        status=DataExport.Status.PENDING, requested_at__lt=now - GIVE_UP_AFTER
    ).update(status=DataExport.Status.FAILED, finished_at=now)
    stalled = list(
        DataExport.objects.filter(
            status=DataExport.Status.PENDING, requested_at__lt=now - STALLED_AFTER
        ).values_list("pk", flat=True)[:500]
    )
    return {"deleted": deleted, "failed": failed, "stalled": stalled}
