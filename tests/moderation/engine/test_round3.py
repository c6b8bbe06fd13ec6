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
    # (two words at least: a single word is not read since round 9, test_round9_rules.py)
    model = classifier.fit(ROWS)
    preds = model.predict(["🖕 you too", "ㅋㅋ 🖕 ㅋㅋ", "🖕🖕", "100 🖕 100"])
    assert preds[0].score > 0.0 and preds[1].score > 0.0 and preds[3].score > 0.0
    assert preds[2].score == 0.0
    # the order of a mixed batch is kept
    assert [p.score == 0.0 for p in model.predict(["🙏", "I will hurt you", "👏👏"])] == [
        True,
        False,
        True,
    ]


# --- 2. patterns are normalised like the text ----------------------------------------


@pytest.mark.parametrize(
    "written,key",
    [
        ("sh1t", "shit"),
        ("f u c k", "fuck"),
        ("씨1발", "씨발"),
        ("병.신", "병신"),
        ("fuuuuck", "fuck"),
        ("ＦＵＣＫ", "fuck"),
    ],
)
def test_a_pattern_reaches_the_key_the_text_does(written, key):
    assert normalize_pattern(written) == key == normalize(written).terms.text


def test_a_leet_written_entry_matches_the_text_it_was_written_for():
    m = TermMatcher({"suspect": ["spam:sub4sub", "offensive:sh1tshow"]})
    hits = m.find(normalize("sub4sub anyone? what a shitshow"))
    assert sorted(h.pattern.entry for h in hits) == ["offensive:sh1tshow", "spam:sub4sub"]
    # and the written form in the text too
    assert m.find(normalize("what a sh1tshow"))


def test_a_spaced_korean_entry_still_matches_with_a_particle_after_it():
    # "목 따" is joined to "목따" like the text would be, and still meets "목 따러"
    m = TermMatcher({"banned": ["threat:목 따"]})
    assert parse_entry("threat:목 따").core == "목따"
    assert m.find(normalize("목 따러 간다"))
    assert m.find(normalize("목따러 간다"))


def test_no_default_entry_is_a_respelling_that_turns_into_a_plain_word(screen):
    # s3xy would now be "sexy": fashion and news must stay clean
    for text in [
        "The sexy new coupe from Hyundai looks great in red",
        "Sexy or not, the jacket was the talk of Seoul Fashion Week",
        "Gym selfies, sexy dresses and the new rules on school uniforms",
    ]:
        res = screen(text)
        assert "sexual" not in res.codes, (text, res.hits)


def test_leet_written_entries_do_not_become_words_of_clean_comments(policy):
    """An entry written with digits or symbols for letters (sub4sub) is matched in its
    folded form (subasub); that form must not be a word, or a phrase, readers use
    innocently. (A phrase is judged whole: "lose 10kg in a month" folds to "lose iokg in a
    month", each word of which some clean comment has, but no clean comment says it.)"""
    import re

    leet = re.compile(r"[a-z][0-9@$!]|[0-9@$!][a-z]")
    clean_words = set()
    clean_keys = []
    for row in classifier.read_jsonl(classifier.training_files()):
        if classifier.label_of(row) == "clean":
            key = " ".join(re.findall(r"[a-z]+", classifier.key_of(row["text"])))
            clean_keys.append(f" {key} ")
            clean_words.update(key.split())
    for entry in policy["banned_terms"] + policy["suspect_terms"]:
        body = entry.split(":", 1)[1]
        if leet.search(body):
            core = parse_entry(entry).core
            if " " in core:
                assert not any(f" {core} " in k for k in clean_keys), (entry, core)
            else:
                assert core not in clean_words, (entry, core)


def test_number_exceptions_are_read_over_the_base_key():
    m = TermMatcher({"banned": ["insult:병신"]}, {"병신": ["<n>년(병신년"]})
    assert not m.find(normalize("2016년(병신년) 새해"))
    assert m.find(normalize("병신년아"))


# --- 3. "going to shoot <person>" is held; shooting photos, hoops and e-mails is not -----

SHOOT_HELD = [
    "I swear I'm going to shoot him the next time he walks past my shop",
    "somebody's gonna shoot that judge one of these days",
    "We should shoot them all at the border",
    "I'll shoot everyone at that office if they fire me",
    "Keep talking and I'm about to shoot her",
    "going to shoot up the stadium this weekend, don't come",
]
SHOOT_CLEAN = [
    "I'm going to shoot hoops with my son after work",
    "We're going to shoot the breeze at the pub tonight",
    "I'll shoot him an email about the corrections",
    "Gonna shoot them a message to confirm the interview",
    "The photographer is going to shoot her for the cover of the spring issue",
    "They're going to shoot her wedding at a hanok in Bukchon",
    "We're going to shoot a music video in Busan next month",
    "The committee will shoot him down again, like every other proposal",
    "That single is about to shoot up the charts",
    "He's going to shoot a free throw with two seconds left",
]


