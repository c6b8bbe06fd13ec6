"""English toxicity score from ``alt-profanity-check`` (a linear SVM over a bag of
words, shipped inside the PyPI package; no network).

The model (scikit-learn + joblib files) is loaded lazily on the first call to
:func:`score_batch`, never at import time, so web processes that import the
engine do not pay for it. Call it from Celery workers, in batches.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Callable, Sequence

_lock = threading.Lock()
_predict: Callable | None = None


def is_loaded() -> bool:
    return _predict is not None


def _load() -> Callable:
    global _predict
    with _lock:
        if _predict is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # sklearn version notes on unpickling
                from profanity_check import predict_prob

            _predict = predict_prob
    return _predict


_TITLE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[-'’][A-Za-z]+)*(?![\w'’-])")
_SENTENCE_END = re.compile(r"[.!?:;\n\"“(]\s*$")


def strip_names(text: str) -> str:
    """Blank out words that read as proper names before the model sees them.

    A bag-of-words model scores ``Dick Van Dyke`` and ``Moby Dick`` like the insult,
    so a Title-case word is dropped when it is inside a sentence or next to another
    Title-case word (``Kim Jong-un``). Sentence-initial single words (``Loser, ...``)
    and ALL-CAPS words are kept. The term lists still read the original text.
    """
    ms = list(_TITLE.finditer(text))
    if not ms:
        return text
    drop = []
    for i, m in enumerate(ms):
        before = text[: m.start()]
        initial = not before.strip() or bool(_SENTENCE_END.search(before))
        prev_adj = i > 0 and not text[ms[i - 1].end() : m.start()].strip()
        next_adj = i + 1 < len(ms) and not text[m.end() : ms[i + 1].start()].strip()
        if not initial or prev_adj or next_adj:
            drop.append(m.span())
    out, last = [], 0
    for a, b in drop:
        out.append(text[last:a])
        last = b
    out.append(text[last:])
    return "".join(out)


def strip_mentions(text: str, quote_cues: Sequence[str]) -> str:
    """Blank out quoted words that the comment reports rather than uses.

    The same test as the term lists' mention rule (:meth:`TermMatcher._mention`): a
    quoted stretch (``'…'``, ``"…"``, ``“…”``, ``「…」``) in a comment whose words outside
    the quotes include a reporting cue (``called``, ``calling``, ``said``, ``the word``
    …), or a word or two in quotes in a comment that addresses no one
    (:func:`moderation.engine.terms.quoted_words`). "A court ruled that calling a
    coworker a 'useless idiot' was an insult" is scored without the quoted words, as the
    term rules already read it.
    """
    if not quote_cues or not any(q in text for q in "'\"‘“「『"):
        return text
    from .terms import quoted_mentions, quoted_words

    spans = sorted(set(quoted_mentions(text, quote_cues)) | set(quoted_words(text)))
    if not spans:
        return text
    out, last = [], 0
    for a, b in spans:
        if a < last:
            continue
        out.append(text[last:a])
        last = b
    out.append(text[last:])
    return "".join(out)


# Body words in health reporting ("anal and throat cancers are preventable", "a
# testicular self-exam"): the bag of words scores them like abuse. Where a medical word
# is in the comment, it is also scored without the body words, and the lower score
# counts (as for reported quotes): nothing is held that the medical reading explains.
_MEDICAL_CUE = re.compile(
    r"\b(?:cancers?|tumou?rs?|vaccin\w*|screening|surgery|diagnos\w*|disease|infection|"
    r"hpv|hiv|std|sti|clinic|doctors?|patients?|symptoms?|health|medical|exam|biopsy|"
    r"therapy|treatment|contracepti\w*|pregnan\w*|gynaecolog\w*|gynecolog\w*|urolog\w*)\b",
    re.IGNORECASE,
)
_BODY_WORD = re.compile(
    r"\b(?:anal|anus|rectal|rectum|penile|penis|vagina[l]?|vulva[r]?|cervical|cervix|"
    r"testic(?:le|les|ular)|breasts?|genitals?|genital|prostate|sexual(?:ly)?|sex|"
    r"nipples?|erectile|bowel)\b",
    re.IGNORECASE,
)


# Names of plants, birds and things that contain a rude word ("pussy willows along the
# stream", "a blue tit", "a shuttlecock"): scored without them too, the lower counts.
_INNOCENT_COMPOUND = re.compile(
    r"\b(?:pussy ?willows?|pussycats?|(?:blue|great|coal) tits?|titmouse|titmice|"
    r"blue-footed boob(?:y|ies)|boob(?:y|ies) birds?|woodcocks?|peacocks?|shuttlecocks?|"
    r"cockatoos?|cockatiels?|cockerels?|cocktails?|dickcissels?|moby[- ]dick|"
    r"kill[- ]chains?|hell'?s kitchen|chinks? in (?:the|its|their|his|her|our)|"
    r"retard (?:tablets?|capsules?|formulations?)|hell yeah|cock-a-doodle-doo\w*|"
    r"horny goat weed|(?:champion|brood|in-whelp) bitch(?:es)?|"
    # Korean raw-fish dishes in romanisation (회 = hoe): cold mulhoe soup, yukhoe
    r"mul-?hoe|yuk-?hoe|hoe-?deop-?bap|saengseon-?hoe|hoe-?bap|"
    # Latin honours on a diploma
    r"(?:summa |magna )?cum laude)(?![a-z])",
    # (?![a-z]), not \b: "Kill Chain이랑" has no word boundary
    re.IGNORECASE,
)


# "hoe" (회, raw fish) where the comment is about eating it: "get the hoe platter at the
# fish market". Only raw-fish words count: "hoe" is on no term list, so this model is the
# only rule that reads it, and "the waitress at that restaurant is a hoe" must still score.
_RAW_FISH_CUE = re.compile(
    r"\b(?:mul-?hoe|yuk-?hoe|sashimi|raw fish|fish market|noryangjin|jagalchi|"
    r"chojang|wasabi)\b|물회|육회|회덮밥|생선회|횟집",
    re.IGNORECASE,
)
_HOE = re.compile(r"\bhoe\b", re.IGNORECASE)


def strip_innocent(text: str) -> str:
    """``text`` without body words when a medical word is in it, without innocent
    compounds (pussy willow, blue tit), and without "hoe" beside raw-fish words; else
    ``text``."""
    if _RAW_FISH_CUE.search(text):
        text = _HOE.sub(" ", text)
    text = _INNOCENT_COMPOUND.sub(" ", text)
    if not _MEDICAL_CUE.search(text):
        return text
    return _BODY_WORD.sub(" ", text)


def score_batch(
    texts: Sequence[str],
    batch_size: int = 512,
    deobfuscate: bool = True,
    quote_cues: Sequence[str] = (),
) -> list[float]:
    """Probability (0..1) that each text is offensive English.

    With ``deobfuscate`` (default) the model reads the engine's match key instead of
    the raw text, so ``ｆｕｃｋ``, ``sh1t``, ``f u c k`` and Cyrillic look-alikes reach it
    as plain words (on the dev corpus this lifted English recall of the model alone
    without raising any clean score above 0.7).

    ``quote_cues`` (the policy's ``mention_quote_cues``): a text with a reported quote
    is also scored without it, and the lower score counts; so is a text with body words
    next to a medical word, without the body words (:func:`strip_innocent`). Blanking a quote only
    removes evidence; a bag of words can score the rest higher ("Saying '…' is racist
    nonsense"), which must not hold a comment the full text would not.
    """
    if not texts:
        return []
    cues = tuple(c.lower() for c in quote_cues)
    texts = [strip_names(t) for t in texts]
    extra = []  # (index, text without its reported quotes)
    for i, t in enumerate(texts):
        stripped = strip_innocent(strip_mentions(t, cues))
        if stripped != t:
            extra.append((i, stripped))
    texts += [t for _, t in extra]
    if deobfuscate:
        from .normalize import normalize

        texts = [normalize(t).terms.text for t in texts]
    predict = _load()
    out: list[float] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(0, len(texts), batch_size):
            out.extend(float(x) for x in predict(list(texts[i : i + batch_size])))
    n = len(out) - len(extra)
    for (i, _), score in zip(extra, out[n:], strict=True):
        out[i] = min(out[i], score)
    return out[:n]
