import io
import json

import pytest
from django.core.management import CommandError, call_command

from moderation.engine.evaluate import report

CORPUS = [
    {"id": "a", "text": "x", "label": "violating", "category": "profanity", "evasion": "leet"},
    {"id": "b", "text": "x", "label": "violating", "category": "profanity", "evasion": "none"},
    {"id": "c", "text": "x", "label": "clean", "category": "clean_tricky", "evasion": "none"},
    {"id": "d", "text": "x", "label": "clean", "category": "clean_other", "evasion": "none"},
]


def test_report_counts_recall_fp_and_matrix():
    results = {
        "a": {"action": "reject", "codes": ["offensive"]},
        "b": {"action": "publish", "codes": []},
        "c": {"action": "hold", "codes": ["insult"]},
        "d": {"action": "publish", "codes": []},
    }
    out = io.StringIO()
    summary = report(CORPUS, results, out=out)
    assert summary["recall.profanity"] == 0.5
    assert summary["fp.clean_tricky"] == 1.0 and summary["fp.all_clean"] == 0.5
    text = out.getvalue()
    assert "Confusion matrix" in text and "BELOW" in text


def _dry_run(tmp_path, rows, *args):
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    out = tmp_path / "out.jsonl"
    err = io.StringIO()
    call_command("moderation_dry_run", "--input", str(inp), "--output", str(out), *args, stderr=err)
    return [json.loads(line) for line in out.read_text().splitlines()], err.getvalue()


@pytest.mark.django_db
def test_dry_run_command_writes_verdicts_with_the_active_policy(tmp_path, capsys):
    rows, err = _dry_run(
        tmp_path,
        [
            {"id": 1, "text": "Lovely photo of the river."},
            {"id": 2, "text": "ｓｈｉｔ reporting"},
            {"id": 3, "text": "전화 010-2345-6789"},
        ],
        "--no-toxicity",
    )
    assert [r["action"] for r in rows] == ["publish", "reject", "hold"]
    assert rows[1]["codes"] == ["offensive"] and rows[1]["hits"][0]["span"] == [0, 4]
    assert "screened 3 comments" in err
    assert "screening" in capsys.readouterr().err  # the progress bar


@pytest.mark.django_db
def test_dry_run_command_uses_a_stored_version(tmp_path, make_user):
    from moderation.policy import get_active_policy, policy_version_create

    get_active_policy()  # version 1, the defaults
    admin = make_user("policyadmin", role="admin")
    policy_version_create(actor=admin, changes={"banned_terms": ["offensive:zorblax"]}, note="t")
    text = [{"id": 1, "text": "what a zorblax"}]
    assert _dry_run(tmp_path, text, "--no-toxicity", "--no-classifier")[0][0]["action"] == "publish"
    assert (
        _dry_run(tmp_path, text, "--no-toxicity", "--no-classifier", "--version", "2")[0][0][
            "action"
        ]
        == "reject"
    )


@pytest.mark.django_db
def test_dry_run_command_refuses_unknown_version(tmp_path):
    with pytest.raises(CommandError, match="no such policy version"):
        _dry_run(tmp_path, [{"id": 1, "text": "hi"}], "--version", "3")
