from moderation.engine.base import HOLD, REJECT, Context
from moderation.engine.rules.toxicity import ToxicityRule


def test_threshold_and_action():
    rule = ToxicityRule({"toxicity_threshold": 0.7, "toxicity_action": "reject"})
    assert rule.hit_for(0.69) is None
    hit = rule.hit_for(0.91)
    assert hit.action == REJECT and hit.code == "offensive" and hit.detail["score"] == 0.91
    assert ToxicityRule({"toxicity_action": "off"}).hit_for(0.99) is None
    assert ToxicityRule({}).hit_for(0.99).action == HOLD


def test_check_uses_a_score_from_context_without_loading_model():
    rule = ToxicityRule({"toxicity_threshold": 0.5})
    assert rule.check("whatever", Context(extra={"toxicity_score": 0.8}))[0].action == HOLD
    assert rule.check("whatever", Context(extra={"toxicity_score": 0.1})) == []


def test_score_batch_ranks_abuse_above_civil_text():
    from moderation.engine import toxicity

    scores = toxicity.score_batch(
        [
            "A careful and balanced piece of reporting, thank you.",
            "you are a stupid worthless piece of shit",
        ]
    )
    assert toxicity.is_loaded()
    assert len(scores) == 2 and all(0.0 <= s <= 1.0 for s in scores)
    assert scores[1] > 0.9
    assert scores[0] < 0.2
    assert toxicity.score_batch([]) == []
