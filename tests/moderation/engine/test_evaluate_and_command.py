import io
import json
import subprocess
import sys
from pathlib import Path

from moderation.engine.evaluate import report

ROOT = Path(__file__).resolve().parents[3]

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


SETTINGS = """
SECRET_KEY = "test"
INSTALLED_APPS = ["moderation"]
DATABASES = {}
"""


def _manage(tmp_path, *args):
    (tmp_path / "dryrun_settings.py").write_text(SETTINGS)
    code = (
        "import sys, django; from django.core.management import call_command; django.setup(); "
        "call_command('moderation_dry_run', *sys.argv[1:])"
    )
    env = {"DJANGO_SETTINGS_MODULE": "dryrun_settings", "PYTHONPATH": f"{tmp_path}:{ROOT}"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_dry_run_command_writes_verdicts(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in [
                {"id": 1, "text": "Lovely photo of the river."},
                {"id": 2, "text": "ｓｈｉｔ reporting"},
                {"id": 3, "text": "전화 010-2345-6789"},
            ]
        )
    )
    out = tmp_path / "out.jsonl"
    proc = _manage(tmp_path, "--input", str(inp), "--output", str(out), "--no-toxicity")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["action"] for r in rows] == ["publish", "reject", "hold"]
    assert rows[1]["codes"] == ["offensive"] and rows[1]["hits"][0]["span"] == [0, 4]
    assert "screening" in proc.stderr  # the progress bar


def test_dry_run_command_refuses_unknown_version(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": 1, "text": "hi"}\n')
    proc = _manage(tmp_path, "--input", str(inp), "--output", "-", "--version", "3")
    assert proc.returncode != 0
    assert "no policy store" in proc.stderr
