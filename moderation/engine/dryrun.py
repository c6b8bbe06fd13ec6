"""Screen a batch of ``{"id", "text"}`` records with everything the engine has:
the in-request text rules, the (batched) toxicity score and Parley's classifier
(both models as in the Celery step). Used by the
``moderation_dry_run`` management command and by :mod:`moderation.engine.evaluate`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .base import Context, strongest_action
from .rules.classifier import ClassifierRule
from .rules.toxicity import ToxicityRule
from .screener import ScreenResult, get_screener, policy_hash


def screen_records(
    records: Iterable[Mapping[str, Any]],
    policy: Mapping[str, Any],
    *,
    version: Any = "default",
    toxicity: bool = True,
    classifier: bool = True,
    batch_size: int = 256,
    progress: bool = True,
    total: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield ``{"id", "action", "codes", "hits"}`` per record, in input order."""
    screener = get_screener((version, policy_hash(policy)), policy)
    tox_rule = ToxicityRule(policy)
    use_tox = toxicity and tox_rule.action is not None
    clf_rule = ClassifierRule(policy)
    use_clf = classifier and clf_rule.action is not None
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="comment", file=sys.stderr, desc="screening")
    batch: list[tuple[Mapping[str, Any], ScreenResult]] = []

    def flush() -> Iterator[dict[str, Any]]:
        scores = [None] * len(batch)
        if use_tox:
            from .toxicity import score_batch

            scores = score_batch(
                [str(r.get("text") or "") for r, _ in batch],
                quote_cues=policy.get("mention_quote_cues") or (),
            )
        preds = [None] * len(batch)
        if use_clf:
            from .classifier import score_batch as classify
            from .rules.classifier import innocent_variants

            texts = [str(r.get("text") or "") for r, _ in batch]
            preds = classify(texts, variants=innocent_variants(texts, policy))
        for (rec, res), score, pred in zip(batch, scores, preds, strict=True):
            hits = list(res.hits)
            if score is not None:
                hit = tox_rule.hit_for(score)
                if hit is not None:
                    hits.append(hit)
            if pred is not None:
                hit = clf_rule.hit_for(pred, str(rec.get("text") or ""))
                if hit is not None:
                    hits.append(hit)
            final = ScreenResult(strongest_action(hits), hits)
            out = {"id": rec.get("id"), **final.as_dict()}
            if score is not None:
                out["toxicity"] = round(score, 4)
            if pred is not None:
                out["classifier"] = pred.as_dict()
            yield out
        if bar is not None:
            bar.update(len(batch))
        batch.clear()

    ctx = Context()
    for rec in records:
        batch.append((rec, screener.screen(str(rec.get("text") or ""), ctx)))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
    if bar is not None:
        bar.close()
