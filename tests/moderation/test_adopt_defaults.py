"""Upgrading a running site's term lists is an explicit, audited policy version."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from moderation.engine.defaults import default_text_policy
from moderation.models import AuditLog, PolicyVersion
from moderation.policy import get_active_policy

pytestmark = pytest.mark.django_db


def test_adopting_the_shipped_defaults(
    use_policy, policy_admin, django_capture_on_commit_callbacks
):
    use_policy()  # an older version with other (test) term lists is active
    before = get_active_policy()
    assert before["banned_terms"] != default_text_policy()["banned_terms"]

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("policy_adopt_defaults", "--admin", policy_admin.username, stdout=out)
    new = PolicyVersion.objects.get(version=before.version + 1)
    assert new.active is False
    assert new.data["banned_terms"] == default_text_policy()["banned_terms"]
    assert new.data["max_length"] == before["max_length"]  # only the engine's fields change
    assert "banned_terms" in out.getvalue()
    assert AuditLog.objects.filter(action="policy.create", actor=policy_admin).exists()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("policy_adopt_defaults", "--admin", policy_admin.username, "--activate")
    assert get_active_policy().version == before.version + 2


def test_needs_an_admin(make_user):
    reader = make_user("someone")
    with pytest.raises(CommandError):
        call_command("policy_adopt_defaults", "--admin", "nobody")
    with pytest.raises(CommandError, match="permission_denied"):
        call_command("policy_adopt_defaults", "--admin", reader.username)


def test_the_shipped_policy_validates_with_room_for_an_admins_own_terms():
    """The default lists pass the same validation as an admin's edit, and each term list
    stays under half the cap, so a newsroom can add its own words without a deploy."""
    from moderation.policy import MAX_TERMS, default_policy_data, policy_validate

    data = policy_validate(default_policy_data())
    for field in ("banned_terms", "suspect_terms"):
        assert 0 < len(data[field]) <= MAX_TERMS // 2, field
