"""Parley's learned classifier: the rule maps predictions to hits; the model is
deterministic and trained on Parley's own data (never on the dev corpus)."""

import json
import unicodedata
from pathlib import Path

import pytest

from moderation.engine import classifier, seen_sets
from moderation.engine.base import HOLD, REJECT, Context
from moderation.engine.classifier import CATEGORY_CODE, Prediction
from moderation.engine.rules import MODEL_RULES, REGISTRY, resolve
from moderation.engine.rules.classifier import ClassifierRule

THREAT = Prediction("threat", 0.93, {"threat": 0.9, "clean": 0.07})


EN = "the text the prediction was made for"


def test_threshold_action_and_off():
    rule = ClassifierRule({"classifier_threshold": 0.7, "classifier_action": "reject"})
    assert rule.hit_for(Prediction("threat", 0.69), EN) is None
    hit = rule.hit_for(THREAT, EN)
    assert hit.action == REJECT and hit.rule == "classifier" and hit.code == "threat"
    assert hit.span is None and hit.detail["score"] == 0.93 and hit.detail["threshold"] == 0.7
    assert ClassifierRule({"classifier_action": "off"}).hit_for(THREAT, EN) is None
    assert ClassifierRule({}).hit_for(THREAT, EN).action == HOLD  # default: hold
    assert ClassifierRule({}).threshold == classifier.DEFAULT_THRESHOLD
    assert ClassifierRule({}).hit_for(None, EN) is None


def test_explanation_names_the_category_and_the_score():
    hit = ClassifierRule({"classifier_threshold": 0.5}).hit_for(Prediction("sexual", 0.812), EN)
    assert hit.detail["category"] == "sexual"
    assert "sexual" in hit.detail["explanation"] and "0.81" in hit.detail["explanation"]
    assert "0.50" in hit.detail["explanation"]


@pytest.mark.parametrize("category,code", sorted(CATEGORY_CODE.items()))
def test_categories_map_to_the_policys_reason_codes(category, code):
    full = ClassifierRule({"reason_codes": [{"code": code}, {"code": "other"}]})
    assert full.hit_for(Prediction(category, 0.99), EN).code == code
    # a policy without that reason code gets "other" rather than an unknown code
    bare = ClassifierRule({"reason_codes": [{"code": "other"}]})
    assert bare.hit_for(Prediction(category, 0.99), EN).code == "other"


def test_a_category_threshold_holds_what_the_model_is_sure_of_under_the_threshold():
    pred = Prediction("sexual", 0.55, {"sexual": 0.41, "spam": 0.1, "clean": 0.45})
    plain = ClassifierRule({"classifier_threshold": 0.6})
    assert plain.hit_for(pred, EN) is None
    rule = ClassifierRule(
        {"classifier_threshold": 0.6, "classifier_category_thresholds": {"sexual": 0.4}}
    )
    hit = rule.hit_for(pred, EN)
    assert hit.code == "sexual" and hit.detail["category_threshold"] == 0.4
    assert "alone 0.41, at least 0.40" in hit.detail["explanation"]
    # only the categories named; under the value, nothing
    assert (
        ClassifierRule({"classifier_category_thresholds": {"spam": 0.4}}).hit_for(pred, EN) is None
    )
    assert (
        ClassifierRule({"classifier_category_thresholds": {"sexual": 0.42}}).hit_for(pred, EN)
        is None
    )
    # over the language threshold: the usual hit, with no category threshold named
    over = ClassifierRule(
        {"classifier_threshold": 0.5, "classifier_category_thresholds": {"sexual": 0.4}}
    ).hit_for(pred, EN)
    assert over.code == "sexual" and "category_threshold" not in over.detail


def test_a_category_threshold_picks_the_likelier_of_two_sure_categories():
    pred = Prediction("spam", 0.7, {"spam": 0.36, "sexual": 0.34, "clean": 0.3})
    rule = ClassifierRule(
        {
            "classifier_threshold": 0.9,
            "classifier_category_thresholds": {"sexual": 0.3, "spam": 0.3},
        }
    )
    assert rule.hit_for(pred, EN).detail["category"] == "spam"
    # an unread text (no words) is never held by a category threshold
    assert rule.hit_for(classifier._UNREAD, EN) is None
    assert (
        ClassifierRule(
            {"classifier_action": "off", "classifier_category_thresholds": {"spam": 0.1}}
        ).hit_for(pred, EN)
        is None
    )


