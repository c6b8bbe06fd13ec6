"""Web processes freeze their start-up objects out of the collector's reach, twice."""

from __future__ import annotations

import pytest
from django.core.signals import request_finished

from config import gc_freeze

# request_finished also closes database connections: let its other receivers run.
pytestmark = pytest.mark.django_db


@pytest.fixture
def freezes(monkeypatch):
    calls = []
    monkeypatch.setattr(gc_freeze.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc_freeze, "_served", 0)
    yield calls
    request_finished.disconnect(dispatch_uid="parley-gc-warm-freeze")


def test_freezes_at_start_and_once_more_when_warm(freezes, monkeypatch):
    monkeypatch.delenv("PARLEY_GC_FREEZE", raising=False)
    assert gc_freeze.settle_after_startup() is True
    assert freezes == ["freeze"]
    for _ in range(gc_freeze.WARM_REQUESTS - 1):
        request_finished.send(sender=None)
    assert freezes == ["freeze"]
    request_finished.send(sender=None)
    assert freezes == ["freeze", "freeze"]
    for _ in range(gc_freeze.WARM_REQUESTS * 2):
        request_finished.send(sender=None)
    assert freezes == ["freeze", "freeze"]  # the receiver is gone


def test_operators_can_turn_it_off(freezes, monkeypatch):
    monkeypatch.setenv("PARLEY_GC_FREEZE", "off")
    assert gc_freeze.settle_after_startup() is False
    for _ in range(gc_freeze.WARM_REQUESTS):
        request_finished.send(sender=None)
    assert freezes == []
