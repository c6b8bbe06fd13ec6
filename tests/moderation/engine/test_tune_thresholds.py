"""The seen-set threshold rule: replayed scores, the (caught - 2 x FP) objective, dev's budgets."""

import pytest

from moderation.engine.tune_thresholds import (
    Line,
    choose,
    choose_all,
    choose_floors,
    flagged,
    tally,
)


def line(violating, lang, score, other=False, tricky=False):
    return Line(violating, lang, other, score, tricky)


def test_tally_uses_each_languages_threshold_and_the_other_rules():
    lines = [
        line(True, "en", 0.80),
        line(True, "ko", 0.80),
        line(True, "en", 0.10, other=True),  # a term rule caught it
        line(False, "ko", 0.90),
    ]
    assert tally(lines, 0.75, 0.85) == (2, 1)
    assert tally(lines, 0.85, 0.75) == (2, 1)
    assert tally(lines, 0.95, 0.95) == (1, 0)


def test_choose_trades_catches_against_twice_the_false_positives():
    dev = [line(False, "en", 0.0) for _ in range(100)]
    # English: lowering to 0.80 gains 3 catches for one false positive (+1 net);
    # lowering further to 0.70 gains 1 more for two more false positives (-3 net)
    seen = [line(True, "en", s) for s in (0.81, 0.82, 0.83, 0.72)]
    seen += [line(False, "en", s) for s in (0.80, 0.71, 0.70)]
    # Korean: nothing to gain below 0.95, so the higher threshold wins the tie
    seen += [line(False, "ko", 0.75)]
    t_en, t_ko = choose([dev, seen], grid=(0.70, 0.80, 0.90, 0.95))
    assert (t_en, t_ko) == (0.80, 0.95)


def test_dev_budgets_bound_the_choice():
    # dev: 50 clean, 10 of them tricky; two tricky lines score 0.75 (20 % of tricky)
    dev = [line(False, "en", 0.0, tricky=i < 10) for i in range(48)]
    dev += [line(False, "en", 0.75, tricky=True) for _ in range(2)]
    seen = [line(True, "en", 0.72) for _ in range(50)]  # 0.70 would pay off here
    seen += [line(True, "en", 0.85) for _ in range(5)]  # and 0.80 beats 0.90
    t_en, _ = choose([dev, seen], grid=(0.70, 0.80, 0.90))
    assert t_en == 0.80
    with pytest.raises(ValueError):
        choose([[line(False, "en", 0.0, other=True)] * 10, seen], grid=(0.70,))


def test_a_corpus_in_the_training_data_is_scored_by_a_model_trained_without_it(monkeypatch):
    """Leave one set out: a retired set must not score itself."""
    from moderation.engine import tune_thresholds
    from moderation.engine.classifier import Prediction

    corpus = [
        {"text": "you will pay for this, I know your street", "label": "violating",
         "category": "threat"},
        {"text": "the council approved the bus routes", "label": "clean",
         "category": "clean_tricky"},
    ]  # fmt: skip
    training = [*corpus, {"text": "another writer's line", "category": "clean_other"}]
    fitted_on = []

    class Fake:
        def predict(self, texts):
            return [Prediction("threat", 0.9 if "pay" in t else 0.4) for t in texts]

    def fake_fit(rows):
        fitted_on.append([r["text"] for r in rows])
        return Fake()

    monkeypatch.setattr(tune_thresholds, "fit", fake_fit)
    lines = tune_thresholds.screen_lines(corpus, training)
    assert fitted_on == [["another writer's line"]]  # the corpus's own lines left out
    assert [x.score for x in lines] == [0.9, 0.0]  # below 0.5 counts as no hit
    assert [x.violating for x in lines] == [True, False] and lines[1].tricky

    fitted_on.clear()
    tune_thresholds.screen_lines(corpus, [training[2]])  # unseen corpus: the shipped model
    assert fitted_on == []


