import pytest

from moderation.engine.defaults import default_text_policy
from moderation.engine.screener import build_screener


@pytest.fixture(scope="session")
def policy():
    return default_text_policy()


@pytest.fixture(scope="session")
def screener(policy):
    return build_screener(policy)


def spans(result):
    """(term, matched) pairs; asserts every span maps back to the original text."""
    return [(h.term, h.matched) for h in result.hits]