@pytest.mark.parametrize("text", SHOOT_HELD)
def test_going_to_shoot_a_person_is_held(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "threat" in res.codes, res.hits


def test_going_to_shoot_a_person_is_held_not_refused(screen):
    res = screen("Keep it up and he's gonna shoot them")
    assert res.action == "hold" and "threat" in res.codes


@pytest.mark.parametrize("text", SHOOT_CLEAN)
def test_shooting_photos_hoops_and_messages_is_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


# --- 4. Greek mu and the micro sign read as u -----------------------------------------


def test_greek_mu_and_micro_sign_fold_to_u(screen):
    assert fold("μ").text == "u" and fold("µ").text == "u"  # U+03BC, U+00B5
    assert normalize("fμck").terms.text == "fuck"
    assert screen("fµck this paper").action != PUBLISH
    assert screen("shμt up, you dμmbass").action != PUBLISH
    assert screen("PM2.5 particles under 2.5 µm and 10 μg doses").action == PUBLISH


# --- 5. amounts in 조 (trillion) are not 조까 ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "국가 부채가 3조까지 늘어날 전망",
        "적자가 1.5조까지 불어났다고 합니다",
        "예산이 1,200조까지 간다는 건 과장",
        "손실이 3천조까지 간다는 주장은 근거가 없어요",
        "피해액이 수십조까지 추산된다",
        "1조부터 3조까지 순서대로 발표하세요",
    ],
)
def test_trillions_are_not_profanity(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


@pytest.mark.parametrize("text", ["그딴 소리 조까라 그래", "조까 진짜 기사 꼬라지", "다 조까"])
def test_the_swear_itself_is_still_caught(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "offensive" in res.codes


# --- 6. death and gallows wishes; news about capital punishment stays clean -------------

DEATH_HELD = [
    "That coach deserves to die for what he did to those kids",
    "people like her deserve death, plain and simple",
    "Get the noose ready for the finance minister",
    "Bring a noose for every one of those lawmakers",
    "That traitor should be hanged in Gwanghwamun square",
    "The whole cabinet should be strung up",
    "string him up from the nearest tree",
    "he deserves the rope",
]
DEATH_CLEAN = [
    "Nobody deserves to die like that, rest in peace",
    "She didn't deserve to die so young, thoughts with the family",
    "Terminally ill patients deserve to die with dignity, the bill says",
    "The last execution in South Korea was carried out in 1997",
    "Should murderers be hanged? The debate over the death penalty returns",
    "A noose was found on the site in 1923, historians say",
    "Police are investigating a noose left at the construction site as a hate crime",
    "Britain hanged its last prisoners in 1964",
    "We strung up fairy lights across the porch for the party",
]


@pytest.mark.parametrize("text", DEATH_HELD)
def test_death_and_gallows_wishes_are_caught(screen, text):
    res = screen(text)
    assert res.action != PUBLISH and "threat" in res.codes, res.hits


@pytest.mark.parametrize("text", DEATH_CLEAN)
def test_capital_punishment_news_and_condolences_stay_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits


# --- 7. contempt and remarks on bodies without an insult or sexual word -----------------

PLAIN_HELD = [
    ("insult", "Does the columnist have two brain cells to rub together?"),
    ("insult", "With a face for radio he should stop doing TV interviews"),
    ("insult", "the coach has the IQ of a potato and tactics to match"),
    ("insult", "구청장 머리는 장식으로 달고 다니나"),
    ("insult", "저 해설자 얼굴이 흉기네"),
    ("sexual", "The weather lady can come sit on my lap and explain the typhoon"),
    ("sexual", "wonder what the new anchor looks like out of that dress"),
    ("sexual", "여경 제복 벗으면 어떤 모습일까"),
]
PLAIN_CLEAN = [
    "The study tracked how two neurons, or brain cells, signal each other",
    "The coach's tactics were poor and the midfield was overrun all night",
    "머리 장식 하나로 한복 분위기가 확 달라지네요",
    "Toddlers often ask to sit on a grandparent's lap during the ceremony",
    "The designer says the dress is cut on the bias so it moves with the body",
    "교복 치마 길이 규정 완화한다는 교육청 발표",
]


@pytest.mark.parametrize("code,text", PLAIN_HELD)
def test_plain_contempt_and_body_remarks_are_held(screen, code, text):
    res = screen(text)
    assert res.action != PUBLISH and code in res.codes, res.hits


@pytest.mark.parametrize("text", PLAIN_CLEAN)
def test_their_innocent_neighbours_are_clean(screen, text):
    assert screen(text).action == PUBLISH, screen(text).hits