def test_cached_leave_one_out_models_are_loaded_not_refitted(monkeypatch, tmp_path):
    """With ``cache``, a set's leave-one-out model goes through the model cache, keyed by
    the training rows: the second screening of the same corpus trains nothing."""
    from moderation.engine import classifier, tune_thresholds
    from moderation.engine.classifier import Model

    corpus = [{"text": "send money to this account", "label": "violating", "category": "spam"}]
    training = [*corpus, {"text": "a quiet line", "label": "clean", "category": "clean_other"}]
    fits = []

    class Fake(Model):
        def __init__(self):
            pass

        def predict(self, texts):
            return [classifier.Prediction("spam", 0.8) for _ in texts]

    def fake_fit(rows, seed=0):
        fits.append(len(rows))
        return Fake()

    monkeypatch.setenv("PARLEY_MODEL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(classifier, "fit", fake_fit)
    monkeypatch.setattr(classifier, "_digest", lambda rows: f"rows{len(rows)}")
    monkeypatch.setattr("joblib.dump", lambda obj, path: path.write_bytes(b"x"))
    monkeypatch.setattr("joblib.load", lambda path: Fake())
    tune_thresholds.screen_lines(corpus, training, cache=True)
    tune_thresholds.screen_lines(corpus, training, cache=True)
    assert fits == [1]  # fitted once (on the one other line), then loaded


def test_a_dump_replays_the_same_lines(tmp_path):
    from moderation.engine.tune_thresholds import dump, load

    sets = [[line(False, "en", 0.0, tricky=True)], [line(True, "ko", 0.7, other=True)]]
    dump(str(tmp_path / "d.jsonl"), ["dev", "heldout9"], sets)
    assert load(str(tmp_path / "d.jsonl")) == (["dev", "heldout9"], sets)


def test_weigh_judges_each_weight_on_the_blocks_it_held_out():
    from moderation.engine.tune_thresholds import weigh

    dev = [line(False, "en", 0.0) for _ in range(100)]
    # the training side: at 0.70, 3 catches for 1 false positive (worth it at weight 2,
    # not at weight 4)
    train = [line(True, "en", s) for s in (0.71, 0.72, 0.73)] + [line(False, "en", 0.70)]
    train += [line(True, "en", 0.95)]
    # the held-out block: at 0.70 it pays 2 false positives (one of them tricky) for 1 catch
    block = [line(True, "en", 0.75), line(True, "en", 0.20, other=True)]
    block += [line(False, "en", 0.74, tricky=True), line(False, "en", 0.71)]
    block += [line(False, "en", 0.0, other=True)]
    names = ["dev", "train", "b1"]
    out = weigh(names, [dev, train, block], [2, 4], blocks=[("b1",)], grid=(0.70, 0.80, 0.90))
    (w2, pairs2, t2), (w4, pairs4, t4) = out
    assert (w2, pairs2, w4, pairs4) == (
        2,
        [(0.70, 0.90, {})],
        4,
        [(0.90, 0.90, {})],
    )  # no Korean: ties go high; no category threshold raises the objective
    assert (t2["caught"], t2["violating"], t2["caught_by_classifier_only"]) == (2, 2, 1)
    assert (t2["fp"], t2["clean"], t2["fp_by_classifier_only"]) == (3, 3, 2)
    assert (t2["tricky_fp"], t2["tricky"]) == (1, 1)
    assert (t4["caught"], t4["fp"], t4["fp_by_classifier_only"], t4["tricky_fp"]) == (1, 1, 0, 0)


# --- category thresholds (classifier_category_thresholds) -------------------------------


def pline(violating, probs, score=0.0, lang="en", tricky=False, category=""):
    return Line(violating, lang, False, score, tricky, category=category, probs=probs)


def test_a_category_threshold_flags_below_the_language_threshold():
    x = pline(True, {"spam": 0.45}, score=0.55)
    assert not flagged(x, 0.6, 0.6)
    assert flagged(x, 0.6, 0.6, {"spam": 0.45})
    assert not flagged(x, 0.6, 0.6, {"spam": 0.5})
    assert not flagged(x, 0.6, 0.6, {"sexual": 0.1})


def test_choose_floors_takes_a_category_value_only_when_it_pays():
    dev = [line(False, "en", 0.0) for _ in range(100)]
    # spam at 0.40 gains 3 catches for 1 false positive (+1 at weight 2); at 0.30 one
    # more catch for two more false positives
    seen = [pline(True, {"spam": p}, category="spam") for p in (0.41, 0.42, 0.43, 0.31)]
    seen += [pline(False, {"spam": p}) for p in (0.40, 0.32, 0.33)]
    # sexual: 1 catch for 1 false positive at 0.30, which does not pay at weight 2
    seen += [pline(True, {"sexual": 0.35}), pline(False, {"sexual": 0.36})]
    floors = choose_floors([dev, seen], (0.9, 0.9), grid=(0.30, 0.40, 0.50))
    assert floors == {"spam": 0.40}
    assert choose_all([dev, seen], grid=(0.9,)) == (0.9, 0.9, {"spam": 0.40})
    assert choose_all([dev, seen], grid=(0.9,), floors=False) == (0.9, 0.9, {})


def test_category_thresholds_keep_devs_budgets():
    # dev: 3 of 100 clean lines would be held by spam >= 0.30 (over the 2 % budget)
    dev = [line(False, "en", 0.0) for _ in range(97)]
    dev += [pline(False, {"spam": 0.33}) for _ in range(3)]
    seen = [pline(True, {"spam": 0.35}) for _ in range(20)]
    assert choose_floors([dev, seen], (0.9, 0.9), grid=(0.30,)) == {}
    assert choose_floors([dev, seen], (0.9, 0.9), grid=(0.30, 0.34)) == {"spam": 0.34}


def test_a_dump_keeps_the_category_probabilities(tmp_path):
    from moderation.engine.tune_thresholds import dump, load

    sets = [[pline(True, {"spam": 0.4, "sexual": 0.12}, score=0.6, category="spam")]]
    dump(str(tmp_path / "d.jsonl"), ["dev"], sets)
    assert load(str(tmp_path / "d.jsonl")) == (["dev"], sets)