# --- one threshold per language --------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("the budget vote is tomorrow", "en"),
        ("내일 예산안 표결이래요", "ko"),
        ("앵커 오늘 blouse 너무 tight해서", "ko"),  # mostly Hangul
        ("We 이겼다 them 4-0, what a game", "en"),  # mostly Latin
        ("ㅋㅋㅋ ok", "ko"),  # jamo count as Hangul
        ("12345 !!!", "en"),  # no letters: the general threshold
        ("", "en"),
    ],
)
def test_script_language(text, lang):
    assert classifier.script_language(text) == lang


def test_korean_text_gets_the_korean_threshold():
    rule = ClassifierRule({"classifier_threshold": 0.9, "classifier_threshold_ko": 0.6})
    pred = Prediction("insult", 0.75)
    assert rule.hit_for(pred, "what a take, honestly") is None
    hit = rule.hit_for(pred, "기사 수준 하고는 진짜")
    assert hit is not None and hit.detail["threshold"] == 0.6 and hit.detail["language"] == "ko"
    assert "0.60" in hit.detail["explanation"] and "Korean" in hit.detail["explanation"]
    # the English threshold also applies to text with no letters at all
    assert rule.hit_for(pred, "!!!!") is None


def test_without_a_korean_threshold_every_language_gets_the_general_one():
    # a policy version stored before the field existed reads it as null
    for policy in (
        {"classifier_threshold": 0.7},
        {"classifier_threshold": 0.7, "classifier_threshold_ko": None},
    ):
        rule = ClassifierRule(policy)
        assert rule.thresholds == {"en": 0.7, "ko": 0.7}
        assert rule.hit_for(Prediction("hate", 0.69), "이 동네 사람들은") is None
        assert rule.hit_for(Prediction("hate", 0.71), "이 동네 사람들은") is not None


def test_default_policy_carries_both_thresholds():
    from moderation.engine.defaults import default_text_policy

    policy = default_text_policy()
    assert policy["classifier_threshold"] == classifier.DEFAULT_THRESHOLD
    assert policy["classifier_threshold_ko"] == classifier.DEFAULT_THRESHOLD_KO


def test_thresholds_are_chosen_per_language_on_out_of_fold_scores():
    def row(text, label):
        return {
            "text": text,
            "label": label,
            "category": "clean_other" if label == "clean" else "insult",
        }

    def oof(text, label, score):
        lab = classifier.CLEAN if label == "clean" else "insult"
        return (row(text, label), lab, Prediction("insult", score))

    # English clean lines score high, Korean clean lines low: each language gets its own cut
    data = [oof(f"plain english line {i}", "clean", 0.5 + i / 200) for i in range(100)]
    data += [oof(f"한국어 문장 {i}", "clean", 0.2 + i / 500) for i in range(100)]
    data += [oof("you fool", "violating", 0.95), oof("멍청이", "violating", 0.5)]
    picked = classifier.choose_thresholds(data, max_fp=0.01)
    assert picked["en"] == 0.99  # 0.5 + 99/200 = 0.995: only the top clean line is over 0.99
    assert 0.39 <= picked["ko"] <= 0.40  # Korean clean tops out at 0.398


def test_check_uses_a_prediction_from_context_without_training():
    rule = ClassifierRule({"classifier_threshold": 0.5})
    assert rule.check("x", Context(extra={"classifier": THREAT}))[0].code == "threat"
    assert rule.check("x", Context(extra={"classifier": Prediction("hate", 0.2)})) == []


def test_it_is_a_model_rule_never_an_in_request_one():
    assert "classifier" in MODEL_RULES and resolve("classifier") is ClassifierRule
    assert "classifier" in REGISTRY


ROWS = [
    {"text": "you are a worthless idiot", "category": "insult", "label": "violating"},
    {"text": "what an idiot, honestly pathetic", "category": "insult", "label": "violating"},
    {"text": "I will find you and hurt you", "category": "threat", "label": "violating"},
    {"text": "I know the school your kid goes to", "category": "threat", "label": "violating"},
    {"text": "a careful article about the budget", "category": "clean_other", "label": "clean"},
    {"text": "the court convicted the stalker", "category": "clean_tricky", "label": "clean"},
    {"text": "great match, he killed it", "category": "clean_tricky", "label": "clean"},
    {"text": "flood flood", "category": "impersonation_or_flood", "label": "violating"},
]


