"""Round 3 of the screening engine: the classifier leaves symbol-only text alone, term
patterns meet the text in the same key, "going to shoot <person>", death and gallows
wishes, Greek mu, and amounts in 조 (trillion). Fresh sentences only, none from a corpus."""

import pytest

from moderation.engine import classifier
from moderation.engine.base import PUBLISH
from moderation.engine.normalize import fold, normalize, normalize_pattern
from moderation.engine.terms import TermMatcher, parse_entry

# --- 1. the classifier does not read text without a letter or a digit -------------------

ROWS = [
    {"text": "🖕🖕🖕", "category": "insult", "label": "violating"},
    {"text": "🖕 you and your paper", "category": "insult", "label": "violating"},
    {"text": "you absolute idiot 🖕", "category": "insult", "label": "violating"},
    {"text": "I will hurt you tonight", "category": "threat", "label": "violating"},
    {"text": "a careful piece on the budget 👍", "category": "clean_other", "label": "clean"},
    {"text": "thanks for the report", "category": "clean_other", "label": "clean"},
    {"text": "the court heard the case today", "category": "clean_tricky", "label": "clean"},
]


@pytest.mark.parametrize("text", ["🖕🖕", "!!!???", "😡😡😡 ...", "❤️", "   ", "-_-"])
def test_symbols_only_get_no_classifier_score(text):
    model = classifier.fit(ROWS)
    [pred] = model.predict([text])
    assert pred.score == 0.0
    assert classifier.has_text(classifier.key_of(text)) is False


def test_text_with_a_letter_or_digit_is_still_read():
    model = classifier.fit(ROWS)
    preds = model.predict(["🖕 you", "ㅋㅋ 🖕", "🖕🖕", "100 🖕"])
    assert preds[0].score > 0.0 and preds[1].score > 0.0 and preds[3].score > 0.0
    assert preds[2].score == 0.0
    # the order of a mixed batch is kept
    assert [p.score == 0.0 for p in model.predict(["🙏", "I will hurt you", "👏👏"])] == [
        True,
        False,
        True,
    ]
