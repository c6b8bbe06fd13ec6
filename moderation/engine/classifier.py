"""A small learned, bilingual classifier trained on Parley's own labelled comments.

    python -m moderation.engine.classifier --train       # train, cross-validate, report
    python -m moderation.engine.classifier "some text"   # score texts

What it is: TF-IDF over character n-grams (``char_wb``, 1..5) and word uni/bigrams of
the engine's **match key** (:func:`moderation.engine.normalize.normalize`, so
``ｆｕｃｋ``, ``sh1t``, ``f u c k``, Cyrillic look-alikes and ``씨.발`` reach it folded),
then one logistic regression per class (one-vs-rest) over the seven violating
categories and ``clean``. The score of a comment is ``1 - P(clean)``; its category is
the most probable violating class. Character n-grams let it generalise from the
phrasings it was shown to neighbouring ones (``know where you live`` → ``know which
school your kid goes to``), in English and Korean, without a word list.

Training data: ``data/training/*.jsonl`` (schema of the labelled corpus:
``{"id", "lang", "text", "label", "category", "evasion", "note"}``), written for
Parley; no third-party data. The model is **trained at first use** in the process
that needs it (deterministic: fixed seed, liblinear; about a second), cached for the
life of the process, and never imported by the in-request screener. Call
:func:`score_batch` from Celery workers and the dry-run paths, in batches.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data" / "training"
SEED = 20261128
CLEAN = "clean"
# corpus category -> the policy's reason code (as in evaluate.CATEGORY_CODE)
CATEGORY_CODE = {
    "profanity": "offensive",
    "sexual": "sexual",
    "spam": "spam",
    "personal_info": "personal_info",
    "insult": "insult",
    "hate": "hate",
    "threat": "threat",
}
CATEGORIES = tuple(CATEGORY_CODE)
# Per language (``script_language``): English and anything not mostly Hangul, and Korean.
#
# How they are chosen (since 2026-11-29): on the labelled sets already seen (dev without
# its impersonation lines, and the measured benchmark sets), maximising the sum over sets
# of (violating caught - 2 x clean flagged) over a 0.60-0.95 grid, with dev's clean FP
# <= 2 % and clean_tricky <= 5 % (rule written down before it was run; scores replayed
# from dry runs with the classifier at 0.5; ``python -m moderation.engine.tune_thresholds``
# prints the pick). Since round 5 the measured sets are also training data
# (``data/training/seen_sets.jsonl``), so each is scored by a model trained without it.
# Then the next fresh set is measured once.
#
# Before, the threshold was the lowest with <= 1 % out-of-fold false positives on the
# clean *training* lines (``--train`` still prints that pick). Those lines are near-twins
# of violations, written to be hard, and 1 % of them turned out to be far less than 1 %
# of real comments: on heldout11 (unseen) that rule's English 0.91 / Korean 0.84 caught
# 245/280 where one threshold of 0.85 caught 251 and 0.80 260, with the same 4/160 false
# positives. History: 0.74 / 0.81 before round 5 (training without the measured sets);
# with them (dev + the sets, leave one set out; lines sharing a phrase with dev left
# out of the training data) 0.76 / 0.80 when heldout13 was measured, 0.71 / 0.75 with
# heldout13 retired too, before heldout14 was measured; 0.72 / 0.83 with heldout14 retired,
# before heldout15; 0.70 / 0.82 with heldout15 retired, before heldout16 and 17; 0.68 /
# 0.81 with those retired and the lines dropped for them back, before heldout18 and 19;
# 0.66 / 0.83 with those retired too, before heldout20 and 21; 0.70 / 0.85 with those
# retired, before heldout22 and 23; 0.73 / 0.84 with those retired and round 11's rules,
# before heldout24 and 25; 0.70 / 0.83 with those retired and round 12's rules, before
# heldout26 and 27; 0.67 / 0.78 with those retired, round 13's rules and the round-14
# training lines, before heldout28 and 29; unchanged with those retired and round 15's
# rules, before heldout30 and 31; 0.67 / 0.79 with heldout30-33 retired and round 16's
# rules, before heldout34-37; 0.71 / 0.83 with those retired and round 17's rules (and
# 2,193 training lines sharing a phrase with heldout38-41 dropped), before heldout38-41;
# 0.62 / 0.84 with those retired, round 18's rules and 2,513 lines dropped for heldout42-45;
# 0.64 / 0.81 with heldout42-45 retired too (the state shipped at the end of session 8);
# 0.63 / 0.80 with round 19's rules and 1,760 short clean training lines; 0.65 / 0.81 with
# the short-comment probe retired and 1,517 lines dropped for heldout46-49, before those
# four were measured; 0.68 / 0.73 with heldout46-49 retired and round 20's rules (the
# state shipped at the end of session 9; the objective is flat: +6 over 0.65 / 0.81);
# 0.68 / 0.76 with round 21's rules and 1,458 lines dropped for heldout50-53, before those
# four were measured; 0.61 / 0.73 with heldout50-53 retired, round 22's rules and the
# classifier reading the innocent variants (the state shipped at the end of session 10;
# objective 14,031 against 14,018 at 0.68 / 0.76: 29 more caught, 8 more clean flagged);
# still 0.61 / 0.73 (weight 2 kept by the held-out weight rule) with 1,523 lines dropped
# for heldout54-57, before those four were measured; 0.65 / 0.68 with heldout54-57 retired,
# round 23's rules and 1,624 lines dropped for heldout58-61 (weight 2 again: 0.39 % of
# held-out clean lines flagged by the classifier alone), before those four were measured;
# 0.60 / 0.67 with heldout58-61 retired, round 24's rules and 1,760 lines dropped for
# heldout62-65 (weight 2 again: 0.47 %), before those four were measured; 0.64 / 0.70
# with heldout62-65 retired and round 25's rules (the state shipped at the end of session
# 11; weight 2: 0.45 %; objective 17,346 against 17,331 at 0.60 / 0.67: 15 fewer caught,
# 15 fewer clean flagged over dev + 67 seen sets); 0.67 / 0.69 with round 26's rules and
# 1,645 lines dropped for heldout66-69 (weight 2 again: 0.45 %; objective 17,336), before
# those four were measured; 0.62 / 0.72 with heldout66-69 retired, round 27's rules and
# 1,807 lines dropped for heldout70-73 (the weight rule moved to weight 3 for the first
# time: 0.52 % held-out classifier-only false positives at 2, 0.49 % at 3; both weights
# pick this pair), before those four were measured; 0.72 / 0.86 with per-category
# thresholds profanity 0.60, sexual 0.55, spam 0.55, insult 0.60 (round 28) with
# heldout70-73 retired and 1,877 lines dropped for heldout74-77, before those four were
# measured (the weight rule, with category thresholds in the choice, moved to weight 4:
# held-out classifier-only false positives 0.62 % at 2, 0.53 % at 3, 0.44 % at 4; at 4
# the category thresholds caught 11,101 of 11,200 held-out lines against 11,088 for the
# pair alone, so they ship, as the decision rule said); 0.76 / 0.82 with seven category
# thresholds (profanity 0.60, sexual 0.55, spam 0.50, personal_info 0.60, insult 0.50,
# hate 0.60, threat 0.60) with heldout74-81 retired, round 30's rules and 2,079 lines
# dropped for heldout82-85, before those four were measured (weight 3: held-out
# classifier-only false positives over heldout34-81 0.53 % at 2, 0.43 % at 3; at 3 the
# category thresholds caught 13,337 of 13,440 held-out lines against 13,326 for the pair
# alone, which flagged 0.53 %, so they ship); 0.60 / 0.65 with no category thresholds
# with heldout82-97 retired, rounds 31-35 and 2,574 lines dropped for heldout98-101, before
# those four were measured (the heldout82-85 rule read literally: with category
# thresholds in the choice, held-out classifier-only false positives over heldout34-97
# were 0.48 % at weight 2, so weight 2; there the category thresholds caught 17,795 of
# 17,920 held-out lines against 17,810 for the pair alone, so they do not ship, although
# the pair alone flagged 0.62 %: the rule did not foresee that case).
# The objective is flat near its top, so the pick moves by a few hundredths when the
# data change.
DEFAULT_THRESHOLD = 0.60
DEFAULT_THRESHOLD_KO = 0.65
# Per category (policy ``classifier_category_thresholds``): a comment under its language's
# threshold is still held when the model's probability for one category alone reaches
# that category's value. Chosen by the same rule and run as the pair above
# (``tune_thresholds``: the pair first, then each category's value given the pair, then
# the pair again given those); empty: none improved the objective.
DEFAULT_CATEGORY_THRESHOLDS: dict[str, float] = {}


@dataclass(frozen=True, slots=True)
class Prediction:
    category: str  # the most probable violating category
    score: float  # 1 - P(clean), 0..1
    scores: dict[str, float] = field(default_factory=dict)  # P(category) per class

    @property
    def code(self) -> str:
        return CATEGORY_CODE[self.category]

    def as_dict(self) -> dict[str, Any]:
        return {"category": self.category, "score": round(self.score, 4)}


# what a key without a letter or digit scores: nothing for the model to read
_UNREAD = Prediction(CATEGORIES[0], 0.0, {CLEAN: 1.0})


def has_text(key: str) -> bool:
    """True when the text has a letter or a digit in any script (``ㅋㅋ`` and ``3`` count;
    emoji, punctuation and symbols do not)."""
    return any(c.isalnum() for c in key)


_WORD = re.compile(r"\w+")
# A one-word comment gives the model one feature to judge by: "nice" scored 0.82 on
# heldout19 (the word is frequent in sexual remarks). One-word abuse is the term lists'
# job; over the twenty labelled sets the classifier alone caught no violation of one
# or two words, and held one clean one.
MIN_WORDS = 2


def readable(key: str) -> bool:
    """What the model reads: a key with a letter or digit and at least two words."""
    return has_text(key) and len(_WORD.findall(key)) >= MIN_WORDS


def script_language(text: str) -> str:
    """``ko`` when a text is written mostly in Hangul, else ``en``: which of the
    classifier's thresholds applies. A Hangul syllable counts as three Latin letters (it
    carries about as much: 앵커 is "aengkeo"), a bare jamo (ㅋ, ㅅ) as one, so mixed
    comments go by their main language ("앵커 오늘 blouse 너무 tight해서" is Korean,
    "We 이겼다 them 4-0, what a game" English). No letters at all: ``en``."""
    hangul = latin = 0
    for ch in text:
        if "\uac00" <= ch <= "\ud7a3":
            hangul += 3
        elif "\u3131" <= ch <= "\u318e" or "\u1100" <= ch <= "\u11ff":
            hangul += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    return "ko" if hangul and hangul >= latin else "en"


def read_jsonl(paths: Iterable[Path | str]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if not isinstance(row.get("text"), str) or "category" not in row:
                    raise ValueError(f"{path}:{n}: needs text and category")
                rows.append(row)
    return rows


def training_files(data_dir: Path | str = DATA_DIR) -> list[Path]:
    return sorted(Path(data_dir).glob("*.jsonl"))


def extra_training_files() -> list[Path]:
    """A deployment's own labelled lines (``*.jsonl`` in the folder that
    ``PARLEY_CLASSIFIER_EXTRA_DATA`` names), e.g. its moderators' decisions written by
    ``manage.py moderation_export_training``; read after the shipped data. Unset: none.
    A folder that does not exist is logged as an error and the shipped data alone is
    used, so a typo stops no screening (``manage.py check`` warns about it too)."""
    import os

    configured = os.environ.get("PARLEY_CLASSIFIER_EXTRA_DATA", "").strip()
    if not configured:
        return []
    folder = Path(configured)
    if not folder.is_dir():
        logging.getLogger(__name__).error(
            "PARLEY_CLASSIFIER_EXTRA_DATA=%s is not a folder: training on the shipped data only",
            folder,
        )
        return []
    return sorted(folder.glob("*.jsonl"))


def label_of(row: dict) -> str | None:
    """The class a training row teaches: a violating category, ``clean``, or None (skip)."""
    if row.get("label") == "clean" or str(row.get("category", "")).startswith("clean"):
        return CLEAN
    cat = row.get("category")
    return cat if cat in CATEGORY_CODE else None  # impersonation/flood: not a text matter


def key_of(text: str) -> str:
    """What the model reads: the engine's match key (evasions folded, lower-cased)."""
    from .normalize import normalize

    return normalize(text).terms.text


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True, min_df=1
                ),
            ),
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    token_pattern=r"(?u)\b\w+\b",
                    sublinear_tf=True,
                    min_df=1,
                ),
            ),
        ]
    )


