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


def test_reported_quotes_are_not_scored_but_can_never_raise_a_score(policy):
    """A comment that reports an insult in quotes is scored without the quoted words, as
    the term lists read it; a text whose rest scores higher keeps its own lower score."""
    from moderation.engine import toxicity

    cues = policy["mention_quote_cues"]
    texts = [
        "The tribunal found that calling an intern a 'brainless idiot' on Slack was bullying.",
        "you are a brainless idiot and everyone knows it",
    ]
    reported, used = toxicity.score_batch(texts, quote_cues=cues)
    plain_reported, plain_used = toxicity.score_batch(texts)
    assert plain_reported >= 0.9 and reported < 0.5
    assert used == plain_used >= 0.9
    for text in ("Calling it 'woke nonsense' is lazy", "He said the word 'moron' twice"):
        [with_cues] = toxicity.score_batch([text], quote_cues=cues)
        assert with_cues <= toxicity.score_batch([text])[0]


def test_strip_mentions_blanks_only_reported_quotes(policy):
    from moderation.engine.toxicity import strip_mentions

    cues = tuple(c.lower() for c in policy["mention_quote_cues"])
    assert strip_mentions("시위대가 '꺼져라 매국노'라고 외친 장면이 보도됐다", cues) == (
        "시위대가 라고 외친 장면이 보도됐다"
    )
    assert strip_mentions("He said 'enough is enough' on air", cues) == "He said  on air"
    # no reporting cue outside the quotes: the quote is the comment's own words
    assert strip_mentions("'꺼져라 매국노' 진짜 꺼져", cues) == "'꺼져라 매국노' 진짜 꺼져"
    assert strip_mentions("you 'genius', go away", cues) == "you 'genius', go away"
