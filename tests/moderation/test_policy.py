"""The standards policy: defaults, validation, versions, activation, rate limits."""

from __future__ import annotations

import pytest

from comments.adapter import get_adapter
from config.errors import DomainError
from moderation import policy as policy_service
from moderation.models import AuditLog, PolicyVersion

pytestmark = pytest.mark.django_db


def test_a_fresh_install_has_the_default_policy_as_version_1():
    policy = policy_service.get_active_policy()
    assert policy.version == 1
    assert policy["moderation_mode"] == "post"
    assert policy["new_user_hold"] == 0
    assert policy["link_max"] == 2
    assert policy["link_trusted_after"] == 0
    assert policy["link_unlisted_action"] == "hold"
    assert policy["link_suspicious_action"] == "hold"
    assert policy["report_threshold"] == 3
    assert policy["max_length"] == 250
    assert policy["nudge"] is True
    assert [r["code"] for r in policy["reason_codes"]] == [
        "offensive",
        "insult",
        "hate",
        "threat",
        "sexual",
        "spam",
        "personal_info",
        "off_topic",
        "other",
    ]
    # the default validates against its own rules
    assert policy_service.policy_validate(policy.data) == policy.data
    assert AuditLog.objects.filter(action="policy.bootstrap").count() == 1


def _errors(data):
    with pytest.raises(DomainError) as exc:
        policy_service.policy_validate(data)
    assert exc.value.code == "validation_error"
    return exc.value.fields


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_length", "250"),
        ("max_length", 0),
        ("max_length", True),
        ("moderation_mode", "sometimes"),
        ("new_user_hold", -1),
        ("report_threshold", 0),
        ("rate_comments_per_minute", 1.5),
        ("edit_window_seconds", None),
        ("nudge", "yes"),
        ("banned_terms", "zorblax"),
        ("banned_terms", ["ok", ""]),
        ("banned_terms", ["racism:zorblax"]),
        ("suspect_terms", ["spam:**"]),
        ("term_exceptions", ["x"]),
        ("link_allow_domains", ["not a domain"]),
        ("link_action", "off"),
        ("contact_info_action", "maybe"),
        ("contact_info_allow_domains", ["gmail com"]),
        ("contact_info_allow_domains", "go.kr"),
        ("contact_info_allow_numbers", ["call me"]),
        ("contact_info_allow_numbers", ["12"]),
        ("contact_info_allow_numbers", [2133]),
        ("toxicity_threshold", 2),
        ("toxicity_action", "delete"),
        ("classifier_threshold", 1.5),
        ("classifier_threshold", "high"),
        ("classifier_threshold_ko", -0.1),
        ("classifier_threshold_ko", "0.8"),
        ("classifier_threshold_ko", True),
        ("classifier_action", "delete"),
        ("classifier_category_thresholds", {"gossip": 0.4}),
        ("classifier_category_thresholds", {"spam": 1.4}),
        ("classifier_category_thresholds", {"spam": "0.4"}),
        ("classifier_category_thresholds", ["spam", 0.4]),
        ("link_unlisted_action", "maybe"),
        ("link_suspicious_action", "always"),
        ("async_rules", ["classifier", "classifier"]),
        ("rules", ["classifier"]),
        ("request_rules", ["length", "mind_reading"]),
        ("async_rules", ["toxicity", "toxicity"]),
        ("rules", ["toxicity"]),
        ("sections", []),
        ("reason_codes", [{"code": "spam", "label": "Spam", "section": "nowhere"}]),
        ("reason_codes", [{"code": "Spam!", "label": "Spam"}]),
    ],
)
def test_every_field_is_validated(field, value):
    data = policy_service.default_policy_data()
    data[field] = value
    fields = _errors(data)
    assert list(fields) == [field]
    assert all(isinstance(m, str) and m for m in fields[field])


def test_unknown_and_missing_fields_are_named():
    data = policy_service.default_policy_data()
    del data["max_length"]
    data["colour"] = "blue"
    fields = _errors(data)
    assert fields == {
        "colour": ["Unknown policy field."],
        "max_length": ["This field is required."],
    }


def test_the_classifier_fields_have_defaults_and_older_versions_read_as_them(policy_admin):
    from moderation.engine.classifier import DEFAULT_THRESHOLD

    data = policy_service.default_policy_data()
    assert data["classifier_threshold"] == DEFAULT_THRESHOLD
    assert data["classifier_action"] == "hold"
    assert "classifier" in data["async_rules"]
    # a version stored before the classifier existed still validates, as the defaults
    del data["classifier_threshold"], data["classifier_action"]
    cleaned = policy_service.policy_validate(data)
    assert cleaned["classifier_threshold"] == DEFAULT_THRESHOLD
    assert cleaned["classifier_action"] == "hold"
    created = policy_service.policy_version_create(
        actor=policy_admin, changes={"classifier_action": "off"}
    )
    assert created.data["classifier_action"] == "off"


