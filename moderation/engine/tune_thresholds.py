"""Choose the classifier's thresholds (English, Korean) on labelled sets already seen.

    python -m moderation.engine.tune_thresholds --corpus ../shared/corpus/dev.jsonl \\
        --corpus bench/data/heldout8.jsonl --corpus bench/data/heldout9.jsonl ... [--jobs 2]

The rule (adopted 2026-11-29, see the engine README's heldout11/heldout12 sections):
every corpus is screened once with the default policy, the classifier at threshold 0.5
for both languages; then each pair of thresholds on a 0.60-0.95 grid is replayed from the
recorded scores, and the pair with the largest sum over corpora of
``violating caught - 2 x clean flagged`` wins (ties: the higher pair), among pairs that
keep the *first* corpus (dev) within 2 % false positives on clean and 5 % on
clean_tricky. Lines of categories that are no text matter (impersonation/flood) are left
out.

A corpus whose lines the classifier trains on (a seen set retired into
``data/training/seen_sets.jsonl`` by :mod:`moderation.engine.seen_sets`) would score
itself: its classifier scores come instead from a model trained on the training data
*without* that corpus's texts (leave one set out), so each set is judged as it was when
unseen. The grid starts at 0.60 since round 5 (before: 0.70), because a model trained on
more writers' text may place the best pair lower. The result is a suggestion for
``DEFAULT_THRESHOLD`` / ``DEFAULT_THRESHOLD_KO``; measure the next fresh set once after
setting it.

The false-positive weight (2 above) is ``--fp-weight``. ``--dump FILE`` keeps every
screened line so that ``--from-dump FILE`` replays a choice in seconds, and ``--weigh
2,4,8`` judges each weight the way a fresh test would: each past four-writer test
(``PAST_TESTS``) is held out in turn, the pair is chosen on the rest, and what it does on
the held-out sets is counted (how the weight for heldout54-57 was chosen: engine README).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .classifier import CATEGORIES, fit, label_of, read_jsonl, script_language, training_files

GRID = tuple(round(0.60 + 0.01 * i, 2) for i in range(36))
# the values tried for a category threshold (classifier_category_thresholds)
FLOOR_GRID = tuple(round(0.25 + 0.05 * i, 2) for i in range(8))
FP_WEIGHT = 2  # a clean line flagged costs this many violating lines caught


@dataclass(frozen=True, slots=True)
class Line:
    violating: bool
    lang: str  # "en" | "ko", by script_language
    by_other_rules: bool  # flagged by anything but the classifier
    score: float  # the classifier's score (0 if below 0.5)
    tricky: bool
    # the score without the innocent variants (the text as written only), for --compare
    score_plain: float = 0.0
    category: str = ""
    # the model's probability per violating category, where at least 0.1 (not cut at 0.5)
    probs: dict[str, float] = field(default_factory=dict)


Floors = dict[str, float]  # category -> threshold on that category's probability


def flagged(line: Line, t_en: float, t_ko: float, floors: Floors | None = None) -> bool:
    if line.by_other_rules or line.score >= (t_ko if line.lang == "ko" else t_en):
        return True
    return bool(floors) and any(line.probs.get(c, 0.0) >= f for c, f in floors.items())


def tally(
    lines: list[Line], t_en: float, t_ko: float, floors: Floors | None = None
) -> tuple[int, int]:
    """(violating caught, clean flagged)."""
    caught = sum(1 for x in lines if x.violating and flagged(x, t_en, t_ko, floors))
    fp = sum(1 for x in lines if not x.violating and flagged(x, t_en, t_ko, floors))
    return caught, fp


def objective(
    sets: list[list[Line]],
    t_en: float,
    t_ko: float,
    fp_weight: int = FP_WEIGHT,
    floors: Floors | None = None,
) -> int:
    return sum(c - fp_weight * f for c, f in (tally(s, t_en, t_ko, floors) for s in sets))


def plain(sets: list[list[Line]]) -> list[list[Line]]:
    """The same lines scored on the text as written only (no innocent variants)."""
    from dataclasses import replace

    return [[replace(x, score=x.score_plain) for x in lines] for lines in sets]


def _within_budgets(dev: list[Line], t_en: float, t_ko: float, floors: Floors | None) -> bool:
    clean = [x for x in dev if not x.violating]
    tricky = [x for x in clean if x.tricky]
    return sum(flagged(x, t_en, t_ko, floors) for x in clean) <= 0.02 * len(clean) and sum(
        flagged(x, t_en, t_ko, floors) for x in tricky
    ) <= 0.05 * len(tricky)


def choose(
    sets: list[list[Line]],
    grid=GRID,
    fp_weight: int = FP_WEIGHT,
    floors: Floors | None = None,
) -> tuple[float, float]:
    """The rule above; ``sets[0]`` is the corpus whose FP budgets must hold."""
    dev = sets[0]
    best: tuple | None = None
    for t_en in grid:
        for t_ko in grid:
            if not _within_budgets(dev, t_en, t_ko, floors):
                continue
            value = objective(sets, t_en, t_ko, fp_weight, floors)
            key = (value, t_en + t_ko)
            if best is None or key > best[0]:
                best = (key, t_en, t_ko)
    if best is None:
        raise ValueError("no threshold pair keeps the first corpus within its budgets")
    return best[1], best[2]


def choose_floors(
    sets: list[list[Line]],
    pair: tuple[float, float],
    fp_weight: int = FP_WEIGHT,
    grid=FLOOR_GRID,
) -> Floors:
    """Given the pair, each category in turn gets the value on ``grid`` that raises the
    objective most (none where none raises it; ties: the higher value), keeping the
    first corpus within its budgets."""
    floors: Floors = {}
    for cat in CATEGORIES:
        best = (objective(sets, *pair, fp_weight, floors), 2.0)
        for value in grid:
            trial = {**floors, cat: value}
            if not _within_budgets(sets[0], *pair, trial):
                continue
            key = (objective(sets, *pair, fp_weight, trial), value)
            if key[0] > best[0] or (key[0] == best[0] and best[1] <= 1 and value > best[1]):
                best = key
        if best[1] <= 1:
            floors[cat] = best[1]
    return floors


def choose_all(
    sets: list[list[Line]], grid=GRID, fp_weight: int = FP_WEIGHT, floors: bool = True
) -> tuple[float, float, Floors]:
    """The pair; then, with ``floors``, the category thresholds given the pair and the
    pair again given those (a category threshold that no longer raises the objective
    under the new pair is dropped)."""
    pair = choose(sets, grid, fp_weight)
    if not floors:
        return (*pair, {})
    chosen = choose_floors(sets, pair, fp_weight)
    if not chosen:
        return (*pair, {})
    pair = choose(sets, grid, fp_weight, chosen)
    return (*pair, choose_floors(sets, pair, fp_weight))


def screen_lines(
    corpus: list[dict], training: list[dict] | None = None, cache: bool = False
) -> list[Line]:
    """Screen ``corpus`` with the default policy (classifier at 0.5). When some of its
    texts are in ``training``, the classifier scores come from a model fitted on
    ``training`` without those texts (with ``cache``, loaded from the model cache when a
    run before fitted it on the same rows)."""
    from .classifier import get_model, load_or_fit, lower_of
    from .defaults import default_text_policy
    from .dryrun import screen_records
    from .rules.classifier import innocent_variants

    rows = [r for r in corpus if label_of(r) is not None]
    policy = default_text_policy()
    texts = [r["text"] for r in rows]
    in_corpus = set(texts)
    if training and any(r["text"] in in_corpus for r in training):
        model = (load_or_fit if cache else fit)([r for r in training if r["text"] not in in_corpus])
    else:
        model = get_model()  # the shipped model, as the screening uses it
    plain_preds = model.predict(texts)
    preds = lower_of(model, texts, innocent_variants(texts, policy))
    violating = set(CATEGORIES)

    def cut(score: float) -> float:
        return score if score >= 0.5 else 0.0

    out = []
    for row, res, p, q in zip(
        rows,
        screen_records(rows, policy, classifier=False, progress=False),
        preds,
        plain_preds,
        strict=True,
    ):
        out.append(
            Line(
                violating=row["label"] == "violating",
                lang=script_language(row["text"]),
                by_other_rules=any(h["rule"] != "classifier" for h in res["hits"]),
                score=cut(p.score),
                tricky=row["category"] == "clean_tricky",
                score_plain=cut(q.score),
                category=row["category"],
                probs={c: round(v, 4) for c, v in p.scores.items() if c in violating and v >= 0.1},
            )
        )
    return out


# The pre-declared fresh tests so far (four writers each: heldout34-37 … heldout98-101),
# for --weigh.
PAST_TESTS = tuple(
    tuple(f"heldout{n}" for n in range(first, first + 4)) for first in range(34, 102, 4)
)


def dump(path: str, names: list[str], sets: list[list[Line]]) -> None:
    """Every screened line with its corpus name, so a later choice replays without screening."""
    with open(path, "w", encoding="utf-8") as f:
        for name, lines in zip(names, sets, strict=True):
            for x in lines:
                f.write(json.dumps({"corpus": name, **asdict(x)}) + "\n")


def load(path: str) -> tuple[list[str], list[list[Line]]]:
    names: list[str] = []
    by_name: dict[str, list[Line]] = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            row = json.loads(raw)
            name = row.pop("corpus")
            if name not in by_name:
                names.append(name)
                by_name[name] = []
            by_name[name].append(Line(**row))
    return names, [by_name[n] for n in names]


def weigh(
    names: list[str],
    sets: list[list[Line]],
    weights: list[int],
    blocks=PAST_TESTS,
    grid=GRID,
    floors: bool = True,
) -> list[tuple[int, list[tuple[float, float, Floors]], Counter]]:
    """For each false-positive weight, hold each block of sets out in turn, choose the
    thresholds on the rest (dev still first, so its budgets still bind) and count what they
    do on the block: the choice judged on sets it did not see, as a fresh test judges it."""
    out = []
    for w in weights:
        pairs, tot = [], Counter()
        for block in blocks:
            held = {names.index(b) for b in block if b in names}
            if not held:
                continue
            pair = choose_all([s for i, s in enumerate(sets) if i not in held], grid, w, floors)
            pairs.append(pair)
            for x in (x for i in sorted(held) for x in sets[i]):
                hit = flagged(x, *pair)
                by_classifier = hit and not x.by_other_rules
                if x.violating:
                    tot["violating"] += 1
                    tot["caught"] += hit
                    tot["caught_by_classifier_only"] += by_classifier
                    tot[f"caught_{x.category}"] += hit
                    tot[f"n_{x.category}"] += 1
                else:
                    tot["clean"] += 1
                    tot["fp"] += hit
                    tot["fp_by_classifier_only"] += by_classifier
                    tot["tricky"] += x.tricky
                    tot["tricky_fp"] += hit and x.tricky
        out.append((w, pairs, tot))
    return out


def _show(t_en: float, t_ko: float, floors: Floors | None = None) -> str:
    extra = ",".join(f"{c}>={v}" for c, v in (floors or {}).items())
    return f"{t_en}/{t_ko}" + (f"+{extra}" if extra else "")


_training: list[dict] | None = None


def _screen_path(path: str, cache: bool = False) -> list[Line]:
    # the training rows are read once per process (a pool worker reads its own copy: each
    # task is sent only a path, not 20,000 rows)
    global _training
    if _training is None:
        _training = read_jsonl(training_files())
    return screen_lines(read_jsonl([path]), _training, cache)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", action="append", default=[], help="first one: dev")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="screen this many corpora at once (each seen set trains its own model)",
    )
    ap.add_argument(
        "--compare",
        action="store_true",
        help="also choose on the classifier's scores for the text as written only",
    )
    ap.add_argument(
        "--cache-models",
        action="store_true",
        help="keep each leave-one-set-out model in the model cache (about 35 MB each), so a "
        "re-run on the same training data (a rule change, --compare) trains nothing",
    )
    ap.add_argument("--dump", metavar="FILE", help="write every screened line to FILE (JSONL)")
    ap.add_argument(
        "--from-dump",
        metavar="FILE",
        help="replay the lines a --dump wrote instead of screening (no --corpus needed)",
    )
    ap.add_argument(
        "--fp-weight",
        type=int,
        default=FP_WEIGHT,
        help=f"a clean line flagged costs this many catches (default {FP_WEIGHT})",
    )
    ap.add_argument(
        "--pair-only",
        action="store_true",
        help="choose the two language thresholds only, no category thresholds (the rule "
        "before session 13)",
    )
    ap.add_argument(
        "--weigh",
        metavar="W1,W2,...",
        help="for each weight, hold out each past fresh test (heldout34-37 ... 62-65) in "
        "turn, choose on the rest and print what the choice does on the held-out sets",
    )
    args = ap.parse_args(argv)
    if args.from_dump:
        names, sets = load(args.from_dump)
        args.corpus = names
    elif not args.corpus:
        ap.error("give --corpus (dev first) or --from-dump")
    else:
        from functools import partial

        screen = partial(_screen_path, cache=args.cache_models)
        if args.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=args.jobs) as pool:
                sets = list(pool.map(screen, args.corpus))
        else:
            sets = [screen(path) for path in args.corpus]
        names = [Path(p).stem for p in args.corpus]
        if args.dump:
            dump(args.dump, names, sets)
    if args.weigh:
        weights = [int(x) for x in args.weigh.split(",")]
        for w, pairs, t in weigh(names, sets, weights, floors=not args.pair_only):
            cats = " ".join(f"{c} {t[f'caught_{c}']}/{t[f'n_{c}']}" for c in CATEGORIES)
            print(
                f"weight {w}: pairs {' '.join(_show(*p) for p in pairs)}; held out: "
                f"caught {t['caught']}/{t['violating']} "
                f"({t['caught_by_classifier_only']} by the classifier only), "
                f"clean flagged {t['fp']}/{t['clean']} "
                f"({t['fp_by_classifier_only']} by the classifier only, "
                f"{t['fp_by_classifier_only'] / max(t['clean'], 1):.2%}), "
                f"tricky {t['tricky_fp']}/{t['tricky']}; {cats}"
            )
    w = args.fp_weight
    t_en, t_ko, floors = choose_all(sets, fp_weight=w, floors=not args.pair_only)
    print(
        f"chosen: English {t_en}, Korean {t_ko}, per category {floors or 'none'} "
        f"(objective {objective(sets, t_en, t_ko, w, floors)})"
    )
    if args.compare:
        before = plain(sets)
        p_en, p_ko = choose(before, fp_weight=w)
        print(
            f"without innocent variants: English {p_en}, Korean {p_ko} "
            f"(objective {objective(before, p_en, p_ko, w)})"
        )
    from .classifier import DEFAULT_CATEGORY_THRESHOLDS, DEFAULT_THRESHOLD, DEFAULT_THRESHOLD_KO

    for label, pair in (
        ("chosen", (t_en, t_ko, floors)),
        ("in use", (DEFAULT_THRESHOLD, DEFAULT_THRESHOLD_KO, DEFAULT_CATEGORY_THRESHOLDS)),
    ):
        parts = []
        for name, lines in zip(names, sets, strict=True):
            caught, fp = tally(lines, *pair)
            n_viol = sum(x.violating for x in lines)
            parts.append(f"{name} {caught}/{n_viol} fp {fp}/{len(lines) - n_viol}")
        print(f"  {label} {_show(*pair)}: " + " | ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
