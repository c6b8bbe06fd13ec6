"""The admin's moderation queue explains each item, safely, at a fixed query cost."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LIST = "/admin/moderation/queuedcomment/"


@pytest.fixture
def admin_client_for(client, moderator):
    client.force_login(moderator)
    return client


def test_list_and_detail_say_why_with_escaped_highlights(
    use_policy, admin_client_for, make_user, article, make_comment
):
    use_policy()
    author = make_user("author")
    held = make_comment(author, article, "<script>x</script> call 010-2345-6789")
    page = admin_client_for.get(LIST).content.decode()
    assert "personal_info \u201c010-2345-6789\u201d" in page
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page

    detail = admin_client_for.get(f"{LIST}{held.pk}/change/").content.decode()
    assert "<mark>010-2345-6789</mark>" in detail
    assert "&lt;script&gt;x&lt;/script&gt; call <mark>" in detail
    assert "<script>x</script>" not in detail


def test_list_costs_the_same_for_two_items_or_twelve(
    use_policy, admin_client_for, make_user, article, make_comment
):
    use_policy()
    author = make_user("author")
    counts = []
    for total in (2, 12):
        while article.comments.filter(status="pending").count() < total:
            make_comment(author, article, "grimbo for sale, ask me")
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client_for.get(LIST).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
