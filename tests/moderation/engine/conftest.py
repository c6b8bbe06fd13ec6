import pytest

from moderation.engine.defaults import default_text_policy
from moderation.engine.screener import build_screener


@pytest.fixture(scope="session")
def policy():
    return default_text_policy()


@pytest.fixture(scope="session")
def screener(policy):
    return build_screener(policy)


@pytest.fixture(scope="session")
def screen(screener):
    """Screen a text with the default policy; every hit's span must map back to the text."""

    def run(text):
        result = screener.screen(text)
        for hit in result.hits:
            if hit.span is not None:
                assert text[hit.span[0] : hit.span[1]] == hit.matched
        return result

    return run


def spans(result):
    """(term, matched) pairs; asserts every span maps back to the original text."""
    return [(h.term, h.matched) for h in result.hits]


def kinds(text):
    """The kinds of contact finding in ``text`` (phone, address, exposure, plug, ...)."""
    from moderation.engine.contact import find_contact_info
    from moderation.engine.normalize import normalize

    return [f.kind for f in find_contact_info(normalize(text))]
