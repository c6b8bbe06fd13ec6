"""Score the engine against a labelled corpus (no Django needed).

    python -m moderation.engine.evaluate --corpus ../shared/corpus/dev.jsonl
    python -m moderation.engine.evaluate --corpus ../shared/corpus/dev.jsonl --no-toxicity
    python -m moderation.engine.evaluate --corpus ../shared/corpus/dev.jsonl --no-classifier
    python -m moderation.engine.evaluate --corpus ... --results OUT.jsonl   # score a dry-run

Corpus lines: ``{"id", "text", "label": "clean"|"violating", "category", ...}``.
A violating comment counts as caught when its action is hold or reject; a clean
comment is a false positive when its action is hold or reject.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict

from .base import PUBLISH

# corpus category -> policy reason code
CATEGORY_CODE = {
    "profanity": "offensive",
    "sexual": "sexual",
    "spam": "spam",
    "personal_info": "personal_info",
    "insult": "insult",
    "hate": "hate",
    "threat": "threat",
    "impersonation_or_flood": "other",
}
TARGETS = {
    "profanity": 0.98,
    "sexual": 0.98,
    "spam": 0.98,
    "personal_info": 0.98,
    "insult": 0.85,
    "hate": 0.85,
    "threat": 0.85,
}
CODES = [
    "offensive",
    "insult",
    "hate",
    "threat",
    "sexual",
    "spam",
    "personal_info",
    "other",
    "publish",
]


def _read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def report(corpus: list[dict], results: dict[str, dict], out=sys.stdout) -> dict:
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_evasion: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    matrix: dict[str, Counter] = defaultdict(Counter)
    actions: dict[str, Counter] = defaultdict(Counter)
    misses: list[tuple[str, str, str]] = []
    for item in corpus:
        res = results.get(item["id"])
        if res is None:
            raise SystemExit(f"no result for {item['id']}")
        action = res["action"]
        flagged = action != PUBLISH
        cat = item["category"]
        caught[cat][0] += flagged
        caught[cat][1] += 1
        if item["label"] == "violating":
            ev = item.get("evasion", "none")
            by_evasion[ev][0] += flagged
            by_evasion[ev][1] += 1
        codes = res.get("codes") or []
        matrix[cat][codes[0] if flagged and codes else "publish"] += 1
        actions[cat][action] += 1
        wrong = flagged != (item["label"] == "violating")
        if wrong:
            misses.append((item["id"], cat, action))

    def p(*args: object) -> None:
        print(*args, file=out)

    p("Recall (violating comments held or refused)")
    p(f"  {'category':<24}{'caught':>8}{'total':>7}{'recall':>8}{'target':>8}")
    summary: dict[str, float] = {}
    for cat in sorted(c for c in caught if not c.startswith("clean")):
        k, n = caught[cat]
        t = TARGETS.get(cat)
        mark = "" if t is None else ("  ok" if k / n >= t else "  BELOW")
        tt = f"{t:.2f}" if t else "-"
        p(f"  {cat:<24}{k:>8}{n:>7}{k / n:>8.3f}{tt:>8}{mark}")
        summary[f"recall.{cat}"] = k / n
    vk = sum(v[0] for c, v in caught.items() if not c.startswith("clean"))
    vn = sum(v[1] for c, v in caught.items() if not c.startswith("clean"))
    p(f"  {'ALL violating':<24}{vk:>8}{vn:>7}{vk / max(vn, 1):>8.3f}")
    p("")
    p("False positives (clean comments held or refused)")
    p(f"  {'category':<24}{'flagged':>8}{'total':>7}{'rate':>8}{'target':>8}")
    ck = cn = 0
    for cat in sorted(c for c in caught if c.startswith("clean")):
        k, n = caught[cat]
        ck, cn = ck + k, cn + n
        t = 0.05 if cat == "clean_tricky" else None
        tt = f"{t:.2f}" if t else "-"
        p(f"  {cat:<24}{k:>8}{n:>7}{k / n:>8.3f}{tt:>8}")
        summary[f"fp.{cat}"] = k / n
    p(f"  {'ALL clean':<24}{ck:>8}{cn:>7}{ck / max(cn, 1):>8.3f}{'0.02':>8}")
    summary["fp.all_clean"] = ck / max(cn, 1)
    p("")
    p("Recall by evasion form (violating only)")
    for ev in sorted(by_evasion):
        k, n = by_evasion[ev]
        p(f"  {ev:<24}{k:>8}{n:>7}{k / n:>8.3f}")
    p("")
    p("Confusion matrix (rows: corpus category; columns: top reason code, or publish)")
    cols = [c for c in CODES if any(matrix[r][c] for r in matrix)]
    p("  " + f"{'':<24}" + "".join(f"{c[:9]:>10}" for c in cols))
    for cat in sorted(matrix):
        p("  " + f"{cat:<24}" + "".join(f"{matrix[cat][c]:>10}" for c in cols))
    p("")
    p("Actions (rows: corpus category)")
    p("  " + f"{'':<24}" + "".join(f"{a:>10}" for a in ("publish", "hold", "reject")))
    for cat in sorted(actions):
        p(
            "  "
            + f"{cat:<24}"
            + "".join(f"{actions[cat][a]:>10}" for a in ("publish", "hold", "reject"))
        )
    p("")
    p(f"Wrong verdicts ({len(misses)}): " + ", ".join(f"{i} ({c}: {a})" for i, c, a in misses))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", required=True, help="labelled JSONL corpus")
    ap.add_argument("--results", help="score this dry-run output instead of screening")
    ap.add_argument("--no-toxicity", action="store_true", help="without the toxicity model")
    ap.add_argument("--no-classifier", action="store_true", help="without Parley's classifier")
    ap.add_argument("--json", action="store_true", help="also print the summary as JSON")
    args = ap.parse_args(argv)
    corpus = _read_jsonl(args.corpus)
    if args.results:
        results = {r["id"]: r for r in _read_jsonl(args.results)}
    else:
        from .defaults import default_text_policy
        from .dryrun import screen_records

        policy = default_text_policy()
        results = {
            r["id"]: r
            for r in screen_records(
                corpus,
                policy,
                toxicity=not args.no_toxicity,
                classifier=not args.no_classifier,
                total=len(corpus),
            )
        }
        print(
            f"engine: default policy, toxicity={'off' if args.no_toxicity else 'on'}, "
            f"classifier={'off' if args.no_classifier else 'on'}"
        )
    summary = report(corpus, results)
    if args.json:
        print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
