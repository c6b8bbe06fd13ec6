"""Demo data: users in every role, articles, comments, and a moderation queue to work.

    python manage.py seed_demo --password PW

Without ``--password`` it refuses, unless DEBUG is on, when it uses the
documented default ``parley-demo``. Running it twice changes nothing.

Everything goes through the services, so the demo's queue is what the real
pipeline made of it: a comment held for contact details, one held for an
insult, one hidden by three readers' reports, and a rejected one under appeal.
The command lives in ``moderation`` because it is the one app that may use
all the others.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comments import services
from comments.models import Article, Comment
from moderation.appeals import appeal_create
from moderation.decisions import decision_apply

DEBUG_DEFAULT_PASSWORD = "parley-demo"

USERS = [
    # username, display name, role
    ("reader", "Min-jun Kim", "reader"),
    ("reader2", "Sarah Lee", "reader"),
    ("reader3", "Ji-woo Park", "reader"),
    ("moderator", "Desk Moderator", "moderator"),
    ("admin", "Standards Editor", "admin"),
]

ARTICLES = [
    {
        "key": "2018-06-12-trump-kim-summit",
        "url": "https://news.example/2018/06/12/trump-kim-summit-singapore",
        "title": "Trump and Kim sign vague denuclearization pledge at Singapore summit",
        "thread": [
            (
                "reader",
                "A handshake is not a treaty. Let's see what actually gets dismantled.",
                [
                    ("reader2", "Agreed, but talking beats the 'fire and fury' of last year."),
                    ("moderator", "Reminder: keep it civil and on topic, everyone."),
                ],
            ),
            (
                "reader2",
                "싱가포르 회담, 결국 구체적인 비핵화 일정은 하나도 없네요.",
                [
                    ("reader", "그래도 대화가 시작된 것 자체는 의미가 있다고 봅니다."),
                ],
            ),
            (
                "reader",
                "Will the joint military exercises really be suspended? Seoul was not consulted.",
                [],
            ),
        ],
    },
    {
        "key": "2026-11-20-seoul-housing",
        "url": "https://news.example/2026/11/20/seoul-housing-prices",
        "title": "Seoul apartment prices climb for the 30th straight week",
        "thread": [
            (
                "reader2",
                "Young couples in Seoul cannot afford anything inside the city anymore.",
                [
                    ("reader", "전세 제도부터 손봐야 한다고 생각해요."),
                ],
            ),
        ],
    },
    {
        "key": "2026-11-25-kbo-final",
        "url": "https://news.example/2026/11/25/kbo-korean-series-final",
        "title": "Korean Series goes to a deciding Game 7",
        "thread": [
            ("reader", "What a game! 7차전까지 가다니 믿기지 않네요.", []),
        ],
    },
]


class Command(BaseCommand):
    help = "Create demo users, articles and comments (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--password", help="Password for all demo users.")

    def handle(self, *args, password: str | None = None, **options) -> None:
        if not password:
            if not settings.DEBUG:
                raise CommandError("--password is required unless DEBUG is on.")
            password = DEBUG_DEFAULT_PASSWORD
            self.stdout.write(f"DEBUG is on: demo users get the password {password!r}.")
        with transaction.atomic():
            users = self._users(password)
            for spec in ARTICLES:
                self._article(spec, users)
            self._queue(users)
        self.stdout.write(self.style.SUCCESS("Demo data ready: users " + ", ".join(users)))

    def _users(self, password: str) -> dict:
        User = get_user_model()
        moderators, _ = Group.objects.get_or_create(name=User.MODERATORS_GROUP)
        users = {}
        for username, display_name, role in USERS:
            user, created = User.objects.get_or_create(
                username=username,
                # example.org is reserved for examples: the console e-mail backend
                # shows what readers would receive, and nothing can reach anyone.
                defaults={"display_name": display_name, "email": f"{username}@example.org"},
            )
            if created:
                user.set_password(password)
                user.is_staff = role in {"moderator", "admin"}
                user.is_superuser = role == "admin"
                user.save()
                if role == "moderator":
                    user.groups.add(moderators)
            users[username] = user
        return users

    def _article(self, spec: dict, users: dict) -> None:
        article, created = services.article_upsert(
            actor=users["admin"], key=spec["key"], url=spec["url"], title=spec["title"]
        )
        if article.comments.exists():
            return
        for author, body, replies in spec["thread"]:
            parent = services.comment_create(author=users[author], article=article, body=body)
            for reply_author, reply_body in replies:
                services.comment_create(
                    author=users[reply_author],
                    article=article,
                    body=reply_body,
                    parent_id=parent.pk,
                )

    def _queue(self, users: dict) -> None:
        """Give the moderator something to work: held, reported and appealed comments."""
        article = Article.objects.get(key=ARTICLES[0]["key"])
        if Comment.objects.filter(article=article, status__in=["pending", "rejected"]).exists():
            return
        # Held by the automated policy (contact details; an insult).
        services.comment_create(
            author=users["reader3"],
            article=article,
            body="Selling summit souvenir coins, text me at 010-2345-6789",
        )
        services.comment_create(
            author=users["reader3"],
            article=article,
            body="Only an idiot would trust Pyongyang again.",
        )
        # Published, then reported by three readers: hidden until a moderator decides.
        reported = services.comment_create(
            author=users["reader2"],
            article=article,
            body="Everyone on this thread is paid by one side or the other. Wake up.",
        )
        for reporter, reason in (
            ("reader", "insult"),
            ("reader3", "off_topic"),
            ("admin", "insult"),
        ):
            services.report_create(reporter=users[reporter], comment_id=reported.pk, reason=reason)
        # Rejected by a moderator, then appealed by its author.
        rejected = services.comment_create(
            author=users["reader"],
            article=article,
            body="The KBO final was better television than this summit.",
        )
        decision_apply(
            moderator=users["moderator"],
            comment_id=rejected.pk,
            action="reject",
            reason_code="off_topic",
            note="Belongs under the sports story.",
            from_status="published",
        )
        appeal_create(
            author=users["reader"],
            comment_id=rejected.pk,
            message="It compares the two events; that is about the summit.",
        )
