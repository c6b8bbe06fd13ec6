"""/api/v1/moderation/policy/: the permission matrix, versions, activation, dry run."""

from __future__ import annotations

import pytest

from comments.models import Comment
from moderation.models import AuditLog, PolicyVersion, ScreeningRecord

from .conftest import TEST_TERMS

pytestmark = pytest.mark.django_db

BASE = "/api/v1/moderation/policy"


@pytest.fixture
def as_role(make_user, client_for, api):
    def make(role):
        if role == "anonymous":
            return api
        return client_for(make_user(role=role))

    return make


def _version_two(admin_client):
    response = admin_client.post(f"{BASE}/versions/", TEST_TERMS, format="json")
    assert response.status_code == 201
    return response.json()["version"]


@pytest.mark.parametrize(
    ("role", "read", "change"),
    [
        ("anonymous", 401, 401),
        ("reader", 403, 403),
        ("moderator", 200, 403),
        ("admin", 200, None),
    ],
)
def test_permission_matrix(as_role, role, read, change):
    client = as_role(role)
    error_codes = {401: "not_authenticated", 403: "permission_denied"}
    responses = {
        "list": client.get(f"{BASE}/versions/"),
        "detail": client.get(f"{BASE}/versions/1/"),
        "dry_run": client.post(f"{BASE}/dry-run/", {"text": "hello"}, format="json"),
    }
    for name, response in responses.items():
        assert response.status_code == read, name
        if read in error_codes:
            assert response.json()["error"]["code"] == error_codes[read]
    create = client.post(f"{BASE}/versions/", {"max_length": 200}, format="json")
    activate = client.post(f"{BASE}/versions/1/activate/")
    if change is None:
        assert create.status_code == 201
        assert activate.status_code == 200
    else:
        for response in (create, activate):
            assert response.status_code == change
            assert response.json()["error"]["code"] == error_codes[change]
        assert PolicyVersion.objects.count() <= 1


def test_readers_get_403_even_with_a_bad_body(as_role):
    client = as_role("reader")
    assert client.post(f"{BASE}/dry-run/", {"nope": 1}, format="json").status_code == 403
    assert client.post(f"{BASE}/versions/", [1, 2], format="json").status_code == 403


def test_a_version_reads_as_json(as_role):
    body = as_role("moderator").get(f"{BASE}/versions/1/").json()
    assert body["version"] == 1 and body["active"] is True
    assert isinstance(body["banned_terms"], list)
    assert all(isinstance(t, str) for t in body["banned_terms"] + body["suspect_terms"])
    assert body["report_threshold"] == 3
    assert body["moderation_mode"] == "post"
    assert body["max_length"] == 250
    assert body["edit_window_seconds"] == 300
    listing = as_role("moderator").get(f"{BASE}/versions/").json()
    assert [v["version"] for v in listing["results"]] == [1]
    assert listing["next_before"] is None