def test_training_is_deterministic_and_skips_non_text_categories():
    texts = ["I will hurt your kid", "a fine article", "ｙｏｕ ｉｄｉｏｔ"]
    a, b = classifier.fit(ROWS), classifier.fit(ROWS)
    assert a.digest == b.digest and a.n_rows == 7  # the flood row is not a text matter
    assert sorted(a.classes) == ["clean", "insult", "threat"]
    pa, pb = a.predict(texts), b.predict(texts)
    assert [(p.category, p.score) for p in pa] == [(p.category, p.score) for p in pb]
    assert all(0.0 <= p.score <= 1.0 for p in pa)
    assert pa[0].category == "threat" and pa[2].category == "insult"  # fullwidth folded


def test_the_shipped_model_ranks_violations_above_news_about_them():
    preds = classifier.score_batch(
        [
            "I have a knife and your name. That's all I need.",
            "A careful and balanced piece of reporting on the budget, thank you.",
        ]
    )
    assert classifier.is_loaded()
    assert preds[0].category == "threat" and preds[0].score > preds[1].score
    assert preds[1].score < classifier.DEFAULT_THRESHOLD
    assert classifier.score_batch([]) == []
    again = classifier.fit(classifier.read_jsonl(classifier.training_files()))
    assert again.digest == classifier.get_model().digest


def _norm(s):
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


def test_training_data_is_well_formed_and_parleys_own():
    rows = classifier.read_jsonl(classifier.training_files())
    assert len(rows) >= 500
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "lang", "text", "label", "category", "evasion", "note"}, r["id"]
        assert 1 <= len(r["text"]) <= 250, r["id"]
        assert classifier.label_of(r) is not None, r["id"]
        assert (r["label"] == "clean") == r["category"].startswith("clean"), r["id"]
    # no 20-character overlap with the dev corpus (never trained on), nor with a
    # benchmark set that is still reported as unseen; a measured set retired into
    # seen_sets.jsonl is there whole: every line the classifier learns from, but those
    # sharing a phrase with dev or with another benchmark set (dropped before that set
    # was measured)
    root = Path(__file__).resolve().parents[3]
    # the dev corpus sits in "shared/corpus" next to the checkout, or next to the folder
    # holding it (a git worktree such as wt/<branch>): look in each ancestor
    devs = [d / "shared" / "corpus" / "dev.jsonl" for d in root.parents]
    dev = [d for d in devs if d.exists()][:1]  # absent in a clone made away from shared/

    def grams_of(paths):
        grams = set()
        for ref in paths:
            for line in ref.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    grams.update(phrases(json.loads(line)["text"]))
        return grams

    def phrases(text):  # a text under 20 characters is its own phrase: equality
        t = _norm(text)
        return {t[i : i + 20] for i in range(len(t) - 19)} if len(t) >= 20 else {t}

    def shares(text, grams):
        return not phrases(text).isdisjoint(grams)

    dev_grams = grams_of(dev)
    sets = sorted((root / "bench/data").glob("*.jsonl"))
    left_out = seen_sets.read_left_out()
    set_grams = {ref: grams_of([ref]) for ref in sets}

    def others_of(ref):
        return set().union(*(g for other, g in set_grams.items() if other != ref))

    refs = []
    texts = {r["text"] for r in rows}
    retired = 0
    for ref in sets:
        usable = [r for r in classifier.read_jsonl([ref]) if classifier.label_of(r) is not None]
        if not any(r["text"] in texts or r["id"] in left_out for r in usable):
            refs.append(ref)
            continue
        retired += 1
        for r in usable:
            if r["text"] in texts:
                continue
            # left out, for a reason this test can check: listed, or (a text that was a
            # duplicate when its set was retired) sharing a phrase with another set
            reason = left_out.get(r["id"])
            if reason is None:
                assert shares(r["text"], others_of(ref)), f"{ref.name} partly retired: {r['id']}"
            elif reason == "dev":
                assert not dev or shares(r["text"], dev_grams), r["id"]
            else:
                other = root / "bench/data" / (reason.removeprefix("phrase of ") + ".jsonl")
                assert other in set_grams and shares(r["text"], set_grams[other]), (r["id"], reason)
    assert retired >= 13  # heldout..heldout12 and challenge, retired in round 5
    grams = dev_grams | grams_of(refs)
    for r in rows:
        assert not shares(r["text"], grams), r["id"]


