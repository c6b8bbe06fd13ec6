"""Round 38 (session 16, after heldout98-101): threats and slurs whose disguise is the
intent (k.i.l.l.e.d, a look-alike letter in a reclaimed word), an escort ad that names
the trade beside the service, and a group's faith called barbaric.
Fresh sentences, none from a corpus."""

import pytest

from moderation.engine.base import PUBLISH


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("k.i.l.l.i.n.g the umpire after that call would be justice", "threat"),
        ("that ref deserves to be k1lled in the parking lot", "threat"),
        ("no qսeers in our locker room, thanks", "hate"),
        ("Incall and outcall, the full girlfriend experience, Gangnam", "sexual"),
        ("the Saudis are barbarians and always will be", "hate"),
    ],
)
def test_held(screen, text, code):
    res = screen(text)
    assert res.action != PUBLISH, res.hits
    assert code in {h.code for h in res.hits}, res.hits


@pytest.mark.parametrize(
    "text",
    [
        "Killing time before the ferry, the harbour market is worth a look",
        "The queer film festival in Sinchon sold out again",
        "A police escort led the team bus out of the stadium",
        "The museum's show on barbarian invasions of Rome opens Friday",
        "He was killed in the crash, the report says, and two others were hurt",
    ],
)
def test_published(screen, text):
    res = screen(text)
    assert res.action == PUBLISH, res.hits