def _estimator(seed: int = SEED):
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    return OneVsRestClassifier(
        LogisticRegression(C=10.0, solver="liblinear", class_weight="balanced", random_state=seed)
    )


class Model:
    """A fitted vectoriser + one-vs-rest logistic regression, and what it was trained on."""

    def __init__(self, vectorizer, estimator, *, digest: str, n_rows: int, seconds: float):
        self.vectorizer = vectorizer
        self.estimator = estimator
        self.classes: list[str] = list(estimator.classes_)
        self.digest = digest  # hash of the training rows: which data this model learned
        self.n_rows = n_rows
        self.seconds = seconds

    def predict_keys(self, keys: Sequence[str]) -> list[Prediction]:
        """One prediction per key. A key without a letter or digit (emoji, punctuation,
        a row of ``!!!``) or of a single word is not read: it gets score 0 without
        reaching the model, whose character n-grams would otherwise judge a row of
        symbols, or one word, by the few lines of that kind it was shown."""
        if not keys:
            return []
        chosen = [i for i, k in enumerate(keys) if readable(k)]
        out: list[Prediction] = [_UNREAD] * len(keys)
        if not chosen:
            return out
        probs = self.estimator.predict_proba(self.vectorizer.transform([keys[i] for i in chosen]))
        clean = self.classes.index(CLEAN)
        for i, row in zip(chosen, probs, strict=True):
            scores = {c: float(p) for c, p in zip(self.classes, row, strict=True)}
            best = max((c for c in self.classes if c != CLEAN), key=lambda c: scores[c])
            out[i] = Prediction(best, float(1.0 - row[clean]), scores)
        return out

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        return self.predict_keys([key_of(t) for t in texts])


