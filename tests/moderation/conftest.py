"""Fixtures for the moderation tests: a policy with this suite's own test terms.

The pipeline's tests never depend on the engine's curated term lists: they
activate a version whose terms are made-up words.
"""

from __future__ import annotations

import pytest

from moderation import policy as policy_service

TEST_TERMS = {
    "banned_terms": ["offensive:zorblax", "insult:blorft*"],
    "suspect_terms": ["other:quuxly", "spam:grimbo"],
    "term_exceptions": {},
}


@pytest.fixture
def policy_admin(make_user):
    return make_user("policyadmin", role="admin")


@pytest.fixture
def use_policy(policy_admin, django_capture_on_commit_callbacks):
    """Create and activate (through the services) a copy of the active policy with changes."""

    def use(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            created = policy_service.policy_version_create(
                actor=policy_admin, changes={**TEST_TERMS, **changes}, note="test"
            )
            policy_service.policy_version_activate(actor=policy_admin, version=created.version)
        return policy_service.get_active_policy()

    return use


@pytest.fixture
def test_policy(use_policy):
    return use_policy()
