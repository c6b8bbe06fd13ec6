"""Garbage collection for long-running web processes.

After start-up a Parley web process holds well over 100,000 objects that the
cyclic collector tracks (Django, DRF, allauth, the URL table, the screening
rules) and none of them will ever be garbage. A full (generation 2) collection
walks all of them: 60-70 ms on the 2-core machine ``bench/`` runs on, during
which the process answers nothing and every request queued behind it waits:
the tail of the latency. ``gc.freeze()`` moves the objects that exist at that
moment into a permanent generation that collections skip; objects made later
are collected as before.

Two freezes: once the app and its URL table are imported, and again after the
process's first requests, which build the rest of what lives as long as the
process (the active policy's rules and term automata, DRF's field caches,
database and Redis connections). Anything that was garbage at the second freeze
is kept, once; that is a few kilobytes.

``PARLEY_GC_FREEZE=off`` turns both off. ``bench/README.md`` has the figures.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from django.core.signals import request_finished

WARM_REQUESTS = 200  # the second freeze comes after this many requests

_served = 0


def enabled() -> bool:
    return os.environ.get("PARLEY_GC_FREEZE", "on").lower() not in ("off", "0", "false", "no")


def settle_after_startup() -> bool:
    """Import what a first request would, freeze, and freeze again once warm."""
    if not enabled():
        return False
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view, serializer and rule
    gc.collect()
    gc.freeze()
    request_finished.connect(_count_request, dispatch_uid="parley-gc-warm-freeze")
    return True


def _count_request(**kwargs: Any) -> None:
    global _served
    _served += 1
    if _served == WARM_REQUESTS:
        gc.freeze()
        request_finished.disconnect(dispatch_uid="parley-gc-warm-freeze")
