"""Write moderators' decisions as labelled training lines for Parley's classifier.

    python manage.py moderation_export_training --output FILE.jsonl [--since YYYY-MM-DD]

Which decisions become which lines: :mod:`moderation.training_feedback`. To have the
classifier learn them, put the file in a folder that ``PARLEY_CLASSIFIER_EXTRA_DATA``
names and restart the Celery workers (the model is retrained, or loaded from the model
cache, on its first use in a process). Counts per category go to stderr.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "Write moderators' decisions as labelled JSONL lines for the classifier."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="JSONL file to write ('-' = stdout)")
        parser.add_argument(
            "--since", default=None, help="only decisions made on or after this date (YYYY-MM-DD)"
        )

    def handle(self, *args, **options):
        from moderation.training_feedback import decided_lines

        since = None
        if options["since"]:
            try:
                day = datetime.strptime(options["since"], "%Y-%m-%d").date()
            except ValueError:
                raise CommandError("--since: a date as YYYY-MM-DD") from None
            since = timezone.make_aware(datetime.combine(day, time.min))
        counts: Counter = Counter()
        path = options["output"]
        try:
            out = (
                contextlib.nullcontext(self.stdout)
                if path == "-"
                else open(path, "w", encoding="utf-8")
            )
        except OSError as exc:
            raise CommandError(f"--output: {exc}") from exc
        with out as f:
            for line in decided_lines(since=since):
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
                counts[line["category"]] += 1
        total = sum(counts.values())
        detail = ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none"
        print(f"{total} lines ({detail})", file=sys.stderr)