def _digest(rows: Sequence[dict]) -> str:
    h = hashlib.sha256()
    for r in rows:
        h.update(f"{label_of(r)}\t{r['text']}\n".encode())
    return h.hexdigest()[:16]


def fit(rows: Sequence[dict], seed: int = SEED) -> Model:
    """Train on labelled rows (deterministic for the same rows and seed)."""
    t0 = time.perf_counter()
    usable = [r for r in rows if label_of(r) is not None]
    labels = [label_of(r) for r in usable]
    if CLEAN not in labels or len(set(labels)) < 2:
        raise ValueError("training data needs clean lines and at least one violating category")
    keys = [key_of(r["text"]) for r in usable]
    vec = _vectorizer()
    est = _estimator(seed)
    est.fit(vec.fit_transform(keys), labels)
    return Model(
        vec, est, digest=_digest(usable), n_rows=len(usable), seconds=time.perf_counter() - t0
    )


_lock = threading.Lock()
_model: Model | None = None
builds = 0  # how many models this process trained (observability and tests)


def is_loaded() -> bool:
    return _model is not None


def cache_dir() -> Path | None:
    """Where fitted models are kept between processes: ``PARLEY_MODEL_CACHE_DIR``
    (``off`` to train in every process), else ``$PARLEY_VAR_DIR/models``."""
    import os

    configured = os.environ.get("PARLEY_MODEL_CACHE_DIR", "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    var = os.environ.get("PARLEY_VAR_DIR") or str(Path(__file__).resolve().parents[2] / "var")
    return Path(var) / "models"


def _cache_file(rows: Sequence[dict]) -> Path | None:
    import sklearn

    directory = cache_dir()
    if directory is None:
        return None
    usable = [r for r in rows if label_of(r) is not None]
    py = f"{sys.version_info.major}{sys.version_info.minor}"
    return directory / f"classifier-{_digest(usable)}-sk{sklearn.__version__}-py{py}.joblib"


def load_or_fit(rows: Sequence[dict]) -> Model:
    """Fit, or load the model this process's siblings already fitted on the same rows.

    The file is named by the training rows' digest and the scikit-learn and Python
    versions, so edited data or an upgrade trains afresh; it is written to a temporary
    name and renamed, so a reader never sees half a file. It lives in Parley's own
    var directory (a pickle: keep that directory writable by Parley alone).
    """
    import joblib

    path = _cache_file(rows)
    if path is not None and path.exists():
        try:
            model = joblib.load(path)
            if isinstance(model, Model):
                return model
        except Exception as exc:  # noqa: BLE001 - a damaged cache file means training again
            logging.getLogger(__name__).warning("classifier cache %s unreadable: %s", path, exc)
    model = fit(rows)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
            joblib.dump(model, tmp)
            tmp.replace(path)
        except OSError:
            pass  # a read-only disk only costs the next process a training run
    return model


def get_model() -> Model:
    """The process's model: trained from ``data/training`` (and the deployment's own
    lines, :func:`extra_training_files`) on first use, or loaded from the model cache
    when another process already trained it on the same rows."""
    global _model, builds
    with _lock:
        if _model is None:
            _model = load_or_fit(read_jsonl([*training_files(), *extra_training_files()]))
            builds += 1
        return _model


def reset() -> None:
    global _model
    with _lock:
        _model = None


def score_batch(
    texts: Sequence[str],
    batch_size: int = 512,
    variants: Sequence[str | None] | None = None,
) -> list[Prediction]:
    """One :class:`Prediction` per text (trains the model on the first call). With
    ``variants`` (:func:`~moderation.engine.rules.classifier.innocent_variants`), a text
    that has one gets the lower-scoring of the two predictions."""
    if not texts:
        return []
    return lower_of(get_model(), texts, variants, batch_size)


def lower_of(
    model: Model,
    texts: Sequence[str],
    variants: Sequence[str | None] | None = None,
    batch_size: int = 512,
) -> list[Prediction]:
    out: list[Prediction] = []
    for i in range(0, len(texts), batch_size):
        out.extend(model.predict(texts[i : i + batch_size]))
    if variants:
        idx = [i for i, v in enumerate(variants) if v is not None]
        if idx:
            alt = model.predict([variants[i] for i in idx])  # type: ignore[misc]
            for i, p in zip(idx, alt, strict=True):
                if p.score < out[i].score:
                    out[i] = p
    return out


# --- cross-validation: choosing the threshold on the training data --------------------


def cross_validate(rows: Sequence[dict], folds: int = 5, seed: int = SEED) -> list[tuple]:
    """Out-of-fold ``(row, label, Prediction)`` for every usable row (stratified folds)."""
    from sklearn.model_selection import StratifiedKFold

    usable = [r for r in rows if label_of(r) is not None]
    labels = [label_of(r) for r in usable]
    out: list[tuple] = []
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in skf.split(usable, labels):
        model = fit([usable[i] for i in train_idx], seed)
        preds = model.predict([usable[i]["text"] for i in test_idx])
        out.extend((usable[i], labels[i], p) for i, p in zip(test_idx, preds, strict=True))
    return out


def choose_threshold(oof: Sequence[tuple], max_fp: float = 0.01) -> float:
    """The lowest threshold (step 0.01, 0.30 .. 0.99) with out-of-fold clean FP rate
    <= ``max_fp``; 0.99 if none meets it.

    The step was 0.05, which overshoots the budget by up to a step: with the round-3
    data the out-of-fold clean FP is 1.5 % at 0.85 and 0.7 % at 0.90, so a 1 % budget
    got 0.90 and spent half of it. The finer grid takes the threshold the budget allows.
    """
    clean = [p.score for _, lab, p in oof if lab == CLEAN]
    if not clean:
        return DEFAULT_THRESHOLD
    for t in [round(0.3 + 0.01 * i, 2) for i in range(70)]:
        if sum(s >= t for s in clean) <= max_fp * len(clean):
            return t
    return 0.99


def choose_thresholds(oof: Sequence[tuple], max_fp: float = 0.01) -> dict[str, float]:
    """:func:`choose_threshold` for each language separately (by :func:`script_language`
    of the row's text): ``{"en": ..., "ko": ...}``."""
    return {
        lang: choose_threshold([x for x in oof if script_language(x[0]["text"]) == lang], max_fp)
        for lang in ("en", "ko")
    }


def cv_report(oof: Sequence[tuple], thresholds: Sequence[float], out=sys.stdout) -> None:
    def p(*a):
        print(*a, file=out)

    cats = sorted({lab for _, lab, _ in oof} - {CLEAN})
    langs = sorted({r.get("lang", "?") for r, _, _ in oof})
    p("Out-of-fold recall per category, and FP rate on clean lines, by threshold")
    p(f"  {'thr':>5}" + "".join(f"{c[:9]:>10}" for c in cats) + f"{'FP clean':>10}{'cat ok':>8}")
    for t in thresholds:
        line = f"  {t:>5.2f}"
        for c in cats:
            items = [pr for _, lab, pr in oof if lab == c]
            line += f"{sum(pr.score >= t for pr in items) / len(items):>10.2f}"
        clean = [pr for _, lab, pr in oof if lab == CLEAN]
        fp = sum(pr.score >= t for pr in clean)
        flagged = [(lab, pr) for _, lab, pr in oof if lab != CLEAN and pr.score >= t]
        right = sum(pr.category == lab for lab, pr in flagged)
        line += f"{fp / len(clean):>10.3f}{right / max(len(flagged), 1):>8.2f}"
        p(line)
    for lang in langs:
        sub = [x for x in oof if x[0].get("lang", "?") == lang]
        clean = [pr for _, lab, pr in sub if lab == CLEAN]
        viol = [pr for _, lab, pr in sub if lab != CLEAN]
        p(f"  lang={lang}: {len(viol)} violating, {len(clean)} clean")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--train", action="store_true", help="train, cross-validate and report")
    ap.add_argument("--data", default=str(DATA_DIR), help="folder of training *.jsonl")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-fp", type=float, default=0.01, help="FP budget on clean (CV)")
    ap.add_argument("--show-errors", action="store_true", help="list out-of-fold mistakes")
    ap.add_argument("texts", nargs="*", help="texts to score")
    args = ap.parse_args(argv)
    rows = read_jsonl(training_files(args.data))
    if args.train:
        t0 = time.perf_counter()
        model = fit(rows)
        print(
            f"trained on {model.n_rows} rows ({len(model.classes)} classes) in "
            f"{time.perf_counter() - t0:.2f} s; data digest {model.digest}"
        )
        oof = cross_validate(rows, args.folds)
        picked = choose_thresholds(oof, args.max_fp)
        defaults = {"en": DEFAULT_THRESHOLD, "ko": DEFAULT_THRESHOLD_KO}
        grid = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
        for lang in ("en", "ko"):
            sub = [x for x in oof if script_language(x[0]["text"]) == lang]
            print(f"\n== {lang} (by script): {len(sub)} lines")
            cv_report(sub, sorted({*grid, picked[lang], defaults[lang]}))
        print()
        for lang in ("en", "ko"):
            print(
                f"threshold ({lang}) with out-of-fold clean FP <= {args.max_fp:.0%}: "
                f"{picked[lang]} (default in use: {defaults[lang]})"
            )
        over = [pr.score >= picked[script_language(r["text"])] for r, _, pr in oof]
        viol = [f for (_, lab, _), f in zip(oof, over, strict=True) if lab != CLEAN]
        clean = [f for (_, lab, _), f in zip(oof, over, strict=True) if lab == CLEAN]
        print(
            f"with these: out-of-fold recall {sum(viol) / len(viol):.3f} (all categories), "
            f"clean FP {sum(clean) / len(clean):.4f}"
        )
        if args.show_errors:
            ranked = sorted(zip(oof, over, strict=True), key=lambda x: -x[0][2].score)
            for (r, lab, pr), flagged in ranked:
                if (lab == CLEAN) == flagged:
                    print(f"  {lab:>13} {pr.category:>13} {pr.score:.2f}  {r['text'][:90]}")
    if args.texts:
        for text, pr in zip(args.texts, score_batch(args.texts), strict=True):
            print(f"{pr.score:.3f} {pr.category:>13}  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