def test_a_fitted_model_is_shared_through_the_cache_dir(tmp_path, monkeypatch):
    """Another process (here: the same one, after reset) loads the fitted model
    instead of training again; edited rows or a damaged file mean training again."""
    monkeypatch.setenv("PARLEY_MODEL_CACHE_DIR", str(tmp_path))
    rows = [
        {"text": "you will regret this, I know where you park", "category": "threat"},
        {"text": "the minister regrets the delay in parking reform", "category": "clean_other"},
        {"text": "buy cheap followers now dm me", "category": "spam"},
        {"text": "the council approved the new bus routes", "category": "clean_political"},
    ]
    fits = []
    real_fit = classifier.fit
    monkeypatch.setattr(
        classifier, "fit", lambda r, seed=classifier.SEED: fits.append(1) or real_fit(r, seed)
    )

    first = classifier.load_or_fit(rows)
    assert len(fits) == 1 and len(list(tmp_path.glob("classifier-*.joblib"))) == 1
    second = classifier.load_or_fit(rows)
    assert len(fits) == 1  # loaded, not trained
    assert second.digest == first.digest
    assert [p.score for p in second.predict(["I know where you park"])] == [
        p.score for p in first.predict(["I know where you park"])
    ]

    classifier.load_or_fit([*rows, {"text": "a new clean line", "category": "clean_other"}])
    assert len(fits) == 2  # other rows: another file

    for path in tmp_path.glob("classifier-*.joblib"):
        path.write_bytes(b"not a pickle")
    classifier.load_or_fit(rows)
    assert len(fits) == 3  # damaged: trained again (and the file rewritten)
    classifier.load_or_fit(rows)
    assert len(fits) == 3

    monkeypatch.setenv("PARLEY_MODEL_CACHE_DIR", "off")
    classifier.load_or_fit(rows)
    assert len(fits) == 4


# --- a deployment's own lines (PARLEY_CLASSIFIER_EXTRA_DATA) --------------------------


def test_extra_training_files_come_from_the_configured_folder(monkeypatch, tmp_path, caplog):
    monkeypatch.delenv("PARLEY_CLASSIFIER_EXTRA_DATA", raising=False)
    assert classifier.extra_training_files() == []
    (tmp_path / "decisions.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    monkeypatch.setenv("PARLEY_CLASSIFIER_EXTRA_DATA", str(tmp_path))
    assert classifier.extra_training_files() == [tmp_path / "decisions.jsonl"]
    # a folder that is not there: logged, and the shipped data alone
    monkeypatch.setenv("PARLEY_CLASSIFIER_EXTRA_DATA", str(tmp_path / "missing"))
    assert classifier.extra_training_files() == []
    assert "not a folder" in caplog.text


def test_the_system_check_warns_about_a_missing_extra_data_folder(monkeypatch, tmp_path):
    from moderation.checks import check_classifier_extra_data

    monkeypatch.setenv("PARLEY_CLASSIFIER_EXTRA_DATA", str(tmp_path / "missing"))
    [warning] = check_classifier_extra_data()
    assert warning.id == "parley.W001"
    monkeypatch.setenv("PARLEY_CLASSIFIER_EXTRA_DATA", str(tmp_path))
    assert check_classifier_extra_data() == []


def test_the_model_learns_the_extra_lines_after_the_shipped_ones(monkeypatch, tmp_path):
    line = {"id": "mod-1", "text": "a reader line no file ships", "label": "clean"}
    line["category"] = "clean_other"
    (tmp_path / "decisions.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_CLASSIFIER_EXTRA_DATA", str(tmp_path))
    seen = []
    monkeypatch.setattr(classifier, "load_or_fit", lambda rows: seen.append(rows) or "model")
    monkeypatch.setattr(classifier, "_model", None)
    assert classifier.get_model() == "model"
    [rows] = seen
    assert rows[-1]["text"] == line["text"]
    assert len(rows) > 1000  # the shipped data too
