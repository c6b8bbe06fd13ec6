"""Check a writer's set against the brief: python3 validate.py FILE.jsonl (prints OK)."""

import collections
import json
import sys

VIOL = ["profanity", "sexual", "spam", "personal_info", "insult", "hate", "threat"]
CLEAN = {"clean_tricky": (40, 32, 8), "clean_political": (20, 16, 4), "clean_other": (20, 16, 4)}
EVA = {
    "none", "spacing", "leet", "punctuation", "repeat_chars", "homoglyph", "zero_width",
    "fullwidth", "jamo", "digits_inside", "mixed",
}  # fmt: skip
KEYS = {"id", "lang", "text", "label", "category", "evasion", "note"}


def check_row(n: int, r: dict, errs: list[str]) -> None:
    if r["lang"] not in ("en", "ko", "mixed"):
        errs.append(f"line {n}: lang")
    if not isinstance(r["text"], str) or not r["text"].strip():
        errs.append(f"line {n}: empty text")
    elif len(r["text"]) > 250:
        errs.append(f"line {n}: text {len(r['text'])} chars > 250")
    if r["evasion"] not in EVA:
        errs.append(f"line {n}: evasion {r['evasion']!r}")
    cat = r["category"]
    if cat in VIOL:
        if r["label"] != "violating":
            errs.append(f"line {n}: label should be violating")
    elif cat in CLEAN:
        if r["label"] != "clean":
            errs.append(f"line {n}: label should be clean")
        if r["evasion"] != "none":
            errs.append(f"line {n}: clean line with evasion")
    else:
        errs.append(f"line {n}: category {cat!r}")


def check_counts(rows: list[dict], errs: list[str]) -> None:
    if len(rows) != 440:
        errs.append(f"{len(rows)} lines, need 440")
    ids = [r.get("id") for r in rows]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    texts = [r.get("text", "").strip().lower() for r in rows]
    dup = [t for t, c in collections.Counter(texts).items() if c > 1]
    if dup:
        errs.append(f"duplicate texts: {dup[:5]}")
    c = collections.Counter((r.get("category"), r.get("lang")) for r in rows)
    want = {cat: (20, 16, 4) for cat in VIOL} | CLEAN
    for cat, ks in want.items():
        for lang, k in zip(("en", "ko", "mixed"), ks, strict=True):
            if c[(cat, lang)] != k:
                errs.append(f"{cat}/{lang}: {c[(cat, lang)]}, need {k}")
    ev = sum(1 for r in rows if r.get("label") == "violating" and r.get("evasion") != "none")
    if not 85 <= ev <= 120:
        errs.append(f"{ev} violating lines with evasion, need 85-120")
    cats = [r.get("category") for r in rows]
    if cats[:40] == sorted(cats[:40]) and len(set(cats[:40])) < 4:
        errs.append("lines look grouped; shuffle")


def main(path: str) -> int:
    errs: list[str] = []
    rows: list[dict] = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            errs.append(f"line {n}: blank")
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            errs.append(f"line {n}: bad json {e}")
            continue
        if set(r) != KEYS:
            errs.append(f"line {n}: keys {sorted(r)}")
            continue
        check_row(n, r, errs)
        rows.append(r)
    check_counts(rows, errs)
    if errs:
        print("\n".join(errs[:60]))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