def test_create_is_a_copy_of_the_active_one_with_changes(as_role):
    admin = as_role("admin")
    response = admin.post(
        f"{BASE}/versions/",
        {"suspect_terms": ["other:quuxly"], "report_threshold": 5, "note": "tighter"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["version"], body["active"], body["note"]) == (2, False, "tighter")
    assert body["suspect_terms"] == ["other:quuxly"]
    assert body["report_threshold"] == 5
    v1 = admin.get(f"{BASE}/versions/1/").json()
    assert body["banned_terms"] == v1["banned_terms"]
    assert body["moderation_mode"] == v1["moderation_mode"]
    listing = admin.get(f"{BASE}/versions/?page_size=1").json()
    assert [v["version"] for v in listing["results"]] == [2]
    assert listing["next_before"] == 2
    older = admin.get(f"{BASE}/versions/?page_size=1&before=2").json()
    assert [v["version"] for v in older["results"]] == [1]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"max_length": "long"}, "max_length"),
        ({"moderation_mode": "never"}, "moderation_mode"),
        ({"banned_terms": "zorblax"}, "banned_terms"),
        ({"report_threshold": 0}, "report_threshold"),
        ({"version": 7}, "version"),
        ({"surprise": True}, "surprise"),
    ],
)
def test_invalid_fields_give_validation_error(as_role, payload, field):
    response = as_role("admin").post(f"{BASE}/versions/", payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["fields"]
    assert not PolicyVersion.objects.filter(version__gt=1).exists()


def test_missing_version_is_404(as_role):
    admin = as_role("admin")
    assert admin.get(f"{BASE}/versions/9/").json()["error"]["code"] == "not_found"
    assert admin.post(f"{BASE}/versions/9/activate/").status_code == 404


def test_activation_is_audited_and_rescreens_the_pending_queue(
    as_role, make_user, client_for, make_article, django_capture_on_commit_callbacks
):
    admin = as_role("admin")
    make_article("summit")
    # v2 holds "quuxly" and "grimbo"; posting under it fills the queue
    v2 = _version_two(admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(f"{BASE}/versions/{v2}/activate/").status_code == 200
    reader = make_user("writer")
    client = client_for(reader)
    url = "/api/v1/articles/summit/comments/"
    with django_capture_on_commit_callbacks(execute=True):
        released = client.post(url, {"body": "how quuxly"}, format="json").json()["id"]
        banned = client.post(url, {"body": "how grimbo"}, format="json").json()["id"]
        reported = client.post(url, {"body": "fine words"}, format="json").json()["id"]
    assert Comment.objects.get(pk=released).status == "pending"
    # a published comment hidden by reports is pending too, but not by screening
    from comments.services import comment_set_status

    comment_set_status(comment=Comment.objects.get(pk=reported), status="pending")

    # v3: "quuxly" is no longer suspect, "grimbo" is now banned
    response = admin.post(
        f"{BASE}/versions/",
        {"suspect_terms": [], "banned_terms": ["spam:grimbo"]},
        format="json",
    )
    v3 = response.json()["version"]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"{BASE}/versions/{v3}/activate/")
    assert response.status_code == 200
    assert response.json()["active"] is True
    # the re-screen ran after commit (in a worker, or in-process as here)
    summary = admin.get(f"{BASE}/versions/{v3}/").json()["rescreen"]
    assert summary["version"] == v3
    assert summary["released"] == [released]
    assert summary["rejected"] == [banned]
    assert summary["left_alone"] == 1
    assert summary["checked"] == 3

    assert Comment.objects.get(pk=released).status == "published"
    assert Comment.objects.get(pk=banned).status == "rejected"
    assert Comment.objects.get(pk=reported).status == "pending"
    activation = AuditLog.objects.filter(action="policy.activate").first()
    assert activation.actor.is_policy_admin
    assert activation.actor_label == activation.actor.username
    assert (activation.old, activation.new) == ({"version": v2}, {"version": v3})
    assert AuditLog.objects.filter(action="policy.rescreen", target_id=str(v3)).count() == 1
    assert AuditLog.objects.filter(action="comment.release", target_id=str(released)).exists()
    record = ScreeningRecord.objects.get(comment_id=banned, event="rescreen")
    assert (record.policy_version, record.action, record.rules) == (v3, "reject", ["banned_terms"])
    assert as_role("anonymous").get("/api/v1/policy/").json()["version"] == v3

    # running the re-screen again (a redelivered task) changes nothing
    from moderation.tasks.screening import moderation_rescreen_pending

    assert moderation_rescreen_pending.delay(v3).get() == summary
    assert ScreeningRecord.objects.filter(event="rescreen").count() == 2
    assert AuditLog.objects.filter(action="policy.rescreen", target_id=str(v3)).count() == 1


def test_a_lost_rescreen_is_finished_by_the_sweep(
    as_role, reader, article, make_comment, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from moderation.policy import forget_active_policy
    from moderation.tasks.screening import moderation_rescreen_sweep

    admin = as_role("admin")
    v2 = _version_two(admin)
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"{BASE}/versions/{v2}/activate/")
    held = make_comment(reader, article, "so quuxly")
    assert Comment.objects.get(pk=held.pk).status == "pending"
    v3 = admin.post(f"{BASE}/versions/", {"suspect_terms": []}, format="json").json()["version"]
    # the activation commits, but its on-commit task never reaches a worker
    with django_capture_on_commit_callbacks(execute=False):
        admin.post(f"{BASE}/versions/{v3}/activate/")
    forget_active_policy()
    assert moderation_rescreen_sweep.delay().get() is None  # within the grace period
    AuditLog.objects.filter(action="policy.activate").update(
        created_at=timezone.now() - timedelta(minutes=30)
    )
    assert moderation_rescreen_sweep.delay().get() == v3
    assert Comment.objects.get(pk=held.pk).status == "published"
    assert moderation_rescreen_sweep.delay().get() is None


# --- dry run --------------------------------------------------------------------------------


def _counts():
    return (Comment.objects.count(), ScreeningRecord.objects.count(), AuditLog.objects.count())


def test_dry_run_spans_index_the_text_as_sent(as_role, test_policy):
    moderator = as_role("moderator")
    before = _counts()
    text = "  Well,\u00a0you ＺＯＲＢＬＡＸ, that is zor\u200bblax and quuxly.  "
    response = moderator.post(f"{BASE}/dry-run/", {"text": text}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["action"] == "reject"
    assert body["version"] == test_policy.version
    matched = []
    for hit in body["hits"]:
        start, end = hit["span"]
        assert text[start:end] == hit["matched"]
        assert {"rule", "code", "span", "matched", "term", "severity"} <= set(hit)
        matched.append((hit["rule"], hit["matched"]))
    assert ("banned_terms", "ＺＯＲＢＬＡＸ") in matched  # fullwidth
    assert ("banned_terms", "zor\u200bblax") in matched  # zero-width space inside
    assert ("suspect_terms", "quuxly") in matched
    assert _counts() == before  # saved nothing


def test_dry_run_shows_the_classifier_where_the_process_runs_models(
    as_role, test_policy, settings, monkeypatch
):
    from moderation.engine import classifier
    from moderation.engine.classifier import Prediction

    moderator = as_role("moderator")
    settings.PARLEY_CLASSIFIER = "off"  # a web process that runs no model
    assert (
        moderator.post(f"{BASE}/dry-run/", {"text": "hi"}, format="json").json()["classifier"]
        is None
    )
    settings.PARLEY_CLASSIFIER = "on"
    monkeypatch.setattr(
        classifier, "score_batch", lambda t, variants=None: [Prediction("hate", 0.91)]
    )
    body = moderator.post(f"{BASE}/dry-run/", {"text": "they are all"}, format="json").json()
    assert body["action"] == "publish"  # the request's verdict is unchanged
    assert body["classifier"]["category"] == "hate" and body["classifier"]["score"] == 0.91
    assert body["classifier"]["code"] == "hate" and body["classifier"]["action"] == "hold"
    assert "0.91" in body["classifier"]["explanation"]


def test_dry_run_of_another_version(as_role, test_policy):
    admin = as_role("admin")
    v3 = admin.post(f"{BASE}/versions/", {"banned_terms": ["hate:snorf"]}, format="json").json()
    text = "what a snorf"
    active = admin.post(f"{BASE}/dry-run/", {"text": text}, format="json").json()
    assert (active["action"], active["hits"]) == ("publish", [])
    other = admin.post(
        f"{BASE}/dry-run/", {"text": text, "version": v3["version"]}, format="json"
    ).json()
    assert other["action"] == "reject"
    assert other["version"] == v3["version"]
    assert other["hits"][0]["code"] == "hate"
    assert other["hits"][0]["span"] == [7, 12]


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": 5}, {"text": "x", "version": "2"}, {"text": "x", "extra": 1}, {"text": None}],
)
def test_dry_run_validates_its_input(as_role, payload):
    response = as_role("moderator").post(f"{BASE}/dry-run/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"


def test_dry_run_of_a_missing_version(as_role):
    response = as_role("moderator").post(
        f"{BASE}/dry-run/", {"text": "x", "version": 42}, format="json"
    )
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_dry_run_explains_a_sexual_remark_by_both_words(as_role, test_policy):
    """An admin's own sexual-remark lists, tried in the dry-run before activating them:
    the hit names the rule, the pair, and the span from one word to the other."""
    admin = as_role("admin")
    version = admin.post(
        f"{BASE}/versions/",
        {"sexual_remark_words": ["glorp"], "sexual_remark_cues": ["i'd"]},
        format="json",
    ).json()["version"]
    text = "Honestly I'd glorp that anchor"
    body = admin.post(f"{BASE}/dry-run/", {"text": text, "version": version}, format="json").json()
    assert body["action"] == "hold"
    (hit,) = [h for h in body["hits"] if h["rule"] == "sexual_remark"]
    assert hit["code"] == "sexual" and hit["term"] == "glorp + i'd"
    assert text[hit["span"][0] : hit["span"][1]] == hit["matched"] == "I'd glorp"
    bad = admin.post(f"{BASE}/versions/", {"sexual_remark_window": "wide"}, format="json")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "validation_error"
    assert "sexual_remark_window" in bad.json()["error"]["fields"]