def test_the_korean_threshold_defaults_and_older_versions_keep_one_threshold(policy_admin):
    from moderation.engine.classifier import DEFAULT_THRESHOLD_KO
    from moderation.engine.rules.classifier import ClassifierRule

    data = policy_service.default_policy_data()
    assert data["classifier_threshold_ko"] == DEFAULT_THRESHOLD_KO
    # stored before the field existed: null, so Korean text keeps the one threshold
    del data["classifier_threshold_ko"]
    cleaned = policy_service.policy_validate(data)
    assert cleaned["classifier_threshold_ko"] is None
    rule = ClassifierRule(cleaned)
    assert rule.thresholds["ko"] == rule.thresholds["en"] == cleaned["classifier_threshold"]
    # an admin may set it, or set it back to null
    created = policy_service.policy_version_create(
        actor=policy_admin, changes={"classifier_threshold_ko": 0.7}
    )
    assert created.data["classifier_threshold_ko"] == 0.7
    created = policy_service.policy_version_create(
        actor=policy_admin, changes={"classifier_threshold_ko": None}
    )
    assert created.data["classifier_threshold_ko"] is None


def test_category_thresholds_default_and_older_versions_have_none(policy_admin):
    from moderation.engine.classifier import DEFAULT_CATEGORY_THRESHOLDS
    from moderation.engine.rules.classifier import ClassifierRule

    data = policy_service.default_policy_data()
    assert data["classifier_category_thresholds"] == DEFAULT_CATEGORY_THRESHOLDS
    del data["classifier_category_thresholds"]  # stored before the field existed
    cleaned = policy_service.policy_validate(data)
    assert cleaned["classifier_category_thresholds"] == {}
    assert ClassifierRule(cleaned).category_thresholds == {}
    created = policy_service.policy_version_create(
        actor=policy_admin, changes={"classifier_category_thresholds": {"spam": 0.35}}
    )
    assert created.data["classifier_category_thresholds"] == {"spam": 0.35}
    assert ClassifierRule(created.data).category_thresholds == {"spam": 0.35}


def test_older_versions_without_the_link_holds_read_as_off():
    """Stored before link_unlisted_action / link_suspicious_action existed: the version
    keeps publishing a lone ordinary link, as it did (new installs hold it)."""
    data = policy_service.default_policy_data()
    del data["link_unlisted_action"], data["link_suspicious_action"]
    cleaned = policy_service.policy_validate(data)
    assert cleaned["link_unlisted_action"] == "off"
    assert cleaned["link_suspicious_action"] == "off"


def test_create_copies_the_active_version_with_the_changes(policy_admin):
    active = policy_service.get_active_policy()
    created = policy_service.policy_version_create(
        actor=policy_admin, changes={"moderation_mode": "pre", "max_length": 200}, note="stricter"
    )
    assert created.version == active.version + 1
    assert created.active is False
    assert created.data["moderation_mode"] == "pre"
    assert created.data["max_length"] == 200
    unchanged = {
        k: v for k, v in created.data.items() if k not in {"moderation_mode", "max_length"}
    }
    assert unchanged == {
        k: v for k, v in active.data.items() if k not in {"moderation_mode", "max_length"}
    }
    # still the old one until activated
    assert policy_service.get_active_policy().version == active.version
    row = AuditLog.objects.get(action="policy.create")
    assert row.actor == policy_admin
    assert row.new == {"version": created.version, "changed": ["max_length", "moderation_mode"]}


def test_invalid_changes_create_nothing(policy_admin):
    with pytest.raises(DomainError) as exc:
        policy_service.policy_version_create(actor=policy_admin, changes={"max_length": -5})
    assert exc.value.code == "validation_error"
    assert "max_length" in exc.value.fields
    assert PolicyVersion.objects.count() == 1


@pytest.mark.parametrize("role", ["reader", "moderator"])
def test_only_admins_change_the_policy(make_user, role, policy_admin):
    user = make_user(role=role)
    with pytest.raises(DomainError) as exc:
        policy_service.policy_version_create(actor=user, changes={"max_length": 200})
    assert exc.value.code == "permission_denied"
    created = policy_service.policy_version_create(actor=policy_admin, changes={})
    with pytest.raises(DomainError) as exc:
        policy_service.policy_version_activate(actor=user, version=created.version)
    assert exc.value.code == "permission_denied"
    assert policy_service.get_active_policy().version == 1


def test_activation_switches_every_reader_and_is_audited(
    policy_admin, django_capture_on_commit_callbacks
):
    assert policy_service.get_active_policy().version == 1  # now cached
    created = policy_service.policy_version_create(actor=policy_admin, changes={"max_length": 180})
    with django_capture_on_commit_callbacks(execute=True):
        policy_service.policy_version_activate(actor=policy_admin, version=created.version)
    assert list(PolicyVersion.objects.filter(active=True).values_list("version", flat=True)) == [2]
    assert policy_service.get_active_policy().version == 2  # the cache was cleared on commit
    assert get_adapter().limits().max_length == 180
    row = AuditLog.objects.get(action="policy.activate")
    assert (row.actor, row.old, row.new) == (policy_admin, {"version": 1}, {"version": 2})

    # activating the active version again changes nothing and audits nothing
    with django_capture_on_commit_callbacks(execute=True):
        policy_service.policy_version_activate(actor=policy_admin, version=2)
    assert AuditLog.objects.filter(action="policy.activate").count() == 1

    # and going back is just another activation
    with django_capture_on_commit_callbacks(execute=True):
        policy_service.policy_version_activate(actor=policy_admin, version=1)
    assert policy_service.get_active_policy().version == 1
    assert AuditLog.objects.filter(action="policy.activate").count() == 2


def test_activating_a_missing_version(policy_admin):
    with pytest.raises(DomainError) as exc:
        policy_service.policy_version_activate(actor=policy_admin, version=99)
    assert exc.value.code == "not_found"


def test_rate_limits_come_from_the_policy_and_the_switch_turns_them_off(use_policy, settings):
    use_policy(rate_comments_per_minute=2, rate_comments_per_day=0, rate_reports_per_hour=7)
    settings.PARLEY_RATE_LIMITS = True
    limits = get_adapter().rate_limits()
    assert limits.comment_per_minute == "2/min"
    assert limits.comment_per_day is None  # 0 means no limit
    assert limits.report_per_hour == "7/hour"
    settings.PARLEY_RATE_LIMITS = False
    limits = get_adapter().rate_limits()
    assert (limits.comment_per_minute, limits.comment_per_day, limits.report_per_hour) == (
        None,
        None,
        None,
    )


def test_readers_see_the_sections_and_reasons(api, use_policy):
    use_policy(
        sections=[{"code": "civility", "title": "Be kind", "text": "Be kind to each other."}],
        reason_codes=[{"code": "insult", "label": "Insults", "section": "civility"}],
    )
    body = api.get("/api/v1/policy/").json()
    assert body["version"] == 2
    assert body["sections"] == [
        {"code": "civility", "title": "Be kind", "text": "Be kind to each other."}
    ]
    assert body["report_reasons"] == [{"code": "insult", "label": "Insults"}]
    assert body["max_length"] == 250


def test_dry_run_command_screens_with_a_stored_version(use_policy, tmp_path):
    import json

    from django.core.management import CommandError, call_command

    policy = use_policy()
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": 1, "text": "a ZORBLAX"}) + "\n" + json.dumps({"id": 2, "text": "hi"})
    )
    out = tmp_path / "out.jsonl"
    call_command(
        "moderation_dry_run",
        "--input",
        str(source),
        "--output",
        str(out),
        "--version",
        str(policy.version),
        "--no-toxicity",
        "--no-classifier",
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["action"] for r in rows] == ["reject", "publish"]
    assert rows[0]["hits"][0]["span"] == [2, 9]
    with pytest.raises(CommandError, match="no such policy version"):
        call_command(
            "moderation_dry_run", "--input", str(source), "--output", "-", "--version", "99"
        )


def test_the_shared_cache_holds_only_a_pointer_to_the_active_version(use_policy):
    from django.core.cache import cache

    first = policy_service.get_active_policy()
    pointer = cache.get(policy_service.ACTIVE_CACHE_KEY)
    assert pointer == {"version": first.version, "digest": first.digest}

    # Another node activates a new version: this process still remembers the old
    # version's content, but follows the shared pointer to the new one.
    second = use_policy(max_length=120)
    policy_service._contents.clear()
    policy_service._remember(first)
    assert policy_service.get_active_policy().version == second.version
    assert policy_service.get_active_policy()["max_length"] == 120

    # A process that never saw the version reads its content by the pointer.
    policy_service._contents.clear()
    assert policy_service.get_active_policy() == second


def test_a_pointer_that_does_not_match_the_stored_version_is_not_trusted(use_policy):
    from django.core.cache import cache

    active = use_policy(max_length=120)
    policy_service._contents.clear()
    cache.set(policy_service.ACTIVE_CACHE_KEY, {"version": active.version, "digest": "stale"})
    assert policy_service.get_active_policy() == active
    assert cache.get(policy_service.ACTIVE_CACHE_KEY)["digest"] == active.digest
